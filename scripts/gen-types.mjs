// Generates the TypeScript types of the two data shapes from their JSON Schemas (the single source of each shape):
// src/types/plan.ts from schemas/ke-hoach.schema.json (a plan) and src/types/layout.ts from schemas/layout.schema.json
// (one family's templates/<khoi>/layout.yaml; the resolved profile, src/profile.ts LayoutProfile, is derived from it).
// Type names come from the keys (snake_case → PascalCase); the Vietnamese descriptions become doc comments.
// Run: npm run gen:types. A test fails when a committed file is out of date (test/units.test.ts).
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
  writeFileSync(new URL('../src/types/layout.ts', import.meta.url), await generateLayout());
}
