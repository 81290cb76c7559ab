/**
 * An office's house style (plan key `trinh_bay:`, or `_defaults.yaml`): the values NĐ 30/2020 Phụ lục I lets an
 * office choose (body size 13–14 pt, line spacing single–1.5, paragraph spacing ≥ 6 pt after and/or before, first-line
 * indent 1–1.27 cm, Nơi nhận size, a bold or regular quyền hạn line; the page number in the footer, warned) applied
 * over the family's layout.yaml without forking templates.
 * The allowed ranges are data in the family's layout.yaml, each with its source: the sizes beside the sizes they bound
 * (`kieu.than.co_cho_phep`, `kieu.noi_nhan.co_cho_phep`, `kieu.quyen_han.dam_cho_phep`: what `kehoach check` reads
 * too), the others in `trinh_bay.khung`.
 */
import type { LayoutProfile, StyleSpec } from '../profile.js';
import type { TrinhBay as TrinhBayLayout } from '../types/layout.js';
import type { KeHoach } from '../types/plan.js';

export type TrinhBay = NonNullable<KeHoach['trinh_bay']>;

/** The values of `trinh_bay` that have a range, and the family's range of each: [low, high], null = open. */
export type Khung = Partial<Record<'co_chu' | 'gian_dong' | 'cach_doan' | 'cach_truoc' | 'thut_dau' | 'co_chu_noi_nhan', [number | null, number | null]>>;

/**
 * The `trinh_bay` block of a layout.yaml: the ranges of the values that are not sizes (`khung`: line spacing, paragraph
 * spacing, first-line indent), and the roles each value applies to (schemas/layout.schema.json `trinh_bay`).
 */
export type HouseData = TrinhBayLayout;

/** The family's `trinh_bay` block of layout.yaml (ranges and the roles each value applies to). */
export function houseData(profile: LayoutProfile): HouseData {
  return profile.trinh_bay ?? {};
}

/** The sizes a role allows, [min, max] pt: its `co_cho_phep`, else exactly its `co`; undefined without a size. */
function sizes(style: StyleSpec | undefined): [number, number] | undefined {
  return style?.co_cho_phep ?? (style?.co === undefined ? undefined : [style.co, style.co]);
}

/**
 * The family's range of each value of `trinh_bay` that has one: the body size is the body's (`kieu.than.co_cho_phep`,
 * NĐ 30 PL I mục II.6), the Nơi nhận size the recipients' (`kieu.noi_nhan.co_cho_phep`, PL I mục II.9), as
 * `kehoach check` reads them; line spacing, paragraph spacing and indent from `trinh_bay.khung`.
 * @returns [low, high] by key (null = open); a key the family gives no range for is absent
 */
export function khung(profile: LayoutProfile): Khung {
  const body = sizes(profile.kieu.than);
  const recipients = sizes(profile.kieu.noi_nhan);
  return { ...(body ? { co_chu: body } : {}), ...houseData(profile).khung, ...(recipients ? { co_chu_noi_nhan: recipients } : {}) };
}

/**
 * Whether the family accepts a quyền hạn line in bold (`true`) or regular (`false`, plan `trinh_bay.tm_dam`):
 * `kieu.quyen_han.dam_cho_phep`, else only the role's own `dam` (NĐ 30 PL I mục II.7: in hoa, đậm).
 */
export function tmDamAllowed(profile: LayoutProfile, dam: boolean): boolean {
  const s = profile.kieu.quyen_han;
  return !s || (s.dam_cho_phep ?? [!!s.dam]).includes(dam);
}

/**
 * Line spacing as a multiple of single spacing, for the range check: a number as is; "18pt" (exact) divided by
 * one line of the body's size (≈ 1.15 × size for Times New Roman, layout-rules.md §1).
 */
export function lineMultiple(v: number | string, bodyPt: number): number {
  return typeof v === 'number' ? v : parseFloat(v) / (1.15 * bodyPt);
}

/**
 * The values of `tb` outside the family's ranges. Paragraph spacing (`cach_doan`) is judged as the gap between two
 * paragraphs, what NĐ 30 PL I mục II.6 bounds (≥ 6 pt): the space after one plus the space before the next
 * (`cach_truoc`, 0 when not given), so an office's "6 pt before, 0 after" is inside; `cach_truoc` alone against its own range.
 * @returns one entry per value outside: its key, the value as written, and the range [low, high] (null = open)
 */
export function outOfRange(tb: TrinhBay, profile: LayoutProfile): { key: keyof Khung; value: number | string; khung: [number | null, number | null] }[] {
  const ranges = khung(profile);
  const bodyPt = tb.co_chu ?? profile.kieu.than?.co ?? 14;
  const out: ReturnType<typeof outOfRange> = [];
  for (const key of Object.keys(ranges) as (keyof Khung)[]) {
    const v = tb[key];
    const range = ranges[key];
    if (v === undefined || !range) continue;
    const x = key === 'gian_dong' ? lineMultiple(v, bodyPt) : key === 'cach_doan' ? (v as number) + (tb.cach_truoc ?? 0) : (v as number);
    if ((range[0] !== null && x < range[0] - 1e-9) || (range[1] !== null && x > range[1] + 1e-9)) out.push({ key, value: v, khung: range });
  }
  return out;
}

/**
 * Applies a house style to a profile (a copy; the cached profile is not touched). Body values change in the body's
 * roles (`trinh_bay.vai_noi_dung`) that share the body's (`than`) current value, so that a role the family sets
 * apart (căn cứ with no space after) keeps its own; space before (`cach_truoc`, pt) only in those whose space before
 * and after are both the body's (so căn cứ lines set close stay close); Nơi nhận size in `vai_noi_nhan`; `tm_dam` in
 * `quyen_han`. The page number's place (`so_trang`) is not a style: the template reads it from the view.
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
  if (tb.cach_truoc !== undefined) set(body.filter((r) => (profile.kieu[r]?.sau ?? null) === (than.sau ?? null)), 'truoc', tb.cach_truoc, true);
  if (tb.co_chu_noi_nhan !== undefined) set(data.vai_noi_nhan ?? ['noi_nhan'], 'co', tb.co_chu_noi_nhan, false);
  if (tb.tm_dam !== undefined) set(['quyen_han'], 'dam', tb.tm_dam, false);
  return { ...profile, kieu };
}
