/**
 * PDF output through LibreOffice headless (`soffice --convert-to pdf`). One soffice process converts a whole
 * batch, with its own throw-away profile folder (so it never collides with a desktop LibreOffice or a parallel run)
 * and a timeout. The page size is the document's (A4 from the layout); LibreOffice embeds (subsets of) the fonts
 * it used: Times New Roman when installed, else the metric-compatible Liberation Serif (fonts-liberation2).
 * Electronic documents under NĐ 30/2020 (Điều 11, Phụ lục I) are sent as PDF, so this is a main output.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * Converts .docx documents to PDF with one soffice process; writes each PDF atomically to its output path.
 * @param timeoutMs for the whole soffice run (default 60 s + 10 s per document)
 * @throws KehoachError kind "usage" when soffice is missing, kind "io" when it fails, times out or writes no PDF
 */
export async function convertToPdf(jobs: PdfJob[], lang: Lang = 'vi', timeoutMs = 60_000 + 10_000 * jobs.length): Promise<void> {
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
    const profile = `file://${join(work, 'profile').replace(/\\/g, '/').replace(/^([A-Za-z]):/, '/$1:')}`;
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', join(work, 'out'), ...inputs];
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 }, (err, _stdout, stderr) => {
        if (err) {
          const reason = (err as { killed?: boolean }).killed ? msg('pdf/timeout', lang, { seconds: Math.round(timeoutMs / 1000) }) : (String(stderr).trim().split('\n').pop() || err.message);
          reject(new KehoachError(msg('pdf/failed', lang, { reason }), [], 'io'));
        } else resolve();
      });
    });
    for (let i = 0; i < jobs.length; i++) {
      const pdf = join(work, 'out', `${i}.pdf`);
      if (!existsSync(pdf)) throw new KehoachError(msg('pdf/failed', lang, { reason: msg('pdf/no-output', lang, { file: basename(jobs[i].output) }) }), [], 'io');
      await writeFileAtomic(jobs[i].output, readFileSync(pdf));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
