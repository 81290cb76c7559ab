/**
 * The Word reader reads the whole file (issue 19, item 1): text boxes (DrawingML wps:txbx and VML v:textbox, once
 * when Word writes both in mc:AlternateContent), frames (w:framePr), content controls (w:sdt at block, row, cell
 * and run level) and tables inside any of them, in reading order. Each case is a small .docx built here.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocxBytes, readDocument, paragraphs } from '../src/docx-read/index.js';
import { importDocument, importToYaml } from '../src/import/index.js';
import { checkDocument } from '../src/check/index.js';
import { MAX_DEPTH } from '../src/docx-read/limits.js';
import { makeDocx, statePlan, p, r, tbl } from './docx-build.js';
import { ROOT } from './helpers.js';

const NS = {
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  wps: 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
  v: 'urn:schemas-microsoft-com:vml',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
};

/** A DrawingML text box (Word 2010+) holding `content` (paragraphs, tables), `x` EMU from the column's left. */
function dmlBox(content: string, x?: number): string {
  const pos = x === undefined ? '' : `<wp:positionH relativeFrom="column"><wp:posOffset>${x}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>`;
  return `<w:drawing xmlns:wp="${NS.wp}"><wp:anchor behindDoc="0" simplePos="0" locked="0" layoutInCell="1" allowOverlap="1" relativeHeight="2"><wp:simplePos x="0" y="0"/>${pos}<wp:extent cx="2880000" cy="1080000"/><wp:wrapNone/><wp:docPr id="1" name="Text Box 1"/>`
    + `<a:graphic xmlns:a="${NS.a}"><a:graphicData uri="${NS.wps}"><wps:wsp xmlns:wps="${NS.wps}"><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent>${content}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>`;
}

/** A VML text box (Word 2003 and earlier, and Word's fallback), `left` pt from the column's left. */
function vmlBox(content: string, left?: number): string {
  const style = `position:absolute;${left === undefined ? '' : `margin-left:${left}pt;`}margin-top:0;width:226pt;height:85pt`;
  return `<w:pict xmlns:v="${NS.v}"><v:shape id="tb${left ?? 0}" type="#_x0000_t202" style="${style}"><v:textbox><w:txbxContent>${content}</w:txbxContent></v:textbox></v:shape></w:pict>`;
}

const run = (inner: string) => `<w:r>${inner}</w:r>`;
/** The paragraph a text box is anchored in (Word's form: an empty paragraph holding the shapes). */
const anchor = (...runs: string[]) => `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${runs.join('')}</w:p>`;

const AGENCY = p(r('UBND TỈNH BÌNH THUẬN', { sz: 13 }), { jc: 'center' }) + p(r('SỞ VĂN HÓA', { b: true, sz: 13 }), { jc: 'center' }) + p('', { border: true })
  + p(r('Số: 12/KH-SVH', { sz: 13 }), { jc: 'center' });
