// The word LCS as kehoach computed it before issue 23 item 3 (O(n·m) time, O(m) memory), kept as the reference the
// fast one (src/import/recall.ts) is held to: test/recall.test.ts compares them, bench/recall.mjs --old times it.

/**
 * Length of the longest common subsequence of two word lists, by the dynamic-programming table.
 * @param {readonly string[]} a
 * @param {readonly string[]} b
 * @returns {number}
 */
export function lcsTable(a, b) {
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
