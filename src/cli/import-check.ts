/**
 * The `import` and `check` commands (Word documents → plan YAML; Word documents → diagnostics). Kept apart from
 * src/cli.ts, which only registers them.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Diagnostic } from '../errors.js';
import { KehoachError } from '../errors.js';
import { msg, type Lang } from '../i18n/messages.js';
import { formatDiagnostics, useColour, type Format } from './output.js';
import { templatesFor } from '../config.js';
import { reportFindings, type ReportOptions } from './run.js';
import { outputTargets } from './render.js';

/** True when `kehoach render <plan>` (and `--pdf`) would write the file `source` (src/cli/render.ts outputTargets). */
export function renderWrites(plan: string, source: string): boolean {
  const t = outputTargets(plan, undefined, true);
  return [t.docx, t.pdf].some((f) => f !== undefined && resolve(f) === resolve(source));
}

/**
 * Where `import` writes: -o file.yaml, -o dir/, or beside the input. The plan's name is the input's with .yaml, unless
 * rendering that plan would write the input itself (kh.docx → kh.yaml → kh.docx): then it is `<name>.kehoach.yaml`,
 * whose render is kh.kehoach.docx, so the office's original is never the render's target (issue 19).
 */
export function importTarget(input: string, out?: string): string {
  const stem = basename(input, extname(input));
  const named = (dir: string) => {
    const plain = join(dir, `${stem}.yaml`);
    return renderWrites(plain, input) ? join(dir, `${stem}.kehoach.yaml`) : plain;
  };
  if (!out) return named(dirname(input));
  if (out.endsWith('/') || (existsSync(out) && statSync(out).isDirectory())) return named(out);
  return out;
}

/**
 * `kehoach import <file> [-o plan.yaml] [--force]`: writes the commented YAML, prints what could not be placed
 * and the round-trip figures: structure per part of the page (src/import/fidelity.ts), then the word recall.
 * @returns the exit code: 0 written and valid, 1 written but not valid, values left to fill ("…", import/chua-dien)
 *   included (or unreadable input: nothing written)
 * @throws KehoachError for unreadable input (nothing is written then) or an existing output without --force
 */
export async function importCommand(input: string, o: { output?: string; force?: boolean }, g: { lang: Lang; templates?: string }): Promise<number> {
  const { readDocument } = await import('../docx-read/index.js');
  const { importDocument, importToYaml } = await import('../import/index.js');
  const { roundTrip } = await import('../import/roundtrip.js');
  const { writeFileAtomic } = await import('../write.js');
  const target = importTarget(input, o.output);
  if (existsSync(target) && !o.force) throw new KehoachError(msg('import/exists', g.lang, { file: target }), [], 'usage');
  const doc = readDocument(input, g.lang);
  // --templates, else the office's folder of the kehoach.config.yaml found from the document
  const opts = { lang: g.lang, file: target, templatesDir: templatesFor(g.templates, input, g.lang) };
  const r = importDocument(doc, opts);
  // The recogniser emits no YAML (check uses it too): the command writes it, commented.
  // The editor's schema, found from the plan's folder (an installed kehoach there, else this one): a relative path.
  const { schemaRef } = await import('../schema-ref.js');
  const yaml = importToYaml(r, basename(input), schemaRef(dirname(target), 'editor'));
  for (const w of r.warnings) process.stderr.write(`${input}: ${w}\n`);
  const { paragraphs, fullText } = await import('../docx-read/model.js');
  const source = new Map(paragraphs(doc).map((p) => [p.index, fullText(p)]));
  const rt = await roundTrip(yaml, r.sourceText, opts, { plan: r.plan, notes: r.notes, source });
  try {
    await writeFileAtomic(target, Buffer.from(yaml, 'utf8'));
  } catch (e) {
    throw new KehoachError(msg('cli/output-exists-dir', g.lang, { file: target, reason: (e as NodeJS.ErrnoException).code ?? String(e) }), [], 'io');
  }
  process.stdout.write(msg('cli/written', g.lang, { file: target }) + '\n');
  // -o named a plan whose render would be the source itself: render refuses to replace it (src/own-output.ts), so say
  // now which name avoids that.
  if (renderWrites(target, input)) process.stderr.write(`kehoach: ${msg('import/render-collides', g.lang, { file: target, source: input, suggest: importTarget(input, dirname(target) + '/') })}\n`);
  const errors = rt.diagnostics.filter((d) => d.severity === 'error');
  if (rt.diagnostics.length) process.stderr.write(formatDiagnostics(rt.diagnostics, 'text', useColour(2)) + '\n');
  if (rt.structure && rt.recall) {
    const { formatFidelity } = await import('../import/fidelity.js');
    // The structural figure first (what came back field by field, what is a placeholder or a guess), then the words.
    process.stdout.write(formatFidelity(rt.structure, g.lang).join('\n') + '\n');
    const rc = rt.recall;
    process.stdout.write(msg('import/recall', g.lang, { pct: (Math.floor(rc.ratio * 1000) / 10).toFixed(1), found: rc.found, total: rc.total }) + '\n');
  }
  // Values the source did not give are left as "…" (import/chua-dien): the plan is not usable until they are filled.
  const unfilled = errors.filter((d) => d.rule === 'import/chua-dien').length;
  if (unfilled) process.stderr.write(`kehoach: ${msg('import/chua-dien', g.lang, { count: unfilled, file: target })}\n`);
  if (errors.length > unfilled) process.stderr.write(`kehoach: ${msg('import/invalid', g.lang, { count: errors.length - unfilled })}\n`);
  return errors.length ? 1 : 0;
}

/**
 * `kehoach check <file.docx>…`: the layout rules and plan rules on each document, printed like `validate`.
 * An unreadable file is one error diagnostic (rule "docx/doc") so that every format reports it.
 * @returns 0 when no errors (and no warnings with --strict), else 1
 */
export async function checkCommand(files: string[], o: ReportOptions, g: { lang: Lang; templates?: string }): Promise<number> {
  const { readDocument } = await import('../docx-read/index.js');
  const { checkDocument } = await import('../check/index.js');
  const all: Diagnostic[] = [];
  for (const file of files) {
    try {
      all.push(...checkDocument(readDocument(file, g.lang), file, { lang: g.lang, templatesDir: templatesFor(g.templates, file, g.lang) }));
    } catch (e) {
      if (!(e instanceof KehoachError) || e.kind === 'usage') throw e;
      all.push({ file, line: 1, column: 1, severity: 'error', rule: 'docx/doc', message: e.message.replace(`${file}: `, '') });
    }
  }
  return reportFindings(all, o, files.length, g.lang);
}
