// One child of the fuzzer's pool (scripts/fuzz-pool.mjs): loads the library from dist/ once, then runs the cases it
// is sent, one at a time, and answers each with its result. Its time and memory are bounded by the pool.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadLibrary, runTask } from './fuzz-run.mjs';

const dir = process.env.KEHOACH_FUZZ_DIR;
mkdirSync(join(dir, '.git'), { recursive: true }); // the project's boundary: no kehoach.config.yaml above is used
const lib = await loadLibrary();
process.on('message', async (task) => {
  let res;
  try { res = await runTask(lib, task, dir); } catch (e) {
    res = { outcome: 'finding', detail: `fuzzer: ${e?.stack ?? e}`.slice(0, 400) };
  }
  process.send(res);
});
process.send('ready');
