/**
 * Layout profiles: the sizes, margins, column widths and punctuation of one issuer family, kept as data in
 * `templates/<khoi>/layout.yaml` (each value commented with the rule it comes from), never in code.
 * A profile may inherit another (`ke_thua: nha_nuoc`): maps merge deeply, the child wins.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, isMap, isScalar, parseDocument, type Document } from 'yaml';
import { deepMerge } from './merge.js';
import { KehoachError } from './errors.js';
import { msg, type Lang } from './i18n/messages.js';
import { readKeyed, writeKeyed } from './cache.cjs';
import type * as L from './types/layout.js';
import { layoutProblems, type Locate, type LayoutProblem } from './layout/schema.js';

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

/**
 * Paragraph and run formatting of one role (layout.yaml `kieu.<role>`, schemas/layout.schema.json `kieu_vai_tro`):
 * sizes in pt, lengths in mm. `co_cho_phep` [min, max] pt and `dam_cho_phep` are what the family's standard allows
 * (NĐ 30/2020 PL I mục II; HD 36 PL 3), read by `kehoach check`, `validate` and the house style; `ke_thua` is kept
 * after resolution (the direct parent, for Word's basedOn).
 */
export type StyleSpec = L.KieuVaiTro;

/** Every key of T present and not null (what a complete, resolved chain gives). */
type Full<T> = { [K in keyof T]-?: Exclude<T[K], null | undefined> };

/** The `mau` keys every resolved profile has (the root file gives them: schemas/layout.schema.json `$defs/khoi_goc`). */
type MauRequired = 'so_ky_hieu' | 'so_du_thao' | 'ngay' | 'ngay_du_thao' | 'noi_nhan' | 'noi_nhan_cuoi' | 'luu' | 'ky_hieu_nguoi_soan'
  | 'so_ban' | 'dau_ket' | 'phu_luc' | 'kem_theo' | 'loi_dan_dot';

/** The `kiem_tra` block of a resolved profile (src/check/types.ts KiemTra): what `kehoach check` reads besides `kieu`. */
export type KiemTra = Full<Omit<L.KiemTra, 'kho_giay' | 'le' | 'so_trang'>> & { kho_giay: Full<L.KhoGiay>; le: Full<L.Le>; so_trang: Full<L.SoTrang> };

/**
 * A resolved layout profile: the layout.yaml files of a family's chain merged (src/profile.ts parseProfile), typed from
 * the file's generated type (src/types/layout.ts): the keys a root file must give are present, the optional ones as
 * the files give them (`null` where a root file writes it), plus the family's name, its chain and the styles resolved.
 */
export type LayoutProfile = Full<Pick<L.LayoutFile, 'ten' | 'phong_chu' | 'loai_van_ban' | 'khoang_ky' | 'danh_so' | 'gach_dau_dong'>>
  & Pick<L.LayoutFile, 'trinh_bay' | 'khoi_tao'> & {
  /**
   * How a document's header tells this family (src/form/detect.ts): the family's own block only, never inherited
   * along ke_thua (a child inheriting its parent's clues would be detected for every document of the parent).
   */
  nhan_dien?: L.LayoutFile['nhan_dien'];
  /** The family's name (its folder, the plan's `khoi:`). */
  khoi: string;
  /** Chain of families this one inherits from, itself first (for template lookup). */
  chain: string[];
  trang: Full<L.Trang>;
  gach: Full<L.Gach>;
  cot: Full<L.Cot>;
  mau: Full<Pick<L.Mau, MauRequired>> & Omit<L.Mau, MauRequired | 'quyen_han' | 'nhiem_vu' | 'bang_nhiem_vu'> & {
    quyen_han: Full<L.QuyenHan>;
    nhiem_vu: Full<L.NhiemVu>;
    bang_nhiem_vu: L.BangNhiemVu & { tt: string };
  };
  /** Resolved styles by role (inheritance applied). */
  kieu: Record<string, StyleSpec>;
  kiem_tra: KiemTra;
};

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
 * any other (an office's family, or the package's edited or shadowed) in the user's cache folder (src/cache.cts
 * readKeyed) under the folder and the family (and the build's id, which the cache adds). A kept profile is used only while
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
    const inputs = [resolve(templatesDir), khoi];
    const kept = readKeyed('profiles', inputs);
    try { profile = kept === undefined ? undefined : usable(JSON.parse(kept.toString('utf8')), templatesDir); } catch { /* not JSON: parse the files */ }
    if (!profile) {
      profile = parseProfile(khoi, templatesDir, lang);
      writeKeyed('profiles', inputs, JSON.stringify(profileEntry(profile, templatesDir)));
    }
  }
  cache.set(key, profile);
  return profile;
}

