/**
 * Writes the imported plan as commented YAML (the `yaml` Document API): a comment above each key or item the
 * recogniser guessed or could not place.
 */
import { Document, isMap, isSeq, isPair, isScalar, type Node } from 'yaml';
import type { Path } from './notes.js';

/**
 * @param plan the plan object (schema shape)
 * @param comments comments by data path; several on one path are joined
 * @param header comment lines for the top of the file
 */
export function planToYaml(plan: object, comments: { path: Path; text: string }[], header: string[]): string {
  const doc = new Document(plan);
  const byPath = new Map<string, { path: Path; texts: string[] }>();
  for (const c of comments) {
    const k = JSON.stringify(c.path);
    const hit = byPath.get(k);
    if (hit) { if (!hit.texts.includes(c.text)) hit.texts.push(c.text); } else byPath.set(k, { path: c.path, texts: [c.text] });
  }
  for (const { path, texts } of byPath.values()) {
    const text = texts.map((t) => ' ' + t).join('\n');
    const last = path[path.length - 1];
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    if (typeof last === 'string' && isMap(parent)) {
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === last);
      if (pair && isScalar(pair.key)) { pair.key.commentBefore = pair.key.commentBefore ? `${pair.key.commentBefore}\n${text}` : text; continue; }
    }
    if (typeof last === 'number' && isSeq(parent)) {
      const item = parent.items[last] as Node | undefined;
      if (item && (isScalar(item) || isMap(item) || isSeq(item))) { item.commentBefore = item.commentBefore ? `${item.commentBefore}\n${text}` : text; continue; }
    }
    // No node for the path (a value the plan does not carry): put the note at the top.
    doc.commentBefore = `${doc.commentBefore ? doc.commentBefore + '\n' : ''} ${path.join('.')}: ${texts.join('; ')}`;
  }
  doc.commentBefore = [...header.map((h) => ' ' + h), ...(doc.commentBefore ? [doc.commentBefore] : [])].join('\n');
  return doc.toString({ lineWidth: 0 });
}
