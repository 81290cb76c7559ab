/**
 * The body (ô 6): numbered headings and paragraphs into the plan's tree (noi_dung), with the document's own
 * numbering kept as `danh_so` / `danh_so_con` / `so` where it differs from what the family would produce;
 * bullets into `gach_dau_dong` (nested "+"), task lines into `nhiem_vu`, tables into `bang`.
 * Marker forms: I. I/ I- A. 1. 1- 1/ 1) 1.1. (1) (1)- a) a. - + • –.
 */
import type { Muc, Y, NhiemVu, KieuTieuDe } from '../types/plan.js';
import type { LayoutProfile } from '../profile.js';
import type { Table, Run } from '../docx-read/model.js';
import { parsePattern, formatNumber, markerOf, letterReading, tokenOf, counterValue, coreOfLabel, type Marker } from '../form/numbering.js';

export { markerOf, type Marker } from '../form/numbering.js';
import { markup, sliceRuns, type Line } from './lines.js';
import { readDate } from '../form/dates.js';
import type { Notes, Path } from './notes.js';

/**
 * The runs of a numbered line split at its marker: `marker` the typed marker's runs (none when Word drew the label),
 * `rest` the runs after it (the label Word drew is not a run; a typed marker is cut from the runs).
 */
function splitAtMarker(l: Line, mk: Marker | null): { marker: Run[]; rest: Run[] } {
  if (!mk) return { marker: [], rest: l.runs };
  if (l.p.label && l.text.startsWith(l.p.label)) {
    const after = l.text.slice(l.p.label.length).trimStart();
    const extra = markerOf(after);
    if (!extra || extra.style !== mk.style || after.length === 0) return { marker: [], rest: l.runs };
  }
  const raw = l.runs.map((r) => r.text).join('');
  const lead = raw.length - raw.trimStart().length;
  const again = markerOf(raw.trimStart().replace(/[ \t]+/g, ' '));
  // Marker length in the raw text: re-match on the raw text so spacing differences do not shift the cut.
  const rawMk = markerOf(raw.trimStart());
  const cut = lead + (rawMk?.len ?? again?.len ?? mk.len);
  return { marker: sliceRuns(l.runs, 0, cut), rest: sliceRuns(l.runs, cut) };
}

/** The runs after a marker, as inline markup (src/import/lines.ts markup) over the paragraph's `base` weight. */
function restMarkup(l: Line, mk: Marker | null, base: { bold?: boolean; italic?: boolean }): string {
  return markup(splitAtMarker(l, mk).rest, base);
}

/** A run's weight named as the plan names a label's style (`kieu_tieu_de`). */
const weightOf = (f: { bold: boolean; italic: boolean }): KieuTieuDe => (f.bold && f.italic ? 'dam_nghieng' : f.bold ? 'dam' : f.italic ? 'nghieng' : 'thuong');
const hasText = (r: Run) => /\S/.test(r.text);

/**
 * A run-in heading as render writes it (templates/common/block.hbs `tieu_de_lien`): the number and a label in a
 * heading style (the level's layout role `tieu_de_<n>`, or the item's `kieu_tieu_de`, role `nhan_*`), then the text
 * in the body's weight, one paragraph. The label is the leading runs after the marker that share a bold, bold italic
 * or italic weight, up to where the weight changes (an upright ":" right after it goes with it); the text is the
 * rest, its own inline markup kept. Not a run-in: a line whose typed marker is not in the label's weight (render
 * prints both in one style), a label holding a footnote reference, a text with no letter or digit, an italic label
 * that neither ends with ":" nor is the level's own style (an italic phrase opening a paragraph).
 * @param depth outline depth of the item (0 = top level): the level's role is `tieu_de_<min(depth + 1, 4)>`
 * @returns the item's `tieu_de`, `doan`, and `kieu_tieu_de` when the label's weight is not the level's; or null
 */
