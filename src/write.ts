/**
 * Stage 6: write output atomically — to a temporary file beside the target, then rename — so that a reader
 * never sees a half-written .docx and a failed render leaves the old file untouched.
 */
import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/** Names of the temporary files writeFileAtomic leaves behind only when the process is killed mid-write. */
export const TEMP_FILE = /^\..+\.\d+\.[a-z0-9]*\.tmp$/;

/**
 * Fault injection for tests (a full disk or a read-only folder, which chmod cannot simulate for root):
 * KEHOACH_FAULT_WRITE=<errno code, e.g. ENOSPC> makes writes to targets matching the regular expression
 * KEHOACH_FAULT_WRITE_MATCH (default: every target) fail with that code after writing half of the temp file.
 */
function injectedFault(path: string): NodeJS.ErrnoException | undefined {
  const code = process.env.KEHOACH_FAULT_WRITE;
  if (!code || !new RegExp(process.env.KEHOACH_FAULT_WRITE_MATCH ?? '').test(path)) return undefined;
  return Object.assign(new Error(`${code}: injected write failure, write '${path}'`), { code });
}

/**
 * Writes bytes to `path` atomically (same directory temp file + rename). Creates the directory if needed.
 * The calls are synchronous: an output is tens of KB, and each asynchronous call was a trip through the thread pool
 * with the caller's thread idle meanwhile (in a batch worker, the other worker could not use that time); the
 * function stays async for its callers.
 * @throws the underlying fs error (the temp file is removed first)
 */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    const fault = injectedFault(path);
    if (fault) { writeFileSync(tmp, data.subarray(0, data.length >> 1)); throw fault; }
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* not written */ }
    throw e;
  }
}
