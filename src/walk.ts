/**
 * The one walk over a plan's plain data (as read from YAML) that visits its strings with their paths, used by the
 * rules' text list (src/rules/types.ts) and the footnote check (src/normalise/footnotes.ts).
 */

/** A path into the data: keys and list indexes. */
export type DataPath = (string | number)[];

/**
 * Visits every string under `root` in document order (a mapping's own keys in their order, a list's items in theirs).
 * The path given to `visit` is one array changed as the walk goes: a visitor that keeps it copies it (so a walk over
 * thousands of values copies paths only where something is found).
 * @param skip keys not entered, by name and depth (0: the root's own keys)
 */
export function eachString(root: unknown, visit: (text: string, path: DataPath) => void, skip: (key: string, depth: number) => boolean = () => false): void {
  const path: DataPath = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') visit(v, path);
    else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) { path.push(i); walk(v[i]); path.pop(); }
    else if (v && typeof v === 'object') {
      for (const k in v) {
        if (!Object.hasOwn(v, k) || skip(k, path.length)) continue;
        path.push(k); walk((v as Record<string, unknown>)[k]); path.pop();
      }
    }
  };
  walk(root);
}
