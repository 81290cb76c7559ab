// node bench/recall.mjs [--old] [sizes…]: the round-trip figure's word LCS (src/import/recall.ts, from dist/) on a
// plan-like text of N words (the seed texts repeated) against a re-rendering of it (2 % of words dropped, 3 % added,
// a heading moved), and against an unrelated text (the worst case: the bit-parallel path). --old also times the
// former O(n·m) table on the same pairs and checks both give the same length (the 60,000-word pair takes over a
// minute that way). Prints ms per call, median of 3 (1 for the old table).
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lcsTable } from '../scripts/lcs-reference.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { lcs, words } = await import(join(ROOT, 'dist', 'import', 'recall.js'));
const args = process.argv.slice(2);
const old = args.includes('--old');
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
if (!sizes.length) sizes.push(10_000, 40_000, 60_000);


let seed = 20261207;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const dir = join(ROOT, 'test', 'fixtures', 'seeds');
const corpus = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().flatMap((f) => words(readFileSync(join(dir, f), 'utf8')));
const take = (n, from = 0) => Array.from({ length: n }, (_, i) => corpus[(from + i) % corpus.length]);
const rerender = (a) => {
  const b = [];
  for (const w of a) { if (rnd() < 0.02) continue; b.push(w); if (rnd() < 0.03) b.push(corpus[Math.floor(rnd() * corpus.length)]); }
  const cut = b.splice(Math.floor(b.length / 3), 40);
  b.splice(Math.floor((2 * b.length) / 3), 0, ...cut);
  return b;
};
const time = (f, runs) => {
  const ms = [];
  let r;
  for (let i = 0; i < runs; i++) { const t = performance.now(); r = f(); ms.push(performance.now() - t); }
  ms.sort((x, y) => x - y);
  return { r, ms: ms[Math.floor(ms.length / 2)] };
};
console.log(`node ${process.version}, corpus ${corpus.length} words`);
for (const n of sizes) {
  const a = take(n);
  for (const [label, b] of [['re-rendered', rerender(a)], ['unrelated', take(n, Math.floor(corpus.length / 2) + 17).reverse()]]) {
    const now = time(() => lcs(a, b), 3);
    let line = `${String(n).padStart(7)} words, ${label.padEnd(11)}: lcs ${now.r} in ${now.ms.toFixed(1)} ms`;
    if (old) {
      const was = time(() => lcsTable(a, b), 1);
      line += `; table ${was.r} in ${was.ms.toFixed(0)} ms${was.r === now.r ? ' (same)' : ' (DIFFERENT)'}`;
    }
    console.log(line);
  }
}
