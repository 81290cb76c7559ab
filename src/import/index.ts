/**
 * `kehoach import`: a Word document (document model of src/docx-read) → the plan that renders it. Header, title
 * block, opening, body tree, closing and appendices are recognised by the modules of this folder (a joint plan's
 * issuers and signatures: joint.ts; footnotes: footnotes.ts; annexed forms: forms.ts); what fits no
 * slot stays where it stood, with a comment and a warning. The result is validated and rendered again to
 * measure the round trip (recall.ts).
 */
import type { KeHoach, Muc } from '../types/plan.js';
import { paragraphs, type DocModel, type Table } from '../docx-read/model.js';
import { loadProfile, DEFAULT_TEMPLATES_DIR } from '../profile.js';
import { familyProfiles } from '../form/families.js';
import { familyDetector } from '../form/detect.js';
import { signingRecogniser, familiesWriting } from '../form/signing.js';
import { soKyHieuReader } from '../form/so-ky-hieu.js';
import { linesOf, markup, type Line } from './lines.js';
import { Notes } from './notes.js';
import { readHeader, splitIssuers, RE_TEN_LOAI } from './header.js';
import { readBody, markerOf } from './body.js';
import { readClosing, jointBlocks, RE_NOI_NHAN } from './closing.js';
import { planToYaml } from './yaml.js';
import { readForms, RE_MAU_SO } from './forms.js';
import { placeFootnotes } from './footnotes.js';
import { readJoint } from './joint.js';
import { msg, type Lang } from '../i18n/messages.js';
import { dateFieldFormat, isoFor } from '../form/dates.js';

export { recall, words, lcs } from './recall.js';
export { familyDetector, type HeaderFacts, type Detected } from '../form/detect.js';
export { Notes } from './notes.js';

export interface ImportOptions { lang?: Lang; templatesDir?: string; /** Source name written in the YAML's first comment. */ file?: string }

export interface ImportResult {
  plan: KeHoach;
  /** The commented YAML. */
  yaml: string;
  notes: Notes;
  /** Warnings as messages (unplaced text, no title found). */
  warnings: string[];
  /** The source's text (for the round-trip figure). */
  sourceText: string;
}

const RE_RULE = /^[-_=–—.…*]{3,}$/u;
const RE_CAN_CU = /^Căn cứ(?!\p{L})/u;
const RE_KET = /^(Trên đây|Kế hoạch này (được|có hiệu lực)|Trong quá trình (tổ chức )?thực hiện)/u;

/**
 * Recognises a plan in a document.
 * @returns the plan, its commented YAML and the notes (roles of paragraphs, paths → paragraphs) that `check` uses
 * @throws KehoachError (usage) when the layout of the detected family is missing
 */
