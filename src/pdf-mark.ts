/**
 * kehoach's mark in a PDF (issue 19, "never a lost original"): the Info dictionary's /Producer becomes
 * `kehoach/<version> + <LibreOffice's own producer>`, written as an incremental update (ISO 32000-1 §7.5.6: the
 * changed Info object, an xref section for it and a trailer whose /Prev names the original cross-reference table are
 * appended; the bytes LibreOffice wrote are kept as they are). src/own-output.ts then replaces a PDF only when its
 * Producer starts with `kehoach/`, so a PDF exported by hand from Word or LibreOffice is never taken for kehoach's.
 */

/** The end of a PDF searched for its trailer (LibreOffice writes a classic `trailer` dictionary and `startxref`). */
const TAIL = 4096;

/** A PDF string's text: (literal) with its escapes, or <hex> (UTF-16BE with a byte order mark, else Latin-1). */
export function pdfStringText(raw: string): string {
  if (raw.startsWith('<')) {
    const hex = Buffer.from(raw.slice(1, -1).replace(/\s/g, ''), 'hex');
    return hex[0] === 0xfe && hex[1] === 0xff ? Buffer.from(hex.subarray(2)).swap16().toString('utf16le') : hex.toString('latin1');
  }
  return raw.slice(1, -1).replace(/\\(.)/g, '$1');
}

/** A PDF string token: `(literal)` with escapes, or `<hex>`. */
export const PDF_STRING = String.raw`(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))`;

/** An ASCII text as a PDF literal string (parentheses and backslashes escaped; other bytes dropped). */
const literal = (s: string) => `(${s.replace(/[^\x20-\x7e]/g, '').replace(/[\\()]/g, (c) => `\\${c}`)})`;

/**
 * Sets the PDF's /Producer to `mark` followed by the producer it had ("kehoach/0.1.0 + LibreOffice 7.4").
 * @param pdf a PDF with a classic cross-reference table and trailer, as LibreOffice writes it
 * @param mark the application mark (src/version.ts applicationMark)
 * @returns the PDF with the update appended, or undefined when its trailer or Info object is not where a classic PDF
 *   has them (a cross-reference stream, no /Info): the caller keeps the PDF unmarked
 */
export function markPdf(pdf: Buffer, mark: string): Buffer | undefined {
  const tail = pdf.subarray(Math.max(0, pdf.length - TAIL)).toString('latin1');
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const at = tail.lastIndexOf('trailer');
  if (!sx || at < 0 || at > sx.index) return undefined;
  const trailer = tail.slice(at, sx.index);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer);
  const info = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  const id = /\/ID\s*\[[^\]]*\]/.exec(trailer);
  if (!size || !root || !info) return undefined;
  const text = pdf.toString('latin1');
  const head = new RegExp(String.raw`(?:^|[\r\n])${info[1]}\s+${info[2]}\s+obj\b`, 'g');
  let objAt = -1;
  for (let m; (m = head.exec(text)); ) objAt = m.index + m[0].length;
  if (objAt < 0) return undefined;
  const end = text.indexOf('endobj', objAt);
  const open = text.indexOf('<<', objAt);
  const close = text.lastIndexOf('>>', end);
  if (end < 0 || open < 0 || close < open) return undefined;
  let dict = text.slice(open + 2, close);
  const old = new RegExp(String.raw`/Producer\s*${PDF_STRING}`).exec(dict);
  const producer = old ? `${mark} + ${pdfStringText(old[1])}` : mark;
  if (old) dict = dict.slice(0, old.index) + dict.slice(old.index + old[0].length);
  const object = `\n${info[1]} ${info[2]} obj\n<<${dict.replace(/\s+$/, '')}\n/Producer ${literal(producer)}>>\nendobj\n`;
  const objectOffset = pdf.length + 1; // after the leading newline
  const xrefOffset = pdf.length + Buffer.byteLength(object, 'latin1');
  const update = object
    + `xref\n${info[1]} 1\n${String(objectOffset).padStart(10, '0')} ${info[2].padStart(5, '0')} n\r\n`
    + `trailer\n<</Size ${size[1]}/Root ${root[1]}/Info ${info[1]} ${info[2]} R${id ? id[0] : ''}/Prev ${sx[1]}>>\n`
    + `startxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

/**
 * The /Producer of a PDF's Info dictionary, read from its last `limit` bytes (an incremental update puts the newest
 * Info object at the end), or '' when none is found there.
 */
export function pdfProducer(tail: string): string {
  let last = '';
  const re = new RegExp(String.raw`/Producer\s*${PDF_STRING}`, 'g');
  for (let m; (m = re.exec(tail)); ) last = pdfStringText(m[1]);
  return last;
}
