/**
 * The closing (NĐ 30/2020 PL I mục II.7, II.9, II.12): Nơi nhận (recipients, groups as plain lines, the Lưu line
 * and the typist's initials) and the signature (quyền hạn, titles, name).
 */
import type { KeHoach } from '../types/plan.js';
import type { Line } from './lines.js';
import { markup } from './lines.js';
import type { Notes } from './notes.js';
import { markerOf } from './body.js';
import type { SigningMatch } from '../form/signing.js';
import { luuUnits, type LuuReading } from '../form/noi-nhan.js';
import { CHUA_DIEN } from '../form/placeholder.js';

/** Reads a signing form at the start of a line (src/form/signing.ts, from the families' layout data). */
export type SigningReader = (text: string) => SigningMatch | null;

/**
 * The readers of the Nơi nhận heading and the Lưu line by every family's patterns (src/form/noi-nhan.ts
 * noiNhanHeadingReader, luuReader).
 */
export interface NoiNhanReader { heading: (text: string) => string[] | null; luu: (text: string) => LuuReading | null }

type NoiNhan = KeHoach['noi_nhan'];
type NguoiKy = KeHoach['nguoi_ky'];

/**
 * Splits the closing lines into Nơi nhận and signature (a table's columns, or the lines' order).
 * @param sig the signing forms' reader (every family's spellings)
 * @param nn the Nơi nhận heading's and the Lưu line's readers (every family's patterns)
 * @param sigAfter false for a joint plan, whose signatures stand above the Nơi nhận (jointBlocks): the lines after
 *   the recipients are then not read as a signature
 */
export function readClosing(lines: Line[], notes: Notes, sig: SigningReader, nn: NoiNhanReader, sigAfter = true): { noi_nhan?: NoiNhan; nguoi_ky?: NguoiKy; rest: Line[] } {
  const start = lines.findIndex((l) => nn.heading(l.text) !== null);
  const nnLines: Line[] = [];
  const sigLines: Line[] = [];
  const nnTable = start >= 0 ? lines[start].cell : undefined;
  let i = start >= 0 ? start + 1 : 0;
  if (start >= 0) { notes.role(lines[start].para, 'noi_nhan_nhan'); }
  if (!nnTable && sigAfter && start >= 0) {
    // No table (plain text, or paragraphs typed with tabs): the two columns stand side by side, their lines
    // interleaved; each line goes to its column by its place, else by what it says (columnOf).
    let end = i;
    while (end < lines.length && !/^Phụ lục\b/iu.test(lines[end].text)) end++;
    let afterLuu = false;
    for (; i < end; i++) {
      const l = lines[i];
      const col = columnOf(l, sig, nn, afterLuu);
      (col === 'left' ? nnLines : sigLines).push(l);
      if (col === 'left') afterLuu = !!nn.luu(l.text);
    }
    const rest = lines.slice(end);
    return { noi_nhan: noiNhan(nnLines, notes, nn.luu), ...(sigLines.length ? { nguoi_ky: nguoiKy(sigLines, notes, sig) } : {}), rest };
  }
  // Recipients: "-" lines up to and including the Lưu line (and a typist line right after it).
  let sawLuu = false;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (nnTable && l.cell && l.cell.table === nnTable.table && l.cell.col !== nnTable.col) { sigLines.push(l); continue; }
    if (!nnTable && l.side === 1) { sigLines.push(l); continue; }
    if (sawLuu) {
      if ((nnTable && l.cell?.table === nnTable.table && l.cell.col === nnTable.col) || (!nnTable && /^[-–+•]/.test(l.text))) { nnLines.push(l); continue; }
      break;
    }
    if (nn.luu(l.text)) { sawLuu = true; nnLines.push(l); continue; }
    if (!nnTable && !/^[-–+•]/.test(l.text) && nnLines.length && !/^[a-zđà-ỹ(]/u.test(l.text)) break;
    nnLines.push(l);
  }
  const after = lines.slice(i);
  // Signature: the other column of the closing table, else the lines that follow, up to a "Phụ lục" line.
  let k = 0;
  if (sigAfter && (!nnTable || !sigLines.length)) {
    for (; k < after.length && !/^Phụ lục\b/iu.test(after[k].text); k++) sigLines.push(after[k]);
  }
  const rest = after.slice(k);
  return { ...(start >= 0 ? { noi_nhan: noiNhan(nnLines, notes, nn.luu) } : {}), ...(sigLines.length ? { nguoi_ky: nguoiKy(sigLines, notes, sig) } : {}), rest };
}

/** A title line of a signature block: upper case, short, no final punctuation ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"). */
const isSigTitle = (t: string, sig: SigningReader) => (!markerOf(t) || !!sig(t)) && t.length <= 80 && /\p{Lu}/u.test(t) && t === t.toLocaleUpperCase('vi') && !/[;,:]$|\.\/\.$/.test(t) && !/^[-–+•]/.test(t);
/** A person's name: two to seven capitalised words ("Nguyễn Thị Thu Hà"). */
const isSigName = (t: string) => /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,6}$/u.test(t);

