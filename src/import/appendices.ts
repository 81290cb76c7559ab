/**
 * The appendices after the signature (phu_luc: NĐ 30/2020 PL I mục II.14): each starts at its "Phụ lục …" line, then
 * its title lines, its "(Kèm theo …)" line, its body (body.ts) and its annexed forms (forms.ts). Text after the
 * signature that stands before any appendix is given back to the caller (it goes to ket_thuc, reported).
 */
import type { LayoutProfile } from '../profile.js';
import { paragraphs, type DocModel, type Table, type Section } from '../docx-read/model.js';
import type { Line } from './lines.js';
import type { Notes } from './notes.js';
import { readBody, markerOf } from './body.js';
import { readForms, RE_MAU_SO } from './forms.js';
import { defaultKemTheo } from '../normalise/index.js';
import type { KeHoach } from '../types/plan.js';

export interface AppendixContext {
  doc: DocModel;
  profile: LayoutProfile;
  notes: Notes;
  /** Tables met in the document, keyed by the paragraph number of their first cell (body.ts readBody). */
  tables: Map<number, Table>;
}

/**
 * Reads the appendices.
 * @param lines the lines after the closing (closing.ts readClosing `rest`)
 * @returns the plan part (`phu_luc` when there is an appendix) and the lines before the first "Phụ lục" line
 */
export function readAppendices(lines: Line[], ctx: AppendixContext): { part: { phu_luc?: Record<string, unknown>[] }; orphans: Line[] } {
  const { doc, profile, notes, tables } = ctx;
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
      ...(caps ? { so: false } : so ? { so } : {}), ...(tieuDe ? { tieu_de: tieuDe } : {}), kem_theo: kemTheo ?? false, // no "(Kèm theo …)" line in the source: none printed again (the default would add one)
      ...(b.items.length || !mau.length ? { noi_dung: b.items.length ? b.items : ['…'] } : {}), ...(mau.length ? { mau } : {}),
    });
    if (tieuDe === '…') notes.comment(['phu_luc', i, 'tieu_de'], 'không tìm thấy tên phụ lục: điền vào');
    if (mau.length && doc.source === 'txt') notes.comment(['phu_luc', i, 'mau'], 'văn bản nguồn là chữ thuần: dòng để điền và bảng của mẫu giữ như đoạn văn, xem lại');
    pending = [];
  };
  const orphans: Line[] = [];
  for (const l of lines) {
    if (/^Phụ lục\b/iu.test(l.text) && l.text.length < 40) { flush(); pending = [l]; }
    else if (pending.length) pending.push(l);
    else orphans.push(l);
  }
  flush();
  return { part: phuLuc.length ? { phu_luc: phuLuc } : {}, orphans };
}

/**
 * Leaves out each appendix's `kem_theo` that says what kehoach prints by default for this plan (src/normalise/index.ts
 * defaultKemTheo: the family's `mau.kem_theo` filled with the plan's tên loại, số/ký hiệu and date), compared with
 * whitespace runs (no-break spaces of a draft's blanks too) taken as one space: the re-rendered plan then follows its
 * own number and date there. A line worded otherwise (a real plan's own "(Kèm theo …)") stays literal. Changes `plan`
 * in place; nothing when the plan has no appendix or its number or date cannot make the default (a plan the schema
 * would refuse: the lines stay literal).
 * @param plan the imported plan, whole (its so_ky_hieu, lien_tich, ngay_ban_hanh, ten_loai and phu_luc are read)
 * @param profile the detected family's layout (its `mau.kem_theo` and `mau.so_ky_hieu` patterns)
 */
export function dropDefaultKemTheo(plan: Record<string, unknown>, profile: LayoutProfile): void {
  const phuLuc = plan.phu_luc;
  if (!Array.isArray(phuLuc) || !phuLuc.some((p: Record<string, unknown>) => typeof p.kem_theo === 'string')) return;
  let byDefault: string;
  try { byDefault = oneSpaced(defaultKemTheo(plan as unknown as KeHoach, profile)); } catch { return; }
  for (const p of phuLuc as Record<string, unknown>[]) if (typeof p.kem_theo === 'string' && oneSpaced(p.kem_theo) === byDefault) delete p.kem_theo;
}

const oneSpaced = (s: string) => s.replace(/\s+/gu, ' ').trim();

/**
 * A Word document's appendices whose page numbers continue the plan's (`danh_so_trang: tiep`): kehoach sets each
 * appendix in a section of its own (templates/common/document.hbs), which restarts the numbers and leaves them off
 * its first page (`titlePg`) unless the numbers continue. Read only when the document has one section for the plan
 * and one per appendix.
 * @param phuLuc the appendices read (changed in place)
 */
export function pageContinuation(phuLuc: Record<string, unknown>[] | undefined, sections: readonly Section[]): void {
  if (!phuLuc?.length || sections.length !== phuLuc.length + 1) return;
  phuLuc.forEach((p, i) => { if (!sections[i + 1].titlePage) p.danh_so_trang = 'tiep'; });
}
