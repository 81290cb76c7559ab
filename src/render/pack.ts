/**
 * Stage 6: the .docx package. docx assembles it (src/render/docx.ts) once per shape of package (the profile's
 * styles, the sections' page setup, the number of footnotes) with placeholder paragraphs; the parts that never
 * change for that shape are deflated once and kept; for each plan the body, headers and footnotes that
 * src/render/wordml.ts wrote take the placeholders' places, docProps/core.xml gets the plan's metadata with a fixed
 * date, and the parts are zipped in docx's order (src/render/zip.ts). The same plan always gives the same bytes.
 */
import { readFileSync } from 'node:fs';
import type { LayoutProfile } from '../profile.js';
import type { PackageShape } from './docx.js';
import { readKeyed, writeKeyed } from '../cache.cjs';
import { blocksXml, bodyXml, paragraphXml, PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN, type BodyXml, type BlockXml } from './wordml.js';
import { zipArchive, zipEntry, type ZipEntry } from './zip.js';
import { applicationMark } from '../version.js';

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
 * docProps/app.xml naming kehoach and its version as the Application (`kehoach/0.1.0`): the mark by which
 * src/own-output.ts knows a .docx kehoach wrote. Word and LibreOffice write their own name there when they save, so
 * a file a clerk edited by hand no longer carries it and is never replaced without --force-overwrite.
 */
export function appXml(): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    + `<Application>${esc(applicationMark())}</Application></Properties>`;
}

const DOCUMENT = 'word/document.xml';
const CORE = 'docProps/core.xml';
const APP = 'docProps/app.xml';
/** The run docx puts first in a note's first paragraph: the note's own number (ECMA-376 Part 1, §17.11.13). */
const NOTE_MARK = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>';

/** A part with placeholder paragraphs: its text cut at them, `tags[i]` between `pieces[i]` and `pieces[i + 1]`. */
interface Slotted { name: string; pieces: string[]; tags: string[] }

/** What one shape of package keeps: its parts in order, deflated once where they never change. */
interface Skeleton {
  order: string[];
  fixed: Map<string, ZipEntry>;
  /** document.xml up to and including `<w:body>`, and from `</w:body>`. */
  docHead: string;
  docTail: string;
  /** Each section's `<w:sectPr>` as docx wrote it (header relationships, page size and margins, numbering). */
  sectPrs: string[];
  slotted: Slotted[];
}

/** Cuts a part at its placeholder paragraphs (each a whole `<w:p>…</w:p>`). */
function cut(name: string, text: string): Slotted | null {
  const pieces: string[] = [];
  const tags: string[] = [];
  let from = 0;
  for (let at = text.indexOf(PLACEHOLDER_OPEN); at >= 0; at = text.indexOf(PLACEHOLDER_OPEN, at + 1)) {
    const start = text.lastIndexOf('<w:p>', at);
    const end = text.indexOf('</w:p>', at) + '</w:p>'.length;
    pieces.push(text.slice(from, start));
    tags.push(text.slice(at + 1, text.indexOf(PLACEHOLDER_CLOSE, at)));
    from = end;
    at = end - 1;
  }
  if (!tags.length) return null;
  pieces.push(text.slice(from));
  return { name, pieces, tags };
}

async function buildSkeleton(profile: LayoutProfile, shape: PackageShape): Promise<Skeleton> {
  const [{ Packer }, { skeletonDocument }, { unzipSync, strFromU8 }] = await Promise.all([import('docx'), import('./docx.js'), import('fflate')]);
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(skeletonDocument(profile, shape), false)));
  const sk: Skeleton = { order: Object.keys(files), fixed: new Map(), docHead: '', docTail: '', sectPrs: [], slotted: [] };
  for (const name of sk.order) {
    if (name === CORE) continue;
    if (name === DOCUMENT) {
      const text = strFromU8(files[name]);
      const open = text.indexOf('<w:body>') + '<w:body>'.length;
      const close = text.lastIndexOf('</w:body>');
      sk.docHead = text.slice(0, open);
      sk.docTail = text.slice(close);
      sk.sectPrs = text.slice(open, close).match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [];
      if (sk.sectPrs.length !== shape.sections.length) throw new Error(`docx wrote ${sk.sectPrs.length} sections for ${shape.sections.length}`);
      continue;
    }
    if (name === APP) {
      sk.fixed.set(name, zipEntry(name, appXml()));
      continue;
    }
    const slotted = name.endsWith('.xml') ? cut(name, strFromU8(files[name])) : null;
    if (slotted) sk.slotted.push(slotted);
    else sk.fixed.set(name, zipEntry(name, files[name]));
  }
  return sk;
}

