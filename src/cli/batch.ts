/** The batch command's reporting: a progress bar on a terminal, periodic plain lines otherwise, and a summary. */
import cliProgress from 'cli-progress';
import { existsSync, readFileSync } from 'node:fs';
import { KehoachError } from '../errors.js';
import { CliExit } from './render.js';
import { runBatch, type BatchOptions, type BatchProgress, type BatchSummary } from '../batch/index.js';
import { msg, type Lang } from '../i18n/messages.js';
import { formatDiagnostics, useColour, type Format } from './output.js';

const rate = (p: BatchProgress) => (p.elapsedMs > 0 ? ((p.rendered + p.skipped + p.failed) / (p.elapsedMs / 1000)) : 0);

/**
 * Runs a batch with progress on stderr; returns the exit code (0 all good, 1 any plan failed or register error).
 * With `pdf`, every .docx written (or skipped, when its PDF is missing) also gets a PDF beside it, converted by one
 * LibreOffice process for the whole batch (src/pdf.ts), while the batch still holds its lock on the output folder.
 * @throws KehoachError from the PDF conversion (kind "usage" when LibreOffice is missing, "io" when it fails)
 */
export async function batchCommand(inputs: string[], opts: BatchOptions & { format: Exclude<Format, 'sarif'>; pdf?: boolean }, lang: Lang): Promise<number> {
  const tty = !!process.stderr.isTTY && !process.env.CI;
  let bar: cliProgress.SingleBar | undefined;
  let lastLine = 0;
  const onProgress = (p: BatchProgress) => {
    if (tty) {
      if (!bar) {
        bar = new cliProgress.SingleBar({
          format: '{bar} {value}/{total} | ✓ {rendered} ✗ {failed} ↷ {skipped} | {rate}/s | ETA {eta}s',
          stream: process.stderr, hideCursor: true, clearOnComplete: true,
        }, cliProgress.Presets.shades_classic);
        bar.start(p.total, 0, { rendered: 0, failed: 0, skipped: 0, rate: '0' });
      }
      bar.update(p.done, { rendered: p.rendered, failed: p.failed, skipped: p.skipped, rate: rate(p).toFixed(0) });
    } else if (p.elapsedMs - lastLine >= 2000 || p.done === p.total) {
      lastLine = p.elapsedMs;
      const r = rate(p);
      process.stderr.write(msg('batch/progress', lang, { ...p, rate: r.toFixed(0), eta: r > 0 ? ((p.total - p.done) / r).toFixed(0) : '?' }) + '\n');
    }
  };
  let exit = 0;
  let pdfKept = 0;
  // The report and the PDF phase run with the batch's lock on the output folder still held (src/batch/lock.ts).
  const finish = async (summary: BatchSummary): Promise<void> => {
    bar?.stop();
    bar = undefined;
    if (summary.hidden.length) process.stderr.write(msg('cli/dotfiles-skipped', lang, { count: summary.hidden.length, files: summary.hidden.join(', ') }) + '\n');
    report(summary);
    if (opts.pdf) await pdfPhase(summary);
    const registerErrors = summary.register.some((d) => d.severity === 'error');
    exit = summary.failed > 0 || registerErrors || summary.problems.length > 0 || pdfKept > 0 ? 1 : 0;
  };
  const report = (summary: BatchSummary) => {
    const diags = summary.results.flatMap((r) => (r.status === 'failed' ? r.diagnostics : r.diagnostics.filter((d) => d.severity === 'warning'))).concat(summary.register, summary.problems);
    if (diags.length) {
      const out = opts.format === 'json' ? formatDiagnostics(diags, 'json') : formatDiagnostics(diags, opts.format, useColour(2));
      (opts.format === 'text' ? process.stderr : process.stdout).write(out + '\n');
    }
    const wall = summary.wallMs / 1000;
    process.stderr.write(msg('batch/summary', lang, {
      rendered: summary.rendered, failed: summary.failed, skipped: summary.skipped,
      wall: wall.toFixed(2), rate: ((summary.rendered + summary.skipped) / Math.max(wall, 1e-9)).toFixed(1),
    }) + '\n');
  };
  const pdfPhase = async (summary: BatchSummary) => {
    const pdfOf = (docx: string) => docx.replace(/\.docx$/i, '') + '.pdf';
    const { mayReplace } = await import('../own-output.js');
    const wanted = summary.results.filter((r) => r.status === 'rendered' || (r.status === 'skipped' && !existsSync(pdfOf(r.output))));
    // A PDF kehoach did not write (the office's own) is kept, as a .docx is (src/own-output.ts).
    const todo = wanted.filter((r) => opts.forceOverwrite || mayReplace(pdfOf(r.output)));
    for (const r of wanted) if (!todo.includes(r)) { process.stderr.write(`kehoach: ${msg('cli/not-ours', lang, { file: pdfOf(r.output) })}\n`); pdfKept++; }
    const { convertToPdf } = await import('../pdf.js');
    try {
      await convertToPdf(todo.map((r) => ({ docx: readFileSync(r.output), output: pdfOf(r.output) })), lang);
    } catch (e) {
      throw new CliExit(e instanceof KehoachError && e.kind === 'usage' ? 2 : 3, (e as Error).message);
    }
    if (todo.length) process.stderr.write(msg('batch/pdf-summary', lang, { count: todo.length }) + '\n');
  };
  try {
    // This process only schedules and reports: in a long batch its young generation stays small (issue 22, T6).
    await runBatch(inputs, { ...opts, lang, onProgress, whileLocked: finish, smallYoungGeneration: true });
  } finally {
    bar?.stop();
  }
  return exit;
}
