/**
 * PDF output through LibreOffice headless (`soffice --convert-to pdf`). One soffice process converts a whole
 * batch, with its own throw-away profile folder (so it never collides with a desktop LibreOffice or a parallel run)
 * and a timeout on the wait for each next PDF (a hung soffice is stopped with every process it started). The page size is the document's (A4 from the layout); LibreOffice embeds (subsets of) the fonts
 * it used: Times New Roman when installed, else the metric-compatible Liberation Serif (fonts-liberation2).
 * Electronic documents under NĐ 30/2020 (Điều 11, Phụ lục I) are sent as PDF, so this is a main output.
 */
import { markPdf } from './pdf-mark.js';
import { applicationMark } from './version.js';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { KehoachError } from './errors.js';
import { msg, type Lang } from './i18n/messages.js';
import { writeFileAtomic } from './write.js';

/** Names LibreOffice's command goes by (Debian/Ubuntu: soffice and libreoffice; Windows: soffice.exe). */
const COMMANDS = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];

/** Path of LibreOffice's soffice on PATH (or $KEHOACH_SOFFICE), or undefined when it is not installed. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.KEHOACH_SOFFICE) return existsSync(env.KEHOACH_SOFFICE) ? env.KEHOACH_SOFFICE : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const c of COMMANDS) {
      const p = join(dir, c);
      try { if (statSync(p).isFile()) return p; } catch { /* not here */ }
    }
  }
  return undefined;
}

/**
 * Throws the "install LibreOffice" usage error (exit 2 in the CLI) when soffice is missing; call it before writing
 * anything, so a missing converter leaves no file behind.
 * @returns the soffice path
 * @throws KehoachError kind "usage" (message pdf/no-soffice)
 */
export function requireSoffice(lang: Lang = 'vi'): string {
  const s = findSoffice();
  if (!s) throw new KehoachError(msg('pdf/no-soffice', lang), [], 'usage');
  return s;
}

/** One conversion: the .docx bytes and where the PDF goes. */
export interface PdfJob { docx: Uint8Array; output: string }

/** The longest wait for soffice's next PDF (its start included) before it is taken as hung: 2 minutes (ms). */
export const PDF_IDLE_TIMEOUT_MS = 120_000;

/**
 * Converts .docx documents to PDF with one soffice process; writes each PDF atomically to its output path.
 * soffice runs in a process group of its own: when no new PDF has come for `timeoutMs` it is taken as hung and the
 * whole group is killed (soffice starts soffice.bin, which would otherwise be left running), as it is when kehoach
 * exits or is interrupted meanwhile.
 * @param timeoutMs the longest wait for the next PDF, the first included (default PDF_IDLE_TIMEOUT_MS): a batch of any
 *   size gets it per document, and a hung soffice is stopped within it
 * @throws KehoachError kind "usage" when soffice is missing, kind "io" when it fails, times out or writes no PDF; the
 *   reason is the timeout, soffice's exit status or its error line (LibreOffice's warnings are not taken for one)
 */
export async function convertToPdf(jobs: PdfJob[], lang: Lang = 'vi', timeoutMs = PDF_IDLE_TIMEOUT_MS): Promise<void> {
  if (!jobs.length) return;
  const soffice = requireSoffice(lang);
  const work = mkdtempSync(join(tmpdir(), 'kehoach-pdf-'));
  try {
    // Files named by index: two outputs with the same base name in different folders never clash.
    const inputs = jobs.map((j, i) => {
      const f = join(work, `${i}.docx`);
      writeFileSync(f, j.docx);
      return f;
    });
    const outDir = join(work, 'out');
    mkdirSync(outDir);
    const profile = `file://${join(work, 'profile').replace(/\\/g, '/').replace(/^([A-Za-z]):/, '/$1:')}`;
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', outDir, ...inputs];
    const output = await runSoffice(soffice, args, outDir, timeoutMs, lang);
    for (let i = 0; i < jobs.length; i++) {
      const pdf = join(outDir, `${i}.pdf`);
      if (!existsSync(pdf)) {
        const error = errorLine(output);
        const reason = msg('pdf/no-output', lang, { file: basename(jobs[i].output) }) + (error ? ` (${error})` : '');
        throw new KehoachError(msg('pdf/failed', lang, { reason }), [], 'io');
      }
      const bytes = readFileSync(pdf);
      await writeFileAtomic(jobs[i].output, markPdf(bytes, applicationMark()) ?? bytes);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The last line of soffice's output that reports an error ("Error: source file could not be loaded"), if any. */
const errorLine = (output: string): string | undefined => output.split(/\r?\n/).map((l) => l.trim()).filter((l) => /\berror\b/i.test(l)).pop();

/**
 * Runs soffice in a process group of its own, killing the group when no new PDF came into outDir for timeoutMs, when
 * soffice has exited (anything it left behind), and when kehoach exits or is interrupted (SIGINT, SIGTERM) meanwhile.
 * @returns soffice's output (stdout and stderr, the last 64 KB)
 * @throws KehoachError kind "io" (pdf/failed) when it cannot start, times out, or exits otherwise than with status 0
 */
function runSoffice(soffice: string, args: string[], outDir: string, timeoutMs: number, lang: Lang): Promise<string> {
  const posix = process.platform !== 'win32';
  return new Promise<string>((resolve, reject) => {
    const child = spawn(soffice, args, { detached: posix, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let output = '';
    const keep = (d: Buffer) => { output = (output + d.toString('utf8')).slice(-65536); };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const killGroup = (): void => {
      if (child.pid === undefined) return;
      try {
        if (posix) process.kill(-child.pid, 'SIGKILL');
        else spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
      } catch { /* already gone */ }
    };
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; killGroup(); }, timeoutMs);
    let made = 0;
    const poll = setInterval(() => {
      let n = made;
      try { n = readdirSync(outDir).filter((f) => f.endsWith('.pdf')).length; } catch { /* not yet */ }
      if (n > made) { made = n; timer.refresh(); }
    }, Math.max(50, Math.min(1000, timeoutMs / 4)));
    const onSignal = (signal: NodeJS.Signals): void => { killGroup(); done(); process.kill(process.pid, signal); };
    process.once('exit', killGroup);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const done = (): void => {
      clearTimeout(timer);
      clearInterval(poll);
      process.off('exit', killGroup);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
    const fail = (reason: string) => reject(new KehoachError(msg('pdf/failed', lang, { reason }), [], 'io'));
    child.once('error', (e) => { done(); fail(e.message); });
    // Whatever soffice left running is killed as it exits, so its pipes close and 'close' comes.
    child.once('exit', () => killGroup());
    child.once('close', (code, signal) => {
      done();
      if (timedOut) return fail(msg('pdf/timeout', lang, { seconds: Math.round(timeoutMs / 1000) }));
      if (code === 0) return resolve(output);
      const error = errorLine(output);
      fail((code === null ? msg('pdf/signal', lang, { signal: String(signal) }) : msg('pdf/exit', lang, { status: code })) + (error ? ` (${error})` : ''));
    });
  });
}
