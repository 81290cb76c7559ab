/**
 * An office's house style (plan key `trinh_bay:`, or `_defaults.yaml`): the values NĐ 30/2020 Phụ lục I lets an
 * office choose (body size 13–14 pt, line spacing single–1.5, paragraph spacing ≥ 6 pt, first-line indent 1–1.27 cm,
 * Nơi nhận size, a bold or regular quyền hạn line) applied over the family's layout.yaml without forking templates.
 * The allowed ranges are data: `trinh_bay.khung` in the family's layout.yaml, each with its source.
 */
import type { LayoutProfile, StyleSpec } from '../profile.js';
import type { KeHoach } from '../types/plan.js';

export type TrinhBay = NonNullable<KeHoach['trinh_bay']>;

/** The values of `trinh_bay` that have a range, and the family's range of each: [low, high], null = open. */
export type Khung = Partial<Record<'co_chu' | 'gian_dong' | 'cach_doan' | 'thut_dau' | 'co_chu_noi_nhan', [number | null, number | null]>>;

interface HouseData { khung?: Khung; vai_noi_dung?: string[]; vai_noi_nhan?: string[] }

/** The family's `trinh_bay` block of layout.yaml (ranges and the roles each value applies to). */
export function houseData(profile: LayoutProfile): HouseData {
  return ((profile as unknown as { trinh_bay?: HouseData }).trinh_bay) ?? {};
}

/**
 * Line spacing as a multiple of single spacing, for the range check: a number as is; "18pt" (exact) divided by
 * one line of the body's size (≈ 1.15 × size for Times New Roman, layout-rules.md §1).
 */
export function lineMultiple(v: number | string, bodyPt: number): number {
  return typeof v === 'number' ? v : parseFloat(v) / (1.15 * bodyPt);
}

/**
 * The values of `tb` outside the family's ranges.
 * @returns one entry per value outside: its key, the value as written, and the range [low, high] (null = open)
 */
export function outOfRange(tb: TrinhBay, profile: LayoutProfile): { key: keyof Khung; value: number | string; khung: [number | null, number | null] }[] {
  const khung = houseData(profile).khung ?? {};
  const bodyPt = tb.co_chu ?? profile.kieu.than?.co ?? 14;
  const out: ReturnType<typeof outOfRange> = [];
  for (const key of Object.keys(khung) as (keyof Khung)[]) {
    const v = tb[key];
    const range = khung[key];
    if (v === undefined || !range) continue;
    const x = key === 'gian_dong' ? lineMultiple(v, bodyPt) : (v as number);
    if ((range[0] !== null && x < range[0] - 1e-9) || (range[1] !== null && x > range[1] + 1e-9)) out.push({ key, value: v, khung: range });
  }
  return out;
}

/**
 * Applies a house style to a profile (a copy; the cached profile is not touched). Body values change in the body's
 * roles (`trinh_bay.vai_noi_dung`) that share the body's (`than`) current value, so that a role the family sets
 * apart (căn cứ with no space after) keeps its own; Nơi nhận size in `vai_noi_nhan`; `tm_dam` in `quyen_han`.
 * @param tb the plan's `trinh_bay` (undefined: the profile unchanged)
 * @returns the profile to lay the plan out with
 */
export function withHouseStyle(profile: LayoutProfile, tb: TrinhBay | undefined): LayoutProfile {
  if (!tb) return profile;
  const data = houseData(profile);
  const kieu: Record<string, StyleSpec> = { ...profile.kieu };
  const than = profile.kieu.than ?? {};
  const set = (roles: string[], field: keyof StyleSpec, value: unknown, onlyLikeBody: boolean) => {
    for (const r of roles) {
      const s = kieu[r];
      if (!s || (onlyLikeBody && s[field] !== than[field])) continue;
      kieu[r] = { ...s, [field]: value };
    }
  };
  const body = data.vai_noi_dung ?? ['than'];
  if (tb.co_chu !== undefined) set(body, 'co', tb.co_chu, true);
  if (tb.gian_dong !== undefined) set(body, 'dong', tb.gian_dong, true);
  if (tb.cach_doan !== undefined) set(body, 'sau', tb.cach_doan, true);
  if (tb.thut_dau !== undefined) set(body, 'thut_dau', tb.thut_dau, true);
  if (tb.co_chu_noi_nhan !== undefined) set(data.vai_noi_nhan ?? ['noi_nhan'], 'co', tb.co_chu_noi_nhan, false);
  if (tb.tm_dam !== undefined) set(['quyen_han'], 'dam', tb.tm_dam, false);
  return { ...profile, kieu };
}
