/**
 * "Never a lost original" (issues 19 and 23): before an output replaces a file that exists, kehoach checks that the
 * file is one it wrote itself. `kehoach import kh.docx -o kh.yaml` then `kehoach render kh.yaml` would otherwise write
 * kh.docx over the office's original Word file without a question.
 *
 * What marks kehoach's own files (src/version.ts; only the small parts needed are read, bounded):
 * - a .docx: docProps/app.xml names `kehoach/<version>` as its Application (src/render/pack.ts appXml). Word and
 *   LibreOffice write their own name there when they save, so a file a clerk edited by hand is not kehoach's any more.
 *   A .docx of an earlier kehoach (an app.xml naming no application) is known by its docProps/core.xml
 *   `<dc:description>kehoach</dc:description>`;
 * - a PDF: its Info dictionary's /Producer starts with `kehoach/` (src/pdf-mark.ts writes it after LibreOffice's
 *   conversion), so a PDF exported by hand from Word or LibreOffice is not taken for kehoach's.
 * An empty file holds nothing to lose and may be replaced; a device, FIFO or folder is never replaced anyway
 * (src/write-file.cts).
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

import { APPLICATION_PREFIX } from './version.js';
import { pdfProducer } from './pdf-mark.js';

/** The ZIP's central directory is read only up to this size (a .docx's is a few KB). */
const MAX_DIRECTORY = 1 << 20;
/** docProps/core.xml is read only up to this size, packed and unpacked (kehoach's is about 1 KB). */
const MAX_CORE = 1 << 16;
/** The end of a PDF searched for its Info dictionary (LibreOffice writes it just before the cross-reference table). */
const PDF_TAIL = 1 << 16;

/** The mark in docProps/core.xml of every kehoach .docx (src/render/pack.ts writes the description "kehoach"). */
const DOCX_MARK = '<dc:description>kehoach</dc:description>';

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let n = 0;
  for (let r; n < length && (r = readSync(fd, buf, n, length - n, position + n)) > 0; ) n += r;
  return buf.subarray(0, n);
}

/** A small part of a ZIP (a .docx) as text, or undefined when the file is no ZIP or has no such part. */
function partXml(fd: number, size: number, part: string): string | undefined {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = readAt(fd, size - tailLength, tailLength);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > tail.length) return undefined;
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (dirSize > MAX_DIRECTORY || dirOffset + dirSize > size) return undefined;
  const dir = readAt(fd, dirOffset, dirSize);
  for (let p = 0; p + 46 <= dir.length && dir.readUInt32LE(p) === 0x02014b50; ) {
    const method = dir.readUInt16LE(p + 10);
    const packed = dir.readUInt32LE(p + 20);
    const unpacked = dir.readUInt32LE(p + 24);
    const nameLength = dir.readUInt16LE(p + 28);
    const skip = nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    const local = dir.readUInt32LE(p + 42);
    if (dir.toString('latin1', p + 46, p + 46 + nameLength) === part) {
      if (packed > MAX_CORE || unpacked > MAX_CORE) return undefined;
      const head = readAt(fd, local, 30);
      if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) return undefined;
      const data = readAt(fd, local + 30 + head.readUInt16LE(26) + head.readUInt16LE(28), packed);
      try {
        if (method === 0) return data.toString('utf8');
        if (method === 8) return inflateRawSync(data, { maxOutputLength: MAX_CORE }).toString('utf8');
      } catch { /* damaged */ }
      return undefined;
    }
    p += 46 + skip;
  }
  return undefined;
}

/** True when a .docx names kehoach as its Application, or (an earlier kehoach's) names none and says kehoach in core.xml. */
function docxIsOurs(fd: number, size: number): boolean {
  const app = partXml(fd, size, 'docProps/app.xml') ?? '';
  const application = /<Application>([^<]*)<\/Application>/.exec(app);
  if (application) return application[1].startsWith(APPLICATION_PREFIX);
  return partXml(fd, size, 'docProps/core.xml')?.includes(DOCX_MARK) ?? false;
}

/** True when the newest Info dictionary at the end of a PDF names kehoach as its Producer (src/pdf-mark.ts). */
function pdfIsOurs(fd: number, size: number): boolean {
  const length = Math.min(size, PDF_TAIL);
  return pdfProducer(readAt(fd, size - length, length).toString('latin1')).startsWith(APPLICATION_PREFIX);
}

/**
 * Whether kehoach may replace the file at `path` without being told to: true when nothing is there, when it is
 * empty or not a regular file (written through, never replaced), or when it is a .docx or PDF kehoach wrote (see the
 * module's comment); false for any other file. Reads at most the ZIP's directory and core.xml, or a PDF's last 64 KB.
 */
export function mayReplace(path: string): boolean {
  let fd: number;
  try {
    // Missing is the common case (a batch's first run): asked without an exception, whose stack costs more than the stat.
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st || !st.isFile() || st.size === 0) return true;
    fd = openSync(path, 'r');
  } catch {
    return true; // missing (or unreadable: the write itself reports it)
  }
  try {
    const size = fstatSync(fd).size;
    const head = readAt(fd, 0, 5).toString('latin1');
    if (head.startsWith('PK\u0003\u0004')) return docxIsOurs(fd, size);
    if (head === '%PDF-') return pdfIsOurs(fd, size);
    return false;
  } finally {
    closeSync(fd);
  }
}
