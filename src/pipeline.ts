/**
 * The render pipeline as stages: load YAML → validate → normalise → template → build docx → pack.
 * Each stage lives in its own module; this one only chains them and turns failures into diagnostics.
 */
import type { Diagnostic } from './errors.js';
import { KehoachError } from './errors.js';
import type { Lang } from './i18n/messages.js';
import { loadPlanText, sourceOf, type LoadedPlan, type PlanSource } from './load.js';
import { validateSchema } from './validate/schema.js';
import { normalise, issuesToDiagnostics, type PlanView } from './normalise/index.js';
import { DEFAULT_TEMPLATES_DIR, loadProfile } from './profile.js';
import { runRules } from './rules/index.js';
import { withHouseStyle } from './layout/house-style.js';
import type { KeHoach } from './types/plan.js';

/** Options for checking and rendering plans. */
export interface PlanOptions {
  /** Language of messages (default "vi"). */
  lang?: Lang;
  /** Templates directory (default: the package's `templates/`). */
  templatesDir?: string;
  /** File name used in diagnostics (default "<input>"). */
  file?: string;
}

/** Result of checking one plan: its diagnostics and, when there are no errors, the normalised view. */
export interface CheckResult {
  source: PlanSource;
  diagnostics: Diagnostic[];
  view?: PlanView;
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
 */
export function checkSource(plan: PlanSource, opts: PlanOptions = {}): CheckResult {
  const lang = opts.lang ?? 'vi';
  const diagnostics = validateSchema(plan, lang);
  if (diagnostics.some((d) => d.severity === 'error')) return { source: plan, diagnostics };
  const data = plan.data as KeHoach;
  const profile = loadProfile(data.khoi, opts.templatesDir ?? DEFAULT_TEMPLATES_DIR, lang);
  const { view, issues } = normalise(data, profile, lang);
  diagnostics.push(...issuesToDiagnostics(issues, (p) => plan.locate(p)));
  if (!issues.length) diagnostics.push(...runRules({ plan: data, profile, lang }, plan.locate));
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { source: plan, diagnostics, ...(diagnostics.some((d) => d.severity === 'error') ? {} : { view }) };
}

/** Loads YAML text and checks it (see checkLoadedPlan). */
export function checkPlanText(text: string, opts: PlanOptions = {}): CheckResult {
  return checkLoadedPlan(loadPlanText(text, opts.file ?? '<input>', { lang: opts.lang ?? 'vi' }), opts);
}

/**
 * Renders a checked view to .docx bytes (template → markup → docx → deterministic pack).
 * @throws MarkupError when a template produces bad markup; Error for a missing template.
 */
export async function renderView(view: PlanView, khoi: string, opts: PlanOptions = {}): Promise<Buffer> {
  // The render stages load lazily: checking a plan never pays for docx, Handlebars or the XML parser.
  const [{ renderMarkup }, { parseMarkup }, { buildDocument }, { packDeterministic }, { plainText }] = await Promise.all([
    import('./render/template.js'), import('./render/markup.js'), import('./render/docx.js'), import('./render/pack.js'), import('./render/inline.js'),
  ]);
  const templatesDir = opts.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const profile = withHouseStyle(loadProfile(khoi, templatesDir, opts.lang ?? 'vi'), view.trinh_bay);
  const markup = renderMarkup(view, profile, templatesDir);
  const props = {
    title: plainText(view.meta.trich_yeu),
    subject: `${view.ten_loai} ${view.meta.so_ky_hieu}`,
    creator: view.co_quan_ban_hanh.join(' '),
    description: 'kehoach',
  };
  const doc = buildDocument(parseMarkup(markup), profile);
  // Fixed document date: the issue date (or 1 January of the year for a draft), never the clock.
  const date = `${view.meta.ngay ?? `${view.meta.nam}-01-01`}T00:00:00Z`;
  return packDeterministic(doc, props, date);
}

/** Throws a KehoachError carrying all error diagnostics, when there are any. */
export function assertNoErrors(diags: Diagnostic[]): void {
  const errors = diags.filter((d) => d.severity === 'error');
  if (errors.length) throw new KehoachError(errors[0].message, diags, 'invalid');
}
