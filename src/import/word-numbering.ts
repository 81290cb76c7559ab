/**
 * The numbering of a Word document's body, decided from all its markers at once (issue 19 item 4): each list takes
 * the style most of its items are numbered in, each level the family's style (layout.yaml `danh_so`) unless every
 * list of that level is numbered alike in another; a list off its level's style is its parent's `danh_so_con`, and
 * an item whose marker is not the one its list's style would print there keeps it as its own `so`. So a marker typed
 * on one item ("I/" then "II.", "III.") comes back as that item's `so`, not as the style of every section.
 * The numbers are counted as render counts them (src/form/numbering.ts formatNumber, as src/normalise/body.ts walks).
 */
import type { Muc } from '../types/plan.js';
import { parsePattern, formatNumber, counterValue, coreOfLabel, type Marker } from '../form/numbering.js';
import { MARKERS } from './body.js';
import type { Notes, Path } from './notes.js';

type Item = Exclude<Muc, string>;
const SO_NOTE = 'số thứ tự giữ như văn bản nguồn';

/** The items of a list that body.ts read with a marker, with it. */
const numbered = (list: Muc[]): [Item, Marker][] => list.flatMap((it) => (typeof it === 'object' && MARKERS.has(it) ? [[it, MARKERS.get(it)!] as [Item, Marker]] : []));

/** The style most of a list's numbered items are in (the first item's on a tie); undefined when none is numbered. */
function listStyle(list: Muc[]): string | undefined {
  const counts = new Map<string, number>();
  for (const [, mk] of numbered(list)) counts.set(mk.style, (counts.get(mk.style) ?? 0) + 1);
  let best: string | undefined;
  for (const [style, n] of counts) if (best === undefined || n > counts.get(best)!) best = style;
  return best;
}

/**
 * Renumbers the body read from a Word document: sets `so` and `danh_so_con` afresh from the markers (the readings
 * body.ts made item by item are replaced; their comments too). A phase (`dot`) numbered as its list counts keeps
 * `so: true` (render numbers a phase only when asked).
 * @param family the family's `danh_so`
 * @param base the list's data path (["noi_dung"])
 * @returns the styles of the levels (as body.ts readBody's `styles`: index = depth)
 */
export function renumberWord(items: Muc[], family: readonly string[], notes: Notes, base: Path): string[] {
  // The lists of each depth.
  const byDepth: Muc[][][] = [];
  const collect = (list: Muc[], depth: number) => {
    (byDepth[depth] ??= []).push(list);
    for (const it of list) if (typeof it === 'object' && it.noi_dung) collect(it.noi_dung, depth + 1);
  };
  collect(items, 0);
  const styles: string[] = byDepth.map((lists, depth) => {
    const own = lists.map(listStyle).filter((s): s is string => s !== undefined);
    if (!own.length) return family[depth];
    if (depth === 0) return own[0];
    return own.every((s) => s === own[0]) && own[0] !== family[depth] ? own[0] : family[depth];
  });
  for (let i = notes.comments.length - 1; i >= 0; i--) if (notes.comments[i].text.startsWith(SO_NOTE)) notes.comments.splice(i, 1);
  const walk = (list: Muc[], depth: number, style: string | undefined, parentCore: string, path: Path) => {
    const pat = style ? parsePattern(style) : null;
    let n = 0;
    list.forEach((it, i) => {
      if (typeof it !== 'object') return;
      const mk = MARKERS.get(it);
      let core = parentCore;
      if (mk) {
        const auto = pat ? formatNumber(pat, n + 1, parentCore) : null;
        // a phase is numbered only when asked (so: true, in its place); any other item takes its number by default
        if (auto && auto.label === mk.label) { n++; core = auto.core; if (it.dot) it.so = true; else delete it.so; }
        else {
          it.so = mk.label;
          notes.comment([...path, i, 'so'], `${SO_NOTE} (đoạn ${notes.paraOf([...path, i])})`);
          core = coreOfLabel(mk.label);
          n = counterValue(core, pat?.token) ?? n + 1;
        }
      }
      if (it.noi_dung) {
        delete it.danh_so_con;
        const own = listStyle(it.noi_dung);
        const level = styles[depth + 1];
        if (own !== undefined && own !== level) it.danh_so_con = own;
        walk(it.noi_dung, depth + 1, it.danh_so_con ?? level, core, [...path, i, 'noi_dung']);
      }
    });
  };
  walk(items, 0, styles[0], '', base);
  return styles;
}
