/**
 * The validator is compiled without the schema's prose (src/validate/schema.ts stripAnnotations, issue 22: the
 * precompiled code embeds the schema it was compiled from), and the messages that show a description or a title read
 * it from the whole schema (schemaNodeAt): the same messages, in both languages.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripAnnotations, schemaNodeAt, planSchema } from '../src/validate/schema.js';
import { checkPlanText } from '../src/pipeline.js';
import { ROOT } from './helpers.js';

const MINIMAL = readFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), 'utf8');

describe('the validator carries no prose; messages still show it', () => {
  it('stripAnnotations drops titles, descriptions (both languages), examples and comments, never a property of that name or data', () => {
    const schema = {
      title: 'T', description: 'D', 'x-description-en': 'E', examples: [1], $comment: 'c', type: 'object',
      properties: { title: { type: 'string', description: 'a property named title' }, description: { enum: [{ description: 'data' }] } },
      $defs: { x: { title: 'X', const: { title: 'kept' }, default: { description: 'kept' } } },
    };
    expect(stripAnnotations(schema)).toEqual({
      type: 'object',
      properties: { title: { type: 'string' }, description: { enum: [{ description: 'data' }] } },
      $defs: { x: { const: { title: 'kept' }, default: { description: 'kept' } } },
    });
    expect(schema.title, 'the input is not changed').toBe('T');
  });

  it('the precompiled validator holds none of the descriptions', () => {
    const code = readFileSync(join(ROOT, 'dist/validate/plan-validator.cjs'), 'utf8');
    const props = (planSchema() as { properties: Record<string, { description?: string; 'x-description-en'?: string }> }).properties;
    const texts = Object.values(props).flatMap((p) => [p.description, p['x-description-en']]).filter((t): t is string => !!t && t.length > 20);
    expect(texts.length).toBeGreaterThan(10);
    for (const t of texts) expect(code.includes(JSON.stringify(t).slice(1, 40)), t).toBe(false);
  });

  it('schemaNodeAt finds the node of an error, nested ones included', () => {
    expect(schemaNodeAt('#/properties/co_quan_ban_hanh/type')).toBe((planSchema() as { properties: Record<string, unknown> }).properties.co_quan_ban_hanh);
    expect(schemaNodeAt('#/required')).toBe(planSchema());
    expect(schemaNodeAt('#/properties/no_such_key/type')).toBeUndefined();
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`a missing field's hint is its description, a refused pattern names its title (${lang})`, () => {
      const missing = checkPlanText(MINIMAL.replace(/^co_quan_ban_hanh:.*\n/m, ''), { lang, file: 'a.yaml' }).diagnostics.find((d) => d.rule === 'schema/required');
      const props = (planSchema() as { properties: Record<string, Record<string, string>> }).properties;
      expect(missing?.hint).toBe(`co_quan_ban_hanh: ${props.co_quan_ban_hanh[lang === 'en' ? 'x-description-en' : 'description']}`);
      const pattern = checkPlanText(MINIMAL.replace(/^ngay_ban_hanh: .*$/m, 'ngay_ban_hanh: "hom qua"'), { lang, file: 'a.yaml' }).diagnostics.find((d) => d.rule === 'schema/pattern');
      expect(pattern?.message).toContain(props.ngay_ban_hanh.title);
      expect(pattern?.hint).toBe(props.ngay_ban_hanh[lang === 'en' ? 'x-description-en' : 'description']);
    });
  }
});
