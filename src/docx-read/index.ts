/**
 * Opens a Word document (.docx; .doc, .odt, .rtf and .htm through LibreOffice) or a plan kept as text (.txt) and
 * returns the document model. Refuses, with a message and before reading much, what is not a plain Word
 * document: files over MAX_DOCX_BYTES, files that are not ZIP packages, packages without a main document part,
 * and macro-enabled documents (vbaProject.bin).
 */
import { openSync, readSync, closeSync, statSync, readFileSync, mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { extname, join, basename } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { strFromU8 } from 'fflate';
import { KehoachError } from '../errors.js';
import { msg, type Lang } from '../i18n/messages.js';
import { parseXml, kids } from './xml.js';
import { readDocxParts } from './document.js';
import { zipEntries, readEntry, ZipError, type ZipEntry } from './zip.js';
import { DocxLimitError, DocxXmlError, MAX_PART_BYTES, MAX_TEXT_CHARS, MAX_XML_BYTES } from './limits.js';
import { readText } from './text.js';
import type { DocModel } from './model.js';

export * from './model.js';
export { readText } from './text.js';

/** Largest file read (bytes): 50 MB, far above any plan (a 100-page plan with images is a few MB). */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;
/** Largest total of unpacked parts (bytes), against ZIP bombs. */
const MAX_UNPACKED = 200 * 1024 * 1024;

const fail = (key: Parameters<typeof msg>[0], lang: Lang, p: Record<string, string | number> = {}, kind: 'invalid' | 'io' = 'invalid'): never => {
  throw new KehoachError(msg(key, lang, p), [], kind);
};

/**
 * Reads a .docx package from bytes. Bounded (limits.ts): the declared unpacked total (MAX_UNPACKED), each entry
 * inflated no further than its declared size (a lying entry is refused), each XML part read (MAX_PART_BYTES) and
 * their total (MAX_XML_BYTES), the text kept (MAX_TEXT_CHARS, MAX_PARA_CHARS) and the XML nesting (MAX_DEPTH).
 * Only the parts the reader uses are unpacked.
 * @throws KehoachError (invalid) not a ZIP, no main document, macros, malformed XML, over a bound; any other error
 *   is a bug of the reader and is thrown as it is (the CLI reports it as an internal error)
 */
export function readDocxBytes(bytes: Uint8Array, file: string, lang: Lang = 'vi'): DocModel {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) fail('docx/not-zip', lang, { file });
  try {
    return readPackage(bytes, file, lang);
  } catch (e) {
    if (e instanceof ZipError) return fail('docx/bad-zip', lang, { file, detail: e.message });
    if (e instanceof DocxXmlError) return fail('docx/bad-xml', lang, { file, detail: `${e.part ? `${e.part}: ` : ''}${e.message.split('\n')[0]}` });
    if (e instanceof DocxLimitError) {
      const key = ({ text: 'docx/text-too-long', para: 'docx/para-too-long', part: 'docx/part-too-large', xml: 'docx/xml-too-large', depth: 'docx/too-deep', 'size-lie': 'docx/size-lie' } as const)[e.kind];
      return fail(key, lang, { file, limit: e.limit, part: e.part });
    }
    throw e;
  }
}

