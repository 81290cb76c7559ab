/**
 * Layout profiles: the sizes, margins, column widths and punctuation of one issuer family, kept as data in
 * `templates/<khoi>/layout.yaml` (each value commented with the rule it comes from), never in code.
 * A profile may inherit another (`ke_thua: nha_nuoc`): maps merge deeply, the child wins.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { deepMerge } from './merge.js';
import { KehoachError } from './errors.js';
import { msg, type Lang } from './i18n/messages.js';
import { cacheFile, readCache, writeCache } from './cache.cjs';
import type { KiemTra } from './check/types.js';
import type { HouseData } from './layout/house-style.js';

/** Directory of the templates shipped with the package. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../templates', import.meta.url));
const PACKAGE_DIR = resolve(DEFAULT_TEMPLATES_DIR);

/**
 * The folders a family, its `ke_thua` parents and its template files are looked up in, nearest first: an office's
 * templates folder (`--templates`, or `templates:` of kehoach.config.yaml) adds to the package's, it does not replace
 * it, so the office's folder holds only its own families (and only the files that differ). Absolute paths.
 * @param templatesDir the office's folder; the package's (the default) is the package's alone
 */
export function templateRoots(templatesDir = DEFAULT_TEMPLATES_DIR): string[] {
  const dir = resolve(templatesDir);
  return dir === PACKAGE_DIR ? [PACKAGE_DIR] : [dir, PACKAGE_DIR];
}

/**
 * The layout.yaml of a family: `<root>/<name>/layout.yaml` of the first of templateRoots that has one (the office's
 * wins on a shared name); undefined when none has.
 */
export function layoutFile(name: string, templatesDir = DEFAULT_TEMPLATES_DIR): string | undefined {
  for (const root of templateRoots(templatesDir)) {
    const file = join(root, name, 'layout.yaml');
    if (existsSync(file)) return file;
  }
  return undefined;
}

/**
 * The folders holding a family's templates (`*.hbs`), in lookup order: each family of its chain (itself first, then
 * along `ke_thua`), then `common`; within each, the office's folder before the package's. Only folders that exist.
 * A template's name is served by the first folder holding it (src/render/template.ts).
 */
export function templateDirs(chain: readonly string[], templatesDir = DEFAULT_TEMPLATES_DIR): string[] {
  const out: string[] = [];
  const roots = templateRoots(templatesDir);
  for (const name of [...chain, 'common']) for (const root of roots) {
    const d = join(root, name);
    if (existsSync(d)) out.push(d);
  }
  return out;
}

/** Paragraph and run formatting of one role. Sizes in pt, lengths in mm. */
export interface StyleSpec {
  /** Font size, pt. */
  co?: number;
  /**
   * The sizes the family's standard allows for the role, [min, max] pt (NĐ 30/2020 PL I mục II; HD 36 PL 3), written
   * beside `co` and inherited with it (`ke_thua`). `kehoach check` judges the size of a role that has it; a house style
   * (`trinh_bay.co_chu`, `co_chu_noi_nhan`) is inside the range of `than`, `noi_nhan` (a role without it: exactly `co`).
   */
  co_cho_phep?: [number, number];
  dam?: boolean;
  /**
   * The bold settings the standard accepts for the role (default: exactly `dam`); `[true, false]` where regular is a
   * house-style choice (the quyền hạn line, `trinh_bay.tm_dam`). `kehoach check` and `validate` read it.
   */
  dam_cho_phep?: boolean[];
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
    /** Signing forms the family's guidance does not use (a warning, chu-ky/dang-quyen-han). */
    quyen_han_khong_dung?: ('TM' | 'KT' | 'TL' | 'TUQ' | 'Q')[];
    /** True where a deputy signing for a collective adds "KT. <head>" (NĐ 30 PL I mục II.7; not the Party's T/M). */
    cap_pho_tm_kem_kt?: boolean;
    /** The period plans are numbered in (the register): `nam` (calendar year, NĐ 30 Điều 15) or `nhiem_ky` (term, HD 36). */
    so_theo?: 'nam' | 'nhiem_ky';
    /** True where level-1 headings (I., II., …) are written in capitals (rule tieu-de/in-hoa; NĐ 30 PL I mục II.6). */
    tieu_de_1_in_hoa?: boolean;
    /** The collective whose chairman or vice-chairman signs "TM. <it>" when it issues the plan (the Front's BTT). */
    tm_tap_the?: string;
    noi_nhan: string; noi_nhan_cuoi: string; luu: string; ky_hieu_nguoi_soan: string; so_ban: string;
    /** The unit the Lưu line must start with ("VT": NĐ 30 PL I mục II.9); absent where the family requires none. */
    luu_dau?: string;
    dau_ket: string; phu_luc: string; kem_theo: string; loi_dan_dot: string;
    nhiem_vu: Record<string, string>; bang_nhiem_vu: Record<string, string>;
  };
  /** Resolved styles by role (inheritance applied). */
  kieu: Record<string, StyleSpec>;
  /** The sample values `kehoach init` writes for the family (merged along ke_thua; checked by src/form/families.ts). */
  khoi_tao?: Record<string, unknown>;
  /** What `kehoach check` reads besides `kieu` (paper, margins, fonts, the roles with a fixed style, rule or presence). */
  kiem_tra: KiemTra;
  /** What a plan's `trinh_bay:` may vary: ranges (`khung`) and the roles each value applies to (src/layout/house-style.ts). */
  trinh_bay?: HouseData;
  /**
   * How a document's header tells this family (src/form/detect.ts): the family's own block only, never inherited
   * along ke_thua (a child inheriting its parent's clues would be detected for every document of the parent).
   */
  nhan_dien?: Record<string, unknown>;
}


