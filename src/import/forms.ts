/**
 * Annexed forms (phu_luc[].mau: biên bản, phiếu, danh sách) in an appendix, read back as kehoach renders them
 * (templates/common/form.hbs, form_block.hbs; src/normalise/forms.ts) and as they read in plain text: each form
 * starts at its label line "Mẫu số …"; then its own header (agency lines, Quốc hiệu, Tiêu ngữ, the "Số" and
 * date lines), its name (upper case) and the line under it, then its blocks. Default texts (the blank agency
 * "(1)……………", the blank date line, "(ký, ghi rõ họ tên)", the "(1)" numbers of the notes) are layout data
 * (layout.yaml `mau.mau_bieu`) and are not written back.
 *
 * What the model cannot give stays as it was printed: a table's row heights (cao_dong), the leader kind of fill
 * lines (kieu_dong), and in plain text the fill lines and tables (their text stays as paragraphs of the form).
 */
import type { LayoutProfile } from '../profile.js';
import type { Table } from '../docx-read/model.js';
import { markup, type Line } from './lines.js';
import type { Notes, Path } from './notes.js';
import { RE_QUOC_HIEU, RE_TIEU_NGU } from './header.js';
import { formTexts, isGhiChuLabel, ghiChuLead, hasFill, isBlankAgency, type FormTexts } from '../form/blanks.js';
import { mmToTwips } from '../render/props.js';

/** A form's label line: "Mẫu số 01/HNCT", "Mẫu 02". */
export const RE_MAU_SO = /^Mẫu(?: số)?\s+\S.{0,40}$/u;
const RE_KY_GHI_CHU = /^\(.{1,40}\)$/u;


/** A date line of a form: the family's blank one, or a line with "ngày" and "năm" (at most 80 characters). */
const isDateLine = (text: string, t: FormTexts) => text === t.ngay_trong || (/ngày/u.test(text) && /năm/u.test(text) && text.length <= 80);
const isCaps = (t: string) => /\p{Lu}/u.test(t) && t === t.toLocaleUpperCase('vi');
const one = (xs: string[]): string | string[] => (xs.length === 1 ? xs[0] : xs);
/** Text as the plan writes it: a star escaped, but for the mark "(*)", which the inline grammar prints as typed. */
const plain = (t: string) => t.replace(/\(\*\)|\*/g, (m) => (m === '(*)' ? m : '\\*'));

export interface FormContext {
  profile: LayoutProfile;
  notes: Notes;
  /** Tables by their number (Line.cell.table). */
  tables: Map<number, Table>;
  /** Number of fill-only paragraphs (a tab, no text: dropped from the lines) between two paragraph numbers. */
  blanks: (from: number, to: number) => number;
  txt: boolean;
}

/**
 * Reads the forms of one appendix.
 * @param lines the appendix's lines from its first "Mẫu số" line on
 * @param base data path of the list (["phu_luc", i, "mau"])
 * @returns the forms, in the schema's shape (mau_bieu)
 */
export function readForms(lines: Line[], base: Path, ctx: FormContext): Record<string, unknown>[] {
  const starts = lines.map((l, i) => (!l.cell && RE_MAU_SO.test(l.text) ? i : -1)).filter((i) => i >= 0);
  return starts.map((s, k) => readForm(lines.slice(s, starts[k + 1] ?? lines.length), [...base, k], ctx));
}

