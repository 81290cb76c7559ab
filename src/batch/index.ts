/**
 * `kehoach batch`: render many plans like a build tool — in parallel on worker threads (piscina), each plan
 * isolated (one bad plan does not stop the others), every output written atomically, resumable
 * (--incremental, by input hash), sliceable (--shard i/n), with a manifest a machine can read.
 * The main thread only schedules and reports, except in a batch of at most IN_PROCESS_MAX plans, which it renders itself.
 */
import { kehoachVersion } from '../version.js';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { DEFAULT_TEMPLATES_DIR, templateRoots } from '../profile.js';
import { configRun, templatesFor } from '../config.js';
import { writeFileAtomic } from '../write.js';
import { KehoachError, type Diagnostic } from '../errors.js';
import { msg, ioReason, type Lang } from '../i18n/messages.js';
import { acquireLock, removeStaleTemps } from './lock.js';
import { discover, outputFor, inShard, type PlanEntry } from './plan-set.js';
import { checkRegister } from './register.js';
import type { Task, TaskResult } from './worker.js';

export type { TaskResult } from './worker.js';

export interface BatchOptions {
  outdir: string;
  /** Worker threads (default: the number of cores). */
  jobs?: number;
  /** Skip plans whose inputs hash the same as in the previous manifest. */
  incremental?: boolean;
  /** Manifest path (default outdir/manifest.json). */
  manifest?: string;
  shard?: { i: number; n: number };
  checkRegister?: boolean;
  lang?: Lang;
  templatesDir?: string;
  /** Called after each plan finishes (for progress display). */
  onProgress?: (p: BatchProgress) => void;
  /** Called once the plans are done, with the lock on outdir still held (batch --pdf converts then, so no other
   * batch writes the folder meanwhile); what it throws, runBatch throws after releasing the lock. */
  whileLocked?: (summary: BatchSummary) => Promise<void>;
  /** Replace existing outputs kehoach did not write (src/own-output.ts); without it such a plan fails. */
  forceOverwrite?: boolean;
  /**
   * Keep this process's young generation at its starting size in a batch of at least SMALL_YOUNG_GENERATION_FROM
   * plans (keepMainYoungGenerationSmall). Process-wide: the command line sets it; a library caller keeps its own heap.
   */
  smallYoungGeneration?: boolean;
}

export interface BatchProgress { done: number; total: number; rendered: number; failed: number; skipped: number; elapsedMs: number }

export interface BatchSummary extends BatchProgress {
  results: TaskResult[];
  /** Register diagnostics (with --check-register). */
  register: Diagnostic[];
  /** Problems of the batch itself (the manifest could not be written): errors, the exit code is 1. */
  problems: Diagnostic[];
  manifest: string;
  wallMs: number;
  /** The dot-named *.yaml files of the input folders, left out (src/batch/validate.ts). */
  hidden: string[];
}

/** The manifest (outdir/manifest.json), written as the batch goes (so a killed run can resume) and at its end. */
export interface Manifest {
  tool: string;
  version: string;
  plans: TaskResult[];
}

/**
 * The young generation of each worker's heap, MB (Node's Worker resourceLimits.maxYoungGenerationSizeMb). A worker
 * keeps ~17 MB alive (its caches and code) and makes a few MB of short-lived objects a plan; V8's default young
 * generation (semi-spaces of up to 16 MB) let each worker's heap grow by tens of MB for no gain. With 8 MB a batch of
 * 1,000 plans peaked at 217 MB instead of 264 MB at the same CPU (paired runs, ratio 1.00), and one of 5,000 plans at
 * 287 MB (npm run bench -- --only memory).
 */
export const WORKER_YOUNG_GENERATION_MB = 8;

