/**
 * Stage 2: validate the parsed plan against schemas/ke-hoach.schema.json (JSON Schema 2020-12)
 * and turn ajv's errors into positioned, human diagnostics: one message per mistake.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic } from '../errors.js';
import { msg, typeName, type Lang } from '../i18n/messages.js';
import type { PlanSource } from '../load.js';
import { requireWithCodeCache } from '../code-cache.cjs';
import { FORMATS, isRealDate, isDateFormat, isoFor, readDate, type DateFormatName } from '../form/dates.js';

/** Absolute path of the plan schema shipped with the package. */
export const SCHEMA_PATH = fileURLToPath(new URL('../../schemas/ke-hoach.schema.json', import.meta.url));

let cachedSchema: Record<string, unknown> | undefined;
/** The plan JSON Schema as an object (read once per process). */
export function planSchema(): Record<string, unknown> {
  cachedSchema ??= JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  return cachedSchema;
}

const localRequire = createRequire(import.meta.url);

/** True when `s` is YYYY-MM-DD naming a day that exists (2024-02-30 is refused, never rolled over). */
export { isRealDate };

/** The schema keyword holding a description's English (`description` is Vietnamese). */
export const DESCRIPTION_EN = 'x-description-en';

/**
 * A schema node's description in the chosen language: `description` (Vietnamese), or `x-description-en` in English;
 * undefined when the node has none in that language (an English message never shows Vietnamese prose).
 */
export function schemaDescription(node: unknown, lang: Lang): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const v = (node as Record<string, unknown>)[lang === 'en' ? DESCRIPTION_EN : 'description'];
  return typeof v === 'string' && v ? v : undefined;
}

/** Ajv options shared by the runtime compile and the precompiled validator (scripts/build-validator.mjs). */
export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true } as const;

/**
 * The schema's own keywords, annotations that validate nothing (declared to ajv, whose strict mode refuses unknown
 * ones): `x-ma: true` marks a key whose values are codes, not text (scripts/gen-types.mjs → src/types/code-keys.ts);
 * `x-description-en` is the English of `description` (Vietnamese), for messages and hover with --lang en.
 */
export const SCHEMA_ANNOTATIONS = ['x-ma', DESCRIPTION_EN] as const;

let cachedValidator: ValidateFunction | undefined;
/**
 * The schema validator: the standalone code precompiled at build time (dist/validate/plan-validator.cjs), or,
 * when running from source, compiled once per process (~70 ms). In the command line's bundle `require` is the bundle's
 * own and the bundler put the validator (and formats.cjs, that is src/form/dates.ts) in the bundle, compiled from the bundle's code cache
 * (scripts/bundle.mjs); unbundled, the file beside this module is run with its own code cache.
 */
export function planValidator(): ValidateFunction {
  if (cachedValidator) return cachedValidator;
  try {
    const mod = (typeof require === 'function'
      ? require('./plan-validator.cjs')
      : requireWithCodeCache(fileURLToPath(new URL('./plan-validator.cjs', import.meta.url))).exports) as ValidateFunction | { default: ValidateFunction };
    cachedValidator = typeof mod === 'function' ? mod : mod.default;
  } catch {
    cachedValidator = compileValidator();
  }
  return cachedValidator;
}

/** The keywords of a schema node that only annotate it (JSON Schema 2020-12 §9 and the schema's own). */
const ANNOTATION_KEYWORDS = new Set(['title', 'description', DESCRIPTION_EN, 'examples', '$comment']);
/** The keywords whose value maps names (of properties or definitions) to schemas: their keys are never keywords. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** The keywords whose value is data, copied as it is. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default']);

/**
 * The schema the validator is compiled from: the plan schema without its prose (title, description and its English,
 * examples), which validates nothing. The precompiled validator embeds the schema it was compiled from (ajv's
 * standalone code keeps its nodes for `parentSchema`), so without the prose a cold command reads, compiles and builds
 * about a third less of it (issue 22). A message that shows a description or a title reads it from the whole schema,
 * at the error's schemaPath (schemaNodeAt).
 * @returns a new object; `schema` is not changed
 */
export function stripAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stripAnnotations);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (ANNOTATION_KEYWORDS.has(k)) continue;
    if (DATA_KEYWORDS.has(k)) out[k] = v;
    else if (SCHEMA_MAPS.has(k) && v && typeof v === 'object' && !Array.isArray(v)) out[k] = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, stripAnnotations(sub)]));
    else out[k] = stripAnnotations(v);
  }
  return out;
}

