/**
 * kehoach — library API. Turns a plan (YAML text or an object of the schema's shape) into a KẾ HOẠCH .docx
 * laid out per NĐ 30/2020/NĐ-CP (state), HD 36-HD/VPTW (Party) or QĐ 933/QĐ-TLĐ (trade union).
 *
 * ```ts
 * import { renderPlan } from 'kehoach';
 * const bytes = await renderPlan(readFileSync('plan.yaml', 'utf8'));
 * ```
 */
import { stringify } from 'yaml';
import { loadPlanWithInheritance } from './inherit.js';
import { checkSource, checkPlanText, renderView, assertNoErrors, planTemplates, type PlanOptions, type CheckResult } from './pipeline.js';
import type { KeHoach } from './types/plan.js';
import { KehoachError, type Diagnostic } from './errors.js';
import { msg, type Lang } from './i18n/messages.js';
import { MAX_DEPTH } from './load.js';

export type { KeHoach } from './types/plan.js';
export type * from './types/plan.js';
export { KehoachError, formatDiagnostic, type Diagnostic, type Severity } from './errors.js';
export { loadPlanText, loadPlanFile, positionOf, MAX_PLAN_BYTES, type LoadedPlan } from './load.js';
export { planSchema, SCHEMA_PATH } from './validate/schema.js';
export { normalise, type PlanView, type Block } from './normalise/index.js';
export { loadProfile, DEFAULT_TEMPLATES_DIR, type LayoutProfile, type StyleSpec } from './profile.js';
export { MarkupError } from './render/markup.js';
export { writeFileAtomic } from './write.js';
export { loadPlanWithInheritance, defaultsFor, DEFAULTS_FILE } from './inherit.js';
export { checkLoadedPlan, checkSource, checkPlanText, renderView, assertNoErrors, planTemplates, type PlanOptions, type CheckResult } from './pipeline.js';

/**
 * YAML text of a plan given as text or object. An object is first checked for what YAML cannot hold (cycles,
 * nesting deeper than MAX_DEPTH, functions, Symbols, BigInts, getters that throw): each is a diagnostic with its
 * data path (file `opts.file` or "<input>", line 1, column 1: an object has no lines).
 * @throws KehoachError with those diagnostics
 */
function toText(source: string | KeHoach, opts: PlanOptions): string {
  if (typeof source === 'string') return source;
  const diags = objectProblems(source, opts.file ?? '<input>', opts.lang ?? 'vi');
  if (diags.length) throw new KehoachError(diags[0].message, diags);
  return stringify(source);
}

function objectProblems(root: unknown, file: string, lang: Lang): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (path: (string | number)[], message: string) =>
    out.push({ file, line: 1, column: 1, severity: 'error', rule: 'plan/object', message, path, hint: path.length ? path.join('.') : undefined });
  const walk = (v: unknown, path: (string | number)[], ancestors: object[]): void => {
    if (out.length >= 50) return;
    const t = typeof v;
    if (t === 'function' || t === 'symbol' || t === 'bigint') return void report(path, msg('input/object-bad-value', lang, { type: t }));
    if (v === null || t !== 'object') return;
    if (ancestors.includes(v as object)) return void report(path, msg('input/object-cycle', lang));
    if (ancestors.length >= MAX_DEPTH) return void report(path, msg('input/object-too-deep', lang, { limit: MAX_DEPTH }));
    const next = [...ancestors, v as object];
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], [...path, i], next);
      return;
    }
    for (const k of Object.keys(v as object)) {
      let x: unknown;
      try {
        x = (v as Record<string, unknown>)[k];
      } catch (e) {
        report([...path, k], msg('input/object-getter', lang, { detail: e instanceof Error ? e.message : String(e) }));
        continue;
      }
      walk(x, [...path, k], next);
    }
  };
  walk(root, [], []);
  return out;
}

/**
 * Renders a plan to .docx bytes.
 * @param source YAML text, or a plan object of the schema's shape (KeHoach)
 * @returns the .docx file; byte-identical for identical input
 * @throws KehoachError with every diagnostic (file:line:col) when the plan is invalid; nothing is rendered then
 */
export async function renderPlan(source: string | KeHoach, opts: PlanOptions = {}): Promise<Buffer> {
  const result = checkPlanText(toText(source, opts), opts);
  assertNoErrors(result.diagnostics, opts.force, opts.lang);
  return renderView(result.view!, (result.source.data as KeHoach).khoi, opts);
}

/**
 * Renders a plan file to .docx bytes, with the _defaults.yaml files and ke_thua chain it inherits (the file
 * names appear in diagnostics).
 * @throws KehoachError (kind "io" when unreadable, "invalid" for bad content)
 */
export async function renderPlanFile(path: string, opts: PlanOptions = {}): Promise<{ bytes: Buffer; check: CheckResult }> {
  const check = checkSource((await loadPlanWithInheritance(path, { lang: opts.lang ?? 'vi' })).source, opts);
  assertNoErrors(check.diagnostics, opts.force, opts.lang);
  // The templates folder of the plan's file (kehoach.config.yaml), as checkSource found it.
  return { bytes: await renderView(check.view!, (check.source.data as KeHoach).khoi, { ...opts, templatesDir: planTemplates(opts, check.source.file) }), check };
}

/**
 * Checks a plan (YAML text or object) without rendering.
 * @returns all diagnostics, sorted by position; empty when the plan is valid
 * @throws never for bad input: YAML errors are returned as diagnostics too
 */
export function validatePlan(source: string | KeHoach, opts: PlanOptions = {}): Diagnostic[] {
  try {
    return checkPlanText(toText(source, opts), opts).diagnostics;
  } catch (e) {
    if (e && typeof e === 'object' && 'diagnostics' in e) return (e as { diagnostics: Diagnostic[] }).diagnostics;
    throw e;
  }
}

/**
 * A plan file as merged with what it inherits (the _defaults.yaml files of its folder and above, its ke_thua chain;
 * src/inherit.ts): the data validate and render see, as YAML text. The top-level keys follow the schema's order
 * (unknown keys after them, as written); a comment line names the files merged, the plan first. Nothing is checked:
 * an invalid plan is shown as merged.
 * @returns YAML text (UTF-8, "\n" line ends)
 * @throws KehoachError for unreadable YAML in any of the files, a missing ke_thua file or a ke_thua cycle
 */
export async function showPlan(path: string, opts: { lang?: Lang } = {}): Promise<string> {
  const { source, layers } = await loadPlanWithInheritance(path, { lang: opts.lang ?? 'vi' });
  const { planSchema } = await import('./validate/schema.js');
  const order = Object.keys((planSchema().properties ?? {}) as Record<string, unknown>);
  let data = source.data;
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const d = data as Record<string, unknown>;
    const rank = (k: string) => { const i = order.indexOf(k); return i < 0 ? order.length : i; };
    data = Object.fromEntries(Object.keys(d).map((k, i) => [k, i] as const).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([k]) => [k, d[k]]));
  }
  const head = `# ${msg('show/header', opts.lang ?? 'vi', { files: layers.map((l) => l.file).join(' + ') })}\n`;
  return head + stringify(data, { lineWidth: 0 });
}
