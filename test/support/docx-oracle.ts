/**
 * The docx-object builder of the body the renderer used before the body was written as WordprocessingML directly
 * (issue 11): kept as the test oracle of src/render/wordml.ts, which must write the same XML byte for byte
 * (test/wordml.test.ts). Only the body is built here from docx objects; the style options (src/render/props.ts) and
 * the document-wide styles (documentStyles, src/render/docx.ts) are the tool's own. Not used by the tool.
 */
import {
  BorderStyle, Document, Footer, FootnoteReference, Header, HeightRule, LeaderType, LineRuleType, PageNumber, PageOrientation, Paragraph,
  Tab, TabStopType, Table, TableCell, TableLayoutType, TableRow, TextRun, UnderlineType, VerticalAlignTable, WidthType,
  type IParagraphOptions, type IRunOptions, type ISectionOptions, type ParagraphChild,
} from 'docx';
import type { LayoutProfile, StyleSpec } from '../../src/profile.js';
import { elements, MarkupError, type MNode } from '../../src/render/markup.js';
import { inlineSpans, plainText } from '../../src/form/inline.js';
import { textWidthTwips } from '../../src/layout/measure.js';
import { ALIGN, fontsOf, mmToTwips, paragraphOptions, runOptions, styleId, styleOf } from '../../src/render/props.js';
import { documentStyles } from '../../src/render/docx.js';

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const ALL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/** Collapses markup whitespace (template indentation) to single spaces; keeps no-break spaces. */
const squash = (s: string) => s.replace(/[ \t\r\n]+/g, ' ');

interface Ctx {
  profile: LayoutProfile;
  /** Available width of the current container, twips. */
  width: number;
}

class Builder {
  /** The plan's notes by key (`<footnote key>` elements of the markup). */
  private notes = new Map<string, MNode>();
  /** Word footnotes by id, numbered 1, 2, 3 … in the order their references are built (document order). */
  readonly footnotes: Record<number, { children: Paragraph[] }> = {};
  private nextFootnote = 1;

  constructor(private readonly profile: LayoutProfile) {}

  /** Records the `<footnote key="…">` elements of `<document>` (each holds the note's `<p>` paragraphs). */
  collectFootnotes(root: MNode) {
    for (const f of elements(root)) if (f.name === 'footnote') this.notes.set(f.attrs.key, f);
  }

  /**
   * A reference mark to the note `key`: a new Word footnote (next id) holding the note's paragraphs.
   * @throws MarkupError when the markup has no `<footnote key>` for it (the normaliser reports undefined keys first).
   */
  footnoteRef(key: string, base: IRunOptions): TextRun {
    const note = this.notes.get(key);
    if (!note) throw new MarkupError(`layout markup: no <footnote key="${key}"> for the reference [^${key}]`);
    const id = this.nextFootnote++;
    // A no-break space after the note's own mark, as Word's Insert Footnote writes it.
    const ps = elements(note).filter((e) => e.name === 'p').map((p, i) => (i === 0 ? { ...p, children: ['\u00a0', ...p.children] } : p));
    this.footnotes[id] = { children: ps.map((p) => this.paragraph(p)) };
    // docx's FootnoteReferenceRun carries no fonts; this run has the paragraph's (Times New Roman in every slot) and
    // the FootnoteReference character style (superscript).
    return new TextRun({ ...base, style: 'FootnoteReference', children: [new FootnoteReference(id) as never] });
  }

  style(role: string | undefined): StyleSpec { return styleOf(this.profile, role); }

  runOptions(s: StyleSpec): IRunOptions { return runOptions(s, fontsOf(this.profile)); }

  paragraphOptions(s: StyleSpec): IParagraphOptions { return paragraphOptions(s); }

