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
import { runBundle, saveChunkCache, type LoadedChunk } from './code-cache.cjs';
import type { Script } from 'node:vm';

type Workers = typeof import('./batch/workers.js');

/** Path of the workers' bundle. */
export const WORKERS_BUNDLE = join(__dirname, 'bundle', 'workers.cjs');

let loaded: Promise<{ exports: Workers; script?: Script; cached: boolean; chunk?: LoadedChunk }> | undefined;

/**
 * The workers' functions: from the bundle compiled with the first code cache V8 accepts (src/code-cache.cts
 * runBundle, as the command line's chunks), else from tsc's modules.
 * @returns the module and, from the bundle, its Script and whether a cache was accepted
 */
export function loadWorkers(): Promise<{ exports: Workers; script?: Script; cached: boolean; chunk?: LoadedChunk }> {
  return (loaded ??= (async () => {
    try {
      const chunk = runBundle(WORKERS_BUNDLE);
      return { exports: chunk.exports as Workers, script: chunk.script, cached: chunk.accepted >= 0, chunk };
    } catch {
      return { exports: (await import('./batch/workers.js')) as Workers, cached: true };
    }
  })());
}

let saved = false;
/** After a chunk ran without any accepted cache: the compiled code goes to the user's cache, once per process. */
function saveCache(l: { cached: boolean; chunk?: LoadedChunk }): void {
  if (saved || l.cached || !l.chunk) return;
  saved = true;
  saveChunkCache(l.chunk);
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
