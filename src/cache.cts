/**
 * The user's cache folder for kehoach: what is costly to make and depends only on its inputs (an office's templates
 * compiled, the package skeleton docx assembles, a layout profile resolved, the command line's code cache under
 * another Node version than the build's) is kept there under its whole key: the build's id (dist/build-id.json: the
 * package version, a digest of the built code, docx's and Handlebars' versions), Node's version and the entry's inputs
 * (cacheKey builds it, the one place a key is made), so a changed input or a new build never meets an old entry. One
 * API for every stage: readKeyed(kind, inputs) and writeKeyed(kind, inputs, content).
 * The folder is $KEHOACH_CACHE_DIR, else $XDG_CACHE_HOME/kehoach, else ~/.cache/kehoach (%LOCALAPPDATA%\kehoach on
 * Windows); KEHOACH_CACHE=0 turns caching off. Nothing is ever written outside it, and every failure to read or
 * write it falls back silently to making the thing again.
 *
 * What an entry must pass before it is used (some entries are code: compiled templates are evaluated, V8 code caches
 * are run), and what each check protects against:
 *   - The folder (the cache folder and the entry's kind folder) is a directory owned by the user and writable by no
 *     group and no one else (POSIX; on Windows %LOCALAPPDATA% is the user's own). This is what protects against a
 *     planted entry: whoever can write the folder can write a whole well-formed entry, so a folder another user can
 *     write (or owns) is not used at all, neither read nor written (NODE_DEBUG=kehoach says why).
 *   - The entry is a regular file (no link followed, no FIFO, no device) of a bounded size, read by its descriptor:
 *     a FIFO or a link to /dev/zero never hangs a command.
 *   - Its first line holds its whole key (the format, the kind, Node's version and everything it depends on): an
 *     entry is never served under another key that shares its file name (a quick-hash collision, a copied file).
 *   - Then the length and a digest (CRC-32, see digestOf) of its content: a truncated or corrupted entry is rebuilt.
 *     The digest is no signature (anyone who can write the folder can compute it), so it guards against accidents
 *     only, and it needs no crypto module (loading node:crypto costs a cold command ~7 ms).
 * Anything else is ignored and made again.
 * CommonJS (.cts) because the command's launcher (src/cli.cts) uses it before any ES module is loaded.
 */
import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The format named on each entry's first line (a new format never reads an old entry). */
const FORMAT = 'kehoach-cache/2';
/** The largest entry read (bytes): the command line's code cache is the largest, a few MB. */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

/** A debug note on stderr with NODE_DEBUG=kehoach (for developers: not a message of the catalogue), else nothing. */
export const debug = (text: string): void => {
  if (/\bkehoach\b/i.test(process.env.NODE_DEBUG ?? '')) process.stderr.write(`KEHOACH ${process.pid}: ${text}\n`);
};

/** The user's cache folder for kehoach, or null when caching is off. */
export function cacheDir(): string | null {
  const env = process.env;
  if (env.KEHOACH_CACHE === '0') return null;
  if (env.KEHOACH_CACHE_DIR) return env.KEHOACH_CACHE_DIR;
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'kehoach');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kehoach');
}

/**
 * Whether a folder may hold cache entries: a directory owned by this user that no group and no one else can write.
 * Always true on Windows (no POSIX owner and mode; %LOCALAPPDATA% is the user's own). A missing folder is not.
 */
export function trustedFolder(dir: string): boolean {
  try {
    const st = statSync(dir);
    if (!st.isDirectory()) return refuse(dir, 'not a directory');
    if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
    if (st.uid !== process.getuid()) return refuse(dir, `owned by uid ${st.uid}, not ${process.getuid()}`);
    if (st.mode & 0o022) return refuse(dir, `writable by others (mode ${(st.mode & 0o777).toString(8)})`);
    return true;
  } catch {
    return false;
  }
}
const refuse = (dir: string, why: string): false => {
  debug(`cache folder ${dir} not used: ${why}`);
  return false;
};

/** The folders an entry file lies in (its kind folder and the cache folder) are trusted (see trustedFolder). */
const trustedPlace = (file: string): boolean => trustedFolder(join(file, '..', '..')) && trustedFolder(join(file, '..'));

/**
 * Reads a regular file, at most `max` bytes: never follows a final link, never blocks on a FIFO, never reads a device.
 * @returns its bytes, or undefined when it is missing, not a regular file, larger than `max` or unreadable
 */
export function readRegularFile(file: string, max = MAX_ENTRY_BYTES): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > max) return undefined;
    const buf = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, buf, got, st.size - got, got);
      if (n === 0) break;
      got += n;
    }
    return got === st.size ? buf : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The kind of an entry file: the name of its folder. */
const kindOf = (file: string): string => join(file, '..').split(/[\\/]/).pop()!;

/**
 * A digest of an entry's content, against accidental corruption (not a signature): zlib's CRC-32, native and fast (a
 * render loads zlib anyway; hashing a 23 KB skeleton with quickHash in a cold process cost 1-10 ms before V8
 * optimised it), or under a Node without zlib.crc32 (before 22.2) quickHash of the bytes' latin1 text. Node's version
 * is in every entry's header, so one version always meets its own kind of digest.
 */
const digestOf = (content: Buffer): string => {
  const { crc32 } = require('node:zlib') as { crc32?: (data: Uint8Array) => number };
  return crc32 ? `crc32:${(crc32(content) >>> 0).toString(16)}` : `quick:${quickHash(content.toString('latin1'))}`;
};

