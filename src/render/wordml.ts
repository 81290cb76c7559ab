/**
 * Stage 5a: the layout markup's blocks written as WordprocessingML (ECMA-376 Part 1, §17.3 paragraphs and runs,
 * §17.4 tables) directly as XML text: the paragraphs, tables, headers' contents and footnotes' paragraphs of a plan.
 * The package around them (styles, numbering, settings, sections' properties, relationships, content types) is
 * still assembled by docx (src/render/docx.ts, src/render/package.ts): this is the seam of issue 11, where the
 * renderer stops building docx's object tree for every run of text.
 *
 * The XML is the XML docx writes for the same options, byte for byte: element order, attribute order, escaping
 * (& " ' < > escaped, C0 control characters other than tab, line feed and carriage return dropped) and docx's own
 * rules for sections (a section's properties ride on its last paragraph), row spans (continuation cells) and cells
 * (a cell always ends with a paragraph). test/wordml.test.ts holds the two writers equal over the examples and
 * generated plans, with the docx-object builder kept as the oracle (test/support/docx-oracle.ts).
 *
 * Units: sizes in half-points, spacing in twentieths of a point, lengths in twips (1 mm = 1440/25.4, rounded), rule
 * thickness in eighths of a point (w:sz of a border).
 */
import type { LayoutProfile, StyleSpec } from '../profile.js';
import { elements, MarkupError, type MNode } from './markup.js';
import { inlineSpans, plainText } from '../form/inline.js';
import { textWidthTwips } from '../layout/measure.js';
import { ALIGN, fontsOf, mmToTwips, paragraphOptions, runOptions, styleId, styleOf, type Alignment, type ParaProps, type RunProps } from './props.js';

const ESC: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
/** Escapes text and attribute values as docx does (control characters XML 1.0 cannot hold are dropped). */
export const esc = (s: string): string => s.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESC[c] ?? '');

/** docx's integer checks (decimalNumber / unsignedDecimalNumber): floor, and an error for what Word cannot hold. */
function int(v: number, unsigned = false): number {
  if (!Number.isFinite(v)) throw new Error(`Invalid value '${v}' specified. Must be an integer.`);
  const n = Math.floor(v);
  if (unsigned && n < 0) throw new Error(`Invalid value '${v}' specified. Must be a positive integer.`);
  return n;
}

const onOff = (name: string, v: boolean) => (v ? `<${name}/>` : `<${name} w:val="false"/>`);

/** `<w:rPr>` of run options (empty when there are none), in docx's order: style, fonts, b, i, sz, u. */
export function rPr(o: RunProps): string {
  let x = '';
  if (o.style) x += `<w:rStyle w:val="${esc(o.style)}"/>`;
  if (o.font) x += `<w:rFonts w:ascii="${esc(o.font.ascii)}" w:cs="${esc(o.font.cs)}" w:eastAsia="${esc(o.font.eastAsia)}" w:hAnsi="${esc(o.font.hAnsi)}"/>`;
  if (o.bold !== undefined) x += onOff('w:b', o.bold) + onOff('w:bCs', o.bold);
  if (o.italics !== undefined) x += onOff('w:i', o.italics) + onOff('w:iCs', o.italics);
  if (o.size !== undefined) x += `<w:sz w:val="${int(o.size, true)}"/>`;
  if (o.size) x += `<w:szCs w:val="${int(o.size, true)}"/>`;
  if (o.underline) x += `<w:u w:val="${o.underline.type}"/>`;
  return x ? `<w:rPr>${x}</w:rPr>` : '';
}

/** Paragraph options beyond a style's: what a `<p>` of the markup may add. */
interface ParaExtra {
  style?: string;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  border?: { size: number };
  tabs?: { type: string; position: number; leader?: string }[];
  spacing?: ParaProps['spacing'];
  indent?: { left?: number; right?: number; firstLine?: number };
  alignment?: Alignment;
  run?: RunProps;
}

