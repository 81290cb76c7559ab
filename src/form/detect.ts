/**
 * Which family (khối) a document belongs to, read from its header: each family says in the `nhan_dien:` block of its
 * own layout.yaml what tells it apart (the package's and an office's families alike, so an office's family is
 * recognised with no code). One generic reading here, used by `import` and so by `check`:
 *
 * - the families are tried in the order of their `thu_tu` (lowest first; absent: 0), then by name;
 * - the first family one of whose clues holds is the document's: a phrase of `phan_dau` on any line of the header
 *   (ô 1–4, title lines included), a phrase of `co_quan` on the agency lines (ô 2), a word of `ky_hieu` in the ký hiệu
 *   (`*ĐTN`: a word ending so), the ký hiệu written in the family's own form of the Số line (`mau_so: true`: the mark
 *   between loại (in capitals) and cơ quan of its `mau.so_ky_hieu`, "/" in "KH/BDVTU"), or a signing form only the family (and the
 *   families inheriting it) spells so (`quyen_han: true`: its `mau.quyen_han`, "K/T", "T/M");
 * - when none holds and the header is lost (no agency line, no ký hiệu): the first family whose `khong_phan_dau.chu_ky`
 *   is the signature's first line ("TM. BAN THƯỜNG TRỰC"), a guess written with its `ghi_chu` as a comment;
 * - else the family marked `mac_dinh: true` (the state's: NĐ 30 is the common form).
 *
 * Phrases and words are compared in capitals, whole words (a phrase's spaces match any spaces); the signature
 * ignoring its spaces and full stops. `nhan_dien` is not inherited along ke_thua (src/profile.ts).
 */
import { LineCounter, parseDocument } from 'yaml';
import { readFileSync } from 'node:fs';
import { DEFAULT_TEMPLATES_DIR, layoutFile, templateError, type LayoutProfile } from '../profile.js';
import type { Lang } from '../i18n/messages.js';

/** What import reads off a document for its family. */
export interface HeaderFacts {
  /** Every header line joined by newlines. */
  text: string;
  /** The agency lines (left column). */
  agency: string;
  /** The ký hiệu part of the Số line ("KH-UBND", "KH/BDVTU"), '' when none. */
  kyHieu: string;
  /** The signature's first line ("K/T TRƯỞNG BAN", "TM. BAN THƯỜNG VỤ"), '' when none. */
  signature: string;
  /** The families whose layout data spells the signature's signing form as written ("K/T" → ['dang']), src/form/signing.ts. */
  signatureFamilies: string[];
}

/** The family found, and the comment written into the YAML when it is a guess. */
export interface Detected { khoi: string; comment?: string }

/** A family's `nhan_dien:` block, checked. */
interface Clues {
  khoi: string;
  thu_tu: number;
  phan_dau: RegExp[];
  co_quan: RegExp[];
  ky_hieu: { word: string; suffix: boolean }[];
  /** The family's form of the ký hiệu ("KH/…"), when `mau_so: true`. */
  mau_so?: RegExp;
  quyen_han: boolean;
  khong_phan_dau?: { chu_ky: string[]; ghi_chu?: string };
  mac_dinh: boolean;
}

const upper = (s: string) => s.toLocaleUpperCase('vi');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** A phrase as a whole-word, capitals pattern; its spaces match any run of spaces. */
const phrase = (p: string) => new RegExp(`(?<!\\p{L})${upper(p).trim().split(/\s+/u).map(escape).join('\\s+')}(?!\\p{L})`, 'u');
/** A signature line without spaces and full stops, in capitals ("TM. BAN THƯỜNG TRỰC" = "TM BAN THƯỜNG TRỰC"). */
const bare = (s: string) => upper(s).replace(/[\s.]+/gu, '');

const KEYS = ['thu_tu', 'phan_dau', 'co_quan', 'ky_hieu', 'mau_so', 'quyen_han', 'khong_phan_dau', 'mac_dinh'];

/**
 * Checks and compiles a family's `nhan_dien:`.
 * @throws KehoachError (usage, rule template/error) at the line of the family's own layout.yaml that is wrong
 */
