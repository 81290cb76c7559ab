// npm run bench: measures kehoach against the speed targets T1–T7 of issue 22 and prints each as a ratio (or a
// figure) measured in the same run, next to its target, with a met / missed mark.
//
//   T1 cold `render` of each example vs `pandoc` of its seed text: median ≤ 1.0× CPU and ≤ 0.9× wall; worst ≤ 1.3× CPU
//   T2 cold `validate` of one plan ≤ 2.5× `node -e 0` CPU, and ≤ 0.15 s wall
//   T3 validation in one thread over copies of the examples ≤ 4× the floor of parsing the same texts with the YAML
//      reader used, in the same process; ≥ 2,000 files/s
//   T4 `batch --jobs 2` of 1,000 plans ≤ 2.5× the floor's CPU (read + deflate + write the same parts, 2 processes);
//      ≥ 15× `pandoc` with `xargs -P 2` in files/s; 5,000 plans ≤ 2.75× the floor
//   T5 a batch of 10 plans ≤ 5× one cold render's CPU
//   T6 peak memory of a 5,000-plan batch ≤ 300 MB, and ≤ 1.3× the 1,000-plan peak
//   T7 `render --watch`: save → .docx rewritten ≤ 100 ms; the language server's keystroke → diagnostics ≤ 50 ms
//      (not built yet: printed as such)
//
// How it measures. Every command is a whole process run with NODE_EXTRA_CA_CERTS and NODE_OPTIONS unset (the first
// alone turns a 35 ms Node start into 90 ms on some machines). Wall time from process.hrtime; CPU (user + sys of the
// process and of every child it waited for) and peak resident memory from /usr/bin/time (GNU time: `%U %S %M`,
// 10 ms resolution, so a cold command is run `reps` times in a row under one /usr/bin/time and its figures are a
// run's mean). Commands compared are run in turn, A B A B … ("paired"), after a warm-up run of each, and each target
// is the median of the per-pair ratios, printed with their min–max. T3 runs inside one process (bench/validate-loop.mjs:
// the thread's CPU from process.threadCpuUsage). Batches run at three sizes (10, 1,000 and 5,000 plans by default): the
// fixed and per-plan cost of a batch and of the floor are fitted, round by round, from the two larger sizes (the
// smallest runs in the command's own thread, without workers) and the fit is set beside the smallest.
//
// Usage: node bench/run.mjs [--quick | --full] [--only <section>[,…]] [--sizes S,M,L] [--json <file>] [--strict]
//   sections: render (T1), validate (T2), throughput (T3), batch (T4, T5, T6), watch (T7); default: all
//   --quick: a smoke run of every target at small sizes (10, 100, 300 plans; 1–2 pairs): under a minute on an idle
//            2-core machine, under 3 minutes on a busy one. Its figures check that the bench works, not the targets.
//   default: the real figures: 5 pairs of 3 runs a cold figure, batches of 10 / 1,000 / 5,000 plans, 3 rounds of the
//            two smaller and 2 of the largest, pandoc over 200 seed texts (about 5 minutes on an idle 2-core machine)
//   --full:  more of the same: 9 pairs of 5 runs, 5 rounds and 3 of the largest, pandoc over 1,000 seed texts
//   --sizes: the three batch sizes; --json: also write the targets as JSON; --strict: exit 1 when a target is missed
//   Exit code: 0 when every section ran (targets met or not, unless --strict), 1 when a measurement failed.
import { spawnSync, execFileSync } from 'node:child_process';
import { availableParallelism, cpus, totalmem, loadavg, tmpdir, platform, release } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { copyExamples, seedInputs, examples, seeds } from './generate.mjs';
import { measureWatch } from './watch.mjs';

