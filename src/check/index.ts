/**
 * `kehoach check`: a Word document against the layout of its family. The document is read (src/docx-read) and
 * recognised (src/import) to know which paragraph is which component; then the recognised plan, its data paths
 * mapped to paragraphs, goes through the rules stage of `validate` (src/pipeline.ts `checkRecognisedPlan`): the one
 * registry of src/rules, whose document rules (src/check/rules.ts, `on: 'document'`, reading
 * templates/<khoi>/layout.yaml) run beside the plan rules (Nơi nhận, signature, ký hiệu …), with the
 * kehoach.config.yaml found from the document's folder (severities, rules turned off; a .docx has no suppression
 * comments). Diagnostics name the file, the paragraph number as the line (0 → 1 for the document as a whole) and
 * column 1.
 */
import type { Diagnostic } from '../errors.js';
import type { DocModel } from '../docx-read/model.js';
import { paragraphs } from '../docx-read/model.js';
import { importDocument } from '../import/index.js';
import { RULES, onDocument, type DocumentRule } from '../rules/index.js';
import { checkRecognisedPlan } from '../pipeline.js';
import type { Lang } from '../i18n/messages.js';

export type { DocumentRule, DocumentContext, DocFinding } from '../rules/index.js';
export type { KiemTra } from './types.js';

/** The document rules of the registry (src/rules/index.ts `RULES`, `on: 'document'`), in report order. */
export const DOC_RULES: readonly DocumentRule[] = RULES.filter(onDocument);

export interface CheckOptions { lang?: Lang; templatesDir?: string }

/**
 * Checks a document model.
 * @param file the name diagnostics carry; the kehoach.config.yaml that applies is found from its folder upward
 * @returns diagnostics sorted by paragraph (line = paragraph number, 1-based; column 1)
 */
export function checkDocument(doc: DocModel, file: string, opts: CheckOptions = {}): Diagnostic[] {
  const lang = opts.lang ?? 'vi';
  const dir = opts.templatesDir ? { templatesDir: opts.templatesDir } : {};
  const imported = importDocument(doc, { lang, ...dir });
  const locate = (p: readonly (string | number)[]) => ({ file, line: Math.max(imported.notes.paraOf(p), 1), column: 1 });
  const plan = { file, data: imported.plan, locate };
  return checkRecognisedPlan(plan, { doc, paras: paragraphs(doc), roles: imported.notes.roles }, { lang, ...dir });
}
