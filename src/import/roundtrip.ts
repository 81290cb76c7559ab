/**
 * Validates and renders an imported plan, then measures how much of the source's text the render carries
 * (word-LCS recall, recall.ts).
 */
import { checkPlanText, renderView, type PlanOptions } from '../pipeline.js';
import type { Diagnostic } from '../errors.js';
import type { KeHoach } from '../types/plan.js';
import { readDocxBytes } from '../docx-read/index.js';
import { paragraphs, fullText } from '../docx-read/model.js';
import { recall } from './recall.js';

export interface RoundTrip {
  diagnostics: Diagnostic[];
  /** The rendered .docx, when the plan is valid. */
  bytes?: Buffer;
  /** Share of the source's words found in order in the rendered text. */
  recall?: { found: number; total: number; ratio: number };
}

/** Text of a .docx (body paragraphs in reading order). */
export function docxText(bytes: Uint8Array): string {
  return paragraphs(readDocxBytes(bytes, '<render>')).map(fullText).join('\n');
}

/** Checks `yaml`, renders it when valid and compares its text with `sourceText`. Never throws for bad input. */
export async function roundTrip(yaml: string, sourceText: string, opts: PlanOptions = {}): Promise<RoundTrip> {
  let check;
  try {
    check = checkPlanText(yaml, opts);
  } catch (e) {
    const d = (e as { diagnostics?: Diagnostic[] }).diagnostics;
    if (d) return { diagnostics: d };
    throw e;
  }
  if (!check.view) return { diagnostics: check.diagnostics };
  const bytes = await renderView(check.view, (check.source.data as KeHoach).khoi, opts);
  return { diagnostics: check.diagnostics, bytes, recall: recall(sourceText, docxText(bytes)) };
}
