/**
 * The pattern language of the page's fixed lines: literal text with `{field}`s, as a family's layout.yaml writes
 * them under `mau:` ('Số: {so}/{loai}-{co_quan}', '{dia_danh}, ngày {ngay} tháng {thang} năm {nam}', 'Lưu: {noi}.').
 * One pattern both fills (`fillPattern`, to render) and matches (`patternMatcher`, to read a document back), so a
 * line that `render` writes is a line that import and `check` recognise.
 *
 * Matching is as tolerant as real documents are of the spacing around punctuation and nothing else: a space of the
 * pattern matches any run of white space (none too); ":" may be left out ("Số 05/KH-UBND"); "-" also matches the
 * en dash "–"; spaces around ":", "-", "/" are allowed ("Số : 02 /KH - LĐLĐ"); letters match in either case.
 */

/** Fills `{name}` placeholders from a record; an unknown name stays as it is ("{x}"). */
export function fillPattern(pattern: string, values: Record<string, string | number>): string {
  return pattern.replace(/\{(\w+)\}/g, (all, k: string) => (Object.hasOwn(values, k) ? String(values[k]) : all));
}

/** The pattern from a field on: fromField('Số: {so}/{loai}-{co_quan}', 'so') → '{so}/{loai}-{co_quan}'; '' without it. */
export function fromField(pattern: string, field: string): string {
  const i = pattern.indexOf(`{${field}}`);
  return i < 0 ? '' : pattern.slice(i);
}

/** How a field is matched: a regular expression's source for its value, and what may follow it unseen (blanks). */
export interface FieldSpec { value: string; after?: string }

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The regular expression of a pattern's literal text (see the module comment for its tolerance). */
function literal(text: string): string {
  let out = '';
  for (const ch of text) {
    if (/\s/u.test(ch)) out += '\\s*';
    else if (ch === ':') out += '\\s*:?\\s*';
    else if (ch === '-' || ch === '–') out += '\\s*[-–]\\s*';
    else if (/[\p{L}\p{N}]/u.test(ch)) out += escape(ch);
    else out += `\\s*${escape(ch)}\\s*`;
  }
  return out.replace(/(\\s\*)+/g, '\\s*');
}

/**
 * A matcher of a whole line by a pattern.
 * @param fields how each field of the pattern is matched; a field not given matches any text (lazily)
 * @param end what may close the line unseen (default: a final ".", "," or ";" and white space)
 * @returns a function giving the fields' values as written (trimmed), or null when the line is not of the pattern
 */
export function patternMatcher(pattern: string, fields: Record<string, FieldSpec> = {}, end = '[.,;]?\\s*'): (text: string) => Record<string, string> | null {
  const names: string[] = [];
  let src = '';
  let last = 0;
  for (const m of pattern.matchAll(/\{(\w+)\}/g)) {
    src += literal(pattern.slice(last, m.index));
    const spec = fields[m[1]] ?? { value: '.*?' };
    src += `(${spec.value})${spec.after ?? ''}`;
    names.push(m[1]);
    last = m.index + m[0].length;
  }
  src += literal(pattern.slice(last));
  const re = new RegExp(`^\\s*${src}${end}$`, 'iu');
  return (text: string) => {
    const m = re.exec(text);
    if (!m) return null;
    return Object.fromEntries(names.map((n, i) => [n, m[i + 1].trim()]));
  };
}
