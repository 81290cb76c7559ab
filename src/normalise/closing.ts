/**
 * The closing (NĐ 30/2020 Phụ lục I mục II.7, II.9, II.12): Nơi nhận lines with the family's punctuation, the Lưu
 * line and the typist's initials (ô 9b, 12), and the signature's lines (ô 7a, 7b).
 */
import type { KeHoach } from '../types/plan.js';
import type { LayoutProfile } from '../profile.js';
import { fill } from './dates.js';
import { signingLine } from '../form/signing.js';
import { luuLine, noiNhanHeading } from '../form/noi-nhan.js';
import { msg, type Lang } from '../i18n/messages.js';
import type { NormaliseIssue } from './body.js';

/** A line of Nơi nhận: one recipient, or a group sharing a bracketed purpose. */
export type NoiNhanDong = { loai: 'noi'; text: string } | { loai: 'nhom'; dong: string[]; muc_dich: string };

/** Nơi nhận as the templates see it: the label, the lines, the Lưu line and ô 12 (typist, copies). */
export interface NoiNhanView { nhan: string; dong: NoiNhanDong[]; luu: string; ky_hieu: string }

/**
 * The signature's lines: quyền hạn lines (TM. …, KT. …), the signer's title, the blank lines left for signature and
 * seal (one entry per line), the signer's other office (ô 7b, above the name), the name, and the other office the
 * plan puts under the name (`chuc_vu_khac_duoi`).
 */
export interface NguoiKyView { quyen_han: string[]; chuc_vu: string; khoang_ky: number[]; chuc_vu_khac: string[]; ho_ten: string; chuc_vu_khac_duoi: string[] }

/**
 * Builds the Nơi nhận view: "-" lines ending with the family's mark (layout.yaml `mau.noi_nhan_cuoi`); a recipient
 * with its own purpose prints "- UBND tỉnh (b/c);". The typist's initials (ô 12, NĐ 30/2020 PL I mục II.12) go on
 * their own line, after the Lưu line (`ky_hieu_cung_dong: true`: "Lưu: VT, NC. Tường.") or joined to its last unit
 * (`"noi_lien"`: "Lưu: VT, NCTường.").
 * @param issues receives `plan/recipient-kind` for an entry with both or neither of `noi` and `nhom`
 */
export function noiNhanView(nn: KeHoach['noi_nhan'], profile: LayoutProfile, lang: Lang = 'vi', issues: NormaliseIssue[] = []): NoiNhanView {
  const mau = profile.mau;
  const end = mau.noi_nhan_cuoi;
  const withEnd = (t: string) => (/[;,.:]$/.test(t) ? t : t + end);
  const dong: NoiNhanDong[] = [];
  nn.cac_noi.forEach((c, i) => {
    if (typeof c === 'string') { dong.push({ loai: 'noi', text: withEnd(c) }); return; }
    if ((c.noi === undefined) === (c.nhom === undefined)) {
      issues.push({ path: ['noi_nhan', 'cac_noi', i], rule: 'plan/recipient-kind', message: msg('plan/recipient-kind', lang) });
      return;
    }
    if (c.noi !== undefined) dong.push({ loai: 'noi', text: withEnd(`${c.noi.replace(/[;,]$/, '')} (${c.muc_dich})`) });
    else dong.push({ loai: 'nhom', dong: c.nhom!.map(withEnd), muc_dich: c.muc_dich });
  });
  const joined = nn.ky_hieu_cung_dong === 'noi_lien' && Array.isArray(nn.luu) && !!nn.ky_hieu_nguoi_soan;
  const units = Array.isArray(nn.luu) ? [...nn.luu] : [];
  if (joined) units[units.length - 1] += nn.ky_hieu_nguoi_soan;
  let luu = typeof nn.luu === 'string' ? nn.luu : luuLine(profile, units);
  let kyHieu = nn.ky_hieu_nguoi_soan && !joined ? fill(mau.ky_hieu_nguoi_soan, { ky_hieu: nn.ky_hieu_nguoi_soan }) : '';
  if (nn.so_ban) kyHieu += fill(mau.so_ban, { so_ban: nn.so_ban });
  if (joined && kyHieu) { luu = luu.replace(/\.$/, '') + kyHieu + (luu.endsWith('.') ? '.' : ''); kyHieu = ''; }
  if (kyHieu && nn.ky_hieu_cung_dong) { luu = `${luu} ${kyHieu}`; kyHieu = ''; }
  return { nhan: noiNhanHeading(profile), dong, luu: '- ' + luu, ky_hieu: kyHieu };
}