const argv = process.argv.slice(2);
const argValue = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const mode = argv.includes('--full') ? 'full' : argv.includes('--quick') ? 'quick' : 'default';
const CFG = {
  quick: { pairs: 1, reps: 1, sizes: [10, 100, 300], rounds: 1, bigRounds: 1, seedFiles: 10, vplans: 200, vrounds: 2, saves: 4 },
  default: { pairs: 5, reps: 3, sizes: [10, 1000, 5000], rounds: 3, bigRounds: 2, seedFiles: 200, vplans: 1000, vrounds: 5, saves: 12 },
  full: { pairs: 9, reps: 5, sizes: [10, 1000, 5000], rounds: 5, bigRounds: 3, seedFiles: 1000, vplans: 2000, vrounds: 9, saves: 20 },
}[mode];
if (argValue('--sizes')) {
  CFG.sizes = argValue('--sizes').split(',').map(Number);
  if (CFG.sizes.length !== 3 || CFG.sizes.some((n) => !(n >= 2)) || !(CFG.sizes[0] < CFG.sizes[1] && CFG.sizes[1] < CFG.sizes[2])) throw new Error('--sizes: three increasing numbers of plans, e.g. 10,1000,5000');
}
const [S, M, L] = CFG.sizes;
const SECTIONS = ['render', 'validate', 'throughput', 'batch', 'watch'];
const only = argValue('--only')?.split(',');
if (only?.some((x) => !SECTIONS.includes(x))) throw new Error(`--only: one or more of ${SECTIONS.join(', ')}`);
/** Whether a section runs: all of them by default, the named ones with --only. */
const runs = (section) => !only || only.includes(section);

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli.cjs');
const NODE = process.execPath;
const PANDOC = ['/usr/bin/pandoc', '/usr/local/bin/pandoc'].find((p) => existsSync(p)) ?? whichOrNull('pandoc');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const env = { ...process.env, CI: '1', NO_COLOR: '1' };
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
/** "median (min–max)" with a formatter; a single value alone. */
const stat = (xs, f) => (!xs.length || xs.some(Number.isNaN) ? 'n/a' : xs.length === 1 ? f(xs[0]) : `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`);
const sec = (x) => `${x.toFixed(3)} s`;
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const mult = (x) => `${x.toFixed(2)}×`;
const mb = (x) => `${x.toFixed(0)} MB`;
const perS = (x) => `${x.toFixed(x < 100 ? 1 : 0)}/s`;
const results = [];
/**
 * Prints a target line and records it: `values` (per-pair ratios or figures), judged on their median (or their
 * maximum with pick 'max') against `goal`; met ✓, missed ✗, · not measured.
 */
function target(id, name, values, fmt, op, goal, { pick = 'median', note = '' } = {}) {
  const ok = values.length && !values.some(Number.isNaN);
  const v = ok ? (pick === 'max' ? Math.max(...values) : median(values)) : NaN;
  const met = ok ? (op === '<=' ? v <= goal : v >= goal) : null;
  const goalText = `${op === '<=' ? '≤' : '≥'} ${fmt(goal)}`;
  const shown = ok ? (pick === 'max' ? `${fmt(v)} (max of ${values.length})` : stat(values, fmt)) : (note || 'not measured');
  const r = { id, name, measured: ok ? v : null, shown, goal: goalText, met };
  results.push(r);
  console.log(line(r));
}
const mark = (met) => (met === null ? '·' : met ? '✓' : '✗');
const line = (r) => `  ${mark(r.met)} ${r.id} ${r.name.padEnd(52)} ${r.shown.padEnd(28)} target ${r.goal}`;
/** Records a target that this run does not measure (skipped, or not built), with why. */
function absent(id, name, why, goal) {
  const r = { id, name, measured: null, shown: why, goal, met: null };
  results.push(r);
  console.log(line(r));
}
const row = (label, text) => console.log(`      ${label.padEnd(50)} ${text}`);
const loadNow = () => loadavg().map((x) => x.toFixed(2)).join(', ');

// ---- running commands
/**
 * Runs a command as whole processes, `reps` times in a row (through `sh` when more than once) under one
 * /usr/bin/time: the wall seconds (hrtime) and CPU seconds (user + sys, children included) of one run (the mean),
 * and the peak resident memory of the largest process (MB). Throws when the command fails.
 */
