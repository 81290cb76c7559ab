// `npm run fuzz`: a long seeded fuzz run through the library (dist/), default 10,000 cases.
//   node scripts/fuzz.mjs [cases=10000] [seed=1]
// Prints the outcome counts and every distinct finding.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { corpus, rng, fuzzCase, runLibraryCase } from './fuzz-lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lib = { ...(await import(join(root, 'dist/index.js'))), ...(await import(join(root, 'dist/load.js'))) };
const cases = Number(process.argv[2] ?? 10000);
const seed = Number(process.argv[3] ?? 1);
const scale = Number(process.argv[4] ?? 1);
const r = rng(seed);
const seeds = corpus(root);
const counts = { rendered: 0, invalid: 0, finding: 0 };
const findings = new Map();
const start = performance.now();
for (let i = 0; i < cases; i++) {
  const c = fuzzCase(seeds, r, scale);
  const res = await runLibraryCase(lib, c);
  counts[res.outcome]++;
  if (res.outcome === 'finding') {
    const key = res.detail.replace(/\d+/g, 'N').slice(0, 120);
    const f = findings.get(key) ?? { n: 0, example: i, seed: c.seed, tags: c.tags, detail: res.detail };
    f.n++;
    findings.set(key, f);
  }
  if ((i + 1) % 1000 === 0) process.stderr.write(`${i + 1}/${cases} ${JSON.stringify(counts)} ${((performance.now() - start) / 1000).toFixed(0)}s\n`);
}
console.log(`fuzz: ${cases} cases, seed ${seed}, ${((performance.now() - start) / 1000).toFixed(1)} s: rendered ${counts.rendered}, invalid (reported) ${counts.invalid}, findings ${counts.finding} (${findings.size} distinct)`);
for (const f of findings.values()) console.log(`  ${f.n}× ${f.detail}  (case ${f.example}, from ${f.seed}, ${f.tags.join('+')})`);
process.exitCode = findings.size ? 1 : 0;
