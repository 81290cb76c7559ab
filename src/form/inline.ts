/**
 * Inline formatting inside any text. Exactly three things are markup (README, "Any text may use …"):
 * - `*italic*` and `**bold**` (and `***both***`): emphasis on `*` only, opened and closed by CommonMark's flanking
 *   rules (CommonMark 0.31 §6.2, delimiter runs, the "rule of 3" included);
 * - `\*`: a literal star (the only escape: every other backslash, and every `_`, is plain text);
 * - `[^key]`: a footnote reference (the note's text is the plan's `chu_thich.key`).
 *
 * A `*` that cannot be emphasis stays a literal star and is never dropped: one between two digits (`2*3*4`), one
 * enclosed in a bracket pair (`(*)`, `[**]`), one with spaces on both sides, one left unmatched. `strayStars` tells
 * which unmatched stars look like emphasis that was not closed (rule van-ban/danh-dau warns on them).
 */

/** A run of text with its emphasis; `footnote` (key) marks a footnote reference (its `text` is empty). */
export interface Span { text: string; bold: boolean; italic: boolean; footnote?: string }

/** A footnote reference `[^key]`: ASCII letters, digits, `_`, `-` (no spaces), so that it cannot be ordinary text. */
export const FOOTNOTE_REF = /\[\^([A-Za-z0-9_-]+)\]/gu;
const FOOTNOTE_AT = new RegExp(FOOTNOTE_REF.source, 'uy');

interface Delim {
  /** Index of the text node holding the stars. */
  node: number;
  /** Stars left in the run. */
  count: number;
  /** Original length of the run (rule of 3). */
  orig: number;
  canOpen: boolean;
  canClose: boolean;
  /** Flanking on some side (a star that looks like emphasis); false for runs literal by rule. */
  looksLikeMark: boolean;
  active: boolean;
}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'stars'; text: string; delim: number }
  | { kind: 'open' | 'close'; strong: boolean }
  | { kind: 'fn'; key: string };

const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
const isPunct = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);
const isDigit = (c: string | undefined) => c !== undefined && /\p{Nd}/u.test(c);
/** A run of characters none of which can start markup (a backslash before "*", "[^…]", "*"). */
const PLAIN = /[^\\[*]+/y;
const PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '“': '”', '‘': '’', '"': '"', "'": "'", '«': '»' };

/** Tokenises: text, star runs (with flanking), footnote references; `\*` becomes a literal star. */
function tokenise(src: string): { nodes: Node[]; delims: Delim[] } {
  const nodes: Node[] = [];
  const delims: Delim[] = [];
  let buf = '';
  const flush = () => { if (buf) { nodes.push({ kind: 'text', text: buf }); buf = ''; } };
  // The character before a position as the flanking rules see it (an escaped star counts as punctuation).
  for (let i = 0; i < src.length;) {
    // Plain text up to the next character that may start markup, in one piece.
    PLAIN.lastIndex = i;
    if (PLAIN.test(src)) { buf += src.slice(i, PLAIN.lastIndex); i = PLAIN.lastIndex; continue; }
    const c = src[i];
    if (c === '\\' && src[i + 1] === '*') { buf += '*'; i += 2; continue; }
    if (c === '[' && src[i + 1] === '^') {
      FOOTNOTE_AT.lastIndex = i;
      const m = FOOTNOTE_AT.exec(src);
      if (m) { flush(); nodes.push({ kind: 'fn', key: m[1] }); i += m[0].length; continue; }
    }
    if (c !== '*') { buf += c; i++; continue; }
    let j = i;
    while (src[j] === '*') j++;
    const before = i > 0 ? src[i - 1] : undefined;
    const after = src[j];
    const left = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
    const right = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
    const literal = (isDigit(before) && isDigit(after)) || (before !== undefined && after !== undefined && PAIRS[before] === after);
    flush();
    const run = src.slice(i, j);
    delims.push({
      node: nodes.length, count: run.length, orig: run.length,
      canOpen: left && !literal, canClose: right && !literal, looksLikeMark: (left || right) && !literal, active: true,
    });
    nodes.push({ kind: 'stars', text: run, delim: delims.length - 1 });
    i = j;
  }
  flush();
  return { nodes, delims };
}

