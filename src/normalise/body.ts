/**
 * The body's blocks (ô 6 of NĐ 30/2020 Phụ lục I): the tree of items flattened into blocks in reading order, with
 * numbering computed per level (numbering.ts), bullets, task lines, phases and tables.
 */
import type { KeHoach, Muc, Y, NhiemVu, Bang } from '../types/plan.js';
import type { LayoutProfile } from '../profile.js';
import { parsePattern, formatNumber, Counter, type NumberPattern } from '../form/numbering.js';
import { shortDate, fill } from './dates.js';
import { msg, type Lang } from '../i18n/messages.js';

export type Path = (string | number)[];

/** One flattened block of the body, in reading order. `cap` is the 1-based outline depth. */
export type Block =
  | { loai: 'tieu_de'; cap: number; so: string; text: string; kieu: string }
  | { loai: 'doan'; cap: number; so: string; text: string; dan: boolean }
  /** A run-in heading: the number and the label (`nhan`) in the label's style (`kieu`, a role of layout.yaml), then `text` upright. */
  | { loai: 'tieu_de_lien'; cap: number; so: string; nhan: string; text: string; kieu: string; dan: boolean }
  | { loai: 'van'; text: string; dan: boolean }
  | { loai: 'gach'; cap: number; ky_hieu: string; text: string }
  | { loai: 'nhiem_vu'; dong: TaskLine[] }
  /**
   * A phase: `thoi_gian` is "Từ … đến …" or the phrase the plan gives (or the office's pattern filled, `trinh_bay.dot.thoi_gian`);
   * `so` and `kieu` when it is numbered like a heading; `mot_dong`: number, name and time on a line of their own, the
   * lead-in, theme and text in a paragraph after it (`dan_doan`: that paragraph introduces what the phase carries).
   */
  | { loai: 'dot'; so: string; kieu: string; dan: boolean; cham: string; cuoi: string; ten: string; tu: string; den: string; thoi_gian: string; loi_dan: string; chu_de: string; noi_dung: string; ngoac_mo: string; ngoac_dong: string; mot_dong: boolean; dan_doan: boolean }
  | { loai: 'bang'; tieu_de: string; cot: { ten: string; rong: number }[]; dong: string[][] };

/** One line under a task: its label (in the office's words) and whether the label is italic. */
export interface TaskLine { nhan: string; nghieng: boolean; text: string }

/**
 * How the office writes task lines (plan `trinh_bay.nhiem_vu`, or `_defaults.yaml`): the order of the fields,
 * their labels, italic or upright labels. Fields a plan gives but the order leaves out print after, in the
 * default order: every field reaches the page.
 */
export type TaskStyle = NonNullable<NonNullable<KeHoach['trinh_bay']>['nhiem_vu']>;

/** How the office writes its phases (plan `trinh_bay.dot`): each on one line, and the words of its time. */
export type PhaseStyle = NonNullable<NonNullable<KeHoach['trinh_bay']>['dot']>;

/** Errors found while normalising (structure the schema cannot express), with data paths. */
export interface NormaliseIssue { path: Path; rule: string; message: string; key?: boolean }

const ITEM_KINDS = ['tieu_de', 'doan', 'gach_dau_dong', 'dot', 'bang', 'bang_nhiem_vu'] as const;
type MucObject = Exclude<Muc, string>;

/**
 * A lead-in held on the page of what follows (keep-with-next) is at most two lines of body text: LibreOffice moves a
 * kept paragraph whole, so a longer one (a full numbered paragraph that happens to have task lines) would leave the
 * bottom of its page empty. 170 characters ≈ two lines of 14 pt Times New Roman in the 165 mm text width.
 */
export const isShortLeadIn = (text: string): boolean => text.replace(/\*+/g, '').trim().length <= 170;

/**
 * A phase's time in the office's words (plan `trinh_bay.dot.thoi_gian`): "{tu}" and "{den}" the dates as kehoach
 * prints them (shortDate: "01/7/2020", "tháng 01/2020"), "{tu_ngan}" the start without its year when both are days of
 * the same year ("01/3" … "15/3/2026"), else the start as "{tu}".
 */
