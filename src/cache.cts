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
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileSafe } from './write-file.cjs';

/** Node's crypto, loaded when first needed: it costs ~6 ms to load (and ~1 ms more for the first hash); a cold `validate`
 * hashes nothing, and a cold `render` of the package's templates neither (see readKeyed). */
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

/** Writes a cache file (text, or bytes) through the project's one writer (src/write-file.cts: a temporary file of its
 * own, renamed; a link or a device in its place is never replaced); a failure (read-only or missing home) is ignored. */
export function writeCache(file: string | null, text: string | Uint8Array): void {
  if (!file) return;
  try { writeFileSafe(file, text); } catch { /* make it again next time */ }
}

/**
 * A 64-bit hash of a string's UTF-16 code units as 16 hex digits (cyrb53's mixing, both halves kept). Not a security
 * hash, and it may collide: it only names a cache entry that holds its whole key (readKeyed), so a collision costs a
 * rebuild, never a wrong entry.
 */
export function quickHash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** The file of a keyed entry: `<cache>/<kind>/<quickHash(key)>.<ext>`, or null when caching is off. */
const keyedFile = (kind: string, ext: string, key: string): string | null => {
  const dir = cacheDir();
  return dir ? join(dir, kind, `${quickHash(`${kind}\0${process.version}\0${key}`)}.${ext}`) : null;
};

/**
 * Reads an entry kept under its whole key (see writeKeyed): for what a cold `render` reads every time (a package
 * skeleton), named without loading crypto. The file's first line is the key as JSON; the entry is served only when it
 * is this key, under this Node version.
 * @param key everything the entry depends on, including the identity of the code that made it
 * @returns the entry's text, or undefined (missing, unreadable, another key, caching off)
 */
export function readKeyed(kind: string, ext: string, key: string): string | undefined {
  const text = readCache(keyedFile(kind, ext, key));
  if (text === undefined) return undefined;
  const head = JSON.stringify(`${process.version}\0${key}`);
  return text.length > head.length && text.startsWith(head) && text[head.length] === '\n' ? text.slice(head.length + 1) : undefined;
}

/** Writes an entry under its whole key, to be read back by readKeyed (atomically; a failure is ignored). */
export function writeKeyed(kind: string, ext: string, key: string, text: string): void {
  writeCache(keyedFile(kind, ext, key), `${JSON.stringify(`${process.version}\0${key}`)}\n${text}`);
}
