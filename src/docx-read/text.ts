/**
 * Reads a plan kept as plain text (the seeds' form): one paragraph per non-empty line, `*…*` italic, `**…**` bold,
 * `***…***` both; leading Markdown `#` marks dropped; a line ending in two spaces, or with a mark left open,
 * continues with a line break.
 */
import type { DocModel, Para, Run, RunFormat } from './model.js';

const fmt = (bold: boolean, italic: boolean): RunFormat => ({ fonts: {}, bold, italic, underline: false });

/** Splits a line into runs by its `*` marks (unbalanced marks stay as text). */
export function runsOf(line: string): Run[] {
  const out: Run[] = [];
  const re = /(\*{1,3})(?=\S)([\s\S]+?)(?<=\S)\1(?!\*)/gu;
  let last = 0;
  for (const m of line.matchAll(re)) {
    if (m.index! > last) out.push({ text: line.slice(last, m.index), format: fmt(false, false) });
    const n = m[1].length;
    out.push({ text: m[2], format: fmt(n >= 2, n !== 2) });
    last = m.index! + m[0].length;
  }
  if (last < line.length) out.push({ text: line.slice(last), format: fmt(false, false) });
  return out;
}

/** True when a `**` (or single `*`) mark is left open. A note's mark "(*)" is text, as the inline grammar reads it. */
const open = (s0: string) => { const s = s0.replace(/\(\*\)/g, ''); return ((s.match(/\*\*/g)?.length ?? 0) % 2 === 1) || ((s.replace(/\*\*/g, '').match(/(?<!\\)\*/g)?.length ?? 0) % 2 === 1); };

/** Builds the document model of a text file (no tables, no sections: those checks do not apply to text). */
export function readText(text: string): DocModel {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const body: Para[] = [];
  let pending: string | null = null;
  let lead = 0;
  const push = (runs: Run[]) => {
    body.push({
      kind: 'p', index: body.length + 1, text: runs.map((r) => r.text).join(''), runs,
      indent: { left: 0, firstLine: 0 }, spacing: { before: 0, after: 0 }, border: { top: false, bottom: false }, fields: [], footnotes: [], drawings: 0,
      ...(lead ? { lead } : {}),
    });
  };
  for (const raw of lines) {
    const cont = / {2}$/.test(raw);
    // Inner runs of spaces are kept (two columns typed side by side); the leading ones are counted.
    const line = raw.replace(/^#{1,6}\s+/, '').replace(/\s+$/, '');
    const text = line.trim();
    if (!text) { if (pending !== null) { push(runsOf(pending)); pending = null; } continue; }
    if (pending === null) lead = /^[ \t]*/.exec(line)![0].replace(/\t/g, ' '.repeat(8)).length;
    pending = pending === null ? text : `${pending}\n${text}`;
    // A bold or italic span left open continues on the next line (a signature block typed as **A\nB**).
    if (!cont && !open(pending)) { push(runsOf(pending)); pending = null; }
  }
  if (pending !== null) push(runsOf(pending));
  return { source: 'txt', body, sections: [], parts: {}, footnotes: [] };
}
