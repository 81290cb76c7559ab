// Build step after scripts/bundle.mjs (and before build-cli-cache.mjs, whose warm-up renders fill a cache keyed by
// it): the build's one identity, dist/build-id.json — the package version, docx's and Handlebars' versions, and the
// SHA-256 of every code file of dist/ (each .js, .cjs and .mjs with its path: tsc's modules, the bundle, the
// precompiled templates and validators), and `id`, the SHA-256 of all of these. Every entry of the user's cache is
// keyed by `id` (src/cache.cts cacheKey), so a new build never meets an old entry; a command reads this one small
// file when it consults the cache, and computes no hash at run time.
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const OUT = join(DIST, 'build-id.json');
const require = createRequire(import.meta.url);

/** A package's version, from its package.json (found above its entry: a package need not export that file). */
function versionOf(name) {
  let d = dirname(require.resolve(name));
  for (let i = 0; i < 5; i++, d = dirname(d)) {
    try {
      const pkg = JSON.parse(readFileSync(join(d, 'package.json'), 'utf8'));
      if (pkg.name === name && pkg.version) return pkg.version;
    } catch { /* not here: go up */ }
  }
  throw new Error(`${name}'s package.json not found`);
}

/** Every code file under dist/, by its path relative to dist/ with '/' separators, sorted. */
const codeFiles = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(c|m)?js$/.test(e.name))
  .map((e) => relative(DIST, join(e.parentPath, e.name)).split(sep).join('/'))
  .sort();
const code = createHash('sha256');
for (const f of codeFiles) code.update(f).update('\0').update(readFileSync(join(DIST, f))).update('\0');

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const fields = { version, docx: versionOf('docx'), handlebars: versionOf('handlebars'), code: code.digest('hex') };
const id = createHash('sha256').update(JSON.stringify(fields)).digest('hex');
writeFileSync(`${OUT}.tmp`, `${JSON.stringify({ id, ...fields })}\n`);
renameSync(`${OUT}.tmp`, OUT);
