/**
 * `kehoach import`: a Word document (document model of src/docx-read) → the plan that renders it. `importDocument`
 * reads the document's parts in order, each by one function of one shape (its lines in; its part of the plan out,
 * roles, paths and comments written to the shared Notes): the title block and the header above it (header.ts), the
 * opening, the body tree (body.ts), the closing paragraphs, the Nơi nhận and signature (closing.ts; a joint plan's
 * issuers and signatures: joint.ts), the appendices and their forms (appendices.ts, forms.ts) and the footnotes
 * (footnotes.ts). What fits no slot stays where it stood, with a comment and a warning. The recogniser emits no
 * YAML: `check` uses it as it is, and the `import` command writes the commented YAML (`importToYaml`, yaml.ts), then
 * validates and renders it again to measure the round trip (roundtrip.ts, recall.ts).
 */
import type { KeHoach, Muc } from '../types/plan.js';
import { paragraphs, type DocModel, type Table } from '../docx-read/model.js';
import { loadProfile, DEFAULT_TEMPLATES_DIR, type LayoutProfile } from '../profile.js';
import { familyProfiles } from '../form/families.js';
import { familyDetector } from '../form/detect.js';
import { signingRecogniser, familiesWriting } from '../form/signing.js';
import { soKyHieuReader } from '../form/so-ky-hieu.js';
import { linesOf, markup, type Line } from './lines.js';
import { Notes } from './notes.js';
import { readHeader, splitIssuers, RE_TEN_LOAI, type Header, type IssuerSplit } from './header.js';
import { readBody, markerOf, liftTaskStyle, oneLinePhase } from './body.js';
import { renumberWord } from './word-numbering.js';
import { enumerationsWord, phasesWord, endMarkWord, numberedPhasesWord } from './word-body.js';
import { noiNhanFromWord, replaceNoiNhan } from './word-closing.js';
import { readClosing, jointBlocks, type NoiNhanReader, type SigningReader } from './closing.js';
import { luuReader, noiNhanHeadingReader } from '../form/noi-nhan.js';
import { planToYaml } from './yaml.js';
import { readAppendices, dropDefaultKemTheo, pageContinuation } from './appendices.js';
import { placeFootnotes } from './footnotes.js';
import { readJoint } from './joint.js';
import { readHouseStyle, readPhaseWords } from './house.js';
import { msg, type Lang } from '../i18n/messages.js';
import { dateFieldFormat, isoFor, readDate } from '../form/dates.js';
import { CHUA_DIEN } from '../form/placeholder.js';

export { recall, words, lcs } from './recall.js';
export { familyDetector, type HeaderFacts, type Detected } from '../form/detect.js';
export { Notes } from './notes.js';

export interface ImportOptions { lang?: Lang; templatesDir?: string }

export interface ImportResult {
  plan: KeHoach;
  notes: Notes;
  /** Warnings as messages (unplaced text, no title found). */
  warnings: string[];
  /** The source's text (for the round-trip figure). */
  sourceText: string;
}

const RE_RULE = /^[-_=–—.…*]{3,}$/u;
const RE_CAN_CU = /^Căn cứ(?!\p{L})/u;
const RE_KET = /^(Trên đây|Kế hoạch này (được|có hiệu lực)|Trong quá trình (tổ chức )?thực hiện)/u;

/** A part of the plan, in the schema's key order (the plan is these parts in the document's order). */
type PlanPart = Record<string, unknown>;

/** What the parts' readers share: the document, its lines, the families' forms and the notes being written. */
interface Reading {
  doc: DocModel;
  lang: Lang;
  templatesDir: string;
  notes: Notes;
  /** Every family's layout (the package's and an office's own): the family is not known before the closing. */
  families: LayoutProfile[];
  /** The family from the header's facts: each family's `nhan_dien:`, src/form/detect.ts. */
  detectFamily: ReturnType<typeof familyDetector>;
  /** Every family's signing forms. */
  sig: SigningReader;
  /** Every family's Nơi nhận heading and Lưu line (src/form/noi-nhan.ts). */
  nn: NoiNhanReader;
  /** The document's lines (typed rules outside tables dropped). */
  lines: Line[];
  /** Tables keyed by the paragraph number of their first cell with text. */
  tables: Map<number, Table>;
  /** The source is plain text (no weights, no centring, no tables). */
  txt: boolean;
}

