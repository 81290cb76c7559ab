/**
 * Packs a docx Document into bytes that depend only on the input. docx stamps docProps/core.xml with the clock
 * and the ZIP entries with the current time: core.xml is supplied through Packer's `overrides` with a fixed date,
 * and the DOS time/date fields of every ZIP header are set to 1980-01-01 00:00 in place (no recompression).
 */
import { Packer, type Document } from 'docx';

/** Metadata written to docProps/core.xml. */
export interface CoreProperties { title: string; subject: string; creator: string; description: string }

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** docProps/core.xml with a fixed date (ISO 8601, e.g. the issue date). */
export function coreXml(p: CoreProperties, date: string): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    + `<dc:title>${esc(p.title)}</dc:title><dc:subject>${esc(p.subject)}</dc:subject><dc:creator>${esc(p.creator)}</dc:creator>`
    + `<dc:description>${esc(p.description)}</dc:description><cp:lastModifiedBy>${esc(p.creator)}</cp:lastModifiedBy><cp:revision>1</cp:revision>`
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>`
    + '</cp:coreProperties>';
}

/**
 * Sets every entry's DOS modification time to 1980-01-01 00:00 (time 0x0000, date 0x0021), in the local headers
 * and the central directory, leaving the compressed data and CRCs as they are.
 * @throws Error when the bytes are not a ZIP archive with an end-of-central-directory record
 */
export function fixZipTimes(zip: Uint8Array): Uint8Array {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) if (v.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new Error('not a ZIP archive');
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  for (let n = 0; n < count; n++) {
    if (v.getUint32(p, true) !== 0x02014b50) throw new Error('bad ZIP central directory');
    v.setUint16(p + 12, 0, true);
    v.setUint16(p + 14, 0x21, true);
    const local = v.getUint32(p + 42, true);
    v.setUint16(local + 10, 0, true);
    v.setUint16(local + 12, 0x21, true);
    p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return zip;
}

/**
 * Serialises the document deterministically.
 * @param date ISO timestamp written as dcterms:created/modified (e.g. the issue date)
 * @returns the .docx bytes; the same document, metadata and date always give the same bytes
 */
export async function packDeterministic(doc: Document, props: CoreProperties, date: string): Promise<Buffer> {
  const raw = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml(props, date) }]);
  return Buffer.from(fixZipTimes(new Uint8Array(raw)));
}
