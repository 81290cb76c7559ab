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

/** Absolute path of the plan schema shipped with the package. */
export const SCHEMA_PATH = fileURLToPath(new URL('../../schemas/ke-hoach.schema.json', import.meta.url));

let cachedSchema: Record<string, unknown> | undefined;
/** The plan JSON Schema as an object (read once per process). */
export function planSchema(): Record<string, unknown> {
  cachedSchema ??= JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  return cachedSchema;
}

const require = createRequire(import.meta.url);
type Format = { type: 'string'; validate: (s: string) => boolean };
const formats = require('./formats.cjs') as { isRealDate: (s: string) => boolean } & Record<'date' | 'ngay-hoac-nam' | 'thang-hoac-ngay', Format>;

/** True when `s` is YYYY-MM-DD naming a day that exists (2024-02-30 is refused, never rolled over). */
export const isRealDate: (s: string) => boolean = formats.isRealDate;

/** Ajv options shared by the runtime compile and the precompiled validator (scripts/build-validator.mjs). */
export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true } as const;

let cachedValidator: ValidateFunction | undefined;
/**
 * The schema validator: the standalone code precompiled at build time (dist/validate/plan-validator.cjs), or,
 * when running from source, compiled once per process (~70 ms).
 */
export function planValidator(): ValidateFunction {
  if (cachedValidator) return cachedValidator;
  try {
    const mod = require('./plan-validator.cjs') as ValidateFunction | { default: ValidateFunction };
    cachedValidator = typeof mod === 'function' ? mod : mod.default;
  } catch {
    cachedValidator = compileValidator();
  }
  return cachedValidator;
}

/** Compiles the schema with ajv (used from source, and by the test that checks the precompiled code agrees). */
export function compileValidator(): ValidateFunction {
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const ajv = new Ajv2020(AJV_OPTIONS);
  ajv.addFormat('date', formats.date);
  ajv.addFormat('ngay-hoac-nam', formats['ngay-hoac-nam']);
  ajv.addFormat('thang-hoac-ngay', formats['thang-hoac-ngay']);
  return ajv.compile(planSchema());
}

const stripMarks = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** Suggests the closest candidate to a misspelt word (ignoring diacritics), or undefined. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (!candidates.length) return undefined;
  const { closest, distance } = require('fastest-levenshtein') as typeof import('fastest-levenshtein');
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
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
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

function toDiagnostic(plan: PlanSource, e: ErrorObject, lang: Lang): Diagnostic {
  const path = splitPointer(e.instancePath);
  const parent = (e.parentSchema ?? {}) as { properties?: Record<string, unknown>; description?: string; title?: string };
  const value = e.data;
  let rule = `schema/${e.keyword}`;
  let message: string;
  let hint: string | undefined;
  let pos = plan.locate(path);
  switch (e.keyword) {
    case 'required': {
      const field = (e.params as { missingProperty: string }).missingProperty;
      message = msg('schema/required', lang, { field });
      pos = plan.locate(path, { key: true });
      if (parent.properties?.[field]) {
        const sub = parent.properties[field] as { description?: string };
        if (sub.description && lang === 'vi') hint = `${field}: ${sub.description}`;
      }
      break;
    }
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      rule = 'schema/unknown-key';
      message = msg('schema/unknown-key', lang, { key });
      pos = plan.locate(path, { childKey: key });
      const allowed = Object.keys(parent.properties ?? {});
      const s = suggest(key, allowed);
      hint = s ? msg('hint/did-you-mean', lang, { suggestion: s }) : msg('hint/allowed-keys', lang, { keys: allowed.join(', ') });
      break;
    }
    case 'type': {
      const t = (e.params as { type: string | string[] }).type;
      const types = (Array.isArray(t) ? t : String(t).split(',')).map((x) => typeName(x, lang));
      message = msg('schema/type', lang, { expected: types.join(lang === 'vi' ? ' hoặc ' : ' or ') });
      if (types.length && (Array.isArray(t) ? t : [t]).includes('string') && value !== null && typeof value === 'object') hint = msg('hint/quote-string', lang);
      break;
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      message = msg('schema/enum', lang, { value: String(value), allowed: allowed.join(', ') });
      const s = suggest(String(value), allowed);
      if (s) hint = msg('hint/did-you-mean', lang, { suggestion: s });
      break;
    }
    case 'format':
      rule = 'schema/date';
      message = msg('schema/date', lang, { value: String(value) });
      break;
    case 'pattern':
      message = msg('schema/pattern', lang, { value: String(value), what: parent.title ?? e.schemaPath });
      if (parent.description) hint = parent.description;
      break;
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
  return { file: pos.file, line: pos.line, column: pos.column, severity: 'error', rule, message, ...(hint ? { hint } : {}) };
}