export function phaseTime(pattern: string, tu: string, den: string): string {
  const a = shortDate(tu);
  const b = shortDate(den);
  const sameYear = /^\d{4}-\d{2}-\d{2}$/.test(tu) && /^\d{4}-\d{2}-\d{2}$/.test(den) && tu.slice(0, 4) === den.slice(0, 4);
  return fill(pattern, { tu: a, den: b, tu_ngan: sameYear ? a.replace(/\/\d{4}$/, '') : a });
}

/** The text with its first letter in capitals ("với chủ đề" → "Với chủ đề"). */
const capitalise = (s: string) => s.replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase('vi'));

/** What the body walker needs: the family's profile, the plan-level numbering and quotes, where issues go. */
export interface BodyContext {
  profile: LayoutProfile;
  lang: Lang;
  /** Numbering patterns per level (plan's danh_so or the family's). */
  danhSo: string[];
  /** Opening and closing quote marks (plan's ngoac_kep, default “”). */
  quotes: string;
  issues: NormaliseIssue[];
  /** The office's task lines (plan `trinh_bay.nhiem_vu`); the family's labels, italic, when absent. */
  taskStyle?: TaskStyle;
  /** The office's phases (plan `trinh_bay.dot`); one paragraph each, "Từ {tu} đến {den}", when absent. */
  phaseStyle?: PhaseStyle;
}

/** Default order of the task fields (lines and table columns). `han` prints as the time when `thoi_gian` is absent. */
export const TASK_FIELDS = ['noi_dung', 'chu_tri', 'tham_muu', 'thuc_hien', 'phoi_hop', 'thoi_gian', 'ket_qua'] as const;
export type TaskField = (typeof TASK_FIELDS)[number];
/** A place in the order of a task's lines: a field, or `khac` (the free-label lines, together). */
export type TaskLineKey = TaskField | 'khac';

/**
 * The order of a task's lines: the task's own `thu_tu`, then the plan's (`trinh_bay.nhiem_vu.thu_tu`), then the
 * default order (TASK_FIELDS); `khac` (the free-label lines, together, in their order) last unless an order places it.
 */
export const taskOrder = (ts: TaskStyle, own?: TaskLineKey[]): TaskLineKey[] => [...new Set<TaskLineKey>([...(own ?? []), ...(ts.thu_tu ?? []), ...TASK_FIELDS, 'khac'])];

/** A task's value for a field; the deadline `han` (YYYY-MM-DD) stands in for a missing `thoi_gian` (short form 30/6/2025). */
export const taskFieldValue = (nv: NhiemVu, k: TaskField): string | undefined => (k === 'thoi_gian' ? nv.thoi_gian ?? (nv.han ? shortDate(nv.han) : undefined) : nv[k]);

/**
 * The lines of one task as they print ("- <nhan>: <text>"), in order (taskOrder): a field's label is the task's own
 * (`nhan`), else the plan's (`trinh_bay.nhiem_vu.nhan`), else the family's (`labels`, layout.yaml `mau.nhiem_vu`);
 * a `khac` line carries its own. Used by the body walker and by the structural figure (src/import/fidelity.ts).
 */
export function taskLineTexts(nv: NhiemVu, ts: TaskStyle, labels: Record<TaskField, string>): { key: TaskLineKey; nhan: string; text: string }[] {
  const out: { key: TaskLineKey; nhan: string; text: string }[] = [];
  for (const k of taskOrder(ts, nv.thu_tu)) {
    if (k === 'khac') { for (const x of nv.khac ?? []) out.push({ key: k, nhan: x.nhan, text: x.noi_dung }); continue; }
    const v = taskFieldValue(nv, k);
    if (v) out.push({ key: k, nhan: nv.nhan?.[k] ?? ts.nhan?.[k] ?? labels[k], text: v });
  }
  return out;
}

