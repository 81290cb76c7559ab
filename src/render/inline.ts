/**
 * Inline formatting inside any text: `*italic*` and `**bold**` (CommonMark emphasis, via markdown-it; `\*`
 * escapes a literal star). Returns spans with their emphasis, merged onto the paragraph's own style.
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt('zero').enable(['emphasis', 'escape']);

/** A run of text with its emphasis. */
export interface Span { text: string; bold: boolean; italic: boolean }

/** Splits one line of text with inline markdown into formatted spans (empty spans dropped). */
export function inlineSpans(src: string): Span[] {
  const tokens = md.parseInline(src, {})[0]?.children ?? [];
  const out: Span[] = [];
  let bold = 0;
  let italic = 0;
  for (const t of tokens) {
    if (t.type === 'strong_open') bold++;
    else if (t.type === 'strong_close') bold--;
    else if (t.type === 'em_open') italic++;
    else if (t.type === 'em_close') italic--;
    else if (t.content) {
      const last = out[out.length - 1];
      if (last && last.bold === bold > 0 && last.italic === italic > 0) last.text += t.content;
      else out.push({ text: t.content, bold: bold > 0, italic: italic > 0 });
    } else if (t.type === 'softbreak' || t.type === 'hardbreak') {
      const last = out[out.length - 1];
      if (last) last.text += ' ';
    }
  }
  return out;
}

/** The text without its markdown marks (for measuring and for plain-text output). */
export const plainText = (src: string): string => inlineSpans(src).map((s) => s.text).join('');
