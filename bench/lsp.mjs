// T7 of the bench, the language server: keystroke → diagnostics. Starts `kehoach lsp` (scripts/lsp-client.mjs), opens
// the largest example (by size), then types n characters one at a time at the end of its trich_yeu line, each after
// the diagnostics of the one before: the time of a keystroke runs from sending the change until the diagnostics of
// that version arrive (the server's pause for more typing, `debounceMs`, included). The buffer is never saved.
//
// Usage: node bench/lsp.mjs [keystrokes=20] [debounceMs=server's default]  → prints JSON { example, debounceMs, ms: [...] }
// (bench/run.mjs section watch runs it and prints the median)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLsp } from '../scripts/lsp-client.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs the measurement.
 * @param keystrokes how many characters to type
 * @param debounceMs the server's pause (undefined: its default)
 * @returns { example, ms: [milliseconds a keystroke] }
 */
export async function measureLsp(keystrokes = 20, debounceMs) {
  const dir = join(ROOT, 'examples');
  const example = readdirSync(dir).filter((f) => /^\d{3}-.*\.yaml$/.test(f)).sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0];
  const path = join(dir, example);
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const row = lines.findIndex((l) => /^trich_yeu: \S/.test(l));
  if (row < 0) throw new Error(`${example} has no one-line trich_yeu`);
  const client = await startLsp({ initializationOptions: { lang: 'vi', ...(debounceMs !== undefined ? { debounceMs } : {}) } });
  try {
    const uri = await client.open(path, text);
    const first = await client.diagnostics(uri, 1);
    if (first.diagnostics.length) throw new Error(`${example}: ${first.diagnostics.length} finding(s) on the example`);
    const ms = [];
    let col = lines[row].length;
    for (let i = 0; i < keystrokes; i++) {
      const t0 = performance.now();
      const version = await client.insert(uri, row, col, 'a');
      col++;
      const p = await client.diagnostics(uri, version);
      ms.push(p.at - t0);
    }
    return { example, ms };
  } finally {
    await client.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 20);
  const d = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
  const r = await measureLsp(n, d);
  console.log(JSON.stringify({ ...r, debounceMs: d ?? 'default' }));
}
