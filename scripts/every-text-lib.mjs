// The "never silent" oracle (issue 8), shared by test/every-text.test.ts and the fuzzer (scripts/fuzz-lib.mjs):
// every text value a plan's YAML gives either appears in the rendered document's text, or a diagnostic is reported
// at its line. What the page may change is only the documented transformations: numbering and "-"/";" added (so a
// value must be contained, not equal), `*`/`**` emphasis marks removed and `\*` printed as `*`, a footnote mark
// `[^key]` printed as a number, straight quotes printed as the family's quotes, headings in capitals (compared
// without case), white space and line breaks (compared collapsed, line by line).
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isAlias } from 'yaml';
import { unzipSync, strFromU8 } from 'fflate';

/**
 * Every text value of the YAML with its data path and line (1-based): [{ path, value, line }]. Codes, dates and
 * choices (the keys of `codeKeys`, src/load.ts CODE_KEYS), numbers, booleans and the office's settings under
 * `trinh_bay` (its task labels print only where a task uses the field) are left out. Values reached through an
 * alias are left out (the anchored value is the one looked for).
 * @param {string} text the plan's YAML
 * @param {ReadonlySet<string>} codeKeys
 */
export function textValues(text, codeKeys) {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, logLevel: 'silent' });
  const out = [];
  const walk = (node, path, key, depth) => {
    if (depth > 500 || isAlias(node)) return;
    if (isMap(node)) for (const p of node.items) { const k = isScalar(p.key) ? String(p.key.value) : ''; walk(p.value, [...path, k], k, depth + 1); }
    else if (isSeq(node)) node.items.forEach((it, i) => walk(it, [...path, i], key, depth + 1));
    else if (isScalar(node) && typeof node.value === 'string' && (key === null || !codeKeys.has(key)) && path[0] !== 'trinh_bay' && node.range) {
      out.push({ path, value: node.value, line: lc.linePos(node.range[0]).line });
    }
  };
  walk(doc.contents, [], null, 0);
  return out;
}

const ENTITIES = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

/** The text of a .docx's document, footnotes, headers and footers, as one string (a paragraph a line). */
export function docxText(buf) {
  const files = unzipSync(new Uint8Array(buf));
  return Object.keys(files).filter((k) => /^word\/(document|header\d*|footer\d*|footnotes)\.xml$/.test(k)).sort().map((k) => strFromU8(files[k])
    .replace(/<w:(tab|br|cr)\b[^>]*\/>/g, ' ').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '')
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, e) => ENTITIES[e])
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))).join('\n');
}

/** Both sides of the comparison: NFC, quotes unified, white space collapsed, no case. */
export const norm = (s) => s.normalize('NFC').replace(/[“”"]/g, '"').replace(/[‘’']/g, "'").replace(/[\s\u00a0]+/g, ' ').trim().toLocaleLowerCase('vi');

/** What a typed line looks like on the page: emphasis marks gone, `\*` and the mark `(*)` printed as typed, a footnote mark `[^key]` a number. */
export const printed = (s) => s.replace(/\[\^[A-Za-z0-9_-]+\]/g, '').replace(/\\\*|\(\*\)/g, (m) => (m === '(*)' ? '(\u0000)' : '\u0000')).replace(/\*+/g, '').replace(/\u0000/g, '*');

/**
 * The text values of `text` that reach neither the page (`docx`, the rendered bytes) nor a diagnostic at their line.
 * @param {{ text: string, diagnostics: { line: number }[], docx: Uint8Array, codeKeys: ReadonlySet<string> }} o
 * @returns {{ path: (string|number)[], value: string, line: number }[]}
 */
export function silentDrops({ text, diagnostics, docx, codeKeys }) {
  const page = norm(docxText(docx));
  const reported = new Set(diagnostics.map((d) => d.line));
  return textValues(text, codeKeys).filter((v) => {
    if (reported.has(v.line)) return false;
    const lines = v.value.split(/\r?\n/).map((l) => norm(printed(l))).filter(Boolean);
    return !lines.every((l) => page.includes(l));
  });
}
