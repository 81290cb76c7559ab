/**
 * Annexed forms (issue 7 item 6), on example 008: the .docx structure of each form block, the appendix controls, and
 * the LibreOffice render checked with poppler (each form on its own page, label at the right margin, titles centred,
 * blank lines that end at the right margin without stretching their words).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { renderPlan, checkPlanText } from '../src/index.js';
import { EXAMPLES_DIR, renderExample, docxParts, hasCommand, plainParser, effectiveFormatting, isOn } from './helpers.js';
import { parseMarkup } from '../src/render/markup.js';
import { writeBody } from '../src/render/wordml.js';
import { loadProfile } from '../src/profile.js';

const EX = '008-mttq-xa-an-phu-hoi-nghi-cu-tri-2026.yaml';
const src = readFileSync(join(EXAMPLES_DIR, EX), 'utf8');
const mm = (v: number) => Math.round((v * 1440) / 25.4);
const TEXT_WIDTH = mm(210 - 30 - 15);

/** The <w:p>…</w:p> (or <w:tbl>) whose text contains `text`. */
const paraWith = (xml: string, text: string) => {
  const i = xml.indexOf(text);
  expect(i, text).toBeGreaterThan(0);
  return xml.slice(xml.lastIndexOf('<w:p>', i), xml.indexOf('</w:p>', i));
};
/**
 * The formatting the page shows for the paragraph whose text contains `text` (document defaults, its style chain,
 * then direct formatting): effective paragraph properties and the effective run properties of its text runs.
 */
const shown = (parts: Record<string, string>, text: string) => {
  const p = (plainParser.parse(paraWith(parts['word/document.xml'], text) + '</w:p>') as X)['w:p'][0];
  const fmt = effectiveFormatting(parts);
  return { pPr: fmt.paragraph(p), runs: [p['w:r'] ?? []].flat().filter((r: X) => r['w:t']).map((r: X) => fmt.run(p, r)) };
};
type X = Record<string, any>;
const tables = (xml: string) => xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];