/** The mark a published copy puts where the signature was: "(Đã ký)", "(đã ký và đóng dấu)", "(Ký)". */
const RE_DA_KY = /^\((?:đã\s+)?ký(?:[\s,]+[^()]*)?\)$/iu;

/** How far (spaces) a plain-text line of the closing starts to stand in the signature's column. */
const RIGHT_COLUMN_LEAD = 16;

/**
 * The column of a closing line set without a table: the Nơi nhận (left) or the signature (right). A piece of a line
 * split at a wide gap keeps its side; a text line typed far to the right is the signature's; otherwise a recipient
 * ("- …"), the Lưu line, the typist's initials right after it and a wrapped recipient's continuation are the left
 * column's, and a signing form (src/form/signing.ts, read by `sig`), a title in capitals or a person's name the
 * right one's.
 * @param afterLuu the left column's previous line was the Lưu line
 */
function columnOf(l: Line, sig: SigningReader, nn: NoiNhanReader, afterLuu: boolean): 'left' | 'right' {
  if (l.side !== undefined) return l.side === 0 ? 'left' : 'right';
  if ((l.p.lead ?? 0) >= RIGHT_COLUMN_LEAD) return 'right';
  const t = l.text.split('\n')[0].trim();
  if (/^[-–+•]/.test(t) || nn.luu(t)) return 'left';
  if (RE_DA_KY.test(t)) return 'right';
  if (afterLuu && /^[\p{L}.]{1,6}\.?$/u.test(t)) return 'left'; // the typist's initials under the Lưu line
  const m = sig(t);
  if ((m && m.rest.trim()) || isSigTitle(t, sig) || isSigName(t)) return 'right';
  return 'left';
}

/**
 * The signatures of a joint plan (văn bản liên tịch) at the end of the body, above the Nơi nhận, side by side as
 * kehoach renders them (templates/common/closing.hbs: a one-row table, a block per column) or, in text, one block
 * after another. A block is title lines then a name; two blocks at least.
 * @param lines the lines between the title block and the Nơi nhận
 * @returns the blocks left to right (the lead issuer's last) and the index of their first line, or null
 */
export function jointBlocks(lines: Line[], sig: SigningReader): { blocks: Line[][]; start: number } | null {
  if (!lines.length) return null;
  const last = lines[lines.length - 1];
  let start = lines.length;
  let blocks: Line[][] = [];
  if (last.cell) {
    const t = last.cell.table;
    while (start > 0 && lines[start - 1].cell?.table === t) start--;
    const cells = lines.slice(start);
    if (cells.some((l) => l.cell!.row !== last.cell!.row)) return null;
    const cols = [...new Set(cells.map((l) => l.cell!.col))].sort((a, b) => a - b);
    blocks = cols.map((c) => cells.filter((l) => l.cell!.col === c));
  } else {
    while (start > 0 && !lines[start - 1].cell && (isSigTitle(lines[start - 1].text, sig) || isSigName(lines[start - 1].text))) start--;
    let cur: Line[] = [];
    for (const l of lines.slice(start)) {
      cur.push(l);
      if (isSigName(l.text) && cur.length > 1) { blocks.push(cur); cur = []; }
    }
    if (cur.length) return null;
  }
  const ok = (b: Line[]) => b.length >= 2 && isSigName(b[b.length - 1].text) && b.slice(0, -1).every((l) => isSigTitle(l.text, sig));
  return blocks.length >= 2 && blocks.every(ok) ? { blocks, start } : null;
}

function noiNhan(lines: Line[], notes: Notes, readLuu: NoiNhanReader['luu']): NoiNhan {
  const cac_noi: string[] = [];
  let luu: string[] = [];
  let typist: string | undefined;
  let sameLine = false;
  for (const l of lines) {
    notes.role(l.para, 'noi_nhan');
    for (const piece of l.text.split('\n').map((s) => s.trim()).filter(Boolean)) {
      const m = readLuu(piece);
      if (m) {
        notes.at(['noi_nhan', 'luu'], l.para);
        // "VT, KGVXNV. Trâm." → Lưu VT, KGVXNV; typist Trâm on the same line.
        const t = /^(.+?)\.\s+(\S.*?)\.?$/u.exec(m.noi);
        if (t) { typist = t[2]; sameLine = true; }
        luu = luuUnits(t ? t[1] : m.noi);
        continue;
      }
      if (luu.length && /^[-–+•]/.test(piece)) {
        const text = piece.replace(/^[-–+•]\s*/, '').replace(/\s*[;,.]\s*$/, '').trim();
        if (text) { cac_noi.push(text); notes.comment(['noi_nhan', 'cac_noi', cac_noi.length - 1], `dòng này đứng sau dòng "Lưu" trong văn bản nguồn (đoạn ${l.para})`); }
        continue;
      }
      if (luu.length) { typist = piece.replace(/\.$/, ''); notes.comment(['noi_nhan', 'ky_hieu_nguoi_soan'], `đoán: dòng sau "Lưu" là ký hiệu người soạn thảo (đoạn ${l.para})`); continue; }
      const text = piece.replace(/^[-–+•]\s*/, '').replace(/\s*[;,.]\s*$/, '').trim();
      if (!text) continue;
      if (!/^[-–+•]/.test(piece) && cac_noi.length) {
        cac_noi[cac_noi.length - 1] += ' ' + text;
        notes.comment(['noi_nhan', 'cac_noi', cac_noi.length - 1], `nối dòng tiếp theo vào nơi nhận này (đoạn ${l.para})`);
        continue;
      }
      notes.at(['noi_nhan', 'cac_noi', cac_noi.length], l.para);
      cac_noi.push(text);
    }
  }
  if (!cac_noi.length) { cac_noi.push(CHUA_DIEN); notes.comment(['noi_nhan', 'cac_noi'], 'văn bản nguồn không ghi nơi nhận: điền vào'); }
  if (!luu.length) { luu = [CHUA_DIEN]; notes.comment(['noi_nhan', 'luu'], 'văn bản nguồn không có dòng "Lưu": điền vào'); }
  return { cac_noi, luu, ...(typist ? { ky_hieu_nguoi_soan: typist } : {}), ...(typist && sameLine ? { ky_hieu_cung_dong: true } : {}) } as unknown as NoiNhan;
}

