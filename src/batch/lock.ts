/**
 * One batch per output folder: a lock file in outdir (created exclusively, holding the owner's pid; a stale one taken
 * over by one starter only), and the clean-up of temp files a killed run left behind (safe once the lock is held: no other writer is running).
 */
import { link, mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
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

/** How long a starter waits for another one that is taking over a stale lock (ms), in steps. */
const TAKEOVER_WAIT_MS = 5000;
const TAKEOVER_STEP_MS = 25;

/** A new file holding this process's pid, beside `path` (a TEMP_FILE: cleaned if left). @throws when it cannot be made */
async function pidFile(path: string): Promise<string> {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, `${process.pid}\n`, { flag: 'wx' });
  return tmp;
}

/** The text of a lock file, or undefined when it is missing or unreadable. */
const textOf = (path: string): Promise<string | undefined> => readFile(path, 'utf8').catch(() => undefined);
/** The pid a lock file's text names (NaN when it names none). */
const pidOf = (text: string | undefined): number => Number((text ?? '').trim());

/**
 * Takes the lock on outdir (creating the folder). A lock whose process is gone (a killed run) is taken over by one
 * starter only, however many start at once: the takeover itself is guarded by a second lock file (`<lock>.takeover`,
 * made exclusively by a hard link like the lock), and under it the stale lock is replaced in one rename once it is
 * read again and still names a dead process. The lock file thus never disappears during a takeover, so a starter
 * that finds it always reads a pid: a dead one (it waits for the takeover guard) or the new owner's (it is refused).
 * A guard left by a process killed mid-takeover is removed when its process is gone.
 * When the lock cannot be created at all (a read-only folder), the batch goes on unlocked: its writes fail and
 * are reported plan by plan.
 * @returns a function releasing the lock
 * @throws KehoachError (kind "io", rule batch/locked) when a live batch holds outdir
 */
export async function acquireLock(outdir: string, lang: Lang): Promise<() => Promise<void>> {
  const path = resolve(outdir, LOCK_FILE);
  const guard = `${path}.takeover`;
  await mkdir(outdir, { recursive: true }).catch(() => {});
  const locked = (pid: number | string) => new KehoachError(msg('batch/locked', lang, { dir: outdir, pid, lock: path }), [], 'io');
  const release = async () => { held.delete(path); await unlink(path).catch(() => {}); };
  const deadline = Date.now() + TAKEOVER_WAIT_MS;
  let seen: number | string = '?';
  for (;;) {
    if (Date.now() > deadline) throw locked(seen);
    // The pid is written first and the lock made by a hard link, so a reader never sees an empty lock.
    let tmp: string;
    try { tmp = await pidFile(path); } catch { return async () => {}; } // cannot write here: unlocked
    try {
      try {
        await link(tmp, path);
        held.add(path);
        return release;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') continue; // our temp file was cleaned by a concurrent start: try again
        if (code !== 'EEXIST') return async () => {};
      }
      const stale = await textOf(path);
      if (stale === undefined) continue; // released meanwhile
      const pid = pidOf(stale);
      seen = pid;
      const own = pid === process.pid;
      if ((own && held.has(path)) || (!own && alive(pid))) throw locked(pid);
      // Stale: take it over under the guard.
      let guarded = false;
      try {
        await link(tmp, guard);
        guarded = true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return async () => {};
        const g = pidOf(await textOf(guard));
        if (!Number.isNaN(g) && g !== process.pid && !alive(g)) await unlink(guard).catch(() => {}); // left by a killed takeover
      }
      if (guarded) {
        try {
          if ((await textOf(path)) === stale) {
            // Still the stale lock: replaced whole (the lock file exists all along, so no starter's link can succeed).
            await rename(tmp, path);
            held.add(path);
            return release;
          }
        } finally {
          await unlink(guard).catch(() => {});
        }
        continue; // someone else took it meanwhile: look again
      }
      await new Promise((r) => setTimeout(r, TAKEOVER_STEP_MS));
    } finally {
      await unlink(tmp).catch(() => {});
    }
  }
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
