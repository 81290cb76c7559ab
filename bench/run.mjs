// npm run bench: measures what kehoach costs, and prints figures (no pass/fail):
//  - cold single render and cold validate (process start → done), median of 10, NODE_EXTRA_CA_CERTS unset;
//  - where start-up time goes: import of each dependency, schema validator, first template compile, docx packing;
//  - batch of N plans with --jobs 1 and --jobs 2: wall time, docs/s, peak RSS of the process (threads included);
//  - peak RSS for 1000 and 5000 plans (memory should be flat in N);
//  - validation of 1000 plans in one process: files/s.
// Environment: BENCH_N (default 1000), BENCH_BIG (default 5000; 0 to skip).
import { spawnSync, spawn } from 'node:child_process';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { generate } from './generate.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli.js');
const N = Number(process.env.BENCH_N ?? 1000);
const BIG = Number(process.env.BENCH_BIG ?? 5000);
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS; // on the build machine this variable alone adds ~140 ms to every Node start
const work = mkdtempSync(join(tmpdir(), 'kh-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;
const line = (label, value) => console.log(`${label.padEnd(44)} ${value}`);

function timeCmd(args, runs = 10) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
    times.push(performance.now() - t);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
  }
  return times;
}

/** Runs a command, sampling the RSS of the process (worker threads share it) every 20 ms. */
function runWithPeak(args) {
  return new Promise((resolve) => {
    const t = performance.now();
    const child = spawn(process.execPath, args, { env: { ...env, CI: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let peak = 0;
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const sample = () => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peak = Math.max(peak, Number(hwm[1]) * 1024);
      } catch { /* exited */ }
    };
    const timer = setInterval(sample, 20);
    child.on('exit', (code) => { clearInterval(timer); resolve({ code, wall: performance.now() - t, peak, stderr }); });
  });
}

console.log(`kehoach bench — ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`N = ${N}${BIG ? `, big = ${BIG}` : ''}; NODE_EXTRA_CA_CERTS unset for child processes\n`);

// ---- cold starts
const example = join(ROOT, 'examples/001-ubnd-binh-thuan-2023.yaml');
line('node -e 0 (baseline), median of 10', ms(median(timeCmd(['-e', '0']))));
line('cold render (1 plan → .docx), median of 10', ms(median(timeCmd([CLI, 'render', example, '-o', join(work, 'one.docx')]))));
line('cold validate (1 plan), median of 10', ms(median(timeCmd([CLI, 'validate', example]))));

// ---- where the start-up time goes (in a fresh process each)
const probe = (code) => {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { env, encoding: 'utf8', cwd: ROOT });
  return r.stdout.trim();
};
console.log('\nstart-up cost, each in a fresh process:');
for (const m of ['commander', 'yaml', 'ajv/dist/2020.js', 'handlebars', 'markdown-it', 'fast-xml-parser', 'docx', 'fflate', 'piscina']) {
  line(`  import ${m}`, `${probe(`const t=performance.now(); await import('${m}'); console.log((performance.now()-t).toFixed(1))`)} ms`);
}
line('  import the whole library (dist/index.js)', `${probe(`const t=performance.now(); await import('./dist/index.js'); console.log((performance.now()-t).toFixed(1))`)} ms`);
line('  schema validator, precompiled (load)', `${probe(`const {planValidator}=await import('./dist/validate/schema.js'); const t=performance.now(); planValidator(); console.log((performance.now()-t).toFixed(1))`)} ms`);
line('  schema validator, compiled by ajv at run time', `${probe(`const {compileValidator}=await import('./dist/validate/schema.js'); const t=performance.now(); compileValidator(); console.log((performance.now()-t).toFixed(1))`)} ms`);
const stages = probe(`
  const { loadPlanWithInheritance } = await import('./dist/inherit.js');
  const { checkSource } = await import('./dist/pipeline.js');
  const { loadProfile } = await import('./dist/profile.js');
  const { renderMarkup } = await import('./dist/render/template.js');
  const { parseMarkup } = await import('./dist/render/markup.js');
  const { buildDocument } = await import('./dist/render/docx.js');
  const { packDeterministic } = await import('./dist/render/pack.js');
  const c = checkSource((await loadPlanWithInheritance('${example}')).source);
  const p = loadProfile('nha_nuoc'); const out = [];
  for (let i = 0; i < 2; i++) {
    let t = performance.now(); const m = renderMarkup(c.view, p, new URL('./templates', 'file://${ROOT}/').pathname); const a = performance.now() - t;
    t = performance.now(); const d = buildDocument(parseMarkup(m), p); const b = performance.now() - t;
    t = performance.now(); await packDeterministic(d, { title: '', subject: '', creator: '', description: '' }, '2023-01-01T00:00:00Z'); const cc = performance.now() - t;
    out.push([a, b, cc].map((x) => x.toFixed(1)).join('/'));
  }
  console.log(out.join(' then '));`);
line('  template / markup→docx / pack: first then warm', `${stages} ms`);

// ---- batch
console.log('');
const plans = join(work, 'plans');
generate(plans, N, 42);
for (const jobs of [1, 2]) {
  const out = join(work, `out-${jobs}`);
  const r = await runWithPeak([CLI, 'batch', plans, '-o', out, '--jobs', String(jobs)]);
  const rendered = Number(/đã kết xuất (\d+)/.exec(r.stderr)?.[1] ?? 0);
  line(`batch ${N} plans, --jobs ${jobs}`, `${(r.wall / 1000).toFixed(2)} s, ${(rendered / (r.wall / 1000)).toFixed(1)} docs/s, peak RSS ${(r.peak / 2 ** 20).toFixed(0)} MB (exit ${r.code}, ${rendered} rendered)`);
  rmSync(out, { recursive: true, force: true });
}
const incr = join(work, 'out-incr');
await runWithPeak([CLI, 'batch', plans, '-o', incr, '--jobs', '2']);
const again = await runWithPeak([CLI, 'batch', plans, '-o', incr, '--jobs', '2', '--incremental']);
line(`batch ${N} plans again, --incremental (all skipped)`, `${(again.wall / 1000).toFixed(2)} s`);
rmSync(incr, { recursive: true, force: true });
if (BIG) {
  const big = join(work, 'plans-big');
  generate(big, BIG, 7);
  const r = await runWithPeak([CLI, 'batch', big, '-o', join(work, 'out-big'), '--jobs', '2']);
  const rendered = Number(/đã kết xuất (\d+)/.exec(r.stderr)?.[1] ?? 0);
  line(`batch ${BIG} plans, --jobs 2`, `${(r.wall / 1000).toFixed(2)} s, ${(rendered / (r.wall / 1000)).toFixed(1)} docs/s, peak RSS ${(r.peak / 2 ** 20).toFixed(0)} MB`);
  rmSync(big, { recursive: true, force: true });
  rmSync(join(work, 'out-big'), { recursive: true, force: true });
}

// ---- validation throughput in one process
const { validateFile } = await import(join(ROOT, 'dist/validate/files.js'));
const files = [];
const walkDir = (d) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walkDir(join(d, e.name)) : files.push(join(d, e.name))));
walkDir(plans);
await validateFile(files[0]); // warm: validator loaded once, as in a long-running validate
let t = performance.now();
let errors = 0;
for (const f of files.slice(0, 1000)) errors += (await validateFile(f)).filter((d) => d.severity === 'error').length;
const dt = (performance.now() - t) / 1000;
line(`validate ${Math.min(1000, files.length)} plans in one process, one thread`, `${(Math.min(1000, files.length) / dt).toFixed(0)} files/s (${errors} errors; library loop, validator loaded once)`);
for (const jobs of [1, 2]) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'validate', plans, '--jobs', String(jobs), '--format', 'json'], { env, stdio: ['ignore', 'ignore', 'ignore'] });
  const s = (performance.now() - t0) / 1000;
  line(`kehoach validate <${files.length} plans> --jobs ${jobs} (one process)`, `${(files.length / s).toFixed(0)} files/s, ${s.toFixed(2)} s incl. start-up (exit ${r.status})`);
}
rmSync(work, { recursive: true, force: true });
