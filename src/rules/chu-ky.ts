/** Rules on the signature block (ô 7a, 7b). */
import { msg } from '../i18n/messages.js';
import type { Rule } from './types.js';
import type { KeHoach, NguoiKy } from '../types/plan.js';
import type { LayoutProfile } from '../profile.js';
import { familyProfiles } from '../form/families.js';
import { signingRecogniser, signingAllowed, allowedForms, signingLine, type SigningMatch } from '../form/signing.js';

/** Every signer of the plan with its path: the lead issuer's, then a joint plan's co-issuers' (lien_tich). */
const signers = (plan: KeHoach): [NguoiKy, (string | number)[]][] => [
  [plan.nguoi_ky, ['nguoi_ky']],
  ...(plan.lien_tich ?? []).map((c, i): [NguoiKy, (string | number)[]] => [c.nguoi_ky, ['lien_tich', i, 'nguoi_ky']]),
];

const TITLE = /^(PHÓ\s+)?(CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|TRƯỞNG|BÍ THƯ|CHÁNH VĂN PHÒNG|CHÁNH|TỔNG GIÁM ĐỐC|VIỆN TRƯỞNG|HIỆU TRƯỞNG|CỤC TRƯỞNG|VỤ TRƯỞNG|BỘ TRƯỞNG)(?=\s|$)/u;
const recognisers = new WeakMap<LayoutProfile, (text: string) => SigningMatch | null>();
/**
 * The signing forms a clerk may have typed into a title: the plan's family's and every package family's spellings
 * (a state plan with "K/T" typed is as wrong as one with "KT."), from the layout data (src/form/signing.ts).
 */
export function typedSigningForm(profile: LayoutProfile): (text: string) => SigningMatch | null {
  let r = recognisers.get(profile);
  if (!r) recognisers.set(profile, (r = signingRecogniser([...familyProfiles(), profile])));
  return r;
}

export const ktPho: Rule = {
  id: 'chu-ky/kt-pho',
  severity: 'error',
  description: { vi: 'Ký thay (KT., K/T) thì người ký là cấp phó: chức vụ bắt đầu bằng "PHÓ".', en: 'Signing on behalf (KT., K/T) is done by a deputy: the title starts with "PHÓ".' },
  source: 'NĐ 30/2020 Phụ lục I mục II.7; HD 36-HD/VPTW mục 1.7',
  check: ({ plan, profile, lang }) => signers(plan)
    .filter(([nk]) => nk.quyen_han === 'KT' && !/^PHÓ\s/u.test(nk.chuc_vu))
    .map(([nk, path]) => ({ path: [...path, 'chuc_vu'], message: msg('rule/chu-ky/kt-pho', lang, { prefix: profile.mau.quyen_han.KT, value: nk.chuc_vu }) })),
};

export const tmTapThe: Rule = {
  id: 'chu-ky/tm-tap-the',
  severity: 'error',
  description: { vi: 'Thay mặt (TM., T/M) ghi tên tập thể, không ghi chức danh cá nhân.', en: 'Signing for (TM., T/M) names a collective, not a personal title.' },
  source: 'NĐ 30/2020 Phụ lục I mục II.7; HD 36-HD/VPTW mục 1.7',
  check: ({ plan, profile, lang }) => signers(plan)
    .filter(([nk]) => nk.thay_mat && TITLE.test(nk.thay_mat))
    .map(([nk, path]) => ({ path: [...path, 'thay_mat'], message: msg('rule/chu-ky/tm-tap-the', lang, { prefix: profile.mau.quyen_han.TM, value: nk.thay_mat! }) })),
};

