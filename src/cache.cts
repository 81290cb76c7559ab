/**
 * The user's cache folder for kehoach: what is costly to make and depends only on its inputs (an office's templates
 * compiled, the package skeleton docx assembles, a layout profile resolved, the command line's code cache under
 * another Node version than the build's) is kept there under the SHA-256 of those
 * inputs and of the code that makes it, so a changed input or a new version never meets an old entry.
 * The folder is $KEHOACH_CACHE_DIR, else $XDG_CACHE_HOME/kehoach, else ~/.cache/kehoach (%LOCALAPPDATA%\kehoach on
 * Windows); KEHOACH_CACHE=0 turns caching off. Nothing is ever written outside it, and every failure to read or
 * write it falls back silently to making the thing again.
 * CommonJS (.cts) because the command's launcher (src/cli.cts) uses it before any ES module is loaded.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Node's crypto, loaded when first needed: it costs ~6 ms to load, and a cold `validate` hashes nothing. */
const crypto = (): typeof import('node:crypto') => require('node:crypto') as typeof import('node:crypto');

/** The user's cache folder for kehoach, or null when caching is off. */
export function cacheDir(): string | null {
  const env = process.env;
  if (env.KEHOACH_CACHE === '0') return null;
  if (env.KEHOACH_CACHE_DIR) return env.KEHOACH_CACHE_DIR;
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'kehoach');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kehoach');
}

/**
 * The cache file of an entry: `<cache>/<kind>/<sha256>.<ext>`, the hash over `parts` and the text of the built
 * code files `code` (URLs of dist modules; from source, where they are .ts, there is no entry: returns null).
 * @returns the path, or null when caching is off or the code cannot be read
 */
export function cacheFile(kind: string, ext: string, parts: string[], code: URL[]): string | null {
  const dir = cacheDir();
  if (!dir) return null;
  const h = crypto().createHash('sha256').update(`${kind}\0${process.version}\0`);
  for (const p of parts) h.update(p).update('\0');
  try {
    for (const u of code) h.update(readFileSync(fileURLToPath(u)));
  } catch {
    return null;
  }
  return join(dir, kind, `${h.digest('hex')}.${ext}`);
}

/** Reads a cache file, or undefined when it is missing or unreadable. */
export function readCache(file: string | null): string | undefined {
  if (!file) return undefined;
  try { return readFileSync(file, 'utf8'); } catch { return undefined; }
}

/** Reads a binary cache file, or undefined when it is missing or unreadable. */
export function readCacheBytes(file: string | null): Buffer | undefined {
  if (!file) return undefined;
  try { return readFileSync(file); } catch { return undefined; }
}

/** Writes a cache file (text, or bytes) atomically (a temporary file of its own, renamed); a failure
 * (read-only or missing home) is ignored. */
export function writeCache(file: string | null, text: string | Uint8Array): void {
  if (!file) return;
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    const tmp = `${file}.${process.pid}.${crypto().randomBytes(6).toString('hex')}.tmp`; // batch workers share the pid
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch { /* make it again next time */ }
}
