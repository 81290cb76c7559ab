/**
 * The fixed texts of an annexed form (mẫu biểu: biên bản, phiếu, danh sách kèm theo): the blank issuer line
 * "(1)……………", the blank date line, the signer's note "(ký, ghi rõ họ tên)", the "Ghi chú:" label and the number of
 * a note "({n})". They are the family's layout data (`mau.mau_bieu` of templates/<khoi>/layout.yaml; NĐ 30/2020 Phụ lục
 * III and the forms of real plans [UNCONFIRMED]), written by render (src/normalise/forms.ts) and recognised by import
 * (src/import/forms.ts) from this one reading, with these defaults for an office's templates folder made before forms.
 */
import type { LayoutProfile } from '../profile.js';
import { patternMatcher } from './pattern.js';

/** The texts of a family's forms; `cao_dong`: the height of a blank table row, mm. */
export interface FormTexts { co_quan_trong: string; ngay_trong: string; ky_ghi_chu: string; ghi_chu: string; so_ghi_chu: string; cao_dong: number }

const DEFAULTS: FormTexts = {
  co_quan_trong: '(1)……………', ngay_trong: '……, ngày …… tháng …… năm ……', ky_ghi_chu: '(ký, ghi rõ họ tên)',
  ghi_chu: 'Ghi chú:', so_ghi_chu: '({n})', cao_dong: 10,
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