/** The content of `<w:pPr>` in docx's order: pStyle, keepNext, pageBreakBefore, pBdr, tabs, spacing, ind, jc, rPr. */
function pPr(o: ParaExtra): string {
  let x = '';
  if (o.style) x += `<w:pStyle w:val="${esc(o.style)}"/>`;
  if (o.keepNext !== undefined) x += onOff('w:keepNext', o.keepNext);
  if (o.pageBreakBefore) x += '<w:pageBreakBefore/>';
  if (o.border) x += `<w:pBdr><w:top w:val="single" w:color="000000" w:sz="${int(o.border.size, true)}" w:space="0"/></w:pBdr>`;
  if (o.tabs?.length) x += `<w:tabs>${o.tabs.map((t) => `<w:tab w:val="${t.type}" w:pos="${int(t.position)}"${t.leader ? ` w:leader="${t.leader}"` : ''}/>`).join('')}</w:tabs>`;
  if (o.spacing) {
    const s = o.spacing;
    x += `<w:spacing w:after="${s.after}" w:before="${s.before}" w:line="${s.line}"${s.lineRule ? ` w:lineRule="${s.lineRule}"` : ''}/>`;
  }
  if (o.indent) {
    const i = o.indent;
    x += `<w:ind${i.left !== undefined ? ` w:left="${int(i.left)}"` : ''}${i.right !== undefined ? ` w:right="${int(i.right)}"` : ''}${i.firstLine !== undefined ? ` w:firstLine="${int(i.firstLine, true)}"` : ''}/>`;
  }
  if (o.alignment) x += `<w:jc w:val="${o.alignment}"/>`;
  if (o.run) x += rPr(o.run);
  return x;
}

/** A block of a body, header, cell or footnote. A paragraph keeps its parts apart: a section's properties and a
 * footnote's own mark are added to it later. `align` is its direct alignment (what a row-span's continuation copies). */
export type BlockXml = { kind: 'p'; ppr: string; runs: string; align?: Alignment } | { kind: 'tbl'; xml: string };

/** The XML of a paragraph block, with extra pPr content (a section's `<w:sectPr>`) and a leading run (a note's mark). */
export function paragraphXml(b: { ppr: string; runs: string }, extraPpr = '', firstRun = ''): string {
  const ppr = b.ppr + extraPpr;
  const inner = (ppr ? `<w:pPr>${ppr}</w:pPr>` : '') + firstRun + b.runs;
  return inner ? `<w:p>${inner}</w:p>` : '<w:p/>';
}

/** The XML of blocks in order. */
export const blocksXml = (blocks: BlockXml[]): string => blocks.map((b) => (b.kind === 'p' ? paragraphXml(b) : b.xml)).join('');

