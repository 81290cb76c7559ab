/**
 * The recogniser's view of a document: one Line per non-empty paragraph piece, with its text, its inline markup
 * (`*…*`, `**…**`), its overall weight and its place (table cell), and the paragraph number it came from.
 */
import { paragraphs, type DocModel, type Para, type Run } from '../docx-read/model.js';

export interface Line {
  /** Paragraph number (1-based, reading order; table cells included). */
  para: number;
  p: Para;
  /** Plain text, NFC, trimmed; Word's list label in front. */
  text: string;
  bold: boolean;
  italic: boolean;
  center: boolean;
  cell?: Para['cell'];
  /** Piece of a paragraph split by tabs (header lines typed with tabs): 0 = left, 1 = right. */
  side?: number;
  /** Runs of this piece (the label is not a run). */
  runs: Run[];
  /** Set on the text of a footnote, placed right after the paragraph that refers to it. */
  footnote?: boolean;
}

const nfc = (s: string) => s.normalize('NFC');
const visible = (r: Run) => /\S/.test(r.text);

/**
 * Splits runs at a character offset range [from, to) of their joined text. A footnote reference (an empty run with
 * `note`) is kept when it stands inside the range or at its end.
 */
export function sliceRuns(runs: Run[], from: number, to = Infinity): Run[] {
  const out: Run[] = [];
  let pos = 0;
  for (const r of runs) {
    if (r.note && !r.text) { if (pos >= from && pos <= to) out.push(r); continue; }
    const a = Math.max(from - pos, 0);
    const b = Math.min(to - pos, r.text.length);
    if (b > a) out.push({ text: r.text.slice(a, b), format: r.format });
    pos += r.text.length;
  }
  return out;
}

/**
 * A gap a draft leaves blank inside one line, not a gap between two columns: the day and month of a date line
 * ("ngày      tháng 01 năm 2026", NĐ 30/2020 PL I mục II.4, src/form/dates.ts) or the number of a Số line
 * ("Số:      /KH-UBND").
 * @param before the line's text before the gap; @param after the text after it
 */
function draftBlank(before: string, after: string): boolean {
  return (/(?:^|\s)(?:ngày|tháng)[\s.…_]*$/iu.test(before) && /^[.…_]*\d{0,2}[\s.…_]*(?:tháng|năm)\s/iu.test(after))
    || (/(?:^|\s)Số\s*:?$/u.test(before) && /^\//.test(after));
}

/** Builds the lines of a document: empty paragraphs are dropped, tab-separated header pieces split. */
export function linesOf(doc: DocModel): Line[] {
  const out: Line[] = [];
  for (const p of paragraphs(doc)) {
    const runs = p.runs.map((r) => ({ text: nfc(r.text).replace(/\u00a0/g, ' '), format: r.format, ...(r.note ? { note: r.note } : {}) }));
    const joined = runs.map((r) => r.text).join('');
    if (!joined.trim() && !p.label) continue;
    // Pieces separated by tabs or wide runs of spaces (header and signature lines typed without a table).
    const pieces: [number, number][] = [];
    const re = /\t+| {6,}/g;
    let last = 0;
    for (const m of joined.matchAll(re)) {
      if (draftBlank(joined.slice(0, m.index), joined.slice(m.index! + m[0].length))) continue;
      if (joined.slice(last, m.index).trim()) pieces.push([last, m.index!]);
      last = m.index! + m[0].length;
    }
    if (joined.slice(last).trim() || !pieces.length) pieces.push([last, joined.length]);
    const split = pieces.length > 1 && !p.cell && (p.align !== 'both');
    const ranges: [number, number][] = split ? pieces : [[0, joined.length]];
    ranges.forEach(([a, b], i) => {
      const rr = sliceRuns(runs, a, b);
      const vis = rr.filter(visible);
      let text = rr.map((r) => r.text).join('').replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
      if (i === 0 && p.label) text = `${p.label} ${text}`.trim();
      out.push({
        para: p.index, p, text, runs: rr,
        bold: vis.length > 0 && vis.every((r) => r.format.bold),
        italic: vis.length > 0 && vis.every((r) => r.format.italic),
        center: p.align === 'center',
        ...(p.cell ? { cell: p.cell } : {}),
        ...(split ? { side: i === 0 ? 0 : 1 } : {}),
      });
    });
    // A footnote whose place the reader did not give (no reference run) follows its paragraph as a line.
    const placed = runs.filter((r) => r.note).length;
    for (const fn of p.footnotes.slice(placed)) {
      const text = nfc(fn).replace(/\s+/g, ' ').trim();
      if (text) out.push({ para: p.index, p, text, runs: [{ text, format: { fonts: {}, bold: false, italic: false, underline: false } }], bold: false, italic: false, center: false, footnote: true });
    }
  }
  return out;
}

/** The footnote key an imported plan gives the n-th footnote of the source: `[^n]`, its text in `chu_thich.n`. */
export const noteKey = (n: number): string => String(n);

/**
 * Inline markup of runs: `**bold**`, `*italic*` where a run departs from the paragraph's base (a heading's own
 * bold, a căn cứ's own italic are not marked). Literal `*` is escaped as `\*`. Spacing is normalised. A footnote
 * reference becomes `[^n]` (src/form/inline.ts), outside any emphasis. Emphasis on punctuation alone is not kept.
 */
export function markup(runs: Run[], base: { bold?: boolean; italic?: boolean } = {}): string {
  const segs: { text: string; b: boolean; i: boolean }[] = [];
  for (const r of runs) {
    if (r.note && !r.text) { segs.push({ text: `[^${noteKey(r.note.n)}]`, b: false, i: false }); continue; }
    const text = nfc(r.text).replace(/\u00a0/g, ' ').replace(/\*/g, '\\*');
    // A run of punctuation alone is not marked: "*.*" around a lone italic full stop would not be emphasis in
    // kehoach's markup (src/form/inline.ts) and would print its stars.
    const punct = !/[\p{L}\p{N}]/u.test(text.replace(/\\\*/g, '')) && /\S/.test(text);
    const b = r.format.bold && !base.bold && !punct;
    const i = r.format.italic && !base.italic && !punct;
    const prev = segs[segs.length - 1];
    if (prev && (!/\S/.test(text) || (prev.b === b && prev.i === i))) prev.text += text;
    else if (prev && !/\S/.test(prev.text)) { prev.text += text; prev.b = b; prev.i = i; }
    else segs.push({ text, b, i });
  }
  let out = '';
  for (const s of segs) {
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(s.text)!;
    const mark = s.b && s.i ? '***' : s.b ? '**' : s.i ? '*' : '';
    out += m[2] ? `${m[1]}${mark}${m[2]}${mark}${m[3]}` : s.text;
  }
  return out.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
}
