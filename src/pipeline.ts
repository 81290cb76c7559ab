/**
 * The render pipeline as stages: load YAML → validate → normalise → template → build docx → pack.
 * Each stage lives in its own module; this one only chains them and turns failures into diagnostics.
 */
import type { Diagnostic } from './errors.js';
import { KehoachError } from './errors.js';
import { msg, type Lang } from './i18n/messages.js';
import { loadPlanText, sourceOf, type LoadedPlan, type Locator, type PlanSource } from './load.js';
import { validateSchema } from './validate/schema.js';
import { normalise, issuesToDiagnostics, type PlanView, type NormaliseIssue } from './normalise/index.js';
import { DEFAULT_TEMPLATES_DIR, loadProfile, templateDirs, templateError, type LayoutProfile } from './profile.js';
import { isFamily } from './form/families.js';
import { templatesFor } from './config.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runRules, RULES, configureFindings, onDocument, type DocumentSource, type Rule } from './rules/index.js';
import { withHouseStyle } from './layout/house-style.js';
import type { KeHoach } from './types/plan.js';

/** Options for checking and rendering plans. */
export interface PlanOptions {
  /** Language of messages (default "vi"). */
  lang?: Lang;
  /**
   * The office's templates folder, adding its families to the package's `templates/` (src/profile.ts
   * templateRoots). Default: `templates:` of the kehoach.config.yaml found from the plan's file (planTemplates), else
   * the package's alone.
   */
  templatesDir?: string;
  /** File name used in diagnostics (default "<input>"). */
  file?: string;
  /** Render even when warnings mark the document as visibly wrong (Diagnostic.stopsRender); default false. */
  force?: boolean;
  /**
   * Import's own measurement only (src/import/roundtrip.ts): errors of the rule import/chua-dien (placeholders left to
   * fill) do not withhold the view, so the imported plan can be rendered and read back for its figures. The
   * diagnostics still hold them; no command that writes a document sets it.
   */
  measurePlaceholders?: boolean;
}

/** Result of checking one plan: its diagnostics and, when there are no errors, the normalised view. */
export interface CheckResult {
  source: PlanSource;
  diagnostics: Diagnostic[];
  view?: PlanView;
  /** The family's layout the plan was checked against (with the view). */
  profile?: LayoutProfile;
}

/**
 * Loads, validates and normalises a plan without rendering it.
 * @throws KehoachError only for unreadable YAML (syntax, encoding, size); schema and structure problems are
 *   returned as diagnostics.
 */
export function checkLoadedPlan(plan: LoadedPlan, opts: PlanOptions = {}): CheckResult {
  return checkSource(sourceOf(plan), opts);
}

/**
 * Validates and normalises a plan given as data with a locator (a single file, or a plan merged with its
 * _defaults.yaml / ke_thua sources). Returns diagnostics; never throws for bad input.
 *
 * Every problem in one pass: the rules of the standard and the structure checks run even when the schema finds
 * errors, on every part that is valid: a rule that cannot run on the broken data is skipped, and findings inside a
 * value the schema refused are dropped (the schema's message is the one that counts there).
 */
