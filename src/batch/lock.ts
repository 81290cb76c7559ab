/**
 * One batch per output folder: a lock file in outdir (created exclusively, holding the owner's pid), and the
 * clean-up of temp files a killed run left behind (safe once the lock is held: no other writer is running).
 */
import { writeFile, link, readFile, readdir, unlink, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { KehoachError } from '../errors.js';
import { msg, type Lang } from '../i18n/messages.js';
import { TEMP_FILE } from '../write.js';

/** Name of the lock file inside the output folder. */
export const LOCK_FILE = '.kehoach-batch.lock';

/** Locks held by this process (a second batch in the same process is refused like one from another process). */
const held = new Set<string>();

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/**
 * Takes the lock on outdir (creating the folder). A lock whose process is gone (a killed run) is taken over.
 * When the lock cannot be created at all (a read-only folder), the batch goes on unlocked: its writes fail and
 * are reported plan by plan.
 * @returns a function releasing the lock
 * @throws KehoachError (kind "io", rule batch/locked) when a live batch holds outdir
 */
export async function acquireLock(outdir: string, lang: Lang): Promise<() => Promise<void>> {
  const path = resolve(outdir, LOCK_FILE);
  await mkdir(outdir, { recursive: true }).catch(() => {});
  for (let attempt = 0; attempt < 3; attempt++) {
    // The pid is written first and the lock made by a hard link, so a reader never sees an empty lock.
    const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`; // a TEMP_FILE: cleaned if left
    try {
      await writeFile(tmp, `${process.pid}\n`);
      try { await link(tmp, path); } finally { await unlink(tmp).catch(() => {}); }
      held.add(path);
      return async () => { held.delete(path); await unlink(path).catch(() => {}); };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue; // our temp file was cleaned by a concurrent start: try again
      if (code !== 'EEXIST') return async () => {};
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      const own = pid === process.pid;
      if ((own && held.has(path)) || (!own && alive(pid))) {
        throw new KehoachError(msg('batch/locked', lang, { dir: outdir, pid, lock: path }), [], 'io');
      }
      await unlink(path).catch(() => {}); // stale: its process is gone
    }
  }
  throw new KehoachError(msg('batch/locked', lang, { dir: outdir, pid: '?', lock: path }), [], 'io');
}

/** Removes the temp files of writeFileAtomic under outdir (left by a run killed mid-write); never follows links. */
export async function removeStaleTemps(outdir: string): Promise<void> {
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (e.isDirectory()) await walk(join(dir, e.name));
      else if (e.isFile() && TEMP_FILE.test(e.name)) await unlink(join(dir, e.name)).catch(() => {});
    }
  };
  await walk(outdir);
}