describe('form blocks in the .docx (example 008)', () => {
  let xml = '';
  let parts: Record<string, string> = {};
  beforeAll(async () => { parts = docxParts(await renderExample(EX)); xml = parts['word/document.xml']; });

  it('form label: right-aligned, italic, 12 pt', () => {
    for (const n of ['01', '02', '03']) {
      const { pPr, runs } = shown(parts, `>Mẫu số ${n}/HNCT<`);
      expect(pPr['w:jc']['@w:val']).toBe('right');
      expect(runs.length).toBeGreaterThan(0);
      for (const r of runs) expect([isOn(r, 'w:i'), r['w:sz']['@w:val']]).toEqual([true, '24']);
    }
  });

  it('a page break before each form after the first (the first follows the appendix heading)', () => {
    expect(paraWith(xml, '>Mẫu số 01/HNCT<')).not.toContain('pageBreakBefore');
    expect(paraWith(xml, '>Mẫu số 02/HNCT<')).toContain('<w:pageBreakBefore/>');
    expect(paraWith(xml, '>Mẫu số 03/HNCT<')).toContain('<w:pageBreakBefore/>');
  });

  it('titles centred and bold', () => {
    for (const t of ['BIÊN BẢN', 'PHIẾU TỔNG HỢP Ý KIẾN', 'DANH SÁCH CỬ TRI', 'Hội nghị cử tri nơi cư trú lấy ý kiến']) {
      const { pPr, runs } = shown(parts, t);
      expect(pPr['w:jc']['@w:val'], t).toBe('center');
      expect(runs.length, t).toBeGreaterThan(0);
      for (const r of runs) expect(isOn(r, 'w:b'), t).toBe(true);
    }
  });

  it('blank lines: left-aligned, no first-line indent, a right tab with a dot leader at the right margin, a tab run', () => {
    for (const t of ['Nơi cư trú:', 'Chủ tọa hội nghị:', 'Hôm nay, vào lúc']) {
      const p = paraWith(xml, t);
      const { pPr } = shown(parts, t);
      expect(pPr['w:jc']['@w:val'], t).toBe('left');
      expect(pPr['w:ind']['@w:firstLine'], t).toBe('0');
      expect(p, t).toContain(`<w:tab w:val="right" w:pos="${TEXT_WIDTH}" w:leader="dot"/>`);
      expect(p, t).toMatch(/<w:r>(?:<w:rPr>(?:(?!<\/w:r>).)*<\/w:rPr>)?<w:tab\/><\/w:r>/);
    }
    // so_dong: 4 → four lines, the three after the label-less first all dots.
    const bareLines = xml.match(new RegExp(`<w:p><w:pPr>(?:<w:pStyle w:val="[^"]*"/>)?<w:tabs><w:tab w:val="right" w:pos="${TEXT_WIDTH}" w:leader="dot"/></w:tabs>(?:(?!</w:p>).)*?<w:r>(?:<w:rPr>(?:(?!</w:r>).)*</w:rPr>)?<w:tab/></w:r></w:p>`, 'g')) ?? [];
    expect(bareLines.filter((p) => !/<w:t[ >]/.test(p))).toHaveLength(4);
  });

  it('fields on one line: one tab stop per field, evenly spaced, the last at the margin', () => {
    const p = paraWith(xml, 'Ông (bà):');
    expect(p).toContain('Năm sinh:');
    expect([...p.matchAll(/<w:tab w:val="right" w:pos="(\d+)" w:leader="dot"\/>/g)].map((m) => Number(m[1]))).toEqual([Math.round(TEXT_WIDTH / 2), TEXT_WIDTH]);
  });

  it('signature columns: a borderless table of 2 (or 3) equal cells with "(ký, ghi rõ họ tên)"', () => {
    const sig = tables(xml).filter((t) => t.includes('(ký, ghi rõ họ tên)'));
    expect(sig).toHaveLength(3);
    const cells = sig.map((t) => (t.match(/<w:tc>/g) ?? []).length);
    expect(cells).toEqual([2, 3, 2]);
    for (const t of sig) {
      expect(t).toMatch(/<w:tblBorders><w:top w:val="none"/);
      const widths = [...t.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(1);
    }
    expect(sig[0]).toMatch(/THƯ KÝ[\s\S]*\(ký, ghi rõ họ tên\)[\s\S]*CHỦ TỌA/);
  });

  it('form tables: 1 pt rules, a header row, N empty rows of the given exact height; line breaks kept in cells', () => {
    const grid = tables(xml).filter((t) => t.includes('w:trHeight'));
    expect(grid).toHaveLength(2);
    const rows = (t: string, h: number) => (t.match(new RegExp(`<w:trHeight w:val="${mm(h)}" w:hRule="exact"/>`, 'g')) ?? []).length;
    expect([rows(grid[0], 10), rows(grid[1], 9)]).toEqual([5, 12]);
    for (const t of grid) {
      for (const side of ['top', 'bottom', 'left', 'right', 'insideH', 'insideV']) expect(t).toContain(`<w:${side} w:val="single" w:color="000000" w:sz="8"/>`);
      expect(t).toContain('<w:tblHeader/>');
    }
    expect(grid[0]).toMatch(/Họ và tên<\/w:t><\/w:r><w:r>(?:(?!<\/w:r>).)*<w:br\/>(?:(?!<\/w:p>).)*người được giới thiệu/);
    expect(grid[1]).toMatch(/Nguyễn Văn A<\/w:t><\/w:r><w:r>(?:(?!<\/w:r>).)*<w:br\/>(?:(?!<\/w:p>).)*\(Trưởng thôn\)/);
  });

  it('gach_chan: the block is underlined', () => {
    const p = paraWith(xml, '>Tổ kiểm phiếu<');
    expect(p).toContain('<w:u w:val="single"/>');
    expect(paraWith(xml, '>DANH SÁCH CỬ TRI<')).not.toContain('<w:u ');
  });

  it('"Ghi chú:" then the numbered notes', () => {
    expect(xml).toMatch(/Ghi chú:[\s\S]*\(1\) Ghi tên thôn nơi tổ chức hội nghị\./);
    const { runs } = shown(parts, 'Ghi chú:');
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) expect(isOn(r, 'w:i')).toBe(true);
  });

  it('page numbering continues into the appendix (danh_so_trang: tiep): no restart, number on its first page', () => {
    const sects = xml.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)!;
    expect(sects).toHaveLength(2);
    expect(sects[1]).not.toMatch(/w:start=/);
    expect(sects[1]).not.toMatch(/<w:titlePg\/>/);
  });
});

describe('appendix controls', () => {
  const variant = (from: string, to: string) => { expect(src).toContain(from); return src.replace(from, to); };

  it('danh_so_trang: lai (the default) restarts at 1 with no number on the first page', async () => {
    const xml = docxParts(await renderPlan(variant('    danh_so_trang: tiep             # page numbers continue from the plan\n', '')))['word/document.xml'];
    const sects = xml.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)!;
    expect(sects[1]).toMatch(/<w:pgNumType w:start="1"\/>/);
    expect(sects[1]).toMatch(/<w:titlePg\/>/);
  });

  it('so and kem_theo: the "Phụ lục" line and the "(Kèm theo …)" line are shown by default, hidden with false', async () => {
    const on = docxParts(await renderPlan(variant('  - so: false ', '  - so: III ')))['word/document.xml'];
    expect(on).toContain('Phụ lục III');
    expect(on).toContain('(Kèm theo Kế hoạch số 12/KH-MTTQ-BTT ngày 20/01/2026)');
    const off = docxParts(await renderPlan(variant('    danh_so_trang: tiep', '    kem_theo: false\n    danh_so_trang: tiep')))['word/document.xml'];
    expect(off).not.toContain('Phụ lục');
    expect(off).not.toContain('(Kèm theo');
  });

  it('mau_sang_trang: false puts the forms one after another', async () => {
    const xml = docxParts(await renderPlan(variant('    danh_so_trang: tiep', '    mau_sang_trang: false\n    danh_so_trang: tiep')))['word/document.xml'];
    expect(xml).not.toContain('<w:pageBreakBefore/>');
  });

  it('an option of another block kind is an error, not dropped', () => {
    const bad = variant("          - dong_trong: 'Nơi cư trú:'", "          - truong: ['Nơi cư trú:']\n            so_dong: 3");
    const ds = checkPlanText(bad, { file: 'x.yaml' }).diagnostics.filter((d) => d.rule === 'plan/form-option');
    expect(ds.map((d) => d.line)).toEqual([bad.split('\n').findIndex((l) => l.includes('so_dong: 3')) + 1]);
  });

  it('an appendix with neither content nor forms, and a form block with no kind, are errors at their lines', () => {
    const bad = variant('          - dong_trong: \'Nơi cư trú:\'', '          - so_dong: 2')
      .replace(/\n {4}mau:\n[\s\S]*$/, (m) => m) + '  - so: IV\n';
    const ds = checkPlanText(bad, { file: 'x.yaml' }).diagnostics.filter((d) => d.severity === 'error');
    const lines = bad.split('\n');
    expect(ds.map((d) => [d.rule, d.line])).toEqual([
      ['plan/form-block-kind', lines.findIndex((l) => l.includes('- so_dong: 2')) + 1],
      ['plan/appendix-empty', lines.findIndex((l) => l.includes('- so: IV')) + 1],
    ]);
  });
});

