/**
 * Stage 4: merge the view model into the family's Handlebars templates, producing layout markup
 * (see templates/README.md). Templates are looked up in `<khoi>/`, then in each family the layout inherits from
 * (`ke_thua`), then in `common/`; each of these in the office's templates folder first, then in the package's
 * (src/profile.ts templateDirs).
 *
 * Handlebars runs in strict mode (a missing field throws, partials included) with escaping turned off:
 * every string of the view is XML-escaped beforehand, so user text can never inject markup.
 *
 * An office's template is the office's code, and its mistakes are reported as its own (KehoachError kind usage, rule
 * template/error, exit 2), always naming the template file, with the line where Handlebars gives one (or where the
 * name at fault is written): a syntax error, a field the view lacks, a partial that does not exist, a helper's
 * complaint, and a prototype access (`{{constructor}}`, `{{__proto__}}`, `{{lookup this "constructor"}}`,
 * `{{ten_loai.toString}}`), which Handlebars itself denies silently (an empty string on the page; issue 23, item 26).
 * Each compiled function of a template is wrapped to know its file (instrument): the wrapper guards the lookups of
 * Handlebars' container and turns any error into the template's error.
 */
import HandlebarsRuntime from 'handlebars/runtime.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { templateDirs, type LayoutProfile } from '../profile.js';
import { KehoachError } from '../errors.js';
import { msg, type Lang } from '../i18n/messages.js';
import { templateError } from '../profile.js';
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

/** The language of the render under way (renders are synchronous: set by renderMarkup, read by the errors). */
let lang: Lang = 'vi';
/** While tracing (markupSource), each template's output is wrapped in markers naming its file. */
let tracing: string[] | undefined;
const MARK_OPEN = '\u0001', MARK_MID = '\u0002', MARK_CLOSE = '\u0003';

/** Handlebars' runtime container (the first argument of every compiled function), the parts read here. */
interface Container {
  lookupProperty(parent: unknown, name: string): unknown;
  strict(obj: unknown, name: string, loc?: Loc): unknown;
  [GUARDED]?: true;
}
interface Loc { start: { line: number; column: number } }
const GUARDED = Symbol('kehoach.guarded');

/** An error of a template not yet placed at a file (thrown by the guards, placed by the wrapper that catches it). */
class TemplateFault extends Error {
  constructor(readonly detail: string, readonly name: string, public loc?: Loc) { super(detail); }
}

/**
 * Whether looking `name` up on `parent` is a prototype access: the value exists on the parent only through its
 * prototype (`constructor`, `__proto__`, `toString` …), which Handlebars' access control (no prototype allowed here)
 * denies, giving an empty string and, for some names, an English warning on the console.
 */
function protoAccess(parent: unknown, name: string): boolean {
  if (parent === null || parent === undefined) return false;
  try {
    const boxed = Object(parent) as Record<string, unknown>;
    return !Object.prototype.hasOwnProperty.call(boxed, name) && boxed[name] != null;
  } catch { return false; }
}

/** Whether Handlebars answered a lookup with nothing though a value is there (a prototype's own `constructor`). */
function denied(parent: unknown, name: string): boolean {
  if (parent === null || parent === undefined) return false;
  try { return (Object(parent) as Record<string, unknown>)[name] != null; } catch { return false; }
}

const protoFault = (name: string, loc?: Loc) => new TemplateFault(msg('template/prototype', lang, { name }), name, loc);

/**
 * Guards a container's lookups (once): a prototype access throws (before Handlebars denies it with an empty string),
 * and a field looked up on a text or number that it does not have (`{{ten_loai.x}}`) is the field-not-defined error,
 * with its place.
 */
function guard(c: Container): void {
  if (c[GUARDED]) return;
  c[GUARDED] = true;
  const lookup = c.lookupProperty;
  const strict = c.strict;
  c.lookupProperty = (parent, name) => {
    if (protoAccess(parent, name)) throw protoFault(String(name));
    const r = lookup(parent, name);
    if (r === undefined && denied(parent, name)) throw protoFault(String(name));
    return r;
  };
  c.strict = (obj, name, loc) => {
    if (obj !== null && obj !== undefined && typeof obj !== 'object' && typeof obj !== 'function') {
      if (protoAccess(obj, name)) throw protoFault(String(name), loc);
      if (!Object.prototype.hasOwnProperty.call(Object(obj), name)) throw new TemplateFault(msg('template/not-defined', lang, { name }), String(name), loc);
      return c.lookupProperty(obj, name);
    }
    try { return strict(obj, name, loc); } catch (e) {
      if (e instanceof TemplateFault) e.loc ??= loc;
      throw e;
    }
  };
}