const NATION = p(r('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { b: true, sz: 13 }), { jc: 'center' }) + p(r('Độc lập - Tự do - Hạnh phúc', { b: true }), { jc: 'center' })
  + p('', { border: true }) + p(r('Phan Thiết, ngày 05 tháng 02 năm 2025', { i: true }), { jc: 'center' });

/** statePlan() without its header table: the title, body and closing. */
function rest(): string {
  const whole = statePlan();
  return whole.slice(whole.indexOf('</w:tbl>') + '</w:tbl>'.length);
}

const imp = (body: string) => importDocument(readDocxBytes(makeDocx({ body }), 't.docx'));
const texts = (body: string) => paragraphs(readDocxBytes(makeDocx({ body }), 't.docx')).map((x) => x.text);

/** The header as the table-built plan reads it: what each text-box case must give back. */
const HEADER = {
  khoi: 'nha_nuoc', co_quan_chu_quan: 'UBND TỈNH BÌNH THUẬN', co_quan_ban_hanh: 'SỞ VĂN HÓA',
  so_ky_hieu: { so: 12, viet_tat_co_quan: 'SVH' }, dia_danh: 'Phan Thiết', ngay_ban_hanh: '2025-02-05',
  trich_yeu: 'Tổ chức ngày hội đọc sách năm 2025',
};
const PLACEHOLDERS = /: …$|không có phần đầu|năm lớn nhất|ngày muộn nhất/m;

function expectWholeHeader(body: string) {
  const res = imp(body);
  expect(res.plan).toMatchObject(HEADER);
  expect([...res.notes.roles.values()]).toContain('quoc_hieu');
  expect(importToYaml(res)).not.toMatch(PLACEHOLDERS);
  return res;
}

describe('text boxes: the header\'s two columns', () => {
  it('control: without the boxes the header is placeholders (the loss this reader fixes)', () => {
    const y = importToYaml(imp(anchor() + rest()));
    expect(y).toMatch(/^co_quan_ban_hanh: …$/m);
  });
  it('(1) DrawingML: two wps:txbx in one paragraph, written right column first, read left column first by wp:posOffset', () => {
    const body = anchor(run(dmlBox(NATION, 3240000)), run(dmlBox(AGENCY, 0))) + rest();
    expect(texts(body).slice(0, 8)).toEqual(['UBND TỈNH BÌNH THUẬN', 'SỞ VĂN HÓA', '', 'Số: 12/KH-SVH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '', 'Phan Thiết, ngày 05 tháng 02 năm 2025']);
    expectWholeHeader(body);
  });
  it('without positions the boxes come in document order', () => {
    expect(texts(anchor(run(dmlBox(p('B'))), run(dmlBox(p('A')))))).toEqual(['B', 'A', '']);
    // one box without a position: no sorting at all
    expect(texts(anchor(run(dmlBox(p('B'), 100)), run(dmlBox(p('A')))))).toEqual(['B', 'A', '']);
  });
  it('(2) VML v:textbox, ordered by margin-left', () => {
    expectWholeHeader(anchor(run(vmlBox(NATION, 255)), run(vmlBox(AGENCY, 0))) + rest());
  });
  it('mc:AlternateContent: the DrawingML choice is read, its VML fallback is not read a second time', () => {
    const alt = (c: string, x: number) => run(`<mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice Requires="wps">${dmlBox(c, x)}</mc:Choice><mc:Fallback>${vmlBox(c, x / 12700)}</mc:Fallback></mc:AlternateContent>`);
    const body = anchor(alt(AGENCY, 0), alt(NATION, 3240000)) + rest();
    expect(texts(body).filter((t) => t === 'SỞ VĂN HÓA')).toHaveLength(1);
    expectWholeHeader(body);
    // only a fallback: read from there
    expect(texts(anchor(run(`<mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice Requires="wpx"></mc:Choice><mc:Fallback>${vmlBox(p('chỉ VML'))}</mc:Fallback></mc:AlternateContent>`)))).toEqual(['chỉ VML', '']);
  });
  it('the box comes where its anchor paragraph is, before the anchor\'s own text; the anchor paragraph stays', () => {
    const t = texts(p('trước') + anchor(r('neo'), run(dmlBox(p('trong hộp')))) + p('sau'));
    expect(t).toEqual(['trước', 'trong hộp', 'neo', 'sau']);
  });
  it('a text box inside a text box is read; nesting past MAX_DEPTH is refused as before', () => {
    expect(texts(anchor(run(dmlBox(p('ngoài') + anchor(run(dmlBox(p('trong'))))))))).toEqual(['ngoài', 'trong', '', '']);
    let deep = p('đáy');
    for (let i = 0; i < MAX_DEPTH / 8; i++) deep = anchor(run(dmlBox(deep)));
    expect(() => readDocxBytes(makeDocx({ body: deep }), 't.docx')).toThrow(/lồng các thẻ XML sâu hơn 100 tầng; từ chối đọc/);
  });
  it('text in boxes counts toward the paragraph numbers and text bounds like any paragraph', () => {
    const doc = readDocxBytes(makeDocx({ body: anchor(run(dmlBox(p('a') + p('b')))) + p('c') }), 't.docx');
    expect(paragraphs(doc).map((x) => [x.index, x.text])).toEqual([[1, 'a'], [2, 'b'], [3, ''], [4, 'c']]);
  });
  it('(4) a table inside a text box: the header table Word and LibreOffice put in a frame', () => {
    const header = tbl([[[AGENCY], [NATION]]], [3969, 5526]);
    const body = anchor(run(dmlBox(header, 0))) + rest();
    const doc = readDocxBytes(makeDocx({ body }), 't.docx');
    expect(doc.body[0].kind).toBe('tbl');
    expectWholeHeader(body);
    expect(checkDocument(doc, 't.docx').filter((d) => d.rule === 'thanh-phan/thieu')).toEqual([]);
  });
  it('text boxes in a header part are read too', () => {
    const doc = readDocxBytes(makeDocx({ body: p('x'), header: anchor(run(dmlBox(p('trong đầu trang')))) }), 't.docx');
    expect(Object.values(doc.parts).flat().map((x) => x.text)).toContain('trong đầu trang');
  });
});

describe('content controls (w:sdt)', () => {
  const sdt = (content: string) => `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
  it('(3) block-level and run-level content controls: the header read whole', () => {
    const header = tbl([[[sdt(p(r('UBND TỈNH BÌNH THUẬN', { sz: 13 }), { jc: 'center' })), `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${sdt(r('SỞ VĂN HÓA', { b: true, sz: 13 }))}</w:p>`, p('', { border: true }), `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${r('Số: ', { sz: 13 })}${sdt(r('12', { sz: 13 }))}${r('/KH-SVH', { sz: 13 })}</w:p>`], [NATION]]]);
    const body = sdt(header) + rest();
    expect(texts(body).slice(0, 4)).toEqual(['UBND TỈNH BÌNH THUẬN', 'SỞ VĂN HÓA', '', 'Số: 12/KH-SVH']);
    expectWholeHeader(body);
  });
  it('row- and cell-level content controls inside a table', () => {
    const t = `<w:tbl><w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid>${sdt(`<w:tr><w:tc>${p('a')}</w:tc>${sdt(`<w:tc>${p('b')}</w:tc>`)}</w:tr>`)}<w:tr><w:tc>${p('c')}</w:tc><w:tc>${p('d')}</w:tc></w:tr></w:tbl>`;
    const doc = readDocxBytes(makeDocx({ body: t }), 't.docx');
    expect(paragraphs(doc).map((x) => [x.text, x.cell?.row, x.cell?.col])).toEqual([['a', 0, 0], ['b', 0, 1], ['c', 1, 0], ['d', 1, 1]]);
  });
});

describe('footnotes', () => {
  it('a footnote\'s content control and table are read into the note', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const notes = `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}><w:footnote w:id="1">${p('Ghi chú một')}<w:sdt><w:sdtContent>${p('trong ô nội dung')}</w:sdtContent></w:sdt>${tbl([[[p('trong bảng')]]])}</w:footnote></w:footnotes>`;
    const body = `<w:p>${r('Căn cứ')}<w:r><w:footnoteReference w:id="1"/></w:r></w:p>${p('sau')}`;
    const bytes = makeDocx({ body, extra: { 'word/footnotes.xml': notes } });
    const doc = readDocxBytes(bytes, 't.docx');
    expect(doc.footnotes).toEqual(['Ghi chú một\ntrong ô nội dung\ntrong bảng']);
    expect(paragraphs(doc).map((x) => x.index)).toEqual([1, 2]);
  });
});

describe('frames (w:framePr)', () => {
  it('(5) framed paragraphs are ordinary paragraphs, kept where they stand', () => {
    const framed = (text: string, o: { b?: boolean } = {}) => `<w:p><w:pPr><w:framePr w:w="4500" w:hSpace="180" w:wrap="around" w:vAnchor="text" w:hAnchor="margin" w:xAlign="left" w:y="1"/><w:jc w:val="center"/></w:pPr>${r(text, { sz: 13, ...o })}</w:p>`;
    const agency = framed('UBND TỈNH BÌNH THUẬN') + framed('SỞ VĂN HÓA', { b: true }) + framed('') + framed('Số: 12/KH-SVH');
    const body = agency + NATION + rest();
    expect(texts(body).slice(0, 4)).toEqual(['UBND TỈNH BÌNH THUẬN', 'SỞ VĂN HÓA', '', 'Số: 12/KH-SVH']);
    const doc = readDocxBytes(makeDocx({ body }), 't.docx');
    expect(paragraphs(doc).length).toBe(texts(body).length);
    expect(importDocument(doc).plan.co_quan_ban_hanh).toBe('SỞ VĂN HÓA');
  });
});

describe('the real plan whose header LibreOffice keeps in a text box', () => {
  it('kh-tiep-cong-dan (Word HTML → LibreOffice .docx): header read from the text box, check finds Quốc hiệu', () => {
    const file = join(ROOT, 'test/fixtures/realdocs/kh-tiep-cong-dan-bau-cu-luong-minh-2025.docx');
    expect(readFileSync(file).length).toBeGreaterThan(0);
    const doc = readDocument(file);
    expect(paragraphs(doc).slice(0, 3).map((x) => x.text)).toEqual(['ỦY BAN MTTQ VIỆT NAM', 'XÃ LƯƠNG MINH', 'BAN THƯỜNG TRỰC']);
    const res = importDocument(doc);
    expect(res.plan).toMatchObject({ co_quan_ban_hanh: 'BAN THƯỜNG TRỰC', dia_danh: 'Lương Minh', ngay_ban_hanh: '2025-12-10' });
    expect([...res.notes.roles.values()]).toContain('quoc_hieu');
    expect(checkDocument(doc, 'kh.docx').filter((d) => d.rule === 'thanh-phan/thieu')).toEqual([]);
  });
});
