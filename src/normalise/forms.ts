/**
 * Annexed forms (mẫu biểu: biên bản, phiếu, danh sách) of an appendix, as the templates see them. A form is laid out
 * to be filled in by hand: a right-aligned italic label (Mẫu số …), its own two-column header, centred titles, blank
 * lines with a dot (or underscore) leader that never stretches, fields on one line, bordered tables with tall empty
 * rows, signature columns, a "Ghi chú:" block. Texts of the forms (default blanks, "(ký, ghi rõ họ tên)" …) come from
 * layout.yaml `mau.mau_bieu`.
 */
import type { KhoiMau, MauBieu } from '../types/plan.js';
import type { LayoutProfile } from '../profile.js';
import { msg, type Lang } from '../i18n/messages.js';
import type { NormaliseIssue, Path } from './body.js';
import { formTexts, hasFill, isBlankAgency, isNumberColumn, type FormTexts } from '../form/blanks.js';

/** One block of a form (see templates/common/form_block.hbs). `tabs` is a markup tab list (templates/README.md). */
export type FormBlock =
  | { loai: 'doan'; text: string; gach_chan: boolean; dien: boolean }
  | { loai: 'tieu_de' | 'phu_de'; dong: string[]; gach_chan: boolean }
  | { loai: 'dong_trong'; tabs: string; dong: string[] }
  | { loai: 'truong'; tabs: string; nhan: string[] }
  | { loai: 'bang'; cot: { ten: string; rong: number }[]; dong: FormCell[][]; trong: FormCell[][]; cao: number }
  | { loai: 'cot_ky'; rong: string; khoang: number[]; cot: SignColumn[] }
  | { loai: 'ghi_chu'; nhan: string; dan: string; dong: string[] };

/** A cell of a form's table; `giua`: the number column (Stt/TT, layout `mau.mau_bieu.cot_so`), centred. */
export interface FormCell { text: string; giua: boolean }
/**
 * A column of signature columns: a signer (titles, the date line above them or '', the note under them, the printed
 * name or '') or, `doan` not '', a note set beside the signers (its other fields empty).
 */
export interface SignColumn { chuc_danh: string[]; ngay: string; ghi_chu: string; ho_ten: string; doan: string }

/** A form: label, header (null when none), titles, blocks; `ngat_trang`: starts on a new page. */
export interface FormView {
  mau_so: string;
  ngat_trang: boolean;
  /** `co_quan`: the agency lines, `dam` bold (the last, unless it is a blank "(1)……"); `dia_danh_ngay` '' for none. */
  /** `hang_duoi`: the row of the Số and date lines is printed (either is given). */
  dau_mau: { co_quan: { text: string; dam: boolean }[]; so: string; quoc_hieu: boolean; dia_danh_ngay: string; hang_duoi: boolean } | null;
  tieu_de: string[];
  phu_de: string[];
  khoi: FormBlock[];
}


const lines = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const BLOCK_KINDS = ['doan', 'tieu_de', 'phu_de', 'dong_trong', 'truong', 'bang', 'cot_ky', 'ghi_chu'] as const;

/**
 * Builds the forms of one appendix.
 * @param forms the appendix's `mau` list
 * @param path data path of that list (for issues)
 * @param breakEach each form starts a new page (plan's mau_sang_trang, default true)
 * @param afterContent the appendix has content before its forms (then the first form starts a new page too; a
 *   heading alone stays with the first form)
 * @returns the forms; issues (errors) are pushed for a block with no kind or several, and a table row of the wrong width
 */
export function formsView(forms: MauBieu[] | undefined, path: Path, profile: LayoutProfile, lang: Lang, issues: NormaliseIssue[], breakEach: boolean, afterContent: boolean): FormView[] {
  const t = formTexts(profile); // the family's form texts (src/form/blanks.ts)
  return (forms ?? []).map((f, i) => ({
    mau_so: f.mau_so ?? '',
    ngat_trang: breakEach && (i > 0 || afterContent),
    dau_mau: f.dau_mau === undefined || f.dau_mau === false ? null : withRow({
      co_quan: agencyLines(f.dau_mau === true || !f.dau_mau.co_quan ? [t.co_quan_trong] : lines(f.dau_mau.co_quan), t),
      so: f.dau_mau === true ? '' : f.dau_mau.so ?? '',
      quoc_hieu: f.dau_mau === true ? true : f.dau_mau.quoc_hieu !== false,
      dia_danh_ngay: f.dau_mau === true ? t.ngay_trong : dateLine(f.dau_mau.dia_danh_ngay, t),
    }),
    tieu_de: lines(f.tieu_de),
    phu_de: lines(f.phu_de),
    khoi: f.noi_dung.flatMap((b, j) => block(b, [...path, i, 'noi_dung', j], profile, t, lang, issues)),
  }));
}

/** The agency lines of a form's header: the last bold, unless it is only a blank to fill ("(1)……", regular). */
const agencyLines = (xs: string[], t: FormTexts) => xs.map((text, k) => ({ text, dam: k === xs.length - 1 && !isBlankAgency(text, t) }));
/** A date line: absent or true, the family's blank one; false, none (''); else as written. */
const dateLine = (v: string | boolean | undefined, t: FormTexts) => (v === undefined || v === true ? t.ngay_trong : v === false ? '' : v);

const withRow = <T extends { so: string; dia_danh_ngay: string }>(h: T) => ({ ...h, hang_duoi: !!(h.so || h.dia_danh_ngay) });

const leader = (k: string | undefined) => (k === 'gach' ? 'underscore' : 'dot');

