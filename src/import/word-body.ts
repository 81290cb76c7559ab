/**
 * What kehoach writes in a body paragraph that a Word document gives back beyond body.ts's reading (issue 19 item
 * 4): an unnumbered paragraph followed by its enumeration ("… như sau: (1)- …; (2)- …", `liet_ke` printed by
 * src/normalise/body.ts enumeration in the pattern `kieu_liet_ke`, default "(1)-").
 */
import type { Muc } from '../types/plan.js';
import { parsePattern, formatNumber } from '../form/numbering.js';

/** The enumeration pattern render uses when a plan gives none (src/normalise/body.ts). */
const DEFAULT_ENUMERATION = '(1)-';

/**
 * An unnumbered paragraph whose text runs on into "(1)- …" "(2)- …" (two items at least, in order) becomes
 * `{ doan, so: false, liet_ke }`, as render prints it. Lists are changed in place, recursively.
 */
export function enumerationsWord(items: Muc[]): void {
  const lp = parsePattern(DEFAULT_ENUMERATION)!;
  const label = (j: number) => ` ${formatNumber(lp, j).label} `;
  items.forEach((it, i) => {
    if (typeof it === 'object') { if (it.noi_dung) enumerationsWord(it.noi_dung); return; }
    const cuts: number[] = [];
    for (let j = 1, from = 0; ; j++) {
      const at = it.indexOf(label(j), from);
      if (at < 0) break;
      cuts.push(at);
      from = at + label(j).length;
    }
    if (cuts.length < 2 || cuts[0] === 0) return;
    const liet_ke = cuts.map((c, j) => it.slice(c + label(j + 1).length, cuts[j + 1] ?? it.length).trim());
    if (liet_ke.some((t) => !t)) return;
    items[i] = { doan: it.slice(0, cuts[0]).trim(), so: false, liet_ke } as unknown as Muc;
  });
}
