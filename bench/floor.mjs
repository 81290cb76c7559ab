// The floor of a batch: for each plan, read the plan file, deflate the XML parts of the matching example's rendered
// .docx (the same parts kehoach writes) into a ZIP, and write it. No parsing, no layout: what any tool that turns
// these plans into these files must at least do. It deflates with Node's zlib and the same ZIP writer as kehoach
// (dist/render/zip.js), every part for every plan.
// Usage: node bench/floor.mjs <list.txt (one plan path a line)> <ref dir (the examples' .docx)> <outdir>
import { readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import { zipEntry, zipArchive } from '../dist/render/zip.js';

const [list, refDir, outdir] = process.argv.slice(2);
const refs = readdirSync(refDir).filter((f) => f.endsWith('.docx')).map((f) => ({ name: f.replace(/\.docx$/, ''), parts: Object.entries(unzipSync(readFileSync(join(refDir, f)))) }));
mkdirSync(outdir, { recursive: true });
for (const plan of readFileSync(list, 'utf8').split('\n').filter(Boolean)) {
  const bytes = readFileSync(plan);
  if (!bytes.length) throw new Error(`empty ${plan}`);
  const ref = refs.find((r) => plan.includes(r.name)) ?? refs[0];
  writeFileSync(join(outdir, basename(plan).replace(/\.ya?ml$/, '.docx')), zipArchive(ref.parts.map(([name, data]) => zipEntry(name, data))));
}