  /**
   * Runs of a <p> or <span>: text with inline markdown, <span>, <br/>, <page-number/>.
   * @param para the named style of the enclosing paragraph, if it has one: a `<span style>` then carries only what
   *   differs from it (its bold, italics, underline, and its size when not the paragraph's), never the font
   */
  runs(node: MNode, base: IRunOptions, out: ParagraphChild[], first: { v: boolean }, para?: StyleSpec) {
    node.children.forEach((c, i) => {
      if (typeof c === 'string') {
        let text = squash(c);
        if (first.v) text = text.replace(/^ /, '');
        if (i === node.children.length - 1 && node.name === 'p') text = text.replace(/ $/, '');
        if (!text) return;
        first.v = false;
        for (const sp of inlineSpans(text)) {
          if (sp.footnote) { out.push(this.footnoteRef(sp.footnote, base)); continue; }
          out.push(new TextRun({ ...base, text: sp.text, ...(sp.bold ? { bold: true } : {}), ...(sp.italic ? { italics: true } : {}) }));
        }
      } else if (c.name === 'span') {
        const s = c.attrs.style ? this.spanOptions(this.style(c.attrs.style), para) : base;
        const size = c.attrs.size ? { size: Math.round(parseFloat(c.attrs.size) * 2) } : {};
        this.runs(c, { ...base, ...s, ...size }, out, first, para);
      } else if (c.name === 'br') out.push(new TextRun({ ...base, break: 1 }));
      else if (c.name === 'tab') { out.push(new TextRun({ ...base, children: [new Tab()] })); first.v = false; }
      else if (c.name === 'page-number') { out.push(new TextRun({ ...base, children: [PageNumber.CURRENT] })); first.v = false; }
      else throw new MarkupError(`layout markup: <${c.name}> is not allowed inside <${node.name}>`);
    });
  }

  /** Run options of a `<span style>`: all of them, or in a styled paragraph (`para`) all but the font and an equal size. */
  private spanOptions(s: StyleSpec, para?: StyleSpec): IRunOptions {
    const all = this.runOptions(s);
    if (!para) return all;
    const { font: _font, size, ...rest } = all;
    const off = { ...(para.dam && !s.dam ? { bold: false } : {}), ...(para.nghieng && !s.nghieng ? { italics: false } : {}) };
    return { ...rest, ...off, ...(size !== Math.round((para.co ?? 14) * 2) ? { size } : {}) };
  }

  /**
   * A <p>: references its role's named paragraph style (see paragraphStyles) and carries direct formatting only
   * where the markup departs from the style (an `align` attribute, keep-with-next before a table).
   */
  paragraph(node: MNode, keepNext = false, width = 0): Paragraph {
    const role = node.attrs.style;
    const s = this.style(role);
    const opts: IParagraphOptions = role ? { style: styleId(role) } : this.paragraphOptions(s);
    if (keepNext && !s.giu_voi_sau) Object.assign(opts, { keepNext: true });
    if (node.attrs.tabs) Object.assign(opts, { tabStops: this.tabStops(node.attrs.tabs, width) });
    if (node.attrs['page-break-before'] === 'true') Object.assign(opts, { pageBreakBefore: true });
    if (node.attrs.before !== undefined || node.attrs.after !== undefined) {
      const sp = { ...this.paragraphOptions(s).spacing! };
      if (node.attrs.before !== undefined) sp.before = Math.round(parseFloat(node.attrs.before) * 20);
      if (node.attrs.after !== undefined) sp.after = Math.round(parseFloat(node.attrs.after) * 20);
      Object.assign(opts, { spacing: sp });
    }
    if (node.attrs.align in ALIGN && node.attrs.align !== (s.can ?? 'trai')) Object.assign(opts, { alignment: ALIGN[node.attrs.align as keyof typeof ALIGN] });
    const children: ParagraphChild[] = [];
    const underline = node.attrs.underline === 'true' ? { underline: { type: UnderlineType.SINGLE } } : {};
    // Runs inherit the style's font, size, bold and italics; only inline marks, <span>s and underline add run formatting.
    this.runs(node, { ...(role ? {} : this.runOptions(s)), ...underline }, children, { v: true }, role ? s : undefined);
    // An empty paragraph still needs its size, so that spacer lines have the style's height (the style gives it).
    return new Paragraph({ ...opts, children, ...(role ? {} : { run: this.runOptions(s) }) });
  }

  /** A short rule: an empty 1 pt paragraph with a top border, clipped by equal side indents (dependencies.md §2, variant A). */
  rule(node: MNode, prev: MNode[], ctx: Ctx): Paragraph {
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
    return new Paragraph({
      indent: { left: side, right: side },
      border: { top: { ...LINE, size: Math.round(this.profile.gach.day * 8), space: 0 } },
      spacing: { before: Math.round(this.profile.gach.cach_tren * 20), after: 0, line: 20, lineRule: LineRuleType.EXACT },
      children: [],
    });
  }