const cache = new Map<string, LayoutProfile>();

/**
 * A resolved profile with the text of each layout.yaml of its chain, keyed by the file's absolute path: the same
 * family name may be served by an office's file or the package's (templateRoots), and an entry made from one file is
 * never served for another.
 */
export interface ProfileEntry { texts: Record<string, string>; profile: LayoutProfile }

/** The entry of a profile resolved from templatesDir (what the user's cache keeps). */
export function profileEntry(profile: LayoutProfile, templatesDir: string): ProfileEntry {
  const texts: Record<string, string> = {};
  for (const name of profile.chain) {
    const file = layoutFile(name, templatesDir);
    if (file) texts[file] = readFileSync(file, 'utf8');
  }
  return { texts, profile };
}

/**
 * The profile of a kept entry when each family of its chain is still served (templateRoots) by the same layout.yaml,
 * with the text it was resolved from (compared whole: no hash to compute, so a cold `validate` needs no crypto);
 * undefined otherwise (edited, missing, now shadowed by an office's file, not an entry): the caller parses the files.
 */
function usable(entry: unknown, templatesDir: string): LayoutProfile | undefined {
  const e = entry as Partial<ProfileEntry> | null | undefined;
  if (!e?.profile?.kieu || !Array.isArray(e.profile.chain) || !e.profile.chain.length || !e.texts || typeof e.texts !== 'object') return undefined;
  try {
    for (const name of e.profile.chain) {
      const file = typeof name === 'string' ? layoutFile(name, templatesDir) : undefined;
      if (!file || !Object.hasOwn(e.texts, file) || readFileSync(file, 'utf8') !== e.texts[file]) return undefined;
    }
  } catch {
    return undefined;
  }
  return e.profile;
}

/**
 * The build's table (scripts/precompile-profiles.mjs): the package's families' profiles by name, and the text of each
 * layout.yaml once (every family's chain ends in nha_nuoc, so entries do not repeat it). Null from source.
 */
export interface ProfileTable { texts: Record<string, string>; profiles: Record<string, LayoutProfile> }
let built: ProfileTable | null | undefined;
/** The build table's entry of a package's family, as profileEntry makes it (its files are the package's). */
function builtEntry(khoi: string): ProfileEntry | undefined {
  if (built === undefined) {
    try { built = JSON.parse(readFileSync(new URL('./profiles.precompiled.json', import.meta.url), 'utf8')) as ProfileTable; } catch { built = null; }
  }
  const profile = built?.profiles && Object.hasOwn(built.profiles, khoi) ? built.profiles[khoi] : undefined;
  if (!profile || !Array.isArray(profile.chain)) return undefined;
  return { texts: Object.fromEntries(profile.chain.map((name) => [join(PACKAGE_DIR, String(name), 'layout.yaml'), built!.texts?.[name]])), profile };
}

/**
 * Loads the layout profile of a family from `<khoi>/layout.yaml`, following `ke_thua`, each family looked up in the
 * office's templatesDir first, then in the package's (templateRoots).
 * Cached per process, and kept with the text of each layout.yaml it came from: the package's families in the
 * build's table (dist/profiles.precompiled.json; also through an office's folder that does not shadow their files),
 * any other (an office's family, or the package's edited or shadowed) in the user's cache folder (src/cache.cts)
 * under the folder, the family and this code. A kept profile is used only while
 * every file of its chain still has the same text, so a cold command parses no layout.yaml (the slowest YAML a render
 * reads) until one of them changes.
 * @throws KehoachError (kind usage, rule template/error with the layout.yaml file, line and column) when a file is
 *   missing, does not parse, inherits in a cycle, names an unknown style, holds a value out of its sensible range, or
 *   gives a role a range (`co_cho_phep`, `dam_cho_phep`) that leaves out the role's own `co` or `dam`.
 */