export function checkSource(plan: PlanSource, opts: PlanOptions = {}): CheckResult {
  const lang = opts.lang ?? 'vi';
  const tooMany = countTexts(plan, lang);
  if (tooMany) return { source: plan, diagnostics: [tooMany] };
  const data = plan.data as KeHoach;
  let templatesDir: string;
  try {
    templatesDir = planTemplates(opts, plan.file);
  } catch (e) {
    if (e instanceof KehoachError && e.diagnostics.length) return { source: plan, diagnostics: e.diagnostics };
    throw e;
  }
  const verdict = schemaStage(plan, lang, templatesDir);
  const { schemaOk, inBad } = verdict;
  const diagnostics = [...(plan.notes ?? []), ...verdict.diagnostics];
  if (!verdict.rulesCanRun) return { source: plan, diagnostics: sortDiags(diagnostics) };
  const profile = loadProfile(verdict.khoi, templatesDir, lang);
  let view: PlanView | undefined;
  let issues: NormaliseIssue[] = [];
  try {
    ({ view, issues } = normalise(verdict.valid, profile, lang));
  } catch (e) {
    if (schemaOk) throw e;
  }
  diagnostics.push(...issuesToDiagnostics(issues.filter((i) => schemaOk || !inBad(i.path)), (p) => plan.locate(p)));
  if (!issues.length || !schemaOk) diagnostics.push(...guardedRules({ plan: verdict.valid, profile, lang }, plan, schemaOk ? null : inBad));
  for (const d of diagnostics) if (d.severity === 'warning' && stopsRender(d, data)) d.stopsRender = true;
  const ok = !diagnostics.some((d) => d.severity === 'error' && !(opts.measurePlaceholders && d.rule === 'import/chua-dien'));
  return { source: plan, diagnostics: sortDiags(diagnostics), ...(ok && view ? { view, profile } : {}) };
}

/**
 * The templates folder a plan's commands use: `opts.templatesDir` (--templates) when given, else `templates:` of the
 * kehoach.config.yaml found from the plan's file (src/config.ts configuredTemplates), else the package's.
 * @param file the plan's file ("<stdin>" and other names in angle brackets find no config)
 * @throws KehoachError (usage, at the config's file:line) when the config's `templates:` names no folder
 */
export function planTemplates(opts: Pick<PlanOptions, 'templatesDir' | 'lang'>, file: string | undefined): string {
  return templatesFor(opts.templatesDir, file, opts.lang ?? 'vi');
}

/**
 * The rules of a plan recognised in a Word document (`kehoach check`, src/check/index.ts): the same stage as
 * `checkSource`'s rules. The schema decides which parts of the plan the rules see (on a plan it refuses, each rule on
 * its own, and findings inside a refused value dropped), its own messages are not reported (the recognised plan's gaps
 * are the recogniser's; the document rule `thanh-phan/thieu` reports a missing component); the document rules run
 * beside the plan rules; the kehoach.config.yaml found from the document's folder applies to all of them (a .docx has
 * no suppression comments).
 * @param plan the recognised plan; its locator gives each data path's paragraph as the line (column 1)
 * @returns the findings, sorted by paragraph (stable: the registry's order within one)
 */
export function checkRecognisedPlan(plan: PlanSource, document: DocumentSource, opts: PlanOptions = {}): Diagnostic[] {
  const lang = opts.lang ?? 'vi';
  const templatesDir = opts.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const verdict = schemaStage(plan, lang, templatesDir);
  const profile = loadProfile(verdict.khoi, templatesDir, lang);
  // (A recognised plan too broken for the plan rules is still a document the layout rules judge.) A plan rule that
  // judges what the page does not print (onRecognised: false) has nothing to judge here.
  const rules = (verdict.rulesCanRun ? RULES : RULES.filter(onDocument)).filter((r) => onDocument(r) || r.onRecognised !== false);
  const base = { plan: verdict.valid, profile, lang };
  return sortDiags(guardedRules(base, plan, verdict.schemaOk ? null : verdict.inBad, { rules, document }));
}

/** What the schema says of a plan, and what the rules may then see of it. */
interface SchemaVerdict {
  /** The schema's diagnostics (a `khoi` naming an office's own family, see below, not refused). */
  diagnostics: Diagnostic[];
  schemaOk: boolean;
  /** Whether a data path lies in (or under) a value the schema refused. */
  inBad: (p: readonly (string | number)[]) => boolean;
  /** The plan without the refused values (the plan itself when the schema accepts it). */
  valid: KeHoach;
  khoi: string;
  /** False when the plan rules cannot run: no family, or hundreds of schema errors. */
  rulesCanRun: boolean;
}

