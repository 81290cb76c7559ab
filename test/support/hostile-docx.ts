/**
 * Generators of hostile .docx packages (issue 23): small files that are built here, not committed as binaries.
 * Each returns the bytes of a whole package (test/docx-build.ts's makeDocx, or a hand-made ZIP where the ZIP itself
 * must lie). Sizes given are those of the produced file.
 */
import { zipSync, unzipSync, strToU8 } from 'fflate';
import { deflateRawSync, constants } from 'node:zlib';
import { makeDocx, statePlan, p, r } from '../docx-build.js';

/** A numbering part with one abstract list of the given level attributes, and its w:num 1. */
function numbering(lvl: { ilvl: string; start: string; fmt: string; text: string }, override = ''): string {
  return `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="${lvl.ilvl}"><w:start w:val="${lvl.start}"/><w:numFmt w:val="${lvl.fmt}"/><w:lvlText w:val="${lvl.text}"/></w:lvl></w:abstractNum>`
    + `<w:num w:numId="1"><w:abstractNumId w:val="0"/>${override}</w:num>`;
}

/** ~1.1 KB: a list level and a paragraph at w:ilvl="1000000000" (Word refuses to load ilvl outside 0–8). */
export function hugeIlvl(ilvl = '1000000000'): Uint8Array {
  return makeDocx({
    numbering: numbering({ ilvl, start: '1', fmt: 'decimal', text: '%1.' }),
    body: `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>${r('Mục tiêu')}</w:p>`,
  });
}

/** A Roman (or other format) list starting at `start` ("Infinity", "1e15", "-5", "abc" …), two items. */
export function hugeStart(start = 'Infinity', fmt = 'upperRoman', override = ''): Uint8Array {
  return makeDocx({
    numbering: numbering({ ilvl: '0', start, fmt, text: '%1.' }, override),
    body: p('MỤC ĐÍCH', { num: [1, 0] }) + p('YÊU CẦU', { num: [1, 0] }),
  });
}

/** A plan whose body holds one run of `chars` characters (~190 KB compressed for 190 MB of "a"). */
export function hugeRun(chars: number): Uint8Array {
  return makeDocx({ body: statePlan({ body: `<w:p><w:r><w:t>${'a'.repeat(chars)}</w:t></w:r></w:p>` }) });
}

/** A plan whose body holds `count` paragraphs of `chars` characters each. */
export function manyParas(count: number, chars: number): Uint8Array {
  const one = p(`${'Nội dung kế hoạch '.repeat(Math.ceil(chars / 18)).slice(0, chars)}`);
  return makeDocx({ body: statePlan({ body: one.repeat(count) }) });
}

/**
 * A package whose word/document.xml declares `declared` bytes in both headers but inflates to `actual` bytes
 * (a lying ZIP): the real document is padded with an XML comment to `actual` bytes.
 */
export function lyingSize(actual: number, declared: number): Uint8Array {
  const honest = makeDocx({ body: statePlan() });
  // Rebuild with a padded document, then patch the declared uncompressed size of word/document.xml.
  const pad = (xml: string) => xml.replace('<w:body>', `<w:body><!--${' '.repeat(Math.max(0, actual - xml.length - 7))}-->`);
  const files = unzipSync(honest);
  files['word/document.xml'] = strToU8(pad(new TextDecoder().decode(files['word/document.xml'])));
  const zip = zipSync(files);
  return patchSize(zip, 'word/document.xml', declared);
}

/** Sets the uncompressed size of one entry in its local header and central directory record. */
function patchSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  const at = (o: number) => nameBytes.every((b, i) => out[o + i] === b);
  for (let o = 0; o + 4 < out.length; o++) {
    const sig = dv.getUint32(o, true);
    if (sig === 0x04034b50 && dv.getUint16(o + 26, true) === nameBytes.length && at(o + 30)) dv.setUint32(o + 22, size, true);
    if (sig === 0x02014b50 && dv.getUint16(o + 28, true) === nameBytes.length && at(o + 46)) dv.setUint32(o + 24, size, true);
  }
  return out;
}

/**
 * A package whose word/document.xml declares `declared` bytes but inflates to `mb` MB (a time bomb: ~1 KB of file
 * for each MB). The stream is one fully flushed deflate chunk of 1 MB of spaces repeated (each chunk is then
 * independent and byte-aligned), ended by an empty final block; the other parts come from a small honest plan.
 */
export function deflateBomb(mb: number, declared = 1000): Uint8Array {
  const chunk = deflateRawSync(Buffer.alloc(1 << 20, 0x20), { finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  const stream = Buffer.concat([...Array.from({ length: mb }, () => chunk), end]);
  const files = unzipSync(makeDocx({ body: statePlan() }));
  delete files['word/document.xml'];
  return writeZip([...Object.entries(files).map(([name, data]) => ({ name, data, method: 0, size: data.length })), { name: 'word/document.xml', data: stream, method: 8, size: declared }]);
}

/** A minimal ZIP writer (APPNOTE §4.3): entries as given (bytes already compressed for method 8), sizes as given, CRC 0. */
function writeZip(entries: { name: string; data: Uint8Array; method: number; size: number }[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x800, 6); local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18); local.writeUInt32LE(e.size, 22); local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0); cd.writeUInt16LE(20, 4); cd.writeUInt16LE(20, 6); cd.writeUInt16LE(0x800, 8); cd.writeUInt16LE(e.method, 10);
    cd.writeUInt32LE(e.data.length, 20); cd.writeUInt32LE(e.size, 24); cd.writeUInt16LE(name.length, 28); cd.writeUInt32LE(offset, 42);
    parts.push(local, name, Buffer.from(e.data));
    central.push(cd, name);
    offset += 30 + name.length + e.data.length;
  }
  const cdBytes = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0); eocd.writeUInt16LE(entries.length, 8); eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdBytes.length, 12); eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cdBytes, eocd]));
}
