// What a fuzz case runs, by surface (used by the pool's children, scripts/fuzz-worker.mjs, and by test/fuzz.test.ts
// in process): "plans" (validate and render, the silent-drop check: scripts/fuzz-lib.mjs), "docx" (import and
// check: scripts/fuzz-docx.mjs), "fix" (scripts/fuzz-fix.mjs); "probe" misbehaves on purpose, for the tests of
// the pool's bounds.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLibraryCase } from './fuzz-lib.mjs';
import { runDocxCase } from './fuzz-docx.mjs';
import { runFixCase } from './fuzz-fix.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The library functions the surfaces call, from dist/ (built). */
export async function loadLibrary(root = ROOT) {
  const mods = ['index.js', 'load.js', 'docx-read/index.js', 'docx-read/model.js', 'import/index.js', 'import/roundtrip.js', 'import/fidelity.js', 'check/index.js', 'fix.js'];
  const lib = {};
  for (const m of mods) Object.assign(lib, await import(join(root, 'dist', m)));
  return lib;
}

/**
 * Runs one task: { surface: 'plans' | 'docx' | 'fix' | 'probe', text?: Uint8Array, bytes?: Uint8Array, action? }.
 * @param dir a folder to write inputs to (with a .git inside: the project's boundary)
 */
export async function runTask(lib, task, dir) {
  switch (task.surface) {
    case 'plans': return runLibraryCase(lib, { text: Buffer.from(task.text) });
    case 'docx': return runDocxCase(lib, Buffer.from(task.bytes), join(dir, 'case.docx'));
    case 'fix': return runFixCase(lib, Buffer.from(task.text), join(dir, 'plan.yaml'));
    case 'probe': {
      if (task.action === 'hang') { const end = Date.now() + 3_600_000; while (Date.now() < end); }
      if (task.action === 'alloc') { const keep = []; for (;;) keep.push(new Array(1e6).fill({ x: keep.length })); }
      if (task.action === 'buffers') { const keep = []; for (let i = 0; i < 1e5; i++) { keep.push(Buffer.alloc(64 * 1024 * 1024, 1)); await new Promise((r) => setTimeout(r, 5)); } }
      if (task.action === 'abort') process.abort();
      return { outcome: 'ok' };
    }
    default: throw new Error(`unknown surface ${task.surface}`);
  }
}
