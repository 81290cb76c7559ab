// Fuzzing the Word readers (`kehoach import`, `kehoach check`): seeded mutations of real and generated .docx files.
// A case is a seed file and a list of mutations, each { kind, seed } and replayed from its own seed, so that the
// minimiser (scripts/fuzz-pool.mjs ddmin) can drop mutations and re-apply the rest. Mutations:
// - structure-aware, on the unpacked XML parts: list levels (w:ilvl) and start values (w:start, w:startOverride,
//   w:numFmt), sizes (w:sz, twips of w:ind / w:spacing / w:pgSz), nesting (tables in cells, text boxes holding
//   tables, text boxes in text boxes), repeated and huge paragraphs, style and numbering links in cycles, missing or
//   truncated parts, odd XML (entities, DOCTYPE, CDATA, unbalanced tags);
// - ZIP headers (APPNOTE 4.3.7, 4.3.12, 4.3.16): declared sizes, CRC, method, flags, name and extra lengths,
//   offsets, entry counts;
// - bytes: flips, insertions, deletions, truncation.
// The oracle (runDocxCase): import (read, recognise, YAML, round trip) and check (read, rules) each end normally or
// with a KehoachError (the CLI's exit 1/2) whose message holds no stack trace; anything else is an internal error
// (exit 3, "lỗi nội bộ"). The time and memory bounds are the pool's (scripts/fuzz-pool.mjs).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';

/**
 * The seed files: renders of examples/*.yaml (generated) and the .docx files under test/fixtures (real and
 * hand-made), as [{ name, bytes }].
 * @param root the package's folder
 * @param renderPlan the library's renderPlan (text → .docx bytes)
 */
export async function docxSeeds(root, renderPlan) {
  const out = [];
  for (const f of readdirSync(join(root, 'examples')).filter((x) => x.endsWith('.yaml')).sort()) {
    out.push({ name: `examples/${f} (render)`, bytes: new Uint8Array(await renderPlan(readFileSync(join(root, 'examples', f), 'utf8'), { file: f, force: true })) });
  }
  const walk = (dir) => {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.docx')) out.push({ name: join(dir, e.name), bytes: new Uint8Array(readFileSync(join(root, dir, e.name))) });
    }
  };
  walk('test/fixtures');
  return out;
}

const W_P = /<w:p(?=[\s>/])[^>]*?(?:\/>|>[\s\S]*?<\/w:p>)/g;
const HOSTILE_INT = ['-1', '0', '9', '10', '255', '32767', '32768', '65536', '2147483647', '2147483648', '1000000000', '-2147483649', '1e15', '1e308', 'Infinity', '-Infinity', 'NaN', '', ' 3 ', '0x10', '3.5', '99999999999999999999', '٣'];
const HOSTILE_FMT = ['upperRoman', 'lowerRoman', 'upperLetter', 'lowerLetter', 'decimal', 'bullet', 'ordinal', 'cardinalText', 'ordinalText', 'chineseCounting', 'decimalZero', 'none', '', 'x'];

