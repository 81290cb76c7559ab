// `npm run fuzz`: a long seeded fuzz run of the built package (dist/) over three surfaces, each case in a bounded
// child process (scripts/fuzz-pool.mjs: a time and a memory limit, a case over either is a finding).
//   node scripts/fuzz.mjs [--seed 1] [--cases 10000] [--surface plans|docx|fix|all] [--jobs 2] [--timeout 30]
//                         [--memory 1024] [--out fuzz-findings] [--scale 1] [--case i] [--no-minimise]
//                         [--max-time s]
// --max-time (or SIGINT / SIGTERM) stops taking new cases: the summary then counts the cases run. --only fix (or
// plans, docx) runs only the cases of the run that fall on those surfaces (the same cases as in the whole run).
// Surfaces (--surface all takes them in turn, case i on surface i mod 3):
// - plans: mutated plans validated and rendered; bad input rejected at file:line:col, never a stack trace, and every
//   text of a rendered plan on the page or reported at its line (scripts/fuzz-lib.mjs, scripts/every-text-lib.mjs);
// - docx: mutated .docx files (renders of examples/*.yaml, test/fixtures/**/*.docx) through `import` and `check`
//   (scripts/fuzz-docx.mjs);
// - fix: plans given what `fix` repairs, the data compared before and after (scripts/fuzz-fix.mjs).
// Each finding is minimised (ddmin over the YAML's lines, or over the .docx's mutations) and written to the findings
// folder with its case, seed and the command that replays it (--case). Prints the outcome counts, the time, the
// slowest case and the most memory a child held. Exit 0 with no finding, 1 with findings.
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { corpus, rng, caseSeed, fuzzCase } from './fuzz-lib.mjs';
import { docxSeeds, docxCase, applyDocxMutations } from './fuzz-docx.mjs';
import { fixCase } from './fuzz-fix.mjs';
import { Pool, ddmin } from './fuzz-pool.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: o, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seed: { type: 'string' }, cases: { type: 'string' }, surface: { type: 'string', default: 'all' }, jobs: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '30' }, memory: { type: 'string', default: '1024' }, out: { type: 'string', default: 'fuzz-findings' },
    scale: { type: 'string' }, case: { type: 'string' }, 'max-time': { type: 'string' }, only: { type: 'string' }, 'no-minimise': { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false },
  },
});
// the former positional form: fuzz.mjs [cases] [seed] [scale]
const cases = Number(o.cases ?? positionals[0] ?? 10000);
const seed = Number(o.seed ?? positionals[1] ?? 1);
const scale = Number(o.scale ?? positionals[2] ?? 1);
const SURFACES = o.surface === 'all' ? ['plans', 'docx', 'fix'] : o.surface.split(',');
for (const s of SURFACES) if (!['plans', 'docx', 'fix'].includes(s)) { console.error(`fuzz: unknown surface ${s} (plans, docx, fix, all)`); process.exit(2); }
const outDir = resolve(o.out);

const lib = { ...(await import(join(root, 'dist/index.js'))) };
const seeds = corpus(root);
const dseeds = SURFACES.includes('docx') ? await docxSeeds(root, lib.renderPlan) : [];
const dseedBytes = new Map(dseeds.map((s) => [s.name, s.bytes]));

/** Case `i` of this run: { i, surface, seed, tags, task, items?, rebuild? } (items: what the minimiser shrinks). */
function makeCase(i) {
  const surface = SURFACES[i % SURFACES.length];
  const r = rng(caseSeed(seed, i));
  if (surface === 'plans') {
    const c = fuzzCase(seeds, r, scale);
    return { i, surface, seed: c.seed, tags: c.tags, task: { surface, text: c.text }, ext: 'yaml' };
  }
  if (surface === 'fix') {
    const c = fixCase(seeds, r, (text, rr) => fuzzCase([{ name: 'x', text }], rr, Math.min(scale, 0.05)));
    return { i, surface, seed: c.seed, tags: c.tags, task: { surface, text: c.text }, ext: 'yaml' };
  }
  const c = docxCase(dseeds, r);
  const bytes = applyDocxMutations(dseedBytes.get(c.seed), c.mutations, rng, scale);
  return { i, surface, seed: c.seed, tags: c.mutations.map((m) => m.kind), mutations: c.mutations, task: { surface, bytes }, ext: 'docx' };
}

/** A finding's class: its detail without numbers, quoted values or data paths. */
const keyOf = (surface, detail) => `${surface}: ${detail.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/\b[\w]+(?:\.[\w]+)+\b/g, 'PATH').replace(/\d+/g, 'N').slice(0, 110)}`;

const workDir = mkdtempSync(join(tmpdir(), 'kehoach-fuzz-'));
const pool = new Pool({ jobs: Number(o.jobs), timeoutMs: Number(o.timeout) * 1000, memoryMb: Number(o.memory), dir: workDir });
const counts = {};
const perSurface = Object.fromEntries(SURFACES.map((s) => [s, { n: 0, ms: 0, slowest: 0 }]));
const findings = new Map();
const start = performance.now();
const only = o.only ? o.only.split(',') : SURFACES;
const indices = o.case !== undefined ? [Number(o.case)] : Array.from({ length: cases }, (_, i) => i).filter((i) => only.includes(SURFACES[i % SURFACES.length]));
let next = 0;
let done = 0;
let stopped = '';
const stop = (why) => { if (!stopped) { stopped = why; next = indices.length; } };
process.on('SIGINT', () => stop('interrupted'));
process.on('SIGTERM', () => stop('terminated'));
if (o['max-time']) setTimeout(() => stop(`--max-time ${o['max-time']} s reached`), Number(o['max-time']) * 1000).unref();
const bump = (k) => { counts[k] = (counts[k] ?? 0) + 1; };

