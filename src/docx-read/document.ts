/**
 * Reads the parts of a .docx package into the document model (model.ts): body paragraphs and tables with
 * resolved formatting, sections, header/footer paragraphs, footnotes, Word's list labels; the content of text boxes
 * (DrawingML and VML), frames and content controls in reading order.
 * ECMA-376 Part 1 (WordprocessingML).
 */
import { strFromU8 } from 'fflate';
import { parseXml, child, kids, val, type El } from './xml.js';
import { readStyles, readTheme, readRPr, readPPr, mergeR, mergeP, type StyleSheet, type PProps } from './styles.js';
import { numberingOf } from './numbering.js';
import { DocxLimitError, DocxXmlError, intIn, MAX_PARA_CHARS, MAX_TEXT_CHARS, MAX_TWIPS } from './limits.js';
import type { Block, Cell, DocModel, Para, Run, Section, Table } from './model.js';

/** The package's parts by name (unpacked on demand), undefined for a part it does not hold. */
export type PartReader = (name: string) => Uint8Array | undefined;

/** A length in twips within Word's page (±MAX_TWIPS), else not set. */
const twips = (s: string | undefined): number | undefined => intIn(s, -MAX_TWIPS, MAX_TWIPS);

/** Relationship targets of a part (r:id → part name inside the package, e.g. "word/header1.xml"). */
function rels(files: PartReader, part: string): Record<string, string> {
  const dir = part.slice(0, part.lastIndexOf('/') + 1);
  const name = `${dir}_rels/${part.slice(dir.length)}.rels`;
  const f = files(name);
  const out: Record<string, string> = {};
  if (!f) return out;
  for (const r of kids(parseXml(strFromU8(f), name).find((e) => e.name === 'Relationships'), 'Relationship')) {
    if (r.attrs.TargetMode === 'External') continue;
    const t = r.attrs.Target ?? '';
    out[r.attrs.Id] = t.startsWith('/') ? t.slice(1) : dir + t;
  }
  return out;
}

interface Ctx {
  sheet: StyleSheet;
  label: ReturnType<typeof numberingOf>;
  footnotes: Map<string, string>;
  /** Paragraphs, tables and (body only) footnote references so far. */
  counter: { para: number; table: number; note?: number };
  /** Characters kept so far over the whole document (shared by every part): at most MAX_TEXT_CHARS. */
  chars: { n: number };
}

