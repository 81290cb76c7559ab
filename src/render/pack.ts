/**
 * Packs a docx Document into bytes that depend only on the input: docx stamps docProps/core.xml with the
 * clock and the ZIP entries with the current time, so both are rewritten with a fixed date.
 */
import { Packer, type Document } from 'docx';
import { unzipSync, zipSync, strFromU8, strToU8, type Zippable } from 'fflate';

/**
 * Serialises the document deterministically.
 * @param documentDate ISO timestamp written as dcterms:created/modified (e.g. the issue date)
 * @returns the .docx bytes; the same document and date always give the same bytes
 */
export async function packDeterministic(doc: Document, documentDate: string): Promise<Buffer> {
  const raw = await Packer.toBuffer(doc);
  const files = unzipSync(new Uint8Array(raw));
  const core = files['docProps/core.xml'];
  if (core) {
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${documentDate}$3`),
    );
  }
  // DOS time is local wall-clock time: a Date built from local components gives the same bytes in any time zone.
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { mtime, level: 6 }];
  return Buffer.from(zipSync(zippable));
}
