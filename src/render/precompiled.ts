/**
 * Handlebars templates as precompiled code: the package's own templates are precompiled at build time
 * (scripts/precompile-templates.mjs writes dist/render/templates.precompiled.cjs, found by the template's whole text,
 * so a render of them hashes nothing and loads no crypto); any other template (an office's `--templates` folder, or a
 * template edited after the build) is compiled once with the full Handlebars compiler and its code kept in the user's
 * cache folder (src/cache.cts readKeyed), under its whole key: the build's id, the Handlebars version, the compile
 * options and the template text. A changed template, option, build or Handlebars version never meets old code, and the code is evaluated
 * only when its entry passes the cache's checks (a folder only the user can write, a regular file holding this key
 * and its content whole); anything else is compiled again. The cache never lies outside the user's cache folder
 * ($KEHOACH_CACHE_DIR, else $XDG_CACHE_HOME/kehoach, else ~/.cache/kehoach; %LOCALAPPDATA%\kehoach on Windows), is
 * turned off with KEHOACH_CACHE=0, and every failure to read or write it falls back silently to compiling.
 */
import { createRequire } from 'node:module';
import { readKeyed, writeKeyed } from '../cache.cjs';

/** Compile options of every template (strict: a missing field throws; no escaping: the view is escaped before). */
export const COMPILE_OPTIONS = Object.freeze({ strict: true, noEscape: true, knownHelpersOnly: false } as const);

/** A precompiled template: the object Handlebars.precompile describes as JavaScript source. */
export type TemplateSpec = object;

const localRequire = createRequire(import.meta.url);
/** The build's table: the Handlebars version it was compiled with, and each template's spec by its text. */
interface BuiltTable { version: string; specs: Map<string, TemplateSpec> }
let built: BuiltTable | null | undefined;
/** The specs precompiled at build time (none when running from source). */
function buildSpecs(): BuiltTable | null {
  if (built === undefined) {
    try {
      // In the command line's bundle `require` is the bundle's own, and the bundler put the table in the bundle: it is
      // compiled from the bundle's code cache (scripts/bundle.mjs). Unbundled (an ES module), it is the file beside.
      const t = (typeof require === 'function' ? require('./templates.precompiled.cjs') : localRequire('./templates.precompiled.cjs')) as { VERSION?: unknown; SPECS?: unknown };
      built = typeof t.VERSION === 'string' && t.SPECS instanceof Map ? { version: t.VERSION, specs: t.SPECS as Map<string, TemplateSpec> } : null;
    } catch {
      built = null;
    }
  }
  return built;
}

/** Evaluates precompiled template source (the text Handlebars.precompile returns) into a spec object. */
const evalSpec = (code: string): TemplateSpec => new Function(`return ${code};`)() as TemplateSpec;

/**
 * The precompiled spec of a template text: from the build's table (the same text, under the same Handlebars version),
 * else from the user's cache, else compiled now with the full Handlebars compiler (loaded only then) and written to
 * the cache.
 * @throws Error from Handlebars when the template does not parse (the caller reports it)
 */
export function templateSpec(text: string, handlebarsVersion: string): TemplateSpec {
  const table = buildSpecs();
  const hit = table?.version === handlebarsVersion ? table.specs.get(text) : undefined;
  if (hit) return hit;
  // What the code depends on besides the build (the cache adds the build's id; from source nothing is cached).
  const inputs = [`handlebars@${handlebarsVersion}`, JSON.stringify(COMPILE_OPTIONS), text];
  const cached = readKeyed('templates', inputs);
  if (cached !== undefined) {
    try {
      const spec = evalSpec(cached.toString('utf8')) as { main?: unknown; compiler?: unknown };
      if (typeof spec?.main === 'function' && Array.isArray(spec.compiler)) return spec;
    } catch { /* not a template's code: compile */ }
  }
  const full = localRequire('handlebars') as typeof import('handlebars');
  const code = String(full.precompile(text, { ...COMPILE_OPTIONS }));
  const spec = evalSpec(code);
  writeKeyed('templates', inputs, code);
  return spec;
}