/**
 * Recognises a plan in a document, part by part in the document's order.
 * @returns the plan, the notes (YAML comments by data path, roles of paragraphs and paths → paragraphs, which
 *   `check` uses), the warnings as messages and the source's text; the YAML is `importToYaml(result)`
 * @throws KehoachError (usage) when the layout of the detected family is missing
 */
export function importDocument(doc: DocModel, opts: ImportOptions = {}): ImportResult {
  const r = readingOf(doc, opts);
  const { lines, notes } = r;
  const warnings: string[] = [];
  // Title block (the tên loại line, then the trích yếu): the header stands above it.
  const t = lines.findIndex((l) => RE_TEN_LOAI.test(l.text.replace(/\s+/g, ' ')) && !markerOf(l.text));
  if (t < 0) warnings.push(msg('import/no-title', r.lang));
  const header = headerPart(t >= 0 ? lines.slice(0, t) : [], r);
  const title = titlePart(t >= 0 ? lines.slice(t) : [], r);
  const j = t >= 0 ? t + title.length : 0;
  // Closing: from the "Nơi nhận" line (or its table); a joint plan's signatures stand above it.
  const c = closingStart(lines, j, r.nn);
  const joint = jointSignatures(lines.slice(j, c), c, header.read, r);
  const bodyLines = joint ? lines.slice(j, c).slice(0, joint.start) : lines.slice(j, c);
  const opening = openingPart(bodyLines, r);
  const rest = bodyLines.slice(opening.length);
  const k = closingParagraphs(rest, r.txt);
  const closing = readClosing(lines.slice(c), notes, r.sig, r.nn, !joint);
  const family = familyPart(header.read, closing, lines.slice(c), r);
  const body = bodyPart(rest.slice(0, k), family, r);
  const appendices = readAppendices(closing.rest, { doc, profile: family.profile, notes, tables: r.tables });
  const ending = endingPart(rest.slice(k), appendices.orphans, r);

  // The plan, in the schema's key order; placeholders (commented) where the source has nothing.
  // The house style the page shows (src/import/house.ts), in the schema's place: after the body's keys, before Nơi nhận;
  // with the task lines' style the body gave (body.ts liftTaskStyle).
  const house = { ...(body.part.trinh_bay as Record<string, unknown> | undefined), ...readHouseStyle(doc, paragraphs(doc), notes.roles, family.profile) };
  const phaseWords = Array.isArray(body.part.noi_dung) ? readPhaseWords(body.part.noi_dung as Muc[]) : undefined;
  if (phaseWords) house.dot = { thoi_gian: phaseWords };
  const { trinh_bay: _bodyStyle, ...bodyRest } = body.part;
  const plan: PlanPart = { ...family.part, ...header.part, ...title.part, ...opening.part, ...bodyRest, ...ending.part, ...(Object.keys(house).length ? { trinh_bay: house } : {}), ...recipientsPart(wordNoiNhan(closing, lines.slice(c), family.profile, r), r).part };
  Object.assign(plan, signaturePart(closing, joint, header.read, plan, r).part, appendices.part);
  dropDefaultKemTheo(plan, family.profile);
  if (!r.txt) pageContinuation(plan.phu_luc as Record<string, unknown>[] | undefined, doc.sections);
  const dauKet = r.txt ? undefined : endMarkWord(plan.ket_thuc as string[] | undefined, family.profile.mau.dau_ket);
  if (dauKet !== undefined) plan.dau_ket = dauKet;
  placeFootnotes(plan, doc, notes);

  for (const w of notes.warnings) warnings.push(msg('import/unplaced', r.lang, { para: w.para, text: w.text.length > 60 ? w.text.slice(0, 57) + '…' : w.text }));
  const sourceText = columnText(linesOf(doc));
  return { plan: plan as unknown as KeHoach, notes, warnings, sourceText };
}

/**
 * The commented YAML of an imported plan (the `import` command writes it): a comment above each key or item the
 * recogniser guessed or could not place (yaml.ts planToYaml), under header lines naming the schema and the source.
 * @param file the source's name for the first comment (default "văn bản Word")
 * @param schema the editor's schema as a path relative to the YAML's folder (src/schema-ref.ts schemaRef); without it
 *   no `$schema` line is written
 */
export function importToYaml(result: Pick<ImportResult, 'plan' | 'notes'>, file?: string, schema?: string): string {
  return planToYaml(result.plan, result.notes.comments, [
    ...(schema ? [`yaml-language-server: $schema=${schema}`] : []),
    `Nhập bằng "kehoach import" từ ${file ?? 'văn bản Word'}: xem lại các chú thích trước khi dùng.`,
  ]);
}