/**
 * Builds the signature lines: TM. <collective> / KT. <head> / <title> (Party: T/M, K/T, T/L); TL. and TUQ. chains
 * (`TL. GIÁM ĐỐC` / `CHÁNH VĂN PHÒNG`) the same way. The space for signature and seal is the plan's
 * `nguoi_ky.khoang_ky` or the family's `khoang_ky` (lines); `chuc_vu_khac` goes above the name — NĐ 30/2020
 * Phụ lục I mục II.7b–đ (ô 7a, 7b) —, `chuc_vu_khac_duoi` under it, as some offices print it. `path` locates the signer in the plan (for the issues raised).
 */
export function nguoiKyView(nk: KeHoach['nguoi_ky'], profile: LayoutProfile, lang: Lang, issues: NormaliseIssue[], path: (string | number)[] = ['nguoi_ky']): NguoiKyView {
  const qh: string[] = [];
  if (nk.thay_mat) qh.push(signingLine(profile, 'TM', nk.thay_mat));
  let chucVu = nk.chuc_vu;
  if (nk.quyen_han === 'Q') chucVu = signingLine(profile, 'Q', nk.chuc_vu);
  else if (nk.quyen_han) {
    if (!nk.thu_truong) issues.push({ path: [...path, 'quyen_han'], rule: 'plan/signature-head', message: msg('plan/signature-head', lang, { value: nk.quyen_han }) });
    qh.push(signingLine(profile, nk.quyen_han, nk.thu_truong ?? ''));
  }
  const lines = (v: string | string[] | undefined) => (v === undefined ? [] : [v].flat());
  const space = Array.from({ length: nk.khoang_ky ?? profile.khoang_ky }, (_, i) => i);
  return { quyen_han: qh, chuc_vu: chucVu, khoang_ky: space, chuc_vu_khac: lines(nk.chuc_vu_khac), ho_ten: nk.ho_ten, chuc_vu_khac_duoi: lines(nk.chuc_vu_khac_duoi) };
}

/** A joint plan's signatures, left to right (the lead issuer last, on the right), and the table's widths (mm). */
export interface LienTichView { chu_ky: NguoiKyView[]; cot: string }

/**
 * Builds the signatures of a joint plan (văn bản liên tịch): one block per issuer side by side, the lead issuer's
 * (the plan's own `nguoi_ky`) on the right, the co-issuers of `lien_tich` to its left in their order, in equal
 * columns across the text width (page width minus margins, mm); a block with fewer title lines gets more blank lines,
 * so that the names stand on one level. NĐ 30/2020 Phụ lục I has no provision for joint
 * documents; the placement (lead issuer on the right) is the one of the joint-document samples that preceded it
 * (TT 01/2011/TT-BNV) and of joint legal documents (NĐ 34/2016/NĐ-CP) [UNCONFIRMED for NĐ 30].
 * @returns null for a single-issuer plan.
 */
export function lienTichView(plan: KeHoach, profile: LayoutProfile, lang: Lang, issues: NormaliseIssue[]): LienTichView | null {
  if (!plan.lien_tich?.length) return null;
  const signers = [
    nguoiKyView(plan.nguoi_ky, profile, lang, []), // the lead signer's issues are raised once, by the caller's own call
    ...plan.lien_tich.map((c, i) => nguoiKyView(c.nguoi_ky, profile, lang, issues, ['lien_tich', i, 'nguoi_ky'])),
  ].reverse();
  // Names on one level: a block with fewer title lines gets that many more blank lines (its titles stay on top).
  const titleLines = (v: NguoiKyView) => v.quyen_han.length + v.chuc_vu.split('\n').length;
  const most = Math.max(...signers.map(titleLines));
  for (const v of signers) v.khoang_ky = Array.from({ length: v.khoang_ky.length + most - titleLines(v) }, (_, i) => i);
  const t = profile.trang;
  const w = Math.round(((t.rong - t.le_trai - t.le_phai) / signers.length) * 10) / 10;
  return { chu_ky: signers, cot: signers.map(() => w).join(' ') };
}
