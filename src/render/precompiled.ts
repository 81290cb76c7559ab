/**
 * Handlebars templates as precompiled code, found by the hash of their text: the package's own templates are
 * precompiled at build time (scripts/precompile-templates.mjs writes dist/render/templates.precompiled.js); any other
 * template (an office's `--templates` folder, or a template edited after the build) is compiled once with the full
 * Handlebars compiler and its code kept in the user's cache folder (src/cache.cts), under the same hash.
 *
 * The key is the SHA-256 of the Handlebars version, the compile options and the template text: a changed template,
 * option or Handlebars version never meets old code. The cache never lies outside the user's cache folder
 * ($KEHOACH_CACHE_DIR, else $XDG_CACHE_HOME/kehoach, else ~/.cache/kehoach; %LOCALAPPDATA%\kehoach on Windows), is
 * turned off with KEHOACH_CACHE=0, and every failure to read or write it falls back silently to compiling.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cacheDir, readCache, writeCache } from '../cache.cjs';

/** Compile options of every template (strict: a missing field throws; no escaping: the view is escaped before). */
export const COMPILE_OPTIONS = Object.freeze({ strict: true, noEscape: true, knownHelpersOnly: false } as const);

/** A precompiled template: the object Handlebars.precompile describes as JavaScript source. */
export type TemplateSpec = object;

/** The content key of a template text (hex SHA-256 of Handlebars version, options and text). */
export function templateKey(text: string, handlebarsVersion: string): string {
  return createHash('sha256').update(`handlebars@${handlebarsVersion}\0${JSON.stringify(COMPILE_OPTIONS)}\0`).update(text).digest('hex');
}

const require = createRequire(import.meta.url);
let built: Map<string, TemplateSpec> | null | undefined;
/** The specs precompiled at build time (none when running from source). */
function buildSpecs(): Map<string, TemplateSpec> | null {
  if (built === undefined) {
    try {
      built = (require('./templates.precompiled.cjs') as { SPECS: Map<string, TemplateSpec> }).SPECS;
    } catch {
      built = null;
    }
  }
  return built;
}

/** Evaluates precompiled template source (the text Handlebars.precompile returns) into a spec object. */
const evalSpec = (code: string): TemplateSpec => new Function(`return ${code};`)() as TemplateSpec;

/**
 * The precompiled spec of a template text: from the build, else from the user's cache, else compiled now with the
 * full Handlebars compiler (loaded only then) and written to the cache.
 * @throws Error from Handlebars when the template does not parse (the caller reports it)
 */
export function templateSpec(text: string, handlebarsVersion: string): TemplateSpec {
  const key = templateKey(text, handlebarsVersion);
  const hit = buildSpecs()?.get(key);
  if (hit) return hit;
  // From source (no build table) nothing is cached: development compiles each time, as before.
  const dir = built ? cacheDir() : null;
  const file = dir ? join(dir, 'templates', `${key}.js`) : null;
  const cached = readCache(file);
  if (cached !== undefined) {
    try {
      const spec = evalSpec(cached) as { main?: unknown; compiler?: unknown };
      if (typeof spec?.main === 'function' && Array.isArray(spec.compiler)) return spec;
    } catch { /* not a template's code: compile */ }
  }
  const full = require('handlebars') as typeof import('handlebars');
  const code = String(full.precompile(text, { ...COMPILE_OPTIONS }));
  const spec = evalSpec(code);
  writeCache(file, code);
  return spec;
}
