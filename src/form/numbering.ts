/**
 * Numbering of the body's levels, both ways: the pattern language that writes a level's numbers (`parsePattern`,
 * `formatNumber`, `Counter`; used to render) and the reading of a marker at the start of a text (`markerOf`,
 * `letterReading`, `LEADING_NUMBER`; used by import, `check`, the rules and `fix`).
 * Patterns: "I." "I/" "I-" "1." "1-" "a)" "A." "1.1-" "(1)-" "-" "+" (each family's `danh_so` in layout.yaml).
 * Tokens: I = upper Roman, 1 = Arabic, a = Vietnamese lower-case letter (a b c d đ e g h i k …, NĐ 30/2020
 * Phụ lục I mục II.6 điểm), A = upper-case letter, 1.1 = the parent's number + "." + Arabic.
 * Braces may delimit the token in any other text: "Phần {I}", "Mục {1}:".
 */

export type Token = 'I' | '1' | 'a' | 'A' | '1.1';

/** A parsed pattern: text before and after the counter token, or a constant marker (token null). */
export interface NumberPattern {
  prefix: string;
  token: Token | null;
  suffix: string;
}

/** Letters used for "điểm" in Vietnamese documents (no f, j, w, z): NĐ 30/2020 PL I mục II.6. */
export const VN_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/**
 * Parses a numbering pattern.
 * @returns the pattern, or null when it has letters or digits that are not a token (invalid).
 */
export function parsePattern(p: string): NumberPattern | null {
  const braced = /^(.*)\{(1\.1|I|1|a|A)\}(.*)$/u.exec(p);
  if (braced) return { prefix: braced[1], token: braced[2] as Token, suffix: braced[3] };
  // Over ASCII, letters and digits (\p{L}, \p{N}) are exactly A–Z, a–z and 0–9, so an ASCII pattern (all the usual
  // ones: "I.", "1.", "a)", "-") is decided by the ASCII classes, which V8 builds at once; a \p{L} class costs 1–2 ms
  // at its first use in a process, a tenth of what the rest of a cold render's checks take.
  const ascii = ASCII.test(p);
  const plain = (ascii ? /^([^A-Za-z0-9]*)(1\.1|I|1|a|A)([^A-Za-z0-9]*)$/ : /^([^\p{L}\p{N}]*)(1\.1|I|1|a|A)([^\p{L}\p{N}]*)$/u).exec(p);
  if (plain) return { prefix: plain[1], token: plain[2] as Token, suffix: plain[3] };
  if (!(ascii ? /[A-Za-z0-9]/ : /[\p{L}\p{N}]/u).test(p)) return { prefix: p, token: null, suffix: '' };
  return null;
}
const ASCII = /^[\x00-\x7f]*$/;

/** Upper-case Roman numeral of n (1–3999). */
export function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** Letter n (1-based) of the Vietnamese "điểm" sequence; past "y" it doubles (aa, bb, …). */
export function vnLetter(n: number): string {
  const i = (n - 1) % VN_LETTERS.length;
  return VN_LETTERS[i].repeat(Math.floor((n - 1) / VN_LETTERS.length) + 1);
}

/**
 * The counter's own text (no prefix/suffix): "IV", "3", "đ", "C", "5.2".
 * @param parentCore the parent item's counter text, used by the "1.1" token.
 */
export function counterText(token: Token, n: number, parentCore = ''): string {
  switch (token) {
    case 'I': return roman(n);
    case '1': return String(n);
    case 'a': return vnLetter(n);
    case 'A': return n <= 26 ? String.fromCharCode(64 + n) : String(n);
    case '1.1': return parentCore ? `${parentCore}.${n}` : String(n);
  }
}

/** The full label, e.g. pattern "1.1-", n 2, parent "5" → "5.2-". */
export function formatNumber(p: NumberPattern, n: number, parentCore = ''): { label: string; core: string } {
  if (!p.token) return { label: p.prefix, core: parentCore };
  const core = counterText(p.token, n, parentCore);
  return { label: p.prefix + core + p.suffix, core };
}

