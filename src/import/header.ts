/**
 * The header (ô 1–4 of NĐ 30/2020 PL I; HD 36 mục 1.1–1.4): agency lines, Quốc hiệu and Tiêu ngữ or the Party
 * line, the Số line and the place-and-date line; then the title block (ô 5a: tên loại and trích yếu).
 */
import type { Line } from './lines.js';
import type { Notes } from './notes.js';
import { markup } from './lines.js';
import type { SoKyHieuReading } from '../form/so-ky-hieu.js';
import { readPlaceDateLine, type DateReading } from '../form/dates.js';

export const RE_QUOC_HIEU = /^CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu;
export const RE_TIEU_NGU = /^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc$/iu;
export const RE_DANG = /^ĐẢNG CỘNG SẢN VIỆT NAM$/u;
/** The Youth Union's title line, opposite the agency — HD 29-HD/TWĐTN-VP (templates/doan_thanh_nien/header.hbs). */
export const RE_DOAN = /^ĐOÀN (TNCS|THANH NIÊN CỘNG SẢN) HỒ CHÍ MINH$/u;
/** Tên loại lines. */
export const RE_TEN_LOAI = /^(KẾ HOẠCH|CHƯƠNG TRÌNH|PHƯƠNG ÁN|ĐỀ ÁN|HƯỚNG DẪN)(\s+[A-ZĐÀ-Ỹ ]+)?$/u;

