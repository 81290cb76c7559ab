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
    const bareLines = xml.match(new RegExp(`<w:p><w:pPr>(?:<w:pStyle w:val="[^"]*"/>)?(?:<w:keepNext/>)?<w:tabs><w:tab w:val="right" w:pos="${TEXT_WIDTH}" w:leader="dot"/></w:tabs>(?:(?!</w:p>).)*?<w:r>(?:<w:rPr>(?:(?!</w:r>).)*</w:rPr>)?<w:tab/></w:r></w:p>`, 'g')) ?? [];
    // and so_dong: 6 under "Ý kiến về ông (bà):" (form 05): five more
    expect(bareLines.filter((p) => !/<w:t[ >]/.test(p))).toHaveLength(9);
  });

  it('fields on one line: one tab stop per field, evenly spaced, the last at the margin', () => {
    const p = paraWith(xml, 'Ông (bà):');
    expect(p).toContain('Năm sinh:');
    expect([...p.matchAll(/<w:tab w:val="right" w:pos="(\d+)" w:leader="dot"\/>/g)].map((m) => Number(m[1]))).toEqual([Math.round(TEXT_WIDTH / 2), TEXT_WIDTH]);
  });

  it('signature columns: a borderless table of 2 (or 3) equal cells with "(ký, ghi rõ họ tên)"', () => {
    const sig = tables(xml).filter((t) => t.includes('(ký, ghi rõ họ tên)'));
    expect(sig).toHaveLength(6);
    const cells = sig.map((t) => (t.match(/<w:tc>/g) ?? []).length);
    expect(cells).toEqual([2, 3, 2, 2, 1, 2]); // form 04: a row of two, one signer below; form 05: a note beside
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

/** Issue 20 item 2, "forms as printed": each item on example 008's forms 02–05, in the .docx. */
describe('forms as printed (issue 20 item 2), in the .docx', () => {
  let xml = '';
  let parts: Record<string, string> = {};
  beforeAll(async () => { parts = docxParts(await renderExample(EX)); xml = parts['word/document.xml']; });
  /** The first table after the paragraph holding `text`. */
  const tableAfter = (text: string) => { const i = xml.indexOf(text); expect(i, text).toBeGreaterThan(0); return xml.slice(xml.indexOf('<w:tbl>', i), xml.indexOf('</w:tbl>', i) + 8); };
  const spacing = (text: string) => { const sp = shown(parts, text).pPr['w:spacing'] ?? {}; return [Number(sp['@w:before'] ?? 0), Number(sp['@w:after'] ?? 0)]; };

  it('the date line under a form\'s header can be left out (dia_danh_ngay: false): no date paragraph, no second row', () => {
    const h4 = tableAfter('>Mẫu số 04/HNCT<');
    expect(h4).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect((h4.match(/<w:tr>/g) ?? []).length).toBe(1);
    expect(h4).not.toContain('w:val="mau_ngay"');
    // the default stays: form 01 has its blank date line in the header's second row
    const h1 = tableAfter('>Mẫu số 01/HNCT<');
    expect((h1.match(/<w:tr>/g) ?? []).length).toBe(2);
    expect(h1).toMatch(/w:val="mau_ngay"\/>(?:(?!<\/w:p>).)*……, ngày …… tháng …… năm ……/);
  });

  it('a date line left out beside a Số line keeps the row, with the date cell empty', async () => {
    const plan = src.replace("          dia_danh_ngay: false      # this form has no date line under its header (its date is in the text)\n", "          so: 'Số: ……/BB'\n          dia_danh_ngay: false\n");
    expect(plan).not.toBe(src);
    const h = docxParts(await renderPlan(plan))['word/document.xml'];
    const t = h.slice(h.indexOf('<w:tbl>', h.indexOf('>Mẫu số 04/HNCT<')), h.indexOf('</w:tbl>', h.indexOf('>Mẫu số 04/HNCT<')));
    expect((t.match(/<w:tr>/g) ?? []).length).toBe(2);
    expect(t).toContain('Số: ……/BB');
    expect(t).not.toContain('w:val="mau_ngay"');
  });

  it('Ghi chú: an unnumbered lead on the label\'s line (regular after the bold italic label), then (1), (2) and (*) in order', () => {
    const p = (plainParser.parse(paraWith(xml, 'Ghi chú: ') + '</w:p>') as X)['w:p'][0];
    const fmt = effectiveFormatting(parts);
    const runs = [p['w:r']].flat().filter((r: X) => r['w:t']);
    expect(runs.map((r: X) => String([r['w:t']].flat()[0]['#text']).trim())).toEqual(['Ghi chú:', 'Biên bản lập thành 02 bản, gửi Ban Thường trực Ủy ban MTTQ xã 01 bản.']);
    const [label, lead] = runs.map((r: X) => fmt.run(p, r));
    expect([isOn(label, 'w:b'), isOn(label, 'w:i')]).toEqual([true, true]);
    expect([isOn(lead, 'w:b'), isOn(lead, 'w:i')]).toEqual([false, false]);
    const at = (t: string) => xml.indexOf(`>${t}<`);
    const order = ['(1) Ghi tên thôn.', '(2) Ghi địa điểm tổ chức hội nghị.', '(*) Tỷ lệ so với tổng số cử tri dự hội nghị.'].map(at);
    expect(order.every((i) => i > xml.indexOf('Ghi chú: '))).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const t of ['(1) Ghi tên thôn.', '(*) Tỷ lệ']) expect(shown(parts, t).pPr['w:pStyle']['@w:val']).toBe('mau_ghi_chu');
  });

  it('ghi_chu: danh_dau true numbers a note as a string is numbered; an unnumbered note after the first is a line of its own', async () => {
    const plan = src.replace("          - ghi_chu: ['Ghi tên thôn nơi tổ chức hội nghị.']", "          - ghi_chu: [{ danh_dau: true, noi_dung: Ghi tên thôn. }, { noi_dung: Không số. }, Ghi ngày họp.]");
    expect(plan).not.toBe(src);
    const x = docxParts(await renderPlan(plan))['word/document.xml'];
    const texts = [...x.slice(x.indexOf('>Ghi chú:<')).matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:t[^>]*>([^<]*)<\/w:t>/g)].slice(0, 3).map((m) => m[1]);
    expect(texts).toEqual(['(1) Ghi tên thôn.', 'Không số.', '(2) Ghi ngày họp.']); // the paragraphs after the label's
  });

  it('a title of several lines is one block: no space between its lines (only before the first)', () => {
    expect(spacing('>BIÊN BẢN KIỂM PHIẾU<')).toEqual([240, 0]);
    expect(spacing('>BIỂU QUYẾT TÍN NHIỆM<')).toEqual([0, 0]);
    expect(spacing('>BIÊN BẢN<')).toEqual([240, 0]); // a one-line title as before
  });

  it('a paragraph holding fill-in dots is left-aligned with no first-line indent; one without stays justified and indented', () => {
    for (const t of ['Kết quả biểu quyết tín nhiệm', 'Hồi …… giờ', 'Đã kiểm phiếu biểu quyết']) {
      const { pPr } = shown(parts, t);
      expect(pPr['w:jc']['@w:val'], t).toBe('left');
      expect(Number(pPr['w:ind']?.['@w:firstLine'] ?? 0), t).toBe(0);
    }
    const { pPr } = shown(parts, 'Ban Công tác Mặt trận thôn phối hợp');
    expect(pPr['w:jc']['@w:val']).toBe('both');
    expect(Number(pPr['w:ind']['@w:firstLine'])).toBeGreaterThan(0);
  });

  it('the blank issuer line "(1)……………" is regular; a named issuer line ending in a blank stays bold', () => {
    for (const r of shown(parts, '>(1)……………<').runs) expect(isOn(r, 'w:b')).toBe(false);
    for (const r of shown(parts, '>THÔN (1)……<').runs) expect(isOn(r, 'w:b')).toBe(true);
  });

  it('the number column (Stt, TT) of a form\'s table is centred, its other columns are not', () => {
    for (const head of ['>Stt<', '>TT<']) {
      const t = xml.slice(xml.lastIndexOf('<w:tbl>', xml.indexOf(head)), xml.indexOf('</w:tbl>', xml.indexOf(head)));
      const rows = t.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!.slice(1);
      expect(rows.length, head).toBeGreaterThan(2);
      for (const r of rows) {
        const cells = r.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;
        expect(cells[0], head).toContain('<w:jc w:val="center"/>');
        for (const c of cells.slice(1)) expect(c, head).not.toContain('<w:jc ');
      }
    }
  });

  it('one signer below a row of signers is a one-cell table across the text width; a note sits in a column beside a signer', () => {
    const one = tables(xml).find((t) => t.includes('XÁC NHẬN CỦA TRƯỞNG BAN'))!;
    expect(one.match(/<w:tc>/g)).toHaveLength(1);
    expect(one).toContain(`<w:tcW w:type="dxa" w:w="${TEXT_WIDTH}"/>`);
    const beside = tables(xml).find((t) => t.includes('CỬ TRI<'))!;
    const [note, signer] = beside.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;
    expect(note).toContain('Phiếu nộp cho Thư ký hội nghị trước khi hội nghị kết thúc.');
    expect(note).toContain('<w:jc w:val="left"/>');
    expect(note).not.toContain('(ký, ghi rõ họ tên)');
    expect(signer).toMatch(/w:val="mau_ngay"\/>(?:(?!<\/w:p>).)*……, ngày …… tháng …… năm ……[\s\S]*CỬ TRI[\s\S]*\(ký, ghi rõ họ tên\)/);
  });

  it('a signer title of two lines has no space between its lines', () => {
    expect(spacing('>TRƯỞNG BAN<')).toEqual([240, 0]);
    expect(spacing('>CÔNG TÁC MẶT TRẬN THÔN<')).toEqual([0, 0]);
    expect(spacing('>CÔNG TÁC MẶT TRẬN THÔN<')).toEqual([0, 0]);
    expect(spacing('>NGƯỜI LẬP DANH SÁCH<')).toEqual([240, 0]);
  });
});