/** The first line of a template's text where `name` is written inside a mustache (1 when not found). */
function lineOfName(text: string, name: string): { line: number; column: number } {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`\\{\\{[^}]*?(?<![\\w$])(${esc})(?![\\w$])`).exec(text);
  if (!m) return { line: 1, column: 1 };
  const at = m.index + m[0].length - m[1].length;
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

/**
 * Turns an error raised while running the template `file` into the template's error (KehoachError usage,
 * template/error) at the line Handlebars gives (its `loc`), else where the name at fault is written.
 */
function placed(e: unknown, file: string): KehoachError {
  if (e instanceof KehoachError) return e;
  const text = (() => { try { return readFileSync(file, 'utf8'); } catch { return ''; } })();
  const at = (name: string | undefined, loc?: Loc) => loc ? { line: loc.start.line, column: loc.start.column + 1 }
    : name ? lineOfName(text, name) : { line: 1, column: 1 };
  if (e instanceof TemplateFault) {
    const p = at(e.name, e.loc);
    return templateError(file, p.line, p.column, e.detail, lang);
  }
  const err = e as { message?: unknown; lineNumber?: unknown; column?: unknown };
  const message = String(err?.message ?? e).split('\n')[0].replace(/ - \d+:\d+$/, '');
  const loc = typeof err?.lineNumber === 'number' ? { start: { line: err.lineNumber, column: typeof err.column === 'number' ? err.column : 0 } } : undefined;
  let detail = message;
  let name: string | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^"(.+)" not defined in /.exec(message))) { name = m[1]; detail = msg('template/not-defined', lang, { name }); }
  else if ((m = /^The partial (.+) could not be found$/.exec(message))) { name = m[1]; detail = msg('template/partial-missing', lang, { name }); }
  else detail = msg('template/runtime', lang, { detail: message });
  const p = at(name, loc);
  return templateError(file, p.line, p.column, detail, lang);
}

/** A Handlebars spec (what templateSpec gives): `main`, the numbered programs, and flags. */
type Spec = Record<string, unknown>;
type Program = (this: unknown, c: Container, d0: unknown, h: unknown, p: unknown, data: unknown, bp: unknown, depths: unknown) => string;

/**
 * A copy of a template's spec whose compiled functions know their file: each guards its container's lookups (guard)
 * and places any error at the file (placed); `main` marks its output while tracing (markupSource).
 */
function instrument(spec: Spec, file: string): Spec {
  const out: Spec = { ...spec };
  for (const [k, v] of Object.entries(spec)) {
    if (typeof v !== 'function' || !(k === 'main' || /^\d+$/.test(k))) continue;
    const fn = v as Program;
    const isMain = k === 'main';
    out[k] = function (this: unknown, c: Container, d0: unknown, h: unknown, p: unknown, data: unknown, bp: unknown, depths: unknown): string {
      guard(c);
      try {
        const s = fn.call(this, c, d0, h, p, data, bp, depths);
        if (isMain && tracing) {
          let id = tracing.indexOf(file);
          if (id < 0) id = tracing.push(file) - 1;
          return `${MARK_OPEN}${id}${MARK_MID}${s}${MARK_CLOSE}`;
        }
        return s;
      } catch (e) {
        throw placed(e, file); // the innermost template's wrapper places it; the outer ones pass it on
      }
    };
  }
  return out;
}

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
 * @throws KehoachError (kind usage) when `document.hbs` is missing, or a template does not parse (template/error at
 *   the file and the line Handlebars gives)
 */