/**
 * Every problem in one pass: the rules run even when the schema finds errors, on the parts it accepts. This is the
 * schema's part of it, shared by `checkSource` and `checkRecognisedPlan`.
 */
function schemaStage(plan: PlanSource, lang: Lang, templatesDir: string): SchemaVerdict {
  const data = plan.data as KeHoach;
  const khoi = data && typeof data === 'object' ? (data as { khoi?: unknown }).khoi : undefined;
  let schema = validateSchema(plan, lang);
  // An office's own family (a folder of its templates folder holding a layout.yaml) is a family like the package's,
  // which are all the schema's enum lists: its `khoi` is not refused.
  if (templatesDir !== DEFAULT_TEMPLATES_DIR && typeof khoi === 'string' && isFamily(khoi, templatesDir)) {
    schema = schema.filter((d) => !(d.rule === 'schema/enum' && d.path?.length === 1 && d.path[0] === 'khoi'));
  }
  const errors = [...(plan.notes ?? []), ...schema].filter((d) => d.severity === 'error');
  const schemaOk = !errors.length;
  const bad = new Set(errors.map((d) => keyOf(d.path ?? [])));
  const inBad = (p: readonly (string | number)[]) => p.some((_, i) => bad.has(keyOf(p.slice(0, i + 1)))) || bad.has('');
  // (A plan with hundreds of schema errors is not worth the rules' findings too: the schema's list is long enough.)
  const rulesCanRun = schemaOk || (typeof khoi === 'string' && !inBad(['khoi']) && bad.size <= 200);
  // On a refused plan, the checks see it without the refused values (they read as absent).
  const valid = schemaOk || !rulesCanRun ? data : (prune(data, [...bad]) as KeHoach);
  return { diagnostics: schema, schemaOk, inBad, valid, khoi: khoi as string, rulesCanRun };
}

/**
 * Most text values a plan may hold in its lists and maps (body, appendices, recipients, căn cứ, signers, notes …).
 * The real plans of examples/ hold 40–70 in their body; rendering costs time and memory in proportion (about 2 ms
 * per value), so a 2 MiB plan of short lines would take minutes: it is refused instead. The single values at the
 * top of the plan (one per key: khoi, trich_yeu …) are not counted: a misspelt key there is reported by the schema
 * and never rendered (issue 23, item 27: the count covered the body and appendices only, so 87,000 recipients or
 * 100,000 căn cứ still rendered).
 */
export const MAX_TEXT_VALUES = 5000;
/** Most values (texts, numbers, lists, maps) the count walks before it calls a plan too large. */
const MAX_WALKED_NODES = 200_000;

/** The diagnostic for a plan with more than MAX_TEXT_VALUES texts (at the first one over, in the plan's order), or null. */
function countTexts(plan: PlanSource, lang: Lang): Diagnostic | null {
  let n = 0;
  const d = (plan.data && typeof plan.data === 'object' ? plan.data : {}) as Record<string, unknown>;
  // A value of the walk, with the way up to the plan's root (a path is built only for the diagnostic: copying one at
  // every step costs the square of the depth).
  interface Step { v: unknown; up: Step | null; key: string | number }
  const pathOf = (s: Step) => { const p: (string | number)[] = []; for (let x: Step | null = s; x; x = x.up) p.unshift(x.key); return p; };
  // Every list and map of the plan, in its order (a stack: the first key is taken first).
  const stack: Step[] = Object.keys(d).reverse().filter((k) => d[k] !== null && typeof d[k] === 'object').map((k) => ({ v: d[k], up: null, key: k }));
  let over: Step | null = null;
  // Aliases can make a small file a huge tree (a "billion laughs" of shared lists) or a list that holds itself
  // (`x: &a [*a]`): the walk stops after MAX_WALKED_NODES values, a plan that large being too large anyway, and does
  // not enter a list or map inside itself.
  let nodes = 0;
  while (stack.length) {
    const step = stack.pop()!;
    if (++nodes > MAX_WALKED_NODES) { over ??= step; break; }
    const v = step.v;
    if (typeof v === 'string') { if (++n === MAX_TEXT_VALUES + 1) over = step; continue; }
    if (!v || typeof v !== 'object') continue;
    let inside = false;
    for (let a = step.up; a && !inside; a = a.up) inside = a.v === v;
    if (inside) continue;
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], up: step, key: i });
    else for (const k of Object.keys(v).reverse()) stack.push({ v: (v as Record<string, unknown>)[k], up: step, key: k });
  }
  if (!over) return null;
  const path = pathOf(over);
  return { ...plan.locate(path), severity: 'error', rule: 'plan/too-large', path, message: msg('input/too-many-blocks', lang, { count: n, limit: MAX_TEXT_VALUES }) };
}

