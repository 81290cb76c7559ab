/**
 * The Nơi nhận heading (ô 9b) and the Lưu line that closes the recipients: written from the family's `mau.noi_nhan`
 * ('Nơi nhận:', NĐ 30/2020 Phụ lục I mục II.9; HD 36-HD/VPTW) and `mau.luu` ('Lưu: {noi}.' for the state, the unions
 * and the Front; 'Lưu {noi}.' without a colon for the Party, HD 36-HD/VPTW, and the Youth Union, QĐ 367) and read
 * back by the same patterns (src/form/pattern.ts). Render (src/normalise/closing.ts), import and the rules go
 * through here.
 *
 * The readers are as tolerant as real Word documents are, beyond the pattern language's own tolerance (":" may be
 * left out, any spacing): the heading may carry the markup stars of bold or italic runs around it ("**Nơi nhận:**",
 * "*Nơi nhận*:") and a second colon; the Lưu line may start with the "- " the recipients' lines have, and may leave
 * out the pattern's final full stop ("Lưu VT").
 */
import type { LayoutProfile } from '../profile.js';
import { fillPattern, patternMatcher } from './pattern.js';

/** The Nơi nhận heading of a family, as its layout writes it ("Nơi nhận:"). */
export function noiNhanHeading(profile: LayoutProfile): string {
  return profile.mau.noi_nhan;
}

/**
 * The Lưu line of a family without its leading "- " (the recipients' dash the view adds): "Lưu: VT, VP." for the
 * state, "Lưu Văn phòng." for the Party (layout.yaml `mau.luu`).
 * @param noi the filing units in order ("VT", "VP"), joined with ", "; a string is put in as it is
 */
export function luuLine(profile: LayoutProfile, noi: readonly string[] | string): string {
  return fillPattern(profile.mau.luu, { noi: typeof noi === 'string' ? noi : noi.join(', ') });
}

/** The Lưu line's text before the units ("Lưu: " for the state, "Lưu " for the Party): where `mau.luu_dau` must follow. */
export function luuHead(profile: LayoutProfile): string {
  return profile.mau.luu.split('{noi}')[0];
}

/** A Lưu line read back: the text after the word "Lưu" as written (the typist's initials may follow the units), and the families of the patterns that read it so. */
export type LuuReading = { noi: string; families: string[] };

/** The units of a Lưu line's text: "VT, VP." → ["VT", "VP"] (a final full stop dropped, split at commas). */
export function luuUnits(noi: string): string[] {
  return noi.replace(/\.$/, '').split(/\s*,\s*/u).filter(Boolean);
}

/** Each distinct pattern of a layout key with the families that write it. */
function byPattern(profiles: readonly LayoutProfile[], key: 'noi_nhan' | 'luu'): [string, string[]][] {
  const out = new Map<string, string[]>();
  for (const p of profiles) out.set(p.mau[key], [...(out.get(p.mau[key]) ?? []), p.khoi]);
  return [...out];
}

/**
 * A reader of Nơi nhận headings by every given family's `mau.noi_nhan` (a document is read before its family is
 * known). Markup stars around the words ("**Nơi nhận:**", "*Nơi nhận*:") are left aside first; a second colon after
 * them ("Nơi nhận: :") is allowed.
 * @returns a function giving the families whose heading the line is, or null when it is none
 */
export function noiNhanHeadingReader(profiles: readonly LayoutProfile[]): (text: string) => string[] | null {
  const matchers = byPattern(profiles, 'noi_nhan').map(([pattern, families]) => ({ families, match: patternMatcher(pattern, {}, ':?\\s*') }));
  return (text: string) => {
    const t = text.replace(/^\*+/, '').replace(/\*+(?=\s*:?$)/, '');
    const families = matchers.filter((m) => m.match(t)).flatMap((m) => m.families);
    return families.length ? families : null;
  };
}

/**
 * A reader of Lưu lines by every given family's `mau.luu`. A leading "-" is left aside first, and the pattern's
 * final full stop is optional (it stays in `noi` when written, for the caller to read a typist's initials after it:
 * "- Lưu: VT, KGVXNV. Trâm."). Where patterns read the line differently ("Lưu: VT" by 'Lưu {noi}.' gives ": VT"),
 * the reading with the shortest `noi` wins: the pattern that accounts for more of the line.
 * @returns a function giving the reading of a line, or null when no family's pattern matches it
 */
export function luuReader(profiles: readonly LayoutProfile[]): (text: string) => LuuReading | null {
  const matchers = byPattern(profiles, 'luu').map(([pattern, families]) => ({ families, match: patternMatcher(pattern.replace(/\.$/, ''), { noi: { value: '.+?' } }, '\\s*') }));
  return (text: string) => {
    const t = text.replace(/^-/, '');
    let hit: LuuReading | null = null;
    for (const m of matchers) {
      const v = m.match(t);
      if (!v) continue;
      if (!hit || v.noi.length < hit.noi.length) hit = { noi: v.noi, families: [...m.families] };
      else if (v.noi === hit.noi) hit.families.push(...m.families);
    }
    return hit;
  };
}
