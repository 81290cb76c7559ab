/**
 * The functions the thread pools run (issue 22, "workers start warm"), in one module so that the build bundles them
 * into one CommonJS file (scripts/bundle.mjs → dist/bundle/workers.cjs) with a V8 code cache made at build time
 * (scripts/build-cli-cache.mjs), as the command line's bundle is. src/worker-entry.cts, the file the pools load, runs
 * them from that bundle. Each function takes a chunk of plans: one message between threads carries several plans.
 */
import renderOne, { type Task, type TaskResult } from './worker.js';
import validateChunk, { type ValidateTask } from './validate-worker.js';
import { configRun } from '../config.js';

/**
 * `kehoach batch`: renders each plan of the chunk in order (src/batch/worker.ts), one result each. A chunk is one
 * config run (src/config.ts configRun): the config and _defaults.yaml searches are made once per plan folder.
 */
export async function batch(tasks: Task[]): Promise<TaskResult[]> {
  return configRun(async () => {
    const out: TaskResult[] = [];
    for (const t of tasks) out.push(await renderOne(t));
    return out;
  });
}

/** `kehoach validate <folder>`: checks each file of the chunk (src/batch/validate-worker.ts), as one config run. */
export const validate = (task: ValidateTask) => configRun(() => validateChunk(task));
