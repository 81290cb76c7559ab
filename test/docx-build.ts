/** Builds small .docx packages for the import/check tests: minimal WordprocessingML zipped with fflate. */
import { zipSync, strToU8 } from 'fflate';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A run: text with optional bold/italic/size (pt)/font. */
export function r(text: string, o: { b?: boolean; i?: boolean; sz?: number; font?: string; u?: boolean } = {}): string {
  const pr = [o.font ? `<w:rFonts w:ascii="${o.font}" w:hAnsi="${o.font}" w:cs="${o.font}" w:eastAsia="${o.font}"/>` : '', o.b ? '<w:b/>' : '', o.i ? '<w:i/>' : '', o.u ? '<w:u w:val="single"/>' : '', o.sz ? `<w:sz w:val="${o.sz * 2}"/>` : ''].join('');
  const parts = text.split(/(\n|\t)/).map((t) => (t === '\n' ? '<w:br/>' : t === '\t' ? '<w:tab/>' : t ? `<w:t xml:space="preserve">${esc(t)}</w:t>` : ''));
  return `<w:r>${pr ? `<w:rPr>${pr}</w:rPr>` : ''}${parts.join('')}</w:r>`;
}

/** A paragraph of runs (strings become plain runs); `jc` alignment, `num` Word list [numId, ilvl], `border` bottom rule. */
export function p(runs: string | string[], o: { jc?: string; num?: [number, number]; border?: boolean; style?: string } = {}): string {
  const list = (Array.isArray(runs) ? runs : [runs]).map((x) => (x.startsWith('<w:r>') ? x : r(x)));
  const pr = [o.style ? `<w:pStyle w:val="${o.style}"/>` : '', o.num ? `<w:numPr><w:ilvl w:val="${o.num[1]}"/><w:numId w:val="${o.num[0]}"/></w:numPr>` : '', o.border ? '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="auto"/></w:pBdr>' : '', o.jc ? `<w:jc w:val="${o.jc}"/>` : ''].join('');
  return `<w:p>${pr ? `<w:pPr>${pr}</w:pPr>` : ''}${list.join('')}</w:p>`;
}

/** A borderless table of cells, each cell a list of paragraphs. */
export function tbl(rows: string[][][], widths?: number[]): string {
  const w = widths ?? rows[0].map(() => 4500);
  return `<w:tbl><w:tblPr><w:tblW w:w="${w.reduce((a, b) => a + b, 0)}" w:type="dxa"/></w:tblPr><w:tblGrid>${w.map((x) => `<w:gridCol w:w="${x}"/>`).join('')}</w:tblGrid>${rows.map((row) => `<w:tr>${row.map((c, i) => `<w:tc><w:tcPr><w:tcW w:w="${w[i]}" w:type="dxa"/></w:tcPr>${c.join('') || '<w:p/>'}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
}

export interface DocxParts {
  body: string;
  /** w:sectPr content; default A4, margins 20/20/30/15 mm, header with PAGE, title page. */
  sect?: string;
  styles?: string;
  numbering?: string;
  /** Extra files (name → text or bytes). */
  extra?: Record<string, string | Uint8Array>;
  header?: string;
  footer?: string;
  contentTypes?: string;
}

const SECT = '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:bottom="1134" w:left="1701" w:right="850" w:header="567" w:footer="567"/><w:titlePg/>';

/** Zips a .docx from parts. Default styles: Times New Roman 14 pt. */
export function makeDocx(d: DocxParts): Uint8Array {
  const rels: string[] = ['<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'];
  if (d.numbering) rels.push('<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>');
  const header = d.header ?? p([`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`], { jc: 'center' });
  rels.push('<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>');
  let refs = '<w:headerReference w:type="default" r:id="rIdH"/>';
  if (d.footer) { rels.push('<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'); refs += '<w:footerReference w:type="default" r:id="rIdF"/>'; }
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(d.contentTypes ?? '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${d.body}<w:sectPr>${refs}${d.sect ?? SECT}</w:sectPr></w:body></w:document>`),
    'word/styles.xml': strToU8(d.styles ?? `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`),
    'word/header1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:hdr ${W}>${header}</w:hdr>`),
  };
  if (d.footer) files['word/footer1.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:ftr ${W}>${d.footer}</w:ftr>`);
  if (d.numbering) files['word/numbering.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${d.numbering}</w:numbering>`);
  for (const [k, v] of Object.entries(d.extra ?? {})) files[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(files);
}

/** A complete small state plan in the NĐ 30 layout: header table, title, body, closing table. */
export function statePlan(o: { body?: string; header?: string[][][]; closing?: string } = {}): string {
  const header = o.header ?? [
    [[p(r('UBND TỈNH BÌNH THUẬN', { sz: 13 }), { jc: 'center' }), p(r('SỞ VĂN HÓA', { b: true, sz: 13 }), { jc: 'center' }), p('', { border: true })],
     [p(r('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { b: true, sz: 13 }), { jc: 'center' }), p(r('Độc lập - Tự do - Hạnh phúc', { b: true }), { jc: 'center' }), p('', { border: true })]],
    [[p(r('Số: 12/KH-SVH', { sz: 13 }), { jc: 'center' })], [p(r('Phan Thiết, ngày 05 tháng 02 năm 2025', { i: true }), { jc: 'center' })]],
  ];
  return tbl(header) + p(r('KẾ HOẠCH', { b: true }), { jc: 'center' }) + p(r('Tổ chức ngày hội đọc sách năm 2025', { b: true }), { jc: 'center' }) + p('', { border: true })
    + (o.body ?? p(r('I. MỤC ĐÍCH', { b: true }), { jc: 'both' }) + p('1. Khơi dậy phong trào đọc sách.', { jc: 'both' }))
    + (o.closing ?? tbl([[[p(r('Nơi nhận:', { b: true, i: true, sz: 12 })), p(r('- UBND tỉnh;', { sz: 11 })), p(r('- Lưu: VT, VP.', { sz: 11 }))],
      [p(r('GIÁM ĐỐC', { b: true }), { jc: 'center' }), p(''), p(r('Nguyễn Văn A', { b: true }), { jc: 'center' })]]]));
}
