/**
 * The value `kehoach import` writes where the source document does not give one (an agency, a Số, a place, a date, a
 * signer's name or title, a Nơi nhận, a Lưu line …): "…", never a plausible stand-in ("CƠ QUAN BAN HÀNH", "XX",
 * "Địa danh", a year picked from the text) that would validate and render. The schema accepts it in every field
 * import may leave unfilled (ngay_ban_hanh included); the rule `import/chua-dien` (src/rules/chua-dien.ts) makes it
 * an error in validate, render and check until the clerk fills it. Imports nothing (src/form/dates.ts, read by the
 * precompiled validator, uses it).
 */

/** The placeholder import writes: one horizontal ellipsis (U+2026). */
export const CHUA_DIEN = '…';

/** True when a plan's value is a placeholder left to fill: "…" or "..." alone (spaces around ignored). */
export const isChuaDien = (v: unknown): boolean => typeof v === 'string' && /^\s*(?:…|\.\.\.)\s*$/u.test(v);
