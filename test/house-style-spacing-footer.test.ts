/**
 * Issue 20, item 5: two house-style choices (plan `trinh_bay:`, src/layout/house-style.ts).
 * - `cach_truoc`: space before the body's paragraphs, pt, in the range `trinh_bay.khung.cach_truoc` of layout.yaml;
 *   written as the styles' w:spacing w:before (twips), not on căn cứ lines the family sets close; the gap between
 *   two paragraphs (`cach_doan` + `cach_truoc`) is what NĐ 30 PL I mục II.6 bounds (≥ 6 pt).
 * - `so_trang: chan_trang`: the page number centred in the footer (a PAGE field in a footer part, none in a header,
 *   page 1 still without it), as the Front's offices print it; warned once, naming NĐ 30/2020 Phụ lục I mục II.10,
 *   by validate and by check alike (render → check: that warning, no layout-rule finding).
 * Both come back through import into `trinh_bay` (render → import → the same values → render: the same document).
 * Example 007 (a transcribed plan of a commune's Front) shows both, as its original printed them.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { parseDocument, parse } from 'yaml';
import { renderPlan, validatePlan } from '../src/index.js';
import { checkDocument } from '../src/check/index.js';
import { readDocxBytes } from '../src/docx-read/index.js';
import { importDocument, importToYaml } from '../src/import/index.js';
import { docxParts, plainParser, hasCommand, EXAMPLES_DIR, ROOT } from './helpers.js';

const EX = '007-mttq-luong-minh-2025.yaml';
const example = readFileSync(join(EXAMPLES_DIR, EX), 'utf8');
const minimal = readFileSync(join(ROOT, 'test', 'fixtures', 'minimal.yaml'), 'utf8');

/** The plan with `trinh_bay` set to exactly `values` (none: no trinh_bay). */
function withHouse(text: string, values: Record<string, unknown> | null): string {
  const doc = parseDocument(text);
  doc.deleteIn(['trinh_bay']);
  if (values) doc.setIn(['trinh_bay'], values);
  return doc.toString();
}

/** A named paragraph style's w:spacing attributes (twips), from word/styles.xml. */
function styleSpacing(bytes: Uint8Array, id: string): Record<string, string> {
  const styles = plainParser.parse(docxParts(bytes)['word/styles.xml'])['w:styles']['w:style'] as Record<string, any>[];
  const s = styles.find((x) => x['@w:styleId'] === id);
  expect(s, `style ${id}`).toBeDefined();
  return s!['w:pPr']?.['w:spacing'] ?? {};
}

const check = (bytes: Uint8Array, lang: 'vi' | 'en' = 'vi') => checkDocument(readDocxBytes(bytes, 't.docx'), 't.docx', { lang });
const PAGE_FIELD = (part: string) => /<w:instrText[^>]*>PAGE<\/w:instrText>/.test(part);

