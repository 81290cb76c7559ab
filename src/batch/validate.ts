/**
 * Checking plan files: expanding the command line's files, directories and globs, and validating each file
 * into diagnostics without ever throwing for bad input.
 */
import { statSync } from 'node:fs';
import type { Diagnostic } from '../errors.js';
import { KehoachError } from '../errors.js';
import { isDefaultsFile, loadMerged, loadPlanWithInheritance } from '../inherit.js';
import { readPlanText } from '../load.js';
import { checkSource, type PlanOptions } from '../pipeline.js';
import { registerEntry, type RegisterEntry } from './register.js';

/**
 * Plan files are *.yaml / *.yml; names starting with "_" (like _defaults.yaml) are not plans. In a folder, files and
 * folders whose names begin with a dot are left out, as ESLint did up to version 8 (ESLint 9 includes them): editors'
 * lock and backup files (Emacs's .#plan.yaml) and tools' folders (.git, .github/workflows/*.yml, .vscode) are not
 * plans. The dot-named *.yaml files of the folders searched are counted and named (HIDDEN_GLOB), so none is left out
 * silently; named explicitly, one is checked.
 */
const PLAN_GLOB = '**/*.{yaml,yml}';
export const IGNORE = ['**/node_modules/**', '**/_*.yaml', '**/_*.yml', '**/.*/**'];
/** The dot-named plan files of a folder (outside dot-named folders): those PLAN_GLOB leaves out. */
export const HIDDEN_GLOB = '**/.*.{yaml,yml}';

/**
 * Expands files, directories (searched for *.yaml/*.yml) and glob patterns into a sorted list of plan files.
 * @returns the files, the arguments that matched nothing, and the dot-named files the folders held (left out)
 */
export async function expandInputs(args: string[]): Promise<{ files: string[]; unmatched: string[]; hidden: string[] }> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  const hidden: string[] = [];
  for (const arg of args) {
    let found: string[] = [];
    // One stat an argument, synchronous: fs/promises alone loads 7 of Node's modules into a cold `validate`.
    let st: ReturnType<typeof statSync> | null = null;
    try { st = statSync(arg); } catch { /* no such file: a pattern, or nothing */ }
    // The globber loads only for a folder or a pattern: checking one file does not pay for it.
    const { glob, isDynamicPattern } = st?.isFile() ? ({} as typeof import('tinyglobby')) : await import('tinyglobby');
    const under = (fs: string[]) => fs.map((f) => `${arg.replace(/\/+$/, '')}/${f}`);
    if (st?.isDirectory()) {
      found = under(await glob(PLAN_GLOB, { cwd: arg, ignore: IGNORE, absolute: false }));
      hidden.push(...under(await glob(HIDDEN_GLOB, { cwd: arg, ignore: IGNORE, dot: true, absolute: false })));
    }
    else if (st?.isFile()) found = [arg];
    else if (isDynamicPattern(arg)) found = await glob(arg, { ignore: IGNORE });
    if (found.length) found.forEach((f) => files.add(f));
    else unmatched.push(arg);
  }
  return { files: [...files].sort(), unmatched, hidden: [...new Set(hidden)].filter((f) => !files.has(f)).sort() };
}

/**
 * Validates one plan file: YAML, schema, structure and the rules of the standard.
 * @returns every diagnostic (errors and warnings), sorted by position; never throws for bad input
 */
export async function validateFile(path: string, opts: PlanOptions = {}): Promise<Diagnostic[]> {
  return (await checkFile(path, opts)).diagnostics;
}

/** Validates one plan file and, when it is valid and numbered, returns its entry for the register check. */
export async function checkFile(path: string, opts: PlanOptions = {}): Promise<{ diagnostics: Diagnostic[]; register?: RegisterEntry }> {
  try {
    if (isDefaultsFile(path)) return { diagnostics: await checkShared(path, opts) };
    const { source } = await loadPlanWithInheritance(path, { lang: opts.lang ?? 'vi' });
    const r = checkSource(source, opts);
    return r.view ? { diagnostics: r.diagnostics, register: registerEntry(source, r.profile!) } : { diagnostics: r.diagnostics };
  } catch (e) {
    if (e instanceof KehoachError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

/**
 * A `_defaults.yaml` named to validate (or open in the editor): the part of its plans it is. It is merged with the
 * `_defaults.yaml` files above it and checked as a plan would be, and what is reported is what lies in this file
 * other than a missing field (the plans give those: `kehoach validate` of each plan checks the whole).
 * @returns its diagnostics (a YAML error at its file:line:col included)
 */
async function checkShared(path: string, opts: PlanOptions): Promise<Diagnostic[]> {
  const lang = opts.lang ?? 'vi';
  const m = await loadMerged(path, readPlanText(path, lang), lang);
  const r = checkSource({ file: m.own.file, data: m.data, locate: m.locate, text: m.own.text }, opts);
  return r.diagnostics.filter((d) => d.file === m.own.file && d.rule !== 'schema/required');
}

/** A mistake in a kehoach.config.yaml is found with every plan it applies to: report it with the first only. */
function onceEach<T extends { diagnostics: Diagnostic[] }>(checks: T[]): T[] {
  const seen = new Set<string>();
  for (const c of checks) {
    c.diagnostics = c.diagnostics.filter((d) => {
      if (!d.rule.startsWith('config/')) return true;
      const k = `${d.file}:${d.line}:${d.column}:${d.rule}`;
      return !seen.has(k) && !!seen.add(k);
    });
  }
  return checks;
}

/** Below this many files, validation runs in the main thread (starting workers costs more than it saves). */
export const POOL_THRESHOLD = 200;

/**
 * Checks many files, in worker threads when there are at least POOL_THRESHOLD of them and jobs > 1.
 * @returns the checks in the order of `files`
 */
export async function checkFiles(files: string[], opts: PlanOptions & { jobs?: number } = {}): Promise<{ diagnostics: Diagnostic[]; register?: RegisterEntry }[]> {
  const jobs = opts.jobs ?? (await import('node:os')).availableParallelism();
  if (files.length < POOL_THRESHOLD || jobs <= 1) {
    const out = [];
    for (const f of files) out.push(await checkFile(f, { ...opts, file: f }));
    return onceEach(out);
  }
  const { Piscina } = await import('piscina');
  // Workers run the checks from their bundle with the build's code cache (src/worker-entry.cts): they start warm.
  const pool = new Piscina({ filename: new URL('../worker-entry.cjs', import.meta.url).href, name: 'validate', minThreads: jobs, maxThreads: jobs, idleTimeout: 500 });
  try {
    // Chunks of 25 files: one message per file costs more than the second thread gains on small plans.
    const chunks: string[][] = [];
    for (let i = 0; i < files.length; i += 25) chunks.push(files.slice(i, i + 25));
    const results = await Promise.all(chunks.map((c) => pool.run({ files: c, lang: opts.lang ?? 'vi', ...(opts.templatesDir ? { templatesDir: opts.templatesDir } : {}) })));
    return onceEach(results.flat());
  } finally {
    await pool.destroy();
  }
}
