/**
 * The round-trip figure: the share of a source's words found, in order, in another text (word-level longest
 * common subsequence / number of source words). The fidelity tests use the same functions (words = runs of letters and
 * digits; punctuation, "*", "#" and spacing ignored).
 */

/** Words of a text: runs of Unicode letters and digits, NFC. */
export const words = (s: string): string[] => s.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];

/** Length of the longest common subsequence of two word lists (O(n·m) time, O(m) memory). */
export function lcs(a: string[], b: string[]): number {
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Recall of `source` in `target`: { found, total, ratio } (ratio 1 for an empty source). */
export function recall(source: string, target: string): { found: number; total: number; ratio: number } {
  const a = words(source);
  const found = lcs(a, words(target));
  return { found, total: a.length, ratio: a.length ? found / a.length : 1 };
}
