/**
 * Word's automatic list numbering (word/numbering.xml): computes the label each numbered paragraph shows
 * ("I.", "1.", "a)", "-"), so a list typed with Word's numbering button reads like one typed by hand.
 * ECMA-376 Part 1 §17.9.
 */
import { child, kids, val, type El } from './xml.js';
import { roman, vnLetter } from '../form/numbering.js';

interface Level { start: number; fmt: string; text: string }

/** Label maker for one document: call `label(numId, ilvl)` for each numbered paragraph in reading order. */
export function numberingOf(root: El[] | undefined): (numId: string, ilvl: number) => string | undefined {
  const top = root?.find((e) => e.name === 'w:numbering');
  const abstract = new Map<string, Map<number, Level>>();
  for (const a of kids(top, 'w:abstractNum')) {
    const levels = new Map<number, Level>();
    for (const l of kids(a, 'w:lvl')) {
      levels.set(Number(l.attrs['w:ilvl'] ?? 0), { start: Number(val(l, 'w:start') ?? 1), fmt: val(l, 'w:numFmt') ?? 'decimal', text: val(l, 'w:lvlText') ?? '' });
    }
    abstract.set(a.attrs['w:abstractNumId'], levels);
  }
  const nums = new Map<string, { levels: Map<number, Level>; key: string }>();
  for (const n of kids(top, 'w:num')) {
    const aid = val(n, 'w:abstractNumId') ?? '';
    const levels = new Map(abstract.get(aid) ?? []);
    for (const o of kids(n, 'w:lvlOverride')) {
      const ilvl = Number(o.attrs['w:ilvl'] ?? 0);
      const so = val(o, 'w:startOverride');
      const l = levels.get(ilvl);
      if (l && so) levels.set(ilvl, { ...l, start: Number(so) });
    }
    nums.set(n.attrs['w:numId'], { levels, key: n.attrs['w:numId'] });
  }
  const counters = new Map<string, number[]>();
  const fmtNum = (fmt: string, n: number): string => {
    switch (fmt) {
      case 'upperRoman': return roman(n);
      case 'lowerRoman': return roman(n).toLowerCase();
      case 'upperLetter': return String.fromCharCode(64 + ((n - 1) % 26) + 1);
      case 'lowerLetter': return vnLetter(n);
      case 'none': return '';
      default: return String(n);
    }
  };
  return (numId, ilvl) => {
    const def = nums.get(numId);
    if (!def || numId === '0') return undefined;
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
      return fmtNum(i === ilvl ? lvl.fmt : (def.levels.get(i)?.fmt ?? 'decimal'), c[i] ?? 1);
    });
  };
}
