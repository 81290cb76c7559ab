/**
 * The layout markup emitted by the templates (documented in templates/README.md), parsed into a small tree.
 * Parsing uses fast-xml-parser; this module only checks element names and shapes.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element of the markup: name, attributes and children (elements or text). */
export interface MNode {
  name: string;
  attrs: Record<string, string>;
  children: (MNode | string)[];
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  commentPropName: false as unknown as string,
});

type Raw = Record<string, unknown> & { ':@'?: Record<string, string> };

function convert(raw: Raw[]): (MNode | string)[] {
  const out: (MNode | string)[] = [];
  for (const item of raw) {
    if ('#text' in item) { out.push(String(item['#text'])); continue; }
    const name = Object.keys(item).find((k) => k !== ':@')!;
    out.push({ name, attrs: item[':@'] ?? {}, children: convert((item[name] as Raw[]) ?? []) });
  }
  return out;
}

/** Error in the markup a template produced: names the markup line so a template author can find it. */
export class MarkupError extends Error {
  constructor(message: string, readonly markupLine?: number) { super(message); this.name = 'MarkupError'; }
}

/**
 * Parses layout markup.
 * @returns the root `<document>` element
 * @throws MarkupError when the markup is not well-formed XML or has no `<document>` root
 */
export function parseMarkup(xml: string): MNode {
  const check = XMLValidator.validate(xml);
  if (check !== true) throw new MarkupError(`layout markup: ${check.err.msg} (markup line ${check.err.line})`, check.err.line);
  const nodes = convert(parser.parse(xml) as Raw[]).filter((n): n is MNode => typeof n !== 'string');
  const root = nodes.find((n) => n.name === 'document');
  if (!root) throw new MarkupError('layout markup: the root element must be <document>');
  return root;
}

/** Child elements of a node (text between blocks is ignored). */
export const elements = (n: MNode): MNode[] => n.children.filter((c): c is MNode => typeof c !== 'string');
