/**
 * The Số and ký hiệu line (ô 3): written from the family's `mau.so_ky_hieu` pattern ('Số: {so}/{loai}-{co_quan}' for
 * the state, NĐ 30/2020 Phụ lục I mục II.3; 'Số {so}-{loai}/{co_quan}' for the Party, HD 36-HD/VPTW mục 1.3; the
 * Youth Union's 'Số: {so}-{loai}/{co_quan}', HD 29-HD/TWĐTN-VP) and read back by the same patterns (src/form/
 * pattern.ts). Render, import, `check` and the rules go through here.
 */
import type { LayoutProfile } from '../profile.js';
import { fillPattern, fromField, patternMatcher, type FieldSpec } from './pattern.js';

/** The parts of a Số line: the number (digits as written; '' for a draft's blank), the type code, the issuer's code. */
export type SoKyHieu = { so: string; loai: string; co_quan: string };

/** How each part is matched: the number may be a draft's blanks (spaces, dots, "…", "_"); the codes as the schema allows. */
const FIELDS: Record<string, FieldSpec> = {
  so: { value: '\\d*', after: '[\\s.…_]*' },
  loai: { value: '[A-ZĐa-zđ]+' },
  co_quan: { value: '\\S.*?' },
};

/** The whole Số line of a family: "Số: 05/KH-UBND" (a draft's number is given as blanks by the caller). */
export function soKyHieuLine(profile: LayoutProfile, parts: SoKyHieu): string {
  return fillPattern(profile.mau.so_ky_hieu, parts);
}

/** The number and ký hiệu without the word "Số" ("05/KH-UBND"), as a reference to the plan writes it (Phụ lục: "Kèm theo …"). */
export function soKyHieuRef(profile: LayoutProfile, parts: SoKyHieu): string {
  return fillPattern(fromField(profile.mau.so_ky_hieu, 'so'), parts);
}

/** The ký hiệu alone ("KH-UBND", Party "KH/BDVTU"): the family's pattern from the type code on. */
export function kyHieu(profile: LayoutProfile, parts: Omit<SoKyHieu, 'so'>): string {
  return fillPattern(fromField(profile.mau.so_ky_hieu, 'loai'), parts);
}

/** A Số line read back: its parts, the ký hiệu as the matching pattern writes it, and the families of that pattern. */
export type SoKyHieuReading = SoKyHieu & { kyHieu: string; families: string[] };

/**
 * A reader of Số lines by every given family's pattern (a document is read before its family is known).
 * @returns a function giving the reading of a line, or null when no family's pattern matches it
 */
export function soKyHieuReader(profiles: readonly LayoutProfile[]): (text: string) => SoKyHieuReading | null {
  const byPattern = new Map<string, string[]>();
  for (const p of profiles) byPattern.set(p.mau.so_ky_hieu, [...(byPattern.get(p.mau.so_ky_hieu) ?? []), p.khoi]);
  const matchers = [...byPattern].map(([pattern, families]) => ({ pattern, families, match: patternMatcher(pattern, FIELDS) }));
  return (text: string) => {
    let hit: SoKyHieuReading | null = null;
    for (const m of matchers) {
      const v = m.match(text);
      if (!v) continue;
      const parts = { so: v.so, loai: v.loai, co_quan: v.co_quan.replace(/\s+/g, '') };
      if (!hit) hit = { ...parts, kyHieu: fillPattern(fromField(m.pattern, 'loai'), parts), families: [...m.families] };
      else if (hit.kyHieu === fillPattern(fromField(m.pattern, 'loai'), parts)) hit.families.push(...m.families);
    }
    return hit;
  };
}