/** All matches of `re` in `s` as [index, text]. */
function matches(s, re) {
  const out = [];
  for (const m of s.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))) out.push([m.index, m[0]]);
  return out;
}
/** Replaces one random match of `re` in `s` by f(match). */
function replaceOne(s, re, r, f) {
  const ms = matches(s, re);
  if (!ms.length) return s;
  const [i, m] = r.pick(ms);
  return s.slice(0, i) + f(m) + s.slice(i + m.length);
}
const setVal = (v) => (m) => m.replace(/w:val="[^"]*"/, `w:val="${v}"`);
const numPr = (ilvl, numId) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
/** A paragraph given a list level: its pPr gets a numPr (one added when absent). */
function withNumPr(p, ilvl, numId) {
  if (/<w:pPr>/.test(p)) return p.replace(/<w:pPr>/, `<w:pPr>${numPr(ilvl, numId)}`);
  return p.replace(/^<w:p(\s[^>]*)?>/, (m) => `${m}<w:pPr>${numPr(ilvl, numId)}</w:pPr>`);
}
const para = (t) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
const table = (inner, rows = 1, cols = 1) => `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${`<w:tr>${`<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${inner}</w:tc>`.repeat(cols)}</w:tr>`.repeat(rows)}</w:tbl>`;
const textbox = (inner) => `<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:200pt;height:100pt"><v:textbox><w:txbxContent>${inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
const dmlTextbox = (inner, fallback = true) => `<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>${inner}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>${fallback ? textbox(inner).slice(5, -6) : ''}</mc:Fallback></mc:AlternateContent></w:r>`;

/** Inserts `xml` (paragraph-level content) before a random paragraph of the body. */
function insertBlock(doc, r, xml) {
  const ps = matches(doc, W_P);
  if (!ps.length) return doc.replace(/<w:body>/, `<w:body>${xml}`);
  const [i] = r.pick(ps);
  return doc.slice(0, i) + xml + doc.slice(i);
}

/** Structure-aware mutations: (parts: { name: string (XML) | Uint8Array }, r, scale) → parts (changed in place). */
export const PART_MUTATIONS = {
  ilvl: (parts, r) => {
    const v = r.pick(HOSTILE_INT);
    const where = r.next() < 0.5 && parts['word/numbering.xml'] ? 'word/numbering.xml' : 'word/document.xml';
    const x = parts[where];
    if (/<w:ilvl\b/.test(x) && r.next() < 0.7) parts[where] = replaceOne(x, /<w:ilvl\b[^>]*\/>/, r, setVal(v));
    else if (where === 'word/numbering.xml' && /<w:lvl\b/.test(x)) parts[where] = replaceOne(x, /<w:lvl\b[^>]*>/, r, (m) => m.replace(/w:ilvl="[^"]*"/, `w:ilvl="${v}"`));
    else parts['word/document.xml'] = replaceOne(parts['word/document.xml'], W_P, r, (p) => withNumPr(p, v, r.pick(['1', '2', '0', '999', v])));
  },
  start: (parts, r) => {
    const v = r.pick(HOSTILE_INT);
    let x = parts['word/numbering.xml'];
    if (!x) {
      x = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"></w:numbering>';
    }
    if (/<w:start\b/.test(x) && r.next() < 0.6) x = replaceOne(x, /<w:start\b[^>]*\/>/, r, setVal(v));
    else {
      // a new list whose first level counts from v in a hostile format, used by a paragraph
      const id = 900 + r.int(50);
      const lvl = `<w:lvl w:ilvl="0"><w:start w:val="${v}"/><w:numFmt w:val="${r.pick(HOSTILE_FMT)}"/><w:lvlText w:val="%1.${r.next() < 0.3 ? '%2.%3.%9' : ''}"/></w:lvl>`;
      const over = r.next() < 0.5 ? `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${r.pick(HOSTILE_INT)}"/></w:lvlOverride>` : '';
      x = x.replace(/<\/w:numbering>/, `<w:abstractNum w:abstractNumId="${id}">${lvl}</w:abstractNum><w:num w:numId="${id}"><w:abstractNumId w:val="${id}"/>${over}</w:num></w:numbering>`);
      const n = 1 + r.int(20);
      let doc = parts['word/document.xml'];
      for (let i = 0; i < n; i++) doc = replaceOne(doc, W_P, r, (p) => withNumPr(p, '0', String(id)));
      parts['word/document.xml'] = doc;
    }
    parts['word/numbering.xml'] = x;
  },
  'num-format': (parts, r) => {
    if (parts['word/numbering.xml']) parts['word/numbering.xml'] = replaceOne(parts['word/numbering.xml'], /<w:(numFmt|lvlText)\b[^>]*\/>/, r, (m) => (m.startsWith('<w:numFmt') ? setVal(r.pick(HOSTILE_FMT))(m) : setVal(r.pick(['%1.', '%9', '%0', '%10', '%1%1%1%1%1%1%1%1', '', '%', '%%1', '%1.%2.%3.%4.%5.%6.%7.%8.%9']))(m)));
  },
  'num-cycle': (parts, r) => {
    // a list that refers to itself through a style (w:numStyleLink / w:styleLink), or a style based on itself
    if (r.next() < 0.5 && parts['word/styles.xml']) {
      parts['word/styles.xml'] = replaceOne(parts['word/styles.xml'], /<w:style\b[^>]*w:styleId="([^"]*)"[^>]*>/, r, (m) => {
        const id = /w:styleId="([^"]*)"/.exec(m)[1];
        return `${m}<w:basedOn w:val="${r.next() < 0.5 ? id : 'Normal'}"/><w:link w:val="${id}"/>`;
      });
    } else if (parts['word/numbering.xml']) {
      parts['word/numbering.xml'] = replaceOne(parts['word/numbering.xml'], /<w:abstractNum\b[^>]*>/, r, (m) => `${m}<w:numStyleLink w:val="ListX"/><w:styleLink w:val="ListX"/>`);
      if (parts['word/styles.xml']) parts['word/styles.xml'] = parts['word/styles.xml'].replace(/<\/w:styles>/, '<w:style w:type="numbering" w:styleId="ListX"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>');
    }
  },
  size: (parts, r) => {
    const name = r.pick(['word/document.xml', 'word/styles.xml', 'word/document.xml']);
    if (!parts[name]) return;
    const v = r.pick([...HOSTILE_INT, '3276', '3277', '1', '2', '31680', '31681', '-31680']);
    parts[name] = replaceOne(parts[name], /<w:(sz|szCs|ind|spacing|pgSz|pgMar|tcW|gridCol|tblW|tblInd|jc)\b[^>]*\/>/, r, (m) => m.replace(/(w:(?:val|left|right|start|end|firstLine|hanging|line|before|after|w|h|top|bottom|header|footer|gutter))="[^"]*"/, `$1="${v}"`));
  },
  nest: (parts, r, scale) => {
    // a paragraph inside k nested tables (k up to 120: past the reader's depth bound of 100 elements)
    const k = 1 + r.int(r.next() < 0.3 ? Math.max(1, Math.ceil(120 * scale)) : 8);
    let inner = para('Nội dung lồng trong bảng.');
    for (let i = 0; i < k; i++) inner = table(inner + (r.next() < 0.2 ? para(`Tầng ${i}`) : '')) + '<w:p/>';
    parts['word/document.xml'] = insertBlock(parts['word/document.xml'], r, inner);
  },
  textbox: (parts, r, scale) => {
    // a text box (VML or DrawingML) holding a table, a list, another text box …
    const depth = 1 + r.int(r.next() < 0.2 ? Math.max(1, Math.ceil(40 * scale)) : 3);
    let inner = r.next() < 0.5 ? table(para('Ô trong hộp văn bản.'), 1 + r.int(3), 1 + r.int(3)) + '<w:p/>' : withNumPr(para('Mục trong hộp.'), r.pick(['0', '1', '8', '9']), '1');
    // (the DrawingML box's VML fallback repeats its content: only the outermost has one, so the size stays linear)
    for (let i = 0; i < depth; i++) inner = `<w:p>${r.next() < 0.5 ? textbox(inner) : dmlTextbox(inner, i === depth - 1)}</w:p>`;
    const doc = parts['word/document.xml'];
    // inside an existing paragraph's run, or as a paragraph of its own
    parts['word/document.xml'] = r.next() < 0.5 ? replaceOne(doc, /<w:r>/, r, () => inner.slice(5, -6) + '<w:r>') : insertBlock(doc, r, inner);
  },
  'dup-paragraph': (parts, r, scale) => {
    const ps = matches(parts['word/document.xml'], W_P);
    if (!ps.length) return;
    const [i, p] = r.pick(ps);
    const n = 1 + r.int(Math.max(1, Math.ceil(3000 * scale)));
    const doc = parts['word/document.xml'];
    parts['word/document.xml'] = doc.slice(0, i) + p.repeat(n) + doc.slice(i);
  },
  'big-run': (parts, r, scale) => {
    // one run of n characters (past the reader's 1,000,000-character paragraph bound at the top)
    const n = Math.ceil(r.pick([1000, 100_000, 1_000_001, 1_500_000, 3_000_000]) * (r.next() < 0.5 ? scale : 1));
    const text = r.next() < 0.5 ? 'x'.repeat(n) : 'Phát huy tinh thần thi đua. '.repeat(Math.ceil(n / 28));
    parts['word/document.xml'] = replaceOne(parts['word/document.xml'], /<w:t(?:\s[^>]*)?>[^<]*<\/w:t>/, r, () => `<w:t xml:space="preserve">${text}</w:t>`);
  },
  'drop-part': (parts, r) => {
    const names = Object.keys(parts).filter((n) => n !== 'word/document.xml' || r.next() < 0.2);
    if (names.length) delete parts[r.pick(names)];
  },
  'cut-part': (parts, r) => {
    const names = Object.keys(parts).filter((n) => typeof parts[n] === 'string');
    if (!names.length) return;
    const n = r.pick(names);
    parts[n] = parts[n].slice(0, r.int(parts[n].length + 1));
  },
  'odd-xml': (parts, r) => {
    const names = Object.keys(parts).filter((n) => typeof parts[n] === 'string');
    if (!names.length) return;
    const n = r.next() < 0.6 ? 'word/document.xml' : r.pick(names);
    if (typeof parts[n] !== 'string') return;
    const frag = r.pick(['<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>', '&a;', '&#0;', '&#xD800;', '&#x1F389;', '&#99999999;', '<![CDATA[<w:p>]]>', '<?pi x?>', '<!-- x -->', '</w:p>', '<w:p>', '<w:t>', '&', '<', '\u0000', '\uFFFE', 'é', '<w:p xmlns:w="x"/>', '<x:y/>', '<w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:r>', '<w:sdt><w:sdtContent><w:p><w:r><w:t>sdt</w:t></w:r></w:p></w:sdtContent></w:sdt>', '<w:footnoteReference w:id="99999"/>', '<w:r><w:footnoteReference w:id="-1"/></w:r>']);
    const s = parts[n];
    const at = r.next() < 0.2 ? (s.indexOf('?>') + 2 || 0) : r.int(s.length + 1);
    parts[n] = s.slice(0, at) + frag + s.slice(at);
  },
  'attr': (parts, r) => {
    const names = Object.keys(parts).filter((n) => typeof parts[n] === 'string' && n.startsWith('word/'));
    if (!names.length) return;
    const n = r.pick(names);
    parts[n] = replaceOne(parts[n], /\s[\w:]+="[^"]*"/, r, (m) => r.pick(['', m + m, m.replace(/"[^"]*"$/, `"${r.pick(HOSTILE_INT)}"`), m.replace(/="/, '=\'').replace(/"$/, "'")]));
  },
  rels: (parts, r) => {
    const n = 'word/_rels/document.xml.rels';
    if (typeof parts[n] !== 'string') return;
    parts[n] = replaceOne(parts[n], /Target="[^"]*"/, r, () => `Target="${r.pick(['../../../../etc/passwd', '/word/document.xml', 'document.xml', 'http://example.invalid/x', '', 'missing.xml', 'numbering.xml#x'])}"${r.next() < 0.3 ? ' TargetMode="External"' : ''}`);
  },
  'content-types': (parts, r) => {
    const n = '[Content_Types].xml';
    if (typeof parts[n] !== 'string') return;
    parts[n] = replaceOne(parts[n], /ContentType="[^"]*"/, r, () => `ContentType="${r.pick(['application/vnd.ms-word.document.macroEnabled.main+xml', 'text/plain', '', 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml'])}"`);
  },
};

/** ZIP-level mutations on the packed bytes: a header field of one entry (local or central) or of the end record. */
function zipRecords(b) {
  const out = [];
  for (let i = 0; i + 4 <= b.length; i++) {
    if (b[i] !== 0x50 || b[i + 1] !== 0x4b) continue;
    const sig = b[i + 2] | (b[i + 3] << 8);
    if (sig === 0x0403) out.push({ at: i, kind: 'local' });
    else if (sig === 0x0201) out.push({ at: i, kind: 'central' });
    else if (sig === 0x0605) out.push({ at: i, kind: 'end' });
  }
  return out;
}
/** Offsets (from the signature) and widths of the fields of each record (APPNOTE 4.3.7, 4.3.12, 4.3.16). */
const ZIP_FIELDS = {
  local: { version: [4, 2], flags: [6, 2], method: [8, 2], crc: [14, 4], csize: [18, 4], usize: [22, 4], nameLen: [26, 2], extraLen: [28, 2] },
  central: { flags: [8, 2], method: [10, 2], crc: [16, 4], csize: [20, 4], usize: [24, 4], nameLen: [28, 2], extraLen: [30, 2], commentLen: [32, 2], disk: [34, 2], offset: [42, 4] },
  end: { disk: [4, 2], cdDisk: [6, 2], entriesHere: [8, 2], entries: [10, 2], cdSize: [12, 4], cdOffset: [16, 4], commentLen: [20, 2] },
};
export const ZIP_MUTATIONS = {
  'zip-field': (b, r) => {
    const recs = zipRecords(b);
    if (!recs.length) return b;
    const rec = r.pick(recs);
    const fields = ZIP_FIELDS[rec.kind];
    const name = r.pick(Object.keys(fields));
    const [off, width] = fields[name];
    if (rec.at + off + width > b.length) return b;
    const cur = width === 2 ? b.readUInt16LE(rec.at + off) : b.readUInt32LE(rec.at + off);
    const max = width === 2 ? 0xffff : 0xffffffff;
    let v = r.pick([0, 1, max, max - 1, Math.max(0, cur - 1), Math.min(max, cur + 1), Math.min(max, cur * 2), cur >>> 1, Math.min(max, cur * 1000), r.int(max + 1), 8, 12, 14, 99]) >>> 0;
    if (v === cur) v = (cur ^ 1) >>> 0; // never a no-op
    if (width === 2) b.writeUInt16LE(v & 0xffff, rec.at + off);
    else b.writeUInt32LE(v, rec.at + off);
    return b;
  },
  'flip-byte': (b, r) => { const n = 1 + r.int(8); for (let i = 0; i < n && b.length; i++) b[r.int(b.length)] ^= 1 << r.int(8); return b; },
  'insert-bytes': (b, r) => { const i = r.int(b.length + 1); return Buffer.concat([b.subarray(0, i), Buffer.from(Array.from({ length: 1 + r.int(16) }, () => r.int(256))), b.subarray(i)]); },
  'delete-bytes': (b, r) => { const i = r.int(b.length + 1); return Buffer.concat([b.subarray(0, i), b.subarray(Math.min(b.length, i + 1 + r.int(64)))]); },
  truncate: (b, r) => b.subarray(0, r.int(b.length + 1)),
};

/**
 * Draws one .docx case: a seed and its mutations ([{ kind, seed }]): 0–3 structure-aware, then (half the time)
 * 1–2 ZIP or byte mutations; at least one mutation.
 * @param seeds docxSeeds()
 * @param r a PRNG (fuzz-lib.mjs rng)
 */
export function docxCase(seeds, r) {
  const seed = r.pick(seeds);
  const muts = [];
  const nPart = r.int(4);
  for (let i = 0; i < nPart; i++) muts.push({ kind: r.pick(Object.keys(PART_MUTATIONS)), seed: r.int(2 ** 31) });
  if (!nPart || r.next() < 0.5) for (let i = 0, n = 1 + r.int(2); i < n; i++) muts.push({ kind: r.next() < 0.5 ? 'zip-field' : r.pick(Object.keys(ZIP_MUTATIONS)), seed: r.int(2 ** 31) });
  return { seed: seed.name, mutations: muts };
}

/**
 * The bytes of a case: the seed's bytes with the mutations applied in order (a structure-aware mutation of bytes
 * that no longer unpack does nothing). Deterministic: the same case gives the same bytes.
 * @param bytes the seed file's bytes
 * @param mutations [{ kind, seed }]
 * @param rngOf seed → PRNG (fuzz-lib.mjs rng)
 * @param scale < 1 shrinks the repeated and huge content
 */
export function applyDocxMutations(bytes, mutations, rngOf, scale = 1) {
  let b = Buffer.from(bytes);
  for (const m of mutations) {
    const r = rngOf(m.seed);
    if (PART_MUTATIONS[m.kind]) {
      let files;
      try { files = unzipSync(new Uint8Array(b)); } catch { continue; }
      const parts = {};
      for (const [name, data] of Object.entries(files)) parts[name] = name.endsWith('.xml') || name.endsWith('.rels') ? strFromU8(data) : data;
      if (typeof parts['word/document.xml'] !== 'string') continue;
      PART_MUTATIONS[m.kind](parts, r, scale);
      const out = {};
      for (const [name, data] of Object.entries(parts)) out[name] = typeof data === 'string' ? strToU8(data) : data;
      b = Buffer.from(zipSync(out, { level: 1, mtime: new Date('2025-01-01T00:00:00Z') }));
    } else b = Buffer.from(ZIP_MUTATIONS[m.kind](b, r));
  }
  return b;
}

const STACK = /\n\s+at |\bat .+\.(?:js|ts|cjs|mjs):\d+|FATAL ERROR|Native stack trace/;

/**
 * Runs `import` and `check` on one .docx (the CLI's own sequence, src/cli/import-check.ts, in process).
 * @param lib { readDocument, importDocument, importToYaml, roundTrip, paragraphs, fullText, formatFidelity, checkDocument, KehoachError }
 * @param bytes the file's bytes
 * @param file where to write it (a folder with a .git beside it, so no config is searched above)
 * @returns { outcome: 'imported' | 'refused' | 'finding', detail? }
 */
export async function runDocxCase(lib, bytes, file) {
  writeFileSync(file, bytes);
  const bad = (d) => !(d.line >= 1 && d.column >= 1 && typeof d.message === 'string' && d.message && !STACK.test(d.message));
  let outcome = 'imported';
  const step = async (name, body) => {
    try { await body(); } catch (e) {
      if (e instanceof lib.KehoachError && e.kind !== 'usage') {
        if (!e.message || STACK.test(e.message) || e.diagnostics.some(bad)) throw new Finding(`${name}: stack in message: ${e.message.slice(0, 200)}`);
        outcome = 'refused';
        return;
      }
      if (e instanceof Finding) throw e;
      throw new Finding(`${name}: internal error: ${e?.name ?? typeof e}: ${String(e?.message ?? e).split('\n')[0].slice(0, 200)}`);
    }
  };
  try {
    await step('import', async () => {
      const doc = lib.readDocument(file, 'vi');
      const opts = { lang: 'vi', file: `${file}.yaml` };
      const r = lib.importDocument(doc, opts);
      const yaml = lib.importToYaml(r, 'case.docx');
      const source = new Map(lib.paragraphs(doc).map((p) => [p.index, lib.fullText(p)]));
      const rt = await lib.roundTrip(yaml, r.sourceText, opts, { plan: r.plan, notes: r.notes, source });
      const d = rt.diagnostics.find(bad);
      if (d) throw new Finding(`import: bad diagnostic: ${JSON.stringify(d).slice(0, 200)}`);
      if (!rt.diagnostics.some((x) => x.severity === 'error') && rt.structure) lib.formatFidelity(rt.structure, 'vi');
    });
    await step('check', async () => {
      const ds = lib.checkDocument(lib.readDocument(file, 'vi'), file, { lang: 'vi' });
      const d = ds.find(bad);
      if (d) throw new Finding(`check: bad diagnostic: ${JSON.stringify(d).slice(0, 200)}`);
    });
  } catch (e) {
    if (e instanceof Finding) return { outcome: 'finding', detail: e.message };
    throw e;
  }
  return { outcome };
}

class Finding extends Error {}
