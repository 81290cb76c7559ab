/**
 * The round-trip figure: the share of a source's words found, in order, in another text (word-level longest
 * common subsequence / number of source words). The fidelity tests use the same functions (words = runs of letters and
 * digits; punctuation, "*", "#" and spacing ignored).
 */

/** Words of a text: runs of Unicode letters and digits, NFC. */
export const words = (s: string): string[] => s.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Length of the longest common subsequence of two word lists, exact.
 *
 * The common prefix and suffix are set aside; then Myers' O((n+m)·D) greedy edit-distance search (E. W. Myers,
 * "An O(ND) difference algorithm and its variations", Algorithmica 1, 1986), where D = n + m − 2·LCS is small for
 * a text and its re-rendering (near-linear time, O(n+m) memory); when D grows past √(n·m/64) (Myers then costs about what the bit vectors do), the bit-parallel
 * LCS length of Hyyrö ("Bit-parallel LCS-length computation revisited", AWOCA 2004) finishes the job in
 * O(n·m/32) word operations and O(n+m) memory. Same result as the plain O(n·m) table; 40,000 words of a
 * re-rendered plan take milliseconds instead of 11–15 s.
 */
export function lcs(a: string[], b: string[]): number {
  let lo = 0;
  while (lo < a.length && lo < b.length && a[lo] === b[lo]) lo++;
  let ea = a.length, eb = b.length;
  while (ea > lo && eb > lo && a[ea - 1] === b[eb - 1]) { ea--; eb--; }
  const common = lo + (a.length - ea);
  if (ea === lo || eb === lo) return common;
  // Words as small integers (the comparisons below are then integer ones).
  const ids = new Map<string, number>();
  const code = (s: string[], from: number, to: number) => {
    const out = new Int32Array(to - from);
    for (let i = from; i < to; i++) {
      let id = ids.get(s[i]);
      if (id === undefined) { id = ids.size; ids.set(s[i], id); }
      out[i - from] = id;
    }
    return out;
  };
  const x = code(a, lo, ea), y = code(b, lo, eb);
  const budget = BUDGET_OVERRIDE ?? Math.ceil(Math.sqrt((x.length * y.length) / 64)) + 64;
  const d = myersDistance(x, y, budget);
  if (d >= 0) return common + (x.length + y.length - d) / 2;
  return common + (x.length <= y.length ? bitParallel(x, y, ids.size) : bitParallel(y, x, ids.size));
}

let BUDGET_OVERRIDE: number | undefined;
/** For tests: the Myers budget to use (0: always the bit-parallel path); undefined restores the default. */
export function setMyersBudget(d: number | undefined): void { BUDGET_OVERRIDE = d; }

/**
 * The fewest insertions and deletions turning `a` into `b` (Myers' forward greedy search over diagonals), or −1
 * when it exceeds `maxD`. Diagonals k = x − y run from −m to n; V[k] is the furthest x reached on k.
 */
function myersDistance(a: Int32Array, b: Int32Array, maxD: number): number {
  const n = a.length, m = b.length;
  const off = m + 1;
  const V = new Int32Array(n + m + 3).fill(-1);
  let x = 0;
  while (x < n && x < m && a[x] === b[x]) x++;
  V[off] = x;
  if (x === n && x === m) return 0;
  for (let d = 1; d <= maxD; d++) {
    const kmin = Math.max(-d, -m), kmax = Math.min(d, n);
    // Same parity as d: diagonals of the previous round are its neighbours.
    for (let k = kmin + ((kmin + d) & 1); k <= kmax; k += 2) {
      // Down from k+1 (x stays, y grows) or right from k−1 (x grows), whichever reaches further within the grid.
      let best = -1;
      if (k + 1 <= Math.min(d - 1, n)) { const xd = V[off + k + 1]; if (xd >= 0 && xd - k <= m) best = xd; }
      if (k - 1 >= Math.max(-(d - 1), -m)) { const xr = V[off + k - 1]; if (xr >= 0 && xr + 1 <= n && xr + 1 > best) best = xr + 1; }
      if (best < 0) { V[off + k] = -1; continue; }
      let px = best, py = best - k;
      while (px < n && py < m && a[px] === b[py]) { px++; py++; }
      V[off + k] = px;
      if (px === n && py === m) return d;
    }
  }
  return -1;
}

/**
 * LCS length by bit vectors (Hyyrö 2004): `a` as bits (32 to a block), one pass over `b`; V starts all ones and
 * V ← (V + (V & M[c])) | (V & ~M[c]) for each word c of b, M[c] marking c's positions in a; the LCS is the count of
 * zero bits. M is kept sparse (block index, bits) per word, O(n) in all.
 */
function bitParallel(a: Int32Array, b: Int32Array, symbols: number): number {
  const n = a.length, blocks = (n + 31) >>> 5;
  // Sparse masks in one flat table: word w's blocks (ascending) are blk[first[w]] … blk[first[w + 1] − 1], bits alike.
  const first = new Int32Array(symbols + 1);
  for (let i = 0; i < n; i++) if (i === 0 || !seenInBlock(a, i)) first[a[i] + 1]++;
  for (let w = 0; w < symbols; w++) first[w + 1] += first[w];
  const fill = first.slice(0, symbols);
  const blk = new Int32Array(first[symbols]), bits = new Int32Array(first[symbols]);
  for (let i = 0; i < n; i++) {
    const w = a[i], at = fill[w];
    if (at > first[w] && blk[at - 1] === i >>> 5) bits[at - 1] |= 1 << (i & 31);
    else { blk[at] = i >>> 5; bits[at] = 1 << (i & 31); fill[w]++; }
  }
  const V = new Int32Array(blocks).fill(-1);
  for (let j = 0; j < b.length; j++) {
    const w = b[j];
    let p = first[w];
    const end = first[w + 1];
    if (p === end) continue; // no match: (V + 0) | V = V
    let carry = 0;
    for (let i = 0; i < blocks; i++) {
      const v = V[i] >>> 0;
      let u = 0;
      if (p < end && blk[p] === i) { u = (v & bits[p]) >>> 0; p++; }
      const sum = v + u + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      V[i] = sum | (v & ~u);
      // Past the last block holding w with no carry left, the remaining blocks stay as they are.
      if (carry === 0 && p === end) break;
    }
  }
  let zeros = 0;
  for (let i = 0; i < n; i++) if (((V[i >>> 5] >>> (i & 31)) & 1) === 0) zeros++;
  return zeros;
}

/** Whether a[i]'s word already occurs earlier in the same 32-word block. */
function seenInBlock(a: Int32Array, i: number): boolean {
  for (let k = i & ~31; k < i; k++) if (a[k] === a[i]) return true;
  return false;
}

/** Recall of `source` in `target`: { found, total, ratio } (ratio 1 for an empty source). */
export function recall(source: string, target: string): { found: number; total: number; ratio: number } {
  const a = words(source);
  const found = lcs(a, words(target));
  return { found, total: a.length, ratio: a.length ? found / a.length : 1 };
}
