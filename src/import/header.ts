/**
 * The header (ô 1–4 of NĐ 30/2020 PL I; HD 36 mục 1.1–1.4): agency lines, Quốc hiệu and Tiêu ngữ or the Party
 * line, the Số line and the place-and-date line; then the title block (ô 5a: tên loại and trích yếu).
 */
import type { Line } from './lines.js';
import type { Notes } from './notes.js';
import { markup } from './lines.js';

export const RE_QUOC_HIEU = /^CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu;
export const RE_TIEU_NGU = /^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc$/iu;
export const RE_DANG = /^ĐẢNG CỘNG SẢN VIỆT NAM$/u;
/** "Số: 05/KH-UBND", "Số : 02 /KH - LĐLĐ", "Số:      /KH-MTTQ-BTT" (draft), Party "Số 05-KH/BDVTU". */
export const RE_SO = /^Số\s*:?\s*(\d*)[\s.…_]*(?:\/\s*([A-ZĐa-zđ]+)\s*[-–]\s*(\S.*)|[-–]\s*([A-ZĐa-zđ]+)\s*\/\s*(\S.*))$/u;
/** "<địa danh>, ngày 05 tháng 02 năm 2025", with blanks in a draft. */
export const RE_NGAY = /^(.+?)\s*,\s*ngày\s*(\d*)[\s.…_]*tháng\s*(\d*)[\s.…_]*năm\s*(\d{4})\s*\.?$/iu;
/** Tên loại lines. */
export const RE_TEN_LOAI = /^(KẾ HOẠCH|CHƯƠNG TRÌNH|PHƯƠNG ÁN|ĐỀ ÁN|HƯỚNG DẪN)(\s+[A-ZĐÀ-Ỹ ]+)?$/u;

export interface Header {
  chuQuan: string[];
  banHanh: string[];
  so?: { so: number | null; loai: string; coQuan: string; party: boolean };
  dia_danh?: string;
  ngay?: { y: number; m?: number; d?: number };
  party: boolean;
  /** Header text for family detection. */
  all: string;
}

/** Reads the header from the lines before the tên loại. Roles go to `roles` by paragraph number. */
export function readHeader(lines: Line[], notes: Notes): Header {
  const h: Header = { chuQuan: [], banHanh: [], party: false, all: '' };
  const agency: Line[] = [];
  for (const l of lines) {
    for (const piece of l.text.split('\n').map((s) => s.trim()).filter(Boolean)) {
      h.all += piece + '\n';
      let m: RegExpExecArray | null;
      if (RE_QUOC_HIEU.test(piece)) notes.role(l.para, 'quoc_hieu');
      else if (RE_TIEU_NGU.test(piece)) notes.role(l.para, 'tieu_ngu');
      else if (RE_DANG.test(piece)) { h.party = true; notes.role(l.para, 'tieu_de_dang'); }
      else if (/^\*$/.test(piece) || /^[-_=–—.…]{3,}$/.test(piece)) { /* the Party's star, a typed rule */ }
      else if ((m = RE_SO.exec(piece))) {
        const party = m[4] !== undefined;
        h.so = { so: m[1] ? Number(m[1]) : null, loai: (m[2] ?? m[4]).trim(), coQuan: (m[3] ?? m[5]).replace(/\s+/g, '').replace(/[.,;]$/, ''), party };
        notes.role(l.para, 'so_ky_hieu');
        notes.at(['so_ky_hieu'], l.para);
        if (h.so.so === null) notes.comment(['so_ky_hieu', 'so'], `dự thảo: số để trống trong văn bản nguồn (đoạn ${l.para})`);
      } else if ((m = RE_NGAY.exec(piece))) {
        h.dia_danh = m[1].trim();
        h.ngay = { y: Number(m[4]), ...(m[3] ? { m: Number(m[3]) } : {}), ...(m[2] ? { d: Number(m[2]) } : {}) };
        notes.role(l.para, 'dia_danh_ngay');
        notes.at(['ngay_ban_hanh'], l.para);
        notes.at(['dia_danh'], l.para);
      } else agency.push({ ...l, text: piece });
    }
  }
  // Agency lines: the non-bold lines before the first bold one are the chủ quản, the rest the ban hành.
  const firstBold = agency.findIndex((l) => l.bold);
  const split = firstBold > 0 ? firstBold : firstBold === 0 ? 0 : Math.max(agency.length - 1, 0);
  agency.forEach((l, i) => {
    let t = l.text;
    if (/^[/\\|]\s*/.test(t)) {
      notes.comment(['co_quan_ban_hanh'], `đã bỏ ký tự "${t[0]}" gõ thừa ở đầu dòng cơ quan (đoạn ${l.para})`);
      t = t.replace(/^[/\\|]\s*/, '');
    }
    t = markup([{ text: t, format: { fonts: {}, bold: false, italic: false, underline: false } }]).replace(/\\\*/g, '*');
    if (i < split) { h.chuQuan.push(t); notes.role(l.para, 'co_quan_chu_quan'); }
    else { h.banHanh.push(t); notes.role(l.para, 'co_quan_ban_hanh'); }
  });
  if (agency.length && firstBold < 0) notes.comment(['co_quan_ban_hanh'], 'đoán: không dòng nào in đậm, lấy dòng cuối làm cơ quan ban hành');
  if (agency.length) notes.at(['co_quan_ban_hanh'], agency[split]?.para ?? agency[0].para);
  return h;
}