export function loadProfile(khoi: string, templatesDir = DEFAULT_TEMPLATES_DIR, lang: Lang = 'vi'): LayoutProfile {
  const key = `${templatesDir}\0${khoi}`;
  let profile = cache.get(key) ?? usable(builtEntry(khoi), templatesDir);
  if (!profile) {
    const file = cacheFile('profiles', 'json', [resolve(templatesDir), khoi], [new URL('./profile.js', import.meta.url)]);
    const kept = readCache(file);
    try { profile = kept === undefined ? undefined : usable(JSON.parse(kept), templatesDir); } catch { /* not JSON: parse the files */ }
    if (!profile) {
      profile = parseProfile(khoi, templatesDir, lang);
      writeCache(file, JSON.stringify(profileEntry(profile, templatesDir)));
    }
  }
  cache.set(key, profile);
  return profile;
}

/** Parses, resolves and checks a family's layout.yaml chain (see loadProfile). */
function parseProfile(khoi: string, templatesDir: string, lang: Lang): LayoutProfile {
  const chain: string[] = [];
  const layers: Record<string, unknown>[] = [];
  const docs: { file: string; doc: Document.Parsed; lc: LineCounter }[] = [];
  for (let name: string | undefined = khoi; name; ) {
    const file = layoutFile(name, templatesDir);
    if (chain.includes(name)) {
      const prev = docs[docs.length - 1];
      throw layoutError(prev.file, prev.lc, prev.doc, ['ke_thua'], `ke_thua: ${[...chain, name].join(' → ')} (vòng lặp / cycle)`, lang);
    }
    if (!file) throw new KehoachError(msg('config/layout-missing', lang, { file: templateRoots(templatesDir).map((r) => join(r, name!, 'layout.yaml')).join(', ') }), [], 'usage');
    const lc = new LineCounter();
    const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lc });
    if (doc.errors.length) {
      const e = doc.errors[0];
      const at = lc.linePos(e.pos[0]);
      throw templateError(file, at.line, at.col, e.message.split('\n')[0], lang);
    }
    const data = doc.toJS() as Record<string, unknown>;
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw templateError(file, 1, 1, 'layout.yaml: bảng khóa / mapping', lang);
    chain.push(name);
    layers.unshift(data);
    docs.push({ file, doc, lc });
    name = typeof data.ke_thua === 'string' ? data.ke_thua : undefined;
  }
  // Styles replace whole (a child's "than" is the whole body style), other maps merge deeply; nhan_dien is the
  // family's own (not inherited: see LayoutProfile).
  let merged: Record<string, unknown> = {};
  let styles: Record<string, StyleSpec> = {};
  for (const layer of layers) {
    const { kieu, nhan_dien, ...rest } = layer;
    merged = deepMerge(merged, rest);
    styles = { ...styles, ...((kieu as Record<string, StyleSpec>) ?? {}) };
    if (layer === layers[layers.length - 1] && nhan_dien !== undefined) merged.nhan_dien = nhan_dien;
  }
  /** The file (nearest family first) that gives a path, for messages. */
  const where = (path: (string | number)[]) => docs.find((d) => d.doc.hasIn(path)) ?? docs[0];
  const fail = (path: (string | number)[], detail: string): never => {
    const d = where(path);
    throw layoutError(d.file, d.lc, d.doc, path, detail, lang);
  };
  const resolve = (role: string, seen: string[] = []): StyleSpec => {
    const s = styles[role];
    if (!s || typeof s !== 'object') return fail(['kieu', seen[seen.length - 1] ?? role, 'ke_thua'], `kieu: "${role}" ?`);
    if (!s.ke_thua) return s;
    if (seen.includes(role)) return fail(['kieu', role, 'ke_thua'], `kieu.${role}.ke_thua (vòng lặp / cycle)`);
    const { ke_thua, ...own } = s;
    return { ...resolve(ke_thua, [...seen, role]), ...own, ke_thua }; // ke_thua kept: the Word style is based on it
  };
  const kieu: Record<string, StyleSpec> = {};
  for (const role of Object.keys(styles)) kieu[role] = resolve(role);
  const profile = { ...(merged as object), khoi, chain, kieu } as LayoutProfile;
  const bad = outOfRange(profile);
  if (bad) fail(bad.path, msg('input/layout-range', lang, { key: bad.path.join('.'), value: String(bad.value), min: bad.min, max: bad.max, unit: bad.unit }));
  for (const [role, s] of Object.entries(kieu)) {
    // A range written on a role holds the value the role is rendered with: a size and its range cannot disagree.
    // (A role that inherits a range and sets its own size is left to `kehoach check`, as when the ranges sat in `kiem_tra`.)
    const own = styles[role];
    const r = Object.hasOwn(own, 'co_cho_phep') ? s.co_cho_phep : undefined;
    if (r != null && (!Array.isArray(r) || r.length !== 2 || !(r[0] <= r[1]) || (s.co !== undefined && (s.co < r[0] || s.co > r[1])))) {
      fail(['kieu', role, 'co_cho_phep'], `kieu.${role}.co_cho_phep: [${String(r)}] ∌ co ${s.co} ([min, max] pt)`);
    }
    const d = Object.hasOwn(own, 'dam_cho_phep') ? s.dam_cho_phep : undefined;
    if (d != null && (!Array.isArray(d) || !d.every((x) => typeof x === 'boolean') || !d.includes(!!s.dam))) {
      fail(['kieu', role, 'dam_cho_phep'], `kieu.${role}.dam_cho_phep: [${String(d)}] ∌ dam ${!!s.dam} ([true, false])`);
    }
  }
  return profile;
}