/**
 * The node of the whole plan schema (planSchema(), with its prose) that holds an error's keyword: its schemaPath
 * ("#/properties/nguoi_ky/required") without the keyword. Undefined when the path does not lead to a node.
 */
export function schemaNodeAt(schemaPath: string): Record<string, unknown> | undefined {
  const parts = splitPointer(schemaPath.replace(/^#/, '')).slice(0, -1);
  let node: unknown = planSchema();
  for (const p of parts) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[p];
  }
  return node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
}

/** Compiles the schema with ajv (used from source, and by the test that checks the precompiled code agrees). */
export function compileValidator(): ValidateFunction {
  const { Ajv2020 } = localRequire('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const ajv = new Ajv2020(AJV_OPTIONS);
  for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
  for (const k of SCHEMA_ANNOTATIONS) ajv.addKeyword(k);
  return ajv.compile(stripAnnotations(planSchema()) as Record<string, unknown>);
}

const stripMarks = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** Suggests the closest candidate to a misspelt word (ignoring diacritics), or undefined. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (!candidates.length) return undefined;
  const { closest, distance } = localRequire('fastest-levenshtein') as typeof import('fastest-levenshtein');
  const bare = stripMarks(word);
  const exact = candidates.find((c) => stripMarks(c) === bare);
  if (exact) return exact;
  const best = closest(bare, candidates.map(stripMarks));
  const idx = candidates.map(stripMarks).indexOf(best);
  return distance(bare, best) <= Math.max(2, Math.floor(bare.length / 4)) ? candidates[idx] : undefined;
}

const splitPointer = (p: string): string[] => (p === '' ? [] : p.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')));

/**
 * Validates a loaded plan against the schema.
 * @returns diagnostics (empty when valid), sorted by position, one per mistake.
 */
export function validateSchema(plan: PlanSource, lang: Lang = 'vi'): Diagnostic[] {
  const validate = planValidator();
  if (validate(plan.data)) return [];
  const errors = (validate.errors ?? []) as ErrorObject[];
  // A wrong type makes every other keyword at that path noise: keep only the type error there.
  const typeFailed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  // A misspelt required key shows as an unknown key and a missing one: keep the unknown key (it names the fix).
  const misspelt = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
    const s = suggest((e.params as { additionalProperty: string }).additionalProperty, allowed);
    if (s) misspelt.add(`${e.instancePath}\0${s}`);
  }
  // A list line with ": " inside reads as a one-key mapping: one message (quote the line), nothing else there.
  const colonLines = new Set<string>();
  const checked = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties' || checked.has(e.instancePath)) continue;
    checked.add(e.instancePath);
    if (looksLikeTextWithColon(e.data)) colonLines.add(e.instancePath);
  }
  // A date written dd/mm/yyyy fails the pattern and the format: say it once.
  const patternFailed = new Set(errors.filter((e) => e.keyword === 'pattern').map((e) => e.instancePath));
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    const under = colonLines.size ? [...colonLines].find((p) => e.instancePath === p || e.instancePath.startsWith(p + '/')) : undefined;
    if (under !== undefined) {
      if (seen.has(`colon\0${under}`)) continue;
      seen.add(`colon\0${under}`);
      out.push(colonDiagnostic(plan, under, e.instancePath === under ? e.data : undefined, lang));
      continue;
    }
    if (e.keyword === 'format' && patternFailed.has(e.instancePath)) continue;
    if (e.keyword !== 'type' && typeFailed.has(e.instancePath)) continue;
    if (e.keyword === 'required' && misspelt.has(`${e.instancePath}\0${(e.params as { missingProperty: string }).missingProperty}`)) continue;
    const d = toDiagnostic(plan, e, lang);
    const key = `${d.line}:${d.column}:${d.rule}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** True for `{ "Sở Nội vụ": "để biết" }`: one key that is prose (a space or a capital), not a schema key. */
function looksLikeTextWithColon(d: unknown): boolean {
  if (!d || typeof d !== 'object' || Array.isArray(d)) return false;
  const keys = Object.keys(d);
  if (keys.length !== 1) return false;
  const v = (d as Record<string, unknown>)[keys[0]];
  return /[\sA-ZÀ-Ỹ]|[^\x00-\x7f]/u.test(keys[0]) && (v === null || ['string', 'number', 'boolean'].includes(typeof v));
}

function colonDiagnostic(plan: PlanSource, pointer: string, data: unknown, lang: Lang): Diagnostic {
  const path = splitPointer(pointer);
  const pos = plan.locate(path);
  let text = '';
  if (data && typeof data === 'object') {
    const [k] = Object.keys(data);
    const v = (data as Record<string, unknown>)[k];
    text = `${k}: ${v === null ? '' : String(v)}`.trim();
  }
  return {
    file: pos.file, line: pos.line, column: pos.column, severity: 'error', rule: 'schema/colon-in-text', path,
    message: msg('input/colon-in-text', lang, { text }), hint: msg('input/comment-hint', lang, { example: `- "${text.replace(/"/g, '\\"')}"` }),
  };
}

