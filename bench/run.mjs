// npm run bench: measures kehoach against the targets of issue 11 and prints each figure as a ratio measured in the
// same run, next to its target. Whole-process figures (wall from process.hrtime, CPU and peak memory from
// /usr/bin/time when installed), paired runs A B A B …, medians with min–max. Child processes run without
// NODE_EXTRA_CA_CERTS (that variable alone adds ~140 ms to every Node start on some machines).
//
// Targets:
//   cold `render` of each example            ≤ 1.0× `pandoc` of the matching seed text (wall)
//   `batch --jobs 2` over copies of the examples ≥ 10× pandoc over copies of the seed texts with `xargs -P 2` (files/s)
//                                             and ≤ 2× the floor (read + deflate the same parts + write, 2 processes)
//   validation in one process (library loop)  ≥ 2,000 files/s
//   cold `kehoach validate` of one plan       ≤ 0.15 s (wall)
//   peak memory of `batch` at 5,000 plans     ≤ 300 MB (--full)
//   `render --watch` re-render of a changed example ≤ 100 ms (from the save to the rewritten .docx)
//
// Usage: node bench/run.mjs [--quick | --full] [--only <section>[,<section>…]] [--big <plans>]
//   sections: render, validate, throughput, batch, memory, watch (default: all; memory needs --full or --only)
//   --big: the number of plans of the memory run (default 5,000)
//   default: 5 pairs a cold figure, batch over 500 plans vs pandoc over 100 seed texts (per-file rates), 2 rounds
//            (about 4 minutes on an idle 2-core machine)
//   --quick: 3 pairs, 200 plans vs 40 seed texts, 1 round (a smoke run)
//   --full:  7 pairs, 1,000 vs 1,000, 3 rounds, and the 5,000-plan memory run
import { spawnSync, execFileSync } from 'node:child_process';
import { availableParallelism, cpus, totalmem, loadavg, tmpdir, platform, release } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync, mkdirSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { copyExamples, seedInputs, examples, seeds } from './generate.mjs';
import { measureWatch } from './watch.mjs';

const mode = process.argv.includes('--full') ? 'full' : process.argv.includes('--quick') ? 'quick' : 'default';
const CFG = {
  quick: { pairs: 3, plans: 200, seedFiles: 40, rounds: 1, big: 0, validateRounds: 3 },
  default: { pairs: 5, plans: 500, seedFiles: 100, rounds: 2, big: 0, validateRounds: 5 },
  full: { pairs: 7, plans: 1000, seedFiles: 1000, rounds: 3, big: 5000, validateRounds: 7 },
}[mode];

