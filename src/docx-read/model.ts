/**
 * The document model every Word reader produces (.docx, .doc through LibreOffice, .txt): paragraphs with their
 * runs and resolved formatting, tables, sections, header/footer parts and footnotes. Import and check both read
 * this one model (as pandoc's readers feed one AST).
 *
 * Units: sizes in half-points (w:sz, 28 = 14 pt), lengths in twips (1/20 pt; 567 = 1 cm).
 */

/** Resolved run formatting (docDefaults → paragraph style → character style → direct formatting). */
export interface RunFormat {
  /** Font per slot (w:rFonts ascii, hAnsi, cs, eastAsia), theme fonts resolved; undefined when nothing sets it. */
  fonts: { ascii?: string; hAnsi?: string; cs?: string; eastAsia?: string };
  /** Size in half-points. */
  size?: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

/**
 * A run of text. A footnote reference is an empty run carrying `note`: the note's number in the body's reading
 * order (1, 2 …) and its text (paragraphs joined by newlines).
 */
export interface Run { text: string; format: RunFormat; note?: { n: number; text: string } }

/** One paragraph. `index` is its 1-based number in reading order over the body (table cells, content controls and text boxes included: a text box's paragraphs come just before its anchor paragraph). */
export interface Para {
  kind: 'p';
  index: number;
  style?: string;
  /** The list label Word computes for automatic numbering ("1.", "a)", "-"), when the paragraph has one. */
  label?: string;
  /** Text of the runs (tabs as "\t", line breaks as "\n"), without the list label. */
  text: string;
  runs: Run[];
  align?: 'left' | 'center' | 'right' | 'both';
  /** Indents, twips. */
  indent: { left: number; firstLine: number };
  /** Spacing: before/after in twips (1/20 pt); line in 240ths of a line (auto) or twips (exact/atLeast). */
  spacing: { before: number; after: number; line?: number; lineRule?: string };
  /** The paragraph has a bottom (or top) border: how Word and kehoach draw the short rules under headings. */
  border: { top: boolean; bottom: boolean };
  /** Field codes in the paragraph ("PAGE", "NUMPAGES"). */
  fields: string[];
  /** Text of footnotes referenced from this paragraph. */
  footnotes: string[];
  /** Set for paragraphs inside a table. */
  cell?: { table: number; row: number; col: number };
  /** Drawn shapes or images anchored here (lines drawn as shapes count as rules). */
  drawings: number;
  /**
   * Plain text only: the spaces typed before the line's text (a tab counts 8). A signature typed in the right-hand
   * column of a text file stands far to the right of the Nơi nhận beside it (src/import/closing.ts).
   */
  lead?: number;
}

export interface Cell { width?: number; paras: Para[] }
/** A table; `heights`: each row's height (w:trHeight), twips, when some row sets one. */
export interface Table { kind: 'tbl'; index: number; widths: number[]; rows: Cell[][]; borders: boolean; heights?: (number | undefined)[] }
export type Block = Para | Table;

/** Page setup of one section, twips. */
export interface Section {
  pageWidth?: number; pageHeight?: number;
  margins: { top?: number; bottom?: number; left?: number; right?: number; header?: number; footer?: number };
  /** Header/footer parts by type (default, first, even) → part name. */
  headers: Record<string, string>;
  footers: Record<string, string>;
  titlePage: boolean;
}

export interface DocModel {
  /** What the model was read from: docx, doc (converted), txt. */
  source: 'docx' | 'doc' | 'txt' | 'htm';
  body: Block[];
  sections: Section[];
  /** Paragraphs of header and footer parts, by part name. */
  parts: Record<string, Para[]>;
  footnotes: string[];
}

/** Every paragraph of the body in reading order (table cells row by row). */
export function paragraphs(doc: DocModel): Para[] {
  const out: Para[] = [];
  for (const b of doc.body) {
    if (b.kind === 'p') out.push(b);
    else for (const row of b.rows) for (const c of row) out.push(...c.paras);
  }
  return out;
}

/** The text of a paragraph as read: list label, a space, then the text. */
export const fullText = (p: Para): string => (p.label ? `${p.label} ${p.text}` : p.text);
