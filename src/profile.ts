/**
 * Layout profiles: the sizes, margins, column widths and punctuation of one issuer family, kept as data in
 * `templates/<khoi>/layout.yaml` (each value commented with the rule it comes from), never in code.
 * A profile may inherit another (`ke_thua: nha_nuoc`): maps merge deeply, the child wins.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { deepMerge } from './merge.js';
import { KehoachError } from './errors.js';
import { msg, type Lang } from './i18n/messages.js';

/** Directory of the templates shipped with the package. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../templates', import.meta.url));

/** Paragraph and run formatting of one role. Sizes in pt, lengths in mm. */
export interface StyleSpec {
  /** Font size, pt. */
  co?: number;
  dam?: boolean;
  nghieng?: boolean;
  gach_chan?: boolean;
  /** Alignment: trai | giua | phai | deu (justified). */
  can?: 'trai' | 'giua' | 'phai' | 'deu';
  /** First-line indent, mm. */
  thut_dau?: number;
  /** Left indent, mm. */
  thut_trai?: number;
  /** Space before / after the paragraph, pt. */
  truoc?: number;
  sau?: number;
  /** Line spacing: a multiple of single (1.15) or an exact height such as "18pt". */
  dong?: number | string;
  /** Keep with the next paragraph (headings). */
  giu_voi_sau?: boolean;
  /** Inherit another role's style first (kept after resolution: the direct parent, for Word's basedOn). */
  ke_thua?: string;
}

/** A resolved layout profile. */
export interface LayoutProfile {
  khoi: string;
  ten: string;
  /** Chain of families this one inherits from, itself first (for template lookup). */
  chain: string[];
  trang: { rong: number; cao: number; le_tren: number; le_duoi: number; le_trai: number; le_phai: number; dau_trang: number };
  phong_chu: string;
  gach: { day: number; cach_tren: number };
  /** Column widths (mm) of the header and closing tables; lech_dau_trang: header table indent (mm, negative = into the margin). */
  cot: { dau_trang: number[]; ket: number[]; lech_dau_trang: number };
  khoang_ky: number;
  danh_so: string[];
  /** Document-type abbreviations the family accepts (NĐ 30 PL III; HD 36). */
  loai_van_ban: string[];
  gach_dau_dong: string[];
  mau: {
    so_ky_hieu: string; so_du_thao: string; ngay: string; ngay_du_thao: string;
    quyen_han: Record<'TM' | 'KT' | 'TL' | 'TUQ' | 'Q', string>;
    noi_nhan: string; noi_nhan_cuoi: string; luu: string; ky_hieu_nguoi_soan: string; so_ban: string;
    dau_ket: string; phu_luc: string; kem_theo: string; loi_dan_dot: string;
    nhiem_vu: Record<string, string>; bang_nhiem_vu: Record<string, string>;
  };
  /** Resolved styles by role (inheritance applied). */
  kieu: Record<string, StyleSpec>;
}


const cache = new Map<string, LayoutProfile>();

/**
 * Loads the layout profile of a family from `templatesDir/<khoi>/layout.yaml`, following `ke_thua`.
 * Cached per process.
 * @throws KehoachError (kind usage) when the file is missing; Error when it inherits in a cycle.
 */
export function loadProfile(khoi: string, templatesDir = DEFAULT_TEMPLATES_DIR, lang: Lang = 'vi'): LayoutProfile {
  const key = `${templatesDir}\0${khoi}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const chain: string[] = [];
  const layers: Record<string, unknown>[] = [];
  for (let name: string | undefined = khoi; name; ) {
    if (chain.includes(name)) throw new Error(`layout.yaml inheritance cycle: ${[...chain, name].join(' → ')}`);
    const file = join(templatesDir, name, 'layout.yaml');
    if (!existsSync(file)) throw new KehoachError(msg('config/layout-missing', lang, { file }), [], 'usage');
    const data = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    chain.push(name);
    layers.unshift(data);
    name = typeof data.ke_thua === 'string' ? data.ke_thua : undefined;
  }
  // Styles replace whole (a child's "than" is the whole body style), other maps merge deeply.
  let merged: Record<string, unknown> = {};
  let styles: Record<string, StyleSpec> = {};
  for (const layer of layers) {
    const { kieu, ...rest } = layer;
    merged = deepMerge(merged, rest);
    styles = { ...styles, ...((kieu as Record<string, StyleSpec>) ?? {}) };
  }
  const resolve = (role: string, seen: string[] = []): StyleSpec => {
    const s = styles[role];
    if (!s) throw new Error(`layout.yaml: unknown style "${role}"`);
    if (!s.ke_thua) return s;
    if (seen.includes(role)) throw new Error(`layout.yaml: style inheritance cycle at "${role}"`);
    const { ke_thua, ...own } = s;
    return { ...resolve(ke_thua, [...seen, role]), ...own, ke_thua }; // ke_thua kept: the Word style is based on it
  };
  const kieu: Record<string, StyleSpec> = {};
  for (const role of Object.keys(styles)) kieu[role] = resolve(role);
  const profile = { ...(merged as object), khoi, chain, kieu } as LayoutProfile;
  cache.set(key, profile);
  return profile;
}