/**
 * The V8 flags that keep the young generation of a batch's main thread at its starting size (the command line asks
 * for them in a batch of SMALL_YOUNG_GENERATION_FROM plans or more: keepMainYoungGenerationSmall). Every result the main thread receives is kept to the end
 * (the manifest and the report need them), so most of what it allocates survives its scavenges, and V8 answers a high
 * survival rate by doubling the young generation up to its limit (2 × 32 MB semi-spaces on a machine with a large
 * heap limit): at 5,000 plans that alone added ~70 MB to the batch's peak. With the young generation at its starting
 * size the survivors are promoted sooner, at little cost to the main thread (it only schedules and reports).
 * V8's flags are process-wide: the growth factor holds the workers' young generations too, at their small starting
 * size, which cost 4–9 % more CPU (their scavenges); `--min-semi-space-size` (read when an isolate is made, so it
 * applies to the workers started after it and not to this thread's heap, already made) starts each worker's young
 * generation at its limit (WORKER_YOUNG_GENERATION_MB: V8 caps the starting size by the limit), as large as it grew to
 * before. Paired, 5,000 plans: with it 0.93× and 0.95× the CPU of the growth factor alone, peak 264/273 MB vs 255/262.
 * Measured, batch --jobs 2 of 5,000 plans, with the manifest's entries kept as bytes (manifestBytes): peak RSS 293 and
 * 263 MB without the flags, 250 and 251 MB with the growth factor alone (paired runs).
 */
export const MAIN_YOUNG_GENERATION_FLAG = '--semi-space-growth-factor=1 --min-semi-space-size=16';

/**
 * From this many plans on, the command line's batch keeps its young generation small (BatchOptions.smallYoungGeneration).
 * Not below: what the main thread keeps grows with the plans, and so does the young generation V8 gives it, while a
 * young generation held small promotes more to the old one, whose collections cost CPU (with the growth factor alone,
 * which also held the workers' young generations small, +4–9 % of a 5,000-plan batch's CPU); at 1,000 plans the batch's
 * peak is well below the 5,000-plan target without it.
 */
export const SMALL_YOUNG_GENERATION_FROM = 2000;

/**
 * Keeps this process's young generation from growing (MAIN_YOUNG_GENERATION_FLAG). V8's semi-space growth factor is
 * read at each growth decision, so the flag takes effect at run time; process-wide, so runBatch calls it only when told
 * to (BatchOptions.smallYoungGeneration, set by the command line). Idempotent.
 */
export async function keepMainYoungGenerationSmall(): Promise<void> {
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString(MAIN_YOUNG_GENERATION_FLAG);
}

/** Tasks in flight per worker: the main thread keeps the pool busy without queueing every task at once. */
export const IN_FLIGHT_PER_WORKER = 4;

/**
 * Up to this many plans, a batch renders them in its own thread, one after the other, with no worker: starting a worker
 * (a thread, Node's bootstrap, the workers' bundle from its code cache, then its code warming up) costs more than
 * such a batch saves by running on two of them (as `validate` does below its POOL_THRESHOLD). Each plan still fails
 * alone (src/batch/worker.ts catches whatever its stages throw). Measured on a batch of 10 plans, --jobs 2: the
 * figures are in the commit that set it.
 */
export const IN_PROCESS_MAX = 24;

/** The most plans one worker task carries. */
export const MAX_CHUNK = 8;

/**
 * Plans per worker task: up to MAX_CHUNK, fewer when the batch is small, so that every lane (jobs × in-flight tasks)
 * still gets about four tasks and the last of them end together (a short batch spreads over every worker).
 */
export function chunkSize(plans: number, lanes: number): number {
  return Math.max(1, Math.min(MAX_CHUNK, Math.floor(plans / Math.max(1, lanes * 4))));
}


/**
 * Hash of everything besides the plan that shapes the output: tool version and every template file of the folders
 * a plan's templates are looked up in (an office's folder, then the package's: templateRoots), so a changed office
 * layout or template invalidates --incremental. With the package's folder alone it is the hash it always was.
 */