describe('forms as printed: what a plan may get wrong is reported at its line', () => {
  const bad = (col: string) => src.replace('              - { ngay: true, chuc_danh: CỬ TRI }', `              - ${col}`);
  it.each([
    ['a column with a note and a signer\'s title', '{ doan: Ghi chú., chuc_danh: CỬ TRI }'],
    ['a column with a signer\'s name and no title', '{ ho_ten: Lê Văn A }'],
  ])('%s: plan/form-column-kind', (_n, col) => {
    const text = bad(col);
    expect(text).not.toBe(src);
    const ds = checkPlanText(text, { file: 'x.yaml' }).diagnostics.filter((d) => d.rule === 'plan/form-column-kind');
    expect(ds.map((d) => [d.severity, d.line])).toEqual([['error', text.split('\n').findIndex((l) => l.includes(col)) + 1]]);
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
  it('a two-line form title and a two-line signer title: their lines one line apart, no paragraph gap', () => {
    const p4 = pageOf('04/HNCT');
    const gap = (p: number, a: string, b: string) => line(p, b)[0].y - line(p, a)[0].y;
    expect(gap(p4, 'KIỂM', 'QUYẾT')).toBeGreaterThan(12);
    expect(gap(p4, 'KIỂM', 'QUYẾT')).toBeLessThan(19); // 14 pt, single: one line (a 12 pt gap would make it ~ 28)
    const p3 = pageOf('03/HNCT');
    expect(gap(p3, 'TRƯỞNG', 'CÔNG')).toBeLessThan(18); // 13 pt
  });

  it('a paragraph with fill-in dots starts at the left margin and keeps normal word spacing', () => {
    const p = pageOf('04/HNCT');
    const ws = line(p, 'Đã');
    expect(ws[0].x0).toBeLessThan(LEFT + 2);
    for (let i = 1; i < ws.length; i++) expect(ws[i].x0 - ws[i - 1].x1, `gap ${i}`).toBeLessThan(5);
    const p1 = pageOf('01/HNCT');
    expect(line(p1, 'Kết')[0].x0).toBeLessThan(LEFT + 2); // was indented 10 mm and justified
  });

  it('the Stt column: each number centred under its header', () => {
    const p = pageOf('04/HNCT');
    const mid = (w: W) => (w.x0 + w.x1) / 2;
    const head = pages[p].words.find((w) => w.t === 'Stt')!;
    for (const n of ['1', '2', '3']) {
      const w = pages[p].words.find((x) => x.t === n && x.y > head.y)!;
      expect(Math.abs(mid(w) - mid(head)), n).toBeLessThan(2);
    }
  });

  it('one signer below the row is centred on the text area; a note beside a signer starts at the left margin, level with the date line', () => {
    const p = pageOf('04/HNCT');
    const ws = line(p, 'XÁC');
    expect(Math.abs((ws[0].x0 + ws[ws.length - 1].x1) / 2 - (LEFT + RIGHT) / 2)).toBeLessThan(3);
    expect(ws[0].y).toBeGreaterThan(line(p, 'TỔ')[0].y);
    const p5 = pageOf('05/HNCT');
    const note = line(p5, 'Phiếu');
    expect(note[0].x0).toBeLessThan(LEFT + 2);
    const date = pages[p5].words.find((w) => w.t === 'ngày' && w.x0 > (LEFT + RIGHT) / 2)!;
    expect(Math.abs(date.y - note[0].y)).toBeLessThan(3);
    const cu = pages[p5].words.find((w) => w.t === 'CỬ' && w.y > date.y)!; // the signer, not the form's name
    const title = pages[p5].words.filter((w) => Math.abs(w.y - cu.y) < 2 && w.x0 > (LEFT + RIGHT) / 2).sort((a, b) => a.x0 - b.x0); // the note's second line is level with it
    expect(Math.abs((title[0].x0 + title[title.length - 1].x1) / 2 - (LEFT + (RIGHT - LEFT) * 0.75))).toBeLessThan(3);
  });
});