/** The counter text inside an explicit label such as "I/" → "I", "5.1-" → "5.1". */
export function coreOfLabel(label: string): string {
  const m = /[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*/u.exec(label);
  return m ? m[0] : '';
}

/**
 * Value of a counter text: "IV" → 4, "12" → 12, "đ" → 5, "5.2" → 2 (the last part); null when not a counter. A
 * letter that is also a Roman numeral is read by the level's token: "C" → 100, or 3 with token "A".
 */
export function counterValue(core: string, token?: Token | null): number | null {
  const last = core.split('.').pop() ?? '';
  if (token === 'A' && /^[A-Z]$/.test(last)) return last.charCodeAt(0) - 64; // "C." of an A. level is 3, not the Roman 100
  if (/^\d+$/.test(last)) return Number(last);
  if (/^[IVXLCDM]+$/.test(last)) {
    const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
    let n = 0;
    for (let i = 0; i < last.length; i++) n += v[last[i]] < (v[last[i + 1]] ?? 0) ? -v[last[i]] : v[last[i]];
    return n;
  }
  const li = VN_LETTERS.indexOf(last);
  if (li >= 0) return li + 1;
  if (/^[A-Z]$/.test(last)) return last.charCodeAt(0) - 64;
  return null;
}

/**
 * A number mark a clerk typed at the start of a text: "5. ", "II- ", "a) ", "1.2. ", "(3)- ", or a bullet "-", "+".
 * A single Roman letter (I, V, X, L, C) with ". " before a capitalised word in mixed case ("C. Mác") or before
 * another initial ("V. I. Lênin") is a person's initial, not a number: "I. MỤC ĐÍCH" (an all-caps heading) and
 * "II. Mục đích" stay number marks (issue 23, item 18).
 */
export const LEADING_NUMBER = /^(?![IVXLC]\.\s+(?:\p{Lu}\.\s|\p{Lu}\p{Ll}))((?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.\/)\-]|\(\d+\)-?|[-+•])\s/u;
const MARK = LEADING_NUMBER.source.slice(1, -2); // the mark alone, without "^" and the space after it

/**
 * A text without the number mark a clerk typed at its start and the spaces after it ("5. Tổ chức" → "Tổ chức"):
 * the fix of rule so-thu-tu/tu-viet. `block`: the same on each line of a block scalar's source, keeping its indent.
 */
export function withoutLeadingNumber(text: string, block = false): string {
  return block ? text.replace(new RegExp(`^(\\s*)${MARK}[ \\t]+`, 'u'), '$1') : text.replace(new RegExp(`^${MARK}\\s+`, 'u'), '');
}

/** What the counter made of one item: its label and, for a number given by hand, whether it breaks the sequence. */
export interface Counted {
  label: string;
  core: string;
  /** The label the tool would have given here (for a hand-given number), e.g. "3." where the plan says "5.". */
  expected?: string;
  /** True when a hand-given number skips or repeats: reported once, at the first item where the sequence breaks. */
  breaks?: boolean;
}

/**
 * The counter of one list of items (one level of the outline). Numbers given by hand (`so: "5."`) are the issued
 * document's own: they print as given and the count goes on from them (so "1., 2., 5., 6." warns once, at "5.").
 * An unnumbered item (`so: false`) whose text starts with this level's own mark ("2. …") also moves the count on,
 * so that the next automatic number does not repeat it. NĐ 30/2020 Phụ lục I mục II.6 (số thứ tự các phần, mục).
 */
export class Counter {
  private n = 0;
  constructor(private readonly pattern: NumberPattern, private readonly parentCore = '') {}

  /** The next automatic number. */
  auto(): Counted {
    this.n++;
    return formatNumber(this.pattern, this.n, this.parentCore);
  }