function readPackage(bytes: Uint8Array, file: string, lang: Lang): DocModel {
  const byName = new Map<string, ZipEntry>();
  let total = 0;
  let macros = false;
  for (const entry of zipEntries(bytes)) {
    if (/vbaProject\.bin$|vbaData\.xml$/i.test(entry.name)) { macros = true; continue; }
    total += entry.size;
    if (total > MAX_UNPACKED) fail('docx/too-large', lang, { file, limit: MAX_UNPACKED });
    if (entry.name.endsWith('.xml') || entry.name.endsWith('.rels')) byName.set(entry.name, entry);
  }
  const cache = new Map<string, Uint8Array>();
  let xmlBytes = 0;
  const part = (name: string): Uint8Array | undefined => {
    const hit = cache.get(name);
    if (hit) return hit;
    const entry = byName.get(name);
    if (!entry) return undefined;
    if (entry.size > MAX_PART_BYTES) throw new DocxLimitError('part', MAX_PART_BYTES, name);
    const data = readEntry(bytes, entry);
    if (data.length > MAX_PART_BYTES) throw new DocxLimitError('part', MAX_PART_BYTES, name);
    xmlBytes += data.length;
    if (xmlBytes > MAX_XML_BYTES) throw new DocxLimitError('xml', MAX_XML_BYTES, name);
    cache.set(name, data);
    return data;
  };
  const typesPart = part('[Content_Types].xml');
  const types = typesPart ? strFromU8(typesPart) : '';
  if (macros || /macroEnabled/i.test(types)) fail('docx/macros', lang, { file });
  let main = 'word/document.xml';
  const relsPart = part('_rels/.rels');
  try {
    const rootRels = relsPart ? parseXml(strFromU8(relsPart), '_rels/.rels') : [];
    const off = kids(rootRels.find((e) => e.name === 'Relationships'), 'Relationship').find((r) => /\/officeDocument$/.test(r.attrs.Type ?? ''));
    if (off?.attrs.Target) main = off.attrs.Target.replace(/^\//, '');
  } catch (e) {
    // A broken root relationships part: fall back to word/document.xml.
    if (!(e instanceof DocxXmlError)) throw e;
  }
  if (!byName.has(main)) fail('docx/no-document', lang, { file });
  return readDocxParts(part, main);
}

/** Converts a file LibreOffice can open (.doc, .odt, .rtf, .htm) to .docx bytes. @throws KehoachError when soffice is missing or fails. */
function convertWithLibreOffice(path: string, lang: Lang): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-doc-'));
  try {
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, path], { encoding: 'utf8', timeout: 120_000 });
    if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') fail('docx/no-soffice', lang, { file: path });
    const out = readdirSync(dir).find((f) => f.endsWith('.docx'));
    if (!out) fail('docx/convert-failed', lang, { file: path, detail: (r.stderr || r.stdout || '').trim().split('\n')[0] ?? '' });
    return readFileSync(join(dir, out!));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Reads a document from disk by its extension: .docx/.docm; .doc/.odt/.rtf/.htm/.html (LibreOffice); .txt.
 * The size is checked with stat before anything is read (a 200 MB file is refused without being loaded); a .txt
 * over MAX_TEXT_CHARS characters is refused.
 * @throws KehoachError: io when unreadable; invalid for what is not a usable document; usage for an unknown extension
 */
export function readDocument(path: string, lang: Lang = 'vi'): DocModel {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return fail('file/not-found', lang, { reason: `${path}: not a file` }, 'io');
    size = st.size;
  } catch (e) {
    return fail('file/not-found', lang, { reason: `${path}: ${(e as NodeJS.ErrnoException).code ?? e}` }, 'io');
  }
  if (size > MAX_DOCX_BYTES) fail('docx/too-large-file', lang, { file: path, size, limit: MAX_DOCX_BYTES });
  const ext = extname(path).toLowerCase();
  if (ext === '.txt') {
    // The text a reader keeps is bounded for a plan kept as text too (a 50 MB file is 50 million characters).
    const text = readFileSync(path, 'utf8');
    if (text.length > MAX_TEXT_CHARS) fail('docx/text-too-long', lang, { file: path, limit: MAX_TEXT_CHARS });
    return readText(text);
  }
  if (ext === '.docx' || ext === '.docm' || ext === '.dotx') {
    const head = Buffer.alloc(4);
    const fd = openSync(path, 'r');
    try { readSync(fd, head, 0, 4, 0); } finally { closeSync(fd); }
    if (head.readUInt32BE(0) === 0xd0cf11e0) fail('docx/ole', lang, { file: path });
    return readDocxBytes(readFileSync(path), path, lang);
  }
  if (['.doc', '.odt', '.rtf', '.htm', '.html'].includes(ext)) {
    const doc = readDocxBytes(convertWithLibreOffice(path, lang), path, lang);
    return { ...doc, source: ext === '.doc' ? 'doc' : ext.startsWith('.htm') ? 'htm' : 'docx' };
  }
  return fail('docx/extension', lang, { file: basename(path) });
}
