/**
 * A layout role's look (templates/<khoi>/layout.yaml `kieu:`) as run and paragraph options, in the units Word writes:
 * font size in half-points (pt × 2), spacing in twentieths of a point (pt × 20), indents in twips (1 mm = 1440/25.4
 * twips, rounded). One source for both writers: the named styles built through docx (styles.xml, src/render/docx.ts)
 * and the body written as WordprocessingML (src/render/wordml.ts). Plain objects with docx's option names and enum
 * strings, so that docx takes them as they are; this module does not load docx.
 */
import type { LayoutProfile, StyleSpec } from '../profile.js';
import { MarkupError } from './markup.js';

/** Millimetres to twips, rounded (docx's convertMillimetersToTwip floors: 210 mm would give 11905, not 11906). */
export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / 25.4);

/** Alignment of a layout role (`can`) as Word's w:jc value (docx's AlignmentType). */
export const ALIGN = { trai: 'left', giua: 'center', phai: 'right', deu: 'both' } as const;
export type Alignment = (typeof ALIGN)[keyof typeof ALIGN];

/** The four font slots of a run, all the profile's font (phong_chu). */
export interface RunFonts { ascii: string; hAnsi: string; cs: string; eastAsia: string }

/** Run options (docx IRunOptions names): size in half-points. */
export interface RunProps {
  style?: string;
  font?: RunFonts;
  size?: number;
  bold?: boolean;
  italics?: boolean;
  underline?: { type: 'single' | 'none' };
}

/** Paragraph options (docx IParagraphOptions names): spacing in twentieths of a point, indents in twips. */
export interface ParaProps {
  alignment: Alignment;
  spacing: { before: number; after: number; line: number; lineRule?: 'exact' | 'auto' };
  indent: { firstLine: number; left: number };
  keepNext?: boolean;
}

/**
 * The style of a layout role.
 * @throws MarkupError when the profile defines no such role
 */
export function styleOf(profile: LayoutProfile, role: string | undefined): StyleSpec {
  if (!role) return {};
  const s = profile.kieu[role];
  if (!s) throw new MarkupError(`layout markup: unknown style "${role}" (define it under "kieu" in layout.yaml)`);
  return s;
}

/** The profile's font in every slot (Times New Roman: NĐ 30/2020 Phụ lục I, mục I.3). */
export const fontsOf = (profile: LayoutProfile): RunFonts => {
  const f = profile.phong_chu;
  return { ascii: f, hAnsi: f, cs: f, eastAsia: f };
};

/** Run options of a style: the font, the size (default 14 pt → 28 half-points), bold, italics, underline. */
export function runOptions(s: StyleSpec, fonts: RunFonts): RunProps {
  return {
    font: fonts,
    size: Math.round((s.co ?? 14) * 2),
    ...(s.dam ? { bold: true } : {}),
    ...(s.nghieng ? { italics: true } : {}),
    ...(s.gach_chan ? { underline: { type: 'single' as const } } : {}),
  };
}

/**
 * Paragraph options of a style: alignment, spacing before/after (pt × 20), line spacing (a multiple of single as
 * 240ths, lineRule auto; or "Npt" exact, N × 20), first-line and left indents (mm → twips), keep-with-next.
 */
export function paragraphOptions(s: StyleSpec): ParaProps {
  const line = s.dong;
  const spacing: ParaProps['spacing'] =
    typeof line === 'string' && line.endsWith('pt')
      ? { before: 0, after: 0, line: Math.round(parseFloat(line) * 20), lineRule: 'exact' }
      : { before: 0, after: 0, line: Math.round(240 * (typeof line === 'number' ? line : 1)), lineRule: 'auto' };
  spacing.before = Math.round((s.truoc ?? 0) * 20);
  spacing.after = Math.round((s.sau ?? 0) * 20);
  return {
    alignment: ALIGN[s.can ?? 'trai'],
    spacing,
    indent: { firstLine: mmToTwips(s.thut_dau ?? 0), left: mmToTwips(s.thut_trai ?? 0) },
    ...(s.giu_voi_sau ? { keepNext: true } : {}),
  };
}

/** Style id of a layout role: the role itself ("than", "tieu_de_1"), stable and readable. */
export const styleId = (role: string): string => role;

/** 1–4 for the heading roles tieu_de_1..4 (Word's Heading 1–4, outline levels 0–3), else 0. */
export const headingLevel = (role: string): number => {
  const m = /^tieu_de_([1-4])$/.exec(role);
  return m ? Number(m[1]) : 0;
};