const keyOf = (p: readonly (string | number)[]) => p.map(String).join('\u0000');

/** A deep copy of plain data without the values at the given paths (keys as made by keyOf). */
function prune(data: unknown, paths: string[]): unknown {
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const k of paths) {
    if (k === '') continue;
    const path = k.split('\u0000');
    let v: unknown = copy;
    for (const s of path.slice(0, -1)) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined;
    if (v && typeof v === 'object') delete (v as Record<string, unknown>)[path[path.length - 1]];
  }
  return copy;
}

const sortDiags = (ds: Diagnostic[]) => ds.sort((a, b) => a.line - b.line || a.column - b.column);

/**
 * Runs the rules (all, or `rules`; the document rules only with a `document`), then the configuration; on a plan the
 * schema refused, each rule on its own (one that throws on broken data is skipped) and findings inside a refused value
 * dropped.
 */
function guardedRules(base: Parameters<typeof runRules>[0], plan: PlanSource, inBad: ((p: readonly (string | number)[]) => boolean) | null, o: { rules?: readonly Rule[]; document?: DocumentSource } = {}): Diagnostic[] {
  const rules = o.rules ?? RULES;
  // Unused suppressions are judged only when every rule ran on a schema-valid plan (else a finding may be missing).
  // The comments are read from the text the plan was loaded from when the loader kept it (no second read of the file).
  const configure = (ds: Diagnostic[]) => configureFindings(ds, base.lang, plan.file, { comments: !o.document, unused: !o.document && !inBad && rules === RULES, ...(plan.text !== undefined && !o.document ? { text: plan.text } : {}) });
  if (!inBad) return configure(runRules(base, plan.locate, rules, o.document));
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    try {
      out.push(...runRules(base, plan.locate, [rule], o.document).filter((d) => !d.path || !inBad(d.path)));
    } catch {
      // The rule needs a part the schema refused; the schema's diagnostic already covers it.
    }
  }
  return configure(out);
}

const rulesById = new Map<string, Rule>();
/**
 * Whether a warning leaves the document visibly wrong, as its rule says (`stopsRender` of src/rules/types.ts: a
 * number or "-" typed before text the tool numbers itself, printed twice; a "Lưu" line among the recipients, two Lưu
 * lines). Such warnings stop rendering unless forced (see `PlanOptions.force`).
 */
function stopsRender(d: Diagnostic, data: unknown): boolean {
  if (!rulesById.size) for (const r of RULES) rulesById.set(r.id, r);
  const rule = rulesById.get(d.rule);
  const says = rule && !onDocument(rule) ? rule.stopsRender : undefined;
  return says === true || (typeof says === 'function' && says(d, data));
}

/** Loads YAML text and checks it (see checkLoadedPlan). */
export function checkPlanText(text: string, opts: PlanOptions = {}): CheckResult {
  return checkLoadedPlan(loadPlanText(text, opts.file ?? '<input>', { lang: opts.lang ?? 'vi' }), opts);
}

/**
 * Renders a checked view to .docx bytes (template → markup → WordprocessingML → package assembled by docx, zipped).
 * @throws KehoachError (usage, rule template/error at the template's file and line) for a template's mistake: its
 *   syntax, a field or partial it names that does not exist, a prototype access, markup it writes badly
 */
