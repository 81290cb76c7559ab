/**
 * The office's house style read back from a document (plan key `trinh_bay:`; src/layout/house-style.ts writes it):
 * the choices a .docx shows beyond its words, those kehoach can read without guessing.
 * - `so_trang: chan_trang`: the page number (a PAGE field) is in a footer and in no header (NĐ 30/2020 Phụ lục I
 *   mục II.10 puts it in the header; the plan rule trinh-bay/so-trang warns, once, in validate and in check alike).
 * - `cach_truoc` (and with it `cach_doan`): the space before (and after) the body's paragraphs (the role "than"), pt,
 *   when most of them share a space before that is not the family's (`kieu.than.truoc` of layout.yaml): an office's
 *   "6 pt before, 0 after" comes back as such, so the plan renders the page it was read from.
 * - `dot.thoi_gian`: the words of the phases set on one line (`mot_dong`) that name a start and an end date
 *   ("Từ ngày 01/01 đến ngày 15/3/2026" → "Từ ngày {tu_ngan} đến ngày {den}", tu 2026-01-01, den 2026-03-15), when
 *   every such phase shares them (readPhaseWords).
 */
import type { DocModel, Para } from '../docx-read/model.js';
import type { LayoutProfile } from '../profile.js';
import type { TrinhBay } from '../layout/house-style.js';
import type { Muc } from '../types/plan.js';
import { readDate } from '../form/dates.js';
import { phaseTime } from '../normalise/body.js';

/** Fewest body paragraphs whose spacing is read as the house style (fewer: too few to tell a style from a one-off). */
const MIN_PARAS = 3;

/**
 * The house style a document shows.
 * @param roles paragraph number → role, as the recogniser set them (src/import/notes.ts)
 * @returns the `trinh_bay` values read (empty when the document keeps the family's)
 */
export function readHouseStyle(doc: DocModel, paras: Para[], roles: Map<number, string>, profile: LayoutProfile): Partial<TrinhBay> {
  const out: Partial<TrinhBay> = readSpacing(paras, roles, profile, doc.source === 'txt');
  if (doc.source === 'docx' || doc.source === 'doc') {
    const hasPage = (part: string | undefined) => !!part && (doc.parts[part] ?? []).some((p) => p.fields.includes('PAGE'));
    const inFooter = doc.sections.some((s) => Object.values(s.footers).some(hasPage));
    const inHeader = doc.sections.some((s) => Object.values(s.headers).some(hasPage));
    if (inFooter && !inHeader) out.so_trang = 'chan_trang';
  }
  return out;
}

/** `cach_truoc` and `cach_doan` of the body's paragraphs (see above), in the schema's order; none from plain text. */
function readSpacing(paras: Para[], roles: Map<number, string>, profile: LayoutProfile, txt: boolean): Partial<TrinhBay> {
  const out: Partial<TrinhBay> = {};
  if (txt) return out;
  const body = paras.filter((p) => !p.cell && roles.get(p.index) === 'than' && p.text.trim());
  if (body.length < MIN_PARAS) return out;
  const than = profile.kieu.than ?? {};
  const before = mostCommon(body.map((p) => p.spacing.before));
  const after = mostCommon(body.map((p) => p.spacing.after));
  const pt = (twips: number) => Math.round((twips / 20) * 10) / 10;
  if (before === undefined || pt(before) === (than.truoc ?? 0)) return out;
  // The space after comes back with the space before, the pair an office sets (6 pt before, 0 after): the gap
  // between paragraphs is their sum. Alone it is not read (a document's own spacing is check's to judge, not a choice).
  if (after !== undefined && pt(after) !== (than.sau ?? 0)) out.cach_doan = pt(after);
  out.cach_truoc = pt(before);
  return out;
}

/** The value more than half of `xs` hold, else undefined. */
function mostCommon(xs: number[]): number | undefined {
  const n = new Map<number, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  for (const [x, k] of n) if (k * 2 > xs.length) return x;
  return undefined;
}

/** A date as phases print it: "01/3/2026", or "01/3" (its year the end's), or "tháng 01/2020". */
const DATE = /(tháng \d{1,2}\/\d{4}|\d{1,2}\/\d{1,2}(?:\/\d{4})?)/gu;

/** The ISO date of a printed one ("01/3/2026" → 2026-03-01, "tháng 01/2020" → 2020-01; "01/3" with `year`). */
function isoOfPrinted(s: string, year?: string): string | undefined {
  const month = /^tháng (\d{1,2})\/(\d{4})$/u.exec(s);
  const text = month ? `${month[2]}-${month[1].padStart(2, '0')}` : /^\d{1,2}\/\d{1,2}$/.test(s) ? (year ? `${s}/${year}` : '') : s;
  if (!text) return undefined;
  const r = readDate(text);
  return r.ok && r.precision === (month ? 'month' : 'day') ? r.iso : undefined;
}

/**
 * The office's words for the time of its one-line phases (`trinh_bay.dot.thoi_gian`), read from the phases import
 * kept with their time in words (`dot.thoi_gian`, src/import/body.ts oneLinePhase): a phrase naming exactly two dates,
 * the second with its year, is a pattern with "{tu}" (or "{tu_ngan}" when the start has no year) and "{den}". When
 * every such phase gives the same pattern, and the pattern prints each phrase again exactly (normalise/body.ts
 * phaseTime), the phases take tu and den in place of their words and the pattern is returned; else nothing changes.
 * A phrase with one date or none ("Trong tháng 12/2025") stays words.
 * @param items the plan's body, changed in place when a pattern is found
 * @returns the pattern, or undefined
 */
export function readPhaseWords(items: Muc[]): string | undefined {
  const found: { dot: Record<string, unknown>; tu: string; den: string; pattern: string }[] = [];
  const walk = (list: Muc[]) => {
    for (const it of list) {
      if (!it || typeof it !== 'object') continue;
      const d = (it as { dot?: Record<string, unknown> }).dot;
      if (d && d.mot_dong === true && typeof d.thoi_gian === 'string') {
        const words = d.thoi_gian;
        const dates = [...words.matchAll(DATE)];
        if (dates.length === 2 && /\d{4}$/.test(dates[1][1])) {
          const den = isoOfPrinted(dates[1][1]);
          const short = /^\d{1,2}\/\d{1,2}$/.test(dates[0][1]);
          const tu = isoOfPrinted(dates[0][1], den?.slice(0, 4));
          if (tu && den && tu <= den) {
            const [a, b] = dates;
            const pattern = words.slice(0, a.index) + (short ? '{tu_ngan}' : '{tu}') + words.slice(a.index! + a[1].length, b.index) + '{den}' + words.slice(b.index! + b[1].length);
            if (phaseTime(pattern, tu, den) === words) found.push({ dot: d, tu, den, pattern });
          }
        }
      }
      const children = (it as { noi_dung?: Muc[] }).noi_dung;
      if (Array.isArray(children)) walk(children);
    }
  };
  walk(items);
  if (!found.length || found.some((f) => f.pattern !== found[0].pattern)) return undefined;
  for (const f of found) {
    // in the schema's order: ten, tu, den, then the rest without thoi_gian
    const { ten, thoi_gian: _words, ...rest } = f.dot;
    for (const k of Object.keys(f.dot)) delete f.dot[k];
    Object.assign(f.dot, { ten, tu: f.tu, den: f.den, ...rest });
  }
  return found[0].pattern;
}
