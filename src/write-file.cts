/**
 * The one function every writer of kehoach goes through (render's .docx and PDF, batch and its manifest, import's
 * YAML, fix, init, the user's cache): a file is never half-written, and what the path names is never replaced by
 * something else.
 *
 * - A symbolic link is followed to its target (`-o /dev/stdout`, a plan linked from elsewhere): the target is written,
 *   the link stays a link, even a dangling one (its target is created).
 * - A device, FIFO or socket (`-o /dev/null`, `-o /dev/tty`, a named pipe) is written through, as a stream; it is
 *   never renamed over (run as root, a rename over /dev/null replaced the device with a regular file). A folder is
 *   refused (EISDIR).
 * - A regular file, or no file, is written to a temporary file beside it, then renamed over it: a reader never sees
 *   half a file and a failed write leaves the old file as it was. The new file keeps the old one's permissions (and,
 *   run as root, its owner).
 * - A regular file with several hard links is written in place, so that every name keeps seeing the same file (as
 *   vim and Emacs do): the whole text is first written to the temporary file, and only then copied over the original,
 *   so a full disk or a read-only folder stops the write before the original is touched. Should the copy itself
 *   fail, the temporary file, complete, is left beside the original and its name given in the error.
 *
 * The calls are synchronous: an output is tens of KB, and each asynchronous call was a trip through the thread pool
 * with the caller's thread idle meanwhile (in a batch worker, the other worker could not use that time).
 * CommonJS (.cts) because the user's cache (src/cache.cts) writes through it before any ES module is loaded.
 */
import {
  closeSync, constants, fchmodSync, fchownSync, fstatSync, ftruncateSync, lstatSync, mkdirSync, openSync, readlinkSync,
  renameSync, unlinkSync, writeSync, type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Names of the temporary files writeFileSafe leaves behind only when the process is killed mid-write. */
export const TEMP_FILE = /^\..+\.\d+\.[a-z0-9]*\.tmp$/;

/** Symbolic links followed before ELOOP (Linux's own limit). */
const MAX_LINKS = 40;

const errno = (code: string, message: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: ${message}`), { code });

/**
 * Fault injection for tests (a full disk or a read-only folder, which chmod cannot simulate for root):
 * KEHOACH_FAULT_WRITE=<errno code, e.g. ENOSPC> makes writes to targets matching the regular expression
 * KEHOACH_FAULT_WRITE_MATCH (default: every target) fail with that code after writing half of the data.
 */
function injectedFault(path: string): NodeJS.ErrnoException | undefined {
  const code = process.env.KEHOACH_FAULT_WRITE;
  if (!code || !new RegExp(process.env.KEHOACH_FAULT_WRITE_MATCH ?? '').test(path)) return undefined;
  return errno(code, `injected write failure, write '${path}'`);
}

/**
 * Where writing `path` really goes: the path itself, or the final target of the symbolic link(s) it names (which
 * need not exist yet).
 * @throws ELOOP after MAX_LINKS links; the lstat errors other than ENOENT
 */
export function writeTarget(path: string): string {
  return followLinks(path).target;
}

/**
 * writeTarget with the final target's lstat (undefined when nothing is there), so that writeFileSafe need not lstat
 * the target a second time.
 * @throws ELOOP after MAX_LINKS links; the lstat errors other than ENOENT
 */
function followLinks(path: string): { target: string; st: Stats | undefined } {
  let p = path;
  for (let i = 0; i < MAX_LINKS; i++) {
    let st: Stats;
    try { st = lstatSync(p); } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { target: p, st: undefined };
      throw e;
    }
    if (!st.isSymbolicLink()) return { target: p, st };
    p = resolve(dirname(p), readlinkSync(p));
  }
  throw errno('ELOOP', `too many symbolic links, write '${path}'`);
}

/** open(2)'s flags for the temporary file, as Node reads 'wx' (given as a number: the string was parsed on every call). */
const CREATE_NEW = constants.O_TRUNC | constants.O_CREAT | constants.O_WRONLY | constants.O_EXCL;

function writeAll(fd: number, data: Uint8Array): void {
  for (let off = 0; off < data.length; ) off += writeSync(fd, data, off, data.length - off);
}

/** Writes into an existing device, FIFO or socket (never creating, never truncating, never replacing it). */
function writeThrough(target: string, data: Uint8Array, fault: NodeJS.ErrnoException | undefined): void {
  const fd = openSync(target, constants.O_WRONLY);
  try {
    if (fault) { writeAll(fd, data.subarray(0, data.length >> 1)); throw fault; }
    writeAll(fd, data);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `data` to `path` (see the module's comment for links, devices, FIFOs and hard links). Creates the folder
 * when needed.
 * @param data the bytes (a string is written as UTF-8)
 * @throws the underlying fs error: EISDIR for a folder, ELOOP for a link loop, ENOSPC, EACCES, EROFS … (the temporary
 *   file is removed first, except when a copy in place failed: then `keptAt` names it)
 */
export function writeFileSafe(path: string, data: Uint8Array | string): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const { target, st: old } = followLinks(path);
  const fault = injectedFault(path);
  if (old?.isDirectory()) throw errno('EISDIR', `illegal operation on a directory, write '${path}'`);
  if (old && !old.isFile()) return writeThrough(target, bytes, fault);
  const folder = dirname(target);
  mkdirSync(folder, { recursive: true });
  const tmp = join(folder, `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  let inPlace = false;
  try {
    const fd = openSync(tmp, CREATE_NEW, old ? old.mode & 0o7777 : 0o666);
    try {
      if (fault) { writeAll(fd, bytes.subarray(0, bytes.length >> 1)); throw fault; }
      writeAll(fd, bytes);
      if (old) {
        fchmodSync(fd, old.mode & 0o7777); // the mode given to open is narrowed by the umask
        if (process.getuid?.() === 0) {
          const now = fstatSync(fd);
          if (old.uid !== now.uid || old.gid !== now.gid) {
            try { fchownSync(fd, old.uid, old.gid); } catch { /* a file system without owners */ }
          }
        }
      }
    } finally {
      closeSync(fd);
    }
    if (old && old.nlink > 1) {
      inPlace = true;
      const out = openSync(target, constants.O_WRONLY);
      try {
        writeAll(out, bytes);
        ftruncateSync(out, bytes.length);
      } finally {
        closeSync(out);
      }
      unlinkSync(tmp);
    } else {
      renameSync(tmp, target);
    }
  } catch (e) {
    if (inPlace) throw Object.assign(e as NodeJS.ErrnoException, { keptAt: tmp });
    try { unlinkSync(tmp); } catch { /* not written */ }
    throw e;
  }
}