  /** A number given by hand; `breaks` when its value is not the next one (then the count continues from it). */
  hand(label: string): Counted {
    const core = coreOfLabel(label);
    const value = counterValue(core, this.pattern.token);
    const expected = this.pattern.token ? formatNumber(this.pattern, this.n + 1, this.parentCore).label : String(this.n + 1);
    // A Latin letter the Vietnamese sequence leaves out (f, j, w, z) on a letter level is never the next letter: it
    // breaks the sequence ("f)" after "d)"), and the count goes on from the letter before it ("f" → "e").
    const foreign = value === null && this.pattern.token === 'a' && /^[a-z]$/.test(core) ? VN_LETTERS.filter((l) => (l === 'đ' ? 'd' : l) < core).length : null;
    const breaks = foreign !== null || (value !== null && value !== this.n + 1);
    this.n = value ?? foreign ?? this.n + 1;
    return { label, core, expected, breaks };
  }

  /** An unnumbered item: when its text starts with this level's next-or-later mark, the count moves on to it. */
  skip(text: string): void {
    const m = LEADING_NUMBER.exec(text);
    if (!m || !this.pattern.token) return;
    const value = counterValue(coreOfLabel(m[1]), this.pattern.token);
    if (value !== null && value > this.n && formatNumber(this.pattern, value, this.parentCore).label === m[1]) this.n = value;
  }
}

/** A numbering marker found at the start of a text. */
export interface Marker { style: string; label: string; bullet: boolean; len: number }

const ROMAN = /^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/**
 * The numbering marker at the start of a text, or null. `style` is a layout pattern ("I.", "1-", "1.1.", "(1)-",
 * "a)", "-"); `len` is the marker's length in the text including the spaces after it.
 */
export function markerOf(text: string): Marker | null {
  let m: RegExpExecArray | null;
  if ((m = /^((?:\d{1,2}\.)+\d{1,2})([.\-):]?)(\s+|$)/u.exec(text))) return { style: `1.1${m[2]}`, label: m[1] + m[2], bullet: false, len: m[0].length };
  if ((m = /^([IVXLC]{1,6})([.\/\-:])(\s*)/u.exec(text)) && ROMAN.test(m[1]) && (m[3] || m[2] !== '.')) return { style: `I${m[2]}`, label: m[1] + m[2], bullet: false, len: m[0].length };
  if ((m = /^(\d{1,2})([.\/\-):])(\s+|$)/u.exec(text))) return { style: `1${m[2]}`, label: m[1] + m[2], bullet: false, len: m[0].length };
  if ((m = /^\((\d{1,2})\)\s*([-.:]?)(\s*)/u.exec(text))) return { style: `(1)${m[2]}`, label: `(${m[1]})${m[2]}`, bullet: false, len: m[0].length };
  if ((m = /^([a-zđ])([).])(\s+)/u.exec(text))) return { style: `a${m[2]}`, label: m[1] + m[2], bullet: false, len: m[0].length };
  if ((m = /^([A-Z])([.)])(\s+)/u.exec(text))) return { style: `A${m[2]}`, label: m[1] + m[2], bullet: false, len: m[0].length };
  if ((m = /^([-–+•])(\s*)(?=\S)/u.exec(text))) return { style: m[1] === '•' ? '-' : m[1], label: m[1], bullet: true, len: m[0].length };
  return null;
}

/**
 * The other reading of a marker that is both a Roman numeral and an upper-case letter ("C." is 100 or the third
 * letter; "I." one or the ninth): the letter's, or null when there is none. A reader takes the reading whose
 * sequence the marker continues (a "C." after "A.", "B." is a letter) — NĐ 30/2020 Phụ lục I mục II.6 numbers parts
 * with Roman numerals, offices also with letters.
 */
export function letterReading(mk: Marker): Marker | null {
  const m = /^([IVXLC])([.)])$/u.exec(mk.label);
  return m && mk.style.startsWith('I') ? { ...mk, style: `A${m[2]}` } : null;
}

/** The counter kind of a style: "I/" and "I." are one level written two ways. */
export const tokenOf = (style: string): string => (style.startsWith('(') ? '(1)' : style.replace(/[^IA1a.]|\.$/g, '').replace(/\.$/, ''));
