/**
 * The body (ô 6): numbered headings and paragraphs into the plan's tree (noi_dung), with the document's own
 * numbering kept as `danh_so` / `danh_so_con` / `so` where it differs from what the family would produce;
 * bullets into `gach_dau_dong` (nested "+"), task lines into `nhiem_vu`, tables into `bang`.
 * Marker forms: I. I/ I- A. 1. 1- 1/ 1) 1.1. (1) (1)- a) a. - + • –.
 */
import type { Muc, Y, NhiemVu, KieuTieuDe } from '../types/plan.js';
import { TASK_FIELDS, taskOrder, type TaskField, type TaskLineKey, type TaskStyle } from '../normalise/body.js';
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

/** A task line as render writes it (templates/common/block.hbs "- *Nhãn:* nội dung"), read from a bullet's markup. */
interface TaskLineRead {
  /** The field the label names, or `khac` (a label of no field). */
  key: TaskLineKey;
  label: string;
  /** The label is not the family's (layout.yaml `mau.nhiem_vu`): kept as the task's own `nhan` (a `khac` line's label always). */
  own: boolean;
  /** The label is emphasised (italic, the default; upright with trinh_bay.nhiem_vu.nghieng: false). */
  marked: boolean;
  value: string;
}

const lower = (s: string) => s.toLocaleLowerCase('vi');

/**
 * Reads a bullet's text as a task line "Nhãn: nội dung": the label is the family's (layout.yaml `mau.nhiem_vu`), or
 * an office's own wording of a field, a label of at most four words that starts or ends with the field's short name
 * (the family's task-table column, `mau.bang_nhiem_vu`: "Đơn vị chủ trì", "Thời gian hoàn thành"; the name met first
 * wins: "Thời gian thực hiện" is thoi_gian; the bare name, "Thời gian: …", is not: event bullets "Thời gian: …;
 * Địa điểm: …" are bullets), or any other short label (at most five words, no sentence mark), a
 * `khac` line, which the caller takes only inside a run of task lines. Nội dung is read by the family's label only
 * ("- Nội dung tuyên truyền: …" is a bullet).
 * @returns the line, or null when the text has no label shape
 */