function readForm(F: Line[], path: Path, ctx: FormContext): Record<string, unknown> {
  const { notes } = ctx;
  const t = formTexts(ctx.profile); // the family's form texts, as render writes them (src/form/blanks.ts)
  const role = (l: Line, r: string) => notes.setRole(l.para, r);
  const form: Record<string, unknown> = { mau_so: F[0].text };
  role(F[0], 'mau_so');
  notes.at(path, F[0].para);
  let k = 1;
  // The form's own header: agency lines, then Quốc hiệu and Tiêu ngữ, then the "Số" and date lines.
  const qh = F.findIndex((l, i) => i >= k && i <= k + 8 && RE_QUOC_HIEU.test(l.text));
  if (qh >= 0) {
    const coQuan = F.slice(k, qh);
    coQuan.forEach((l, i) => role(l, i === coQuan.length - 1 && !isBlankAgency(l.text, t) ? 'mau_co_quan_dam' : 'mau_co_quan'));
    role(F[qh], 'mau_quoc_hieu');
    let m = qh + 1;
    if (F[m] && RE_TIEU_NGU.test(F[m].text)) role(F[m++], 'mau_tieu_ngu');
    let so: string | undefined;
    let ngay: string | undefined;
    if (F[m] && /^Số\b/u.test(F[m].text)) { so = F[m].text; role(F[m++], 'mau_so_ky_hieu'); }
    if (F[m] && /ngày/u.test(F[m].text) && F[m].text.length <= 80) { ngay = F[m].text; role(F[m++], 'mau_ngay'); }
    const names = coQuan.map((l) => plain(l.text));
    const blankAgency = !names.length || (names.length === 1 && names[0] === t.co_quan_trong);
    // No date line under the header: dia_danh_ngay false (the blank one is the default).
    if (blankAgency && !so && ngay === t.ngay_trong) form.dau_mau = true;
    else form.dau_mau = { ...(blankAgency ? {} : { co_quan: one(names) }), ...(so ? { so: plain(so) } : {}), ...(!ngay ? { dia_danh_ngay: false } : ngay !== t.ngay_trong ? { dia_danh_ngay: plain(ngay) } : {}) };
    k = m;
  }
  // Name (upper case, bold) and the line under it.
  const tieuDe: string[] = [];
  while (k < F.length && !F[k].cell && isCaps(F[k].text) && (ctx.txt || F[k].bold) && !isGhiChuLabel(ctx.profile, F[k].text)) { tieuDe.push(plain(F[k].text)); role(F[k++], 'mau_tieu_de'); }
  if (tieuDe.length) form.tieu_de = one(tieuDe);
  const phuDe: string[] = [];
  if (tieuDe.length) {
    while (k < F.length && !F[k].cell && (ctx.txt ? !phuDe.length && !/[:.…]$/u.test(F[k].text) && !isCaps(F[k].text) : F[k].bold && F[k].center)) { phuDe.push(plain(F[k].text)); role(F[k++], 'mau_phu_de'); }
  }
  if (phuDe.length) form.phu_de = one(phuDe);
  const blocks = readBlocks(F.slice(k), ctx, t);
  form.noi_dung = blocks.length ? blocks : ['…'];
  if (!blocks.length) notes.comment([...path, 'noi_dung'], 'mẫu không có nội dung: điền vào');
  return form;
}

/** The blocks of a form (khoi_mau), in order. */
function readBlocks(B: Line[], ctx: FormContext, t: FormTexts): unknown[] {
  const out: unknown[] = [];
  const role = (l: Line, r: string) => ctx.notes.setRole(l.para, r);
  const allUnderlined = (l: Line) => { const v = l.runs.filter((r) => /\S/.test(r.text)); return v.length > 0 && v.every((r) => r.format.underline); };
  let k = 0;
  while (k < B.length) {
    const l = B[k];
    const next = B.slice(k + 1).find((x) => x.para !== l.para);
    // Fill-only paragraphs (a tab with its leader) after this line.
    const blanks = !ctx.txt ? ctx.blanks(l.para, next ? next.para : Infinity) : 0;
    // The label alone, or the label then a lead sentence in another face (in text: any "Ghi chú: …" line).
    const vis = l.runs.filter((r) => /\S/.test(r.text));
    const labelFace = ctx.txt || (vis.length > 1 && vis[0].format.italic && !vis[vis.length - 1].format.italic);
    const lead = l.cell ? null : isGhiChuLabel(ctx.profile, l.text) ? '' : labelFace ? ghiChuLead(ctx.profile, l.text) : null;
    if (lead !== null) {
      role(l, 'mau_ghi_chu_nhan');
      const notes = B.slice(k + 1).filter((x) => !x.cell);
      notes.forEach((x) => role(x, 'mau_ghi_chu'));
      const items = [...(lead ? [{ noi_dung: plain(lead) }] : []), ...noteItems(notes.map((x) => x.text), t)];
      out.push({ ghi_chu: items.length ? items : ['…'] });
      k = B.length;
      continue;
    }
    if (l.cell) {
      let j = k;
      while (j < B.length && B[j].cell?.table === l.cell.table) j++;
      const table = ctx.tables.get(l.cell.table);
      out.push(table ? tableBlock(table, B.slice(k, j), ctx, t) : plain(l.text));
      k = j;
      continue;
    }
    // Signature columns typed one after another (text): titles, then "(ký, ghi rõ họ tên)", two or three times.
    const cols = ctx.txt ? signatureRun(B, k) : null;
    if (cols) {
      out.push({ cot_ky: cols.cols.map((c) => (c.ghi_chu === t.ky_ghi_chu && c.chuc_danh.length === 1 ? c.chuc_danh[0] : { chuc_danh: one(c.chuc_danh), ...(c.ghi_chu !== t.ky_ghi_chu ? { ghi_chu: c.ghi_chu } : {}) })) });
      for (const x of B.slice(k, cols.end)) role(x, RE_KY_GHI_CHU.test(x.text) ? 'mau_ky_ghi_chu' : 'mau_ky_chuc_danh');
      k = cols.end;
      continue;
    }
    const same = B.filter((x) => x.para === l.para);
    const gach = allUnderlined(l) ? { gach_chan: true } : {};
    if (!ctx.txt && /\t\s*$/.test(l.p.text)) {
      // A fill line: its labels, each followed by a tab with a leader (one label: dong_trong; several: truong).
      const labels = l.p.text.split(/\t+/).map((x) => x.replace(/\s+/g, ' ').trim()).filter(Boolean);
      out.push(labels.length > 1 ? { truong: labels.map(plain) } : { dong_trong: plain(labels[0] ?? ''), ...(blanks ? { so_dong: blanks + 1 } : {}) });
      role(l, 'mau_dong');
      k += same.length;
      continue;
    }
    if (!ctx.txt && l.center && l.bold) { out.push({ tieu_de: markup(l.runs, { bold: true }), ...gach }); role(l, 'mau_tieu_de_nho'); }
    else if (!ctx.txt && l.center && l.italic) { out.push({ phu_de: markup(l.runs, { italic: true }), ...gach }); role(l, 'mau_phu_de_nho'); }
    else { const text = markup(l.runs); out.push(Object.keys(gach).length ? { doan: text, ...gach } : text); role(l, hasFill(l.text) ? 'mau_dong' : 'mau_than'); }
    if (blanks) out.push({ dong_trong: '', ...(blanks > 1 ? { so_dong: blanks } : {}) });
    k += same.length;
  }
  return out;
}

