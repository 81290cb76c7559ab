// Generates the TypeScript types of the two data shapes from their JSON Schemas (the single source of each shape):
// src/types/plan.ts from schemas/ke-hoach.schema.json (a plan) and src/types/layout.ts from schemas/layout.schema.json
// (one family's templates/<khoi>/layout.yaml; the resolved profile, src/profile.ts LayoutProfile, is derived from it).
// Type names come from the keys (snake_case → PascalCase); the Vietnamese descriptions become doc comments.
// It also writes src/types/code-keys.ts, the keys whose values are codes (see codeKeys below), and src/types/layout.ts
// from schemas/layout.schema.json. Run: npm run gen:types. A test fails when a committed file is out of date
// (test/units.test.ts).
import { compile } from 'json-schema-to-typescript';
import { readFileSync, writeFileSync } from 'node:fs';

const pascal = (k) => k.split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join('');

/** Replaces titles with key-derived names on objects/enums/$defs and drops them on plain leaves. */
function rename(node, name) {
  if (Array.isArray(node)) return node.map((n) => rename(n, name));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, rename(pv, pascal(pk))]));
    else if (k === '$defs') out[k] = Object.fromEntries(Object.entries(v).map(([dk, dv]) => [dk, rename(dv, pascal(dk))]));
    else if (k === 'items') out[k] = rename(v, name + 'Item');
    else out[k] = rename(v, name);
  }
  const named = node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object')) || node.enum;
  if ('title' in out) { if (named) out.title = name; else delete out.title; }
  return out;
}

/** The plan type (src/types/plan.ts). */
export async function generate() {
  const schema = JSON.parse(readFileSync(new URL('../schemas/ke-hoach.schema.json', import.meta.url), 'utf8'));
  return compile(rename(schema, 'KeHoach'), 'KeHoach', {
    bannerComment: '/* Generated from schemas/ke-hoach.schema.json by scripts/gen-types.mjs. Do not edit: run `npm run gen:types`. */',
    additionalProperties: false,
    style: { singleQuote: true, printWidth: 120 },
    unreachableDefinitions: true,
  });
}

/**
 * The keys whose values are codes, dates, numbers or choices, not text printed as typed: a key is one when its
 * schema is marked `"x-ma": true` ("mã", a code: what the shape cannot tell, e.g. a numbering pattern or a path) in
 * some place, or when in every place it has the shape of a code: an enum or const, a string with a pattern or a format,
 * only numbers, booleans or null, or a list of codes. The list is by name: a key of the list is a code wherever it is.
 */
export function codeKeys(schema) {
  const defOf = (ref) => ref.slice(2).split("/").reduce((o, k) => o[k], schema);
  // A schema whose values are codes: marked, an enum or const, only numbers/booleans/null, a string with a pattern or format, a list of codes.
  const isCode = (n, seen = new Set()) => {
    if (!n || typeof n !== 'object') return false;
    if (n['x-ma'] === true) return true;
    if (n.$ref) { if (seen.has(n.$ref)) return false; seen.add(n.$ref); if (isCode(defOf(n.$ref), seen)) return true; }
    if ('enum' in n || 'const' in n) return true;
    const alts = n.oneOf ?? n.anyOf;
    if (alts) return alts.every((a) => isCode(a, new Set(seen)));
    const types = [n.type ?? []].flat();
    if (!types.length) return false;
    if (types.includes('object')) return false;
    if (types.includes('array') && !(n.items && isCode(n.items, new Set(seen)))) return false;
    if (types.includes('string') && !n.pattern && !n.format) return false;
    return true;
  };
  const marked = new Set(); const all = new Map();
  const walk = (n, seen) => {
    if (Array.isArray(n)) return n.forEach((x) => walk(x, seen));
    if (!n || typeof n !== 'object') return;
    if (n.$ref) { if (seen.has(n.$ref)) return; walk(defOf(n.$ref), new Set([...seen, n.$ref])); }
    if (n.properties) for (const [k, v] of Object.entries(n.properties)) {
      const code = isCode(v);
      if (v['x-ma'] === true || (v.$ref && defOf(v.$ref)['x-ma'] === true)) marked.add(k);
      all.set(k, (all.get(k) ?? true) && code);
    }
    for (const [k, v] of Object.entries(n)) if (k !== '$defs' && k !== '$ref' && typeof v === 'object') walk(v, seen);
  };
  walk(schema, new Set());
  return [...new Set([...marked, ...[...all].filter(([, c]) => c).map(([k]) => k)])].sort();
}

/** The text of src/types/code-keys.ts. */
export function generateCodeKeys() {
  const schema = JSON.parse(readFileSync(new URL('../schemas/ke-hoach.schema.json', import.meta.url), 'utf8'));
  const keys = codeKeys(schema).map((k) => `'${k}'`);
  const lines = [];
  for (let i = 0; i < keys.length; i += 8) lines.push(`  ${keys.slice(i, i + 8).join(', ')},`);
  return `/* Generated from schemas/ke-hoach.schema.json by scripts/gen-types.mjs. Do not edit: run \`npm run gen:types\`. */

/**
 * Keys whose values are codes, dates, numbers or choices, not text printed as typed (from the schema: marked
 * \`"x-ma": true\`, or shaped as a code: an enum, a pattern, a date format, a number or boolean). The rules' text walk
 * (src/rules/types.ts) does not enter them, and a \`# note\` after one of them is the YAML comment its writer meant
 * (src/load.ts, src/load-fast.ts).
 */
export const CODE_KEYS: ReadonlySet<string> = new Set([
${lines.join('\n')}
]);
`;
}

/**
 * The type of one layout.yaml file (src/types/layout.ts): every key optional, as a layer (`ke_thua`) may give any part.
 * The root file's required keys (`then` of the schema) are not in the type: src/profile.ts states which keys a resolved
 * profile has. `nhan_dien` is an open object for now.
 */
export async function generateLayout() {
  const { if: _if, then: _then, ...schema } = JSON.parse(readFileSync(new URL('../schemas/layout.schema.json', import.meta.url), 'utf8'));
  delete schema.$defs.khoi_goc;
  return compile(rename(schema, 'LayoutFile'), 'LayoutFile', {
    bannerComment: '/* Generated from schemas/layout.schema.json by scripts/gen-types.mjs. Do not edit: run `npm run gen:types`. */',
    additionalProperties: false,
    style: { singleQuote: true, printWidth: 120 },
    unreachableDefinitions: false,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../src/types/plan.ts', import.meta.url), await generate());
  writeFileSync(new URL('../src/types/code-keys.ts', import.meta.url), generateCodeKeys());
  writeFileSync(new URL('../src/types/layout.ts', import.meta.url), await generateLayout());
}