  /**
   * Tab stops of a `<p tabs="…">`: space-separated `position:kind:leader`, position in mm, `N%` of the container's
   * width or `end` (the container's right edge); kind left|right|center; leader none|dot|underscore|hyphen.
   * A right tab at `end` with a dot leader is a blank line to fill in that never stretches (forms).
   * @param width container width, twips
   * @throws MarkupError on a malformed stop
   */
  tabStops(spec: string, width: number): { type: (typeof TabStopType)[keyof typeof TabStopType]; position: number; leader?: (typeof LeaderType)[keyof typeof LeaderType] }[] {
    const KIND = { left: TabStopType.LEFT, right: TabStopType.RIGHT, center: TabStopType.CENTER } as const;
    const LEAD = { none: LeaderType.NONE, dot: LeaderType.DOT, underscore: LeaderType.UNDERSCORE, hyphen: LeaderType.HYPHEN } as const;
    return spec.trim().split(/\s+/).map((stop) => {
      const [pos, kind = 'left', lead = 'none'] = stop.split(':');
      const position = pos === 'end' ? width : pos.endsWith('%') ? Math.round((width * parseFloat(pos)) / 100) : mmToTwips(parseFloat(pos));
      if (!(position > 0) || !(kind in KIND) || !(lead in LEAD)) throw new MarkupError(`layout markup: bad tab stop "${stop}" (want position:left|right|center:none|dot|underscore|hyphen)`);
      return { type: KIND[kind as keyof typeof KIND], position, ...(lead !== 'none' ? { leader: LEAD[lead as keyof typeof LEAD] } : {}) };
    });
  }