export function importDocument(doc: DocModel, opts: ImportOptions = {}): ImportResult {
  const lang = opts.lang ?? 'vi';
  const notes = new Notes();
  const warnings: string[] = [];
  // Every family's signing forms (the package's and an office's own): the family is not known yet.
  const families = familyProfiles(opts.templatesDir ?? DEFAULT_TEMPLATES_DIR, lang);
  // The family from the header's facts: each family's `nhan_dien:` (the package's and the office's), src/form/detect.ts.
  const detectFamily = familyDetector(families, opts.templatesDir ?? DEFAULT_TEMPLATES_DIR, lang);
  const sig = signingRecogniser(families);
  const lines = linesOf(doc).filter((l) => !(RE_RULE.test(l.text) && !l.cell));
  const tables = new Map<number, Table>();
  for (const b of doc.body) if (b.kind === 'tbl') { const first = b.rows.flat().flatMap((c) => c.paras).find((p) => p.text.trim()); if (first) tables.set(first.index, b); }

  // Title block: the tên loại line, then the trích yếu (centred and bold lines; in text, the next line).
  const t = lines.findIndex((l) => RE_TEN_LOAI.test(l.text.replace(/\s+/g, ' ')) && !markerOf(l.text));
  if (t < 0) warnings.push(msg('import/no-title', lang));
  const header = readHeader(t >= 0 ? lines.slice(0, t) : [], notes, soKyHieuReader(families));
  let j = t + 1;
  const trich: Line[] = [];
  if (t >= 0) {
    notes.role(lines[t].para, 'ten_loai');
    while (j < lines.length && !RE_CAN_CU.test(lines[j].text) && !markerOf(lines[j].text) && !lines[j].cell
      && (trich.length === 0 || (doc.source !== 'txt' && lines[j].center && lines[j].bold))) { trich.push(lines[j]); notes.role(lines[j].para, 'trich_yeu'); j++; }
  } else j = 0;

  // Closing: from the "Nơi nhận" line (or its table).
  let c = lines.findIndex((l, i) => i >= j && RE_NOI_NHAN.test(l.text));
  if (c >= 0 && lines[c].cell) { const tb = lines[c].cell!.table; while (c > j && lines[c - 1].cell?.table === tb) c--; }
  if (c < 0) c = lines.length;
  let bodyLines = lines.slice(j, c);
  // A joint plan: the signatures side by side above the Nơi nhận, whose table then has no signature of its own (kept
  // in the body when the header cannot be split into as many issuers).
  const nn = lines[c]?.cell;
  const ownSignature = !!nn && lines.some((l) => l.cell?.table === nn.table && l.cell.col !== nn.col);
  const joint = c < lines.length && !ownSignature ? jointBlocks(bodyLines, sig) : null;
  const split = joint ? splitIssuers(header, joint.blocks.length, notes) : null;
  if (joint && split) bodyLines = bodyLines.slice(0, joint.start);

  // Opening: before the first numbered line; căn cứ lines first.
  let o = bodyLines.findIndex((l) => (markerOf(l.text) && !markerOf(l.text)!.bullet) || l.cell);
  if (o < 0) o = 0;
  const opening = bodyLines.slice(0, o);
  const canCu: string[] = [];
  const moDau: string[] = [];
  for (const l of opening) {
    if (!moDau.length && RE_CAN_CU.test(l.text)) { notes.at(['can_cu', canCu.length], l.para); canCu.push(markup(l.runs, { italic: l.italic })); notes.role(l.para, 'can_cu'); }
    else { notes.at(['mo_dau', moDau.length], l.para); moDau.push(markup(l.runs)); notes.role(l.para, 'mo_dau'); }
  }
  // Closing paragraphs at the end of the body.
  let rest = bodyLines.slice(o);
  let ketIdx = -1;
  for (let i = rest.length - 1; i >= 0; i--) {
    const l = rest[i];
    if (markerOf(l.text) || l.cell) break;
    if (RE_KET.test(l.text)) { ketIdx = i; break; }
  }
  if (ketIdx < 0 && rest.length) { const l = rest[rest.length - 1]; if (!markerOf(l.text) && !l.cell && /\.\/\.$/.test(l.text) && rest.length > 1) ketIdx = rest.length - 1; }
  const ketLines = ketIdx >= 0 ? rest.slice(ketIdx) : [];
  if (ketIdx >= 0) rest = rest.slice(0, ketIdx);

  const closing = readClosing(lines.slice(c), notes, sig, !(joint && split));
  const sigLine = (closing.nguoi_ky as { thay_mat?: string } | undefined) ? lines.slice(c).find((l) => notes.roles.get(l.para) === 'quyen_han')?.text ?? '' : '';
  const sigForm = sig(sigLine);
  const family = detectFamily({ signature: sigLine, signatureFamilies: sigForm ? familiesWriting(families, sigForm) : [], text: header.all, agency: [...header.chuQuan, ...header.banHanh].join('\n'), kyHieu: header.so?.kyHieu ?? '' });
  const profile = loadProfile(family.khoi, opts.templatesDir ?? DEFAULT_TEMPLATES_DIR, lang);
  const body = readBody(rest, tables, profile, notes, ['noi_dung'], doc.source === 'txt');
  const ketThuc = ketLines.map((l) => { notes.role(l.para, 'ket_thuc'); notes.at(['ket_thuc', 0], l.para); return markup(l.runs); });

  // Appendices: "Phụ lục …" lines after the signature.
  const phuLuc: Record<string, unknown>[] = [];
  let pending: Line[] = [];
  const byNumber = new Map<number, Table>();
  for (const b of doc.body) if (b.kind === 'tbl') byNumber.set(b.index, b);
  const fills = paragraphs(doc).filter((p) => !p.cell && /^\t[\t ]*$/.test(p.text)).map((p) => p.index);
  const formCtx = { profile, notes, tables: byNumber, txt: doc.source === 'txt', blanks: (a: number, b: number) => fills.filter((x) => x > a && x < b).length };
  const flush = () => {
    if (!pending.length) return;
    const [head, ...more] = pending;
    notes.role(head.para, 'phu_luc_so');
    // "Phụ lục I" is the label kehoach writes; a label in capitals ("PHỤ LỤC") is kept as the title's first line.
    const caps = head.text === head.text.toLocaleUpperCase('vi');
    const so = caps ? '' : head.text.replace(/^Phụ lục\s*/iu, '').trim();
    const titles: string[] = caps ? [head.text] : [];
    let k = 0;
    while (k < more.length && !markerOf(more[k].text) && !more[k].cell && !/^\(Kèm theo/iu.test(more[k].text) && !RE_MAU_SO.test(more[k].text) && (more[k].bold || more[k].center || titles.length === (caps ? 1 : 0) || (doc.source === 'txt' && /\p{Lu}/u.test(more[k].text) && more[k].text === more[k].text.toLocaleUpperCase('vi')))) { titles.push(more[k].text); notes.role(more[k].para, 'phu_luc_tieu_de'); k++; }
    let kemTheo: string | undefined;
    if (k < more.length && /^\(Kèm theo/iu.test(more[k].text)) { kemTheo = more[k].text; notes.role(more[k].para, 'phu_luc_kem_theo'); k++; }
    const i = phuLuc.length;
    const rest = more.slice(k);
    const f = rest.findIndex((l) => !l.cell && RE_MAU_SO.test(l.text));
    const b = readBody(f >= 0 ? rest.slice(0, f) : rest, tables, profile, notes, ['phu_luc', i, 'noi_dung'], doc.source === 'txt');
    const mau = f >= 0 ? readForms(rest.slice(f), ['phu_luc', i, 'mau'], formCtx) : [];
    notes.at(['phu_luc', i], head.para);
    const tieuDe = titles.length ? (titles.length === 1 ? titles[0] : titles) : mau.length ? undefined : '…';
    phuLuc.push({
      ...(caps ? { so: false } : so ? { so } : {}), ...(tieuDe ? { tieu_de: tieuDe } : {}), ...(kemTheo ? { kem_theo: kemTheo } : {}),
      ...(b.items.length || !mau.length ? { noi_dung: b.items.length ? b.items : ['…'] } : {}), ...(mau.length ? { mau } : {}),
    });
    if (tieuDe === '…') notes.comment(['phu_luc', i, 'tieu_de'], 'không tìm thấy tên phụ lục: điền vào');
    if (mau.length && doc.source === 'txt') notes.comment(['phu_luc', i, 'mau'], 'văn bản nguồn là chữ thuần: dòng để điền và bảng của mẫu giữ như đoạn văn, xem lại');
    pending = [];
  };
  const orphans: Line[] = [];
  for (const l of closing.rest) {
    if (/^Phụ lục\b/iu.test(l.text) && l.text.length < 40) { flush(); pending = [l]; }
    else if (pending.length) pending.push(l);
    else orphans.push(l);
  }
  flush();

  // The plan, in the schema's key order; placeholders (commented) where the source has nothing.
  const plan: Record<string, unknown> = { khoi: family.khoi };
  if (header.chuQuan.length) plan.co_quan_chu_quan = one(header.chuQuan);
  plan.co_quan_ban_hanh = header.banHanh.length ? one(header.banHanh) : (header.chuQuan.length ? (delete plan.co_quan_chu_quan, one(header.chuQuan)) : 'CƠ QUAN BAN HÀNH');
  if (!header.banHanh.length && !header.chuQuan.length) notes.comment(['co_quan_ban_hanh'], 'văn bản nguồn không có tên cơ quan: điền vào');
  const so = header.so;
  plan.so_ky_hieu = so
    ? { so: so.so, ...(so.loai !== 'KH' ? { loai_van_ban: so.loai } : {}), viet_tat_co_quan: so.coQuan }
    : { so: null, viet_tat_co_quan: 'XX' };
  if (!so) notes.comment(['so_ky_hieu'], 'văn bản nguồn không có dòng "Số": điền chữ viết tắt cơ quan');
  plan.dia_danh = header.dia_danh ?? 'Địa danh';
  if (!header.dia_danh) notes.comment(['dia_danh'], 'văn bản nguồn không có dòng địa danh, ngày: điền vào');
  // The date line read by src/form/dates.ts, kept as precisely as the field holds (a day, or a draft's year).
  const ng = header.ngay?.date;
  const ngayFormat = dateFieldFormat('ngay_ban_hanh')!;
  const year = ng && Number(ng.written.y) >= 1000 ? Number(ng.written.y) : guessYear(paragraphs(doc).map((p) => p.text).join(' '));
  const kept = ng ? isoFor(ng, ngayFormat) : undefined;
  plan.ngay_ban_hanh = kept ?? String(year);
  if (ng?.ok && kept !== ng.iso) notes.comment(['ngay_ban_hanh'], `dự thảo: văn bản nguồn để trống ngày, ghi tháng ${ng.m} (kehoach chỉ giữ được năm)`);
  if (ng && !ng.ok) notes.comment(['ngay_ban_hanh'], `văn bản nguồn ghi "${header.ngay!.text}", không phải ngày có thật: chỉ giữ năm`);
  if (!ng) notes.comment(['ngay_ban_hanh'], 'đoán: năm lớn nhất nhắc đến trong văn bản');
  if (t >= 0) { const tl = lines[t].text.replace(/\s+/g, ' '); if (tl !== 'KẾ HOẠCH') plan.ten_loai = tl; }
  plan.trich_yeu = trich.length ? (trich.length === 1 ? trich[0].text : trich.map((l) => l.text)) : '…';
  if (!trich.length) notes.comment(['trich_yeu'], 'không tìm thấy trích yếu: điền vào');
  if (family.comment) notes.comment(['khoi'], family.comment);
  if (canCu.length) plan.can_cu = canCu;
  if (moDau.length) plan.mo_dau = moDau;
  const fam = profile.danh_so;
  if (body.styles.some((s, i) => s !== undefined && s !== fam[i])) {
    plan.danh_so = body.styles.slice(0, 6).map((s, i) => s ?? fam[i] ?? '-');
    notes.comment(['danh_so'], `đánh số theo văn bản nguồn (khối ${family.khoi} mặc định: ${fam.join(' ')})`);
  }
  plan.noi_dung = body.items.length ? body.items : ['…'];
  if (!body.items.length) notes.comment(['noi_dung'], 'không tìm thấy nội dung');
  const ket = [...ketThuc];
  for (const l of orphans) {
    ket.push(markup(l.runs));
    notes.unplaced(['ket_thuc', ket.length - 1], l.para, l.text);
  }
  if (ket.length) plan.ket_thuc = ket;
  plan.noi_nhan = closing.noi_nhan ?? { cac_noi: ['…'], luu: ['VT'] };
  if (!closing.noi_nhan) notes.comment(['noi_nhan'], 'không tìm thấy "Nơi nhận": điền vào');
  const lienTich = joint && split ? readJoint(joint.blocks, split, header, plan, notes, sig) : undefined;
  plan.nguoi_ky = closing.nguoi_ky ?? lienTich?.lead ?? { chuc_vu: '…', ho_ten: '…' };
  if (!closing.nguoi_ky && !lienTich) notes.comment(['nguoi_ky'], 'không tìm thấy chữ ký: điền vào');
  if (lienTich) plan.lien_tich = lienTich.co;
  if (phuLuc.length) plan.phu_luc = phuLuc;
  placeFootnotes(plan, doc, notes);

  for (const w of notes.warnings) warnings.push(msg('import/unplaced', lang, { para: w.para, text: w.text.length > 60 ? w.text.slice(0, 57) + '…' : w.text }));
  const yaml = planToYaml(plan, notes.comments, [
    'yaml-language-server: $schema=https://unpkg.com/kehoach/schemas/ke-hoach.schema.json',
    `Nhập bằng "kehoach import" từ ${opts.file ?? 'văn bản Word'}: xem lại các chú thích trước khi dùng.`,
  ]);
  const sourceText = columnText(linesOf(doc));
  return { plan: plan as unknown as KeHoach, yaml, notes, warnings, sourceText };
}

/**
 * The source's text in reading order, two-column blocks typed with tabs read column by column (left pieces of a
 * run of split paragraphs, then the right ones), as a table would be read.
 */
function columnText(all: Line[]): string {
  const out: string[] = [];
  for (let i = 0; i < all.length; ) {
    if (all[i].side === undefined) { out.push(all[i].text); i++; continue; }
    let j = i;
    while (j < all.length && all[j].side !== undefined) j++;
    const run = all.slice(i, j);
    out.push(...run.filter((l) => l.side === 0).map((l) => l.text), ...run.filter((l) => l.side === 1).map((l) => l.text));
    i = j;
  }
  return out.join('\n');
}

const one = (xs: string[]): string | string[] => (xs.length === 1 ? xs[0] : xs);
/** The largest year (1945–2100) the text mentions, else 2000. */
function guessYear(text: string): number {
  const ys = [...text.matchAll(/\b(19[4-9]\d|20\d\d)\b/g)].map((m) => Number(m[1]));
  return ys.length ? Math.max(...ys) : 2000;
}
export type { Muc };
