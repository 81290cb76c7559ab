/**
 * The layout markup emitted by the templates (documented in templates/README.md), parsed into a small tree.
 * Parsing uses saxes, a strict XML 1.0 parser (well-formedness checked in the same single pass that builds the
 * tree); this module only builds the tree, and checks element names and shapes.
 */
import { SaxesParser } from 'saxes';

/** An element of the markup: name, attributes and children (elements or text). */
export interface MNode {
  name: string;
  attrs: Record<string, string>;
  children: (MNode | string)[];
}

/** An "&" that does not start an entity or character reference. */
const BARE_AMPERSAND = /&(?!(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_:][-A-Za-z0-9_.:]*);)/;

/** Error in the markup a template produced: names the markup line so a template author can find it. */
export class MarkupError extends Error {
  constructor(message: string, readonly markupLine?: number) { super(message); this.name = 'MarkupError'; }
}

/**
 * Parses layout markup: elements with their attributes (entity references decoded) and text (character data and
 * CDATA, as given, whitespace kept); comments, processing instructions and the doctype are dropped.
 * @returns the root `<document>` element
 * @throws MarkupError, with the markup's line, when the markup is not well-formed XML 1.0 (the first fault saxes
 *   finds: an unclosed or mismatched tag, a repeated attribute, an undefined entity, text outside the root…), or
 *   when its root is not `<document>`
 */
export function parseMarkup(xml: string): MNode {
  const parser = new SaxesParser();
  const top: MNode = { name: '', attrs: {}, children: [] };
  const stack: MNode[] = [top];
  const text = (t: string) => {
    const parent = stack[stack.length - 1];
    // Text split by a comment or a CDATA section is one text, as it reads.
    const last = parent.children.length - 1;
    if (last >= 0 && typeof parent.children[last] === 'string') parent.children[last] += t;
    else parent.children.push(t);
  };
  parser.on('opentag', (tag) => {
    const node: MNode = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [] };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => { stack.pop(); });
  parser.on('text', text);
  parser.on('cdata', text);
  // The first fault stops the parse: it is the one to fix, and the rest are usually its echoes.
  parser.on('error', (e) => {
    // saxes reads a bare "&" as the start of an entity name up to the next ";", and so reports it far away (an
    // unclosed tag at the end of the markup): name the ampersand where it is.
    const amp = BARE_AMPERSAND.exec(xml);
    if (amp) {
      const line = xml.slice(0, amp.index).split('\n').length;
      throw new MarkupError(`layout markup: "&" that starts no entity (write &amp;) (markup line ${line})`, line);
    }
    throw new MarkupError(`layout markup: ${e.message.replace(/^\d+:\d+: /, '')} (markup line ${parser.line})`, parser.line);
  });
  parser.write(xml).close();
  const root = top.children.find((n): n is MNode => typeof n !== 'string' && n.name === 'document');
  if (!root) throw new MarkupError('layout markup: the root element must be <document>');
  return root;
}

/** Child elements of a node (text between blocks is ignored). */
export const elements = (n: MNode): MNode[] => n.children.filter((c): c is MNode => typeof c !== 'string');