function runInOf(l: Line, mk: Marker, depth: number, profile: LayoutProfile): { tieu_de: string; doan: string; kieu_tieu_de?: KieuTieuDe } | null {
  const { marker, rest } = splitAtMarker(l, mk);
  const first = rest.find(hasText);
  if (!first) return null;
  const style = weightOf(first.format);
  if (style === 'thuong') return null;
  if (marker.filter(hasText).some((r) => weightOf(r.format) !== style)) return null;
  // The label: leading runs in that weight (blank runs between them included), up to the first other weight.
  let end = 0;
  for (const r of rest) {
    if (r.note && !r.text) return null;
    if (hasText(r) && weightOf(r.format) !== style) break;
    end += r.text.length;
  }
  const joined = rest.map((r) => r.text).join('');
  end += /^\s*:/.exec(joined.slice(end))?.[0].length ?? 0;
  const base = { bold: first.format.bold, italic: first.format.italic };
  const tieuDe = markup(sliceRuns(rest, 0, end), base);
  const doan = markup(sliceRuns(rest, end));
  if (!tieuDe || !/[\p{L}\p{N}]/u.test(doan)) return null;
  const own = profile.kieu[`tieu_de_${Math.min(depth + 1, 4)}`];
  const levelStyle = weightOf({ bold: !!own?.dam, italic: !!own?.nghieng });
  if (style === 'nghieng' && levelStyle !== 'nghieng' && !tieuDe.endsWith(':')) return null;
  return { tieu_de: tieuDe, doan, ...(style !== levelStyle ? { kieu_tieu_de: style } : {}) };
}

interface Frame { style: string; item: Exclude<Muc, string>; depth: number; count: number; core: string }

const TASK_LABELS = (p: LayoutProfile) => Object.entries(p.mau.nhiem_vu) as [keyof NhiemVu, string][];

/**
 * Builds the body tree from its lines (and tables, by their position).
 * @param lines the body's lines in order
 * @param tables tables met in the body, keyed by the paragraph number of their first cell
 * @param base data path of the list ("noi_dung" or ["phu_luc", i, "noi_dung"])
 * @returns the items and the numbering patterns seen per depth
 */
