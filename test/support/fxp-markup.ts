/**
 * The layout markup parser the renderer used until issue 11 moved it to saxes (src/render/markup.ts): fast-xml-parser's
 * validator, then its ordered parse. Kept as the oracle of test/markup.test.ts, which checks the two give the same
 * tree for every markup the templates write.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { MNode } from '../../src/render/markup.js';

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

/** The old parse: the `<document>` root, or an Error with fast-xml-parser's message when the markup is not well formed. */
export function oldParseMarkup(xml: string): MNode {
  const check = XMLValidator.validate(xml);
  if (check !== true) throw new Error(`layout markup: ${check.err.msg} (markup line ${check.err.line})`);
  const nodes = convert(parser.parse(xml) as Raw[]).filter((n): n is MNode => typeof n !== 'string');
  const root = nodes.find((n) => n.name === 'document');
  if (!root) throw new Error('layout markup: the root element must be <document>');
  return root;
}
