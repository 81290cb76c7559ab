// T3 of the bench: validation in one thread over copies of the examples, against the floor of parsing the same texts
// with the YAML reader kehoach uses for them, in the same process, paired round by round (after one warm round of each).
//  - plan: validatePlan(text) over the texts already read (YAML, schema, normalise, rules): the target's loop;
//  - floor: the same texts parsed to data by the reader kehoach uses for each: js-yaml's `load` where kehoach's fast
//    path reads the text (dist/load-fast.js `readFast` answers: js-yaml 5's event parser), yaml's `parse` where it
//    leaves the text to yaml (or, should the fast path be gone, the one reader dist/load.js imports);
//  - events: js-yaml's `parseEvents` drained with every scalar's value (what the fast path reads, without building
//    data), printed for reference;
//  - file: validateFile(path) (read, look for _defaults.yaml to inherit, then the same checks), printed for reference.
// Each loop is timed by the thread's CPU (process.threadCpuUsage; process.cpuUsage where missing) and by the wall.
// Usage: node bench/validate-loop.mjs <list.txt> <rounds>
//   → prints JSON { readers: { 'js-yaml': n, yaml: n }, cpuSource, plan, floor, events, file: [{ cpuMs, wallMs }…] a
//     round (totals over the texts), n, errors }.
import { existsSync, readFileSync } from 'node:fs';

const [list, roundsArg = '5'] = process.argv.slice(2);
const files = readFileSync(list, 'utf8').split('\n').filter(Boolean);
const texts = files.map((f) => readFileSync(f, 'utf8'));
const dist = (p) => new URL(`../dist/${p}`, import.meta.url);
const { validatePlan } = await import(dist('index.js').href);
const { validateFile } = await import(dist('batch/validate.js').href);
const jsyaml = await import('js-yaml');
const yaml = await import('yaml');

// Which reader reads each text.
let readerOf;
if (existsSync(dist('load-fast.js'))) {
  const { readFast } = await import(dist('load-fast.js').href);
  readerOf = (t) => (readFast(t) ? 'js-yaml' : 'yaml');
} else {
  const src = readFileSync(dist('load.js'), 'utf8');
  const one = /from ['"]js-yaml['"]/.test(src) && !/from ['"]yaml['"]/.test(src) ? 'js-yaml' : 'yaml';
  readerOf = () => one;
}
const readers = { 'js-yaml': 0, yaml: 0 };
const parsers = texts.map((t) => {
  const r = readerOf(t);
  readers[r]++;
  return r === 'js-yaml' ? () => jsyaml.load(t) : () => yaml.parse(t);
});

const cpuSource = typeof process.threadCpuUsage === 'function' ? 'process.threadCpuUsage' : 'process.cpuUsage';
const cpuNow = () => { const u = cpuSource === 'process.threadCpuUsage' ? process.threadCpuUsage() : process.cpuUsage(); return (u.user + u.system) / 1000; };
/** Runs fn and returns its thread CPU and wall time in milliseconds. */
async function timeIt(fn) {
  const c0 = cpuNow();
  const t0 = performance.now();
  await fn();
  return { cpuMs: cpuNow() - c0, wallMs: performance.now() - t0 };
}

const loops = {
  plan: () => { for (const t of texts) validatePlan(t); },
  floor: () => { for (const p of parsers) p(); },
  events: () => { for (const t of texts) for (const ev of jsyaml.parseEvents(t)) if (ev.type === jsyaml.EVENT_ID.SCALAR) jsyaml.getScalarValue(t, ev); },
  file: async () => { for (const f of files) await validateFile(f); },
};

let errors = 0;
for (const t of texts) errors += validatePlan(t).filter((d) => d.severity === 'error').length;
for (const k of Object.keys(loops)) await loops[k](); // the warm round
const out = { readers, cpuSource, n: texts.length, errors, plan: [], floor: [], events: [], file: [] };
const names = Object.keys(loops);
for (let r = 0; r < Number(roundsArg); r++) {
  // plan and floor back to back, their order swapped every round
  const order = r % 2 ? ['floor', 'plan', 'events', 'file'] : names;
  for (const k of order) out[k].push(await timeIt(loops[k]));
}
process.stdout.write(JSON.stringify(out));
