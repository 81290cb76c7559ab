/**
 * The closing (NĐ 30/2020 Phụ lục I mục II.7, II.9, II.12): Nơi nhận lines with the family's punctuation, the Lưu
 * line and the typist's initials (ô 9b, 12), and the signature's lines (ô 7a, 7b).
 */
import type { KeHoach } from '../types/plan.js';
import type { LayoutProfile } from '../profile.js';
import { fill } from './dates.js';
import { msg, type Lang } from '../i18n/messages.js';
import type { NormaliseIssue } from './body.js';

/** A line of Nơi nhận: one recipient, or a group sharing a bracketed purpose. */
export type NoiNhanDong = { loai: 'noi'; text: string } | { loai: 'nhom'; dong: string[]; muc_dich: string };

/** Nơi nhận as the templates see it: the label, the lines, the Lưu line and ô 12 (typist, copies). */
export interface NoiNhanView { nhan: string; dong: NoiNhanDong[]; luu: string; ky_hieu: string }

/** The signature's lines: quyền hạn lines (TM. …, KT. …), the signer's title and name. */
export interface NguoiKyView { quyen_han: string[]; chuc_vu: string; ho_ten: string }

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
  let luu = typeof nn.luu === 'string' ? nn.luu : fill(mau.luu, { noi: units.join(', ') });
  let kyHieu = nn.ky_hieu_nguoi_soan && !joined ? fill(mau.ky_hieu_nguoi_soan, { ky_hieu: nn.ky_hieu_nguoi_soan }) : '';
  if (nn.so_ban) kyHieu += fill(mau.so_ban, { so_ban: nn.so_ban });
  if (joined && kyHieu) { luu = luu.replace(/\.$/, '') + kyHieu + (luu.endsWith('.') ? '.' : ''); kyHieu = ''; }
  if (kyHieu && nn.ky_hieu_cung_dong) { luu = `${luu} ${kyHieu}`; kyHieu = ''; }
  return { nhan: mau.noi_nhan, dong, luu: '- ' + luu, ky_hieu: kyHieu };
}

/** Builds the signature lines: TM. <collective> / KT. <head> / <title> (Party: T/M, K/T, T/L). */
export function nguoiKyView(nk: KeHoach['nguoi_ky'], profile: LayoutProfile, lang: Lang, issues: NormaliseIssue[]): NguoiKyView {
  const mau = profile.mau;
  const qh: string[] = [];
  if (nk.thay_mat) qh.push(`${mau.quyen_han.TM} ${nk.thay_mat}`);
  let chucVu = nk.chuc_vu;
  if (nk.quyen_han === 'Q') chucVu = `${mau.quyen_han.Q} ${nk.chuc_vu}`;
  else if (nk.quyen_han) {
    if (!nk.thu_truong) issues.push({ path: ['nguoi_ky', 'quyen_han'], rule: 'plan/signature-head', message: msg('plan/signature-head', lang, { value: nk.quyen_han }) });
    qh.push(`${mau.quyen_han[nk.quyen_han]} ${nk.thu_truong ?? ''}`.trim());
  }
  return { quyen_han: qh, chuc_vu: chucVu, ho_ten: nk.ho_ten };
}