const NONE = '<w:top w:val="none" w:color="auto" w:sz="0"/><w:left w:val="none" w:color="auto" w:sz="0"/><w:bottom w:val="none" w:color="auto" w:sz="0"/><w:right w:val="none" w:color="auto" w:sz="0"/><w:insideH w:val="none" w:color="auto" w:sz="0"/><w:insideV w:val="none" w:color="auto" w:sz="0"/>';
const lines = (sz: number) => ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="single" w:color="000000" w:sz="${int(sz, true)}"/>`).join('');

/** Collapses markup whitespace (template indentation) to single spaces; keeps no-break spaces. */
const squash = (s: string) => s.replace(/[ \t\r\n]+/g, ' ');

function textOf(n: MNode): string {
  return n.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** Placeholders of the package seam: private-use characters around a tag ("H0" the header of section 0, "F1" note 1),
 * the text of the paragraph docx writes where src/render/pack.ts puts the content this module wrote. */
export const PLACEHOLDER_OPEN = '\uE000';
export const PLACEHOLDER_CLOSE = '\uE001';
export const placeholder = (tag: string): string => `${PLACEHOLDER_OPEN}${tag}${PLACEHOLDER_CLOSE}`;

/** Page setup of a section, twips (what docx writes as w:pgSz / w:pgMar / w:pgNumType / w:titlePg); `footer`: the
 * section has a footer part (set only when it has one, so the shape of a package without a footer is unchanged). */
export interface SectionProps {
  titlePage: boolean;
  footer?: true;
  page: {
    size: { width: number; height: number; orientation: 'landscape' | 'portrait' };
    margin: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
    pageNumbers?: { start: number };
  };
}

/** A section of the document: its page setup, its header's blocks, its footer's (when `properties.footer`) and its body's blocks. */
export interface SectionXml { properties: SectionProps; header: BlockXml[]; footer?: BlockXml[]; blocks: BlockXml[] }

/** The written plan: sections in order and the footnotes by id (1, 2, 3 … in document order), each its paragraphs. */
export interface BodyXml { sections: SectionXml[]; footnotes: BlockXml[][] }

interface Ctx { width: number }
interface Cell { col: number; colSpan: number; rowSpan: number; width: number; tcPrTail: string; blocks: BlockXml[]; cont: boolean }

class Writer {
  private notes = new Map<string, MNode>();
  readonly footnotes: BlockXml[][] = [];
  private readonly fonts;

  constructor(private readonly profile: LayoutProfile) { this.fonts = fontsOf(profile); }

  collectFootnotes(root: MNode) {
    for (const f of elements(root)) if (f.name === 'footnote') this.notes.set(f.attrs.key, f);
  }

  private style(role: string | undefined): StyleSpec { return styleOf(this.profile, role); }

  /**
   * A reference mark to the note `key`: a new Word footnote (next id) holding the note's paragraphs, the first led by
   * a no-break space after the note's own mark, as Word's Insert Footnote writes it.
   * @throws MarkupError when the markup has no `<footnote key>` for it
   */
  private footnoteRef(key: string, base: RunProps): string {
    const note = this.notes.get(key);
    if (!note) throw new MarkupError(`layout markup: no <footnote key="${key}"> for the reference [^${key}]`);
    const id = this.footnotes.length + 1;
    this.footnotes.push([]);
    const ps = elements(note).filter((e) => e.name === 'p').map((p, i) => (i === 0 ? { ...p, children: ['\u00a0', ...p.children] } : p));
    this.footnotes[id - 1] = ps.map((p) => this.paragraph(p));
    // The run has the paragraph's fonts and the FootnoteReference character style (superscript).
    return `<w:r>${rPr({ ...base, style: 'FootnoteReference' })}<w:footnoteReference w:id="${id}"/></w:r>`;
  }

  /** Runs of a `<p>` or `<span>`: text with inline marks, `<span>`, `<br/>`, `<tab/>`, `<page-number/>`. */
  private runs(node: MNode, base: RunProps, out: string[], first: { v: boolean }, para?: StyleSpec) {
    const r = rPr(base);
    node.children.forEach((c, i) => {
      if (typeof c === 'string') {
        let text = squash(c);
        if (first.v) text = text.replace(/^ /, '');
        if (i === node.children.length - 1 && node.name === 'p') text = text.replace(/ $/, '');
        if (!text) return;
        first.v = false;
        for (const sp of inlineSpans(text)) {
          if (sp.footnote) { out.push(this.footnoteRef(sp.footnote, base)); continue; }
          const o = sp.bold || sp.italic ? rPr({ ...base, ...(sp.bold ? { bold: true } : {}), ...(sp.italic ? { italics: true } : {}) }) : r;
          out.push(`<w:r>${o}<w:t xml:space="preserve">${esc(sp.text)}</w:t></w:r>`);
        }
      } else if (c.name === 'span') {
        const s = c.attrs.style ? this.spanOptions(this.style(c.attrs.style), para) : base;
        const size = c.attrs.size ? { size: Math.round(parseFloat(c.attrs.size) * 2) } : {};
        this.runs(c, { ...base, ...s, ...size }, out, first, para);
      } else if (c.name === 'br') out.push(`<w:r>${r}<w:br/></w:r>`);
      else if (c.name === 'tab') { out.push(`<w:r>${r}<w:tab/></w:r>`); first.v = false; }
      else if (c.name === 'page-number') {
        out.push(`<w:r>${r}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${r}<w:instrText xml:space="preserve">PAGE</w:instrText></w:r><w:r>${r}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${r}<w:fldChar w:fldCharType="end"/></w:r>`);
        first.v = false;
      } else throw new MarkupError(`layout markup: <${c.name}> is not allowed inside <${node.name}>`);
    });
  }

  /**
   * Run options of a `<span style>`: all of them, or in a styled paragraph (`para`) all but the font and an equal size,
   * with bold and italics turned off where the paragraph has them and the span's style has not.
   */
  private spanOptions(s: StyleSpec, para?: StyleSpec): RunProps {
    const all = runOptions(s, this.fonts);
    if (!para) return all;
    const { font: _font, size, ...rest } = all;
    // A regular span in a bold or italic paragraph turns them off (the lead after a form's "Ghi chú:" label).
    const off = { ...(para.dam && !s.dam ? { bold: false } : {}), ...(para.nghieng && !s.nghieng ? { italics: false } : {}) };
    return { ...rest, ...off, ...(size !== Math.round((para.co ?? 14) * 2) ? { size } : {}) };
  }

  /**
   * A `<p>`: references its role's named paragraph style and carries direct formatting only where the markup departs
   * from the style (an `align` attribute, keep-with-next before a table, tab stops, a page break before, a `before`
   * or `after` space in pt that replaces the style's: the signing-form lines after the first, NĐ 30/2020 Phụ lục I
   * mục II.7; the lines of a form's title of several lines, set as one block).
   */
  paragraph(node: MNode, keepNext = false, width = 0): BlockXml {
    const role = node.attrs.style;
    const s = this.style(role);
    const o: ParaExtra = role ? { style: styleId(role) } : { ...paragraphOptions(s) };
    if (keepNext && !s.giu_voi_sau) o.keepNext = true;
    if (node.attrs.tabs) o.tabs = this.tabStops(node.attrs.tabs, width);
    if (node.attrs['page-break-before'] === 'true') o.pageBreakBefore = true;
    if (node.attrs.before !== undefined || node.attrs.after !== undefined) {
      const sp = { ...paragraphOptions(s).spacing! };
      if (node.attrs.before !== undefined) sp.before = Math.round(parseFloat(node.attrs.before) * 20);
      if (node.attrs.after !== undefined) sp.after = Math.round(parseFloat(node.attrs.after) * 20);
      o.spacing = sp;
    }
    if (node.attrs.align in ALIGN && node.attrs.align !== (s.can ?? 'trai')) o.alignment = ALIGN[node.attrs.align as keyof typeof ALIGN];
    const out: string[] = [];
    const underline = node.attrs.underline === 'true' ? { underline: { type: 'single' as const } } : {};
    // Runs inherit the style's font, size, bold and italics; only inline marks, <span>s and underline add run formatting.
    this.runs(node, { ...(role ? {} : runOptions(s, this.fonts)), ...underline }, out, { v: true }, role ? s : undefined);
    // An empty unstyled paragraph still needs its size, so that spacer lines have their height.
    if (!role) o.run = runOptions(s, this.fonts);
    return { kind: 'p', ppr: pPr(o), runs: out.join(''), ...(o.alignment ? { align: o.alignment } : {}) };
  }

  /** A short rule: an empty 1 pt paragraph with a top border, clipped by equal side indents (dependencies.md §2, variant A). */
  private rule(node: MNode, prev: MNode[], ctx: Ctx): BlockXml {
    let length: number;
    if (node.attrs.mm) length = mmToTwips(parseFloat(node.attrs.mm));
    else {
      const fraction = parseFloat(node.attrs.fraction ?? '1');
      // The run of preceding paragraphs in the same style: measure the widest line, capped at the container.
      const style = prev[prev.length - 1]?.attrs.style;
      let widest = 0;
      for (let i = prev.length - 1; i >= 0 && prev[i].attrs.style === style; i--) {
        const s = this.style(style);
        widest = Math.max(widest, textWidthTwips(plainText(squash(textOf(prev[i])).trim()), s.co ?? 14, !!s.dam));
      }
      length = Math.min(widest, ctx.width) * fraction;
    }
    const side = Math.max(0, Math.round((ctx.width - length) / 2));
    const g = this.profile.gach;
    return {
      kind: 'p',
      ppr: pPr({
        border: { size: Math.round(g.day * 8) },
        spacing: { before: Math.round(g.cach_tren * 20), after: 0, line: 20, lineRule: 'exact' },
        indent: { left: side, right: side },
      }),
      runs: '',
    };
  }

  /**
   * Tab stops of a `<p tabs="…">`: space-separated `position:kind:leader`, position in mm, `N%` of the container's
   * width or `end` (the container's right edge); kind left|right|center; leader none|dot|underscore|hyphen.
   * @param width container width, twips
   * @throws MarkupError on a malformed stop
   */
  private tabStops(spec: string, width: number): NonNullable<ParaExtra['tabs']> {
    const KIND = { left: 'left', right: 'right', center: 'center' } as const;
    const LEAD = { none: 'none', dot: 'dot', underscore: 'underscore', hyphen: 'hyphen' } as const;
    return spec.trim().split(/\s+/).map((stop) => {
      const [pos, kind = 'left', lead = 'none'] = stop.split(':');
      const position = pos === 'end' ? width : pos.endsWith('%') ? Math.round((width * parseFloat(pos)) / 100) : mmToTwips(parseFloat(pos));
      if (!(position > 0) || !(kind in KIND) || !(lead in LEAD)) throw new MarkupError(`layout markup: bad tab stop "${stop}" (want position:left|right|center:none|dot|underscore|hyphen)`);
      return { type: KIND[kind as keyof typeof KIND], position, ...(lead !== 'none' ? { leader: LEAD[lead as keyof typeof LEAD] } : {}) };
    });
  }

  /** A `<table widths="mm …">` (scale="fit" shares the container's width in those proportions). */
  private table(node: MNode, ctx: Ctx): BlockXml {
    const raw = (node.attrs.widths ?? '').trim().split(/[\s,]+/).filter(Boolean).map(Number);
    if (!raw.length || raw.some((w) => !(w > 0))) throw new MarkupError(`layout markup: <table> needs widths="…" in mm (got "${node.attrs.widths ?? ''}")`);
    const sum = raw.reduce((a, b) => a + b, 0);
    const cols = node.attrs.scale === 'fit' ? raw.map((w) => Math.floor((w / sum) * ctx.width)) : raw.map(mmToTwips);
    const bordered = node.attrs.borders === 'single';
    const margin = bordered ? 85 : 0;
    const valign = (v: string | undefined) => (v === 'center' ? 'center' : v === 'bottom' ? 'bottom' : 'top');
    const rowsEl = elements(node).filter((r) => r.name === 'row');
    const spans: number[] = cols.map(() => 0); // rows still covered by a row-span, per column
    const rows = rowsEl.map((r) => {
      let col = 0;
      const cells: Cell[] = [];
      for (const c of elements(r).filter((x) => x.name === 'cell')) {
        while (spans[col] > 0) { spans[col]--; col++; }
        const colSpan = Number(c.attrs['col-span'] ?? 1);
        const rowSpan = Number(c.attrs['row-span'] ?? 1);
        const w = cols.slice(col, col + colSpan).reduce((a, b) => a + b, 0);
        for (let k = 0; k < colSpan; k++) spans[col + k] = rowSpan - 1;
        const inner = this.blocks(c, { ...ctx, width: w - 2 * margin });
        const mar = bordered ? 40 : 0;
        cells.push({
          col, colSpan, rowSpan, width: w, cont: false,
          tcPrTail: `<w:tcMar><w:top w:type="dxa" w:w="${mar}"/><w:left w:type="dxa" w:w="${margin}"/><w:bottom w:type="dxa" w:w="${mar}"/><w:right w:type="dxa" w:w="${margin}"/></w:tcMar><w:vAlign w:val="${valign(c.attrs.valign)}"/>`,
          blocks: inner.length ? inner : [{ kind: 'p', ppr: '', runs: '' }],
        });
        col += colSpan;
      }
      for (; col < spans.length; col++) if (spans[col] > 0) spans[col]--;
      let trPr = '';
      if (r.attrs['cant-split'] === 'true') trPr += '<w:cantSplit/>';
      if (r.attrs.header === 'true') trPr += '<w:tblHeader/>';
      trPr += rowHeight(r);
      return { cells, trPr };
    });
    continuationCells(rows.map((r) => r.cells));
    const width = cols.reduce((a, b) => a + b, 0);
    const indent = node.attrs.indent ? mmToTwips(parseFloat(node.attrs.indent)) : 0;
    const borders = bordered ? lines(node.attrs['rule-pt'] ? ruleSize(node.attrs['rule-pt']) : 4) : NONE;
    let xml = `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${int(width)}"/>${indent ? `<w:tblInd w:type="dxa" w:w="${int(indent)}"/>` : ''}<w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>`;
    xml += `<w:tblGrid>${cols.map((c) => `<w:gridCol w:w="${int(c, true)}"/>`).join('')}</w:tblGrid>`;
    for (const row of rows) {
      if (!row.cells.length) continue; // docx writes no row without cells
      xml += `<w:tr>${row.trPr ? `<w:trPr>${row.trPr}</w:trPr>` : ''}`;
      for (const c of row.cells) {
        const merge = c.cont ? '<w:vMerge w:val="continue"/>' : c.rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : '';
        const last = c.blocks[c.blocks.length - 1];
        xml += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${int(c.width)}"/>${c.colSpan > 1 ? `<w:gridSpan w:val="${int(c.colSpan)}"/>` : ''}${merge}${c.tcPrTail}</w:tcPr>`;
        xml += blocksXml(c.blocks) + (last?.kind === 'p' ? '' : '<w:p/>') + '</w:tc>';
      }
      xml += '</w:tr>';
    }
    return { kind: 'tbl', xml: xml + '</w:tbl>' };
  }

  /** Block children of a container (section, cell, page-header, page-footer, footnote). */
  blocks(container: MNode, ctx: Ctx): BlockXml[] {
    const out: BlockXml[] = [];
    const prev: MNode[] = [];
    const els = elements(container);
    els.forEach((el, i) => {
      switch (el.name) {
        case 'p': {
          // A table marked keep-with-previous pulls the paragraph before it along (keepNext on that paragraph).
          const next = els[i + 1];
          out.push(this.paragraph(el, next?.name === 'table' && next.attrs['keep-with-previous'] === 'true', ctx.width));
          prev.push(el);
          break;
        }
        case 'rule': out.push(this.rule(el, prev, ctx)); prev.length = 0; break;
        case 'table': out.push(this.table(el, ctx)); prev.length = 0; break;
        case 'page-break': out.push({ kind: 'p', ppr: '<w:pageBreakBefore/>', runs: '' }); prev.length = 0; break;
        case 'page-header': case 'page-footer': case 'footnote': break;
        default: throw new MarkupError(`layout markup: unknown element <${el.name}> in <${container.name}>`);
      }
    });
    return out;
  }

  /** A `<section>`: page setup from the profile (mm → twips), its header's blocks and its blocks. */
  section(node: MNode): SectionXml {
    const t = this.profile.trang;
    const landscape = node.attrs.orientation === 'landscape';
    const pageW = landscape ? t.cao : t.rong;
    const ctx: Ctx = { width: mmToTwips(pageW - t.le_trai - t.le_phai) };
    const headerEl = elements(node).find((e) => e.name === 'page-header');
    const footerEl = elements(node).find((e) => e.name === 'page-footer');
    return {
      properties: {
        titlePage: node.attrs['title-page'] === 'true',
        ...(footerEl ? { footer: true as const } : {}),
        page: {
          size: { width: mmToTwips(t.rong), height: mmToTwips(t.cao), orientation: landscape ? 'landscape' : 'portrait' },
          margin: { top: mmToTwips(t.le_tren), bottom: mmToTwips(t.le_duoi), left: mmToTwips(t.le_trai), right: mmToTwips(t.le_phai), header: mmToTwips(t.dau_trang), footer: mmToTwips(t.dau_trang) },
          ...(node.attrs['page-start'] ? { pageNumbers: { start: Number(node.attrs['page-start']) } } : {}),
        },
      },
      header: headerEl ? this.blocks(headerEl, ctx) : [{ kind: 'p', ppr: '', runs: '' }],
      ...(footerEl ? { footer: this.blocks(footerEl, ctx) } : {}),
      blocks: this.blocks(node, ctx),
    };
  }
}