/** The shared state of one reading: lines, tables, the families' readers and empty notes. */
function readingOf(doc: DocModel, opts: ImportOptions): Reading {
  const lang = opts.lang ?? 'vi';
  const templatesDir = opts.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const notes = new Notes();
  const families = familyProfiles(templatesDir, lang);
  const detectFamily = familyDetector(families, templatesDir, lang);
  const sig = signingRecogniser(families);
  const nn = { heading: noiNhanHeadingReader(families), luu: luuReader(families) };
  const lines = linesOf(doc).filter((l) => !(RE_RULE.test(l.text) && !l.cell));
  const tables = new Map<number, Table>();
  for (const b of doc.body) if (b.kind === 'tbl') { const first = b.rows.flat().flatMap((c) => c.paras).find((p) => p.text.trim()); if (first) tables.set(first.index, b); }
  return { doc, lang, templatesDir, notes, families, detectFamily, sig, nn, lines, tables, txt: doc.source === 'txt' };
}

/**
 * The header (ô 1–4) from the lines above the tên loại: agencies, Số and ký hiệu, place and date.
 * @returns its plan part (co_quan_chu_quan, co_quan_ban_hanh, so_ky_hieu, dia_danh, ngay_ban_hanh) and what
 *   header.ts read (family detection and a joint plan's issuers use it)
 */
function headerPart(lines: Line[], r: Reading): { part: PlanPart; read: Header } {
  const { notes } = r;
  const header = readHeader(lines, notes, soKyHieuReader(r.families));
  const part: PlanPart = {};
  if (header.chuQuan.length) part.co_quan_chu_quan = one(header.chuQuan);
  part.co_quan_ban_hanh = header.banHanh.length ? one(header.banHanh) : (header.chuQuan.length ? (delete part.co_quan_chu_quan, one(header.chuQuan)) : CHUA_DIEN);
  if (!header.banHanh.length && !header.chuQuan.length) notes.comment(['co_quan_ban_hanh'], 'văn bản nguồn không có tên cơ quan: điền vào');
  const so = header.so;
  part.so_ky_hieu = so
    ? { so: so.so, ...(so.loai !== 'KH' ? { loai_van_ban: so.loai } : {}), viet_tat_co_quan: so.coQuan }
    : { so: null, viet_tat_co_quan: CHUA_DIEN };
  if (!so) notes.comment(['so_ky_hieu'], 'văn bản nguồn không có dòng "Số": điền chữ viết tắt cơ quan');
  part.dia_danh = header.dia_danh ?? CHUA_DIEN;
  if (!header.dia_danh) notes.comment(['dia_danh'], 'văn bản nguồn không có dòng địa danh, ngày: điền vào');
  // The date line read by src/form/dates.ts, kept as precisely as the field holds (a day, or a draft's year).
  const ng = header.ngay?.date;
  const ngayFormat = dateFieldFormat('ngay_ban_hanh')!;
  // Without a date line, the year of the latest date the text gives (a plan is issued after what it cites), never a
  // year from elsewhere; without any date, the placeholder.
  const latest = ng ? undefined : latestDate(paragraphs(r.doc).map((p) => p.text).join('\n'));
  const year = ng && Number(ng.written.y) >= 1000 ? ng.written.y : latest ? String(latest.y) : CHUA_DIEN;
  const kept = ng ? isoFor(ng, ngayFormat) : undefined;
  part.ngay_ban_hanh = kept ?? year;
  if (ng?.ok && ng.precision !== 'day') notes.comment(['ngay_ban_hanh'], ng.m ? `dự thảo: văn bản nguồn để trống ngày, ghi tháng ${ng.m}` : 'dự thảo: văn bản nguồn để trống ngày và tháng');
  if (ng && !ng.ok) notes.comment(['ngay_ban_hanh'], `văn bản nguồn ghi "${header.ngay!.text}", không phải ngày có thật: chỉ giữ năm`);
  if (!ng) notes.comment(['ngay_ban_hanh'], latest
    ? `đoán: văn bản nguồn không có dòng địa danh, ngày; lấy năm của ngày muộn nhất văn bản nhắc đến (${latest.text}): điền ngày ban hành`
    : 'văn bản nguồn không có dòng địa danh, ngày, cũng không nhắc ngày nào: điền vào');
  return { part, read: header };
}

/**
 * The title block (ô 5a): the tên loại line, then the trích yếu (centred and bold lines; in text, the next line).
 * @param lines the lines from the tên loại line on (none when the document has no tên loại)
 * @returns its plan part (ten_loai when not "KẾ HOẠCH", trich_yeu) and how many lines it took
 */