  table(node: MNode, ctx: Ctx): Table {
    const raw = (node.attrs.widths ?? '').trim().split(/[\s,]+/).filter(Boolean).map(Number);
    if (!raw.length || raw.some((w) => !(w > 0))) throw new MarkupError(`layout markup: <table> needs widths="…" in mm (got "${node.attrs.widths ?? ''}")`);
    const sum = raw.reduce((a, b) => a + b, 0);
    const cols = node.attrs.scale === 'fit'
      ? raw.map((w) => Math.floor((w / sum) * ctx.width))
      : raw.map(mmToTwips);
    const bordered = node.attrs.borders === 'single';
    const margin = bordered ? 85 : 0;
    const rowsEl = elements(node).filter((r) => r.name === 'row');
    const spans: number[] = cols.map(() => 0); // rows still covered by a row-span, per column
    const rows = rowsEl.map((r) => {
      let col = 0;
      const cells: TableCell[] = [];
      for (const c of elements(r).filter((x) => x.name === 'cell')) {
        while (spans[col] > 0) { spans[col]--; col++; }
        const colSpan = Number(c.attrs['col-span'] ?? 1);
        const rowSpan = Number(c.attrs['row-span'] ?? 1);
        const w = cols.slice(col, col + colSpan).reduce((a, b) => a + b, 0);
        for (let k = 0; k < colSpan; k++) spans[col + k] = rowSpan - 1;
        const inner = this.blocks(c, { ...ctx, width: w - 2 * margin });
        cells.push(new TableCell({
          width: { size: w, type: WidthType.DXA },
          margins: { top: bordered ? 40 : 0, bottom: bordered ? 40 : 0, left: margin, right: margin },
          verticalAlign: c.attrs.valign === 'center' ? VerticalAlignTable.CENTER : c.attrs.valign === 'bottom' ? VerticalAlignTable.BOTTOM : VerticalAlignTable.TOP,
          ...(colSpan > 1 ? { columnSpan: colSpan } : {}),
          ...(rowSpan > 1 ? { rowSpan } : {}),
          children: inner.length ? inner : [new Paragraph({ children: [] })],
        }));
        col += colSpan;
      }
      for (; col < spans.length; col++) if (spans[col] > 0) spans[col]--;
      return new TableRow({ children: cells, ...(r.attrs.header === 'true' ? { tableHeader: true } : {}), ...(r.attrs['cant-split'] === 'true' ? { cantSplit: true } : {}), ...rowHeight(r) });
    });
    const indent = node.attrs.indent ? mmToTwips(parseFloat(node.attrs.indent)) : 0;
    return new Table({
      width: { size: cols.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      ...(indent ? { indent: { size: indent, type: WidthType.DXA } } : {}),
      columnWidths: cols,
      layout: TableLayoutType.FIXED,
      borders: bordered ? (node.attrs['rule-pt'] ? allBorders(parseFloat(node.attrs['rule-pt'])) : ALL_BORDERS) : NO_BORDERS,
      rows,
    });
  }

  /** Block children of a container (section, cell, page-header). */
  blocks(container: MNode, ctx: Ctx): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [];
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
        case 'page-break': out.push(new Paragraph({ pageBreakBefore: true, children: [] })); prev.length = 0; break;
        case 'page-header': case 'page-footer': case 'footnote': break;
        default: throw new MarkupError(`layout markup: unknown element <${el.name}> in <${container.name}>`);
      }
    });
    return out;
  }

  section(node: MNode): ISectionOptions {
    const t = this.profile.trang;
    const landscape = node.attrs.orientation === 'landscape';
    const pageW = landscape ? t.cao : t.rong;
    const ctx: Ctx = { profile: this.profile, width: mmToTwips(pageW - t.le_trai - t.le_phai) };
    const headerEl = elements(node).find((e) => e.name === 'page-header');
    const titlePage = node.attrs['title-page'] === 'true';
    const header = () => new Header({ children: headerEl ? (this.blocks(headerEl, ctx) as Paragraph[]) : [new Paragraph({ children: [] })] });
    // the page number in the footer (trinh_bay.so_trang: chan_trang): page 1's footer empty, as its header
    const footerEl = elements(node).find((e) => e.name === 'page-footer');
    return {
      properties: {
        titlePage,
        page: {
          size: { width: mmToTwips(t.rong), height: mmToTwips(t.cao), orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: mmToTwips(t.le_tren), bottom: mmToTwips(t.le_duoi), left: mmToTwips(t.le_trai), right: mmToTwips(t.le_phai), header: mmToTwips(t.dau_trang), footer: mmToTwips(t.dau_trang) },
          ...(node.attrs['page-start'] ? { pageNumbers: { start: Number(node.attrs['page-start']) } } : {}),
        },
      },
      headers: { default: header(), ...(titlePage ? { first: new Header({ children: [new Paragraph({ children: [] })] }) } : {}) },
      ...(footerEl ? { footers: { default: new Footer({ children: this.blocks(footerEl, ctx) as Paragraph[] }), ...(titlePage ? { first: new Footer({ children: [new Paragraph({ children: [] })] }) } : {}) } } : {}),
      children: this.blocks(node, ctx),
    };
  }
}

/** Borders of a bordered table with rules of `pt` points (w:sz is in eighths of a point). */
function allBorders(pt: number) {
  if (!(pt > 0)) throw new MarkupError(`layout markup: <table rule-pt="${pt}"> must be a thickness in pt`);
  const line = { ...LINE, size: Math.round(pt * 8) };
  return { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
}

/** `<row height="mm" height-rule="exact|at-least">` → the row's height (default at-least: text may grow it). */
function rowHeight(r: MNode) {
  if (!r.attrs.height) return {};
  const value = mmToTwips(parseFloat(r.attrs.height));
  if (!(value > 0)) throw new MarkupError(`layout markup: <row height="${r.attrs.height}"> must be a length in mm`);
  return { height: { value, rule: r.attrs['height-rule'] === 'exact' ? HeightRule.EXACT : HeightRule.ATLEAST } };
}

function textOf(n: MNode): string {
  return n.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/**
 * Builds the docx Document from parsed markup (its metadata, docProps/core.xml, is written by the packer).
 * @param root the `<document>` element
 * @throws MarkupError on unknown elements or styles
 */
export function buildDocument(root: MNode, profile: LayoutProfile): Document {
  const b = new Builder(profile);
  b.collectFootnotes(root);
  const sections = elements(root).filter((e) => e.name === 'section').map((s) => b.section(s));
  if (!sections.length) throw new MarkupError('layout markup: <document> has no <section>');
  return new Document({
    ...documentStyles(profile),
    sections,
    ...(Object.keys(b.footnotes).length ? { footnotes: b.footnotes } : {}),
  });
}