/** Rule thickness of a bordered table: `pt` points as eighths of a point. */
function ruleSize(ptText: string): number {
  const pt = parseFloat(ptText);
  if (!(pt > 0)) throw new MarkupError(`layout markup: <table rule-pt="${pt}"> must be a thickness in pt`);
  return Math.round(pt * 8);
}

/** `<row height="mm" height-rule="exact|at-least">` → `<w:trHeight>` (default at-least: text may grow it). */
function rowHeight(r: MNode): string {
  if (!r.attrs.height) return '';
  const value = mmToTwips(parseFloat(r.attrs.height));
  if (!(value > 0)) throw new MarkupError(`layout markup: <row height="${r.attrs.height}"> must be a length in mm`);
  return `<w:trHeight w:val="${int(value, true)}" w:hRule="${r.attrs['height-rule'] === 'exact' ? 'exact' : 'atLeast'}"/>`;
}

/**
 * docx's row spans: a cell spanning N rows puts into the next row, at its column, a continuation cell (vMerge
 * continue) with its width, margins and alignment, holding one paragraph with the direct alignment of the cell's
 * last paragraph (none when the cell ends with a table), spanning N − 1 rows; that one continues in turn.
 */
function continuationCells(rows: Cell[][]) {
  rows.forEach((row, r) => {
    if (r === rows.length - 1) return;
    let column = 0;
    for (const cell of [...row]) {
      if (cell.rowSpan > 1) {
        const last = cell.blocks[cell.blocks.length - 1];
        const cont: Cell = {
          ...cell, rowSpan: cell.rowSpan - 1, cont: true,
          blocks: last?.kind === 'p' ? [{ kind: 'p', ppr: last.align ? `<w:jc w:val="${last.align}"/>` : '', runs: '', ...(last.align ? { align: last.align } : {}) }] : [],
        };
        rows[r + 1].splice(insertAt(rows[r + 1], column), 0, cont);
      }
      column += cell.colSpan || 1;
    }
  });
}