function titlePart(lines: Line[], r: Reading): { part: PlanPart; length: number } {
  const { notes } = r;
  const part: PlanPart = {};
  let j = 1;
  const trich: Line[] = [];
  if (lines.length) {
    notes.role(lines[0].para, 'ten_loai');
    while (j < lines.length && !RE_CAN_CU.test(lines[j].text) && !markerOf(lines[j].text) && !lines[j].cell
      && (trich.length === 0 || (!r.txt && lines[j].center && lines[j].bold) || (r.txt && trichYeuGoesOn(trich[trich.length - 1].text, lines[j].text)))) { trich.push(lines[j]); notes.role(lines[j].para, 'trich_yeu'); j++; }
    const tl = lines[0].text.replace(/\s+/g, ' ');
    if (tl !== 'KẾ HOẠCH') part.ten_loai = tl;
  }
  part.trich_yeu = trich.length ? (trich.length === 1 ? trich[0].text : trich.map((l) => l.text)) : CHUA_DIEN;
  if (!trich.length) notes.comment(['trich_yeu'], 'không tìm thấy trích yếu: điền vào');
  return { part, length: lines.length ? j : 0 };
}

/**
 * Plain text has no centring or weight: a trích yếu set on several lines goes on while the line above ends with no
 * stop and the next one is a short line with none either (an opening paragraph is long, or ends with ".", ":" or
 * ";"). Used for text sources only.
 * @param above the trích yếu's last line so far; @param next the line after it
 */
function trichYeuGoesOn(above: string, next: string): boolean {
  const stop = /[.:;!?…]["”)]?$/u;
  return !stop.test(above) && !stop.test(next) && next.length <= 90 && !/^[-–+•*]/u.test(next);
}

/** Where the closing starts: the first "Nơi nhận" line from `from` on (or the first line of its table), else the end. */
function closingStart(lines: Line[], from: number, nn: NoiNhanReader): number {
  let c = lines.findIndex((l, i) => i >= from && nn.heading(l.text) !== null);
  if (c >= 0 && lines[c].cell) { const tb = lines[c].cell!.table; while (c > from && lines[c - 1].cell?.table === tb) c--; }
  return c < 0 ? lines.length : c;
}

/**
 * A joint plan: the signatures side by side above the Nơi nhận, whose table then has no signature of its own (kept
 * in the body when the header cannot be split into as many issuers).
 * @param lines the lines between the title block and the closing
 * @param c the closing's first line (an index of `r.lines`)
 * @returns the signature blocks, the index of their first line in `lines` and the issuers of ô 2, or null
 */
function jointSignatures(lines: Line[], c: number, header: Header, r: Reading): { blocks: Line[][]; start: number; split: IssuerSplit } | null {
  const nn = r.lines[c]?.cell;
  const ownSignature = !!nn && r.lines.some((l) => l.cell?.table === nn.table && l.cell.col !== nn.col);
  const joint = c < r.lines.length && !ownSignature ? jointBlocks(lines, r.sig) : null;
  const split = joint ? splitIssuers(header, joint.blocks.length, r.notes) : null;
  return joint && split ? { ...joint, split } : null;
}

/**
 * The opening, before the first numbered line: căn cứ lines first, then the mở đầu.
 * @returns its plan part (can_cu, mo_dau) and how many lines it took
 */
function openingPart(lines: Line[], r: Reading): { part: PlanPart; length: number } {
  const { notes } = r;
  let o = lines.findIndex((l) => (markerOf(l.text) && !markerOf(l.text)!.bullet) || l.cell);
  if (o < 0) o = 0;
  const canCu: string[] = [];
  const moDau: string[] = [];
  for (const l of lines.slice(0, o)) {
    // A "Căn cứ" paragraph set in the mở đầu's role (kehoach's renders name each paragraph's style after its layout
    // role, templates/<khoi>/layout.yaml `kieu`) is the opening's, as a căn cứ set in the căn cứ role is a căn cứ.
    const role = roleOf(l, r.families);
    if (!moDau.length && role !== 'mo_dau' && (RE_CAN_CU.test(l.text) || role === 'can_cu')) { notes.at(['can_cu', canCu.length], l.para); canCu.push(markup(l.runs, { italic: l.italic })); notes.role(l.para, 'can_cu'); }
    else { notes.at(['mo_dau', moDau.length], l.para); moDau.push(markup(l.runs)); notes.role(l.para, 'mo_dau'); }
  }
  const part: PlanPart = {};
  if (canCu.length) part.can_cu = canCu;
  if (moDau.length) part.mo_dau = moDau;
  return { part, length: o };
}

/**
 * The closing paragraphs at the end of the body ("Trên đây …", "Kế hoạch này có hiệu lực …", a last line ending
 * "./."), after its last numbered line. A last line ending "./." right under a numbered phase set on one line (a Word
 * document's, body.ts oneLinePhase) is that phase's own text, not a closing paragraph.
 * @param txt the source is plain text (its phases are not read as set on one line)
 * @returns the index in `lines` where they start (`lines.length` when there are none)
 */
function closingParagraphs(lines: Line[], txt: boolean): number {
  let ketIdx = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (markerOf(l.text) || l.cell) break;
    if (RE_KET.test(l.text)) { ketIdx = i; break; }
  }
  const phaseLine = (l: Line) => { const mk = markerOf(l.text); return !txt && !l.cell && !!mk && !mk.bullet && !!oneLinePhase(l.text.slice(mk.len)); };
  if (ketIdx < 0 && lines.length) { const l = lines[lines.length - 1]; if (!markerOf(l.text) && !l.cell && /\.\/\.$/.test(l.text) && lines.length > 1 && !phaseLine(lines[lines.length - 2])) ketIdx = lines.length - 1; }
  return ketIdx >= 0 ? ketIdx : lines.length;
}