export function readBody(lines: Line[], tables: Map<number, Table>, profile: LayoutProfile, notes: Notes, base: Path, txt: boolean): { items: Muc[]; styles: string[] } {
  const root: Muc[] = [];
  const stack: Frame[] = [];
  const styles: string[] = [];
  const seenTables = new Set<number>();
  const pathOf = (list: Muc[]): Path => {
    // Path of a list: walk the stack to find it.
    if (list === root) return base;
    for (let i = 0; i < stack.length; i++) if (stack[i].item.noi_dung === list) return [...pathOf(i === 0 ? root : stack[i - 1].item.noi_dung!), indexIn(i === 0 ? root : stack[i - 1].item.noi_dung!, stack[i].item), 'noi_dung'];
    return base;
  };
  const indexIn = (list: Muc[], item: Muc) => list.indexOf(item);
  const container = (): Muc[] => {
    const top = stack[stack.length - 1];
    if (!top) return root;
    return (top.item.noi_dung ??= [] as unknown as Muc[] & [Muc]);
  };
  const lastBullets = (): { list: Y[]; ownerPath: Path } | null => {
    const top = stack[stack.length - 1];
    const list = top ? (top.item.noi_dung ?? []) : root;
    const lastItem = list[list.length - 1];
    if (top && !top.item.noi_dung?.length && top.item.gach_dau_dong) return { list: top.item.gach_dau_dong, ownerPath: [] };
    if (lastItem && typeof lastItem === 'object' && 'gach_dau_dong' in lastItem && !('tieu_de' in lastItem) && !('doan' in lastItem)) return { list: lastItem.gach_dau_dong!, ownerPath: [] };
    return null;
  };

  for (const l of lines) {
    if (l.cell) {
      const t = tables.get(l.para);
      if (t && !seenTables.has(t.index)) {
        seenTables.add(t.index);
        const rows = t.rows.map((r) => r.map((c) => c.paras.map((p) => p.text.normalize('NFC').replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n')));
        const width = Math.max(...rows.map((r) => r.length));
        const pad = (r: string[]) => [...r, ...Array(width - r.length).fill('')];
        const list = container();
        list.push({ bang: { cot: pad(rows[0]).map((c) => c || ' '), dong: rows.slice(1).length ? rows.slice(1).map(pad) : [pad(rows[0]).map(() => '')] } } as unknown as Muc);
        notes.at([...pathOf(list), list.length - 1], l.para);
        for (const r of t.rows) for (const c of r) for (const p of c.paras) notes.role(p.index, 'bang_o');
      }
      continue;
    }
    const mk = l.footnote ? null : reading(markerOf(l.text), stack);
    if (mk && mk.bullet) {
      const text = restMarkup(l, mk, {});
      notes.role(l.para, 'than');
      const top = stack[stack.length - 1];
      const task = TASK_LABELS(profile).find(([, label]) => new RegExp(`^\\**${label}\\**\\s*:\\**\\s*`, 'u').test(text));
      if (task && top && !top.item.noi_dung?.length && !top.item.gach_dau_dong) {
        const value = text.replace(new RegExp(`^\\**${task[1]}\\**\\s*:\\**\\s*`, 'u'), '').replace(/^\*\s*/, '');
        top.item.nhiem_vu ??= {};
        (top.item.nhiem_vu as Record<string, unknown>)[task[0]] = value;
        continue;
      }
      const dest = lastBullets();
      const sub = mk.style === '+' && dest && dest.list.length && mk.style !== profile.gach_dau_dong[0];
      if (sub) {
        const lastY = dest!.list[dest!.list.length - 1];
        const obj = typeof lastY === 'string' ? { doan: lastY, gach_dau_dong: [] as Y[] } : { ...lastY, gach_dau_dong: lastY.gach_dau_dong ?? [] };
        obj.gach_dau_dong.push(text);
        dest!.list[dest!.list.length - 1] = obj as Y;
        continue;
      }
      if (dest) { dest.list.push(text); continue; }
      const own = mk.style !== profile.gach_dau_dong[0] ? { ky_hieu: mk.label } : {};
      if (top && !top.item.noi_dung?.length && !top.item.gach_dau_dong && !top.item.nhiem_vu && !own.ky_hieu) top.item.gach_dau_dong = [text];
      else { const list = container(); list.push({ gach_dau_dong: [text], ...own }); notes.at([...pathOf(list), list.length - 1], l.para); }
      continue;
    }
    if (mk) {
      // Numbered: find the level by style (pandoc's list reading: a known style closes deeper levels).
      const k = stack.findIndex((f) => tokenOf(f.style) === tokenOf(mk.style));
      if (k >= 0) stack.length = k;
      const depth = stack.length;
      const parent = stack[depth - 1];
      const heading = l.bold || (txt && isTxtHeading(l.text.slice(mk.len)));
      // A run-in heading (number and label in a heading style, then the text): tieu_de + doan. Plain text has no weights.
      const runIn = !heading && !txt ? runInOf(l, mk, depth, profile) : null;
      // A numbered phase set on one line ("1. Đợt 1: Từ ngày 01/3 đến ngày 15/3/2026", dot.mot_dong): name and time only.
      const phaseLine = !txt ? oneLinePhase(l.text.slice(mk.len)) : null;
      const item: Exclude<Muc, string> = phaseLine ? ({ dot: phaseLine } as Exclude<Muc, string>) : runIn ?? (heading ? { tieu_de: restMarkup(l, mk, { bold: true, italic: l.italic }) } : { doan: restMarkup(l, mk, {}) });
      if (styles[depth] === undefined) styles[depth] = mk.style;
      const list = container();
      const counter = prevCount.get(list) ?? 0;
      const expectStyle = parent?.item.danh_so_con ?? styles[depth];
      if (tokenOf(mk.style) !== tokenOf(expectStyle) && parent) parent.item.danh_so_con = mk.style;
      const pat = parsePattern(mk.style);
      const expected = pat ? formatNumber(pat, counter + 1, parent?.core ?? '').label : '';
      if (expected !== mk.label) {
        item.so = mk.label;
        notes.comment([...pathOf(list), list.length, 'so'], `số thứ tự giữ như văn bản nguồn (đoạn ${l.para})`);
      }
      else if (phaseLine) item.so = true; // a phase is numbered only when asked
      list.push(item);
      prevCount.set(list, counter + 1);
      notes.at([...pathOf(list), list.length - 1], l.para);
      notes.role(l.para, heading ? `tieu_de_${Math.min(depth + 1, 4)}` : 'than');
      stack.push({ style: mk.style, item, depth, count: counter + 1, core: coreOf(mk.label) });
      continue;
    }
    // A phase line as kehoach writes it (templates/common/block.hbs): "Đợt 1: Từ tháng 01/2025 đến 30/06/2025 …".
    const dot = !l.footnote ? phaseOf(l.text, lastDen.get(container())) : null;
    if (dot) {
      const list = container();
      list.push({ dot } as unknown as Muc);
      lastDen.set(list, dot.den);
      notes.at([...pathOf(list), list.length - 1], l.para);
      notes.role(l.para, 'than');
      continue;
    }
    // Unnumbered paragraph: stays where it stood, as an unnumbered item of the current level. A footnote's text
    // (the plan has no footnotes yet) follows its paragraph, commented and reported.
    const list = container();
    const text = markup(l.runs);
    list.push(text);
    notes.at([...pathOf(list), list.length - 1], l.para);
    if (l.footnote) notes.unplaced([...pathOf(list), list.length - 1], l.para, text);
    else notes.role(l.para, 'than');
  }
  prune(root);
  return { items: root, styles };
}

/**
 * The reading of a marker that goes on a level's count: a "C." after "B." is a letter, not the Roman 100 (form/
 * numbering.ts letterReading); otherwise the marker as markerOf reads it.
 */
function reading(mk: Marker | null, stack: Frame[]): Marker | null {
  const alt = mk && letterReading(mk);
  if (!alt) return mk;
  const continues = (m: Marker) => stack.some((f) => tokenOf(f.style) === tokenOf(m.style) && counterValue(coreOfLabel(m.label), parsePattern(m.style)?.token) === f.count + 1);
  return continues(alt) && !continues(mk!) ? alt : mk;
}

/** Drops empty child lists left by the walk. */
function prune(items: Muc[]): void {
  for (const it of items) if (it && typeof it === 'object' && 'noi_dung' in it) { if (!it.noi_dung?.length) delete it.noi_dung; else prune(it.noi_dung); }
}


const lastDen = new WeakMap<Muc[], string>();
const RE_DATE = '(tháng \\d{1,2}\\/\\d{4}|\\d{1,2}\\/\\d{1,2}\\/\\d{4})';
const RE_DOT = new RegExp(`^(Đợt [^:]{1,20}): Từ ${RE_DATE} đến ${RE_DATE}(?: (.+?) “([^”]+)”\\.)?(?: (.+))?$`, 'u');
/**
 * A phase's date as kehoach prints it (src/normalise/dates.ts shortDate), read by src/form/dates.ts:
 * "tháng 01/2025" → "2025-01", "30/6/2025" → "2025-06-30"; undefined when it names no real month or day.
 */
function isoOf(s: string): string | undefined {
  const month = /^tháng (\d{1,2})\/(\d{4})$/u.exec(s);
  const r = readDate(month ? `${month[2]}-${month[1]}` : s);
  return r.ok && r.precision === (month ? 'month' : 'day') ? r.iso : undefined;
}
/** The phase a line states, when it has kehoach's phase form and its dates follow the previous phase's; else null. */
export function phaseOf(text: string, prevDen?: string): { ten: string; tu: string; den: string; loi_dan?: string; chu_de?: string; noi_dung?: string } | null {
  const m = RE_DOT.exec(text.replace(/\s+/g, ' ').trim());
  if (!m) return null;
  const tu = isoOf(m[2]);
  const den = isoOf(m[3]);
  if (!tu || !den || tu > den || (prevDen && tu <= prevDen)) return null;
  return { ten: m[1], tu, den, ...(m[5] ? { loi_dan: m[4], chu_de: m[5] } : {}), ...(m[6] ? { noi_dung: m[6] } : {}) };
}

/** "Đợt 1", "Giai đoạn cao điểm": a phase's name, then ":" and its time (which names a date: it holds a digit). */
const RE_DOT_LINE = /^((?:Đợt|Giai đoạn)\s[^:]{1,40}):\s+(.*\d.*?)(?:\.\/\.|\.)?$/u;
const RE_FROM_TO = new RegExp(`^Từ ${RE_DATE} đến ${RE_DATE}$`, 'u');
/**
 * A numbered phase set on one line (templates/common/block.hbs, `mot_dong`): after the number, the phase's name and
 * its time and nothing else (no sentence follows: a phase with its text in the same paragraph is read as a
 * paragraph). The time as kehoach's default words ("Từ 01/3/2026 đến 15/3/2026") gives tu and den; any other words
 * (an office's "từ ngày 01/3 đến ngày 15/3/2026", "Trong tháng 12/2025") are kept as thoi_gian.
 * @param rest the line's text after its number
 * @returns the `dot` (with mot_dong: true), or null when the line is not one
 */
export function oneLinePhase(rest: string): { ten: string; tu?: string; den?: string; thoi_gian?: string; mot_dong: true } | null {
  const m = RE_DOT_LINE.exec(rest.replace(/\s+/g, ' ').trim());
  if (!m || /[.;!?]\s/.test(m[2])) return null;
  const ft = RE_FROM_TO.exec(m[2]);
  const tu = ft ? isoOf(ft[1]) : undefined;
  const den = ft ? isoOf(ft[2]) : undefined;
  return tu && den && tu <= den ? { ten: m[1], tu, den, mot_dong: true } : { ten: m[1], thoi_gian: m[2], mot_dong: true };
}

const prevCount = new WeakMap<Muc[], number>();
const coreOf = (label: string) => /[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*/u.exec(label)?.[0] ?? '';

/** In a plain-text source (no weights): a heading is upper case, or short without final punctuation. */
function isTxtHeading(rest: string): boolean {
  const t = rest.trim().replace(/\*+/g, '');
  if (!t) return false;
  if (t === t.toLocaleUpperCase('vi') && /\p{L}/u.test(t)) return true;
  return t.length <= 110 && !/[.;,]$/.test(t);
}