export function compileTemplates(profile: LayoutProfile, templatesDir: string, language: Lang = 'vi'): Compiled {
  const key = `${templatesDir}\0${profile.khoi}`;
  const hit = cache.get(key);
  if (hit) return hit;
  // The runtime only: templates come precompiled (at build, or from the cache; see precompiled.ts).
  const hb = Handlebars.create();
  const compile = (file: string) => {
    const text = readFileSync(file, 'utf8');
    let spec: Spec;
    try {
      spec = templateSpec(text, Handlebars.VERSION) as Spec;
    } catch (e) {
      const message = String((e as Error)?.message ?? e);
      const err = e as { lineNumber?: unknown; column?: unknown; hash?: { loc?: { first_line?: number; first_column?: number } } };
      const line = typeof err.lineNumber === 'number' ? err.lineNumber : err.hash?.loc?.first_line ?? Number(/line (\d+)/.exec(message)?.[1] ?? 1);
      const column = typeof err.column === 'number' ? err.column + 1 : (err.hash?.loc?.first_column ?? 0) + 1;
      throw templateError(file, line, column, msg('template/syntax', language, { detail: message.split('\n')[0] }), language);
    }
    return hb.template(instrument(spec, file) as Parameters<typeof hb.template>[0]);
  };
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('min', (a: number, b: number) => Math.min(a, b));
  hb.registerHelper('mul', (a: number, b: number) => a * b);
  // Handlebars' own `lookup`, with its denied prototype access reported (the built-in gives an empty string).
  hb.registerHelper('lookup', (obj: unknown, field: unknown, options: { lookupProperty(o: unknown, n: string): unknown; loc?: Loc }) => {
    if (!obj) return obj;
    if (protoAccess(obj, String(field))) throw protoFault(String(field), options.loc);
    const r = options.lookupProperty(obj, String(field));
    if (r === undefined && denied(obj, String(field))) throw protoFault(String(field), options.loc);
    return r;
  });
  const files = templateFiles(profile, templatesDir);
  const doc = files.get('document');
  if (!doc) throw new KehoachError(msg('config/template-missing', language, { khoi: profile.khoi, dir: templatesDir }), [], 'usage');
  for (const [name, file] of files) if (name !== 'document') hb.registerPartial(name, compile(file));
  const compiled = compile(doc);
  cache.set(key, compiled as Compiled);
  return compiled as Compiled;
}

/**
 * Renders the view model to layout markup.
 * @param view the normalised plan (raw strings; escaped here)
 * @param language of the template errors
 * @returns the markup string (XML)
 * @throws KehoachError (usage, template/error at the template's file and line) for a template's mistake
 */
export function renderMarkup(view: object, profile: LayoutProfile, templatesDir: string, language: Lang = 'vi'): string {
  const template = compileTemplates(profile, templatesDir, language);
  lang = language;
  return template({ ...escapeDeep(view), layout: escapedProfile(profile) });
}

/**
 * The template that wrote a line of the markup (for markup the templates write badly, which only the XML parser
 * sees): the view is rendered again with each template's output marked, and the innermost template that wrote text on
 * that line is named, at the first line of its text holding what it wrote there (else line 1).
 * @param markupLine 1-based line of the markup (MarkupError.markupLine); the document template when absent
 */
export function markupSource(view: object, profile: LayoutProfile, templatesDir: string, markupLine: number | undefined, language: Lang = 'vi'): { file: string; line: number } {
  const files: string[] = [];
  let marked: string;
  tracing = files;
  try {
    marked = renderMarkup(view, profile, templatesDir, language);
  } finally {
    tracing = undefined;
  }
  const stack: number[] = [];
  let line = 1;
  let found: { id: number; text: string } | undefined;
  let own = '';
  const flush = () => { if (found === undefined && own.trim() && stack.length) found = { id: stack[stack.length - 1], text: own }; own = ''; };
  for (let i = 0; i < marked.length && line <= (markupLine ?? 0); i++) {
    const ch = marked[i];
    if (ch === MARK_OPEN) {
      const mid = marked.indexOf(MARK_MID, i);
      if (line === markupLine) flush();
      stack.push(Number(marked.slice(i + 1, mid)));
      i = mid;
    } else if (ch === MARK_CLOSE) {
      if (line === markupLine) flush();
      stack.pop();
    } else if (ch === '\n') {
      line++;
    } else if (line === markupLine) own += ch;
  }
  if (line === markupLine || line > (markupLine ?? 0)) flush();
  const file = found ? files[found.id] : files[files.length - 1] ?? join(templatesDir, 'document.hbs');
  let at = 1;
  const text = found?.text.trim();
  if (text) {
    const src = (() => { try { return readFileSync(file, 'utf8'); } catch { return ''; } })();
    // the longest start of what it wrote that its text holds (literal markup, before the first filled-in value)
    for (let n = Math.min(text.length, 60); n >= 3; n--) {
      const k = src.indexOf(text.slice(0, n));
      if (k >= 0) { at = src.slice(0, k).split('\n').length; break; }
    }
  }
  return { file, line: at };
}
