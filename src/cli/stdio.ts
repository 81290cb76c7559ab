/**
 * The command's own output on stdout and stderr, written to the file descriptors directly (fs.writeSync), without
 * making Node's stream objects: `process.stdout` on a pipe is a net.Socket and on a terminal a tty.WriteStream, and
 * their first use loads Node's net, tty and stream modules (~25 modules, 8–11 ms of a cold command's CPU, issue 22).
 * Other code (commander's help, the prompts of `init`, the progress bar of `batch`) may still use the streams; once a
 * stream of a descriptor exists, writes to it go through that stream, so that nothing is reordered.
 *
 * Failures, as before (issue 23): a stdout whose reader went away (EPIPE, `kehoach schema | head -c1`) ends the command
 * quietly; another failure of stdout (a full disk, /dev/full) is one line on stderr; both exit 3 ("an output could not
 * be written"). A failing stderr is ignored (nowhere left to report it).
 */
import { fstatSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { msg, ioReason, type Lang } from '../i18n/messages.js';

type Fd = 1 | 2;
const NAMES = { 1: 'stdout', 2: 'stderr' } as const;
/** The stream of a descriptor once anything made it (see guardStreams), else undefined. */
const made: { 1?: NodeJS.WriteStream; 2?: NodeJS.WriteStream } = {};
let lang: Lang = 'vi';

/** A failed stdout: said on stderr unless the reader went away, then exit 3. */
function stdoutFailed(e: NodeJS.ErrnoException): never {
  if (e.code !== 'EPIPE') {
    try { writeFd(2, `kehoach: ${msg('cli/stdout-failed', lang, { reason: ioReason(e, lang) })}\n`); } catch { /* nowhere to report */ }
  }
  process.exit(3);
}

/**
 * Guards stdout and stderr for the whole run: each stream, when first made (by this module's fallback or by other
 * code reading `process.stdout`), gets the error handlers described above; until then, nothing is made.
 * @param l the language of the message of a failed stdout
 */
export function guardStreams(l: Lang): void {
  lang = l;
  for (const fd of [1, 2] as const) {
    const name = NAMES[fd];
    const d = Object.getOwnPropertyDescriptor(process, name);
    const guard = (s: NodeJS.WriteStream) => {
      made[fd] = s;
      s.on('error', fd === 1 ? (e: NodeJS.ErrnoException) => stdoutFailed(e) : () => {});
      return s;
    };
    if (!d?.get || !d.configurable) { guard(process[name]); continue; }
    const get = d.get;
    let s: NodeJS.WriteStream | undefined;
    Object.defineProperty(process, name, { configurable: true, enumerable: d.enumerable, get: () => (s ??= guard(get.call(process) as NodeJS.WriteStream)) });
  }
}

let throughStreams = false;
/**
 * Writes the output through `process.stdout` and `process.stderr` (whatever they are then) instead of the descriptors:
 * for code that runs a command in its own process and catches what it prints (tests), as it did before this module.
 * @param on true to write through the streams, false to go back to the descriptors
 */
export function writeThroughStreams(on: boolean): void {
  throughStreams = on;
}

/** Writes all of `data` to a descriptor: through its stream when one exists (or the descriptor is non-blocking and
 * full, EAGAIN: the stream waits for it), else with write(2) directly. */
function writeFd(fd: Fd, data: string | Uint8Array): void {
  const stream = throughStreams ? process[NAMES[fd]] : made[fd];
  if (stream) { stream.write(data); return; }
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'EAGAIN') { process[NAMES[fd]].write(bytes.subarray(done)); return; }
      if (fd === 1) stdoutFailed(err);
      return; // stderr: nowhere to report
    }
  }
}

/** Writes the command's output (text as UTF-8, or bytes: a .docx to `-o -`) to stdout. Exits 3 when stdout fails. */
export const writeOut = (data: string | Uint8Array): void => writeFd(1, data);
/** Writes a message to stderr (a failing stderr is ignored). */
export const writeErr = (text: string): void => writeFd(2, text);

const terminal: { 1?: boolean; 2?: boolean } = {};
/** Linux's major number of the memory devices (/dev/null, /dev/zero, /dev/full: devices.txt), never a terminal. */
const MEMORY_DEVICES = 1;

/**
 * True when the descriptor is a terminal. A pipe or a file (what CI and scripts give) is told by fstat alone, and on
 * Linux so is /dev/null (`> /dev/null`); only another character device is asked of Node's tty module, which loads
 * only then.
 */
export function isTerminal(fd: Fd): boolean {
  if (terminal[fd] === undefined) {
    let maybe = false;
    try {
      const st = fstatSync(fd);
      maybe = st.isCharacterDevice() && !(process.platform === 'linux' && Math.floor(st.rdev / 256) % 4096 === MEMORY_DEVICES);
    } catch { /* closed: no terminal */ }
    terminal[fd] = maybe && (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(fd);
  }
  return terminal[fd];
}
