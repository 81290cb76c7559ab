/**
 * Stage 6: write output — never half-written, and never replacing what the path names by something else (a device,
 * a FIFO, a symbolic link, a hard-linked file): see src/write-file.cts, the one writer every output goes through.
 */
import { writeFileSafe } from './write-file.cjs';

export { TEMP_FILE, writeTarget } from './write-file.cjs';

/**
 * Writes bytes to `path` atomically (same directory temp file + rename; a device or FIFO is written through, a
 * symbolic link's target is written, a file with several hard links is written in place once the whole text is on
 * disk: src/write-file.cts). Creates the directory if needed.
 * The calls are synchronous: an output is tens of KB, and each asynchronous call was a trip through the thread pool
 * with the caller's thread idle meanwhile (in a batch worker, the other worker could not use that time); the
 * function stays async for its callers.
 * @throws the underlying fs error (EISDIR for a folder; the temp file is removed first)
 */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  writeFileSafe(path, data);
}
