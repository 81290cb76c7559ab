/**
 * Stage 4: merge the view model into the family's Handlebars templates, producing layout markup
 * (see templates/README.md). Templates are looked up in `<khoi>/`, then in each family the layout inherits from
 * (`ke_thua`), then in `common/`; each of these in the office's templates folder first, then in the package's
 * (src/profile.ts templateDirs).
 *
 * Handlebars runs in strict mode (a missing field throws, partials included) with escaping turned off:
 * every string of the view is XML-escaped beforehand, so user text can never inject markup.
 */
import HandlebarsRuntime from 'handlebars/runtime.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { templateDirs, type LayoutProfile } from '../profile.js';
import { KehoachError } from '../errors.js';
import { msg } from '../i18n/messages.js';
import { templateSpec } from './precompiled.js';

/** Handlebars without its compiler (its typings describe the full library). */
const Handlebars = HandlebarsRuntime as unknown as typeof import('handlebars');

/** Escapes text for the layout markup (XML). Characters illegal in XML are rejected earlier, at load. */
export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * Deep-copies a value, XML-escaping every string in it. A line break the plan typed (a `|` block, `\n` in a quoted
 * string) becomes a `<br/>` line break in the markup: what the clerk broke stays broken on the page. Trailing line
 * breaks (the one a `|` block ends with) are dropped.
 */
export function escapeDeep<T>(v: T): T {
  if (typeof v === 'string') return (NEEDS_ESCAPE.test(v) ? xmlEscape(v.replace(/[\r\n]+$/, '')).replace(/\r?\n/g, '<br/>') : v) as T;
  if (Array.isArray(v)) return v.map(escapeDeep) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      const x = escapeDeep((v as Record<string, unknown>)[k]);
      // (an own "__proto__" key stays a key: assignment would set the prototype)
      if (k === '__proto__') Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
      else out[k] = x;
    }
    return out as T;
  }
  return v;
}
const NEEDS_ESCAPE = /[&<>"'\r\n]/;

/** The escaped layout profile, made once per profile (it is the same for every plan of a family). */
const escapedProfiles = new WeakMap<LayoutProfile, LayoutProfile>();
function escapedProfile(p: LayoutProfile): LayoutProfile {
  let e = escapedProfiles.get(p);
  if (!e) escapedProfiles.set(p, (e = escapeDeep(p)));
  return e;
}

type Compiled = (ctx: unknown) => string;
const cache = new Map<string, Compiled>();

/** Finds the template files for a family: name → path, nearest family first, the office's before the package's. */
function templateFiles(profile: LayoutProfile, templatesDir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const d of templateDirs(profile.chain, templatesDir)) {
    for (const f of readdirSync(d).sort()) if (f.endsWith('.hbs')) {
      const name = basename(f, '.hbs');
      if (!files.has(name)) files.set(name, join(d, f));
    }
  }
  return files;
}

/**
 * Compiles (once per process and family) the `document` template with its partials.
 * @throws KehoachError (kind usage) when `document.hbs` is missing.
 */
export function compileTemplates(profile: LayoutProfile, templatesDir: string): Compiled {
  const key = `${templatesDir}\0${profile.khoi}`;
  const hit = cache.get(key);
  if (hit) return hit;
  // The runtime only: templates come precompiled (at build, or from the cache; see precompiled.ts).
  const hb = Handlebars.create();
  const compile = (file: string) => hb.template(templateSpec(readFileSync(file, 'utf8'), Handlebars.VERSION) as Parameters<typeof hb.template>[0]);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('min', (a: number, b: number) => Math.min(a, b));
  hb.registerHelper('mul', (a: number, b: number) => a * b);
  const files = templateFiles(profile, templatesDir);
  const doc = files.get('document');
  if (!doc) throw new KehoachError(msg('config/template-missing', 'en', { khoi: profile.khoi, dir: templatesDir }), [], 'usage');
  for (const [name, file] of files) if (name !== 'document') hb.registerPartial(name, compile(file));
  const compiled = compile(doc);
  cache.set(key, compiled as Compiled);
  return compiled as Compiled;
}

/**
 * Renders the view model to layout markup.
 * @param view the normalised plan (raw strings; escaped here)
 * @returns the markup string (XML)
 */
export function renderMarkup(view: object, profile: LayoutProfile, templatesDir: string): string {
  const template = compileTemplates(profile, templatesDir);
  return template({ ...escapeDeep(view), layout: escapedProfile(profile) });
}