const argValue = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const SECTIONS = ['render', 'validate', 'throughput', 'batch', 'memory', 'watch'];
const only = argValue('--only')?.split(',');
if (only?.some((x) => !SECTIONS.includes(x))) throw new Error(`--only: one of ${SECTIONS.join(', ')}`);
/** Whether a section runs: all of them by default, the named ones with --only. */
const runs = (section) => !only || only.includes(section);
if (only?.includes('memory') || argValue('--big')) CFG.big = Number(argValue('--big') ?? 5000);

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli.cjs');
const NODE = process.execPath;
const PANDOC = ['/usr/bin/pandoc', '/usr/local/bin/pandoc'].find((p) => existsSync(p)) ?? whichOrNull('pandoc');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const env = { ...process.env, CI: '1' };
delete env.NODE_EXTRA_CA_CERTS;
delete env.NODE_OPTIONS;
const work = mkdtempSync(join(tmpdir(), 'kh-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

function whichOrNull(cmd) {
  try { return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || null; } catch { return null; }
}

// ---- statistics and printing
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => { const s = sorted(xs); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
/** "median (min–max)" with a formatter. */
const stat = (xs, f) => (xs.length ? `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})` : 'n/a');
const sec = (x) => `${x.toFixed(3)} s`;
const mult = (x) => `${x.toFixed(2)}×`;
const results = [];
/** Prints a target line: the measured median against the target, met or not. */
function target(name, values, fmt, op, goal, goalText) {
  const m = values.length ? median(values) : NaN;
  const met = Number.isNaN(m) ? null : op === '<=' ? m <= goal : m >= goal;
  results.push({ name, met });
  console.log(`  ${met === null ? '·' : met ? '✓' : '✗'} ${name.padEnd(58)} ${stat(values, fmt).padEnd(30)} target ${op === '<=' ? '≤' : '≥'} ${goalText}`);
}
const row = (label, text) => console.log(`    ${label.padEnd(56)} ${text}`);

// ---- running commands
/**
 * Runs a command as a whole process: wall seconds (hrtime), and with /usr/bin/time the CPU seconds (user + sys of
 * the process and every child it waited for) and the peak resident memory of the largest process (MB).
 */
function timed(cmd, args, opts = {}) {
  const tf = join(work, 'time.txt');
  const argv = TIME ? [TIME, ['-f', '%e %U %S %M', '-o', tf, cmd, ...args]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv[1], { env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 2 ** 20, ...opts });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error) throw r.error;
  let cpu = NaN;
  let peakMB = NaN;
  if (TIME) {
    const last = readFileSync(tf, 'utf8').trim().split('\n').pop().split(' ');
    cpu = Number(last[1]) + Number(last[2]);
    peakMB = Number(last[3]) / 1024;
  }
  return { wall, cpu, peakMB, status: r.status, stderr: String(r.stderr ?? '') };
}

/**
 * Paired runs: after one warm-up of each, runs A then B (then C …) n times in turn, so drift of the machine's speed
 * hits both alike. Returns per-command arrays of results.
 */
function paired(cmds, n) {
  for (const c of cmds) c.run(-1);
  const out = cmds.map(() => []);
  for (let i = 0; i < n; i++) cmds.forEach((c, k) => out[k].push(c.run(i)));
  return out;
}
const ratios = (a, b, f) => a.map((x, i) => f(x) / f(b[i]));

// ---- header
const load = loadavg();
console.log(`kehoach bench (${mode}${only ? `, only ${only.join(', ')}` : ''}) — ${new Date().toISOString()}`);
console.log(`hardware: ${availableParallelism()} cores, ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${platform()} ${release()}`);
console.log(`Node ${process.version}; pandoc: ${PANDOC ? execFileSync(PANDOC, ['--version'], { encoding: 'utf8' }).split('\n')[0] : 'not installed (the pandoc comparisons are skipped)'}`);
console.log(`load average at start: ${load.map((x) => x.toFixed(2)).join(', ')} (1, 5, 15 min)${load[0] > availableParallelism() / 2 ? ' — the machine is busy: trust the paired ratios more than the absolute times' : ''}`);
console.log(`timing: wall from process.hrtime; ${TIME ? 'CPU (user+sys, children included) and peak RSS from /usr/bin/time' : '/usr/bin/time not installed: wall only'}; NODE_EXTRA_CA_CERTS unset for child processes`);
console.log('figures: median (min–max) of paired runs A B A B …; ✓ met, ✗ not met, · not measured\n');

// ---- inputs
const seedDir = join(work, 'seeds');
mkdirSync(seedDir);
const exs = examples();
const sds = seeds();
const seedFiles = sds.map((s) => { const f = join(seedDir, `${s.name}.md`); writeFileSync(f, s.text); return f; });
const refDir = join(work, 'ref');
mkdirSync(refDir);
for (const e of runs('batch') ? exs : exs.slice(0, 1)) { // the floor's parts (one render checks the build)
  const r = spawnSync(NODE, [CLI, 'render', join(ROOT, 'examples', `${e.name}.yaml`), '-o', join(refDir, `${e.name}.docx`)], { env, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`render ${e.name} failed (exit ${r.status}): build first (npm run build)`);
}

// ---- 1. cold render of each example vs pandoc of its seed text
if (runs('render')) {
console.log(`1. cold render, one plan a process (${CFG.pairs} pairs each)${PANDOC ? ` vs pandoc -f markdown <seed> -o x.docx` : ''}`);
const renderRatios = [];
exs.forEach((e) => {
  // each example against the seed text it transcribes (same 3-digit prefix); a composed example without one is timed alone
  const k = sds.findIndex((s) => s.name.slice(0, 3) === e.name.slice(0, 3));
  const A = { run: () => timed(NODE, [CLI, 'render', join(ROOT, 'examples', `${e.name}.yaml`), '-o', join(work, 'cold.docx')]) };
  const B = { run: () => timed(PANDOC, ['-f', 'markdown', seedFiles[k], '-o', join(work, 'pandoc.docx')]) };
  if (!PANDOC || k < 0) {
    const [a] = paired([A], CFG.pairs);
    row(`render ${e.name}`, `wall ${stat(a.map((x) => x.wall), sec)}, cpu ${stat(a.map((x) => x.cpu), sec)}`);
    return;
  }
  const [a, b] = paired([A, B], CFG.pairs);
  const r = ratios(a, b, (x) => x.wall);
  renderRatios.push(...r);
  row(`render ${e.name}`, `wall ${stat(a.map((x) => x.wall), sec)}, cpu ${stat(a.map((x) => x.cpu), sec)}`);
  row(`pandoc ${sds[k].name}.md`, `wall ${stat(b.map((x) => x.wall), sec)}, cpu ${stat(b.map((x) => x.cpu), sec)}`);
  target(`cold render ${e.name.slice(0, 3)} / pandoc (wall)`, r, mult, '<=', 1.0, '1.00×');
  console.log(`    ${''.padEnd(56)} cpu ratio ${stat(ratios(a, b, (x) => x.cpu), mult)}`);
});
}

// ---- 2. cold validate
if (runs('validate')) {
console.log(`\n2. cold validate of one plan (${CFG.pairs + 2} pairs, vs node -e 0)`);
  const ex = join(ROOT, 'examples', `${exs[1].name}.yaml`);
  const [a, b] = paired([{ run: () => timed(NODE, [CLI, 'validate', ex]) }, { run: () => timed(NODE, ['-e', '0']) }], CFG.pairs + 2);
  row('node -e 0', `wall ${stat(b.map((x) => x.wall), sec)}, cpu ${stat(b.map((x) => x.cpu), sec)}`);
  row(`kehoach validate ${exs[1].name}.yaml`, `cpu ${stat(a.map((x) => x.cpu), sec)}; / node -e 0 (wall) ${stat(ratios(a, b, (x) => x.wall), mult)}`);
  target('cold validate, wall', a.map((x) => x.wall), sec, '<=', 0.15, '0.150 s');
}

// ---- 3. validation throughput in one process
if (runs('throughput')) {
console.log(`\n3. validation in one process, ${CFG.plans} copies of the examples (${CFG.validateRounds} rounds after a warm round)`);
  const dir = join(work, 'vplans');
  const files = copyExamples(dir, CFG.plans);
  const listFile = join(work, 'vlist.txt');
  writeFileSync(listFile, files.join('\n'));
  const r = spawnSync(NODE, [join(ROOT, 'bench/validate-loop.mjs'), listFile, String(CFG.validateRounds)], { env, encoding: 'utf8', cwd: ROOT });
  if (r.status !== 0) throw new Error(`validate loop failed: ${r.stderr}`);
  const res = JSON.parse(r.stdout);
  row('validateFile (read + inherit + check) files/s', `${stat(res.file, (x) => x.toFixed(0))} (${res.errors} errors)`);
  target('validatePlan library loop, files/s', res.plan, (x) => x.toFixed(0), '>=', 2000, '2000 files/s');
  rmSync(dir, { recursive: true, force: true });
}

// ---- 4. batch vs pandoc vs floor
if (runs('batch')) {
console.log(`\n4. batch --jobs 2: ${CFG.plans} copies of the examples; pandoc over ${CFG.seedFiles} copies of the seed texts (xargs -P 2); floor over the same ${CFG.plans} plans (2 processes); ${CFG.rounds} round(s)`);
  const plansDir = join(work, 'plans');
  const plans = copyExamples(plansDir, CFG.plans);
  const halves = [0, 1].map((h) => { const f = join(work, `half${h}.txt`); writeFileSync(f, plans.filter((_, i) => i % 2 === h).join('\n')); return f; });
  const seedCopies = seedInputs(join(work, 'seedcopies'), CFG.seedFiles);
  const seedList = join(work, 'seedlist.txt');
  writeFileSync(seedList, seedCopies.join('\n'));
  const batchOut = join(work, 'out-batch');
  const floorOut = join(work, 'out-floor');
  const rate = (n) => (x) => n / x.wall;
  const K = { run: () => { rmSync(batchOut, { recursive: true, force: true }); const r = timed(NODE, [CLI, 'batch', plansDir, '-o', batchOut, '--jobs', '2']); if (r.status !== 0) throw new Error(`batch exit ${r.status}: ${r.stderr.slice(0, 500)}`); return r; } };
  const P = { run: (i) => timed('sh', ['-c', `xargs -P 2 -I{} ${PANDOC} -f markdown {} -o {}.docx < ${seedList}`]) };
  const F = { run: () => { rmSync(floorOut, { recursive: true, force: true }); return timed('sh', ['-c', halves.map((h) => `${NODE} ${join(ROOT, 'bench/floor.mjs')} ${h} ${refDir} ${floorOut} &`).join(' ') + ' wait']); } };
  const cmds = PANDOC ? [K, P, F] : [K, F];
  const res = paired(cmds, CFG.rounds);
  const [k, p, f] = PANDOC ? res : [res[0], null, res[1]];
  const cpuPer = (n) => (x) => (x.cpu / n) * 1000;
  row(`kehoach batch, ${CFG.plans} plans`, `wall ${stat(k.map((x) => x.wall), sec)}, ${stat(k.map(rate(CFG.plans)), (x) => x.toFixed(0))} files/s, cpu ${stat(k.map(cpuPer(CFG.plans)), (x) => x.toFixed(1))} ms a plan, peak ${stat(k.map((x) => x.peakMB), (x) => x.toFixed(0))} MB`);
  if (p) row(`pandoc, ${CFG.seedFiles} seed texts, xargs -P 2`, `wall ${stat(p.map((x) => x.wall), sec)}, ${stat(p.map(rate(CFG.seedFiles)), (x) => x.toFixed(1))} files/s, cpu ${stat(p.map(cpuPer(CFG.seedFiles)), (x) => x.toFixed(1))} ms a file`);
  row(`floor, ${CFG.plans} plans, 2 processes`, `wall ${stat(f.map((x) => x.wall), sec)}, ${stat(f.map(rate(CFG.plans)), (x) => x.toFixed(0))} files/s, cpu ${stat(f.map(cpuPer(CFG.plans)), (x) => x.toFixed(1))} ms a plan`);
  if (p) target('batch / pandoc, files/s', k.map((x, i) => rate(CFG.plans)(x) / rate(CFG.seedFiles)(p[i])), mult, '>=', 10, '10×');
  target('batch / floor, wall', ratios(k, f, (x) => x.wall), mult, '<=', 2, '2×');
  console.log(`    ${''.padEnd(56)} batch / floor, cpu a plan ${stat(ratios(k, f, (x) => x.cpu), mult)}`);
  rmSync(plansDir, { recursive: true, force: true });
  rmSync(join(work, 'seedcopies'), { recursive: true, force: true });
  rmSync(batchOut, { recursive: true, force: true });
  rmSync(floorOut, { recursive: true, force: true });
}

// ---- 5. memory at 5,000 plans
if (runs('memory')) {
console.log('\n5. peak memory of batch --jobs 2');
if (CFG.big) {
  const dir = join(work, 'big');
  copyExamples(dir, CFG.big);
  const r = timed(NODE, [CLI, 'batch', dir, '-o', join(work, 'out-big'), '--jobs', '2']);
  row(`batch ${CFG.big} plans`, `wall ${sec(r.wall)}, exit ${r.status}`);
  target(`peak RSS at ${CFG.big} plans, MB`, [r.peakMB], (x) => x.toFixed(0), '<=', 300, '300 MB');
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(work, 'out-big'), { recursive: true, force: true });
} else {
  console.log(`  · peak RSS at 5000 plans: run with --full or --only memory (the ${CFG.plans}-plan figure is above)`);
}
}

// ---- 6. watch
if (runs('watch')) {
  const n = CFG.pairs * 4;
  console.log(`\n6. render --watch: ${n} saves of ${exs[1].name}, from the write to the rewritten .docx (half in place, half temporary file + rename)`);
  const w = await measureWatch(n, exs[1].name.slice(0, 3));
  const ms = (x) => `${x.toFixed(0)} ms`;
  row('in-place write (truncate, write, close)', stat(w.inPlace, ms));
  row('temporary file renamed over the plan', stat(w.rename, ms));
  target('watch re-render, save → .docx rewritten', [...w.inPlace, ...w.rename], ms, '<=', 100, '100 ms');
}

const met = results.filter((r) => r.met === true).length;
console.log(`\ntargets met: ${met} of ${results.filter((r) => r.met !== null).length} measured`);