describe('cach_truoc: space before the body paragraphs', () => {
  it('is written as w:spacing w:before in twips on the body styles; căn cứ (set close by the family) keeps none', async () => {
    const plain = await renderPlan(minimal);
    expect(styleSpacing(plain, 'than')['@w:before']).toBe('0');
    const bytes = await renderPlan(withHouse(minimal, { cach_truoc: 6 }));
    expect(styleSpacing(bytes, 'than')['@w:before']).toBe('120');
    expect(styleSpacing(bytes, 'than')['@w:after']).toBe('120'); // cach_doan untouched: the family's 6 pt
    // a role based on "than" that differs in nothing else states no spacing of its own: it inherits 120
    expect(styleSpacing(bytes, 'ket_thuc')['@w:before']).toBeUndefined();
    // căn cứ: "sau: 0" in the family's data, so its lines stay close: its own before 0
    expect(styleSpacing(bytes, 'can_cu')['@w:before']).toBe('0');
  });

  it('the gap between paragraphs is after + before: 0 after and 6 before is inside NĐ 30 (≥ 6 pt), 0 after alone is not', () => {
    const warned = (v: Record<string, unknown>) => validatePlan(withHouse(minimal, v)).filter((d) => d.rule === 'trinh-bay/ngoai-khung').map((d) => d.message);
    expect(warned({ cach_doan: 0, cach_truoc: 6 })).toEqual([]);
    expect(warned({ cach_doan: 0 })).toEqual([expect.stringContaining('trinh_bay.cach_doan: 0')]);
    expect(warned({ cach_doan: 3, cach_truoc: 2 })).toEqual([expect.stringContaining('trinh_bay.cach_doan: 3')]);
  });

  it('the schema describes it; the range is layout data (trinh_bay.khung.cach_truoc)', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'ke-hoach.schema.json'), 'utf8'));
    expect(schema.properties.trinh_bay.properties.cach_truoc).toMatchObject({ type: 'number', minimum: 0 });
    const layout = parse(readFileSync(join(ROOT, 'templates', 'nha_nuoc', 'layout.yaml'), 'utf8'));
    expect(layout.trinh_bay.khung.cach_truoc).toEqual([0, null]);
  });
});

