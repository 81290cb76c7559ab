/**
 * The docx-object builder the renderer used before the body was written as WordprocessingML directly (issue 11):
 * kept as the test oracle of src/render/wordml.ts, which must write the same XML byte for byte (test/wordml.test.ts).
 * Not used by the tool. Its units and sources are those of src/render/wordml.ts.
 */
import {
  AlignmentType, BorderStyle, Document, FootnoteReference, Header, HeightRule, LeaderType, LineRuleType, PageNumber, PageOrientation, Paragraph,
  Tab, TabStopType, Table, TableCell, TableLayoutType, TableRow, TextRun, UnderlineType, VerticalAlignTable, WidthType,
  type IParagraphOptions, type IParagraphStyleOptions, type IRunOptions, type ISectionOptions, type ParagraphChild,
} from 'docx';
import type { LayoutProfile, StyleSpec } from '../../src/profile.js';
import { elements, MarkupError, type MNode } from '../../src/render/markup.js';
import { inlineSpans, plainText } from '../../src/render/inline.js';
import { textWidthTwips } from '../../src/render/measure.js';

/** Millimetres to twips, rounded (docx's convertMillimetersToTwip floors: 210 mm would give 11905, not 11906). */
export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / 25.4);

const ALIGN = { trai: AlignmentType.LEFT, giua: AlignmentType.CENTER, phai: AlignmentType.RIGHT, deu: AlignmentType.JUSTIFIED } as const;
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

  style(role: string | undefined): StyleSpec {
    if (!role) return {};
    const s = this.profile.kieu[role];
    if (!s) throw new MarkupError(`layout markup: unknown style "${role}" (define it under "kieu" in layout.yaml)`);
    return s;
  }

  font(): IRunOptions['font'] {
    const f = this.profile.phong_chu;
    return { ascii: f, hAnsi: f, cs: f, eastAsia: f };
  }

  runOptions(s: StyleSpec): IRunOptions {
    return {
      font: this.font(),
      size: Math.round((s.co ?? 14) * 2),
      ...(s.dam ? { bold: true } : {}),
      ...(s.nghieng ? { italics: true } : {}),
      ...(s.gach_chan ? { underline: { type: UnderlineType.SINGLE } } : {}),
    };
  }

  paragraphOptions(s: StyleSpec): IParagraphOptions {
    const line = s.dong;
    const spacing: { before: number; after: number; line: number; lineRule?: (typeof LineRuleType)[keyof typeof LineRuleType] } =
      typeof line === 'string' && line.endsWith('pt')
        ? { before: 0, after: 0, line: Math.round(parseFloat(line) * 20), lineRule: LineRuleType.EXACT }
        : { before: 0, after: 0, line: Math.round(240 * (typeof line === 'number' ? line : 1)), lineRule: LineRuleType.AUTO };
    spacing.before = Math.round((s.truoc ?? 0) * 20);
    spacing.after = Math.round((s.sau ?? 0) * 20);
    return {
      alignment: ALIGN[s.can ?? 'trai'],
      spacing,
      indent: { firstLine: mmToTwips(s.thut_dau ?? 0), left: mmToTwips(s.thut_trai ?? 0) },
      ...(s.giu_voi_sau ? { keepNext: true } : {}),
    };
  }

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
    return { ...rest, ...(size !== Math.round((para.co ?? 14) * 2) ? { size } : {}) };
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
    if (node.attrs.align in ALIGN && node.attrs.align !== (s.can ?? 'trai')) Object.assign(opts, { alignment: ALIGN[node.attrs.align as keyof typeof ALIGN] });
    const children: ParagraphChild[] = [];
    const underline = node.attrs.underline === 'true' ? { underline: { type: UnderlineType.SINGLE } } : {};
    // Runs inherit the style's font, size, bold and italics; only inline marks, <span>s and underline add run formatting.
    this.runs(node, { ...(role ? {} : this.runOptions(s)), ...underline }, children, { v: true }, role ? s : undefined);
    // An empty paragraph still needs its size, so that spacer lines have the style's height (the style gives it).
    return new Paragraph({ ...opts, children, ...(role ? {} : { run: this.runOptions(s) }) });
  }

  /**
   * One named paragraph style per layout role (templates/<khoi>/layout.yaml `kieu:`), id and name = the role
   * (e.g. "than", "noi_nhan"). A role inheriting another (ke_thua) is based on it and states only what differs, so
   * changing "than" once changes every body-like paragraph. The headings tieu_de_1..4 are based on Word's
   * Heading 1–4 (themselves based on the role tieu_de_N inherits, usually "than") and carry w:outlineLvl 0–3, so
   * they appear in Word's navigation pane. Units as in runOptions / paragraphOptions.
   */
  paragraphStyles(): IParagraphStyleOptions[] {
    const kieu = this.profile.kieu;
    return Object.keys(kieu).map((role) => {
      const s = kieu[role];
      const level = headingLevel(role);
      const parent = s.ke_thua && kieu[s.ke_thua] ? s.ke_thua : undefined;
      // A heading's Word Heading N is based on the role it inherits, so it differs from that role only.
      const base = parent ? kieu[parent] : undefined;
      const { run, paragraph } = this.styleDiff(s, base);
      return {
        id: styleId(role),
        name: role,
        basedOn: level ? `Heading${level}` : parent ? styleId(parent) : 'Normal',
        next: level && kieu.than ? styleId('than') : styleId(role),
        ...(level || role === 'than' ? { quickFormat: true } : {}),
        run,
        paragraph: { ...paragraph, ...(level ? { outlineLevel: level - 1 } : {}) } as IParagraphStyleOptions['paragraph'],
      };
    });
  }

  /** The run and paragraph options of `s` that differ from `base` (all of them without a base). */
  private styleDiff(s: StyleSpec, base?: StyleSpec): { run: IRunOptions; paragraph: IParagraphOptions } {
    const differs = (k: keyof StyleSpec) => !base || (s[k] ?? null) !== (base[k] ?? null);
    const { font: _font, ...full } = this.runOptions(s);
    const run: Record<string, unknown> = {};
    if (differs('co')) run.size = full.size;
    if (differs('dam')) run.bold = !!s.dam;
    if (differs('nghieng')) run.italics = !!s.nghieng;
    if (differs('gach_chan')) run.underline = s.gach_chan ? full.underline : { type: UnderlineType.NONE };
    if (!base) { if (!s.dam) delete run.bold; if (!s.nghieng) delete run.italics; if (!s.gach_chan) delete run.underline; }
    const p = this.paragraphOptions(s);
    const paragraph: Record<string, unknown> = {};
    if (differs('can')) paragraph.alignment = p.alignment;
    const spacing: Record<string, unknown> = {};
    if (!base || differs('truoc')) spacing.before = p.spacing!.before;
    if (!base || differs('sau')) spacing.after = p.spacing!.after;
    if (!base || differs('dong')) Object.assign(spacing, { line: p.spacing!.line, lineRule: p.spacing!.lineRule });
    if (Object.keys(spacing).length) paragraph.spacing = spacing;
    const indent: Record<string, unknown> = {};
    if (!base || differs('thut_dau')) indent.firstLine = (p.indent as { firstLine: number }).firstLine;
    if (!base || differs('thut_trai')) indent.left = (p.indent as { left: number }).left;
    if (Object.keys(indent).length) paragraph.indent = indent;
    if (differs('giu_voi_sau') && (base || s.giu_voi_sau)) paragraph.keepNext = !!s.giu_voi_sau;
    return { run: run as IRunOptions, paragraph: paragraph as IParagraphOptions };
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
        case 'page-header': case 'footnote': break;
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

/** Style id of a layout role: the role itself ("than", "tieu_de_1"), stable and readable. */
export const styleId = (role: string): string => role;

/** 1–4 for the heading roles tieu_de_1..4 (Word's Heading 1–4, outline levels 0–3), else 0. */
const headingLevel = (role: string): number => {
  const m = /^tieu_de_([1-4])$/.exec(role);
  return m ? Number(m[1]) : 0;
};

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
  const f = profile.phong_chu;
  const font = { ascii: f, hAnsi: f, cs: f, eastAsia: f };
  // Word's Heading 1–4: based on the role the family's tieu_de_N inherits (usually "than"), plus the outline level;
  // the tieu_de_N styles are based on them and add their own look. Black, as Word's own headings are blue.
  const heading = (level: number) => {
    const parent = profile.kieu[`tieu_de_${level}`]?.ke_thua;
    const basedOn = parent && profile.kieu[parent] ? styleId(parent) : 'Normal';
    return { basedOn, next: basedOn, run: { color: '000000' }, paragraph: { outlineLevel: level - 1 } };
  };
  return new Document({
    theme: { fonts: { headings: f, body: f } },
    styles: {
      default: {
        document: {
          run: { font, size: 28, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0, line: 240 } },
        },
        heading1: heading(1), heading2: heading(2), heading3: heading(3), heading4: heading(4),
      },
      paragraphStyles: b.paragraphStyles(),
    },
    sections,
    ...(Object.keys(b.footnotes).length ? { footnotes: b.footnotes } : {}),
  });
}
