/** Shared test helpers: render the examples, open the .docx, extract text in document order. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { renderPlanFile } from '../src/index.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const EXAMPLES_DIR = join(ROOT, 'examples');
/** Reference texts of the examples, copied into the repository (test/fixtures/seeds/README.md gives their source). */
export const SEEDS_DIR = join(ROOT, 'test', 'fixtures', 'seeds');
export const CLI = join(ROOT, 'dist', 'cli.cjs');

/** The example plans (file names), one per seed. */
export const EXAMPLES = readdirSync(EXAMPLES_DIR).filter((f) => /^\d{3}-.*\.yaml$/.test(f)).sort();

/**
 * The examples that transcribe a real plan: those with a seed text in test/fixtures/seeds (by their 3-digit prefix).
 * A composed example (005, written to show features no seed has) has none and is left out of the fidelity test only.
 */
export const TRANSCRIBED = EXAMPLES.filter((ex) => readdirSync(SEEDS_DIR).some((s) => s.startsWith(ex.slice(0, 3) + '_')));

/** The seed text a given example transcribes (by its 3-digit prefix). */
export function seedFor(example: string): string {
  const prefix = example.slice(0, 3);
  const f = readdirSync(SEEDS_DIR).find((s) => s.startsWith(prefix + '_'));
  if (!f) throw new Error(`no seed for ${example}`);
  return readFileSync(join(SEEDS_DIR, f), 'utf8');
}

const rendered = new Map<string, Buffer>();
/** Renders an example through the library (cached per test file). */
export async function renderExample(example: string): Promise<Buffer> {
  if (!rendered.has(example)) rendered.set(example, (await renderPlanFile(join(EXAMPLES_DIR, example))).bytes);
  return rendered.get(example)!;
}

/** All parts of a .docx as strings. */
export function docxParts(buf: Uint8Array): Record<string, string> {
  const files = unzipSync(new Uint8Array(buf));
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

/** Parser keeping element order (for text order and nesting). */
export const orderedParser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@', trimValues: false, parseTagValue: false });
/** Parser giving plain objects (for structure assertions). */
export const plainParser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false,
  isArray: (n) => ['w:p', 'w:r', 'w:tbl', 'w:tr', 'w:tc', 'w:t', 'w:gridCol', 'w:headerReference', 'w:sectPr'].includes(n),
});

type ONode = Record<string, unknown> & { ':@'?: Record<string, string> };
const nameOf = (n: ONode) => Object.keys(n).find((k) => k !== ':@')!;

/** Paragraph texts of word/document.xml in document order (table cells included, row by row; a line break is "\n"). */
export function docxParagraphs(buf: Uint8Array): string[] {
  const xml = docxParts(buf)['word/document.xml'];
  const out: string[] = [];
  const walk = (nodes: ONode[], acc: { text: string } | null) => {
    for (const n of nodes) {
      const name = nameOf(n);
      if (name === '#text') { if (acc) acc.text += String(n['#text']); continue; }
      const kids = (n[name] as ONode[]) ?? [];
      if (name === 'w:p') { const a = { text: '' }; walk(kids, a); out.push(a.text); }
      else if (name === 'w:t') walk(kids, acc);
      else if (name === 'w:instrText') continue;
      else if (name === 'w:br' && acc) acc.text += '\n';
      else walk(kids, acc);
    }
  };
  walk(orderedParser.parse(xml) as ONode[], null);
  return out;
}

/** Words of a text and their longest common subsequence: the same measure `kehoach import` prints (one source). */
export { words, lcs } from '../src/import/recall.js';

/** True when a command is on PATH. */
export const hasCommand = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

type XNode = Record<string, any>;
const props = (node: XNode | undefined): XNode => (node && typeof node === 'object' ? node : {});
/** Merges property elements level by level: attributes of one element merge, a later level wins. */
function mergeProps(into: XNode, from: XNode | undefined): XNode {
  for (const [k, v] of Object.entries(props(from))) {
    if (k.startsWith('@') || k === '#text') continue;
    into[k] = v && typeof v === 'object' && !Array.isArray(v) && into[k] && typeof into[k] === 'object' ? { ...into[k], ...v } : v;
  }
  return into;
}

/**
 * The formatting Word applies to a paragraph and its runs: document defaults, then the paragraph style and the
 * styles it is based on (root first), then the direct formatting. Returns flat maps of property elements
 * (e.g. `rPr['w:sz']['@w:val']`, `pPr['w:jc']['@w:val']`), so tests check what the page shows, wherever it is set.
 */
export function effectiveFormatting(parts: Record<string, string>) {
  const styles = plainParser.parse(parts['word/styles.xml']) as XNode;
  const list: XNode[] = [styles['w:styles']['w:style']].flat();
  const byId = new Map(list.map((s) => [s['@w:styleId'], s]));
  const defaults = styles['w:styles']['w:docDefaults'];
  const chain = (id: string | undefined): XNode[] => {
    const out: XNode[] = [];
    for (let s = id ? byId.get(id) : byId.get('Normal'); s && out.length < 20; s = byId.get(s['w:basedOn']?.['@w:val'])) out.unshift(s);
    return out;
  };
  return {
    styleOf: (id: string) => byId.get(id),
    paragraph(p: XNode): XNode {
      const out = mergeProps({}, defaults?.['w:pPrDefault']?.['w:pPr']);
      for (const s of chain(p['w:pPr']?.['w:pStyle']?.['@w:val'])) mergeProps(out, s['w:pPr']);
      return mergeProps(out, p['w:pPr']);
    },
    run(p: XNode, r: XNode): XNode {
      const out = mergeProps({}, defaults?.['w:rPrDefault']?.['w:rPr']);
      for (const s of chain(p['w:pPr']?.['w:pStyle']?.['@w:val'])) mergeProps(out, s['w:rPr']);
      return mergeProps(out, r['w:rPr']);
    },
  };
}

/** True when a toggle property (w:b, w:i, w:u …) of an effective rPr is on. */
export const isOn = (rPr: XNode, k: string): boolean => k in rPr && !['false', '0', 'none'].includes(String(rPr[k]?.['@w:val'] ?? 'true'));