describe('so_trang: chan_trang — the page number in the footer', () => {
  let footer: Uint8Array;
  let header: Uint8Array;
  beforeAll(async () => {
    footer = await renderPlan(example, { force: true });
    header = await renderPlan(withHouse(example, null), { force: true });
  }, 60_000);

  it('a footer part holds the PAGE field, no header does; page 1 (title page) has an empty footer', () => {
    const parts = docxParts(footer);
    const names = (re: RegExp) => Object.keys(parts).filter((n) => re.test(n));
    expect(names(/^word\/header\d*\.xml$/).filter((n) => PAGE_FIELD(parts[n]))).toEqual([]);
    const footers = names(/^word\/footer\d*\.xml$/);
    expect(footers.filter((n) => PAGE_FIELD(parts[n]))).toHaveLength(1);
    const doc = readDocxBytes(footer, 't.docx');
    const s = doc.sections[0];
    expect(s.titlePage).toBe(true);
    expect((doc.parts[s.footers.default] ?? []).some((p) => p.fields.includes('PAGE'))).toBe(true);
    expect((doc.parts[s.footers.first] ?? []).some((p) => p.fields.includes('PAGE'))).toBe(false);
    // the default keeps it in the header and writes no footer at all
    const plain = docxParts(header);
    expect(Object.keys(plain).filter((n) => /footer/.test(n))).toEqual([]);
    expect(Object.keys(plain).filter((n) => /^word\/header\d*\.xml$/.test(n) && PAGE_FIELD(plain[n]))).toHaveLength(1);
  });

  it('validate warns once, naming NĐ 30 Phụ lục I mục II.10, in Vietnamese and English', () => {
    const plan = example.replace(/^ *# kehoach-disable-next-line trinh-bay\/so-trang.*\n/m, '');
    for (const lang of ['vi', 'en'] as const) {
      const ds = validatePlan(plan, { lang }).filter((d) => d.rule === 'trinh-bay/so-trang');
      expect(ds, lang).toHaveLength(1);
      expect(ds[0].severity).toBe('warning');
      expect(ds[0].message).toContain('NĐ 30/2020 Phụ lục I mục II.10');
      expect(ds[0].message).toMatch(lang === 'vi' ? /chân trang/ : /footer/);
    }
    expect(validatePlan(withHouse(example, { so_trang: 'dau_trang' })).filter((d) => d.rule === 'trinh-bay/so-trang')).toEqual([]);
  });

  it('render → check: the same one warning, no layout-rule finding (so-trang/vi-tri stays silent)', () => {
    for (const lang of ['vi', 'en'] as const) {
      const ds = check(footer, lang);
      expect(ds.filter((d) => d.rule === 'trinh-bay/so-trang').map((d) => d.message), lang).toEqual([
        validatePlan(example.replace(/^ *# kehoach-disable-next-line trinh-bay\/so-trang.*\n/m, ''), { lang }).find((d) => d.rule === 'trinh-bay/so-trang')!.message,
      ]);
      expect(ds.filter((d) => d.rule === 'so-trang/vi-tri')).toEqual([]);
    }
    // the rest is the plan's own content, as without the choice (the transcribed "Lưu: MTTQ.")
    const others = (b: Uint8Array) => check(b).filter((d) => d.rule !== 'trinh-bay/so-trang').map((d) => d.rule);
    expect(others(footer)).toEqual(others(header));
  });

});

describe('import reads both back into trinh_bay', () => {
  it('render → import: cach_truoc, cach_doan and so_trang as the plan chose them; render again: the same parts', async () => {
    const bytes = await renderPlan(example, { force: true });
    const imported = importDocument(readDocxBytes(bytes, 't.docx'));
    expect(imported.plan.trinh_bay).toEqual({ cach_doan: 0, cach_truoc: 6, so_trang: 'chan_trang' });
    const again = await renderPlan(importToYaml(imported), { force: true });
    expect(styleSpacing(again, 'than')).toMatchObject({ '@w:before': '120', '@w:after': '0' });
    const parts = docxParts(again);
    expect(Object.keys(parts).filter((n) => /^word\/footer\d*\.xml$/.test(n) && PAGE_FIELD(parts[n]))).toHaveLength(1);
  }, 60_000);

  it('a document in the family default gives no trinh_bay', async () => {
    const imported = importDocument(readDocxBytes(await renderPlan(withHouse(example, null), { force: true }), 't.docx'));
    expect(imported.plan.trinh_bay).toBeUndefined();
  }, 60_000);
});

const tools = hasCommand('soffice') && hasCommand('pdftotext');
describe.skipIf(!tools)('LibreOffice: where the number stands on the page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kh-foot-'));
  /** The page number's word on page `n`: its top (pt from the page's top) and the page's height, by pdftotext -bbox. */
  const numberAt = (pdf: string, n: number) => {
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
    const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(bbox)![1]);
    const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ x: (Number(m[1]) + Number(m[3])) / 2, y: Number(m[2]), w: m[4] }));
    return { height, hits: words.filter((w) => w.w === String(n)), words };
  };

  it('page 2: the number centred at the bottom with trinh_bay.so_trang: chan_trang, at the top without it', async () => {
    writeFileSync(join(dir, 'foot.docx'), await renderPlan(example, { force: true }));
    writeFileSync(join(dir, 'head.docx'), await renderPlan(withHouse(example, null), { force: true }));
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'foot.docx'), join(dir, 'head.docx')], { stdio: 'ignore', timeout: 240_000 });
    const foot = numberAt(join(dir, 'foot.pdf'), 2);
    const lowest = Math.max(...foot.words.map((w) => w.y));
    const num = foot.hits.find((w) => w.y === lowest);
    expect(num, 'the lowest word of page 2 is its number').toBeDefined();
    expect(num!.y).toBeGreaterThan(foot.height * 0.9);
    expect(Math.abs(num!.x - (85 + (595.28 - 42.5)) / 2)).toBeLessThan(10); // centred on the text width (margins 30 and 15 mm)
    expect(foot.hits.filter((w) => w.y < foot.height * 0.1)).toEqual([]);
    const page1 = numberAt(join(dir, 'foot.pdf'), 1);
    expect(page1.hits.filter((w) => w.y > page1.height * 0.9)).toEqual([]); // not on page 1
    const head = numberAt(join(dir, 'head.pdf'), 2);
    expect(head.hits.some((w) => w.y < head.height * 0.1)).toBe(true);
    expect(head.hits.filter((w) => w.y > head.height * 0.9)).toEqual([]);
  }, 300_000);
});
