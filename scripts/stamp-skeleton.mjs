// Build step: stamps what identifies the code that builds and reads a package skeleton (src/render/pack.ts): docx's
// version and the SHA-256 of the built dist/render/{docx,pack,zip,wordml}.js, in dist/render/skeleton.stamp.json. A
// skeleton kept in the user's cache is keyed by this stamp, so a cold render neither resolves docx's package.json
// nor reads and hashes the code (nor loads crypto) to find it; a new build or docx version never meets an old entry.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RENDER = fileURLToPath(new URL('../dist/render/', import.meta.url));
const OUT = join(RENDER, 'skeleton.stamp.json');

/** docx's version, from its package.json (found above its entry: the package does not export that file). */
function docxVersion() {
  let d = dirname(createRequire(import.meta.url).resolve('docx'));
  for (let i = 0; i < 4; i++, d = dirname(d)) {
    try {
      const pkg = JSON.parse(readFileSync(join(d, 'package.json'), 'utf8'));
      if (pkg.name === 'docx' && pkg.version) return pkg.version;
    } catch { /* not here: go up */ }
  }
  throw new Error('docx package.json not found');
}

const h = createHash('sha256');
for (const f of ['docx.js', 'pack.js', 'zip.js', 'wordml.js']) h.update(readFileSync(join(RENDER, f))).update('\0');
writeFileSync(`${OUT}.tmp`, `${JSON.stringify({ docx: docxVersion(), code: h.digest('hex') })}\n`);
renameSync(`${OUT}.tmp`, OUT);