/** Where docx puts a continuation cell for `column` in a row (its columnIndexToRootIndex): before the cell that holds
 * that column, or at the end. */
function insertAt(row: Cell[], column: number): number {
  let colIdx = 0;
  let i = 0;
  while (colIdx <= column) {
    if (i >= row.length) return row.length;
    colIdx += row[i].colSpan || 1;
    i++;
  }
  return i - 1;
}

/**
 * Writes the body of a plan from parsed markup.
 * @param root the `<document>` element
 * @returns the sections (page setup, header blocks, body blocks) and the footnotes' paragraphs by id
 * @throws MarkupError on unknown elements or styles, or a malformed attribute
 */
export function writeBody(root: MNode, profile: LayoutProfile): BodyXml {
  const w = new Writer(profile);
  w.collectFootnotes(root);
  const sections = elements(root).filter((e) => e.name === 'section').map((s) => w.section(s));
  if (!sections.length) throw new MarkupError('layout markup: <document> has no <section>');
  return { sections, footnotes: w.footnotes };
}

/**
 * The content of `<w:body>` as docx writes it: the sections' blocks in order, each section's `<w:sectPr>` (given
 * here, as docx wrote them for the package) in the `<w:pPr>` of the section's last paragraph, or in an empty
 * paragraph of its own when the section ends with a table, is empty, or its last paragraph already carries one; the
 * last section's properties close the body (ECMA-376 Part 1, §17.6.17).
 */
export function bodyXml(sections: BlockXml[][], sectPrs: string[]): string {
  type Out = { b: BlockXml; sect?: string };
  const out: Out[] = [];
  sections.forEach((blocks, i) => {
    if (i > 0) {
      const last = out[out.length - 1];
      if (last && last.b.kind === 'p' && !last.sect) last.sect = sectPrs[i - 1];
      else out.push({ b: { kind: 'p', ppr: '', runs: '' }, sect: sectPrs[i - 1] });
    }
    for (const b of blocks) out.push({ b });
  });
  return out.map((o) => (o.b.kind === 'p' ? paragraphXml(o.b, o.sect ?? '') : o.b.xml)).join('') + sectPrs[sectPrs.length - 1];
}
