// Validation throughput in one process: the library loop over copies of the examples, after one warm round.
//  - plan: validatePlan(text) over the texts already read (YAML, schema, normalise, rules);
//  - file: validateFile(path) (read, look for _defaults.yaml to inherit, then the same checks).
// Usage: node bench/validate-loop.mjs <list.txt> <rounds>; prints JSON { plan: [files/s…], file: [files/s…], errors }.
import { readFileSync } from 'node:fs';

const [list, roundsArg = '5'] = process.argv.slice(2);
const files = readFileSync(list, 'utf8').split('\n').filter(Boolean);
const texts = files.map((f) => readFileSync(f, 'utf8'));
const { validatePlan } = await import(new URL('../dist/index.js', import.meta.url).href);
const { validateFile } = await import(new URL('../dist/validate/files.js', import.meta.url).href);
let errors = 0;
for (const t of texts) errors += validatePlan(t).filter((d) => d.severity === 'error').length;
for (const f of files.slice(0, 100)) await validateFile(f);
const plan = [];
const file = [];
for (let r = 0; r < Number(roundsArg); r++) {
  let t0 = performance.now();
  for (const t of texts) validatePlan(t);
  plan.push(texts.length / ((performance.now() - t0) / 1000));
  t0 = performance.now();
  for (const f of files) await validateFile(f);
  file.push(files.length / ((performance.now() - t0) / 1000));
}
process.stdout.write(JSON.stringify({ plan, file, errors }));