async function lane() {
  while (next < indices.length) {
    const c = makeCase(indices[next++]);
    const res = await pool.run(c.task);
    const ps = perSurface[c.surface];
    ps.n++; ps.ms += res.ms; if (res.ms > ps.slowest) { ps.slowest = res.ms; ps.slowCase = `case ${c.i}: ${c.tags.join('+') || c.seed}`; }
    bump(`${c.surface}/${res.outcome}`);
    if (res.outcome === 'finding') {
      const key = keyOf(c.surface, res.detail);
      const f = findings.get(key);
      if (f) f.n++;
      else { findings.set(key, { n: 1, key, case: c, detail: res.detail }); if (!o.quiet) process.stderr.write(`finding (case ${c.i}, ${c.surface}): ${res.detail}\n`); }
    }
    if (++done % 250 === 0 && !o.quiet) process.stderr.write(`${done}/${indices.length} ${((performance.now() - start) / 1000).toFixed(0)} s ${JSON.stringify(counts)}\n`);
  }
}
await Promise.all(Array.from({ length: Math.max(1, Number(o.jobs)) }, lane));
const elapsed = (performance.now() - start) / 1000;

// Minimise and write each finding: the input that made it, the smallest input found that makes the same finding.
if (findings.size) mkdirSync(outDir, { recursive: true });
let n = 0;
for (const f of findings.values()) {
  const c = f.case;
  const base = join(outDir, `seed${seed}-case${c.i}-${c.surface}`);
  const same = async (task) => { const r = await pool.run(task); return r.outcome === 'finding' && keyOf(c.surface, r.detail) === f.key; };
  let minimised = null;
  let tests = 0;
  if (!o['no-minimise']) {
    if (c.surface === 'docx') {
      const r = await ddmin(c.mutations, (ms) => same({ surface: 'docx', bytes: applyDocxMutations(dseedBytes.get(c.seed), ms, rng, scale) }), 150);
      minimised = { mutations: r.items, bytes: applyDocxMutations(dseedBytes.get(c.seed), r.items, rng, scale) };
      tests = r.tests;
    } else {
      const lines = Buffer.from(c.task.text).toString('utf8').split('\n');
      const r = await ddmin(lines, (ls) => same({ surface: c.surface, text: Buffer.from(ls.join('\n'), 'utf8') }), 300);
      minimised = { text: r.items.join('\n') };
      tests = r.tests;
    }
  }
  writeFileSync(`${base}.input.${c.ext}`, c.ext === 'docx' ? c.task.bytes : c.task.text);
  if (minimised) writeFileSync(`${base}.min.${c.ext}`, minimised.bytes ?? minimised.text);
  const report = [
    `# ${f.detail}`, '',
    `- surface: ${c.surface}; seen ${f.n}× in this run (class: ${f.key})`,
    `- case ${c.i} of seed ${seed} (scale ${scale}); from ${c.seed}; mutations: ${c.tags.join(', ') || '(none)'}`,
    c.mutations ? `- mutations (kind, seed): ${JSON.stringify(c.mutations)}` : '',
    minimised?.mutations ? `- minimised to: ${JSON.stringify(minimised.mutations)} (${tests} runs)` : minimised ? `- minimised to ${minimised.text.split('\n').length} lines (${tests} runs)` : '',
    `- input: ${base}.input.${c.ext}${minimised ? `; minimised: ${base}.min.${c.ext}` : ''}`,
    `- replay: node scripts/fuzz.mjs --seed ${seed} --case ${c.i} --surface ${o.surface}${o.scale ? ` --scale ${scale}` : ''}`,
    minimised?.text !== undefined ? ['', '```yaml', minimised.text.slice(0, 4000), '```'].join('\n') : '',
  ].filter(Boolean).join('\n');
  writeFileSync(`${base}.md`, report + '\n');
  n++;
}
pool.close();
rmSync(workDir, { recursive: true, force: true });

const total = done;
console.log(`fuzz: ${total} cases${stopped ? ` of ${cases} (stopped: ${stopped})` : ''}, seed ${seed}, surfaces ${SURFACES.join('+')}, ${elapsed.toFixed(1)} s (${(total / elapsed).toFixed(1)} cases/s, ${o.jobs} jobs, limits ${o.timeout} s and ${o.memory} MB a case): findings ${[...findings.values()].reduce((a, f) => a + f.n, 0)} (${findings.size} distinct)`);
console.log(`  outcomes: ${Object.entries(counts).sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
for (const [s, p] of Object.entries(perSurface)) if (p.n) console.log(`  ${s}: ${p.n} cases, ${(p.ms / p.n).toFixed(0)} ms a case on average, slowest ${(p.slowest / 1000).toFixed(1)} s (${p.slowCase})`);
console.log(`  most resident memory of a child: ${Math.round(pool.maxRss)} MB`);
for (const f of findings.values()) console.log(`  ${f.n}× ${f.detail}  (case ${f.case.i}, ${f.case.surface}, from ${f.case.seed}, ${f.case.tags.join('+')})`);
if (n) console.log(`  written: ${n} report(s) in ${outDir}`);
process.exitCode = findings.size ? 1 : 0;