function timed(cmd, args, { reps = 1, label = cmd } = {}) {
  const tf = join(work, 'time.txt');
  const inner = reps > 1 ? ['sh', ['-c', `i=0; while [ $i -lt ${reps} ]; do "$@" >/dev/null || exit $?; i=$((i+1)); done`, 'sh', cmd, ...args]] : [cmd, args];
  const [c, a] = TIME ? [TIME, ['-f', '%e %U %S %M', '-o', tf, inner[0], ...inner[1]]] : inner;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(c, a, { env, cwd: work, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 2 ** 20 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9 / reps;
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${label}: exit ${r.status}\n${String(r.stderr).slice(0, 800)}`);
  let cpu = NaN;
  let peakMB = NaN;
  if (TIME) {
    const last = readFileSync(tf, 'utf8').trim().split('\n').pop().split(' ');
    cpu = (Number(last[1]) + Number(last[2])) / reps;
    peakMB = Number(last[3]) / 1024;
  }
  return { wall, cpu, peakMB };
}

/**
 * Paired runs: after one warm-up run of each (unless warm is false), runs A then B (then C …) n times in turn, so
 * drift of the machine's speed hits all alike. Returns per-command arrays of results.
 */
function paired(cmds, n, warm = true) {
  if (warm) for (const c of cmds) c(-1);
  const out = cmds.map(() => []);
  for (let i = 0; i < n; i++) cmds.forEach((c, k) => out[k].push(c(i)));
  return out;
}
const ratios = (a, b, f) => a.map((x, i) => f(x) / f(b[i]));
const cpuOf = (x) => x.cpu;
const wallOf = (x) => x.wall;

/** Runs a section; a failure is printed, its targets are marked not measured, and the bench goes on. */
let failed = 0;
async function section(title, ids, fn) {
  console.log(`\n${title}`);
  try {
    await fn();
  } catch (e) {
    failed++;
    console.log(`  ! failed: ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n    ')}`);
    for (const [id, name, goal] of ids) if (!results.some((r) => r.id === id && r.name === name)) absent(id, name, 'failed', goal);
  }
  console.log(`      (load average at the section's end: ${loadNow()})`);
}

// ---- header
const load0 = loadNow();
const pandocVersion = PANDOC ? execFileSync(PANDOC, ['--version'], { encoding: 'utf8' }).split('\n')[0] : null;
console.log(`kehoach bench (${mode}${only ? `, only ${only.join(', ')}` : ''}) — ${new Date().toISOString()}`);
console.log(`hardware: ${availableParallelism()} cores, ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${platform()} ${release()}`);
console.log(`Node ${process.version} (V8 ${process.versions.v8}); ${pandocVersion ?? 'pandoc not installed (the pandoc comparisons are not measured)'}`);
console.log(`load average at start: ${load0} (1, 5, 15 min)${loadavg()[0] > availableParallelism() / 2 ? ' — a busy machine: the paired ratios say more than the absolute times' : ''}`);
console.log(`timing: wall from process.hrtime; ${TIME ? 'CPU (user + sys, children included) and peak RSS from /usr/bin/time (10 ms resolution: a cold figure is the mean of `reps` runs under one /usr/bin/time)' : '/usr/bin/time not installed: wall only (CPU and memory targets not measured)'}; NODE_EXTRA_CA_CERTS and NODE_OPTIONS unset for every measured process`);
console.log(`figures: median (min–max) over paired runs A B A B …; ${CFG.pairs} pair(s) of ${CFG.reps} run(s) a cold figure; batches of ${S}, ${M} and ${L} plans; ✓ met, ✗ missed, · not measured`);

// ---- inputs
const seedDir = join(work, 'seeds');
mkdirSync(seedDir);
const exs = examples();
const sds = seeds();
const seedFiles = sds.map((s) => { const f = join(seedDir, `${s.name}.md`); writeFileSync(f, s.text); return f; });
const seedOf = (e) => sds.findIndex((s) => s.name.slice(0, 3) === e.name.slice(0, 3)); // same 3-digit prefix
const refDir = join(work, 'ref');
mkdirSync(refDir);
for (const e of runs('batch') ? exs : exs.slice(0, 1)) { // the floor's parts (one render checks the build)
  const r = spawnSync(NODE, [CLI, 'render', join(ROOT, 'examples', `${e.name}.yaml`), '-o', join(refDir, `${e.name}.docx`)], { env, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`render ${e.name} failed (exit ${r.status}): build first (npm run build)`);
}
const render = (e, reps = CFG.reps) => () => timed(NODE, [CLI, 'render', join(ROOT, 'examples', `${e.name}.yaml`), '-o', join(work, 'cold.docx')], { reps, label: `render ${e.name}` });

// ---- T1: cold render of each example vs pandoc of its seed text
if (runs('render')) await section(`T1 cold render, one plan a process, vs pandoc -f markdown <seed text> -o x.docx (${CFG.pairs} pair(s) of ${CFG.reps} run(s) an example)`, [['T1', 'render / pandoc, CPU, median of the examples', '≤ 1.00×'], ['T1', 'render / pandoc, wall, median of the examples', '≤ 0.90×'], ['T1', 'render / pandoc, CPU, worst example', '≤ 1.30×']], () => {
  if (!PANDOC) {
    for (const e of exs) { const [a] = paired([render(e)], CFG.pairs); row(`render ${e.name}`, `cpu ${stat(a.map(cpuOf), sec)}, wall ${stat(a.map(wallOf), sec)}`); }
    for (const [name, goal] of [['render / pandoc, CPU, median of the examples', '≤ 1.00×'], ['render / pandoc, wall, median of the examples', '≤ 0.90×'], ['render / pandoc, CPU, worst example', '≤ 1.30×']]) absent('T1', name, 'no pandoc', goal);
    return;
  }
  const cpuR = [];
  const wallR = [];
  for (const e of exs) {
    const k = seedOf(e);
    if (k < 0) {
      const [a] = paired([render(e)], CFG.pairs);
      row(`render ${e.name}`, `cpu ${stat(a.map(cpuOf), sec)}, wall ${stat(a.map(wallOf), sec)}; no seed text: not compared`);
      continue;
    }
    const [a, b] = paired([render(e), () => timed(PANDOC, ['-f', 'markdown', seedFiles[k], '-o', join(work, 'pandoc.docx')], { reps: CFG.reps, label: 'pandoc' })], CFG.pairs);
    const rc = ratios(a, b, cpuOf);
    const rw = ratios(a, b, wallOf);
    cpuR.push({ name: e.name, r: median(rc) });
    wallR.push(median(rw));
    row(`render ${e.name}`, `cpu ${stat(a.map(cpuOf), sec)}, wall ${stat(a.map(wallOf), sec)}`);
    row(`  pandoc ${sds[k].name}.md`, `cpu ${stat(b.map(cpuOf), sec)}, wall ${stat(b.map(wallOf), sec)}`);
    row('  render / pandoc', `cpu ${stat(rc, mult)}, wall ${stat(rw, mult)}`);
  }
  // (across examples: the median and min–max of the examples' median ratios)
  target('T1', 'render / pandoc, CPU, median of the examples', cpuR.map((x) => x.r), mult, '<=', 1.0);
  target('T1', 'render / pandoc, wall, median of the examples', wallR, mult, '<=', 0.9);
  const worst = cpuR.reduce((a, b) => (b.r > a.r ? b : a), cpuR[0]);
  target('T1', `render / pandoc, CPU, worst example (${worst.name.slice(0, 3)})`, [worst.r], mult, '<=', 1.3);
});

// ---- T2: cold validate vs node -e 0
if (runs('validate')) await section(`T2 cold validate of one plan vs node -e 0 (${CFG.pairs + 2} pairs of ${CFG.reps + 2} runs)`, [['T2', 'validate / node -e 0, CPU', '≤ 2.50×'], ['T2', 'validate, wall', '≤ 0.150 s']], () => {
  const ex = join(ROOT, 'examples', `${exs[1].name}.yaml`);
  const reps = CFG.reps + 2;
  const [a, b] = paired([() => timed(NODE, [CLI, 'validate', ex], { reps, label: 'validate' }), () => timed(NODE, ['-e', '0'], { reps, label: 'node -e 0' })], CFG.pairs + 2);
  row('node -e 0', `cpu ${stat(b.map(cpuOf), sec)}, wall ${stat(b.map(wallOf), sec)}`);
  row(`kehoach validate ${exs[1].name}.yaml`, `cpu ${stat(a.map(cpuOf), sec)}, wall ${stat(a.map(wallOf), sec)}; / node -e 0 wall ${stat(ratios(a, b, wallOf), mult)}`);
  target('T2', 'validate / node -e 0, CPU', ratios(a, b, cpuOf), mult, '<=', 2.5);
  target('T2', 'validate, wall', a.map(wallOf), sec, '<=', 0.15);
});

// ---- T3: validation in one thread vs the YAML reader's floor
if (runs('throughput')) await section(`T3 validation in one thread, ${CFG.vplans} copies of the examples, vs parsing the same texts with the YAML reader used (${CFG.vrounds} paired rounds after a warm round)`, [['T3', 'validatePlan / YAML reader floor, thread CPU', '≤ 4.00×'], ['T3', 'validatePlan, files/s (wall)', '≥ 2000/s']], () => {
  const dir = join(work, 'vplans');
  const files = copyExamples(dir, CFG.vplans);
  const listFile = join(work, 'vlist.txt');
  writeFileSync(listFile, files.join('\n'));
  const r = spawnSync(NODE, [join(ROOT, 'bench/validate-loop.mjs'), listFile, String(CFG.vrounds)], { env, encoding: 'utf8', cwd: ROOT, maxBuffer: 16 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`validate loop failed: ${r.stderr}`);
  const res = JSON.parse(r.stdout);
  const per = (xs, f) => xs.map((x) => x[f] / res.n);
  const readers = Object.entries(res.readers).filter(([, n]) => n).map(([k, n]) => `${k} for ${n}`).join(', ');
  row('YAML reader used (kehoach\'s own choice, text by text)', `${readers} of ${res.n} texts (floor: js-yaml load / yaml parse)`);
  row('validatePlan (YAML, schema, normalise, rules) a plan', `cpu ${stat(per(res.plan, 'cpuMs'), ms)}, wall ${stat(per(res.plan, 'wallMs'), ms)}; ${res.errors} errors`);
  row('floor: the YAML reader\'s parse to data, a plan', `cpu ${stat(per(res.floor, 'cpuMs'), ms)}, wall ${stat(per(res.floor, 'wallMs'), ms)}`);
  row('validatePlan, files/s by the thread\'s CPU', `${stat(res.plan.map((x) => (res.n * 1000) / x.cpuMs), perS)} (reference: the wall's figure on an idle machine)`);
  row('js-yaml events + scalar values only, a plan', `cpu ${stat(per(res.events, 'cpuMs'), ms)} (reference)`);
  row('validateFile (read, inherit, check), files/s', `${stat(res.file.map((x) => (res.n * 1000) / x.wallMs), perS)} (reference)`);
  target('T3', 'validatePlan / YAML reader floor, thread CPU', ratios(res.plan, res.floor, (x) => x.cpuMs), mult, '<=', 4);
  target('T3', 'validatePlan, files/s (wall)', res.plan.map((x) => (res.n * 1000) / x.wallMs), perS, '>=', 2000);
  console.log(`      (thread CPU from ${res.cpuSource})`);
  rmSync(dir, { recursive: true, force: true });
});

// ---- T4, T5, T6: batches at three sizes vs the floor and pandoc
if (runs('batch')) await section(`T4–T6 batch --jobs 2 over copies of the examples at ${S}, ${M} and ${L} plans; the floor over the same plans (bench/floor.mjs, 2 processes); pandoc over ${CFG.seedFiles} copies of the seed texts (xargs -P 2); ${CFG.rounds} paired round(s) of ${S} and ${M}, ${CFG.bigRounds} of ${L}`, [
  ['T4', `batch / floor, CPU, ${M} plans`, '≤ 2.50×'], ['T4', `batch / pandoc, files/s, ${M} plans`, '≥ 15.00×'], ['T4', `batch / floor, CPU, ${L} plans`, '≤ 2.75×'],
  ['T5', `batch of ${S} / one cold render, CPU`, '≤ 5.00×'], ['T6', `peak RSS, ${L} plans`, '≤ 300 MB'], ['T6', `peak RSS, ${L} / ${M} plans`, '≤ 1.30×'],
], () => {
  const dirs = {};
  const halves = {};
  for (const n of CFG.sizes) {
    dirs[n] = join(work, `plans-${n}`);
    const plans = copyExamples(dirs[n], n);
    halves[n] = [0, 1].map((h) => { const f = join(work, `half-${n}-${h}.txt`); writeFileSync(f, plans.filter((_, i) => i % 2 === h).join('\n')); return f; });
  }
  const seedList = join(work, 'seedlist.txt');
  if (PANDOC) writeFileSync(seedList, seedInputs(join(work, 'seedcopies'), CFG.seedFiles).join('\n'));
  const out = join(work, 'out');
  const batch = (n) => () => { rmSync(out, { recursive: true, force: true }); return timed(NODE, [CLI, 'batch', dirs[n], '-o', out, '--jobs', '2'], { label: `batch ${n}` }); };
  const floor = (n) => () => { rmSync(out, { recursive: true, force: true }); return timed('sh', ['-c', `${halves[n].map((h, i) => `"${NODE}" "${join(ROOT, 'bench/floor.mjs')}" "${h}" "${refDir}" "${out}" & p${i}=$!; `).join('')}wait $p0 && wait $p1`], { label: `floor ${n}` }); };
  const pandoc = () => timed('sh', ['-c', `xargs -P 2 -I{} "${PANDOC}" -f markdown {} -o {}.docx < "${seedList}"`], { label: 'pandoc xargs' });
  let e = 0;
  const cold = () => render(exs[e++ % exs.length])(); // a cold render of each example in turn
  // the small and middle sizes, with pandoc and the cold render of T5, in turn; then the large size
  const cmds = [batch(S), cold, floor(S), batch(M), floor(M), ...(PANDOC ? [pandoc] : [])];
  for (const c of [batch(S), floor(S), cold]) c(); // warm-ups of the quick ones (page cache, cache folder)
  const [bS, rc, fS, bM, fM, pd] = paired(cmds, CFG.rounds, false);
  const [bL, fL] = paired([batch(L), floor(L)], CFG.bigRounds, false);
  rmSync(out, { recursive: true, force: true });
  const rate = (n) => (x) => n / x.wall;
  for (const [name, xs, n] of [[`batch ${S} plans`, bS, S], ['  floor', fS, S], [`batch ${M} plans`, bM, M], ['  floor', fM, M], [`batch ${L} plans`, bL, L], ['  floor', fL, L]]) {
    row(name, `cpu ${stat(xs.map(cpuOf), sec)}, wall ${stat(xs.map(wallOf), sec)}, ${stat(xs.map(rate(n)), perS)}, peak ${stat(xs.map((x) => x.peakMB), mb)}`);
  }
  if (pd) row(`pandoc, ${CFG.seedFiles} seed texts, xargs -P 2`, `cpu ${stat(pd.map((x) => (x.cpu / CFG.seedFiles) * 1000), ms)} a file, wall ${stat(pd.map(wallOf), sec)}, ${stat(pd.map(rate(CFG.seedFiles)), perS)}`);
  row('one cold render (the examples in turn)', `cpu ${stat(rc.map(cpuOf), sec)}, wall ${stat(rc.map(wallOf), sec)}`);

  // fixed and per-plan cost, fitted round by round from M and L: cost(n) = fixed + n × per. Not from S: a batch of at
  // most 24 plans renders in the command's own thread (src/batch/index.ts IN_PROCESS_MAX), without the pool's cost.
  console.log(`    fixed and per-plan cost (fitted from ${M} and ${L} plans, round by round; the fit's ${S}-plan figure against the measured, which runs without workers)`);
  const fit = (a, b, f) => b.map((y, i) => { const per = (f(y) - f(a[i])) / (L - M); return { per, fixed: f(a[i]) - M * per }; });
  for (const [name, small, a, b] of [['batch', bS, bM, bL], ['floor', fS, fM, fL]]) {
    for (const [what, f] of [['cpu', cpuOf], ['wall', wallOf]]) {
      const ft = fit(a, b, f);
      const predicted = median(ft.map((x) => x.fixed + S * x.per));
      row(`${name}, ${what}`, `fixed ${stat(ft.map((x) => x.fixed), sec)}, per plan ${stat(ft.map((x) => x.per * 1000), ms)}; at ${S}: fit ${sec(predicted)}, measured ${stat(small.map(f), sec)}`);
    }
  }
  const perBatch = fit(bM, bL, cpuOf).map((x) => x.per);
  const perFloor = fit(fM, fL, cpuOf).map((x) => x.per);
  row('per-plan CPU, batch / floor', stat(perBatch.map((x, i) => x / perFloor[i]), mult));

  target('T4', `batch / floor, CPU, ${M} plans`, ratios(bM, fM, cpuOf), mult, '<=', 2.5);
  if (pd) target('T4', `batch / pandoc, files/s, ${M} plans`, bM.map((x, i) => rate(M)(x) / rate(CFG.seedFiles)(pd[i])), mult, '>=', 15);
  else absent('T4', `batch / pandoc, files/s, ${M} plans`, 'no pandoc', '≥ 15.00×');
  target('T4', `batch / floor, CPU, ${L} plans`, ratios(bL, fL, cpuOf), mult, '<=', 2.75);
  target('T5', `batch of ${S} / one cold render, CPU`, ratios(bS, rc, cpuOf), mult, '<=', 5);
  target('T6', `peak RSS, ${L} plans`, bL.map((x) => x.peakMB), mb, '<=', 300, { pick: 'max' });
  // (the large runs are not paired with the middle ones: the ratio of the medians)
  target('T6', `peak RSS, ${L} / ${M} plans`, [median(bL.map((x) => x.peakMB)) / median(bM.map((x) => x.peakMB))], mult, '<=', 1.3);
  for (const n of CFG.sizes) rmSync(dirs[n], { recursive: true, force: true });
  rmSync(join(work, 'seedcopies'), { recursive: true, force: true });
});

// ---- T7: watch
if (runs('watch')) await section(`T7 render --watch: ${CFG.saves} saves of ${exs[1].name}, from the write to the rewritten .docx (half in place, half a temporary file renamed over it)`, [['T7', 'watch: save → .docx rewritten', '≤ 100 ms']], async () => {
  const w = await measureWatch(CFG.saves, exs[1].name.slice(0, 3));
  row('in-place write (truncate, write, close)', stat(w.inPlace, ms));
  row('temporary file renamed over the plan', stat(w.rename, ms));
  target('T7', 'watch: save → .docx rewritten', [...w.inPlace, ...w.rename], ms, '<=', 100);
});
if (runs('watch')) await section(`T7 language server (kehoach lsp): ${CFG.saves * 2} keystrokes typed one at a time into the largest example, from the change sent to its diagnostics received (the server's pause for more typing included)`, [['T7', 'language server: keystroke → diagnostics', '≤ 50 ms']], async () => {
  const { measureLsp } = await import('./lsp.mjs');
  const k = await measureLsp(CFG.saves * 2);
  row(`${k.example}, keystroke → diagnostics`, stat(k.ms, ms));
  target('T7', 'language server: keystroke → diagnostics', k.ms, ms, '<=', 50);
});

// ---- summary
const measured = results.filter((r) => r.met !== null);
console.log(`\nsummary (${mode}; Node ${process.version}; ${pandocVersion ?? 'no pandoc'}; load average at start ${load0}, at end ${loadNow()})`);
for (const r of results) console.log(line(r));
if (loadavg()[0] > availableParallelism() / 2) console.log(`(load average above ${availableParallelism() / 2} at the end: other work shared the machine; the paired ratios say more than the absolute figures)`);
console.log(`targets met: ${measured.filter((r) => r.met).length} of ${measured.length} measured (${results.length - measured.length} not measured)${mode === 'quick' ? ' — a smoke run at small sizes: not the targets\' figures' : ''}`);
if (argValue('--json')) writeFileSync(argValue('--json'), JSON.stringify({ mode, date: new Date().toISOString(), node: process.version, pandoc: pandocVersion, load: { start: load0, end: loadNow() }, sizes: CFG.sizes, results }, null, 2));
process.exitCode = failed ? 1 : argv.includes('--strict') && measured.some((r) => !r.met) ? 1 : 0;
