/**
 * The .docx has real structure: each layout role (templates/<khoi>/layout.yaml `kieu:`) is a named paragraph style,
 * the headings tieu_de_1..4 are based on Word's Heading 1–4 with outline levels (Word's navigation pane), paragraphs
 * reference their style instead of repeating direct formatting, the language is vi-VN and the core properties are
 * filled. Changing the body style once changes every body-like paragraph, headings included.
 */
import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, EXAMPLES_DIR, renderExample, docxParts, plainParser, effectiveFormatting } from './helpers.js';

type X = Record<string, any>;
const paragraphs = (xml: string): X[] => {
  const out: X[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') for (const [k, v] of Object.entries(n)) { if (k === 'w:p') [v].flat().forEach((p) => out.push(p as X)); walk(v); }
  };
  walk(plainParser.parse(xml));
  return out;
};
const text = (p: X) => (p['w:r'] ?? []).flatMap((r: X) => r['w:t'] ?? []).map((t: X | string) => (typeof t === 'string' ? t : t['#text'] ?? '')).join('');

describe.each(EXAMPLES)('%s', (ex) => {
  const plan = parse(readFileSync(join(EXAMPLES_DIR, ex), 'utf8'));
  const load = async () => docxParts(await renderExample(ex));

  it('Heading 1–4 carry outline levels 0–3; tieu_de_1..4 are based on them; the numbered headings use them', async () => {
    const parts = await load();
    const fmt = effectiveFormatting(parts);
    for (let n = 1; n <= 4; n++) {
      expect(fmt.styleOf(`Heading${n}`)!['w:pPr']['w:outlineLvl']['@w:val']).toBe(String(n - 1));
      const t = fmt.styleOf(`tieu_de_${n}`)!;
      expect(t['w:basedOn']['@w:val']).toBe(`Heading${n}`);
      expect(t['w:pPr']['w:outlineLvl']['@w:val']).toBe(String(n - 1));
    }
    const paras = paragraphs(parts['word/document.xml']);
    const headings = paras.filter((p) => /^tieu_de_\d$/.test(p['w:pPr']?.['w:pStyle']?.['@w:val'] ?? ''));
    expect(headings.length).toBeGreaterThanOrEqual(3);
    // Every level-1 section of the plan (I., II. … or I-, II- …) is a tieu_de_1 paragraph.
    const level1 = (plan.noi_dung as X[]).filter((i) => i && typeof i === 'object' && 'tieu_de' in i).length;
    expect(headings.filter((p) => p['w:pPr']['w:pStyle']['@w:val'] === 'tieu_de_1').length).toBe(level1);
    for (const h of headings.filter((p) => p['w:pPr']['w:pStyle']['@w:val'] === 'tieu_de_1')) expect(text(h)).toMatch(/^[IVXL]+[.\/-] /);
  });

  it('paragraphs reference named styles; no run repeats the font, and body runs carry no size of their own', async () => {
    const parts = await load();
    const paras = paragraphs(parts['word/document.xml']);
    const styled = paras.filter((p) => p['w:pPr']?.['w:pStyle']);
    const withText = paras.filter((p) => text(p).trim());
    expect(styled.length / withText.length).toBeGreaterThan(0.95);
    expect(parts['word/document.xml']).not.toMatch(/<w:rFonts/);
    const body = paras.filter((p) => p['w:pPr']?.['w:pStyle']?.['@w:val'] === 'than');
    expect(body.length).toBeGreaterThan(3);
    for (const p of body) {
      expect(p['w:pPr']['w:jc'], text(p)).toBeUndefined();
      expect(p['w:pPr']['w:spacing'], text(p)).toBeUndefined();
      for (const r of [p['w:r'] ?? []].flat()) expect(r['w:rPr']?.['w:sz']).toBeUndefined();
    }
  });

  it('changing the body style\'s size once changes the body, the opening and the headings', async () => {
    const parts = await load();
    const resized = { ...parts, 'word/styles.xml': parts['word/styles.xml'].replace(/(w:styleId="than">(?:(?!<\/w:style>).)*<w:sz w:val=")\d+/, '$124') };
    expect(resized['word/styles.xml']).not.toBe(parts['word/styles.xml']);
    const fmt = effectiveFormatting(resized);
    const paras = paragraphs(parts['word/document.xml']);
    for (const role of ['than', 'tieu_de_1', 'tieu_de_2', 'ket_thuc']) {
      const p = paras.find((q) => q['w:pPr']?.['w:pStyle']?.['@w:val'] === role && q['w:r']);
      if (!p) continue;
      expect(fmt.run(p, [p['w:r']].flat()[0])['w:sz']['@w:val'], role).toBe('24');
    }
  });

  it('document language vi-VN; title, subject and creator filled', async () => {
    const parts = await load();
    expect(parts['word/styles.xml']).toMatch(/<w:rPrDefault><w:rPr>(?:(?!<\/w:rPr>).)*<w:lang w:val="vi-VN"\/>/);
    const core = parts['docProps/core.xml'];
    for (const tag of ['dc:title', 'dc:subject', 'dc:creator']) expect(core, tag).toMatch(new RegExp(`<${tag}>[^<]+</${tag}>`));
    expect(core).toContain([plan.trich_yeu].flat().join(' ').slice(0, 20));
  });
});
