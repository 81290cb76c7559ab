/**
 * Word's automatic list numbering (word/numbering.xml): computes the label each numbered paragraph shows
 * ("I.", "1.", "a)", "-"), so a list typed with Word's numbering button reads like one typed by hand.
 * ECMA-376 Part 1 §17.9. Every number read is bounded (limits.ts): levels 0–8, start values 0–MAX_START; a level
 * or a start outside is read as absent, and a counter past what a format can write is written in digits.
 */
import { kids, val, type El } from './xml.js';
import { roman, vnLetter, VN_LETTERS } from '../form/numbering.js';
import { intIn, MAX_ILVL, MAX_START } from './limits.js';

/** Largest counter written in Roman numerals (the notation ends at MMMCMXCIX) or in Vietnamese letters (past "y" the letter doubles: 4 repeats at most here). */
const MAX_ROMAN = 3999;
const MAX_LETTERS = 4;
/** Longest level text read (w:lvlText): Word's own limit is 255 characters (the Number format box). */
const MAX_LVL_TEXT = 255;

/**
 * The text of counter `n` in a Word number format (ST_NumberFormat, ECMA-376 Part 1 §17.18.59), safe for any n:
 * Roman 1–3999, Vietnamese letters up to four repeats; other values, and other formats, in digits.
 */
export function formatCounter(fmt: string, n: number): string {
  if (!Number.isSafeInteger(n)) return '';
  switch (fmt) {
    case 'upperRoman': return n >= 1 && n <= MAX_ROMAN ? roman(n) : String(n);
    case 'lowerRoman': return n >= 1 && n <= MAX_ROMAN ? roman(n).toLowerCase() : String(n);
    case 'upperLetter': return n >= 1 ? String.fromCharCode(64 + ((n - 1) % 26) + 1) : String(n);
    case 'lowerLetter': return n >= 1 && n <= VN_LETTERS.length * MAX_LETTERS ? vnLetter(n) : String(n);
    case 'none': return '';
    default: return String(n);
  }
}

interface Level { start: number; fmt: string; text: string }

/** Label maker for one document: call `label(numId, ilvl)` for each numbered paragraph in reading order. */
export function numberingOf(root: El[] | undefined): (numId: string, ilvl: number) => string | undefined {
  const top = root?.find((e) => e.name === 'w:numbering');
  const abstract = new Map<string, Map<number, Level>>();
  for (const a of kids(top, 'w:abstractNum')) {
    const levels = new Map<number, Level>();
    for (const l of kids(a, 'w:lvl')) {
      const ilvl = intIn(l.attrs['w:ilvl'] ?? '0', 0, MAX_ILVL);
      if (ilvl === undefined || !Number.isInteger(ilvl)) continue;
      const start = intIn(val(l, 'w:start') ?? '1', 0, MAX_START);
      levels.set(ilvl, { start: start !== undefined && Number.isInteger(start) ? start : 1, fmt: val(l, 'w:numFmt') ?? 'decimal', text: (val(l, 'w:lvlText') ?? '').slice(0, MAX_LVL_TEXT) });
    }
    abstract.set(a.attrs['w:abstractNumId'], levels);
  }
  const nums = new Map<string, { levels: Map<number, Level>; key: string }>();
  for (const n of kids(top, 'w:num')) {
    const aid = val(n, 'w:abstractNumId') ?? '';
    const levels = new Map(abstract.get(aid) ?? []);
    for (const o of kids(n, 'w:lvlOverride')) {
      const ilvl = intIn(o.attrs['w:ilvl'] ?? '0', 0, MAX_ILVL);
      const so = intIn(val(o, 'w:startOverride'), 0, MAX_START);
      const l = ilvl === undefined ? undefined : levels.get(ilvl);
      if (l && so !== undefined && Number.isInteger(so)) levels.set(ilvl!, { ...l, start: so });
    }
    nums.set(n.attrs['w:numId'], { levels, key: n.attrs['w:numId'] });
  }
  const counters = new Map<string, number[]>();
  return (numId, ilvl) => {
    const def = nums.get(numId);
    if (!def || numId === '0' || !Number.isInteger(ilvl) || ilvl < 0 || ilvl > MAX_ILVL) return undefined;
    const lvl = def.levels.get(ilvl);
    if (!lvl) return undefined;
    const c = counters.get(def.key) ?? [];
    for (let i = 0; i < ilvl; i++) if (c[i] === undefined) c[i] = def.levels.get(i)?.start ?? 1;
    c[ilvl] = c[ilvl] === undefined ? lvl.start : c[ilvl] + 1;
    c.length = ilvl + 1;
    counters.set(def.key, c);
    if (lvl.fmt === 'bullet') return /^[-–+*]$/.test(lvl.text) ? lvl.text.replace('–', '-') : '-';
    return lvl.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      return formatCounter(i === ilvl ? lvl.fmt : (def.levels.get(i)?.fmt ?? 'decimal'), c[i] ?? 1);
    });
  };
}