/** Layout roles of a heading label given its own style (`kieu_tieu_de` of an item). */
const LABEL_ROLE: Record<string, string> = { dam: 'nhan_dam', nghieng: 'nhan_nghieng', dam_nghieng: 'nhan_dam_nghieng', thuong: 'nhan_thuong' };

/** Parses a numbering pattern, reporting an invalid one at `path` (and falling back to "1."). */
export function checkPattern(ctx: BodyContext, p: string, path: Path): NumberPattern {
  const parsed = parsePattern(p);
  if (!parsed) {
    ctx.issues.push({ path, rule: 'plan/numbering-pattern', message: msg('plan/numbering-pattern', ctx.lang, { value: p }) });
    return { prefix: '', token: '1', suffix: '.' };
  }
  return parsed;
}

/**
 * Makes the walker that flattens a list of items into blocks.
 * @returns `walkBody(items, path, out)`: flattens a top-level list (the body, or an appendix's content) into `out`.
 */
export function bodyWalker(ctx: BodyContext): (items: Muc[], path: Path, out: Block[]) => void {
  const { profile, lang, issues } = ctx;
  const mau = profile.mau;
  const patterns = ctx.danhSo.map((p, i) => checkPattern(ctx, p, ['danh_so', i]));
  const levelPattern = (depth: number): NumberPattern => patterns[depth] ?? { prefix: '-', token: null, suffix: '' };
  const bulletMarker = (level: number, own?: string) => own ?? profile.gach_dau_dong[Math.min(level, profile.gach_dau_dong.length - 1)];

  function bullets(items: Y[], level: number, out: Block[], own?: string) {
    for (const y of items) {
      if (typeof y === 'string') out.push({ loai: 'gach', cap: level + 1, ky_hieu: bulletMarker(level, own), text: y });
      else {
        out.push({ loai: 'gach', cap: level + 1, ky_hieu: bulletMarker(level, own), text: y.doan });
        if (y.gach_dau_dong) bullets(y.gach_dau_dong, level + 1, out);
      }
    }
  }

  const ts = ctx.taskStyle ?? {};
  const order = taskOrder(ts);
  /** A task's value for a field; the deadline `han` stands in for a missing `thoi_gian` (short form 30/6/2025). */
  const taskValue = (nv: NhiemVu, k: TaskField): string | undefined => taskFieldValue(nv, k);

  /** The lines under a task, in the office's order and words (NĐ 30 leaves them to the office). */
  function taskLines(nv: NhiemVu): TaskLine[] {
    const nghieng = ts.nghieng ?? true;
    return taskLineTexts(nv, ts, mau.nhiem_vu).map((l) => ({ nhan: l.nhan, nghieng, text: l.text }));
  }

  function table(b: Bang, path: Path): Block {
    const cot = b.cot.map((c) => (typeof c === 'string' ? { ten: c, rong: 1 } : { ten: c.ten, rong: c.rong ?? 1 }));
    b.dong.forEach((row, i) => {
      if (row.length !== cot.length) issues.push({ path: [...path, 'dong', i], rule: 'plan/table-cells', message: msg('plan/table-cells', lang, { got: row.length, want: cot.length }) });
    });
    return { loai: 'bang', tieu_de: b.tieu_de ?? '', cot, dong: b.dong.map((r) => r.map(String)) };
  }

  /**
   * The task table: a column for every field some task gives (and one per label of `khac`, where the plan's order
   * places `khac`, last by default), none left out. Columns and their names are the plan's: a task's own `nhan` and
   * `thu_tu` do not apply in a table (rule nhiem-vu/khong-in warns).
   */
  function taskTable(tasks: NhiemVu[]): Block {
    const h = mau.bang_nhiem_vu;
    const tableOrder: TaskLineKey[] = ['noi_dung', ...order.filter((k) => k !== 'noi_dung')];
    const widths: Record<string, number> = { noi_dung: 4, chu_tri: 2, tham_muu: 2, thuc_hien: 2, phoi_hop: 2, thoi_gian: 1.5, ket_qua: 2 };
    const other = [...new Set(tasks.flatMap((t) => (t.khac ?? []).map((k) => k.nhan)))];
    type Col = { ten: string; rong: number; cell: (t: NhiemVu) => string };
    const cols: Col[] = tableOrder.flatMap((k): Col[] => (k === 'khac'
      ? other.map((n) => ({ ten: n, rong: 2, cell: (t: NhiemVu) => (t.khac ?? []).filter((x) => x.nhan === n).map((x) => x.noi_dung).join('; ') }))
      : tasks.some((t) => taskValue(t, k)) ? [{ ten: ts.nhan?.[k] ?? h[k] ?? mau.nhiem_vu[k], rong: widths[k], cell: (t: NhiemVu) => taskValue(t, k) ?? '' }] : []));
    return {
      loai: 'bang', tieu_de: '',
      cot: [{ ten: h.tt, rong: 0.6 }, ...cols.map(({ ten, rong }) => ({ ten, rong }))],
      dong: tasks.map((t, i) => [String(i + 1), ...cols.map((c) => c.cell(t))]),
    };
  }

  /**
   * A phase's line (`dot`): "Đợt 1: Từ … đến …" or "Đợt 1: <phrase>", numbered when `label` is given; kept with what
   * it carries (bullets; tasks and sub-items when the line is a short lead-in, as a paragraph's). Set on one line
   * (`dot.mot_dong`, else `trinh_bay.dot.mot_dong`): the line holds the number, the name and the time, and is kept
   * with what follows it (its own text, then what it carries). A time given by tu and den takes the office's words
   * when the plan gives them (`trinh_bay.dot.thoi_gian`, "{tu}", "{tu_ngan}", "{den}"), else "Từ {tu} đến {den}".
   */
  function phase(obj: MucObject, label: string, kieu: string): Block {
    const d = obj.dot!;
    const ps = ctx.phaseStyle;
    const motDong = d.mot_dong ?? ps?.mot_dong ?? false;
    const thoiGian = d.thoi_gian ?? (ps?.thoi_gian && d.tu && d.den ? phaseTime(ps.thoi_gian, d.tu, d.den) : '');
    const loiDan = d.loi_dan ?? mau.loi_dan_dot;
    const follows = !!(obj.gach_dau_dong || obj.nhiem_vu || obj.noi_dung);
    return {
      // "." between the time and the text that follows (none when the phrase ends with its own mark)
      loai: 'dot', so: label, kieu,
      dan: motDong ? follows || !!(d.chu_de || d.noi_dung) : !!obj.gach_dau_dong || (!!(obj.nhiem_vu || obj.noi_dung) && isShortLeadIn(`${label} ${d.ten} ${d.thoi_gian ?? ''} ${d.chu_de ?? ''} ${d.noi_dung ?? ''}`)),
      cham: /[.:;!?]$/.test(thoiGian) ? '' : '.', cuoi: '', ten: d.ten,
      tu: d.tu ? shortDate(d.tu) : '', den: d.den ? shortDate(d.den) : '', thoi_gian: thoiGian,
      // on one line, the lead-in opens a paragraph of its own: its first letter in capitals
      loi_dan: motDong && d.chu_de ? capitalise(loiDan) : loiDan,
      chu_de: d.chu_de ?? '', noi_dung: d.noi_dung ?? '', ngoac_mo: ctx.quotes[0], ngoac_dong: ctx.quotes[1], mot_dong: motDong,
      dan_doan: motDong && follows && isShortLeadIn(`${d.chu_de ?? ''} ${d.noi_dung ?? ''}`),
    };
  }

  /**
   * A heading, numbered paragraph or run-in heading (tieu_de + doan) with what it carries: task lines, bullets,
   * children (walked one level down). A paragraph with any of them introduces them: kept with the next (as headings).
   */
  function textItem(obj: MucObject, depth: number, num: { label: string; core: string }, kieu: string, here: Path, out: Block[]) {
    const runIn = obj.tieu_de !== undefined && obj.doan !== undefined;
    let text = obj.doan ?? obj.tieu_de!;
    if (obj.liet_ke) text += ' ' + enumeration(obj, here);
    const dan = !!(obj.noi_dung || obj.gach_dau_dong || obj.nhiem_vu) && isShortLeadIn(`${num.label} ${obj.tieu_de ?? ''} ${text}`);
    const cap = depth + 1;
    if (runIn) out.push({ loai: 'tieu_de_lien', cap, so: num.label, nhan: obj.tieu_de!, text, kieu, dan });
    else if (obj.tieu_de !== undefined) out.push({ loai: 'tieu_de', cap, so: num.label, text, kieu: obj.kieu_tieu_de ? kieu : '' });
    else out.push({ loai: 'doan', cap, so: num.label, text, dan });
    carried(obj, depth, num.core, here, out, true);
  }

  /** The enumeration of an item (`liet_ke`), "(1)- …; (2)- …" in the item's pattern (default "(1)-"). */
  function enumeration(obj: MucObject, here: Path): string {
    const lp = checkPattern(ctx, obj.kieu_liet_ke ?? '(1)-', [...here, 'kieu_liet_ke']);
    return obj.liet_ke!.map((t, j) => `${formatNumber(lp, j + 1).label} ${t}`).join(' ');
  }

  /**
   * What an item carries after its own block (a heading, paragraph, phase, table or bullets), in the same order for
   * every kind: its task lines, its bullets (unless they are the item itself), its sub-items one level down, numbered
   * under the item's number `core`; the task lines last instead when the item (`vi_tri_nhiem_vu`) or the plan
   * (`trinh_bay.nhiem_vu.vi_tri`) says `cuoi` (issue 20 item 1: many offices put "- Đơn vị chủ trì: …" after the content). A phase or a table carries them as a paragraph does (issue 20: they were dropped).
   */
  function carried(obj: MucObject, depth: number, core: string, here: Path, out: Block[], withBullets: boolean) {
    // where the office puts the task lines: under the item's own block (dau, the default) or after its content (cuoi)
    const last = (obj.vi_tri_nhiem_vu ?? ts.vi_tri) === 'cuoi';
    if (obj.nhiem_vu && !last) out.push({ loai: 'nhiem_vu', dong: taskLines(obj.nhiem_vu) });
    if (withBullets && obj.gach_dau_dong) bullets(obj.gach_dau_dong, 0, out, obj.ky_hieu);
    if (obj.noi_dung) {
      const childPattern = obj.danh_so_con ? checkPattern(ctx, obj.danh_so_con, [...here, 'danh_so_con']) : levelPattern(depth + 1);
      walk(obj.noi_dung, depth + 1, childPattern, core, [...here, 'noi_dung'], out);
    }
    if (obj.nhiem_vu && last) out.push({ loai: 'nhiem_vu', dong: taskLines(obj.nhiem_vu) });
  }

  /** The one kind of content of an item (tieu_de + doan counts as one; bullets go with any kind), or an issue. */
  function kindOf(item: MucObject, here: Path): (typeof ITEM_KINDS)[number] | null {
    const kinds = ITEM_KINDS.filter((k) => k in item);
    const primary = kinds.filter((k) => k !== 'gach_dau_dong' || kinds.length === 1).filter((k) => k !== 'doan' || !('tieu_de' in item));
    if (primary.length === 0) issues.push({ path: here, rule: 'plan/item-kind', message: msg('plan/item-kind', lang) });
    else if (primary.length > 1) issues.push({ path: here, rule: 'plan/item-many-kinds', message: msg('plan/item-many-kinds', lang, { keys: primary.join(', ') }) });
    return primary.length === 1 ? primary[0] : null;
  }

  /** Flattens a list of items at outline depth `depth` (0 = top level). */
  function walk(items: Muc[], depth: number, pattern: NumberPattern, parentCore: string, path: Path, out: Block[]) {
    const counter = new Counter(pattern, parentCore);
    const headingRole = (obj: MucObject) => (obj.kieu_tieu_de ? LABEL_ROLE[obj.kieu_tieu_de] : `tieu_de_${Math.min(depth + 1, 4)}`);
    /** The item's number: automatic, hand-given (kept as issued, the count goes on from it) or none. */
    const number = (obj: MucObject, text: string, auto: boolean): { label: string; core: string } => {
      if (obj.so === false || (!auto && obj.so === undefined)) { counter.skip(text); return { label: '', core: parentCore }; }
      if (typeof obj.so === 'string') return counter.hand(obj.so);
      return counter.auto();
    };
    items.forEach((item, i) => {
      const here = [...path, i];
      if (typeof item === 'string') {
        // A plain paragraph ending with ":" introduces what follows: kept on its page with it.
        out.push({ loai: 'van', text: item, dan: /:\s*$/.test(item) && i < items.length - 1 && isShortLeadIn(item) });
        return;
      }
      const obj = item as MucObject;
      const kind = kindOf(obj, here);
      if (kind === 'tieu_de' || kind === 'doan') { textItem(obj, depth, number(obj, obj.tieu_de ?? obj.doan!, true), headingRole(obj), here, out); return; }
      if (kind === 'gach_dau_dong') bullets(obj.gach_dau_dong!, 0, out, obj.ky_hieu);
      else if (kind === 'dot') {
        const d = obj.dot!;
        if (!d.thoi_gian && !(d.tu && d.den)) { issues.push({ path: [...here, 'dot'], rule: 'plan/phase-time', message: msg('plan/phase-time', lang) }); return; }
        // A phase is numbered only when asked (so: true or a label); its enumeration ends its paragraph.
        const num = obj.so === undefined ? { label: '', core: parentCore } : number(obj, d.ten, false);
        const p = phase(obj, num.label, headingRole(obj)) as Extract<Block, { loai: 'dot' }>;
        if (obj.liet_ke) p.noi_dung = [p.noi_dung, enumeration(obj, here)].filter(Boolean).join(' ');
        out.push(p);
        // Its tasks, bullets (they used to replace the phase) and sub-items print after it, as a paragraph's do.
        carried(obj, depth, num.core, here, out, true);
        return;
      } else if (kind === 'bang') out.push(table(obj.bang!, [...here, 'bang']));
      else if (kind === 'bang_nhiem_vu') out.push(taskTable(obj.bang_nhiem_vu!));
      if (!kind) return;
      // A table or a list of bullets has no paragraph of its own: its enumeration prints as one after it.
      if (obj.liet_ke) out.push({ loai: 'van', text: enumeration(obj, here), dan: false });
      // Bullets given with a table print after it (they used to replace it).
      carried(obj, depth, parentCore, here, out, kind === 'bang' || kind === 'bang_nhiem_vu');
    });
  }

  return (items, path, out) => walk(items, 0, levelPattern(0), '', path, out);
}

