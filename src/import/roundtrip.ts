/**
 * Validates and renders an imported plan, then measures the round trip two ways: on structure (the plan read back
 * from the render, compared field by field with the import and what the import only guessed: fidelity.ts), and on
 * words (the share of the source's words found in order in the rendered text: recall.ts, a secondary figure).
 */
import { checkPlanText, renderView, type PlanOptions } from '../pipeline.js';
import type { Diagnostic } from '../errors.js';
import type { KeHoach } from '../types/plan.js';
import { readDocxBytes } from '../docx-read/index.js';
import { paragraphs, fullText } from '../docx-read/model.js';
import { recall } from './recall.js';
import { compareStructure, type Fidelity, type Side } from './fidelity.js';
import { importDocument } from './index.js';

export interface RoundTrip {
  diagnostics: Diagnostic[];
  /** The rendered .docx, when the plan is valid but for placeholders left to fill (import/chua-dien). */
  bytes?: Buffer;
  /** Share of the source's words found in order in the rendered text. */
  recall?: { found: number; total: number; ratio: number };
  /**
   * The structural figure (when `first` is given and the plan is valid): `first` against the plan imported from the
   * render, with what `first`'s notes flag as placeholders, guesses and doubtful values.
   */
  structure?: Fidelity;
  /** The plan imported from the render (with `first`). */
  again?: KeHoach;
}

/** Text of a .docx (body paragraphs in reading order). */
export function docxText(bytes: Uint8Array): string {
  return paragraphs(readDocxBytes(bytes, '<render>')).map(fullText).join('\n');
}

/**
 * Checks `yaml`, renders it when valid and compares its text with `sourceText`; with `first` (the imported plan and
 * its notes), imports the render again and compares the two plans field by field (fidelity.ts compareStructure).
 * Never throws for bad input.
 */
export async function roundTrip(yaml: string, sourceText: string, opts: PlanOptions = {}, first?: Side): Promise<RoundTrip> {
  let check;
  try {
    // Placeholders left to fill (import/chua-dien) are errors, reported, but the plan is still rendered to be measured.
    check = checkPlanText(yaml, { ...opts, measurePlaceholders: true });
  } catch (e) {
    const d = (e as { diagnostics?: Diagnostic[] }).diagnostics;
    if (d) return { diagnostics: d };
    throw e;
  }
  if (!check.view) return { diagnostics: check.diagnostics };
  const bytes = await renderView(check.view, (check.source.data as KeHoach).khoi, opts);
  const out: RoundTrip = { diagnostics: check.diagnostics, bytes, recall: recall(sourceText, docxText(bytes)) };
  if (first) {
    const again = importDocument(readDocxBytes(bytes, '<render>'), { lang: opts.lang, templatesDir: opts.templatesDir }).plan;
    out.again = again;
    out.structure = compareStructure(first, { plan: again }, opts.templatesDir);
  }
  return out;
}
