/**
 * What reading a plan's YAML refuses or warns of, shared by its two readers: yaml's (src/load.ts, which reports each
 * finding at its line) and the fast path (src/load-fast.ts, which leaves any text with a finding to yaml's reader).
 */

/** yaml's options for a plan: YAML 1.2 core schema, strict; duplicate keys are found by the readers themselves (one
 * pass per map; yaml's own check is quadratic in the number of keys); a collection used as a key is refused by the
 * schema (unknown key), not printed as a process warning. */
export const YAML_OPTIONS = { prettyErrors: true, uniqueKeys: false, strict: true, logLevel: 'error' } as const;

/** Characters that cannot appear in XML 1.0, including unpaired surrogates (they would become U+FFFD). */
export const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deepest nesting of mappings and lists accepted (a real plan uses fewer than 10 levels). */
export const MAX_DEPTH = 64;

/**
 * Keys whose values are codes, dates, numbers or choices, not text printed as typed: a `# note` after them is the
 * YAML comment its writer meant. One list, derived from the plan schema (src/types/code-keys.ts), also the text
 * rules' walker's (src/rules/types.ts).
 */
export { CODE_KEYS } from './types/code-keys.js';

/**
 * Whether a `#` comment after a plain text looks like part of the text (the warning `yaml/comment-in-text`): "#"
 * followed by a letter or digit ("#2"), a single space before it, or an opening bracket or quote of the text left
 * unclosed by the cut. `space` is the blank run before "#", `after` what follows "#" on the line.
 */
export function looksCut(value: string, space: string, after: string): boolean {
  const opens = (value.match(/[([{“]/gu) ?? []).length;
  const closes = (value.match(/[)\]}”]/gu) ?? []).length;
  return /^[^\s#]/u.test(after) || space === ' ' || opens > closes;
}
