/**
 * Footnotes (chú thích cuối trang): the plan's `chu_thich` map checked against the `[^key]` references in its texts.
 * Every note must be referenced and every reference defined, so that no text is silently lost or left as "[^x]".
 * Word numbers the marks itself (1, 2, 3 … in document order); the docx builder gives each reference its own note.
 */
import type { KeHoach } from '../types/plan.js';
import { msg, type Lang } from '../i18n/messages.js';
import { footnoteRefs } from '../render/inline.js';
import type { NormaliseIssue, Path } from './body.js';

/** One note as the templates see it: its key (as written after `[^`) and its text (may hold *emphasis*). */
export interface ChuThichView { key: string; text: string }

/**
 * Checks references against notes and lists the notes.
 * @returns the notes in the order of the plan's `chu_thich` map; issues (errors) are pushed for an undefined
 *   reference (at the text), an unused note (at its key) and a reference inside a note.
 */
export function footnotesView(plan: KeHoach, lang: Lang, issues: NormaliseIssue[]): ChuThichView[] {
  const notes = plan.chu_thich ?? {};
  const used = new Set<string>();
  const path: Path = []; // the path of the value visited; copied only into an issue
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const key of footnoteRefs(v)) {
        used.add(key);
        if (!Object.hasOwn(notes, key)) issues.push({ path: [...path], rule: 'plan/footnote-undefined', message: msg('plan/footnote-undefined', lang, { key }) });
      }
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) { path.push(i); walk(v[i]); path.pop(); }
    } else if (v && typeof v === 'object') {
      for (const k in v) {
        if (!Object.hasOwn(v, k) || (path.length === 0 && k === 'chu_thich')) continue;
        path.push(k); walk((v as Record<string, unknown>)[k]); path.pop();
      }
    }
  };
  walk(plan);
  const out: ChuThichView[] = [];
  for (const [key, text] of Object.entries(notes)) {
    if (!used.has(key)) issues.push({ path: ['chu_thich', key], key: true, rule: 'plan/footnote-unused', message: msg('plan/footnote-unused', lang, { key }) });
    if (footnoteRefs(text).length) issues.push({ path: ['chu_thich', key], rule: 'plan/footnote-nested', message: msg('plan/footnote-nested', lang) });
    out.push({ key, text });
  }
  return out;
}