/** The entry's first line: its format, kind, Node's version, whole key, and its content's length and digest. */
const headerOf = (kind: string, key: string, content: Buffer): string =>
  JSON.stringify([FORMAT, kind, process.version, key, content.length, digestOf(content)]);

/**
 * Reads an entry written by writeEntry: its content when the folder is trusted, the file regular and bounded, and its
 * first line names this kind, key and Node version with the content's length and digest; else undefined.
 */
function readEntry(file: string, key: string): Buffer | undefined {
  if (!trustedPlace(file)) return undefined;
  const bytes = readRegularFile(file);
  if (!bytes) return undefined;
  const nl = bytes.indexOf(10);
  if (nl < 0) return undefined;
  const content = bytes.subarray(nl + 1);
  return bytes.toString('utf8', 0, nl) === headerOf(kindOf(file), key, content) ? content : undefined;
}

/** Writes an entry (its header line, then its content) atomically; nothing when its folder is not trusted. */
function writeEntry(file: string, key: string, content: Buffer): void {
  try {
    // Folders made for the user alone (one that exists keeps its mode: then it must already be the user's alone);
    // nothing is made inside a cache folder that is not trusted.
    const kindDir = join(file, '..');
    const root = join(kindDir, '..');
    mkdirSync(root, { recursive: true, mode: 0o700 });
    if (!trustedFolder(root)) return;
    mkdirSync(kindDir, { recursive: true, mode: 0o700 });
    if (!trustedFolder(kindDir)) return;
    // Batch workers share the pid; each thread's Math.random is seeded on its own.
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, Buffer.concat([Buffer.from(`${headerOf(kindOf(file), key, content)}\n`), content]), { flag: 'wx', mode: 0o600 });
    renameSync(tmp, file);
  } catch { /* make it again next time */ }
}

/**
 * A 64-bit hash of a string's UTF-16 code units as 16 hex digits (cyrb53's mixing, both halves kept). Not a security
 * hash, and it may collide: it names a keyed entry (which holds its whole key, so a collision costs a rebuild, never a
 * wrong entry).
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

/** The build's identity (dist/build-id.json, written by scripts/build-id.mjs): the package version, docx's and
 * Handlebars' versions and a digest of every code file of dist/. In the command line's bundle this module's __dirname
 * is still dist/ (scripts/bundle.mjs keeps each module's own folder). */
export interface BuildId { id: string; version: string; docx: string; handlebars: string; code: string }
let build: BuildId | null | undefined;

/**
 * The build's identity, read once per process from dist/build-id.json (one small JSON file, no hash computed): every
 * cache key starts with its `id`, so a new build, package version, docx or Handlebars never meets an old entry.
 * @returns it, or null from source (no build, so nothing is cached) or when the file is missing or malformed
 */
export function buildId(): BuildId | null {
  if (build === undefined) {
    try {
      const b = JSON.parse(readFileSync(join(__dirname, 'build-id.json'), 'utf8')) as Partial<BuildId> | null;
      build = typeof b?.id === 'string' && /^[0-9a-f]{64}$/.test(b.id) ? (b as BuildId) : null;
    } catch {
      build = null;
    }
  }
  return build;
}

/**
 * The whole key of an entry: the build's id (see buildId), then the inputs the entry is made from (Node's version is
 * added by every entry's header). The one place a cache key is built.
 * @param inputs everything else the entry depends on (a template's text, a package shape, a folder and family, …)
 * @returns the key, or null when nothing is cached (caching off, or no build: from source)
 */
export function cacheKey(kind: string, inputs: readonly string[]): string | null {
  const b = cacheDir() === null ? null : buildId();
  return b ? JSON.stringify([kind, b.id, ...inputs]) : null;
}

/** The file of an entry: `<cache>/<kind>/<quickHash(key)>.entry` (no crypto: its name is a quick hash of the key it holds). */
export function keyedFile(kind: string, key: string): string {
  return join(cacheDir() ?? '', kind, `${quickHash(`${process.version}\0${key}`)}.entry`);
}

/**
 * Reads an entry kept under its whole key (see writeKeyed): a compiled template, a package skeleton, a resolved
 * profile, the command line's V8 code cache. Named without loading crypto, and served only when it passes (see the
 * module's comment): a trusted folder, a regular file, this key under this Node version, its content whole.
 * @param kind the entry's folder in the cache ("templates", "skeletons", "profiles", "code")
 * @param inputs what the entry depends on besides the build (see cacheKey)
 * @returns the entry's bytes, or undefined (missing, does not pass, caching off, no build)
 */
export function readKeyed(kind: string, inputs: readonly string[]): Buffer | undefined {
  const key = cacheKey(kind, inputs);
  return key === null ? undefined : readEntry(keyedFile(kind, key), key);
}

/**
 * Writes an entry under its whole key, to be read back by readKeyed: atomically (a temporary file of its own,
 * renamed); a failure (read-only or missing home, a folder others can write) is ignored.
 * @param content text (written as UTF-8) or bytes, or a function making them, called only when the entry is written
 *   (not when caching is off or there is no build: V8's code cache costs milliseconds to serialise)
 */
export function writeKeyed(kind: string, inputs: readonly string[], content: string | Uint8Array | (() => string | Uint8Array)): void {
  const key = cacheKey(kind, inputs);
  if (key === null) return;
  const c = typeof content === 'function' ? content() : content;
  writeEntry(keyedFile(kind, key), key, typeof c === 'string' ? Buffer.from(c) : Buffer.from(c.buffer, c.byteOffset, c.byteLength));
}
