/**
 * The families (khối) a templates folder offers: the sub-folders holding a `layout.yaml` of the package's
 * `templates/` and, when given (`--templates`, `templates:` of kehoach.config.yaml), of an office's own folder, which
 * adds to the package's (its family wins on a shared name; src/profile.ts templateRoots). Each family's name is its folder, its title the `ten:` of its
 * layout, and the sample values `kehoach init` writes for it the `khoi_tao:` block of its layout (inherited along
 * `ke_thua` like the rest of the layout, src/profile.ts). Nothing here names a family: the folders are the list.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { DEFAULT_TEMPLATES_DIR, layoutFile, loadProfile, templateError, templateRoots, type LayoutProfile } from '../profile.js';
import { KehoachError } from '../errors.js';
import type { Lang } from '../i18n/messages.js';

/**
 * The sample values init writes for a family (`khoi_tao:` of its layout.yaml), in the plan's own forms: an issuer
 * given as a list is one line per item; `luu` is the "Lưu" list of Nơi nhận.
 */
export interface InitDefaults {
  /** Parent body (ô 2, the line above the issuer); absent: none. */
  co_quan_chu_quan?: string | string[];
  co_quan_ban_hanh: string | string[];
  /** The issuer's abbreviation in the ký hiệu ("SNV", "MTTQ-BTT"). */
  viet_tat_co_quan: string;
  dia_danh: string;
  /** Signing for a collective (the name after "TM."), when the family's plans sign so. */
  thay_mat?: string;
  chuc_vu: string;
  ho_ten: string;
  luu: string[];
}

/** One family of a templates folder. */
export interface Family {
  /** The folder's name, the plan's `khoi:`. */
  khoi: string;
  /** `ten:` of the layout ("Nhà nước (NĐ 30/2020/NĐ-CP)"); the folder's name when the layout has none. */
  ten: string;
  /** The family's resolved layout (its numbering `danh_so`, its forms `mau` …). */
  layout: LayoutProfile;
  khoi_tao: InitDefaults;
}

/** A folder name that can be a family (no path separators, no dot names). */
const plainName = (name: string) => /^[^./\\][^/\\]*$/u.test(name);

/**
 * Whether `<name>/layout.yaml` exists in the office's templatesDir or the package's: `name` is a family.
 * @param templatesDir absolute or relative folder (default: the package's templates)
 */
export function isFamily(name: string, templatesDir = DEFAULT_TEMPLATES_DIR): boolean {
  return plainName(name) && layoutFile(name, templatesDir) !== undefined;
}

/**
 * The family names of the office's templatesDir and the package's together: their sub-folders holding a
 * layout.yaml, each name once, sorted by name. An unreadable or missing folder adds none.
 */
export function familyNames(templatesDir = DEFAULT_TEMPLATES_DIR): string[] {
  const names = new Set<string>();
  for (const root of templateRoots(templatesDir)) {
    let entries: string[];
    try { entries = readdirSync(root); } catch { continue; }
    for (const n of entries) if (isFamily(n, root)) names.add(n);
  }
  return [...names].sort();
}

/** The keys of `khoi_tao:`: the kind of value each takes and whether a family must give it. */
const KEYS: Record<keyof InitDefaults, { lines: boolean; required: boolean }> = {
  co_quan_chu_quan: { lines: true, required: false },
  co_quan_ban_hanh: { lines: true, required: true },
  viet_tat_co_quan: { lines: false, required: true },
  dia_danh: { lines: false, required: true },
  thay_mat: { lines: false, required: false },
  chuc_vu: { lines: false, required: true },
  ho_ten: { lines: false, required: true },
  luu: { lines: true, required: true },
};

const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * The error for a bad `khoi_tao:` of a family, at the line of the nearest layout.yaml of its chain that gives the
 * key (or the block, or the family's own file).
 */
function badDefaults(profile: LayoutProfile, templatesDir: string, key: string | undefined, detail: string, lang: Lang): KehoachError {
  const path = key ? ['khoi_tao', key] : ['khoi_tao'];
  let first: { file: string; line: number; col: number } | undefined;
  for (const name of profile.chain) {
    const file = layoutFile(name, templatesDir);
    if (!file) continue;
    const lc = new LineCounter();
    const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lc });
    for (const p of [path, ['khoi_tao']]) {
      const node = doc.getIn(p, true) as { range?: number[] } | undefined;
      if (node?.range) {
        const at = lc.linePos(node.range[0]);
        if (p === path) return templateError(file, at.line, at.col, detail, lang);
        first ??= { file, line: at.line, col: at.col };
      }
    }
  }
  return templateError(first?.file ?? layoutFile(profile.khoi, templatesDir) ?? join(templatesDir, profile.khoi, 'layout.yaml'), first?.line ?? 1, first?.col ?? 1, detail, lang);
}

