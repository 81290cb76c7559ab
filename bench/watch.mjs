// The re-render time of `render --watch`: from the moment a changed plan is written until the output .docx holds the
// change. Starts `kehoach render <copy of an example> --watch` in a temporary folder, then changes the plan's
// trich_yeu n times, alternating the two ways editors save: a plain in-place write (open with truncation, write,
// close) and a write to a temporary file renamed over the plan (vim's backupcopy=no, VS Code, JetBrains' safe write).
// The time of a change runs from just before the write until the watcher's "written" line on stdout (one line a
// render); the .docx is then read back and must hold that change's text (a stale or half-read plan fails the run).
//
// Usage: node bench/watch.mjs [changes=10] [example=001]  → prints JSON { inPlace: [ms…], rename: [ms…] }
// (bench/run.mjs section 6 runs it and prints the medians)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, renameSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli.cjs');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the measurement; resolves { inPlace, rename } (milliseconds a change, in order).
 * @param changes number of saves (half of each kind)
 * @param prefix the example's 3-digit prefix
 */
export async function measureWatch(changes = 10, prefix = '001') {
  const example = readdirSync(join(ROOT, 'examples')).find((f) => f.startsWith(prefix) && f.endsWith('.yaml'));
  const base = readFileSync(join(ROOT, 'examples', example), 'utf8');
  if (!/^trich_yeu: .*$/m.test(base)) throw new Error(`${example} has no one-line trich_yeu`);
  const dir = mkdtempSync(join(tmpdir(), 'kh-watch-'));
  const plan = join(dir, 'plan.yaml');
  const docx = join(dir, 'plan.docx');
  writeFileSync(plan, base);
  const env = { ...process.env, NO_COLOR: '1', CI: '1' };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [CLI, 'render', plan, '--watch', '--lang', 'en'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let lines = 0;
  let err = '';
  let onLine = () => {};
  child.stdout.on('data', (d) => { lines += String(d).split('\n').length - 1; onLine(); });
  child.stderr.on('data', (d) => { err += d; onLine(); });
  const until = (pred, ms = 20000) => new Promise((res, rej) => {
    const t = setTimeout(() => rej(new Error(`watch bench: timed out; stderr:\n${err}`)), ms);
    onLine = () => { if (pred()) { clearTimeout(t); onLine = () => {}; res(); } };
    onLine();
  });
  const out = { inPlace: [], rename: [] };
  try {
    await until(() => /watching/.test(err));
    for (let i = 0; i < changes; i++) {
      const text = base.replace(/^trich_yeu: .*$/m, (l) => `${l} (lần ${i + 1})`);
      const kind = i % 2 ? 'rename' : 'inPlace';
      await sleep(i ? 250 : 1500); // a pause between saves, as a person makes (the first after the watcher's warm-up)
      const before = lines;
      const t0 = process.hrtime.bigint();
      if (kind === 'inPlace') writeFileSync(plan, text);
      else { writeFileSync(join(dir, '.plan.yaml.tmp'), text); renameSync(join(dir, '.plan.yaml.tmp'), plan); }
      await until(() => lines > before);
      out[kind].push(Number(process.hrtime.bigint() - t0) / 1e6);
      const xml = strFromU8(unzipSync(readFileSync(docx), { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']);
      if (!xml.includes(`(lần ${i + 1})`)) throw new Error(`watch bench: change ${i + 1} (${kind}) is not in the rendered .docx`);
    }
  } finally {
    child.kill('SIGTERM');
    await sleep(50);
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await measureWatch(Number(process.argv[2] ?? 10), process.argv[3] ?? '001');
  console.log(JSON.stringify(r));
}
