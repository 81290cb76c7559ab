// Generates src/types/plan.ts from schemas/ke-hoach.schema.json (the single source of the plan's shape).
// Type names come from the keys (snake_case → PascalCase); the Vietnamese descriptions become doc comments.
// Run: npm run gen:types. A test fails when the committed file is out of date.
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

export async function generate() {
  const schema = JSON.parse(readFileSync(new URL('../schemas/ke-hoach.schema.json', import.meta.url), 'utf8'));
  return compile(rename(schema, 'KeHoach'), 'KeHoach', {
    bannerComment: '/* Generated from schemas/ke-hoach.schema.json by scripts/gen-types.mjs. Do not edit: run `npm run gen:types`. */',
    additionalProperties: false,
    style: { singleQuote: true, printWidth: 120 },
    unreachableDefinitions: true,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../src/types/plan.ts', import.meta.url), await generate());
}
