/**
 * Rules of the standard, beyond the schema. Every rule is a module of this one shape: an id, a severity, a
 * one-line description (vi/en), the source it enforces, and a check over the validated plan.
 */
import type { KeHoach } from '../types/plan.js';
import type { LayoutProfile } from '../profile.js';
import type { Lang } from '../i18n/messages.js';
import type { Severity } from '../errors.js';
import { eachString } from '../walk.js';

export type Path = (string | number)[];

/** What a rule sees: the plan (already schema-valid), the family's layout profile and the language. */
export interface RuleContext {
  plan: KeHoach;
  profile: LayoutProfile;
  lang: Lang;
  /** Line of a data path in the YAML (for messages that refer to another place). */
  lineOf: (path: Path) => number;
}

/** One finding: where (data path; `key` points at the key rather than the value) and the message. */
export interface Finding { path: Path; message: string; hint?: string; key?: boolean }

export interface Rule {
  /** Stable id, used in messages as [id] and in the docs. */
  id: string;
  severity: Severity;
  /** One line: what the rule checks. */
  description: { vi: string; en: string };
  /** The text it enforces, e.g. "NĐ 30/2020 Phụ lục III". */
  source: string;
  check(ctx: RuleContext): Finding[];
}

const textCache = new WeakMap<KeHoach, { path: Path; text: string }[]>();
/** Every text field of the plan with its path (the things a clerk types, not codes or dates); computed once per plan. */
export function texts(plan: KeHoach): { path: Path; text: string }[] {
  let hit = textCache.get(plan);
  if (!hit) textCache.set(plan, (hit = walkTexts(plan)));
  return hit;
}

const SKIP = new Set(['khoi', 'dau_ket', 'ngoac_kep', 'danh_so', 'danh_so_con', 'kieu_liet_ke', 'ngay_ban_hanh', 'tu', 'den', 'han', 'quyen_han', 'huong_giay', 'so', 'loai_van_ban', 'viet_tat_co_quan', 'ky_hieu', 'kieu_tieu_de', 'thu_tu', 'gian_dong', 'ky_hieu_cung_dong']);

/** The text fields in document order. */
function walkTexts(plan: KeHoach): { path: Path; text: string }[] {
  const out: { path: Path; text: string }[] = [];
  eachString(plan, (text, path) => out.push({ path: path.slice(), text }), (k) => SKIP.has(k));
  return out;
}