/**
 * Checks a resolved `khoi_tao:` (strings where a string is due, a string or a list of strings where lines are, every
 * required key, no unknown key) and returns it typed; `luu` always as a list.
 * @throws KehoachError (usage, rule template/error, at the layout.yaml line) for a missing or malformed value
 */
function initDefaults(profile: LayoutProfile, templatesDir: string, lang: Lang): InitDefaults {
  const raw = profile.khoi_tao;
  const fail = (key: string | undefined, detail: string) => badDefaults(profile, templatesDir, key, detail, lang);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw fail(undefined, `khoi_tao: { ${Object.keys(KEYS).filter((k) => KEYS[k as keyof InitDefaults].required).join(', ')} } ?`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(raw)) {
    const spec = KEYS[key as keyof InitDefaults];
    if (!spec) throw fail(key, `khoi_tao.${key} ? (${Object.keys(KEYS).join(', ')})`);
    if (v === null || v === undefined) continue;
    if (text(v)) out[key] = key === 'luu' ? [v] : v;
    else if (spec.lines && Array.isArray(v) && v.length && v.every(text)) out[key] = v;
    else throw fail(key, `khoi_tao.${key}: ${spec.lines ? 'chữ hoặc danh sách chữ / a string or a list of strings' : 'chữ / a string'}`);
  }
  for (const [key, spec] of Object.entries(KEYS)) if (spec.required && !(key in out)) throw fail(undefined, `khoi_tao.${key} ?`);
  return out as unknown as InitDefaults;
}

/**
 * One family of a templates folder, read through its layout profile (loadProfile: ke_thua, caching).
 * @throws KehoachError (usage) for a missing or broken layout.yaml, or a `khoi_tao:` missing or malformed
 */
export function loadFamily(khoi: string, templatesDir = DEFAULT_TEMPLATES_DIR, lang: Lang = 'vi'): Family {
  const profile = loadProfile(khoi, templatesDir, lang);
  return {
    khoi,
    ten: text(profile.ten) ? profile.ten : khoi,
    layout: profile,
    khoi_tao: initDefaults(profile, templatesDir, lang),
  };
}

/**
 * Every family of a templates folder (familyNames), ordered as they are offered: the families that inherit none
 * first, then those one `ke_thua` away, and so on; by name within a depth. The first one is the default family.
 * @throws KehoachError (usage) when one family's layout.yaml is broken (see loadFamily)
 */
export function listFamilies(templatesDir = DEFAULT_TEMPLATES_DIR, lang: Lang = 'vi'): Family[] {
  const depth = (khoi: string) => loadProfile(khoi, templatesDir, lang).chain.length;
  return familyNames(templatesDir)
    .map((khoi) => ({ family: loadFamily(khoi, templatesDir, lang), depth: depth(khoi) }))
    .sort((a, b) => a.depth - b.depth || (a.family.khoi < b.family.khoi ? -1 : a.family.khoi > b.family.khoi ? 1 : 0))
    .map((x) => x.family);
}

const familyCache = new Map<string, LayoutProfile[]>();
/**
 * The profiles of every family of the package and, when given, of an office's templates folder (the office's win
 * on a shared name: familyNames, loadProfile), sorted by name: what a reader of a document recognises before it
 * knows the document's family. The package's families come from the build's table.
 * @throws KehoachError as loadProfile, for a family whose layout.yaml is broken
 */
export function familyProfiles(templatesDir = DEFAULT_TEMPLATES_DIR, lang: Lang = 'vi'): LayoutProfile[] {
  let hit = familyCache.get(templatesDir);
  if (!hit) familyCache.set(templatesDir, (hit = familyNames(templatesDir).map((name) => loadProfile(name, templatesDir, lang))));
  return hit;
}
