/**
 * The render command: one plan (a file or "-" for stdin) → .docx, PDF or both, to a file, a folder or stdout.
 * Writes nothing when the plan has an error, when LibreOffice is needed and missing, or when the conversion fails.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { KehoachError, type Diagnostic } from '../errors.js';
import { msg, ioReason, type Lang } from '../i18n/messages.js';
import { formatDiagnostics, useColour } from './output.js';
import { isTerminal, writeErr, writeOut } from './stdio.js';

/** A failure the CLI reports as one line with this exit code (2 usage, 3 internal / output). */
export class CliExit extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

export interface RenderCliOptions {
  output?: string; pdf?: boolean; lang: Lang; templatesDir?: string; /** write even when warnings make the page visibly wrong */ force?: boolean;
  /** --force-overwrite: replace an existing output kehoach did not write (src/own-output.ts) */ forceOverwrite?: boolean;
  /** --watch: true once a newer save of the plan arrived; the render then prints nothing and writes nothing (returns 1) */
  superseded?: () => boolean;
}

/** Where render writes: the .docx (undefined for PDF-only) and the PDF (undefined without PDF). "-" = stdout. */
export function outputTargets(input: string, out: string | undefined, pdf: boolean): { docx?: string; pdf?: string } {
  if (out === '-' || (input === '-' && !out)) return { docx: '-' };
  const name = (input === '-' ? 'ke-hoach' : basename(input, extname(input))) + '.docx';
  let docx: string;
  if (!out) docx = join(dirname(input), name);
  else if (out.endsWith('/') || out.endsWith('\\') || (existsSync(out) && statSync(out).isDirectory())) docx = join(out, name);
  else if (extname(out).toLowerCase() === '.pdf') return { pdf: out };
  else docx = out;
  return pdf ? { docx, pdf: docx.replace(/\.docx$/i, '') + '.pdf' } : { docx };
}

/**
 * The whole of stdin as text, bounded and decoded as a plan file is (src/load.ts readPlanStream).
 * @throws KehoachError at "<stdin>" (file/too-large past MAX_PLAN_BYTES, file/not-utf8 …)
 */
export async function readStdin(lang: Lang = 'vi'): Promise<string> {
  const { readPlanStream } = await import('../load.js');
  return readPlanStream(process.stdin, '<stdin>', lang);
}

/**
 * Refuses the outputs that must not be written: a binary .docx to a terminal (checked before rendering), and an
 * existing file kehoach did not write (the office's original Word file or PDF) without --force-overwrite (checked
 * once the plan rendered, so that its errors come first, and before LibreOffice runs).
 * @throws CliExit 2
 */
export async function checkTargets(targets: { docx?: string; pdf?: string }, o: Pick<RenderCliOptions, 'lang' | 'forceOverwrite'>, stage: 'terminal' | 'files'): Promise<void> {
  if (targets.docx === '-') {
    if (stage === 'terminal' && isTerminal(1)) throw new CliExit(2, msg('cli/stdout-tty', o.lang));
    return;
  }
  if (o.forceOverwrite || stage !== 'files') return;
  const { mayReplace } = await import('../own-output.js');
  for (const f of [targets.docx, targets.pdf]) if (f && !mayReplace(f)) throw new CliExit(2, msg('cli/not-ours', o.lang, { file: f }));
}

const print = (diags: Diagnostic[]) => { if (diags.length) writeErr(formatDiagnostics(diags, 'text', useColour(2)) + '\n'); };

/**
 * Renders one plan and writes its outputs; prints diagnostics (errors and warnings) on stderr.
 * @returns 0 written, 1 the plan has errors (nothing written)
 * @throws CliExit (2: missing file or LibreOffice; 3: an output could not be written or converted)
 */
export async function renderOnce(input: string, o: RenderCliOptions, stdinText?: string): Promise<number> {
  const { renderPlanFile, checkPlanText, renderView, writeFileAtomic, assertNoErrors } = await import('../index.js');
  const lang = o.lang;
  const targets = outputTargets(input, o.output, !!o.pdf);
  if (input !== '-' && !existsSync(input)) throw new CliExit(2, msg('cli/missing-file', lang, { file: input }));
  await checkTargets(targets, o, 'terminal');
  let soffice: string | undefined;
  if (targets.pdf) {
    const { requireSoffice } = await import('../pdf.js');
    try { soffice = requireSoffice(lang); } catch (e) { throw new CliExit(2, (e as Error).message); }
  }
  const opts = { lang, ...(o.templatesDir ? { templatesDir: o.templatesDir } : {}), ...(o.force ? { force: true } : {}) };
  let bytes: Buffer;
  let diagnostics: Diagnostic[];
  try {
    if (input === '-') {
      const check = checkPlanText(stdinText ?? (await readStdin(lang)), { ...opts, file: '<stdin>' });
      diagnostics = check.diagnostics;
      assertNoErrors(diagnostics, o.force, lang);
      bytes = await renderView(check.view!, (check.source.data as { khoi: string }).khoi, opts);
    } else {
      const r = await renderPlanFile(input, { ...opts, file: input });
      bytes = r.bytes;
      diagnostics = r.check.diagnostics;
    }
  } catch (e) {
    if (e instanceof KehoachError && e.kind === 'invalid' && e.diagnostics.length) {
      if (o.superseded?.()) return 1;
      print(e.diagnostics);
      const errors = e.diagnostics.filter((d) => d.severity === 'error').length;
      // Without errors, what stopped the render is a warning that would print a visibly wrong page (--force writes it).
      writeErr(`kehoach: ${errors ? msg('cli/not-written', lang, { count: errors }) : e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (o.superseded?.()) return 1;
  print(diagnostics.filter((d) => d.severity === 'warning'));
  await checkTargets(targets, o, 'files');
  if (targets.docx === '-') {
    writeOut(bytes);
    return 0;
  }
  if (targets.pdf && soffice) {
    const { convertToPdf } = await import('../pdf.js');
    try {
      await convertToPdf([{ docx: bytes, output: targets.pdf }], lang);
    } catch (e) {
      throw new CliExit(e instanceof KehoachError && e.kind === 'usage' ? 2 : 3, (e as Error).message);
    }
  }
  if (targets.docx) {
    try {
      await writeFileAtomic(targets.docx, bytes);
    } catch (e) {
      throw new CliExit(3, msg('cli/output-exists-dir', lang, { file: targets.docx, reason: ioReason(e, lang) }));
    }
  }
  for (const f of [targets.docx, targets.pdf]) if (f) writeOut(msg('cli/written', lang, { file: f }) + '\n');
  return 0;
}