/**
 * The family (khoi) from the header's facts and the closing's signing form, and its layout.
 * @param lines the closing's lines (from the Nơi nhận on)
 * @returns its plan part (khoi, commented when guessed) and the family's layout
 * @throws KehoachError (usage) when the layout of the detected family is missing
 */
function familyPart(header: Header, closing: ReturnType<typeof readClosing>, lines: Line[], r: Reading): { part: PlanPart; khoi: string; profile: LayoutProfile } {
  const { notes } = r;
  const sigLine = (closing.nguoi_ky as { thay_mat?: string } | undefined) ? lines.find((l) => notes.roles.get(l.para) === 'quyen_han')?.text ?? '' : '';
  const sigForm = r.sig(sigLine);
  const family = r.detectFamily({ signature: sigLine, signatureFamilies: sigForm ? familiesWriting(r.families, sigForm) : [], text: header.all, agency: [...header.chuQuan, ...header.banHanh].join('\n'), kyHieu: header.so?.kyHieu ?? '' });
  const profile = loadProfile(family.khoi, r.templatesDir, r.lang);
  if (family.comment) notes.comment(['khoi'], family.comment);
  return { part: { khoi: family.khoi }, khoi: family.khoi, profile };
}

/**
 * The body (ô 6): the numbered tree (body.ts readBody) and the numbering kept when it differs from the family's.
 * @returns its plan part (danh_so when the source's own, noi_dung)
 */
function bodyPart(lines: Line[], family: { khoi: string; profile: LayoutProfile }, r: Reading): { part: PlanPart } {
  const { notes } = r;
  const { profile } = family;
  const body = readBody(lines, r.tables, profile, notes, ['noi_dung'], r.txt);
  // A Word document's levels from all its markers at once (word-numbering.ts): one odd marker stays that item's own.
  let quotes: string | undefined;
  if (!r.txt) {
    body.styles = renumberWord(body.items, profile.danh_so, notes, ['noi_dung']);
    enumerationsWord(body.items);
    quotes = phasesWord(body.items);
    numberedPhasesWord(body.items);
  }
  const part: PlanPart = {};
  if (quotes) part.ngoac_kep = quotes;
  const fam = profile.danh_so;
  if (body.styles.some((s, i) => s !== undefined && s !== fam[i])) {
    part.danh_so = body.styles.slice(0, 6).map((s, i) => s ?? fam[i] ?? '-');
    notes.comment(['danh_so'], `đánh số theo văn bản nguồn (khối ${family.khoi} mặc định: ${fam.join(' ')})`);
  }
  // the office's task lines (labels, order, emphasis, place) once for the plan, as a clerk writes them
  const nhiemVu = liftTaskStyle(body.items, profile.mau.nhiem_vu);
  if (nhiemVu) part.trinh_bay = { nhiem_vu: nhiemVu };
  part.noi_dung = body.items.length ? body.items : [CHUA_DIEN];
  if (!body.items.length) notes.comment(['noi_dung'], 'không tìm thấy nội dung');
  return { part };
}