/** A line that only names where an agency is: an administrative unit and its name ("TỈNH BÌNH THUẬN", "XÃ AN PHÚ"). */
const RE_DIA_GIOI = /^(?:TỈNH|THÀNH PHỐ|TP\.|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+\S/u;

export interface Header {
  chuQuan: string[];
  banHanh: string[];
  /**
   * The Số line read by the families' patterns (src/form/so-ky-hieu.ts): "Số: 05/KH-UBND", "Số : 02 /KH - LĐLĐ",
   * "Số:      /KH-MTTQ-BTT" (a draft), the Party's "Số 05-KH/BDVTU"; `kyHieu` as the matching pattern writes it.
   */
  so?: { so: number | null; loai: string; coQuan: string; kyHieu: string; families: string[] };
  dia_danh?: string;
  /** The date of the place-and-date line as read by src/form/dates.ts (it may name no real day), and its text. */
  ngay?: { date: Exclude<DateReading, { reason: 'not-a-date' }>; text: string };
  party: boolean;
  /** Header text for family detection. */
  all: string;
  /** The agency lines (ô 2) in order, cleaned, with their weight: a joint plan's issuers are regrouped from them. */
  agencyLines: { text: string; bold: boolean; para: number }[];
}

/**
 * Reads the header from the lines before the tên loại. Roles go to `roles` by paragraph number.
 * @param readSo the Số line's reader by every family's pattern (src/form/so-ky-hieu.ts soKyHieuReader)
 */
export function readHeader(lines: Line[], notes: Notes, readSo: (text: string) => SoKyHieuReading | null): Header {
  const h: Header = { chuQuan: [], banHanh: [], party: false, all: '', agencyLines: [] };
  const agency: Line[] = [];
  for (const l of lines) {
    for (const piece of l.text.split('\n').map((s) => s.trim()).filter(Boolean)) {
      h.all += piece + '\n';
      let so: SoKyHieuReading | null;
      let placeDate: ReturnType<typeof readPlaceDateLine>;
      if (RE_QUOC_HIEU.test(piece)) notes.role(l.para, 'quoc_hieu');
      else if (RE_TIEU_NGU.test(piece)) notes.role(l.para, 'tieu_ngu');
      else if (RE_DANG.test(piece)) { h.party = true; notes.role(l.para, 'tieu_de_dang'); }
      else if (RE_DOAN.test(piece)) notes.role(l.para, 'tieu_de_doan');
      else if (/^(\*\s*){1,3}$/.test(piece) || /^[-_=–—.…]{3,}$/.test(piece)) { /* the Party's star, the Đoàn's "***", a typed rule */ }
      else if ((so = readSo(piece))) {
        h.so = { so: so.so ? Number(so.so) : null, loai: so.loai, coQuan: so.co_quan, kyHieu: so.kyHieu, families: so.families };
        notes.role(l.para, 'so_ky_hieu');
        notes.at(['so_ky_hieu'], l.para);
        if (h.so.so === null) notes.comment(['so_ky_hieu', 'so'], `dự thảo: số để trống trong văn bản nguồn (đoạn ${l.para})`);
      } else if ((placeDate = readPlaceDateLine(piece))) {
        h.dia_danh = placeDate.place;
        h.ngay = { date: placeDate.date, text: placeDate.text };
        notes.role(l.para, 'dia_danh_ngay');
        notes.at(['ngay_ban_hanh'], l.para);
        notes.at(['dia_danh'], l.para);
      } else agency.push({ ...l, text: piece });
    }
  }
  // Agency lines: the non-bold lines before the first bold one are the chủ quản, the rest the ban hành.
  // Without weights (plain text) the last name is the ban hành, with the lines above it that only name its place
  // ("ỦY BAN NHÂN DÂN" / "TỈNH BÌNH THUẬN" is one agency on two lines).
  const firstBold = agency.findIndex((l) => l.bold);
  let split = firstBold > 0 ? firstBold : firstBold === 0 ? 0 : Math.max(agency.length - 1, 0);
  if (firstBold < 0) while (split > 0 && RE_DIA_GIOI.test(agency[split].text)) split--;
  agency.forEach((l, i) => {
    let t = l.text;
    if (/^[/\\|]\s*/.test(t)) {
      notes.comment(['co_quan_ban_hanh'], `đã bỏ ký tự "${t[0]}" gõ thừa ở đầu dòng cơ quan (đoạn ${l.para})`);
      t = t.replace(/^[/\\|]\s*/, '');
    }
    t = markup([{ text: t, format: { fonts: {}, bold: false, italic: false, underline: false } }]).replace(/\\\*/g, '*');
    h.agencyLines.push({ text: t, bold: l.bold, para: l.para });
    if (i < split) { h.chuQuan.push(t); notes.role(l.para, 'co_quan_chu_quan'); }
    else { h.banHanh.push(t); notes.role(l.para, 'co_quan_ban_hanh'); }
  });
  if (agency.length && firstBold < 0) notes.comment(['co_quan_ban_hanh'], 'đoán: không dòng nào in đậm, lấy tên cơ quan cuối cùng làm cơ quan ban hành');
  if (agency.length) notes.at(['co_quan_ban_hanh'], agency[split]?.para ?? agency[0].para);
  return h;
}

/** One issuer of a joint plan as ô 2 shows it: its chủ quản lines (the one above when it shares it) and its name. */
export interface Issuer { chuQuan: string[]; banHanh: string[] }
/** The issuers of a joint plan, lead first, and whether the split is a guess. */
export interface IssuerSplit { issuers: Issuer[]; guessed: boolean }

/**
 * Regroups the agency lines of ô 2 into the `n` issuers of a joint plan (lead issuer first), as kehoach stacks them
 * (src/normalise/index.ts coQuanLienTich: each issuer's chủ quản regular, its name bold; a chủ quản shared with the
 * issuer above is written once). Without weights (plain text) the last `n` lines are the issuers' names.
 * @returns the issuers and whether the split is a guess, or null when there are fewer name lines than issuers
 */
export function splitIssuers(h: Header, n: number, notes: Notes): IssuerSplit | null {
  const L = h.agencyLines;
  const units: { chu: typeof L; ban: typeof L }[] = [];
  let guessed = false;
  if (L.some((l) => l.bold)) {
    // Groups: regular lines, then bold lines.
    const groups: { chu: typeof L; ban: typeof L }[] = [];
    let cur: { chu: typeof L; ban: typeof L } = { chu: [], ban: [] };
    for (const l of L) {
      if (!l.bold && cur.ban.length) { groups.push(cur); cur = { chu: [], ban: [] }; }
      (l.bold ? cur.ban : cur.chu).push(l);
    }
    if (cur.ban.length) groups.push(cur);
    else if (cur.chu.length) return null; // regular lines after the last name: not a stacked header
    if (groups.length === n) units.push(...groups);
    else {
      // Several names in one bold run: one line each, the lead issuer keeping what is left over at the top.
      const lines = groups.flatMap((g) => g.ban.map((b, i) => ({ chu: i === 0 ? g.chu : [], ban: [b] })));
      if (lines.length < n) return null;
      const extra = lines.length - n;
      units.push({ chu: lines.slice(0, extra + 1).flatMap((u) => u.chu), ban: lines.slice(0, extra + 1).flatMap((u) => u.ban) }, ...lines.slice(extra + 1));
      guessed = extra > 0 || groups.length > n;
    }
  } else {
    if (L.length < n) return null;
    const k = L.length - n;
    units.push({ chu: L.slice(0, k), ban: [L[k]] }, ...L.slice(k + 1).map((l) => ({ chu: [], ban: [l] })));
    guessed = true;
  }
  let above: string[] = [];
  const issuers = units.map((u) => {
    for (const l of u.chu) notes.setRole(l.para, 'co_quan_chu_quan');
    for (const l of u.ban) notes.setRole(l.para, 'co_quan_ban_hanh');
    if (u.chu.length) above = u.chu.map((l) => l.text);
    return { chuQuan: above, banHanh: u.ban.map((l) => l.text) };
  });
  return { issuers, guessed };
}