/** A value as it may be shown in a message (never throws: objects are described, not converted). */
export function showValue(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'object') return Array.isArray(v) ? '[…]' : '{…}';
  return String(v);
}

/**
 * The message of a value refused by a date field (its `format`, or the `pattern` that comes with it), read by
 * src/form/dates.ts: a real date written in another form (30/6/2027, 2026-12-7, "ngày 05 tháng 02 năm 2025") is
 * named in the field's own form; a date that does not exist is said so; anything else is left to the caller.
 */
function dateDiagnostic(value: unknown, format: DateFormatName, lang: Lang): { message: string; hint?: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const r = readDate(value);
  if (!r.ok) {
    if (r.reason === 'year-range') return { message: msg('input/year-range', lang, { value: r.written.y }) };
    if (r.reason === 'not-real') return { message: msg('schema/date', lang, { value }) };
    return undefined;
  }
  if (r.form === 'iso') return undefined; // its own form, a precision the field does not hold (2026-12 for a day)
  const iso = isoFor(r, format);
  return { message: msg(r.form === 'date-line' ? 'input/date-line-form' : 'input/date-form', lang, { value }), ...(iso ? { hint: msg('input/date-did-you-mean', lang, { value: iso }) } : {}) };
}

/** The keys a mapping needs and a one-line example (for "must be a mapping" on a plain value). */
function needsKeysHint(schema: { properties?: Record<string, unknown>; required?: string[] }, path: string[], value: unknown, lang: Lang): string | undefined {
  const keys = Object.keys(schema.properties ?? {});
  if (!keys.length) return undefined;
  const required = schema.required ?? [];
  const name = path.length ? String(path[path.length - 1]) : '';
  let example = `${name}: { ${required.map((k) => `${k}: …`).join(', ') || `${keys[0]}: …`} }`;
  const sk = typeof value === 'string' ? /^(?:Số:?\s*)?(\d+)\/([A-ZĐa-zđ]+)-(\S+)$/u.exec(value.trim()) : null;
  if (name === 'so_ky_hieu' && sk) example = `so_ky_hieu: { so: ${Number(sk[1])}, loai_van_ban: ${sk[2]}, viet_tat_co_quan: ${sk[3]} }`;
  return msg('input/needs-keys', lang, { keys: keys.join(', '), required: required.join(', '), example });
}

