/**
 * Footnotes of a Word document into the plan's chu_thich (src/form/inline.ts `[^key]`): the reader gives each
 * reference its place (an empty run with `note`, src/docx-read/model.ts) and lines.ts `markup` writes it as `[^n]`.
 */
import { paragraphs, type DocModel } from '../docx-read/model.js';
import { noteKey } from './lines.js';
import type { Notes, Path } from './notes.js';

/**
 * Adds `chu_thich` to an imported plan: each reference the plan's text carries as `[^n]` gets its note's text; a
 * reference in a text read without its runs (a title, a signature) is put at the end of the text its paragraph
 * gave, with a comment; a note with no such text stays as text at the end of the plan (ket_thuc), reported.
 * @param plan the plan being built (modified)
 */
export function placeFootnotes(plan: Record<string, unknown>, doc: DocModel, notes: Notes): void {
  const all = new Map<string, { text: string; para: number }>();
  for (const p of paragraphs(doc)) for (const r of p.runs) if (r.note) all.set(noteKey(r.note.n), { text: r.note.text.replace(/\s+/g, ' ').trim(), para: p.index });
  if (!all.size) return;
  const used = new Set<string>();
  const scan = (v: unknown): void => {
    if (typeof v === 'string') for (const m of v.matchAll(/\[\^([A-Za-z0-9_-]+)\]/g)) used.add(m[1]);
    else if (Array.isArray(v)) v.forEach(scan);
    else if (v && typeof v === 'object') Object.values(v).forEach(scan);
  };
  scan(plan);
  const chuThich: Record<string, string> = {};
  for (const [key, { text, para }] of all) {
    if (!text) continue;
    if (!used.has(key)) {
      const path = [...notes.paths].find(([, q]) => q === para)?.[0].split('\u0000').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
      if (!path || !appendAt(plan, path, `[^${key}]`)) {
        const ket = (plan.ket_thuc as string[] | undefined) ?? [];
        ket.push(text.replace(/\*/g, '\\*'));
        plan.ket_thuc = ket;
        notes.unplaced(['ket_thuc', ket.length - 1], para, text);
        continue;
      }
      notes.comment(path, `chú thích [^${key}]: vị trí dấu chú thích đoán (cuối dòng của đoạn ${para})`);
    }
    chuThich[key] = text.replace(/\*/g, '\\*');
  }
  if (Object.keys(chuThich).length) plan.chu_thich = chuThich;
}

/** Appends `s` to the text at `path` (a string, or an item's doan / tieu_de); false when there is none. */
function appendAt(plan: Record<string, unknown>, path: Path, s: string): boolean {
  let parent: unknown = plan;
  for (const k of path.slice(0, -1)) parent = (parent as Record<string | number, unknown> | undefined)?.[k];
  const last = path[path.length - 1];
  const holder = parent as Record<string | number, unknown> | undefined;
  const v = holder?.[last];
  if (typeof v === 'string') { holder![last] = v + s; return true; }
  if (Array.isArray(v) && typeof v[v.length - 1] === 'string') { v[v.length - 1] += s; return true; }
  if (v && typeof v === 'object') for (const k of ['doan', 'tieu_de', 'ho_ten']) if (typeof (v as Record<string, unknown>)[k] === 'string') { (v as Record<string, string>)[k] += s; return true; }
  return false;
}

