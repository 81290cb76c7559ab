/**
 * The fixed texts of an annexed form (mẫu biểu: biên bản, phiếu, danh sách kèm theo): the blank issuer line
 * "(1)……………", the blank date line, the signer's note "(ký, ghi rõ họ tên)", the "Ghi chú:" label and the number of
 * a note "({n})". They are the family's layout data (`mau.mau_bieu` of templates/<khoi>/layout.yaml; NĐ 30/2020 Phụ lục
 * III and the forms of real plans [UNCONFIRMED]), written by render (src/normalise/forms.ts) and recognised by import
 * (src/import/forms.ts) from this one reading, with these defaults for an office's templates folder made before forms.
 */
import type { LayoutProfile } from '../profile.js';
import { patternMatcher } from './pattern.js';

/**
 * The texts of a family's forms; `cao_dong`: the height of a blank table row, mm; `cot_so`: the headers of a table's
 * number column (compared without case), whose cells are centred.
 */
export interface FormTexts { co_quan_trong: string; ngay_trong: string; ky_ghi_chu: string; ghi_chu: string; so_ghi_chu: string; cao_dong: number; cot_so: string[] }

const DEFAULTS: FormTexts = {
  co_quan_trong: '(1)……………', ngay_trong: '……, ngày …… tháng …… năm ……', ky_ghi_chu: '(ký, ghi rõ họ tên)',
  ghi_chu: 'Ghi chú:', so_ghi_chu: '({n})', cao_dong: 10, cot_so: ['TT', 'STT', 'Số TT', 'Số thứ tự'],
};

/** The form texts of a family: its `mau.mau_bieu` over the defaults. */
export function formTexts(profile: LayoutProfile): FormTexts {
  return { ...DEFAULTS, ...(profile.mau.mau_bieu ?? {}) } as FormTexts;
}

const ghiChu = new WeakMap<LayoutProfile, (text: string) => boolean>();
/**
 * Whether a line is the family's "Ghi chú:" label (its `mau.mau_bieu.ghi_chu`, read by the pattern language: the
 * colon may be left out, spacing as real documents have it).
 */
export function isGhiChuLabel(profile: LayoutProfile, text: string): boolean {
  let test = ghiChu.get(profile);
  if (!test) {
    const m = patternMatcher(formTexts(profile).ghi_chu, {}, '\\s*');
    ghiChu.set(profile, (test = (t: string) => m(t) !== null));
  }
  return test(text);
}

/**
 * Whether a paragraph of a form holds a fill-in line: a run of dots ("……", "....") or of underscores ("____") to be
 * written on by hand. Such a paragraph is set left-aligned with no first-line indent (the `mau_dong` role), so that
 * justification never stretches its dots (issue 20 item 2).
 */
export function hasFill(text: string): boolean {
  return /…{2,}|\.{4,}|_{4,}/u.test(text);
}

/**
 * Whether an agency line of a form's header is only a blank to fill: the family's `co_quan_trong` ("(1)……………") or a
 * note number followed by dots ("(2)……"). It is printed regular, not bold as the issuer's name is.
 */
export function isBlankAgency(text: string, t: FormTexts): boolean {
  const s = text.trim();
  return s === t.co_quan_trong || /^\(\d{1,2}\)\s*[….]+$/u.test(s);
}

/** Whether a form table's column header names the number column (`mau.mau_bieu.cot_so`, without case or spacing). */
export function isNumberColumn(header: string, t: FormTexts): boolean {
  const key = (x: string) => x.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
  return t.cot_so.some((c) => key(c) === key(header));
}

/**
 * The "Ghi chú:" label at the start of a line and what follows it on the line (a lead sentence), or null when the line
 * does not start with the label. (`isGhiChuLabel` is the whole-line case.)
 */
export function ghiChuLead(profile: LayoutProfile, text: string): string | null {
  const label = formTexts(profile).ghi_chu.replace(/:\s*$/, '');
  const esc = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*');
  const m = new RegExp(`^\\s*${esc}\\s*:\\s*(.*)$`, 'u').exec(text);
  return m ? m[1].trim() : null;
}
