/**
 * Bounds of the Word reader (issue 23, hostile files): what a number read from the XML may be, how much a package
 * may unpack to, how much text the document model keeps, and the two errors the reader throws for a file it
 * refuses (DocxLimitError) or cannot parse (DocxXmlError). Anything else thrown while reading is a bug of the
 * reader and stays an internal error.
 */

/** Levels of a list: 0–8. ECMA-376 Part 1 §17.9.6 allows any integer; MS-OI29500 §2.1.280: "Word will not load a file with ilvl less than 0 or greater than 8". */
export const MAX_ILVL = 8;
/**
 * Largest start value (w:start, w:startOverride) read: 32767. ECMA-376 Part 1 §17.9.25/§17.9.26 type it as
 * ST_DecimalNumber (any integer); Word keeps such values in 16 bits (MS-OI29500 §2.1.215 gives 0–32767 for the
 * analogous start of line numbering). A counter then grows by one per numbered paragraph.
 */
export const MAX_START = 32767;
/** Largest length in twips read (indents, spacing, page and column sizes): 31680 = 22 in, Word's largest page side. */
export const MAX_TWIPS = 31680;
/** Largest font size in half-points read: 3276 = 1638 pt, the largest size Word accepts (ECMA-376 ST_HpsMeasure has no bound). */
export const MAX_HALF_POINTS = 3276;

/**
 * Largest XML part read (unpacked bytes): 8 MB, some 50 times the largest real plan in the tests (152 KB of
 * word/document.xml, test/fixtures/realdocs), over a thousand pages of plain text. Parsing costs 30–40 times the
 * part's size in memory (measured: 20 MB of paragraphs → 0.6 GB, one 20 MB run → 0.85 GB), so this bounds the
 * reader's memory (~0.35 GB for one part at worst).
 */
export const MAX_PART_BYTES = 8 * 1024 * 1024;
/** Largest total of the XML parts read (unpacked bytes): 16 MB. */
export const MAX_XML_BYTES = 16 * 1024 * 1024;
/** Largest text the document model keeps (characters over every paragraph, footnotes counted at each reference): 4 million. */
export const MAX_TEXT_CHARS = 4_000_000;
/** Largest paragraph (characters): 1 million (a plan's longest paragraph is a few thousand). */
export const MAX_PARA_CHARS = 1_000_000;
/**
 * Deepest element nesting read: 100 levels, fast-xml-parser's default maxNestedTags, set explicitly (a Word body
 * is some 10–20 deep; tables nested in cells add 4 each).
 */
export const MAX_DEPTH = 100;
/**
 * Bytes an entry may inflate beyond the size its ZIP headers declare (APPNOTE §4.4.9: the exact uncompressed size)
 * before it is refused as lying: 1 KB of tolerance for a sloppy writer; inflating stops there.
 */
export const INFLATE_SLACK = 1024;

/** What a refused document went over. */
export type LimitKind = 'text' | 'para' | 'part' | 'xml' | 'depth' | 'size-lie';

/** A document over one of the bounds above: the caller turns it into a message at the file (exit 1). */
export class DocxLimitError extends Error {
  constructor(readonly kind: LimitKind, readonly limit: number, readonly part = '') {
    super(`${kind} over ${limit}${part ? ` in ${part}` : ''}`);
    this.name = 'DocxLimitError';
  }
}

/** A part that is not well-formed XML (or not WordprocessingML where one is required): the user's broken file. */
export class DocxXmlError extends Error {
  constructor(message: string, readonly part = '') {
    super(message);
    this.name = 'DocxXmlError';
  }
}

/**
 * A decimal attribute within [min, max], or undefined when absent, not an integer or out of range (such a value
 * is read as not set, as if the attribute were missing; Word itself refuses to open most such files).
 */
export function intIn(s: string | undefined, min: number, max: number): number | undefined {
  if (s === undefined || !/^\s*[-+]?\d{1,15}(?:\.\d*)?\s*$/.test(s)) return undefined;
  const n = Number(s);
  return n >= min && n <= max ? n : undefined;
}
