/**
 * A ZIP archive (PKWARE APPNOTE 6.3: local file headers §4.3.7, central directory §4.3.12, end record §4.3.16) from
 * entries already deflated by Node's zlib, so that a package's unchanging parts (styles, theme, settings …) are
 * compressed once per process and only the parts that change are deflated for each plan. Neither fflate's zipSync
 * nor its streaming Zip (which writes data descriptors) takes compressed data as it is; the container itself is
 * these few fixed-size records.
 *
 * Every entry has the DOS time 1980-01-01 00:00 (time 0x0000, date 0x0021), so the same parts give the same bytes.
 */
import { deflateRawSync, crc32 } from 'node:zlib';

/** An entry: its name, the CRC-32 and size of its bytes, and those bytes deflated (method 8). */
export interface ZipEntry { name: Buffer; crc: number; size: number; deflated: Buffer }

/**
 * Deflates one part (zlib level 6, its default).
 * @param data the part's bytes, or a string written as UTF-8
 */
export function zipEntry(name: string, data: Uint8Array | string): ZipEntry {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return { name: Buffer.from(name, 'utf8'), crc: crc32(bytes), size: bytes.length, deflated: deflateRawSync(bytes) };
}

/**
 * The archive of the entries in the given order.
 * @throws RangeError when an entry or the archive is beyond ZIP's 32-bit sizes (4 GiB; never for a plan)
 */
export function zipArchive(entries: ZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    if (e.size > 0xffffffff || offset > 0xffffffff) throw new RangeError('ZIP entry beyond 4 GiB');
    const utf8 = e.name.some((b) => b > 0x7f) ? 0x0800 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(utf8, 6);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE(0x21, 12); // date 1980-01-01
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(e.name.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(utf8, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(0, 12);
    dir.writeUInt16LE(0x21, 14);
    dir.writeUInt32LE(e.crc, 16);
    dir.writeUInt32LE(e.deflated.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(e.name.length, 28);
    // extra, comment, disk, internal attributes, external attributes: 0
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, e.name, e.deflated);
    central.push(dir, e.name);
    offset += 30 + e.name.length + e.deflated.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