export async function renderView(view: PlanView, khoi: string, opts: PlanOptions = {}): Promise<Buffer> {
  // The render stages load lazily: checking a plan never pays for docx, Handlebars or the XML parser.
  const [{ renderMarkup, markupSource }, { parseMarkup }, { writeBody }, { packDocx }, { plainText }] = await Promise.all([
    import('./render/template.js'), import('./render/markup.js'), import('./render/wordml.js'), import('./render/pack.js'), import('./form/inline.js'),
  ]);
  const lang = opts.lang ?? 'vi';
  const templatesDir = planTemplates(opts, opts.file);
  const profile = withHouseStyle(loadProfile(khoi, templatesDir, lang), view.trinh_bay);
  let body: ReturnType<typeof writeBody>;
  try {
    // a template's mistake is a KehoachError at its file and line (src/render/template.ts)
    const markup = renderMarkup(view, profile, templatesDir, lang);
    body = writeBody(parseMarkup(markup), profile);
  } catch (e) {
    if (e instanceof KehoachError) throw e;
    throw markupFault(e, () => markupSource(view, profile, templatesDir, (e as { markupLine?: number }).markupLine, lang), profile.chain, templatesDir, lang);
  }
  const props = {
    title: plainText(view.meta.trich_yeu),
    subject: `${view.ten_loai} ${view.meta.so_ky_hieu}`,
    creator: view.co_quan_ban_hanh.join(' '),
    description: 'kehoach',
  };
  // Fixed document date: the issue date (or 1 January of the year for a draft), never the clock.
  const date = `${view.meta.ngay ?? `${view.meta.nam}-01-01`}T00:00:00Z`;
  return packDocx(body, profile, props, date);
}

/**
 * Markup the templates write badly (not well-formed, or an element the writer does not know): the office's template
 * mistake, reported at the template that wrote the markup's line (`source`, rendering again with each template's
 * output marked), or for a fault without a line (an unknown element) at the first template writing that element;
 * kind "usage" (exit 2). Anything else raised here is not the template's: passed on.
 */
function markupFault(e: unknown, source: () => { file: string; line: number }, chain: string[], templatesDir: string, lang: Lang): unknown {
  if (!(e instanceof Error) || e.name !== 'MarkupError') return e;
  const line = (e as { markupLine?: number }).markupLine;
  const detail = e.message.replace(/^layout markup: /, '').replace(/ \(markup line \d+\)$/, '');
  const message = msg('template/markup', lang, { markupLine: line ?? '', detail });
  if (line === undefined) {
    const el = /<\/?([A-Za-z][\w:-]*)/.exec(e.message)?.[1];
    if (el) {
      for (const d of templateDirs(chain, templatesDir)) for (const f of readdirSync(d).sort()) if (f.endsWith('.hbs')) {
        const text = readFileSync(join(d, f), 'utf8');
        const k = text.search(new RegExp(`<${el}[\\s/>]`));
        if (k >= 0) return templateError(join(d, f), text.slice(0, k).split('\n').length, 1, message, lang);
      }
    }
  }
  const at = source();
  return templateError(at.file, at.line, 1, message, lang);
}

/**
 * Throws a KehoachError carrying all diagnostics when there are errors, or (unless `force`) warnings that make the
 * document visibly wrong (Diagnostic.stopsRender).
 */
export function assertNoErrors(diags: Diagnostic[], force = false, lang: Lang = 'vi'): void {
  const errors = diags.filter((d) => d.severity === 'error');
  if (errors.length) throw new KehoachError(errors[0].message, diags, 'invalid');
  const stops = force ? [] : diags.filter((d) => d.stopsRender);
  if (stops.length) throw new KehoachError(msg('input/stopped', lang, { count: stops.length }), diags, 'invalid');
}