export function environmentHash(templatesDir: string): string {
  const h = createHash('sha256').update(`kehoach@${kehoachVersion()}\0`);
  const walk = (root: string, dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(root, p);
      else h.update(p.slice(root.length)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  const roots = templateRoots(templatesDir);
  for (const [i, root] of roots.entries()) {
    if (i < roots.length - 1) h.update(`office\0${root}\0`); // the office's folder, told from the package's
    if (existsSync(root)) walk(root, root);
  }
  return h.digest('hex');
}

/** While a batch runs, the manifest is rewritten at most this often (ms), and after the first plan. */
export const MANIFEST_INTERVAL_MS = 1000;

/**
 * The manifest's bytes, exactly `JSON.stringify(manifest, null, 2)` and a line break in UTF-8, with each entry's bytes
 * kept in `cache` (an entry is not changed once finished; one that is must be deleted from the cache): during a run the
 * manifest is written every second or so, and serialising every finished plan each time was most of what a batch's main
 * thread allocated (its young generation doubled, +20 MB at 2,000 plans). Kept as UTF-8 bytes, not strings: a plan's
 * Vietnamese text makes its entry a two-byte string, twice the bytes, on the heap the main thread collects; and the
 * file is put together from the kept bytes without a string of the whole manifest (8 MB at 5,000 plans), each time.
 */
export function manifestBytes(manifest: Manifest, cache: WeakMap<TaskResult, Buffer>): Buffer {
  if (!manifest.plans.length) return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const head = JSON.stringify({ ...manifest, plans: [] }, null, 2);
  const open = head.lastIndexOf('"plans": []');
  const parts: Buffer[] = [Buffer.from(`${head.slice(0, open)}"plans": [\n`)];
  const comma = Buffer.from(',\n');
  for (const [i, r] of manifest.plans.entries()) {
    let bytes = cache.get(r);
    if (bytes === undefined) {
      // Nested two levels deep: every line of the entry's own text is indented by four more spaces (JSON.stringify
      // escapes a line break inside a string, so the only line breaks are the layout's).
      bytes = Buffer.from(`    ${JSON.stringify(r, null, 2).replaceAll('\n', '\n    ')}`);
      cache.set(r, bytes);
    }
    if (i) parts.push(comma);
    parts.push(bytes);
  }
  parts.push(Buffer.from(`\n  ]${head.slice(open + '"plans": []'.length)}\n`));
  return Buffer.concat(parts);
}

/**
 * Renders every plan found under the inputs into outdir, mirroring the input folders. Holds a lock on outdir for
 * its duration (whileLocked included), first removes the temp files a killed run left there, and writes the manifest as it goes.
 * A plan that cannot be written (full disk, read-only folder) fails alone; a manifest that cannot be written is
 * reported in `problems`.
 * @throws KehoachError (kind "usage") when an input matches nothing; (kind "io") when another batch holds outdir
 */
export async function runBatch(inputs: string[], opts: BatchOptions): Promise<BatchSummary> {
  // One config run (src/config.ts): each plan folder's kehoach.config.yaml and _defaults.yaml files are searched for
  // once in this thread.
  return configRun(() => batchRun(inputs, opts));
}

async function batchRun(inputs: string[], opts: BatchOptions): Promise<BatchSummary> {
  const start = performance.now();
  const lang = opts.lang ?? 'vi';
  const { plans: found, unmatched, hidden } = await discover(inputs);
  if (unmatched.length) throw new KehoachError(msg('cli/no-input', lang, { patterns: unmatched.join(' ') }), [], 'usage');
  const plans = opts.shard ? found.filter((p) => inShard(p.rel, opts.shard!)) : found;
  const manifestPath = opts.manifest ?? join(opts.outdir, 'manifest.json');
  const release = await acquireLock(opts.outdir, lang);
  try {
    const summary = { ...(await runLocked(plans, manifestPath, start, lang, opts)), hidden };
    await opts.whileLocked?.(summary);
    return summary;
  } finally {
    await release();
  }
}

async function runLocked(plans: PlanEntry[], manifestPath: string, start: number, lang: Lang, opts: BatchOptions): Promise<Omit<BatchSummary, 'hidden'>> {
  await removeStaleTemps(opts.outdir);
  const previous = new Map<string, TaskResult>();
  if (opts.incremental && existsSync(manifestPath)) {
    try {
      for (const p of (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest).plans) {
        if (p.input_hash && p.status !== 'failed') previous.set(p.input, p);
      }
    } catch { /* an unreadable manifest means a full rebuild */ }
  }

  // Outputs: inside outdir, one plan per output.
  const results: TaskResult[] = [];
  const byOutput = new Map<string, PlanEntry[]>();
  const runnable: (PlanEntry & { output: string })[] = [];
  for (const p of plans) {
    const output = outputFor(opts.outdir, p.rel);
    if (!output) {
      results.push({ input: p.input, output: p.rel, status: 'failed', diagnostics: [{ file: p.input, line: 1, column: 1, severity: 'error', rule: 'batch/outside', message: msg('batch/outside', lang, { output: p.rel }) }] });
      continue;
    }
    byOutput.set(output, [...(byOutput.get(output) ?? []), p]);
  }
  for (const [output, ps] of byOutput) {
    if (ps.length === 1) { runnable.push({ ...ps[0], output }); continue; }
    for (const p of ps) {
      const other = ps.filter((q) => q !== p).map((q) => q.input).join(', ');
      results.push({ input: p.input, output, status: 'failed', diagnostics: [{ file: p.input, line: 1, column: 1, severity: 'error', rule: 'batch/clash', message: msg('batch/clash', lang, { other, output }) }] });
    }
  }

  // The manifest as the batch goes: the plans done so far, and the previous entries of those not yet redone (a
  // killed --incremental run keeps them). One write at a time; during the run at most every MANIFEST_INTERVAL_MS (longer
  // for long batches, below).
  const problems: Diagnostic[] = [];
  const entryBytes = new WeakMap<TaskResult, Buffer>();
  let lastSave = -Infinity;
  let writing: Promise<void> = Promise.resolve();
  const saveManifest = (final: boolean): Promise<void> => {
    const now = performance.now();
    // Every second, and no more often than a second per 1,000 plans: each write serialises every plan done so far, so
    // a fixed interval would make a long batch's main thread allocate in proportion to its length squared.
    if (!final && now - lastSave < MANIFEST_INTERVAL_MS * Math.max(1, results.length / 1000)) return writing;
    lastSave = now;
    const done = new Set(results.map((r) => r.input));
    const pending = [...previous.values()].filter((p) => !done.has(p.input));
    const sorted = [...results, ...(final ? [] : pending)].sort((a, b) => (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
    const manifest: Manifest = { tool: 'kehoach', version: kehoachVersion(), plans: sorted };
    // Each entry is serialised once (an entry whose diagnostics are filtered at the end is dropped from the cache).
    const bytes = manifestBytes(manifest, entryBytes);
    writing = writing.then(() => writeFileAtomic(resolve(manifestPath), bytes)).then(() => {}, (e) => {
      if (!final) return; // a failed progress write is retried by the next one; the final one is reported
      problems.push({ file: manifestPath, line: 1, column: 1, severity: 'error', rule: 'batch/manifest', message: msg('batch/manifest-failed', lang, { file: manifestPath, reason: ioReason(e, lang) }) });
    });
    return writing;
  };
  // Each plan's templates folder (--templates, else its kehoach.config.yaml's `templates:`), and its hash once a folder.
  const envHashes = new Map<string, string>();
  const templatesOf = (input: string): { dir: string; hash: string } => {
    const dir = templatesFor(opts.templatesDir, input, lang);
    let hash = envHashes.get(dir);
    if (hash === undefined) envHashes.set(dir, (hash = environmentHash(dir)));
    return { dir, hash };
  };
  if (opts.smallYoungGeneration && runnable.length >= SMALL_YOUNG_GENERATION_FROM) await keepMainYoungGenerationSmall();
  const jobs = Math.max(1, opts.jobs ?? availableParallelism());
  const progress: BatchProgress = { done: 0, total: plans.length, rendered: 0, failed: results.length, skipped: 0, elapsedMs: 0 };
  progress.done = results.length;
  // A small batch runs here (IN_PROCESS_MAX); a larger one on workers. piscina is loaded only then, not with the
  // module: it costs ~25 ms to load, and the command line bundles this module.
  let pool: { run(tasks: Task[]): Promise<TaskResult[]>; destroy(): Promise<void> };
  if (runnable.length <= IN_PROCESS_MAX) {
    const { batch } = await import('./workers.js');
    pool = { run: batch, destroy: async () => {} };
  } else {
    const { Piscina } = await import('piscina');
    // Workers run the pipeline from its bundle with the build's code cache (src/worker-entry.cts): they start warm.
    pool = new Piscina<Task[], TaskResult[]>({
      filename: new URL('../worker-entry.cjs', import.meta.url).href,
      name: 'batch',
      minThreads: Math.min(jobs, runnable.length || 1),
      maxThreads: jobs,
      idleTimeout: 1000,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
  }
  const taskOf = (p: PlanEntry & { output: string }): Task => {
    const prev = previous.get(p.input);
    const templates = templatesOf(p.input);
    return { input: p.input, output: p.output, outdir: opts.outdir, lang, environmentHash: templates.hash, ...(opts.forceOverwrite ? { forceOverwrite: true } : {}), ...(templates.dir !== DEFAULT_TEMPLATES_DIR ? { templatesDir: templates.dir } : {}), ...(prev?.input_hash ? { previous: { input_hash: prev.input_hash, ...(prev.content_hash ? { content_hash: prev.content_hash } : {}) } } : {}) };
  };
  const failed = (p: PlanEntry & { output: string }, e: unknown): TaskResult => {
    if (e instanceof KehoachError && e.diagnostics.length) return { input: p.input, output: p.output, status: 'failed', diagnostics: e.diagnostics };
    // A worker that dies (out of memory, a crash) fails its plans, not the batch.
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { input: p.input, output: p.output, status: 'failed', diagnostics: [{ file: p.input, line: 1, column: 1, severity: 'error', rule: 'internal', message }] };
  };
  /** Renders a chunk of plans in one worker task (one message each way for several plans). */
  const chunk = async (ps: Array<PlanEntry & { output: string }>): Promise<void> => {
    let rs: TaskResult[];
    try {
      rs = await pool.run(ps.map(taskOf));
    } catch (e) {
      rs = ps.map((p) => failed(p, e));
    }
    for (const r of rs) {
      progress.done++;
      progress[r.status]++;
      results.push(r);
    }
    await saveManifest(false);
    progress.elapsedMs = performance.now() - start;
    opts.onProgress?.({ ...progress });
  };
  try {
    let next = 0;
    const lanes = Math.min(runnable.length, jobs * IN_FLIGHT_PER_WORKER);
    const size = chunkSize(runnable.length, lanes);
    // A fixed number of lanes, each taking the next chunk of plans when its last one is done.
    const lane = async () => { while (next < runnable.length) await chunk(runnable.slice(next, (next += size))); };
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    await pool.destroy();
  }
  results.sort((a, b) => (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
  // A mistake in a kehoach.config.yaml is found with every plan it applies to: report it with the first only.
  const seenConfig = new Set<string>();
  for (const r of results) {
    const kept = r.diagnostics.filter((d) => !d.rule.startsWith('config/') || (!seenConfig.has(`${d.file}:${d.line}:${d.column}:${d.rule}`) && !!seenConfig.add(`${d.file}:${d.line}:${d.column}:${d.rule}`)));
    if (kept.length !== r.diagnostics.length) { r.diagnostics = kept; entryBytes.delete(r); } // its manifest entry changed
  }
  const register = opts.checkRegister ? checkRegister(results.flatMap((r) => (r.register ? [r.register] : [])), lang) : [];
  await saveManifest(true);
  const wallMs = performance.now() - start;
  return { ...progress, elapsedMs: wallMs, results, register, problems, manifest: manifestPath, wallMs };
}
