/**
 * Stage 5b: the package around the body, assembled by docx (issue 11's seam: docx still writes every part but the
 * body's blocks, src/render/wordml.ts): the named paragraph styles, Word's headings, the theme and defaults, the
 * sections' page setup and headers, and the footnotes, each header's and note's content left as a placeholder
 * paragraph that src/render/package.ts replaces with the XML wordml.ts wrote.
 * Sizes come from the family's layout profile (templates/<khoi>/layout.yaml) through src/render/props.ts:
 * pt → half-points for fonts, pt → twentieths for spacing, mm → twips.
 */
import { Document, Footer, Header, Paragraph, TextRun, UnderlineType, type IParagraphOptions, type IParagraphStyleOptions, type IPropertiesOptions, type IRunOptions } from 'docx';
import type { LayoutProfile, StyleSpec } from '../profile.js';
import { fontsOf, headingLevel, paragraphOptions, runOptions, styleId } from './props.js';
import { placeholder, type SectionProps } from './wordml.js';

const slot = (tag: string) => new Paragraph({ children: [new TextRun(placeholder(tag))] });

class Styles {
  constructor(private readonly profile: LayoutProfile) {}

  /**
   * One named paragraph style per layout role (templates/<khoi>/layout.yaml `kieu:`): its id (w:styleId) is the role
   * ("than", "noi_nhan"), its name (w:name, what Word's style pane shows) the role's `ten` ("Thân văn bản"), else the
   * role. A role inheriting another (ke_thua) is based on it and states only what differs, so
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
        name: s.ten ?? role,
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
    const { font: _font, ...full } = runOptions(s, fontsOf(this.profile));
    const run: Record<string, unknown> = {};
    if (differs('co')) run.size = full.size;
    if (differs('dam')) run.bold = !!s.dam;
    if (differs('nghieng')) run.italics = !!s.nghieng;
    if (differs('gach_chan')) run.underline = s.gach_chan ? full.underline : { type: UnderlineType.NONE };
    if (!base) { if (!s.dam) delete run.bold; if (!s.nghieng) delete run.italics; if (!s.gach_chan) delete run.underline; }
    const p = paragraphOptions(s);
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

}

/** The shape of a package: what docx must know to write every part but the blocks. */
export interface PackageShape {
  sections: SectionProps[];
  /** Number of footnotes (ids 1 … n). */
  footnotes: number;
}

/**
 * The document-wide options of a family: the theme's fonts, the defaults (the profile's font at 14 pt, vi-VN, single
 * spacing), Word's Heading 1–4 and one named paragraph style per layout role (Styles.paragraphStyles).
 */
export function documentStyles(profile: LayoutProfile): Pick<IPropertiesOptions, 'theme' | 'styles'> {
  const f = profile.phong_chu;
  const font = fontsOf(profile);
  // Word's Heading 1–4: based on the role the family's tieu_de_N inherits (usually "than"), plus the outline level;
  // the tieu_de_N styles are based on them and add their own look. Black, as Word's own headings are blue.
  const heading = (level: number) => {
    const parent = profile.kieu[`tieu_de_${level}`]?.ke_thua;
    const basedOn = parent && profile.kieu[parent] ? styleId(parent) : 'Normal';
    return { basedOn, next: basedOn, run: { color: '000000' }, paragraph: { outlineLevel: level - 1 } };
  };
  return {
    theme: { fonts: { headings: f, body: f } },
    styles: {
      default: {
        document: {
          run: { font, size: 28, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0, line: 240 } },
        },
        heading1: heading(1), heading2: heading(2), heading3: heading(3), heading4: heading(4),
      },
      paragraphStyles: new Styles(profile).paragraphStyles(),
    },
  };
}

/**
 * The docx Document of a package with placeholders: section i's header holds the placeholder "H<i>", its footer
 * (when the section has one) "P<i>", and its body "S<i>" (the body is written by wordml.ts; only the sections'
 * properties docx writes are kept), note n holds "F<n>".
 * A section with title-page set has an empty first-page header (no page number on page 1: NĐ 30/2020 Phụ lục I,
 * mục II.10).
 */
export function skeletonDocument(profile: LayoutProfile, shape: PackageShape): Document {
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (let id = 1; id <= shape.footnotes; id++) footnotes[id] = { children: [slot(`F${id}`)] };
  return new Document({
    ...documentStyles(profile),
    sections: shape.sections.map(({ footer, ...properties }, i) => ({
      properties: properties as never,
      headers: { default: new Header({ children: [slot(`H${i}`)] }), ...(properties.titlePage ? { first: new Header({ children: [new Paragraph({ children: [] })] }) } : {}) },
      // A footer (the page number there: trinh_bay.so_trang) holds "P<i>"; with title-page set, page 1's is empty.
      ...(footer ? { footers: { default: new Footer({ children: [slot(`P${i}`)] }), ...(properties.titlePage ? { first: new Footer({ children: [new Paragraph({ children: [] })] }) } : {}) } } : {}),
      children: [slot(`S${i}`)],
    })),
    ...(shape.footnotes ? { footnotes } : {}),
  });
}
