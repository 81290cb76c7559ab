/**
 * Stage 1's fast path: a plan's YAML read through js-yaml's event parser (js-yaml 5 `parseEvents`, 0.55–0.65× the
 * time of yaml's `parseDocument` on a real plan), giving exactly the data yaml's reader gives (src/load.ts,
 * `loadWithYaml`). It answers only when yaml's reader would have nothing to say about the text; for anything else it
 * answers undefined and the plan is read by yaml, which says it, at its line:
 *  - a syntax error (js-yaml throws), more than one document, a `%` directive, a byte order mark, a tab;
 *  - a tag, an anchor or an alias (yaml resolves these, with the alias-count guard);
 *  - a root that is not a mapping, a key that is not a text, a duplicate key, a `__proto__` key, a key of more
 *    than 1,000 characters (YAML's limit for an implicit key is 1,024), nesting past MAX_DEPTH;
 *  - a character XML forbids (in the text, or made by a `\` escape);
 *  - a `#` that looks cut from a text (the warning `yaml/comment-in-text`).
 * Plain scalars are resolved by yaml's own core-schema tags, in yaml's order, so `yes`, `1_000`, `0x1F`, `.5`,
 * `~` and `2025-03-10` read as yaml reads them (YAML 1.2 core schema).
 * It also notes where each node starts, as yaml's `range[0]` gives it (a quoted scalar at its quote), so that a
 * diagnostic on a plan read here is placed without yaml; where the events do not say it (a block scalar's `|` or
 * `>`, an empty value), the offset is left unknown and yaml places that diagnostic (see src/load.ts positionOf).
 */
import { parseEvents, getScalarValue, EVENT_ID, SCALAR_STYLE, type ScalarEvent } from 'js-yaml';
import { isScalar, parseDocument, type Schema } from 'yaml';
import { CODE_KEYS, MAX_DEPTH, XML_ILLEGAL, YAML_OPTIONS, looksCut } from './load-rules.js';

type CoreTag = { default?: boolean | 'key'; test?: RegExp; resolve: (s: string, onError: (m: string) => void, o: unknown) => unknown };
let core: { tags: CoreTag[]; options: unknown } | undefined;
/** yaml's core schema and options, as its reader uses them (taken from an empty document read with the same options). */
function coreSchema(): { tags: CoreTag[]; options: unknown } {
  if (core) return core;
  const doc = parseDocument('', YAML_OPTIONS);
  return (core = { tags: (doc.schema as Schema).tags as unknown as CoreTag[], options: doc.options });
}

/** Thrown inside the walk when yaml must read the text; never escapes `readFast`. */
const YIELD = Symbol('yaml decides');

/** A plain scalar's value as yaml resolves it (compose-scalar's findScalarTagByTest, then the tag's resolve). */
function resolvePlain(source: string, atKey: boolean): unknown {
  const { tags, options } = coreSchema();
  for (const tag of tags) {
    if ((tag.default === true || (atKey && tag.default === 'key')) && tag.test?.test(source)) {
      const res = tag.resolve(source, () => { throw YIELD; }, options);
      return isScalar(res) ? res.value : res; // (booleans come wrapped, as yaml's composer expects)
    }
  }
  return source;
}

/**
 * Where a node of the plan starts: `at`, a UTF-16 offset into the text equal to yaml's `range[0]` for the node, or -1
 * when unknown; a mapping's keys with their own offsets, a sequence's items.
 */
export interface PosNode {
  at: number;
  keys?: Map<string, { at: number; node: PosNode }>;
  items?: PosNode[];
}

/** A plan read by the fast path: its data and where its nodes start. */
export interface FastRead { data: Record<string, unknown>; positions: PosNode }

interface MapFrame { map: Record<string, unknown>; key: string | undefined; keyAt: number; pos: PosNode; depth: number }
interface SeqFrame { seq: unknown[]; key: string | null; pos: PosNode; depth: number }
type Frame = MapFrame | SeqFrame;

/** Where yaml starts a scalar: a plain one at its text, a quoted one at its quote; a block scalar or an empty value: unknown. */
function scalarAt(ev: ScalarEvent): number {
  if (ev.style === SCALAR_STYLE.PLAIN) return ev.valueEnd > ev.valueStart ? ev.valueStart : -1;
  return ev.style === SCALAR_STYLE.SINGLE_QUOTED || ev.style === SCALAR_STYLE.DOUBLE_QUOTED ? ev.valueStart - 1 : -1;
}

/**
 * The plan's data when yaml's reader would find nothing to report in `text`, else undefined (see the module's doc).
 * Never throws.
 */