function taskLineOf(text: string, profile: LayoutProfile): TaskLineRead | null {
  const m = /^(\**)([^*:\n]{1,60}?)\s*(\**)\s*:(\**)\s*/u.exec(text);
  if (!m || !/\p{L}/u.test(m[2]) || /[.;,!?()]/u.test(m[2])) return null;
  const label = m[2].trim();
  const value = text.slice(m[0].length).trim();
  if (!value) return null;
  const marked = m[1].length > 0 && (m[3].length > 0 || m[4].length > 0);
  const base = { label, marked, value };
  const family = (Object.entries(profile.mau.nhiem_vu) as [TaskField, string][]).find(([, l]) => lower(l) === lower(label));
  if (family) return { ...base, key: family[0], own: false };
  const words = label.split(/\s+/u).length;
  if (words > 5) return null;
  const h = profile.mau.bang_nhiem_vu as Partial<Record<TaskField, string>>;
  let best: { key: TaskField; at: number } | null = null;
  if (words <= 4) {
    for (const k of TASK_FIELDS) {
      const name = k === 'noi_dung' ? undefined : lower(h[k] ?? profile.mau.nhiem_vu[k]);
      const at = name ? lower(label).indexOf(name) : -1;
      // the bare column name ("Thời gian: …", "Thực hiện: …") heads many plain bullets: not a task line by itself
      if (at < 0 || (at > 0 && at + name!.length !== label.length) || name!.length === label.length) continue;
      if (!best || at < best.at) best = { key: k, at };
    }
  }
  return best ? { ...base, key: best.key, own: true } : { ...base, key: 'khac', own: true };
}

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

  /** A bullet placed where it belongs: under the previous bullet ("+"), after the bullets above, or a new list. */
  const placeBullet = (text: string, mk: Marker, para: number): void => {
    const top = stack[stack.length - 1];
    const dest = lastBullets();
    const sub = mk.style === '+' && dest && dest.list.length && mk.style !== profile.gach_dau_dong[0];
    if (sub) {
      const lastY = dest!.list[dest!.list.length - 1];
      const obj = typeof lastY === 'string' ? { doan: lastY, gach_dau_dong: [] as Y[] } : { ...lastY, gach_dau_dong: lastY.gach_dau_dong ?? [] };
      obj.gach_dau_dong.push(text);
      dest!.list[dest!.list.length - 1] = obj as Y;
      return;
    }
    if (dest) { dest.list.push(text); return; }
    const own = mk.style !== profile.gach_dau_dong[0] ? { ky_hieu: mk.label } : {};
    if (top && !top.item.noi_dung?.length && !top.item.gach_dau_dong && !top.item.nhiem_vu && !own.ky_hieu) top.item.gach_dau_dong = [text];
    else { const list = container(); list.push({ gach_dau_dong: [text], ...own }); notes.at([...pathOf(list), list.length - 1], para); }
    return;
  };

  /**
   * The run of task lines being read (an item's `nhiem_vu`, line by line): its item, whether it came after the
   * item's content (`vi_tri_nhiem_vu: cuoi`), the emphasis of its labels, the order of its keys and its lines (to
   * give them back as bullets when the item's content goes on after them).
   */
  let run: { item: Exclude<Muc, string>; cuoi: boolean; marked: boolean; keys: TaskLineKey[]; lines: { text: string; mk: Marker; para: number }[] } | null = null;

  /**
   * Takes a task line into the item's `nhiem_vu`: a run starts on a field's line of an item with no task lines yet,
   * right under it (the default place) or after its content (`vi_tri_nhiem_vu: cuoi`); a run goes on with lines of
   * the same emphasis, a field not given yet or a free label (`khac`; a run opens with free labels only when a
   * field's line follows them, and with a field in an office's own label only when another task line follows it:
   * `opens`; a lone "Thời gian hoàn thành: …" stays a bullet). A label not the family's comes back as the
   * task's own `nhan`; an order not the plan's default as its own `thu_tu`.
   * @returns false when the line is not a task line here (a bullet)
   */
  const takeTask = (item: Exclude<Muc, string>, tl: TaskLineRead, line: { text: string; mk: Marker; para: number }, opens: () => boolean): boolean => {
    const nv0 = item.nhiem_vu as Record<string, unknown> | undefined;
    if (run && run.item === item) {
      if (tl.marked !== run.marked || (tl.key !== 'khac' && nv0 && tl.key in nv0) || (tl.key === 'khac' && run.keys.at(-1) !== 'khac' && run.keys.includes('khac'))) return false;
    } else {
      if (item.nhiem_vu || ((tl.key === 'khac' || tl.own) && !opens())) return false;
      run = { item, cuoi: !!(item.noi_dung?.length || item.gach_dau_dong), marked: tl.marked, keys: [], lines: [] };
      if (run.cuoi) item.vi_tri_nhiem_vu = 'cuoi';
    }
    const nv = (item.nhiem_vu ??= {}) as NhiemVu & Record<string, unknown>;
    if (tl.key === 'khac') (nv.khac ??= [] as unknown as NonNullable<NhiemVu['khac']>).push({ nhan: tl.label, noi_dung: tl.value });
    else {
      nv[tl.key] = tl.value;
      if (tl.own) (nv.nhan ??= {})[tl.key] = tl.label;
    }
    if (!run.keys.includes(tl.key)) run.keys.push(tl.key);
    run.lines.push(line);
    taskReading.set(item, { keys: run.keys, marked: run.marked });
    // the order read, kept when it is not the default (fields first, then khac)
    const def = taskOrder({}).filter((k) => run!.keys.includes(k));
    if (def.some((k, i) => k !== run!.keys[i])) nv.thu_tu = [...run.keys] as NonNullable<NhiemVu['thu_tu']>;
    else delete nv.thu_tu;
    // keys in the plan's order: the fields, then nhan, thu_tu
    for (const k of ['nhan', 'thu_tu']) if (k in nv) { const v = nv[k]; delete nv[k]; nv[k] = v; }
    return true;
  };

  // leadsToField's answers by line and emphasis: every line of a run of free-label lines leads to the same answer, so
  // a document of thousands of "Nhãn: …" bullets is read in linear time (the fuzzer found a run of 1,000 taking 12 s).
  const leads = new Map<string, boolean>();
  /**
   * Whether the bullets after line `idx` go on as label lines of the same emphasis up to a field's line (so that a
   * run of task lines may open with free labels, `thu_tu: [khac, …]`).
   */
  const leadsToField = (idx: number, marked: boolean): boolean => {
    const seen: number[] = [];
    let answer = false;
    for (let j = idx + 1; ; j++) {
      const known = leads.get(`${j - 1}:${marked}`);
      if (known !== undefined) { answer = known; break; }
      seen.push(j - 1);
      const l = lines[j];
      const mk = !l || l.cell || l.footnote ? null : markerOf(l.text);
      if (!mk?.bullet) break;
      const tl = taskLineOf(restMarkup(l, mk, {}), profile);
      if (!tl || tl.marked !== marked) break;
      if (tl.key !== 'khac') { answer = true; break; }
    }
    for (const i of seen) leads.set(`${i}:${marked}`, answer);
    return answer;
  };

  /** Whether the line after line `idx` is a task line of the same emphasis (a bullet "Nhãn: …"). */
  const taskLineFollows = (idx: number, marked: boolean): boolean => {
    const l = lines[idx + 1];
    const mk = !l || l.cell || l.footnote ? null : markerOf(l.text);
    return !!mk?.bullet && taskLineOf(restMarkup(l, mk, {}), profile)?.marked === marked;
  };

  /**
   * Ends the run of task lines before a line that is not one: task lines read after the item's content that the
   * item's content now goes on after were not its last lines: they go back to being bullets, in their place.
   */
  const settleRun = (): void => {
    const r = run;
    run = null;
    if (!r || !r.cuoi || stack[stack.length - 1]?.item !== r.item) return;
    taskReading.delete(r.item);
    delete r.item.nhiem_vu;
    delete r.item.vi_tri_nhiem_vu;
    for (const x of r.lines) placeBullet(x.text, x.mk, x.para);
  };

  for (const [idx, l] of lines.entries()) {
    if (l.cell) {
      const t = tables.get(l.para);
      if (t && !seenTables.has(t.index)) {
        seenTables.add(t.index);
        settleRun();
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
      const tl = top ? taskLineOf(text, profile) : null;
      if (tl && takeTask(top!.item, tl, { text, mk, para: l.para }, () => (tl.key === 'khac' ? leadsToField(idx, tl.marked) : taskLineFollows(idx, tl.marked)))) continue;
      settleRun();
      placeBullet(text, mk, l.para);
      continue;
    }
    if (mk) {
      // Numbered: find the level by style (pandoc's list reading: a known style closes deeper levels).
      const k = stack.findIndex((f) => tokenOf(f.style) === tokenOf(mk.style));
      if (k >= 0) stack.length = k;
      settleRun();
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
      MARKERS.set(item, mk);
      prevCount.set(list, counter + 1);
      notes.at([...pathOf(list), list.length - 1], l.para);
      notes.role(l.para, heading ? `tieu_de_${Math.min(depth + 1, 4)}` : 'than');
      stack.push({ style: mk.style, item, depth, count: counter + 1, core: coreOf(mk.label) });
      continue;
    }
    settleRun();
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
    // The paragraph right under a phase set on one line is the phase's own text (templates/common/block.hbs prints
    // dot.noi_dung there; phasesWord splits a lead-in and theme off it).
    const phaseTop = stack[stack.length - 1]?.item;
    const oneLine = phaseTop?.dot as { mot_dong?: boolean; noi_dung?: string; chu_de?: string } | undefined;
    if (oneLine?.mot_dong && oneLine.noi_dung === undefined && oneLine.chu_de === undefined && !phaseTop!.noi_dung?.length && !phaseTop!.gach_dau_dong && !phaseTop!.nhiem_vu && !l.footnote) {
      // in the schema's order: ten, tu, den, noi_dung, thoi_gian, mot_dong
      const { thoi_gian, mot_dong, ...rest } = phaseTop!.dot as unknown as Record<string, unknown>;
      phaseTop!.dot = { ...rest, noi_dung: markup(l.runs), ...(thoi_gian !== undefined ? { thoi_gian } : {}), mot_dong } as typeof phaseTop.dot;
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

/** What the reader saw of each item's task lines: the order of their keys, whether their labels were emphasised. */
const taskReading = new WeakMap<Exclude<Muc, string>, { keys: TaskLineKey[]; marked: boolean }>();

/**
 * The office's way with task lines, lifted from the tasks `readBody` read into one `trinh_bay.nhiem_vu` (so that an
 * imported plan reads as one written by hand): a field's own label that most of the tasks giving it share (two at
 * least, more than print the family's), the others keeping theirs (the family's written out); the read order that
 * most tasks agree with (two at least, more than agree with the default), the others keeping their own `thu_tu`;
 * upright labels everywhere (`nghieng: false`); task lines after the content of most items that have content (two
 * at least), the others saying `vi_tri_nhiem_vu: dau`. What prints stays the same (src/normalise/body.ts
 * taskLineTexts reads the lifted style back the same way).
 * @param items the body as readBody returned it (changed in place: the lifted keys leave the tasks)
 * @param labels the family's labels (layout.yaml `mau.nhiem_vu`)
 * @returns the plan's `trinh_bay.nhiem_vu`, or undefined when there is nothing to lift
 */
export function liftTaskStyle(items: Muc[], labels: Record<TaskField, string>): TaskStyle | undefined {
  type It = Exclude<Muc, string>;
  const tasks: { item: It; nv: NhiemVu; keys: TaskLineKey[]; marked: boolean }[] = [];
  const walk = (list: Muc[]) => list.forEach((it) => {
    if (typeof it === 'string') return;
    const r = taskReading.get(it);
    if (it.nhiem_vu && r) tasks.push({ item: it, nv: it.nhiem_vu, ...r });
    if (it.noi_dung) walk(it.noi_dung);
  });
  walk(items);
  if (tasks.length < 2) return undefined;
  const ts: TaskStyle = {};
  // labels, field by field
  for (const k of TASK_FIELDS) {
    const withK = tasks.filter((t) => t.nv[k] !== undefined);
    const count = new Map<string | undefined, number>();
    for (const t of withK) count.set(t.nv.nhan?.[k], (count.get(t.nv.nhan?.[k]) ?? 0) + 1);
    const [best, n] = [...count].filter(([l]) => l !== undefined).sort((a, b) => b[1] - a[1])[0] ?? [undefined, 0];
    if (best === undefined || n < 2 || n <= (count.get(undefined) ?? 0)) continue;
    (ts.nhan ??= {})[k] = best;
    for (const t of withK) {
      const nhan = (t.nv.nhan ??= {});
      if (nhan[k] === best) delete nhan[k];
      else nhan[k] ??= labels[k];
      if (!Object.keys(nhan).length) delete t.nv.nhan;
    }
  }
  // the order
  const agree = (plan: TaskStyle, keys: TaskLineKey[]) => { const o = taskOrder(plan).filter((k) => keys.includes(k)); return o.every((k, i) => k === keys[i]); };
  const candidates = tasks.filter((t) => t.nv.thu_tu).map((t) => t.keys);
  const ranked = candidates.map((c) => ({ c, n: tasks.filter((t) => agree({ thu_tu: c as NonNullable<TaskStyle['thu_tu']> }, t.keys)).length })).sort((a, b) => b.n - a.n)[0];
  if (ranked && ranked.n >= 2 && ranked.n > tasks.filter((t) => agree({}, t.keys)).length) {
    ts.thu_tu = [...ranked.c] as NonNullable<TaskStyle['thu_tu']>;
    for (const t of tasks) {
      delete t.nv.thu_tu;
      if (!agree(ts, t.keys)) t.nv.thu_tu = [...t.keys] as NonNullable<NhiemVu['thu_tu']>;
    }
  }
  if (tasks.every((t) => !t.marked)) ts.nghieng = false;
  // the place, among the items with content of their own
  const placed = tasks.filter((t) => t.item.gach_dau_dong || t.item.noi_dung?.length);
  const last = placed.filter((t) => t.item.vi_tri_nhiem_vu === 'cuoi');
  if (last.length >= 2 && last.length > placed.length - last.length) {
    ts.vi_tri = 'cuoi';
    for (const t of placed) {
      if (t.item.vi_tri_nhiem_vu === 'cuoi') delete t.item.vi_tri_nhiem_vu;
      else t.item.vi_tri_nhiem_vu = 'dau';
    }
  }
  // keys in the plan's order: the fields, then nhan, thu_tu
  for (const t of tasks) for (const k of ['nhan', 'thu_tu'] as const) if (k in t.nv) { const v = t.nv[k]; delete t.nv[k]; (t.nv as Record<string, unknown>)[k] = v; }
  return Object.keys(ts).length ? ts : undefined;
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
export function isoOf(s: string): string | undefined {
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
/** The marker each numbered item was read with (src/import/word-numbering.ts numbers a Word document's levels from them). */
export const MARKERS = new WeakMap<object, Marker>();
const coreOf = (label: string) => /[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*/u.exec(label)?.[0] ?? '';

/** In a plain-text source (no weights): a heading is upper case, or short without final punctuation. */
function isTxtHeading(rest: string): boolean {
  const t = rest.trim().replace(/\*+/g, '');
  if (!t) return false;
  if (t === t.toLocaleUpperCase('vi') && /\p{L}/u.test(t)) return true;
  return t.length <= 110 && !/[.;,]$/.test(t);
}