/**
 * The notes under "Ghi chú:", in the schema's shape: a note numbered as render numbers it (the family's "({n})", n
 * counting such notes) is its text alone; a note with another mark ("(*)", "(a)", a number out of turn) keeps it as
 * `danh_dau`; a note with no mark is `{ noi_dung }`.
 */
function noteItems(texts: string[], t: FormTexts): unknown[] {
  let n = 0;
  return texts.map((text) => {
    const auto = t.so_ghi_chu.replace('{n}', String(n + 1));
    if (text.startsWith(auto + ' ')) { n++; return plain(text.slice(auto.length).trim()); }
    const m = /^(\(\S{1,4}\)|\*{1,3})\s+(\S.*)$/u.exec(text);
    return m ? { danh_dau: m[1], noi_dung: plain(m[2]) } : { noi_dung: plain(text) };
  });
}

/** Runs of signature columns in text: each column is upper-case title lines then a "(…)" line. */
function signatureRun(B: Line[], k: number): { cols: { chuc_danh: string[]; ghi_chu: string }[]; end: number } | null {
  const cols: { chuc_danh: string[]; ghi_chu: string }[] = [];
  let j = k;
  for (;;) {
    let e = j;
    while (e < B.length && isCaps(B[e].text) && !RE_KY_GHI_CHU.test(B[e].text)) e++;
    if (e === j || e >= B.length || !RE_KY_GHI_CHU.test(B[e].text)) break;
    cols.push({ chuc_danh: B.slice(j, e).map((x) => plain(x.text)), ghi_chu: B[e].text });
    j = e + 1;
  }
  return cols.length >= 2 && cols.length <= 3 ? { cols, end: j } : null;
}