export function readFast(text: string): FastRead | undefined {
  // (A lone carriage return is a line break to YAML but not to the line index of src/load.ts: yaml reads those.)
  if (text.charCodeAt(0) === 0xfeff || text.includes('\t') || /\r(?!\n)/.test(text) || XML_ILLEGAL.test(text)) return undefined;
  try {
    return walk(text);
  } catch {
    // A syntax error (YAMLException), something yaml must decide (YIELD), or nesting deep enough to exhaust the stack.
    return undefined;
  }
}

function walk(text: string): FastRead | undefined {
  const events = parseEvents(text, { maxDepth: MAX_DEPTH + 2 });
  const escapes = text.includes('\\');
  let root: FastRead | undefined;
  let documents = 0;
  const stack: Frame[] = [];
  /** Places a value in the frame on top (as a mapping's value or a sequence's item). */
  const place = (value: unknown, pos: PosNode) => {
    const top = stack[stack.length - 1];
    if ('map' in top) {
      top.map[top.key!] = value;
      top.pos.keys!.set(top.key!, { at: top.keyAt, node: pos });
      top.key = undefined;
    } else {
      top.seq.push(value);
      top.pos.items!.push(pos);
    }
  };
  for (const ev of events) {
    switch (ev.type) {
      case EVENT_ID.DOCUMENT:
        if (++documents > 1 || ev.directives.length) throw YIELD;
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        if (ev.anchorStart >= 0 || ev.tagStart >= 0) throw YIELD;
        const top = stack[stack.length - 1];
        if (top && 'map' in top && top.key === undefined) throw YIELD; // a collection as a key
        const depth = top ? top.depth + 1 : 0;
        if (depth > MAX_DEPTH) throw YIELD;
        // The key a text is checked under (src/load.ts commentsInText): a mapping's own keys; a sequence, its parent's.
        const inherited = top ? ('map' in top ? top.key! : top.key) : null;
        const frame: Frame = ev.type === EVENT_ID.MAPPING
          ? { map: {}, key: undefined, keyAt: -1, pos: { at: ev.start, keys: new Map() }, depth }
          : { seq: [], key: inherited, pos: { at: ev.start, items: [] }, depth };
        if (top) place('map' in frame ? frame.map : frame.seq, frame.pos);
        else if ('map' in frame) root = { data: frame.map, positions: frame.pos };
        else throw YIELD; // the root is not a mapping
        stack.push(frame);
        break;
      }
      case EVENT_ID.SCALAR: {
        if (ev.anchorStart >= 0 || ev.tagStart >= 0) throw YIELD;
        const top = stack[stack.length - 1];
        if (!top) throw YIELD; // the root is a scalar
        const source = getScalarValue(text, ev);
        const plain = ev.style === SCALAR_STYLE.PLAIN;
        if ('map' in top && top.key === undefined) {
          // YAML allows an implicit key of at most 1024 characters (yaml refuses a longer one; js-yaml does not).
          if (ev.valueEnd - ev.valueStart > 1000) throw YIELD;
          const key = plain ? resolvePlain(source, true) : source;
          if (typeof key !== 'string' || key === '__proto__' || Object.hasOwn(top.map, key)) throw YIELD;
          if (escapes && XML_ILLEGAL.test(key)) throw YIELD;
          top.key = key;
          top.keyAt = scalarAt(ev);
          break;
        }
        if (top.depth + 1 > MAX_DEPTH) throw YIELD;
        const value = plain ? resolvePlain(source, false) : source;
        if (typeof value === 'string') {
          if (escapes && XML_ILLEGAL.test(value)) throw YIELD;
          if (plain && cutByComment(text, ev, value, top)) throw YIELD;
        }
        place(value, { at: scalarAt(ev) });
        break;
      }
      case EVENT_ID.ALIAS:
        throw YIELD;
      case EVENT_ID.POP:
        stack.pop();
        break;
    }
  }
  return documents === 1 ? root : undefined;
}

/** True when a `#` after this plain text looks cut from it (what src/load.ts commentsInText warns of). */
function cutByComment(text: string, ev: ScalarEvent, value: string, top: Frame): boolean {
  const key = 'map' in top ? top.key! : top.key;
  if (key !== null && CODE_KEYS.has(key)) return false;
  const next = text.charCodeAt(ev.valueEnd);
  if (next !== 0x20 && next !== 0x09) return false; // only blanks then "#" make a comment
  const eol = text.indexOf('\n', ev.valueEnd);
  const rest = text.slice(ev.valueEnd, eol < 0 ? text.length : eol).replace(/\r$/, '');
  const m = /^([ \t]+)#(.*)$/.exec(rest);
  return !!m && looksCut(value, m[1], m[2]);
}