/**
 * One signature block (ô 7a–7c): quyền hạn lines, title lines, the name last.
 * @param base data path of the signer (["nguoi_ky"], or ["lien_tich", i, "nguoi_ky"] for a joint plan's co-issuer)
 */
export function nguoiKy(lines: Line[], notes: Notes, sig: SigningReader, base: (string | number)[] = ['nguoi_ky']): NguoiKy {
  const texts: { t: string; para: number }[] = [];
  for (const l of lines) {
    for (const t of l.text.split('\n').map((s) => s.trim()).filter(Boolean)) {
      // A published copy's "(Đã ký)" stands for the signature itself: not a title, not printed again.
      if (RE_DA_KY.test(t)) { notes.comment([...base, 'ho_ten'], `đã bỏ dòng "${t}" của bản sao (đoạn ${l.para})`); continue; }
      texts.push({ t: markup([{ text: t, format: { fonts: {}, bold: false, italic: false, underline: false } }]).replace(/\\\*/g, '*'), para: l.para });
    }
  }
  const nk: Record<string, string> = {};
  if (!texts.length) return { chuc_vu: CHUA_DIEN, ho_ten: CHUA_DIEN };
  // The name is the person's name in proper case, titles are in capitals: a name read before the last title
  // line (two columns interleaved) is still the name.
  const last = texts.length - 1;
  let at = last;
  if (!isSigName(texts[last].t)) {
    let k = last;
    while (k >= 0 && !isSigName(texts[k].t)) k--;
    if (k >= 0 && texts.slice(k + 1).every((x) => isSigTitle(x.t, sig))) at = k;
  }
  // Titles only, no name under them (all in capitals): the name is left to fill.
  const noName = isSigTitle(texts[at].t, sig) && !isSigName(texts[at].t);
  if (noName) {
    nk.ho_ten = CHUA_DIEN;
    notes.comment([...base, 'ho_ten'], 'văn bản nguồn không ghi họ tên người ký: điền vào');
  } else {
    const name = texts.splice(at, 1)[0];
    nk.ho_ten = name.t;
    notes.role(name.para, 'ho_ten');
    notes.at([...base, 'ho_ten'], name.para);
  }
  let m: SigningMatch | null;
  let formLines = 0;
  // TM./KT./TL./TUQ. lines above the title; Q. stands on the title's own line ("Q. GIÁM ĐỐC", NĐ 30/2020 PL I mục II.7).
  while (texts.length > 1 && (m = sig(texts[0].t)) && m.code !== 'Q' && m.rest.trim()) {
    notes.role(texts[0].para, 'quyen_han');
    notes.at(base, texts[0].para);
    if (m.code === 'TM') nk.thay_mat = m.rest.trim();
    else { nk.quyen_han = m.code; nk.thu_truong = m.rest.trim(); }
    texts.shift();
    formLines++;
  }
  if (!nk.quyen_han && texts.length && (m = sig(texts[0].t)) && m.code === 'Q' && m.rest.trim()) { nk.quyen_han = 'Q'; texts[0].t = m.rest.trim(); }
  if (texts.length) {
    nk.chuc_vu = texts.map((x) => x.t).join('\n');
    for (const x of texts) notes.role(x.para, formLines > 0 ? 'chuc_vu' : 'quyen_han'); // as templates/common/chu_ky.hbs styles them
    notes.at([...base, 'chuc_vu'], texts[0].para);
  }
  if (!nk.chuc_vu) { nk.chuc_vu = CHUA_DIEN; notes.comment([...base, 'chuc_vu'], 'không tìm thấy chức vụ người ký: điền vào'); }
  if (texts.length > 1) notes.comment([...base, 'chuc_vu'], 'nhiều dòng chức vụ: giữ xuống dòng như văn bản nguồn');
  const order = ['thay_mat', 'quyen_han', 'thu_truong', 'chuc_vu', 'ho_ten'];
  return Object.fromEntries(order.filter((k) => nk[k] !== undefined).map((k) => [k, nk[k]])) as unknown as NguoiKy;
}