export const tmPho: Rule = {
  id: 'chu-ky/tm-pho',
  severity: 'warning',
  description: { vi: 'Cơ quan nhà nước, Công đoàn, Mặt trận: cấp phó ký thay mặt tập thể thì thêm "KT. <người đứng đầu>".', en: 'State, union and Front: a deputy signing for a collective adds "KT. <head>".' },
  source: 'NĐ 30/2020 Phụ lục I mục II.7 (layout-rules.md §3.5); Đảng, Đoàn: cấp phó ký T/M, TM. trực tiếp',
  check: ({ plan, profile, lang }) => {
    if (!profile.mau.cap_pho_tm_kem_kt) return [];
    return signers(plan)
      .filter(([nk]) => nk.thay_mat && !nk.quyen_han && /^PHÓ\s+/u.test(nk.chuc_vu))
      // a form typed in thay_mat ("TM. ỦY BAN …", reported by chu-ky/tien-to) is not written twice ("TM. TM. …")
      .map(([nk, path]) => ({ path: [...path, 'chuc_vu'], message: msg('rule/chu-ky/tm-pho', lang, { tm: signingLine(profile, 'TM', withoutTypedForm(profile, nk.thay_mat!)), kt: signingLine(profile, 'KT', nk.chuc_vu.replace(/^PHÓ\s+/u, '')), value: nk.chuc_vu }) }));
  },
};

/** A text without the signing form typed at its start ("TM. ỦY BAN NHÂN DÂN" → "ỦY BAN NHÂN DÂN"), as the family reads it. */
function withoutTypedForm(profile: LayoutProfile, text: string): string {
  return typedSigningForm(profile)(text)?.rest ?? text;
}

export const tienTo: Rule = {
  id: 'chu-ky/tien-to',
  severity: 'error',
  description: { vi: 'Không tự ghi quyền hạn (TM., KT., T/M, K/T …) trong chữ: tool thêm đúng dạng của khối.', en: 'Do not type the signing form (TM., KT., T/M, K/T …): the tool writes the family’s form.' },
  source: 'NĐ 30/2020 Phụ lục I mục II.7; HD 36-HD/VPTW mục 1.7',
  /**
   * The typed form is removed; `KT.`/`K/T`, `TL.`/`T/L`, `TUQ.`/`T/UQ`, `Q.` is given as the signer's `quyen_han`
   * (inserted before the field when the signer has none). Left to the clerk (null) when the signer's `quyen_han` is
   * another one, or a `TM.`/`T/M` is typed elsewhere than in thay_mat.
   */
  fix: (f, { plan, profile, lang }) => {
    const field = String(f.path[f.path.length - 1]);
    const signer = f.path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], plan) as NguoiKy | undefined;
    const typed = typedSigningForm(profile);
    const form = signer ? typed(String(signer[field as keyof NguoiKy] ?? '')) : null;
    if (!signer || !form) return null;
    const q = form.code !== 'TM' ? form.code : undefined;
    const current = signer.quyen_han;
    if (q ? (current && current !== q) : field !== 'thay_mat') return null;
    return {
      value: (v) => typed(v)?.rest ?? v,
      block: (s) => s.replace(/^(\s*)\S+\s*/u, '$1'),
      ...(q && !current ? { insert: { key: 'quyen_han', value: q, note: msg('fix/quyen-han', lang, { value: q }) } } : {}),
    };
  },
  check: ({ plan, profile, lang }) => {
    const forms = Object.values(profile.mau.quyen_han).join(', ');
    const typed = typedSigningForm(profile);
    const out = [];
    for (const [nk, path] of signers(plan)) for (const k of ['thay_mat', 'thu_truong', 'chuc_vu'] as const) {
      const v = nk[k];
      const m = v ? typed(v) : null;
      if (m) out.push({ path: [...path, k], message: msg('rule/chu-ky/tien-to', lang, { value: v!, prefix: m.written, forms }) });
    }
    return out;
  },
};

export const dangQuyenHan: Rule = {
  id: 'chu-ky/dang-quyen-han',
  severity: 'warning',
  description: { vi: 'Chỉ dùng quyền hạn mà hướng dẫn của khối có (Đảng: T/M, K/T, T/L, không dùng T/UQ, Q.): `mau.quyen_han_khong_dung` của khối.', en: 'Only the signing forms the family’s guidance uses (Party: T/M, K/T, T/L, not T/UQ, Q.): the family’s `mau.quyen_han_khong_dung`.' },
  source: 'HD 36-HD/VPTW mục 1.7',
  check: ({ plan, profile, lang }) => signers(plan)
    .filter(([nk]) => nk.quyen_han && !signingAllowed(profile, nk.quyen_han))
    .map(([nk, path]) => ({ path: [...path, 'quyen_han'], message: msg('rule/chu-ky/dang-quyen-han', lang, { value: nk.quyen_han!, form: profile.mau.quyen_han[nk.quyen_han!], family: profile.ten, allowed: allowedForms(profile).join(', ') }) })),
};