/** Skeletons by shape (a JSON key of the styles, sections and note count); a few shapes serve a whole batch. */
const skeletons = new Map<string, Promise<Skeleton>>();
const MAX_SKELETONS = 64;

/** The part of a skeleton's key a profile gives (its font and styles), made once per profile object. */
const profileKeys = new WeakMap<LayoutProfile, string>();
function profileKey(p: LayoutProfile): string {
  let k = profileKeys.get(p);
  if (k === undefined) profileKeys.set(p, (k = JSON.stringify([p.phong_chu, p.kieu])));
  return k;
}

/** zlib's version, part of every skeleton's key: the deflated bytes are zlib's. */
const ZLIB = `zlib@${process.versions.zlib}`;

function skeletonFor(profile: LayoutProfile, shape: PackageShape): Promise<Skeleton> {
  const key = `${profileKey(profile)}${JSON.stringify(shape)}`;
  let sk = skeletons.get(key);
  if (!sk) {
    if (skeletons.size >= MAX_SKELETONS) skeletons.delete(skeletons.keys().next().value!);
    const table = builtSkeleton(key);
    sk = table ? Promise.resolve(table) : cachedSkeleton(key, () => buildSkeleton(profile, shape));
    skeletons.set(key, sk);
    sk.catch(() => skeletons.delete(key));
  }
  return sk;
}

/**
 * The build's table of skeletons (scripts/precompile-skeletons.mjs, dist/render/skeletons.precompiled.json): the
 * skeleton of every shape the package's examples and each family's minimal plan give, by its whole key (the profile's
 * font and styles, the shape, zlib's version), the deflated parts once in a pool (`parts`, named by index). Read once,
 * lazily, when a skeleton is first needed; null from source or when the file is missing or malformed.
 */
interface SkeletonTable { zlib: string; parts: [string, number, number, string][]; skeletons: Record<string, Omit<SkeletonJson, 'fixed'> & { fixed: number[] }> }
let table: SkeletonTable | null | undefined;

/**
 * A skeleton from the build's table, used only when its key (profile, shape and zlib's version) is exactly this
 * render's: an office's own layout, a shape the build never saw or another zlib misses it (then the user's cache, then
 * docx). The table is made by this build's code from the package's own files, so it needs no other check.
 * @returns the skeleton, or undefined when the table has none of this key (or is unreadable)
 */
function builtSkeleton(key: string): Skeleton | undefined {
  if (table === undefined) {
    try { table = JSON.parse(readFileSync(new URL('./skeletons.precompiled.json', import.meta.url), 'utf8')) as SkeletonTable; } catch { table = null; }
  }
  if (!table || table.zlib !== ZLIB || !table.skeletons || !Object.hasOwn(table.skeletons, key)) return undefined;
  try {
    const j = table.skeletons[key];
    return fromJson({ ...j, fixed: j.fixed.map((i) => table!.parts[i]) });
  } catch {
    return undefined;
  }
}

/**
 * The skeletons this process holds, as the build's table (scripts/precompile-skeletons.mjs, which renders with no
 * table and no cache, so each was built by docx): each whole key with its skeleton, the deflated parts pooled once.
 * @returns the table; at most MAX_SKELETONS (64) shapes, the latest ones
 */
export async function skeletonTable(): Promise<SkeletonTable> {
  const out: SkeletonTable = { zlib: ZLIB, parts: [], skeletons: {} };
  const index = new Map<string, number>();
  for (const [key, sk] of skeletons) {
    const { fixed, ...rest } = toJson(await sk);
    out.skeletons[key] = {
      ...rest,
      fixed: fixed.map((part) => {
        const id = JSON.stringify(part);
        if (!index.has(id)) index.set(id, out.parts.push(part) - 1);
        return index.get(id)!;
      }),
    };
  }
  return out;
}

