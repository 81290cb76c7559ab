// The floor of a batch: for each plan, read the plan file, deflate the XML parts of the matching example's rendered
// .docx (the same parts kehoach writes) into a ZIP with fflate, and write it. No parsing, no layout: what any tool
// that turns these plans into these files must at least do.
// Usage: node bench/floor.mjs <list.txt (one plan path a line)> <ref dir (the examples' .docx)> <outdir>
import { readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';

const [list, refDir, outdir] = process.argv.slice(2);
const refs = readdirSync(refDir).filter((f) => f.endsWith('.docx')).map((f) => ({ name: f.replace(/\.docx$/, ''), parts: unzipSync(readFileSync(join(refDir, f))) }));
mkdirSync(outdir, { recursive: true });
for (const plan of readFileSync(list, 'utf8').split('\n').filter(Boolean)) {
  const bytes = readFileSync(plan);
  if (!bytes.length) throw new Error(`empty ${plan}`);
  const ref = refs.find((r) => plan.includes(r.name)) ?? refs[0];
  writeFileSync(join(outdir, basename(plan).replace(/\.ya?ml$/, '.docx')), zipSync(ref.parts));
}
