/**
 * What the cursor is on in a plan's YAML as it is being typed (the language server's completion and hover,
 * src/lsp/server.ts): the key path of a line found from the indentation alone (a half-typed plan rarely parses), and
 * the plan schema's entry for a path (schemas/ke-hoach.schema.json, the single source of the plan's shape).
 */
import { planSchema } from '../validate/schema.js';

/** A path of keys from the plan's root; `*` stands for any item of a list. */
export type KeyPath = string[];

/** One line of block YAML as read for the path: its indentation, its list dashes and its key. */
interface LineShape {
  /** Column (0-based) of the first character. */
  col: number;
  /** The line starts with "- " (a list item), at `col`. */
  dash: boolean;
  /** The key written on the line (after the dashes), and its column. */
  key?: string;
  keyCol?: number;
}

const KEY_LINE = /^(\s*)((?:-\s+)*)([A-Za-z_][\w]*)\s*:(?:\s|$)/u;
const DASH_LINE = /^(\s*)-(?:\s|$)/u;

function shapeOf(line: string): LineShape | null {
  if (/^\s*(#.*)?$/u.test(line)) return null;
  const col = /^\s*/u.exec(line)![0].length;
  const m = KEY_LINE.exec(line);
  if (m) return { col, dash: m[2].length > 0, key: m[3], keyCol: m[1].length + m[2].length };
  return { col, dash: DASH_LINE.test(line) };
}

/**
 * The key path of line `row` (0-based) of a block-style YAML text, read from the indentation of the lines above it:
 * `[..., key]` for a line holding a key, `[..., '*']` for a list item without a key. Flow collections (`[a, b]`) are
 * read as values. Undefined for a blank or comment line, or a line holding neither.
 */
export function keyPathAt(lines: readonly string[], row: number): KeyPath | undefined {
  const here = shapeOf(lines[row] ?? '');
  if (!here) return undefined;
  let path: KeyPath;
  let level: number;
  if (here.key !== undefined) {
    path = here.dash ? ['*', here.key] : [here.key];
    level = here.col;
  } else if (here.dash) {
    path = ['*'];
    level = here.col;
  } else return undefined;
  for (let j = row - 1; j >= 0 && level > 0; j--) {
    const s = shapeOf(lines[j]);
    if (!s) continue;
    if (s.col < level) {
      if (s.key !== undefined && s.keyCol! < level) path = s.dash ? ['*', s.key, ...path] : [s.key, ...path];
      else if (s.dash) path = ['*', ...path];
      else continue; // a continuation line of a text
      level = s.col;
    } else if (s.col === level && path[0] === '*' && s.key !== undefined && !s.dash) {
      // `key:` with its list's dashes at the key's own column (YAML allows it)
      path = [s.key, ...path];
      level = s.col; // (path[0] is now the key: a line at this column is no parent of it)
    }
  }
  return path;
}

type SchemaNode = Record<string, unknown>;

function resolveRef(node: SchemaNode | undefined, root: SchemaNode): SchemaNode | undefined {
  for (let i = 0; node && typeof node.$ref === 'string' && i < 20; i++) {
    const ref = node.$ref as string;
    if (!ref.startsWith('#/')) return node;
    let next: unknown = root;
    for (const seg of ref.slice(2).split('/')) next = (next as SchemaNode | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
    const { $ref: _, ...rest } = node;
    node = { ...(next as SchemaNode), ...rest };
  }
  return node;
}

/** A schema and its alternatives (oneOf, anyOf, allOf), references resolved. */
function variants(node: SchemaNode | undefined, root: SchemaNode): SchemaNode[] {
  const n = resolveRef(node, root);
  if (!n) return [];
  const out = [n];
  for (const k of ['oneOf', 'anyOf', 'allOf']) for (const alt of (n[k] as SchemaNode[] | undefined) ?? []) out.push(...variants(alt, root));
  if (n.then) out.push(...variants(n.then as SchemaNode, root));
  if (n.else) out.push(...variants(n.else as SchemaNode, root));
  return out;
}

/**
 * The plan schema's entries for a key path (each alternative that has the path), references resolved.
 * @returns the entries, most specific first; empty when the schema has no such path
 */
export function schemaAt(path: KeyPath): SchemaNode[] {
  const root = planSchema() as SchemaNode;
  let nodes = variants(root, root);
  for (const seg of path) {
    const next: SchemaNode[] = [];
    for (const n of nodes) {
      if (seg === '*') {
        if (n.items && typeof n.items === 'object') next.push(...variants(n.items as SchemaNode, root));
      } else {
        const p = (n.properties as Record<string, SchemaNode> | undefined)?.[seg];
        if (p) next.push(...variants(p, root));
      }
    }
    nodes = next;
    if (!nodes.length) break;
  }
  return nodes;
}

/** The first title and description the schema gives a key path (for hover). */
export function describe(path: KeyPath): { title?: string; description?: string } | undefined {
  const nodes = schemaAt(path);
  const title = nodes.find((n) => typeof n.title === 'string')?.title as string | undefined;
  const description = nodes.find((n) => typeof n.description === 'string')?.description as string | undefined;
  return title || description ? { ...(title ? { title } : {}), ...(description ? { description } : {}) } : undefined;
}

/** The values the schema lists for a key path (`enum`, `const`), each once. */
export function enumAt(path: KeyPath): unknown[] {
  const out: unknown[] = [];
  for (const n of schemaAt(path)) {
    for (const v of (n.enum as unknown[] | undefined) ?? []) if (!out.includes(v)) out.push(v);
    if ('const' in n && !out.includes(n.const)) out.push(n.const);
  }
  return out;
}

/** The keys the schema allows in the mapping at a key path, with their titles (for completing a key). */
export function keysAt(path: KeyPath): { key: string; title?: string }[] {
  const seen = new Map<string, string | undefined>();
  for (const n of schemaAt(path)) {
    for (const [k, v] of Object.entries((n.properties as Record<string, SchemaNode> | undefined) ?? {})) {
      if (!seen.has(k) || !seen.get(k)) seen.set(k, typeof v.title === 'string' ? v.title : undefined);
    }
  }
  return [...seen].map(([key, title]) => ({ key, ...(title ? { title } : {}) }));
}
