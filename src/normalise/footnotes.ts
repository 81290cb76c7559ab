/**
 * Footnotes (chú thích cuối trang): the plan's `chu_thich` map checked against the `[^key]` references in its texts.
 * Every note must be referenced and every reference defined, so that no text is silently lost or left as "[^x]".
 * Word numbers the marks itself (1, 2, 3 … in document order); the docx builder gives each reference its own note.
 */
import type { KeHoach } from '../types/plan.js';
import { msg, type Lang } from '../i18n/messages.js';
import { footnoteRefs } from '../form/inline.js';
import { eachString } from '../walk.js';
import type { NormaliseIssue } from './body.js';

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
  eachString(plan, (text, path) => {
    for (const key of footnoteRefs(text)) {
      used.add(key);
      if (!Object.hasOwn(notes, key)) issues.push({ path: [...path], rule: 'plan/footnote-undefined', message: msg('plan/footnote-undefined', lang, { key }) });
    }
  }, (k, depth) => depth === 0 && k === 'chu_thich');
  const out: ChuThichView[] = [];
  for (const [key, text] of Object.entries(notes)) {
    if (!used.has(key)) issues.push({ path: ['chu_thich', key], key: true, rule: 'plan/footnote-unused', message: msg('plan/footnote-unused', lang, { key }) });
    if (footnoteRefs(text).length) issues.push({ path: ['chu_thich', key], rule: 'plan/footnote-nested', message: msg('plan/footnote-nested', lang) });
    out.push({ key, text });
  }
  return out;
}