/** Reads one paragraph. `cell` marks paragraphs inside tables. */
function readPara(p: El, ctx: Ctx, cell?: Para['cell'], count = true): Para {
  const pPr = child(p, 'w:pPr');
  const styleId = val(pPr, 'w:pStyle');
  const st = ctx.sheet.para(styleId);
  const pp: PProps = mergeP(ctx.sheet.defaults.p, st.p, readPPr(pPr));
  const base = mergeR(ctx.sheet.defaults.r, st.r);
  const runs: Run[] = [];
  const fields: string[] = [];
  const notes: string[] = [];
  let drawings = 0;
  let length = 0;
  /** Counts characters kept: a paragraph over MAX_PARA_CHARS, or a document over MAX_TEXT_CHARS, is refused. */
  const keep = (n: number) => {
    length += n;
    ctx.chars.n += n;
    if (length > MAX_PARA_CHARS) throw new DocxLimitError('para', MAX_PARA_CHARS);
    if (ctx.chars.n > MAX_TEXT_CHARS) throw new DocxLimitError('text', MAX_TEXT_CHARS);
  };
  const walk = (e: El) => {
    for (const c of e.children) {
      switch (c.name) {
        case 'w:r': readRun(c); break;
        case 'w:hyperlink': case 'w:ins': case 'w:moveTo': case 'w:smartTag': case 'w:customXml': case 'w:sdtContent': case 'w:sdt': case 'w:fldSimple': case 'w:dir': case 'w:bdo':
          if (c.name === 'w:fldSimple') fields.push((c.attrs['w:instr'] ?? '').trim().split(/\s+/)[0].toUpperCase());
          walk(c); break;
        default: break;
      }
    }
  };
  const readRun = (r: El) => {
    const rPr = child(r, 'w:rPr');
    const f = mergeR(base, ctx.sheet.char(val(rPr, 'w:rStyle')), readRPr(rPr, ctx.sheet.theme));
    const format = () => ({ fonts: { ...f.fonts }, ...(f.size !== undefined ? { size: f.size } : {}), bold: !!f.bold, italic: !!f.italic, underline: !!f.underline });
    let text = '';
    const flush = () => { if (text) runs.push({ text, format: format() }); text = ''; };
    for (const c of r.children) {
      switch (c.name) {
        case 'w:t': { const t = c.children.map((x) => x.text ?? '').join(''); keep(t.length); text += t; break; }
        case 'w:tab': keep(1); text += '\t'; break;
        case 'w:br': if (c.attrs['w:type'] !== 'page' && c.attrs['w:type'] !== 'column') { keep(1); text += '\n'; } break;
        case 'w:cr': keep(1); text += '\n'; break;
        case 'w:noBreakHyphen': keep(1); text += '-'; break;
        case 'w:instrText': { const code = c.children.map((t) => t.text ?? '').join('').trim().split(/\s+/)[0]; if (code) fields.push(code.toUpperCase()); break; }
        case 'w:footnoteReference': {
          const t = ctx.footnotes.get(c.attrs['w:id']);
          if (t === undefined) break;
          // The note's text is kept at each reference (the paragraph's footnotes and the run): count it each time.
          keep(t.length);
          notes.push(t);
          // Where the reference stands: an empty run carrying the note (its number in reading order, its text).
          flush();
          if (ctx.counter.note !== undefined) runs.push({ text: '', format: format(), note: { n: ++ctx.counter.note, text: t } });
          break;
        }
        case 'w:drawing': case 'w:pict': case 'mc:AlternateContent': drawings++; break;
        default: break;
      }
    }
    flush();
  };
  walk(p);
  const index = count ? ++ctx.counter.para : 0;
  const label = pp.numId ? ctx.label(pp.numId, pp.ilvl ?? 0) : undefined;
  return {
    kind: 'p', index, ...(styleId ? { style: styleId } : {}), ...(label ? { label } : {}),
    text: runs.map((r) => r.text).join(''), runs,
    ...(pp.align ? { align: pp.align as Para['align'] } : {}),
    indent: { left: pp.left ?? 0, firstLine: pp.firstLine ?? 0 },
    spacing: { before: pp.before ?? 0, after: pp.after ?? 0, ...(pp.line !== undefined ? { line: pp.line } : {}), ...(pp.lineRule ? { lineRule: pp.lineRule } : {}) },
    border: { top: !!pp.top, bottom: !!pp.bottom },
    fields, footnotes: notes, ...(cell ? { cell } : {}), drawings,
  };
}

function readTable(t: El, ctx: Ctx): Table {
  const index = ++ctx.counter.table;
  const widths = kids(child(t, 'w:tblGrid'), 'w:gridCol').map((g) => intIn(g.attrs['w:w'], 0, MAX_TWIPS) ?? 0);
  const bd = child(child(t, 'w:tblPr'), 'w:tblBorders');
  const borders = !!bd && bd.children.some((b) => !['none', 'nil'].includes(b.attrs['w:val'] ?? 'none'));
  const rows: Cell[][] = [];
  const heights: (number | undefined)[] = [];
  wrapped(t, 'w:tr').forEach((tr, ri) => {
    heights.push(intIn(child(child(tr, 'w:trPr'), 'w:trHeight')?.attrs['w:val'], 0, MAX_TWIPS));
    const row: Cell[] = [];
    wrapped(tr, 'w:tc').forEach((tc, ci) => {
      const paras: Para[] = [];
      for (const b of blocks(tc, ctx, { table: index, row: ri, col: ci })) {
        if (b.kind === 'p') paras.push(b);
        else for (const r of b.rows) for (const c of r) paras.push(...c.paras);
      }
      const w = intIn(child(child(tc, 'w:tcPr'), 'w:tcW')?.attrs['w:w'], 0, MAX_TWIPS);
      row.push({ ...(w ? { width: w } : {}), paras });
    });
    rows.push(row);
  });
  return { kind: 'tbl', index, widths, rows, borders, ...(heights.some((h) => h !== undefined) ? { heights } : {}) };
}

/**
 * Children of a given name, looking through the wrappers that may stand between a table and its rows or a row
 * and its cells: row- and cell-level content controls (w:sdt → w:sdtContent, ECMA-376 Part 1 §17.5.2.29/§17.5.2.32)
 * and custom XML (w:customXml, §17.5.1).
 */
function wrapped(e: El, name: string, out: El[] = []): El[] {
  for (const c of e.children) {
    if (c.name === name) out.push(c);
    else if (c.name === 'w:sdt') { const content = child(c, 'w:sdtContent'); if (content) wrapped(content, name, out); }
    else if (c.name === 'w:customXml') wrapped(c, name, out);
  }
  return out;
}