describe('form markup errors', () => {
  it('a malformed tab stop or row height is a markup error naming it', () => {
    const profile = loadProfile('nha_nuoc');
    const build = (inner: string) => () => writeBody(parseMarkup(`<document><section>${inner}</section></document>`), profile);
    expect(build('<p tabs="end:rigth:dot">a<tab/></p>')).toThrow(/bad tab stop "end:rigth:dot"/);
    expect(build('<table widths="10"><row height="x"><cell><p>a</p></cell></row></table>')).toThrow(/row height="x"/);
    expect(build('<p tabs="50%:center:underscore">a<tab/></p>')).not.toThrow();
  });
});

const tools = hasCommand('soffice') && hasCommand('pdftotext');
describe.skipIf(!tools)('forms through LibreOffice (poppler)', () => {
  type W = { x0: number; x1: number; y: number; t: string };
  let pages: { width: number; words: W[] }[] = [];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-forms-'));
    writeFileSync(join(dir, 'f.docx'), await renderExample(EX));
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'f.docx')], { stdio: 'ignore', timeout: 180_000 });
    const html = execFileSync('pdftotext', ['-bbox', join(dir, 'f.pdf'), '-'], { encoding: 'utf8' });
    pages = html.split('<page ').slice(1).map((pg) => ({
      width: Number(/width="([\d.]+)"/.exec(pg)![1]),
      words: [...pg.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ x0: +m[1], y: +m[2], x1: +m[3], t: m[4] })),
    }));
  }, 240_000);
  const pt = (v: number) => (v * 72) / 25.4;
  const RIGHT = 595.28 - pt(15);
  const LEFT = pt(30);
  const pageOf = (t: string) => pages.findIndex((p) => p.words.some((w) => w.t === t));
  const line = (p: number, first: string) => {
    const w0 = pages[p].words.find((w) => w.t === first)!;
    return pages[p].words.filter((w) => Math.abs(w.y - w0.y) < 2).sort((a, b) => a.x0 - b.x0);
  };

  it('each form starts its own page, in order', () => {
    const at = ['01/HNCT', '02/HNCT', '03/HNCT'].map(pageOf);
    expect(at[0]).toBeGreaterThan(0);
    expect(at).toEqual([at[0], at[0] + 1, at[0] + 2]);
  });

  it('the form label ends at the right margin', () => {
    for (const l of ['01/HNCT', '02/HNCT', '03/HNCT']) {
      const w = pages[pageOf(l)].words.find((x) => x.t === l)!;
      expect(Math.abs(w.x1 - RIGHT), l).toBeLessThan(3);
    }
  });

  it('titles are centred on the text area', () => {
    for (const [p, first] of [[pageOf('01/HNCT'), 'BIÊN'], [pageOf('03/HNCT'), 'DANH']] as const) {
      const ws = line(p, first);
      expect(Math.abs((ws[0].x0 + ws[ws.length - 1].x1) / 2 - (LEFT + RIGHT) / 2), first).toBeLessThan(3);
    }
  });

  it('blank lines: the dots end at the right margin and the label keeps normal word spacing (not justified)', () => {
    const p = pageOf('01/HNCT');
    for (const first of ['Chủ', 'Thư']) {
      const ws = line(p, first);
      expect(ws[0].x0, first).toBeLessThan(LEFT + 2);
      expect(Math.abs(ws[ws.length - 1].x1 - RIGHT), first).toBeLessThan(6);
      expect(ws[ws.length - 1].t).toMatch(/\.{20,}$/);
      for (let i = 1; i < ws.length - 1; i++) expect(ws[i].x0 - ws[i - 1].x1, `${first}: gap ${i}`).toBeLessThan(5);
    }
  });
});