function toDiagnostic(plan: PlanSource, e: ErrorObject, lang: Lang): Diagnostic {
  const path = splitPointer(e.instancePath);
  const parent = (e.parentSchema ?? {}) as { properties?: Record<string, unknown> };
  // The prose of the node (its description, title and those of its properties) from the whole schema: the validator's
  // own copy has none (stripAnnotations).
  const prose = () => (schemaNodeAt(e.schemaPath) ?? {}) as { properties?: Record<string, unknown>; description?: string; title?: string };
  const value = e.data;
  let dataPath: (string | number)[] = path;
  let rule = `schema/${e.keyword}`;
  let message: string;
  let hint: string | undefined;
  let pos = plan.locate(path);
  switch (e.keyword) {
    case 'required': {
      const field = (e.params as { missingProperty: string }).missingProperty;
      message = msg('schema/required', lang, { field });
      dataPath = [...path, field];
      pos = plan.locate(path, { key: true });
      if (parent.properties?.[field]) {
        const text = schemaDescription(prose().properties?.[field], lang);
        if (text) hint = `${field}: ${text}`;
      }
      break;
    }
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      rule = 'schema/unknown-key';
      message = msg('schema/unknown-key', lang, { key });
      dataPath = [...path, key];
      pos = plan.locate(path, { childKey: key });
      const allowed = Object.keys(parent.properties ?? {});
      const held = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      if (held === null && /[\sA-ZÀ-Ỹ]|[^\x00-\x7f]/u.test(key)) {
        // `{chuc_vu: PHÓ CHỦ TỊCH, THƯỜNG TRỰC}`: the comma made the rest of the value a key of its own.
        rule = 'schema/comma-in-braces';
        message = msg('input/comma-in-braces', lang, { key });
        break;
      }
      const s = suggest(key, allowed);
      hint = s ? msg('hint/did-you-mean', lang, { suggestion: s }) : msg('hint/allowed-keys', lang, { keys: allowed.join(', ') });
      break;
    }
    case 'type': {
      const t = (e.params as { type: string | string[] }).type;
      const types = (Array.isArray(t) ? t : String(t).split(',')).map((x) => typeName(x, lang));
      message = msg('schema/type', lang, { expected: types.join(lang === 'vi' ? ' hoặc ' : ' or ') });
      const ts = Array.isArray(t) ? t : String(t).split(',');
      if (Array.isArray(value) && !ts.includes('array') && ts.includes('string')) {
        // `- - text`: a list inside a list item (a Markdown habit for sub-items); the item's own keys for children say how
        message = msg('schema/nested-list', lang, { expected: types.join(lang === 'vi' ? ' hoặc ' : ' or ') });
        const children = ['noi_dung', 'gach_dau_dong'].filter((k) => parent.properties?.[k]);
        if (children.length && parent.properties?.doan) hint = msg('hint/nested-list', lang, { keys: children.map((k) => `${k}:`).join(lang === 'vi' ? ' hoặc ' : ' or ') });
      } else if (types.length && ts.includes('string') && value !== null && typeof value === 'object') hint = msg('hint/quote-string', lang);
      else if (ts.includes('integer') && path[path.length - 1] === 'so' && typeof value === 'string') {
        // `so: 215/KH-UBND`: the number with its ký hiệu, which the tool writes from the other keys of so_ky_hieu
        const n = /^\s*(?:Số:?\s*)?0*(\d{1,4})\s*([/-]\s*\S.*?)\s*$/u.exec(value);
        if (n) hint = msg('hint/so-with-ky-hieu', lang, { so: Number(n[1]), kyhieu: n[2] });
      }
      else if ((Array.isArray(t) ? t : [t]).includes('object') && (value === null || typeof value !== 'object')) hint = needsKeysHint(parent as never, path, value, lang);
      break;
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      message = msg('schema/enum', lang, { value: showValue(value), allowed: allowed.join(', ') });
      const s = typeof value === 'string' ? suggest(value, allowed) : undefined;
      if (s) hint = msg('hint/did-you-mean', lang, { suggestion: s });
      break;
    }
    case 'format': {
      rule = 'schema/date';
      const format = (parent as { format?: string }).format;
      const date = isDateFormat(format) ? dateDiagnostic(value, format, lang) : undefined;
      message = date?.message ?? msg('schema/date', lang, { value: showValue(value) });
      hint = date?.hint;
      break;
    }
    case 'pattern': {
      const format = (parent as { format?: string }).format;
      const date = isDateFormat(format) ? dateDiagnostic(value, format, lang) : undefined;
      if (date) {
        rule = 'schema/date';
        ({ message, hint } = date);
        break;
      }
      message = msg('schema/pattern', lang, { value: showValue(value), what: prose().title ?? e.schemaPath });
      hint = schemaDescription(prose(), lang);
      break;
    }
    case 'minLength': rule = 'schema/min-length'; message = msg('schema/min-length', lang); break;
    case 'maxLength': rule = 'schema/max-length'; message = msg('schema/max-length', lang, { limit: (e.params as { limit: number }).limit }); break;
    case 'minItems': rule = 'schema/min-items'; message = msg('schema/min-items', lang, { limit: (e.params as { limit: number }).limit }); break;
    case 'maxItems': rule = 'schema/max-items'; message = msg('schema/max-items', lang, { limit: (e.params as { limit: number }).limit }); break;
    case 'minProperties': rule = 'schema/min-properties'; message = msg('schema/min-properties', lang); break;
    case 'minimum': message = msg('schema/minimum', lang, { limit: (e.params as { limit: number }).limit }); break;
    case 'exclusiveMinimum': rule = 'schema/minimum'; message = msg('schema/greater-than', lang, { limit: (e.params as { limit: number }).limit }); break;
    case 'maximum': case 'exclusiveMaximum': message = msg('schema/maximum', lang, { limit: (e.params as { limit: number }).limit }); rule = 'schema/maximum'; break;
    default:
      message = msg('schema/other', lang, { detail: `${e.keyword}: ${e.message ?? ''}` });
  }
  return { file: pos.file, line: pos.line, column: pos.column, severity: 'error', rule, message, ...(hint ? { hint } : {}), path: dataPath };
}
