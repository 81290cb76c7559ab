/**
 * A bounded reader of the ZIP package of a .docx (PKWARE APPNOTE 6.3.x, §4.3): lists the entries from the central
 * directory, and inflates an entry never past the size its headers declare (plus a small slack). fflate's
 * unzipSync hands the whole compressed stream to inflateSync with an output buffer of the declared size: an entry
 * that declares 1 KB but holds 1 GB is decoded to the end (the bytes past the buffer are dropped, the time is
 * spent: ~10 ms a MB of real output, so ~10 s for each MB of a file made of such an entry). Here node's zlib stops
 * at `maxOutputLength` instead.
 */
import { inflateRawSync } from 'node:zlib';
import { DocxLimitError, INFLATE_SLACK } from './limits.js';

/** One entry of the central directory. Sizes in bytes as declared; `offset` of its local header. */
export interface ZipEntry { name: string; method: number; compressedSize: number; size: number; offset: number }

/** A package that is not a readable ZIP (the user's damaged file). */
export class ZipError extends Error {
  constructor(message: string) { super(message); this.name = 'ZipError'; }
}

const u16 = (d: Uint8Array, o: number) => d[o] | (d[o + 1] << 8);
const u32 = (d: Uint8Array, o: number) => (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24)) >>> 0;
const u64 = (d: Uint8Array, o: number) => u32(d, o) + u32(d, o + 4) * 2 ** 32;
const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/**
 * The entries of a ZIP package, in central-directory order (ZIP64 sizes and offsets read from the 0x0001 extra).
 * @throws ZipError when no end-of-central-directory record is found or a record lies outside the data
 */
export function zipEntries(data: Uint8Array): ZipEntry[] {
  let e = data.length - 22;
  const stop = Math.max(0, data.length - 22 - 0xffff);
  while (e >= stop && u32(data, e) !== 0x06054b50) e--;
  if (e < stop) throw new ZipError('no end of central directory');
  let count = u16(data, e + 10);
  let o = u32(data, e + 16);
  if (e >= 20 && u32(data, e - 20) === 0x07064b50) {
    const z = u64(data, e - 12);
    if (z + 56 <= data.length && u32(data, z) === 0x06064b50) { count = u64(data, z + 32); o = u64(data, z + 48); }
  }
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (o + 46 > data.length || u32(data, o) !== 0x02014b50) throw new ZipError('invalid central directory');
    const flags = u16(data, o + 8);
    const nl = u16(data, o + 28), el = u16(data, o + 30), cl = u16(data, o + 32);
    let compressedSize = u32(data, o + 20), size = u32(data, o + 24), offset = u32(data, o + 42);
    const name = (flags & 0x800 ? utf8 : latin1).decode(data.subarray(o + 46, o + 46 + nl));
    // ZIP64 extended information (APPNOTE §4.5.3): the 8-byte values, in this order, of the fields set to 0xFFFFFFFF.
    for (let x = o + 46 + nl; x + 4 <= o + 46 + nl + el;) {
      const id = u16(data, x), len = u16(data, x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        if (size === 0xffffffff) { size = u64(data, f); f += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = u64(data, f); f += 8; }
        if (offset === 0xffffffff) offset = u64(data, f);
      }
      x += 4 + len;
    }
    out.push({ name, method: u16(data, o + 10), compressedSize, size, offset });
    o += 46 + nl + el + cl;
  }
  return out;
}

/**
 * The bytes of one entry, inflated to at most its declared size plus INFLATE_SLACK.
 * @throws DocxLimitError ('size-lie') when the entry holds more than it declares; ZipError when it cannot be read
 */
export function readEntry(data: Uint8Array, entry: ZipEntry): Uint8Array {
  const h = entry.offset;
  if (h + 30 > data.length || u32(data, h) !== 0x04034b50) throw new ZipError(`invalid local header: ${entry.name}`);
  const start = h + 30 + u16(data, h + 26) + u16(data, h + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) throw new ZipError(`entry past the end of the file: ${entry.name}`);
  const raw = data.subarray(start, end);
  const max = entry.size + INFLATE_SLACK;
  if (entry.method === 0) {
    if (raw.length > max) throw new DocxLimitError('size-lie', entry.size, entry.name);
    return raw.slice();
  }
  if (entry.method !== 8) throw new ZipError(`unknown compression method ${entry.method}: ${entry.name}`);
  try {
    return new Uint8Array(inflateRawSync(raw, { maxOutputLength: max }));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new DocxLimitError('size-lie', entry.size, entry.name);
    if (code.startsWith('Z_')) throw new ZipError(`${entry.name}: ${(e as Error).message}`);
    throw e;
  }
}