/**
 * A skeleton from the user's cache folder (src/cache.cts readKeyed), else built by docx and written there. Its key is
 * all that could change it: the shape, zlib's version (the deflated bytes are zlib's), and the build's id, which the
 * cache adds (it covers the code that builds and reads a skeleton and docx's version). So a cold render needs neither
 * docx nor its zip, nor crypto, when the shape was seen before, and never meets a skeleton another build wrote. Any
 * failure to read or write it falls back silently to building; from source nothing is cached.
 */
async function cachedSkeleton(key: string, build: () => Promise<Skeleton>): Promise<Skeleton> {
  const inputs = [key, ZLIB];
  try {
    const bytes = readKeyed('skeletons', inputs);
    if (bytes !== undefined) return fromJson(JSON.parse(bytes.toString('utf8')));
  } catch { /* unreadable or not a skeleton: build */ }
  const sk = await build();
  writeKeyed('skeletons', inputs, JSON.stringify(toJson(sk)));
  return sk;
}

type SkeletonJson = Omit<Skeleton, 'fixed'> & { fixed: [string, number, number, string][] };
const toJson = (sk: Skeleton): SkeletonJson => ({ ...sk, fixed: [...sk.fixed.values()].map((e) => [e.name.toString('utf8'), e.crc, e.size, e.deflated.toString('base64')]) });
/** @throws Error when the cached file is not a skeleton (then it is rebuilt) */
function fromJson(j: SkeletonJson): Skeleton {
  if (!Array.isArray(j.order) || !Array.isArray(j.fixed) || !Array.isArray(j.sectPrs) || !Array.isArray(j.slotted) || typeof j.docHead !== 'string' || typeof j.docTail !== 'string') throw new Error('not a skeleton');
  const fixed = new Map(j.fixed.map(([name, crc, size, b64]) => [name, { name: Buffer.from(name, 'utf8'), crc, size, deflated: Buffer.from(b64, 'base64') }]));
  return { ...j, fixed };
}

/**
 * Packs a written plan as .docx bytes.
 * @param date ISO timestamp written as dcterms:created/modified (e.g. the issue date)
 * @returns the bytes; the same body, profile, metadata and date always give the same bytes
 */
export async function packDocx(body: BodyXml, profile: LayoutProfile, props: CoreProperties, date: string): Promise<Buffer> {
  const shape: PackageShape = { sections: body.sections.map((s) => s.properties), footnotes: body.footnotes.length };
  const sk = await skeletonFor(profile, shape);
  const content = (tag: string): string => {
    const n = Number(tag.slice(1));
    if (tag[0] === 'H') return blocksXml(body.sections[n].header);
    if (tag[0] === 'P') return blocksXml(body.sections[n].footer ?? []);
    if (tag[0] === 'F') return noteXml(body.footnotes[n - 1]);
    throw new Error(`unknown placeholder ${tag}`);
  };
  const changed = new Map<string, string>([
    [DOCUMENT, sk.docHead + bodyXml(body.sections.map((s) => s.blocks), sk.sectPrs) + sk.docTail],
    [CORE, coreXml(props, date)],
  ]);
  for (const s of sk.slotted) changed.set(s.name, fill(s, content));
  return zipArchive(sk.order.map((name) => sk.fixed.get(name) ?? zipEntry(name, changed.get(name)!)));
}

/**
 * A slotted part with each placeholder paragraph replaced by its content. An element left with no content at all
 * (a header or a note whose markup holds no block) is written self-closing, as docx writes an empty element.
 */
function fill(s: Slotted, content: (tag: string) => string): string {
  let out = s.pieces[0];
  for (let i = 0; i < s.tags.length; i++) {
    const c = content(s.tags[i]);
    let next = s.pieces[i + 1];
    if (!c && out.endsWith('>') && !out.endsWith('/>') && next.startsWith('</')) {
      const open = out.lastIndexOf('<');
      const name = /^<([\w:]+)/.exec(out.slice(open))?.[1];
      if (name && next.startsWith(`</${name}>`)) {
        out = `${out.slice(0, -1)}/>`;
        next = next.slice(name.length + 3);
      }
    }
    out += c + next;
  }
  return out;
}

/** A note's paragraphs, the first led by the note's own mark after its properties. */
function noteXml(ps: BlockXml[]): string {
  return ps.map((p, i) => (p.kind === 'p' ? paragraphXml(p, '', i === 0 ? NOTE_MARK : '') : p.xml)).join('');
}