/**
 * Matches openers and closers (CommonMark "process emphasis" restricted to `*`). Matched stars are removed from
 * their runs and recorded as open/close marks around the runs: `opens[d]`/`closes[d]` list the marks, inner first.
 */
function match(delims: Delim[]): { opens: boolean[][]; closes: boolean[][] } {
  const opens: boolean[][] = delims.map(() => []);
  const closes: boolean[][] = delims.map(() => []);
  const openersBottom: Record<string, number> = {};
  for (let c = 0; c < delims.length; c++) {
    const closer = delims[c];
    if (!closer.canClose || closer.count === 0) continue;
    while (closer.count > 0) {
      const key = `${closer.canOpen}${closer.orig % 3}`;
      const bottom = openersBottom[key] ?? -1;
      let o = c - 1;
      for (; o > bottom; o--) {
        const op = delims[o];
        if (!op.active || !op.canOpen || op.count === 0) continue;
        // Rule of 3: when either run can both open and close, the sum of lengths must not be a multiple of 3
        // unless both are.
        if ((op.canClose || closer.canOpen) && (op.orig + closer.orig) % 3 === 0 && !(op.orig % 3 === 0 && closer.orig % 3 === 0)) continue;
        break;
      }
      if (o <= bottom) { openersBottom[key] = c - 1; break; }
      const op = delims[o];
      const strong = op.count >= 2 && closer.count >= 2;
      const n = strong ? 2 : 1;
      op.count -= n;
      closer.count -= n;
      opens[o].push(strong);
      closes[c].push(strong);
      for (let k = o + 1; k < c; k++) delims[k].active = false;
    }
  }
  return { opens, closes };
}

function parse(src: string): { spans: Span[]; stray: number } {
  // Most texts hold no markup at all: one plain span (a backslash or "[" is markup only before "*" or "^").
  if (!src.includes('*') && !src.includes('[^')) return { spans: src ? [{ text: src, bold: false, italic: false }] : [], stray: 0 };
  const { nodes, delims } = tokenise(src);
  const { opens, closes } = match(delims);
  const out: Span[] = [];
  let bold = 0;
  let italic = 0;
  let stray = 0;
  const emit = (text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && !last.footnote && last.bold === bold > 0 && last.italic === italic > 0) last.text += text;
    else out.push({ text, bold: bold > 0, italic: italic > 0 });
  };
  for (const n of nodes) {
    if (n.kind === 'text') emit(n.text);
    else if (n.kind === 'fn') out.push({ text: '', bold: bold > 0, italic: italic > 0, footnote: n.key });
    else if (n.kind === 'stars') {
      const d = delims[n.delim];
      // Closing marks come first (they close what is open before this run), outer ones last.
      for (const strong of closes[n.delim]) if (strong) bold--; else italic--;
      if (d.count > 0) { emit('*'.repeat(d.count)); if (d.looksLikeMark) stray++; }
      // Opening marks: the last one recorded is the outermost (it matched the farthest closer) → apply in reverse.
      for (const strong of [...opens[n.delim]].reverse()) if (strong) bold++; else italic++;
    }
  }
  return { spans: out, stray };
}

/** Splits one line of text into formatted spans (empty text spans dropped; footnote references kept in place). */
export function inlineSpans(src: string): Span[] {
  return parse(src).spans;
}

/**
 * Number of literal stars left over that look like emphasis marks (flanking a word) but found no partner: an
 * unclosed `*italic` or a `**` that closes nothing. Stars literal by rule (`2*3`, `(*)`, ` * `, `\*`) do not count.
 */
export const strayStars = (src: string): number => parse(src).stray;

/** The text without its marks and footnote references (for measuring and for plain-text output). */
export const plainText = (src: string): string => inlineSpans(src).map((s) => s.text).join('');

/** The footnote keys referenced in a text, in order. */
export const footnoteRefs = (src: string): string[] => (src.includes('[^') ? [...src.matchAll(new RegExp(FOOTNOTE_REF.source, 'gu'))].map((m) => m[1]) : []);
