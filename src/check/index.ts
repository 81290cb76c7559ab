/**
 * `kehoach check`: a Word document against the layout of its family. The document is read (src/docx-read) and
 * recognised (src/import) to know which paragraph is which component; then the layout rules (rules.ts, reading
 * templates/<khoi>/layout.yaml) and the plan rules of src/rules (on the recognised plan: Nơi nhận, signature,
 * ký hiệu …) run. Diagnostics name the file, the paragraph number as the line (0 → 1 for the document as a
 * whole) and column 1.
 */
import type { Diagnostic } from '../errors.js';
import type { DocModel } from '../docx-read/model.js';
import { paragraphs } from '../docx-read/model.js';
import { importDocument } from '../import/index.js';
import { loadProfile, DEFAULT_TEMPLATES_DIR } from '../profile.js';
import { isFamily } from '../form/families.js';
import { RULES } from '../rules/index.js';
import { validateSchema } from '../validate/schema.js';
import type { KeHoach } from '../types/plan.js';
import type { Lang } from '../i18n/messages.js';
import { DOC_RULES } from './rules.js';

export { DOC_RULES } from './rules.js';
export type { DocRule, KiemTra, CheckContext } from './types.js';

/** templatesDir: the office's templates folder, adding to the package's (src/profile.ts templateRoots). */
export interface CheckOptions { lang?: Lang; templatesDir?: string }

/**
 * Checks a document model.
 * @param file the name diagnostics carry
 * @returns diagnostics sorted by paragraph (line = paragraph number, 1-based; column 1)
 */
export function checkDocument(doc: DocModel, file: string, opts: CheckOptions = {}): Diagnostic[] {
  const lang = opts.lang ?? 'vi';
  const templatesDir = opts.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const imported = importDocument(doc, { lang, templatesDir });
  const plan = imported.plan as KeHoach;
  const profile = loadProfile(plan.khoi, templatesDir, lang);
  const ctx = { doc, paras: paragraphs(doc), roles: imported.notes.roles, profile, kiemTra: profile.kiem_tra, lang };
  const out: Diagnostic[] = [];
  const at = (para: number) => ({ file, line: Math.max(para, 1), column: 1 });
  for (const rule of DOC_RULES) for (const f of rule.check(ctx)) out.push({ ...at(f.para), severity: rule.severity, rule: rule.id, message: f.message });
  // The plan rules, on the recognised plan when it has the schema's shape (placeholders are not the document's).
  // (An office's own family is not in the schema's enum of `khoi`: not a refusal, as in src/pipeline.ts.)
  const office = templatesDir !== DEFAULT_TEMPLATES_DIR && isFamily(plan.khoi, templatesDir);
  const schemaOk = !validateSchema({ file, data: plan, locate: () => at(1) }, lang).some((d) => d.severity === 'error' && !(office && d.rule === 'schema/enum' && d.path?.length === 1 && d.path[0] === 'khoi'));
  if (schemaOk) {
    const rc = { plan, profile, lang, lineOf: (p: (string | number)[]) => imported.notes.paraOf(p) };
    for (const rule of RULES) for (const f of rule.check(rc)) out.push({ ...at(imported.notes.paraOf(f.path)), severity: rule.severity, rule: rule.id, message: f.message, ...(f.hint ? { hint: f.hint } : {}) });
  }
  return out.sort((a, b) => a.line - b.line);
}