function block(b: KhoiMau, path: Path, profile: LayoutProfile, t: FormTexts, lang: Lang, issues: NormaliseIssue[]): FormBlock[] {
  if (typeof b === 'string') return [{ loai: 'doan', text: b, gach_chan: false, dien: hasFill(b) }];
  const kinds = BLOCK_KINDS.filter((k) => k in b);
  if (kinds.length !== 1) {
    issues.push(kinds.length
      ? { path, rule: 'plan/item-many-kinds', message: msg('plan/item-many-kinds', lang, { keys: kinds.join(', ') }) }
      : { path, rule: 'plan/form-block-kind', message: msg('plan/form-block-kind', lang) });
    return [];
  }
  // Options that belong to another kind would be dropped: report them (never silent).
  const owners: Record<string, readonly string[]> = { so_dong: ['dong_trong'], kieu_dong: ['dong_trong', 'truong'], gach_chan: ['doan', 'tieu_de', 'phu_de'] };
  for (const [opt, kinds_] of Object.entries(owners)) {
    if (opt in b && !kinds_.includes(kinds[0])) issues.push({ path: [...path, opt], rule: 'plan/form-option', message: msg('plan/form-option', lang, { key: opt, kinds: kinds_.join(', ') }) });
  }
  const lead = leader(b.kieu_dong);
  switch (kinds[0]) {
    case 'doan': return [{ loai: 'doan', text: b.doan!, gach_chan: !!b.gach_chan, dien: hasFill(b.doan!) }];
    case 'tieu_de': return [{ loai: 'tieu_de', dong: lines(b.tieu_de), gach_chan: !!b.gach_chan }];
    case 'phu_de': return [{ loai: 'phu_de', dong: lines(b.phu_de), gach_chan: !!b.gach_chan }];
    case 'dong_trong': {
      const n = b.so_dong ?? 1;
      return [{ loai: 'dong_trong', tabs: `end:right:${lead}`, dong: [b.dong_trong!, ...Array.from({ length: n - 1 }, () => '')] }];
    }
    case 'truong': {
      const n = b.truong!.length;
      const tabs = b.truong!.map((_, k) => (k === n - 1 ? `end:right:${lead}` : `${+(((k + 1) * 100) / n).toFixed(2)}%:right:${lead}`)).join(' ');
      return [{ loai: 'truong', tabs, nhan: b.truong! }];
    }
    case 'bang': {
      const g = b.bang!;
      const cot = g.cot.map((c) => (typeof c === 'string' ? { ten: c, rong: 1 } : { ten: c.ten, rong: c.rong ?? 1 }));
      const giua = cot.map((c) => isNumberColumn(c.ten, t));
      (g.dong ?? []).forEach((r, k) => {
        if (r.length !== cot.length) issues.push({ path: [...path, 'bang', 'dong', k], rule: 'plan/table-cells', message: msg('plan/table-cells', lang, { got: r.length, want: cot.length }) });
      });
      const dong = (g.dong ?? []).map((r) => r.map((c, k) => ({ text: String(c), giua: !!giua[k] })));
      const trong = Array.from({ length: g.dong_trong ?? 0 }, () => cot.map((_, k) => ({ text: '', giua: giua[k] })));
      return [{ loai: 'bang', cot, dong, trong, cao: g.cao_dong ?? t.cao_dong }];
    }
    case 'cot_ky': {
      const cot: SignColumn[] = [];
      b.cot_ky!.forEach((c, k) => {
        const none = { chuc_danh: [], ngay: '', ghi_chu: '', ho_ten: '', doan: '' };
        if (typeof c === 'string') { cot.push({ ...none, chuc_danh: [c], ghi_chu: t.ky_ghi_chu }); return; }
        const signer = (['chuc_danh', 'ngay', 'ghi_chu', 'ho_ten'] as const).filter((x) => x in c);
        // A column is a signer or a note: keys of both, or a signer's keys with no title, would lose a text (never silent).
        if ((c.doan !== undefined && signer.length) || (c.doan === undefined && c.chuc_danh === undefined)) {
          issues.push({ path: [...path, 'cot_ky', k], rule: 'plan/form-column-kind', message: msg('plan/form-column-kind', lang) });
          return;
        }
        if (c.doan !== undefined) { cot.push({ ...none, doan: c.doan }); return; }
        cot.push({ chuc_danh: lines(c.chuc_danh), ngay: c.ngay === undefined || c.ngay === false ? '' : c.ngay === true ? t.ngay_trong : c.ngay, ghi_chu: c.ghi_chu ?? t.ky_ghi_chu, ho_ten: c.ho_ten ?? '', doan: '' });
      });
      if (!cot.length) return [];
      return [{ loai: 'cot_ky', rong: cot.map(() => '1').join(' '), khoang: Array.from({ length: profile.khoang_ky }, (_, k) => k), cot }];
    }
    case 'ghi_chu': {
      // Plain strings are numbered (1), (2) … in their order; a note with its own mark prints it; an unnumbered note
      // first is the lead, set after the label on its line.
      let n = 0;
      const notes = b.ghi_chu!.map((x) => {
        if (typeof x === 'string' || x.danh_dau === true) return `${t.so_ghi_chu.replace('{n}', String(++n))} ${typeof x === 'string' ? x : x.noi_dung}`;
        return x.danh_dau === undefined || x.danh_dau === false ? x.noi_dung : `${x.danh_dau} ${x.noi_dung}`;
      });
      const first = b.ghi_chu![0];
      const lead = typeof first === 'object' && (first.danh_dau === undefined || first.danh_dau === false);
      return [{ loai: 'ghi_chu', nhan: t.ghi_chu, dan: lead ? notes[0] : '', dong: lead ? notes.slice(1) : notes }];
    }
  }
  return [];
}
