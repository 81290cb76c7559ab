/**
 * Stage 6: write output atomically — to a temporary file beside the target, then rename — so that a reader
 * never sees a half-written .docx and a failed render leaves the old file untouched.
 */
import { writeFile, rename, unlink, mkdir } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/**
 * Writes bytes to `path` atomically (same directory temp file + rename). Creates the directory if needed.
 * @throws the underlying fs error (the temp file is removed first)
 */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
}