/** The text-box contents (w:txbxContent) under an element, not looking into a text box's own content. */
function txbxUnder(e: El, out: El[] = []): El[] {
  for (const c of e.children) {
    if (c.name === 'w:txbxContent') out.push(c);
    else txbxUnder(c, out);
  }
  return out;
}

/**
 * Where a shape stands across the page, to set side-by-side text boxes left to right: DrawingML wp:positionH
 * (wp:posOffset in EMU; wp:align left/right as the far ends), VML style margin-left (pt, in EMU) or
 * mso-position-horizontal left/right. Undefined when the shape does not say.
 */
function horizontal(shape: El): number | undefined {
  // DrawingML: shape is the w:drawing's wp:anchor (wp:inline boxes flow with the text and have no position).
  const pos = child(shape, 'wp:positionH');
  if (pos) {
    const off = child(pos, 'wp:posOffset')?.children.map((t) => t.text ?? '').join('');
    if (off !== undefined) return intIn(off, -1e12, 1e12);
    const align = child(pos, 'wp:align')?.children.map((t) => t.text ?? '').join('').trim();
    return align === 'left' ? -Infinity : align === 'right' ? Infinity : undefined;
  }
  for (const c of shape.children) {
    const style = c.attrs.style;
    if (!style) continue;
    const m = /(?:^|;)\s*margin-left\s*:\s*(-?\d+(?:\.\d+)?)pt/.exec(style);
    if (m) return Math.round(Number(m[1]) * 12700);
    const a = /(?:^|;)\s*mso-position-horizontal\s*:\s*(left|right)/.exec(style);
    if (a) return a[1] === 'left' ? -Infinity : Infinity;
  }
  return undefined;
}

/**
 * The text boxes anchored in a paragraph, in reading order: each w:txbxContent of a DrawingML shape (w:drawing →
 * … → wps:txbx, ECMA-376 Part 1 §20.4, wps: of [MS-ODRAWXML]) or a VML shape (w:pict → v:textbox, Part 4 §14.1),
 * found in the paragraph's runs (also inside hyperlinks, insertions and content controls). Of an
 * mc:AlternateContent (Part 3 §10.2) only one branch is read: mc:Choice, or mc:Fallback when the choice holds no
 * text box, so a box Word writes twice (DrawingML and its VML fallback) is read once. Boxes side by side (the
 * header's two columns) come left column first when every box gives its horizontal position, else in document order.
 */
function textBoxes(p: El): El[] {
  const found: { content: El; x?: number }[] = [];
  const shape = (e: El) => { const x = horizontal(e); for (const content of txbxUnder(e)) found.push({ content, x }); };
  const inRun = (r: El) => {
    for (const c of r.children) {
      if (c.name === 'w:drawing') for (const d of c.children) shape(d);
      else if (c.name === 'w:pict') for (const d of c.children) shape(d);
      else if (c.name === 'mc:AlternateContent') {
        const before = found.length;
        const choice = child(c, 'mc:Choice');
        if (choice) inRun(choice);
        if (found.length === before) { const fb = child(c, 'mc:Fallback'); if (fb) inRun(fb); }
      }
    }
  };
  const walk = (e: El) => {
    for (const c of e.children) {
      if (c.name === 'w:r') inRun(c);
      else if (['w:hyperlink', 'w:ins', 'w:moveTo', 'w:smartTag', 'w:customXml', 'w:sdt', 'w:sdtContent', 'w:fldSimple', 'w:dir', 'w:bdo'].includes(c.name)) walk(c);
    }
  };
  walk(p);
  if (found.length > 1 && found.every((b) => b.x !== undefined)) found.sort((a, b) => (a.x! < b.x! ? -1 : a.x! > b.x! ? 1 : 0));
  return found.map((b) => b.content);
}

/**
 * The blocks of a container (body, cell, header/footer, text box) in reading order: paragraphs, tables, the
 * content of block-level content controls and custom XML, and the content of the text boxes anchored in each
 * paragraph, set just before that paragraph. Frames (w:pPr/w:framePr) are ordinary paragraphs and are kept where
 * they stand. A text box inside a text box is read the same way; its depth counts toward MAX_DEPTH like any
 * element's (xml.ts).
 */
