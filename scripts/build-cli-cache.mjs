// Build step after scripts/bundle.mjs: V8 code cache of the command line's bundle (dist/bundle/cli.cjs.v8cache).
// Loads the bundle as the bin does (dist/cli.cjs, src/cli.cts), runs in this process what a cold command runs most — a
// render and a validation of each example, each taking its skeleton from the build's table (scripts/precompile-
// skeletons.mjs, run before this step), as a user's first render does — and
// writes what V8 compiled (src/code-cache.cts). A cold `kehoach` then compiles from this cache; V8 rejects it under
// another Node version or other flags, and the launcher then compiles as usual (and keeps its own cache in the user's
// cache folder). Nothing is written outside dist/ and a temporary folder (removed at the end).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const BUNDLE = `${DIST}bundle/cli.cjs`;
const WORKERS = `${DIST}bundle/workers.cjs`;
for (const n of existsSync(dirname(BUNDLE)) ? readdirSync(dirname(BUNDLE)) : []) if (n.endsWith('.v8cache')) rmSync(join(dirname(BUNDLE), n), { force: true }); // made from this build's code only

/**
 * The workers' bundle (src/worker-entry.cts) gets its cache the same way: compiled here, then run on what a worker
 * runs — a chunk of every example rendered by `batch` and one checked by `validate <folder>` — and saved.
 */
async function cacheWorkers(work, plans) {
  if (!existsSync(WORKERS)) return;
  const { compileChunk, runBundle } = await import('../dist/code-cache.cjs');
  const { exports: workers, script } = runBundle(WORKERS, (f) => compileChunk(f, []));
  const out = join(work, 'out');
  const tasks = plans.map((p, i) => ({ input: p, output: join(out, `${i}.docx`), outdir: out, lang: 'vi', environmentHash: '' }));
  for (let round = 0; round < 2; round++) {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    const rendered = await workers.batch(tasks);
    const failed = rendered.filter((r) => r.status !== 'rendered');
    if (failed.length) throw new Error(`a warm-up render of the workers' bundle failed: ${failed[0].input}`);
    await workers.validate({ files: plans, lang: 'vi' });
  }
  writeFileSync(`${WORKERS}.v8cache.tmp`, script.createCachedData());
  renameSync(`${WORKERS}.v8cache.tmp`, `${WORKERS}.v8cache`);
}
if (!existsSync(BUNDLE)) process.exit(0); // not bundled: nothing to cache

const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const plans = readdirSync(examples).filter((n) => n.endsWith('.yaml')).sort().map((n) => join(examples, n));
const work = mkdtempSync(join(tmpdir(), 'kehoach-cli-cache-'));
const saved = { argv: process.argv, env: { ...process.env } };
const stdout = Object.getOwnPropertyDescriptor(process, 'stdout');
try {
  Object.assign(process.env, { KEHOACH_CACHE_DIR: join(work, 'cache'), KEHOACH_LANG: 'vi' });
  delete process.env.KEHOACH_CACHE;
  const { compileChunk, runBundle } = await import('../dist/code-cache.cjs');
  // Every chunk compiled once and run afresh for each command (a fresh module state, the same compiled code).
  const scripts = new Map();
  const compile = (f) => { if (!scripts.has(f)) scripts.set(f, compileChunk(f, [])); return scripts.get(f); };
  // The command writes its output to the descriptor unless stdout is an object already (src/cli/stdio.ts): a silent one.
  Object.defineProperty(process, 'stdout', { value: { write: () => true, on() { return this; } }, configurable: true, writable: true });
  const runs = [...plans.map((p) => ['render', p, '-o', join(work, 'x.docx')]), ['validate', ...plans]];
  for (const args of runs) {
    process.argv = [process.execPath, `${DIST}cli.cjs`, ...args];
    await runBundle(BUNDLE, compile).exports.main();
  }
  Object.defineProperty(process, 'stdout', stdout);
  if (process.exitCode) throw new Error(`a warm-up run of the bundle ended with exit code ${process.exitCode}`);
  // The chunks no warm-up loaded (rest.cjs) are cached as they load: the definitions their first use runs.
  for (const name of readdirSync(dirname(BUNDLE)).filter((n) => n.endsWith('.cjs') && n !== 'workers.cjs')) {
    const f = join(dirname(BUNDLE), name);
    if (!scripts.has(f)) runBundle(f, compile);
  }
  for (const [f, { script }] of scripts) {
    writeFileSync(`${f}.v8cache.tmp`, script.createCachedData());
    renameSync(`${f}.v8cache.tmp`, `${f}.v8cache`);
  }
  await cacheWorkers(work, plans);
} finally {
  Object.defineProperty(process, 'stdout', stdout);
  process.argv = saved.argv;
  process.env = saved.env;
  rmSync(work, { recursive: true, force: true });
}
