/**
 * The shape of one family's `templates/<khoi>/layout.yaml`: schemas/layout.schema.json (JSON Schema 2020-12, the
 * source of src/types/layout.ts), checked when src/profile.ts parses a layout file, each problem reported at its
 * file:line:col. The validator is precompiled at build time (scripts/build-validator.mjs →
 * dist/validate/layout-validator.cjs) and required only when a layout file is parsed: a command served by the build's
 * table or the user's cache of profiles loads neither it nor ajv. From source it is compiled once per process.
 * The sensible ranges of sizes and lengths are the schema's `minimum`/`maximum`, with their unit in `x-don-vi`.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { msg, typeName, type Lang } from '../i18n/messages.js';
import { showValue, suggest } from '../validate/schema.js';

/** Absolute path of the layout schema shipped with the package. */
export const LAYOUT_SCHEMA_PATH = fileURLToPath(new URL('../../schemas/layout.schema.json', import.meta.url));

/**
 * Ajv options of the layout schema, for the run-time compile and the build's precompiled code. `strictRequired` is off:
 * the root file's required keys (`then` → `$defs/khoi_goc`) name properties declared beside them, not in the same
 * subschema (test/layout-schema.test.ts checks each of them is a property).
 */
export const LAYOUT_AJV_OPTIONS = { allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true } as const;

/** The annotation keyword giving the unit of a bounded number ("mm", "pt", "×", "dòng"), shown with its range. */
export const UNIT_KEYWORD = 'x-don-vi';

const localRequire = createRequire(import.meta.url);
let validator: ValidateFunction | undefined;

/** The layout schema's validator: the build's precompiled code, else compiled with ajv (from source). */
function layoutValidator(): ValidateFunction {
  if (validator) return validator;
  try {
    const mod = localRequire('../validate/layout-validator.cjs') as ValidateFunction | { default: ValidateFunction };
    validator = typeof mod === 'function' ? mod : mod.default;
  } catch {
    validator = compileLayoutValidator();
  }
  return validator;
}

/** Compiles the layout schema with ajv (from source, and by the test that checks the precompiled code agrees). */
export function compileLayoutValidator(): ValidateFunction {
  const { Ajv2020 } = localRequire('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const ajv = new Ajv2020(LAYOUT_AJV_OPTIONS);
  ajv.addKeyword({ keyword: UNIT_KEYWORD, schemaType: 'string' });
  return ajv.compile(JSON.parse(readFileSync(LAYOUT_SCHEMA_PATH, 'utf8')) as object);
}

/** Where a problem is: `key` for the position of a key of the mapping at `path` (an unknown or misspelt key). */
export type Locate = (path: string[], key?: string) => { file: string; line: number; column: number };

/** One problem of a layout file: where it is and what (the detail of an `input/template-error` message). */
export interface LayoutProblem { file: string; line: number; column: number; detail: string }

const splitPointer = (p: string): string[] => (p === '' ? [] : p.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')));

/**
 * Validates one layout.yaml's data against the layout schema (a file without `ke_thua` must give every key a resolved
 * profile has; a layer any part).
 * @param data the file's data (yaml's toJS)
 * @param locate the position of a data path in the file
 * @returns every problem, once each, sorted by position (empty when valid); details name the key path
 *   ("kieu.than.co"), in `lang`
 */
export function layoutProblems(data: unknown, locate: Locate, lang: Lang): LayoutProblem[] {
  const validate = layoutValidator();
  if (validate(data)) return [];
  const errors = (validate.errors ?? []) as ErrorObject[];
  // A wrong type makes every other keyword at that path noise: keep only the type error there.
  const typeFailed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = new Set<string>();
  const out: LayoutProblem[] = [];
  for (const e of errors) {
    if (e.keyword === 'if' || (e.keyword !== 'type' && typeFailed.has(e.instancePath))) continue;
    const p = problem(e, locate, lang);
    const id = `${p.file}:${p.line}:${p.column}:${p.detail}`;
    if (seen.has(id)) continue; // the root file's `then` repeats a type error of its own properties
    seen.add(id);
    out.push(p);
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

function problem(e: ErrorObject, locate: Locate, lang: Lang): LayoutProblem {
  const path = splitPointer(e.instancePath);
  const parent = (e.parentSchema ?? {}) as { properties?: Record<string, unknown>; description?: string; minimum?: number; maximum?: number; [UNIT_KEYWORD]?: string };
  const name = (p: string[]) => p.join('.') || 'layout.yaml';
  const limit = (e.params as { limit?: number }).limit;
  let at = locate(path);
  let detail: string;
  switch (e.keyword) {
    case 'required': {
      const field = (e.params as { missingProperty: string }).missingProperty;
      detail = `${name(path)}: ${msg('schema/required', lang, { field })}`;
      break;
    }
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      at = locate(path, key);
      const allowed = Object.keys(parent.properties ?? {});
      const s = allowed.length ? suggest(key, allowed) : undefined;
      detail = `${name(path)}: ${msg('schema/unknown-key', lang, { key })}; ${s ? msg('hint/did-you-mean', lang, { suggestion: s }) : msg('hint/allowed-keys', lang, { keys: allowed.join(', ') })}`;
      break;
    }
    case 'type': {
      const t = (e.params as { type: string | string[] }).type;
      const types = (Array.isArray(t) ? t : String(t).split(',')).map((x) => typeName(x, lang));
      detail = `${name(path)} = ${showValue(e.data)}: ${msg('schema/type', lang, { expected: types.join(lang === 'vi' ? ' hoặc ' : ' or ') })}`;
      break;
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      detail = `${name(path)}: ${msg('schema/enum', lang, { value: showValue(e.data), allowed: allowed.join(', ') })}`;
      break;
    }
    case 'minimum': case 'maximum':
      // The sensible range of a size or length (a 1e9 mm page makes a .docx Word refuses), with its unit.
      detail = msg('input/layout-range', lang, { key: name(path), value: showValue(e.data), min: parent.minimum ?? '', max: parent.maximum ?? '', unit: parent[UNIT_KEYWORD] ?? '' });
      break;
    case 'pattern': {
      // Only `dong` has one (an exact height "Npt", 1–200 pt): its description says so in Vietnamese, the pattern in English.
      const what = lang === 'vi' && parent.description ? parent.description : (e.params as { pattern: string }).pattern;
      detail = `${name(path)}: ${msg('schema/pattern', lang, { value: showValue(e.data), what })}`;
      break;
    }
    case 'minLength': detail = `${name(path)}: ${msg('schema/min-length', lang)}`; break;
    case 'minItems': detail = `${name(path)}: ${msg('schema/min-items', lang, { limit: limit ?? '' })}`; break;
    case 'maxItems': detail = `${name(path)}: ${msg('schema/max-items', lang, { limit: limit ?? '' })}`; break;
    default:
      detail = `${name(path)}: ${msg('schema/other', lang, { detail: `${e.keyword}: ${e.message ?? ''}` })}`;
  }
  return { ...at, detail };
}
