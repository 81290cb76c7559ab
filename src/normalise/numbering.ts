/**
 * Numbering patterns for the body's levels: "I." "I/" "I-" "1." "1-" "a)" "A." "1.1-" "(1)-" "-" "+".
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
  const plain = /^([^\p{L}\p{N}]*)(1\.1|I|1|a|A)([^\p{L}\p{N}]*)$/u.exec(p);
  if (plain) return { prefix: plain[1], token: plain[2] as Token, suffix: plain[3] };
  if (!/[\p{L}\p{N}]/u.test(p)) return { prefix: p, token: null, suffix: '' };
  return null;
}

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
