/**
 * The round-trip figure's word LCS (src/import/recall.ts, issue 23 no. 3): the same length as the former O(n·m)
 * table on the test fixtures (each seed text against its example's render, and against the others) and on random
 * texts, through both of its paths (Myers' search, and the bit-parallel one it hands over to); and a 60,000-word
 * text against a re-rendering of it is computed within the test's timeout (the table took over a minute).
 */
import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lcs, words, setMyersBudget } from '../src/import/recall.js';
import { TRANSCRIBED, SEEDS_DIR, seedFor, renderExample, docxParagraphs } from './helpers.js';
import { lcsTable } from '../scripts/lcs-reference.mjs';


function rng(seed: number) { return () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; }; }
const paths: [string, number | undefined][] = [['default', undefined], ['Myers only', 1e9], ['bit-parallel only', 0]];
afterEach(() => setMyersBudget(undefined));

describe('lcs: the same length as the O(n·m) table', () => {
  it.each(paths)('fixtures (%s): each seed against each rendered example', async (_l, budget) => {
    const seeds = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => words(readFileSync(join(SEEDS_DIR, f), 'utf8')));
    const renders = await Promise.all(TRANSCRIBED.map(async (ex) => words(docxParagraphs(await renderExample(ex)).join('\n'))));
    setMyersBudget(budget);
    let pairs = 0;
    for (const [i, ex] of TRANSCRIBED.entries()) {
      const own = words(seedFor(ex));
      expect(lcs(own, renders[i]), ex).toBe(lcsTable(own, renders[i]));
      for (const s of seeds.slice(0, 4)) { expect(lcs(s, renders[i])).toBe(lcsTable(s, renders[i])); pairs++; }
    }
    expect(pairs).toBeGreaterThan(8);
  });
  it.each(paths)('random texts (%s), small alphabets to long ones, around block edges', (_l, budget) => {
    setMyersBudget(budget);
    const r = rng(20261207);
    const w = (alpha: number) => `t${Math.floor(r() * alpha)}`;
    for (let t = 0; t < 600; t++) {
      const alpha = 1 + Math.floor(r() * (t % 3 === 0 ? 4 : 40));
      const la = [0, 1, 31, 32, 33, 63, 64, 65][t % 8] + Math.floor(r() * (t % 5 === 0 ? 300 : 70));
      const a = Array.from({ length: la }, () => w(alpha));
      let b: string[];
      if (r() < 0.5) b = Array.from({ length: Math.floor(r() * 150) }, () => w(alpha));
      else { b = a.filter(() => r() > 0.08); for (let i = 0; i < la / 12; i++) b.splice(Math.floor(r() * (b.length + 1)), 0, w(alpha)); }
      expect(lcs(a, b), JSON.stringify([a, b])).toBe(lcsTable(a, b));
      expect(lcs(b, a)).toBe(lcs(a, b));
    }
  });
});

describe('lcs: near-linear on a text against its re-rendering', () => {
  it('60,000 words (the table took over a minute)', () => {
    const corpus = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().flatMap((f) => words(readFileSync(join(SEEDS_DIR, f), 'utf8')));
    const r = rng(7);
    const a = Array.from({ length: 60_000 }, (_, i) => corpus[i % corpus.length]);
    const b: string[] = [];
    for (const x of a) { if (r() < 0.02) continue; b.push(x); if (r() < 0.03) b.push(corpus[Math.floor(r() * corpus.length)]); }
    const n = lcs(a, b);
    expect(n).toBeGreaterThan(0.97 * a.length);
    expect(n).toBeLessThanOrEqual(Math.min(a.length, b.length));
  }, 30_000);
});