/** A table of a form: signature columns (no borders, titles and "(…)" per column) or a ruled table (bang). */
function tableBlock(table: Table, L: Line[], ctx: FormContext, t: FormTexts): unknown {
  const role = (l: Line, r: string) => ctx.notes.setRole(l.para, r);
  const cellText = (c: Table['rows'][number][number]) => c.paras.map((p) => p.text.normalize('NFC').replace(/[ \t]+/g, ' ').trim()).filter(Boolean).join('\n');
  const cols = table.rows[0]?.length ?? 0;
  if (!table.borders && table.rows.length === 1 && cols >= 1 && cols <= 3) {
    const sig = table.rows[0].map((c) => c.paras.map((p) => p.text.replace(/\s+/g, ' ').trim()).filter(Boolean));
    // A signer's column: an optional date line ("……, ngày …"), upper-case titles; a note's: text, no title, no "(…)".
    const dated = (c: string[]) => (c.length > 1 && isDateLine(c[0], t) ? 1 : 0);
    const signer = (c: string[]) => c.length > dated(c) && isCaps(c[dated(c)]);
    const note = (c: string[]) => c.length >= 1 && !isCaps(c[0]) && !c.some((x) => RE_KY_GHI_CHU.test(x)) && !isDateLine(c[0], t);
    const signers = sig.filter(signer).length;
    // one column: a signer with the "(…)" line under the title (a lone borderless cell may be anything else)
    const ok = signers >= 1 && sig.every((c) => signer(c) || note(c)) && (cols > 1 || sig[0].some((x) => RE_KY_GHI_CHU.test(x)));
    if (ok) {
      const dates = new Set(sig.flatMap((c) => (dated(c) ? [c[0]] : [])));
      for (const l of L) role(l, dates.has(l.text.replace(/\s+/g, ' ')) ? 'mau_ngay' : RE_KY_GHI_CHU.test(l.text) ? 'mau_ky_ghi_chu' : isCaps(l.text) ? 'mau_ky_chuc_danh' : sig.some((c) => note(c) && c.includes(l.text.replace(/\s+/g, ' '))) ? 'mau_ghi_chu' : 'mau_ky_ho_ten');
      return {
        cot_ky: sig.map((c0) => {
          if (!signer(c0)) return { doan: plain(c0.join(' ')) };
          const d = dated(c0);
          const ngay = d ? (c0[0] === t.ngay_trong ? true : plain(c0[0])) : undefined;
          const c = c0.slice(d);
          const g = c.findIndex((x) => RE_KY_GHI_CHU.test(x));
          const chuc = (g >= 0 ? c.slice(0, g) : c.filter(isCaps)).map(plain);
          const ghi = g >= 0 ? c[g] : undefined;
          const ten = g >= 0 ? c.slice(g + 1).join(' ') : c.filter((x) => !isCaps(x)).join(' ');
          if (ghi === t.ky_ghi_chu && !ten && chuc.length === 1 && ngay === undefined) return chuc[0];
          return { ...(ngay !== undefined ? { ngay } : {}), chuc_danh: one(chuc.length ? chuc : ['…']), ...(ghi && ghi !== t.ky_ghi_chu ? { ghi_chu: plain(ghi) } : {}), ...(ten ? { ho_ten: plain(ten) } : {}) };
        }),
      };
    }
  }
  const rows = table.rows.map((r) => r.map(cellText));
  const width = Math.max(...rows.map((r) => r.length));
  const head = rows[0] ?? [];
  const minW = Math.min(...table.widths.filter((w) => w > 0));
  const cot = Array.from({ length: width }, (_, c) => {
    const ten = plain(head[c] ?? '') || ' ';
    const w = table.widths[c];
    return w && isFinite(minW) ? { ten, rong: Math.round((w / minW) * 100) / 100 } : ten;
  });
  let last = rows.length - 1;
  while (last > 0 && rows[last].every((c) => !c)) last--;
  for (const l of L) role(l, table.rows[0]?.some((c) => c.paras.some((p) => p.index === l.para)) ? 'mau_bang_dau' : 'mau_bang_o');
  const dong = rows.slice(1, last + 1).map((r) => Array.from({ length: width }, (_, c) => plain(r[c] ?? '')));
  const trong = rows.length - 1 - dong.length;
  const cao = trong ? blankRowHeight(table.heights?.[rows.length - 1], t.cao_dong) : undefined;
  return { bang: { cot, ...(dong.length ? { dong } : {}), ...(trong ? { dong_trong: trong } : {}), ...(cao !== undefined ? { cao_dong: cao } : {}) } };
}

/**
 * The height of a form table's blank rows, mm (one decimal, as `cao_dong` is written), when it is not the family's
 * (`mau.mau_bieu.cao_dong`); undefined when the row sets none or the family's.
 * @param twips the last row's w:trHeight
 */
function blankRowHeight(twips: number | undefined, family: number): number | undefined {
  if (twips === undefined || twips === mmToTwips(family)) return undefined;
  const mm = Math.round((twips * 25.4 * 10) / 1440) / 10;
  return mmToTwips(mm) === twips ? mm : undefined;
}