function cluesOf(p: LayoutProfile, templatesDir: string, lang: Lang): Clues {
  const raw = p.nhan_dien ?? {};
  const fail = (path: string[], detail: string): never => {
    const file = layoutFile(p.khoi, templatesDir) ?? p.khoi;
    let line = 1, col = 1;
    try {
      const lc = new LineCounter();
      const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lc });
      for (let q = ['nhan_dien', ...path]; q.length; q = q.slice(0, -1)) {
        const node = doc.getIn(q, true) as { range?: number[] } | undefined;
        if (node?.range) { ({ line, col } = lc.linePos(node.range[0])); break; }
      }
    } catch { /* unreadable: the file's first line */ }
    throw templateError(file, line, col, detail, lang);
  };
  if (typeof raw !== 'object' || Array.isArray(raw)) return fail([], `nhan_dien: { ${KEYS.join(', ')} }`);
  for (const k of Object.keys(raw)) if (!KEYS.includes(k)) fail([k], `nhan_dien.${k} ? (${KEYS.join(', ')})`);
  const texts = (key: string, v: unknown, path = [key]): string[] => {
    if (v === undefined || v === null) return [];
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string' && x.trim())) return fail(path, `nhan_dien.${path.join('.')}: chữ hoặc danh sách chữ / a string or a list of strings`);
    return list as string[];
  };
  const flag = (key: string): boolean => {
    const v = raw[key];
    if (v === undefined || v === null) return false;
    if (typeof v !== 'boolean') return fail([key], `nhan_dien.${key}: true | false`);
    return v;
  };
  const order = raw.thu_tu ?? 0;
  if (typeof order !== 'number' || !Number.isFinite(order)) fail(['thu_tu'], 'nhan_dien.thu_tu: số / a number');
  const clues: Clues = {
    khoi: p.khoi,
    thu_tu: order as number,
    phan_dau: texts('phan_dau', raw.phan_dau).map(phrase),
    co_quan: texts('co_quan', raw.co_quan).map(phrase),
    ky_hieu: texts('ky_hieu', raw.ky_hieu).map((w) => (w.startsWith('*') ? { word: upper(w.slice(1).trim()), suffix: true } : { word: upper(w.trim()), suffix: false })),
    quyen_han: flag('quyen_han'),
    mac_dinh: flag('mac_dinh'),
  };
  if (flag('mau_so')) {
    // The mark between {loai} and {co_quan} of the family's Số line: "/" in "Số {so}-{loai}/{co_quan}".
    const form = String(p.mau?.so_ky_hieu ?? '');
    const mark = /\{loai\}(.*?)\{co_quan\}/u.exec(form)?.[1];
    if (!mark) fail(['mau_so'], `nhan_dien.mau_so: mau.so_ky_hieu "${form}" ({loai} … {co_quan} ?)`);
    clues.mau_so = new RegExp(`^\\p{Lu}+${escape(mark!.trim())}`, 'u');
  }
  const k = raw.khong_phan_dau;
  if (k !== undefined && k !== null) {
    if (typeof k !== 'object' || Array.isArray(k)) fail(['khong_phan_dau'], 'nhan_dien.khong_phan_dau: { chu_ky, ghi_chu }');
    const o = k as Record<string, unknown>;
    for (const key of Object.keys(o)) if (key !== 'chu_ky' && key !== 'ghi_chu') fail(['khong_phan_dau', key], `nhan_dien.khong_phan_dau.${key} ? (chu_ky, ghi_chu)`);
    if (o.ghi_chu !== undefined && typeof o.ghi_chu !== 'string') fail(['khong_phan_dau', 'ghi_chu'], 'nhan_dien.khong_phan_dau.ghi_chu: chữ / a string');
    clues.khong_phan_dau = { chu_ky: texts('khong_phan_dau', o.chu_ky, ['khong_phan_dau', 'chu_ky']).map(bare), ...(typeof o.ghi_chu === 'string' ? { ghi_chu: o.ghi_chu } : {}) };
  }
  return clues;
}

const byOrder = (a: Clues, b: Clues) => a.thu_tu - b.thu_tu || (a.khoi < b.khoi ? -1 : a.khoi > b.khoi ? 1 : 0);

const detectors = new WeakMap<readonly LayoutProfile[], Map<string, (h: HeaderFacts) => Detected>>();

/**
 * The detection over a set of families (familyProfiles: the package's and an office's), made once per set.
 * @param templatesDir the folder the profiles were loaded from (to place a mistake of `nhan_dien:` at its line)
 * @returns a function from the header's facts to the family (never fails: the default family, else the first family
 *   inheriting none, else the first by name)
 * @throws KehoachError (usage, template/error at the layout.yaml line) when a family's `nhan_dien:` is malformed
 */
export function familyDetector(profiles: readonly LayoutProfile[], templatesDir = DEFAULT_TEMPLATES_DIR, lang: Lang = 'vi'): (h: HeaderFacts) => Detected {
  let byDir = detectors.get(profiles);
  if (!byDir) detectors.set(profiles, (byDir = new Map()));
  const hit = byDir.get(templatesDir);
  if (hit) return hit;
  const all = profiles.map((p) => cluesOf(p, templatesDir, lang)).sort(byOrder);
  const chains = new Map(profiles.map((p) => [p.khoi, p.chain]));
  const fallback = all.find((c) => c.mac_dinh)?.khoi
    ?? [...profiles].filter((p) => p.chain.length === 1).map((p) => p.khoi).sort()[0]
    ?? [...profiles].map((p) => p.khoi).sort()[0];
  const detect = (h: HeaderFacts): Detected => {
    const text = upper(h.text);
    const agency = upper(h.agency);
    const words = upper(h.kyHieu).split(/\P{L}+/u).filter(Boolean);
    const sigFamilies = h.signatureFamilies;
    for (const c of all) {
      if (c.phan_dau.some((re) => re.test(text))
        || c.co_quan.some((re) => re.test(agency))
        || c.ky_hieu.some((k) => words.some((w) => (k.suffix ? w.endsWith(k.word) : w === k.word)))
        || (c.mau_so && c.mau_so.test(h.kyHieu))
        || (c.quyen_han && sigFamilies.length > 0 && sigFamilies.every((f) => chains.get(f)?.includes(c.khoi)))) return { khoi: c.khoi };
    }
    if (!h.agency.trim() && !h.kyHieu) {
      const sig = bare(h.signature);
      for (const c of all) if (sig && c.khong_phan_dau?.chu_ky.includes(sig)) return { khoi: c.khoi, ...(c.khong_phan_dau.ghi_chu ? { comment: c.khong_phan_dau.ghi_chu } : {}) };
    }
    return { khoi: fallback! };
  };
  byDir.set(templatesDir, detect);
  return detect;
}
