// Build step: resolves and checks the layout profile of every family of templates/ (dist/profile.js loadProfile) and
// writes them to dist/profiles.precompiled.json, each with the text of every layout.yaml it was made from
// (by family name: they are the package's files), so a cold `validate` or `render` parses no layout.yaml (about 25 ms of a cold validate). At run time
// a profile is used only while every file of its chain still has the same text (src/profile.ts); anything else loads
// the files. Loading validates each layout.yaml against schemas/layout.schema.json (src/profile.ts): a package layout
// that fails it, or any check of the profile, fails the build. A profile that does not survive JSON unchanged is left
// out (loaded at run time).
import { readdirSync, existsSync, readFileSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../dist/profiles.precompiled.json', import.meta.url));
rmSync(OUT, { force: true }); // the profiles are resolved from the files, never from a previous build's table
process.env.KEHOACH_CACHE = '0'; // nor from the user's cache
const { loadProfile, DEFAULT_TEMPLATES_DIR } = await import('../dist/profile.js');
const out = { texts: {}, profiles: {} }; // the table of src/profile.ts (ProfileTable): each layout.yaml's text once
for (const khoi of readdirSync(DEFAULT_TEMPLATES_DIR).sort()) {
  if (!existsSync(join(DEFAULT_TEMPLATES_DIR, khoi, 'layout.yaml'))) continue;
  let profile;
  try {
    profile = loadProfile(khoi, DEFAULT_TEMPLATES_DIR, 'vi');
  } catch (e) {
    // A package layout that breaks schemas/layout.schema.json or the profile's checks fails the build, every problem
    // at its file:line:col: the package never ships a layout it would refuse at run time.
    for (const d of e.diagnostics ?? []) console.error(`${d.file}:${d.line}:${d.column}  ${d.message}`);
    if (!e.diagnostics?.length) console.error(`precompile-profiles: ${khoi}: ${e.message}`);
    process.exit(1);
  }
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(profile)), profile)) { console.warn(`precompile-profiles: ${khoi} is not plain JSON; loaded at run time`); continue; }
  for (const name of profile.chain) out.texts[name] = readFileSync(join(DEFAULT_TEMPLATES_DIR, name, 'layout.yaml'), 'utf8');
  out.profiles[khoi] = profile;
}
writeFileSync(`${OUT}.tmp`, JSON.stringify(out));
renameSync(`${OUT}.tmp`, OUT);
