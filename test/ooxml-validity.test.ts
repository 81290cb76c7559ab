/**
 * Every example passes the Open XML SDK validator (@ooxml-tools/validate: the SDK compiled to WebAssembly), so
 * Word never shows its repair prompt on our files. A corrupted copy must fail, proving the check can fail.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import validate, { ready } from '@ooxml-tools/validate';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { EXAMPLES, renderExample } from './helpers.js';
import { renderPlan } from '../src/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

beforeAll(async () => { await ready(); }, 60_000);

const check = (buf: Uint8Array) => validate(new Uint8Array(buf), 'docx', 'Office2016');

describe('Open XML SDK validation (Office 2016)', () => {
  it.each(EXAMPLES)('%s has no schema errors', async (ex) => {
    expect(await check(await renderExample(ex))).toEqual([]);
  }, 60_000);

  it('the README example (appendix, task table, bracketed groups) has no schema errors', async () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))![1];
    expect(await check(await renderPlan(yaml))).toEqual([]);
  }, 60_000);

  it('a corrupted copy is rejected (the check can fail)', async () => {
    const files = unzipSync(new Uint8Array(await renderExample(EXAMPLES[0])));
    // Move <w:jc> in front of <w:spacing> in the first paragraph properties that have both (a paragraph style's):
    // well-formed, schema-invalid.
    const xml = strFromU8(files['word/styles.xml']);
    const broken = xml.replace(/(<w:pPr>)(.*?)(<w:jc [^>]*\/>)/, '$1$3$2');
    expect(broken).not.toBe(xml);
    files['word/styles.xml'] = strToU8(broken);
    const errors = await check(zipSync(files));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].path.partUri).toBe('/word/styles.xml');
  }, 60_000);
});