/** Parses, resolves and checks a family's layout.yaml chain (see loadProfile). */
function parseProfile(khoi: string, templatesDir: string, lang: Lang): LayoutProfile {
  const chain: string[] = [];
  const layers: L.LayoutFile[] = [];
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
    const data: unknown = doc.toJS();
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw templateError(file, 1, 1, 'layout.yaml: bảng khóa / mapping', lang);
    const problems = layoutProblems(data, locator(file, doc, lc), lang);
    if (problems.length) throw schemaError(problems, lang);
    const layer = data as L.LayoutFile; // its shape checked just above
    chain.push(name);
    layers.unshift(layer);
    docs.push({ file, doc, lc });
    name = layer.ke_thua ?? undefined;
  }
  // Styles replace whole (a child's "than" is the whole body style), except their Word name (ten), which is the role's
  // in every family; other maps merge deeply; nhan_dien is the family's own (not inherited: see LayoutProfile).
  let merged: Omit<L.LayoutFile, 'kieu'> = {};
  let styles: Record<string, StyleSpec> = {};
  for (const layer of layers) {
    const { kieu, nhan_dien, ...rest } = layer;
    merged = deepMerge(merged, rest);
    const named = Object.fromEntries(Object.entries(kieu ?? {}).map(([role, st]) => {
      const ten = styles[role]?.ten;
      return [role, st && typeof st === 'object' && ten && st.ten === undefined ? { ten, ...st } : st];
    }));
    styles = { ...styles, ...named };
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
    // the Word style's name (ten) is the role's own: a role does not take its parent's (two styles of one name)
    const { ten: _parentName, ...inherited } = resolve(ke_thua, [...seen, role]);
    return { ...inherited, ...own, ke_thua }; // ke_thua kept: the Word style is based on it
  };
  const kieu: Record<string, StyleSpec> = {};
  for (const role of Object.keys(styles)) kieu[role] = resolve(role);
  // Complete: every chain ends in a root file (no ke_thua), which the schema holds to every key LayoutProfile has, and a
  // layer cannot remove one (null is allowed only on optional keys).
  const profile = { ...merged, khoi, chain, kieu } as LayoutProfile;
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
 * The position of a data path in a layout file: of the key `key` of the mapping at `path` when given, else of the
 * value at `path` or, where the file lacks it, of the nearest enclosing node (as layoutError).
 */
function locator(file: string, doc: Document.Parsed, lc: LineCounter): Locate {
  const nodeAt = (p: string[]): unknown => (p.length ? doc.getIn(p, true) : doc.contents);
  return (path, key) => {
    let node: unknown;
    if (key !== undefined) {
      const map = nodeAt(path);
      node = isMap(map) ? map.items.find((p) => isScalar(p.key) && String(p.key.value) === key)?.key : undefined;
    }
    for (let p = path; !node; p = p.slice(0, -1)) {
      node = nodeAt(p);
      if (!p.length) break;
    }
    const at = lc.linePos((node as { range?: number[] } | undefined)?.range?.[0] ?? 0);
    return { file, line: at.line, column: at.col };
  };
}

/** The error for a layout file that breaks schemas/layout.schema.json: every problem, kind usage (exit 2). */
function schemaError(problems: LayoutProblem[], lang: Lang): KehoachError {
  const diagnostics = problems.flatMap((p) => templateError(p.file, p.line, p.column, p.detail, lang).diagnostics);
  return new KehoachError(diagnostics[0].message, diagnostics, 'usage');
}