/**
 * Whether the lead signer is the Front's case of rule chu-ky/mat-tran-tm: an issuer naming the family's collective
 * (`mau.tm_tap_the`, "BAN THƯỜNG TRỰC"), its Chairman or a Vice-Chairman signing with no "TM." line.
 */
const frontCollectiveUnsigned = (plan: KeHoach, profile: LayoutProfile, nk: NguoiKy): boolean => {
  const collective = profile.mau.tm_tap_the;
  return !!collective && nk === plan.nguoi_ky && !nk.thay_mat && [plan.co_quan_ban_hanh].flat().join(' ').includes(collective) && /^(PHÓ\s+)?CHỦ TỊCH/u.test(nk.chuc_vu);
};

export const phoKhongKt: Rule = {
  id: 'chu-ky/pho-khong-kt',
  severity: 'warning',
  description: { vi: 'Cấp phó ("PHÓ …") không ký trực tiếp: ký thay người đứng đầu, "KT. <người đứng đầu>" (quyen_han: KT, thu_truong).', en: 'A deputy ("PHÓ …") does not sign in their own name: they sign on behalf of the head, "KT. <head>" (quyen_han: KT, thu_truong).' },
  source: 'NĐ 30/2020 Phụ lục I mục II.7 (layout-rules.md §3.5)',
  check: ({ plan, profile, lang }) => signers(plan)
    // with TM. the rule is chu-ky/tm-pho; the Front's collective case is chu-ky/mat-tran-tm's
    .filter(([nk]) => !nk.quyen_han && !nk.thay_mat && /^PHÓ\s+/u.test(nk.chuc_vu) && !frontCollectiveUnsigned(plan, profile, nk))
    .map(([nk, path]) => ({ path: [...path, 'chuc_vu'], message: msg('rule/chu-ky/pho-khong-kt', lang, { kt: signingLine(profile, 'KT', nk.chuc_vu.replace(/^PHÓ\s+/u, '')), value: nk.chuc_vu }) })),
};

export const thuTruongKhongIn: Rule = {
  id: 'chu-ky/thu-truong-khong-in',
  severity: 'warning',
  description: { vi: 'thu_truong chỉ in sau KT., TL., TUQ. (quyen_han); không có các quyền hạn này thì chức danh đó không được in.', en: 'thu_truong prints only after KT., TL., TUQ. (quyen_han); without one of them the title does not print.' },
  source: 'NĐ 30/2020 Phụ lục I mục II.7; kehoach (không bỏ chữ nào mà không báo)',
  check: ({ plan, lang }) => signers(plan)
    // Q. stands before the signer's own title ("Q. GIÁM ĐỐC"): it has no head's line either
    .filter(([nk]) => nk.thu_truong !== undefined && (!nk.quyen_han || nk.quyen_han === 'Q'))
    .map(([nk, path]) => ({ path: [...path, 'thu_truong'], message: msg('rule/chu-ky/thu-truong-khong-in', lang, { value: nk.thu_truong!, form: nk.quyen_han ?? '' }) })),
};

export const matTranTm: Rule = {
  id: 'chu-ky/mat-tran-tm',
  severity: 'warning',
  description: { vi: 'Mặt trận: Chủ tịch, Phó Chủ tịch ký văn bản của Ban Thường trực thay mặt tập thể: "TM. BAN THƯỜNG TRỰC".', en: 'Front: the Chairman or a Vice-Chairman signs the Standing Board’s documents for the collective: "TM. BAN THƯỜNG TRỰC".' },
  source: 'HD 91/HD-MTTW-BTT (theo NĐ 30/2020 Phụ lục I mục II.7b, ký thay mặt tập thể) [UNCONFIRMED]; thực tiễn: ba kế hoạch của BTT UB MTTQ cấp xã 2025–2026',
  check: ({ plan, profile, lang }) => {
    const nk = plan.nguoi_ky;
    if (!frontCollectiveUnsigned(plan, profile, nk)) return [];
    return [{ path: ['nguoi_ky'], message: msg('rule/chu-ky/mat-tran-tm', lang, { tm: signingLine(profile, 'TM', profile.mau.tm_tap_the!), value: nk.chuc_vu }) }];
  },
};