function blocks(container: El, ctx: Ctx, cell?: Para['cell']): Block[] {
  const out: Block[] = [];
  for (const c of container.children) {
    if (c.name === 'w:p') {
      for (const box of textBoxes(c)) out.push(...blocks(box, ctx, cell));
      out.push(readPara(c, ctx, cell));
    } else if (c.name === 'w:tbl') out.push(readTable(c, ctx));
    else if (c.name === 'w:sdt' || c.name === 'w:customXml') out.push(...blocks(child(c, 'w:sdtContent') ?? c, ctx, cell));
  }
  return out;
}

function readSection(s: El, r: Record<string, string>): Section {
  const n = (e: El | undefined, a: string) => twips(e?.attrs[a]);
  const sz = child(s, 'w:pgSz');
  const mar = child(s, 'w:pgMar');
  const refs = (name: string) => Object.fromEntries(kids(s, name).map((h) => [h.attrs['w:type'] ?? 'default', r[h.attrs['r:id']] ?? '']));
  const margins: Section['margins'] = {};
  for (const k of ['top', 'bottom', 'left', 'right', 'header', 'footer'] as const) { const v = n(mar, `w:${k}`); if (v !== undefined) margins[k] = v; }
  return {
    ...(n(sz, 'w:w') !== undefined ? { pageWidth: n(sz, 'w:w') } : {}), ...(n(sz, 'w:h') !== undefined ? { pageHeight: n(sz, 'w:h') } : {}),
    margins, headers: refs('w:headerReference'), footers: refs('w:footerReference'),
    titlePage: child(s, 'w:titlePg') ? (child(s, 'w:titlePg')!.attrs['w:val'] ?? '1') !== '0' && child(s, 'w:titlePg')!.attrs['w:val'] !== 'false' : false,
  };
}

/**
 * Builds the document model from the package's files.
 * @param files the package's parts (name → bytes, unpacked on demand); `main` is the main document part
 *   (normally word/document.xml)
 * @throws DocxXmlError when an XML part is malformed or the main part has no w:body; DocxLimitError past a bound
 *   of limits.ts (the caller turns both into a message); anything else is a bug of the reader
 */
export function readDocxParts(files: PartReader, main: string): DocModel {
  const xml = (name: string) => { const f = files(name); return f ? parseXml(strFromU8(f), name) : undefined; };
  const r = rels(files, main);
  const byType = (suffix: string) => Object.values(r).find((t) => t.endsWith(suffix));
  const theme = readTheme(xml(byType('theme1.xml') ?? 'word/theme/theme1.xml'));
  const sheet = readStyles(xml(byType('styles.xml') ?? 'word/styles.xml'), theme);
  const footnotes = new Map<string, string>();
  const fnRoot = xml(byType('footnotes.xml') ?? 'word/footnotes.xml')?.find((e) => e.name === 'w:footnotes');
  const ctx: Ctx = { sheet, label: numberingOf(xml(byType('numbering.xml') ?? 'word/numbering.xml')), footnotes, counter: { para: 0, table: 0, note: 0 }, chars: { n: 0 } };
  for (const f of kids(fnRoot, 'w:footnote')) {
    if (f.attrs['w:type'] && f.attrs['w:type'] !== 'normal') continue;
    // A note's paragraphs, with those of its content controls, tables and text boxes (own counter: the body's
    // paragraph numbers do not move).
    const own = blocks(f, { ...ctx, counter: { para: 0, table: 0 } }).flatMap((b) => (b.kind === 'p' ? [b] : b.rows.flat().flatMap((c) => c.paras)));
    footnotes.set(f.attrs['w:id'], own.map((p) => p.text.trim()).join('\n'));
  }
  const root = xml(main)?.find((e) => e.name === 'w:document');
  const body = child(root, 'w:body');
  if (!body) throw new DocxXmlError('w:body missing', main);
  const sections: Section[] = [];
  for (const p of kids(body, 'w:p')) { const s = child(child(p, 'w:pPr'), 'w:sectPr'); if (s) sections.push(readSection(s, r)); }
  const last = child(body, 'w:sectPr');
  if (last) sections.push(readSection(last, r));
  const parts: Record<string, Para[]> = {};
  for (const s of sections) {
    for (const part of [...Object.values(s.headers), ...Object.values(s.footers)]) {
      if (!part || parts[part]) continue;
      const e = xml(part)?.find((x) => x.name === 'w:hdr' || x.name === 'w:ftr');
      parts[part] = e ? blocks(e, { ...ctx, counter: { para: 0, table: 0 } }).flatMap((b) => (b.kind === 'p' ? [b] : b.rows.flat().flatMap((c) => c.paras))) : [];
    }
  }
  return { source: 'docx', body: blocks(body, ctx), sections, parts, footnotes: [...footnotes.values()] };
}