/** An error in the office's layout.yaml or template: kind "usage" (exit 2), positioned in that file. */
export function templateError(file: string, line: number, column: number, detail: string, lang: Lang): KehoachError {
  const message = msg('input/template-error', lang, { file, detail });
  return new KehoachError(message, [{ file, line, column, severity: 'error', rule: 'template/error', message }], 'usage');
}

function layoutError(file: string, lc: LineCounter, doc: Document.Parsed, path: (string | number)[], detail: string, lang: Lang): KehoachError {
  let node: unknown = doc.getIn(path, true);
  for (let p = path; !node && p.length; p = p.slice(0, -1)) node = doc.getIn(p.slice(0, -1), true);
  const at = lc.linePos((node as { range?: number[] } | undefined)?.range?.[0] ?? 0);
  return templateError(file, at.line, at.col, detail, lang);
}

/**
 * Sensible ranges of layout values (a 1e9 mm page makes a .docx Word refuses): lengths in mm, sizes in pt.
 * The widest real paper is A3 (297 × 420 mm); fonts of an official document are 11–14 pt.
 */
const RANGES: { test: (path: string[]) => boolean; min: number; max: number; unit: string }[] = [
  { test: (p) => p[0] === 'trang' && (p[1] === 'rong' || p[1] === 'cao'), min: 50, max: 600, unit: 'mm' },
  { test: (p) => p[0] === 'trang', min: 0, max: 100, unit: 'mm' },
  { test: (p) => p[0] === 'gach', min: 0, max: 20, unit: 'mm/pt' },
  { test: (p) => p[0] === 'cot' && p[1] === 'lech_dau_trang', min: -100, max: 100, unit: 'mm' },
  { test: (p) => p[0] === 'cot', min: 1, max: 600, unit: 'mm' },
  { test: (p) => p[0] === 'khoang_ky', min: 0, max: 20, unit: '' },
  { test: (p) => p[0] === 'kieu' && (p[2] === 'co' || p[2] === 'co_cho_phep'), min: 4, max: 72, unit: 'pt' },
  { test: (p) => p[0] === 'kieu' && (p[2] === 'thut_dau' || p[2] === 'thut_trai'), min: -100, max: 200, unit: 'mm' },
  { test: (p) => p[0] === 'kieu' && (p[2] === 'truoc' || p[2] === 'sau'), min: 0, max: 200, unit: 'pt' },
  { test: (p) => p[0] === 'kieu' && p[2] === 'dong', min: 0.5, max: 5, unit: '×' },
];

function outOfRange(profile: LayoutProfile): { path: string[]; value: unknown; min: number; max: number; unit: string } | null {
  const stack: [unknown, string[]][] = [[profile, []]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (path[0] === 'mau' || path[0] === 'chain') continue;
    if (v && typeof v === 'object') { for (const [k, x] of Object.entries(v)) stack.push([x, [...path, k]]); continue; }
    const r = RANGES.find((x) => x.test(path.filter((s) => !/^\d+$/.test(s))));
    if (!r) continue;
    // "18pt" line spacing: an exact height in pt
    if (typeof v === 'string' && /^\d+(\.\d+)?pt$/.test(v) && path[2] === 'dong') { const n = parseFloat(v); if (n >= 1 && n <= 200) continue; }
    if (typeof v !== 'number' || !Number.isFinite(v) || v < r.min || v > r.max) return { path, value: v, min: r.min, max: r.max, unit: r.unit };
  }
  return null;
}