/**
 * Appends the end mark ("./.", family default in layout.yaml; NĐ 30/2020 PL III) to the last paragraph of the
 * content: the closing paragraphs when there are any, else the body's last text block.
 */
export function addEndMark(than: Block[], ketThuc: string[], mark: string): void {
  const withMark = (t: string) => (!mark || t.endsWith(mark) ? t : mark.startsWith('.') && t.endsWith('.') ? t.slice(0, -1) + mark : t + mark);
  if (ketThuc.length) { ketThuc[ketThuc.length - 1] = withMark(ketThuc[ketThuc.length - 1]); return; }
  const last = [...than].reverse().find((b) => 'text' in b || b.loai === 'dot' || b.loai === 'nhiem_vu');
  if (last && 'text' in last) last.text = withMark(last.text);
  else if (last && last.loai === 'dot') {
    // the mark ends the phase's text; with none, it ends the line (replacing the "." after a chủ đề)
    if (last.noi_dung) last.noi_dung = withMark(last.noi_dung);
    else last.cuoi = last.chu_de ? withMark('.') : withMark(last.thoi_gian).slice(last.thoi_gian.length);
  }
  else if (last && last.loai === 'nhiem_vu') { const l = last.dong[last.dong.length - 1]; l.text = withMark(l.text); }
}
