/**
 * A small element tree over fast-xml-parser's ordered output: name, attributes, children, in document order.
 * Used by the .docx reader (WordprocessingML parts are order-sensitive: runs, paragraphs, table cells).
 */
import { XMLParser } from 'fast-xml-parser';
import { DocxLimitError, DocxXmlError, MAX_DEPTH } from './limits.js';

/** One XML element: qualified name ("w:p"), attributes without prefix sign ("w:val"), children; `text` for text nodes. */
export interface El { name: string; attrs: Record<string, string>; children: El[]; text?: string }

const parser = new XMLParser({
  preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false,
  parseAttributeValue: false, processEntities: true, htmlEntities: false, maxNestedTags: MAX_DEPTH,
});

type ONode = Record<string, unknown> & { ':@'?: Record<string, string> };

function convert(nodes: ONode[]): El[] {
  const out: El[] = [];
  for (const n of nodes) {
    const name = Object.keys(n).find((k) => k !== ':@');
    if (!name) continue;
    if (name === '#text') { out.push({ name: '#text', attrs: {}, children: [], text: String(n['#text']) }); continue; }
    if (name.startsWith('?')) continue;
    out.push({ name, attrs: (n[':@'] as Record<string, string>) ?? {}, children: convert((n[name] as ONode[]) ?? []) });
  }
  return out;
}

/**
 * Parses an XML part into its root elements.
 * @param part the part's name, for messages
 * @throws DocxXmlError on malformed XML (whatever the parser rejects); DocxLimitError past MAX_DEPTH nested elements
 */
export function parseXml(xml: string, part = ''): El[] {
  let tree: ONode[];
  try {
    tree = parser.parse(xml) as ONode[];
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // fast-xml-parser's own bound (its maxNestedTags option): a refusal, not broken XML.
    if (/Maximum nested tags exceeded/.test(message)) throw new DocxLimitError('depth', MAX_DEPTH, part);
    throw new DocxXmlError(message, part);
  }
  return convert(tree);
}

/** First child element of a given name. */
export const child = (e: El | undefined, name: string): El | undefined => e?.children.find((c) => c.name === name);
/** All child elements of a given name. */
export const kids = (e: El | undefined, name: string): El[] => (e ? e.children.filter((c) => c.name === name) : []);
/** Attribute w:val of a child element (e.g. val(pPr, 'w:jc')). */
export const val = (e: El | undefined, name: string): string | undefined => child(e, name)?.attrs['w:val'];
/** Depth-first search for the first descendant of a given name. */
export function find(e: El, name: string): El | undefined {
  for (const c of e.children) {
    if (c.name === name) return c;
    const hit = find(c, name);
    if (hit) return hit;
  }
  return undefined;
}
/** All descendants of a given name. */
export function findAll(e: El, name: string, out: El[] = []): El[] {
  for (const c of e.children) {
    if (c.name === name) out.push(c);
    else findAll(c, name, out);
  }
  return out;
}
/** An on/off property (w:b, w:i …): present and not "0"/"false"/"none". */
export function onOff(e: El | undefined): boolean | undefined {
  if (!e) return undefined;
  const v = e.attrs['w:val'];
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
}
