/**
 * The office's house style read back from a document (plan key `trinh_bay:`; src/layout/house-style.ts writes it):
 * the choices a .docx shows beyond its words, those kehoach can read without guessing.
 * - `so_trang: chan_trang`: the page number (a PAGE field) is in a footer and in no header (NĐ 30/2020 Phụ lục I
 *   mục II.10 puts it in the header; the plan rule trinh-bay/so-trang warns, once, in validate and in check alike).
 * - `cach_truoc` (and with it `cach_doan`): the space before (and after) the body's paragraphs (the role "than"), pt,
 *   when most of them share a space before that is not the family's (`kieu.than.truoc` of layout.yaml): an office's
 *   "6 pt before, 0 after" comes back as such, so the plan renders the page it was read from.
 */
import type { DocModel, Para } from '../docx-read/model.js';
import type { LayoutProfile } from '../profile.js';
import type { TrinhBay } from '../layout/house-style.js';

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
