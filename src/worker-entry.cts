/**
 * The file the thread pools of `batch` and `validate <folder>` load in each worker (piscina, by the export's name:
 * `batch` or `validate`). It runs src/batch/workers.ts from its bundle (dist/bundle/workers.cjs) compiled with V8's code
 * cache, as the command's launcher (src/cli.cts) runs the command line: a worker then starts without parsing and
 * compiling the pipeline again, which was a third of a 1,000-plan batch (issue 22).
 *
 * The cache tried first is the build's, beside the bundle (scripts/build-cli-cache.mjs); V8 checks it against its own
 * version and flags and rejects one made by another Node. Then the user's cache (src/cache.cts, kind "code", under the
 * build's id, the Node version, the architecture and the flags); when neither was accepted, the first worker to finish
 * a chunk writes what V8 compiled there, so the next batch under this Node starts warm. A missing or rejected cache
 * costs only time. Without the bundle (no devDependencies at build time) the workers run tsc's modules.
 */
import { join } from 'node:path';
import { readKeyed, writeKeyed } from './cache.cjs';
import { buildCodeCache, compileWithCodeCache, runCompiled } from './code-cache.cjs';
import type { Script } from 'node:vm';

type Workers = typeof import('./batch/workers.js');

/** What the user's code cache of the workers' bundle depends on besides the build and Node (src/cache.cts). */
const codeInputs = (): string[] => ['workers', process.arch, process.execArgv.join(' ')];

/** Path of the workers' bundle. */
export const WORKERS_BUNDLE = join(__dirname, 'bundle', 'workers.cjs');

let loaded: Promise<{ exports: Workers; script?: Script; cached: boolean }> | undefined;

/**
 * The workers' functions: from the bundle compiled with the first code cache V8 accepts, else from tsc's modules.
 * @returns the module and, from the bundle, its Script and whether a cache was accepted
 */
export function loadWorkers(): Promise<{ exports: Workers; script?: Script; cached: boolean }> {
  return (loaded ??= (async () => {
    try {
      const { readFileSync } = await import('node:fs');
      const source = readFileSync(WORKERS_BUNDLE, 'latin1'); // ASCII, as scripts/bundle.mjs writes it
      const { script, accepted } = compileWithCodeCache(WORKERS_BUNDLE, source, [() => buildCodeCache(WORKERS_BUNDLE), () => readKeyed('code', codeInputs())]);
      return { exports: runCompiled(script, WORKERS_BUNDLE) as Workers, script, cached: accepted >= 0 };
    } catch {
      return { exports: (await import('./batch/workers.js')) as Workers, cached: true };
    }
  })());
}

let saved = false;
/** After a chunk ran without any accepted cache: the compiled code goes to the user's cache, once per process. */
function saveCache(l: { script?: Script; cached: boolean }): void {
  if (saved || l.cached || !l.script) return;
  saved = true;
  try { writeKeyed('code', codeInputs(), () => l.script!.createCachedData()); } catch { /* next time */ }
}

/** piscina's task `batch`: a chunk of plans rendered (src/batch/worker.ts). */
export async function batch(tasks: Parameters<Workers['batch']>[0]): ReturnType<Workers['batch']> {
  const l = await loadWorkers();
  const out = await l.exports.batch(tasks);
  saveCache(l);
  return out;
}

/** piscina's task `validate`: a chunk of files checked (src/batch/validate-worker.ts). */
export async function validate(task: Parameters<Workers['validate']>[0]): ReturnType<Workers['validate']> {
  const l = await loadWorkers();
  const out = await l.exports.validate(task);
  saveCache(l);
  return out;
}
