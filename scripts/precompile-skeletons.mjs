// Build step after scripts/build-id.mjs (it writes data, not code: the build id digests the code that makes and reads
// it) and before build-cli-cache.mjs: the package skeletons (src/render/pack.ts) of every shape the package's
// examples and each family's minimal plan give, built by docx with this build's code, written to
// dist/render/skeletons.precompiled.json, as pandoc ships its reference.docx. A render takes its skeleton from this
// table when its key (the profile's font and styles, the shape, zlib's version) is exactly one of it, so a cold render
// of such a plan loads no docx and writes nothing to the user's cache; any other key goes to the user's cache, then
// to docx. Nothing is read from or written to the user's cache here.
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../dist/render/skeletons.precompiled.json', import.meta.url));
rmSync(OUT, { force: true }); // every skeleton built by docx, never read from a previous build's table
process.env.KEHOACH_CACHE = '0'; // nor from the user's cache
process.env.KEHOACH_LANG = 'vi';
const { renderPlan, renderPlanFile, DEFAULT_TEMPLATES_DIR } = await import('../dist/index.js');
const { skeletonTable } = await import('../dist/render/pack.js');

const examples = fileURLToPath(new URL('../examples/', import.meta.url));
for (const n of readdirSync(examples).filter((f) => f.endsWith('.yaml')).sort()) await renderPlanFile(join(examples, n));

const { familyPlan } = await import('./family-plan.mjs'); // a family's minimal plan, as the tests render one
for (const khoi of readdirSync(DEFAULT_TEMPLATES_DIR).sort()) {
  if (existsSync(join(DEFAULT_TEMPLATES_DIR, khoi, 'layout.yaml'))) await renderPlan(familyPlan(khoi));
}

const table = await skeletonTable();
const shapes = Object.keys(table.skeletons).length;
if (shapes >= 64) throw new Error(`precompile-skeletons: ${shapes} shapes reach the process's limit; some were dropped`);
writeFileSync(`${OUT}.tmp`, JSON.stringify(table));
renameSync(`${OUT}.tmp`, OUT);