/**
 * The closing paragraphs (ket_thuc), then the text after the signature that belongs to no appendix (kept there,
 * commented and reported).
 * @returns its plan part (ket_thuc when there is any)
 */
function endingPart(lines: Line[], orphans: Line[], r: Reading): { part: PlanPart } {
  const { notes } = r;
  const ket = lines.map((l) => { notes.role(l.para, 'ket_thuc'); notes.at(['ket_thuc', 0], l.para); return markup(l.runs); });
  for (const l of orphans) {
    ket.push(markup(l.runs));
    notes.unplaced(['ket_thuc', ket.length - 1], l.para, l.text);
  }
  return { part: ket.length ? { ket_thuc: ket } : {} };
}

/**
 * In a Word document, the Nơi nhận read as kehoach writes it (word-closing.ts: groups, purposes, the typist's
 * emphasis, an office's own Lưu line) when the family's view of that reading gives the page's lines back.
 * @param lines the closing's lines (from the Nơi nhận on)
 */
function wordNoiNhan(closing: ReturnType<typeof readClosing>, lines: Line[], profile: LayoutProfile, r: Reading): ReturnType<typeof readClosing> {
  if (r.txt || !closing.noi_nhan) return closing;
  const w = noiNhanFromWord(lines, profile, r.nn.luu, r.nn.heading);
  if (!w) return closing;
  replaceNoiNhan(r.notes, w.paras);
  return { ...closing, noi_nhan: w.noi_nhan };
}

/**
 * The Nơi nhận (ô 9a, closing.ts readClosing), a placeholder when the source has none.
 * @returns its plan part (noi_nhan)
 */
function recipientsPart(closing: ReturnType<typeof readClosing>, r: Reading): { part: PlanPart } {
  const part: PlanPart = {};
  part.noi_nhan = closing.noi_nhan ?? { cac_noi: [CHUA_DIEN], luu: [CHUA_DIEN] };
  if (!closing.noi_nhan) r.notes.comment(['noi_nhan'], 'không tìm thấy "Nơi nhận": điền vào');
  return { part };
}

/**
 * The signature (ô 7, closing.ts readClosing), or a joint plan's signatures (joint.ts readJoint, which also sets
 * the lead issuer in the header's keys of `plan`).
 * @param plan the plan so far, up to its Nơi nhận (a joint plan's lead issuer is written in it)
 * @returns its plan part (nguoi_ky; lien_tich for a joint plan)
 */
function signaturePart(closing: ReturnType<typeof readClosing>, joint: ReturnType<typeof jointSignatures>, header: Header, plan: PlanPart, r: Reading): { part: PlanPart } {
  const { notes } = r;
  const part: PlanPart = {};
  const lienTich = joint ? readJoint(joint.blocks, joint.split, header, plan, notes, r.sig) : undefined;
  part.nguoi_ky = closing.nguoi_ky ?? lienTich?.lead ?? { chuc_vu: CHUA_DIEN, ho_ten: CHUA_DIEN };
  if (!closing.nguoi_ky && !lienTich) notes.comment(['nguoi_ky'], 'không tìm thấy chữ ký: điền vào');
  if (lienTich) part.lien_tich = lienTich.co;
  return { part };
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

/**
 * The layout role a paragraph's style names (its Word style id is a key of some family's `kieu`, as kehoach writes
 * each paragraph: src/render/props.ts styleId), or undefined.
 */
function roleOf(l: Line, families: readonly LayoutProfile[]): string | undefined {
  const s = l.p.style;
  return s && families.some((f) => Object.hasOwn(f.kieu, s)) ? s : undefined;
}

const one = (xs: string[]): string | string[] => (xs.length === 1 ? xs[0] : xs);
/**
 * The latest real date the text writes, day first ("19/5/2023", "05.02.2025") or as a date line ("ngày 05 tháng 02
 * năm 2025"), read by src/form/dates.ts; a year alone ("nhiệm kỳ 2026 – 2031") is not a date.
 * @returns its year and its text as written, or undefined when the text gives no date
 */
function latestDate(text: string): { y: number; text: string } | undefined {
  let best: { iso: string; y: number; text: string } | undefined;
  for (const m of text.matchAll(/(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?![\d/-]|\.\d)|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/giu)) {
    const d = readDate(m[0]);
    if (d.ok && d.precision === 'day' && (!best || d.iso > best.iso)) best = { iso: d.iso, y: d.y, text: m[0] };
  }
  return best && { y: best.y, text: best.text };
}
export type { Muc };
