/**
 * The structural figure of an import (issue 19 item 2; issue 18's acceptance): two plans compared field by field —
 * never word by word — and, on the side that `import` produced, what it only guessed or left as a placeholder.
 *
 * A plan is read as a list of **fields** in document order, each in one **part** of the page:
 * - `header`: khoi, cơ quan chủ quản and ban hành, số, loại, ký hiệu, địa danh, ngày, tên loại, trích yếu
 *   (NĐ 30/2020 Phụ lục I ô 1–5);
 * - `body`: căn cứ and opening paragraphs, the house style the page shows when the plan gives it (`ngoac_kep`,
 *   `trinh_bay.nhiem_vu`), then each item of `noi_dung` with its level and kind (heading, paragraph,
 *   run-in heading, bullets, phase — set on one line by its own `mot_dong` or by `trinh_bay.dot.mot_dong` alike —,
 *   table), its number as printed (computed as src/normalise/body.ts does, from
 *   `danh_so`/`danh_so_con` or the family's `danh_so` and the item's own `so`), its label (`tieu_de`) and text, its
 *   task lines (`nhiem_vu`), bullets, phases and table rows;
 * - `closing`: the closing paragraphs and their end mark when the plan gives one (`dau_ket`), Nơi nhận (`cac_noi`, `luu`, typist), the signer (`thay_mat`, `quyen_han`,
 *   `thu_truong`, `chuc_vu`, `ho_ten`, `chuc_vu_khac`) and a joint plan's co-issuers (ô 7, ô 9);
 * - `forms`: appendices (number, title, kèm theo, page-number continuation, their items) and their annexed forms (`mau`: label, titles, blocks);
 * - `footnotes`: each note's text, keyed by the order of its first mark (the `[^key]` marks in the texts are renamed
 *   alike, so a renumbered key is no difference).
 *
 * Two plans are aligned part by part (a longest common subsequence of the fields' signatures, so one field lost or
 * added does not shift the rest). A field present in both is **recovered** unless the imported side flags it:
 * - `placeholder`: a value the source did not give (`CƠ QUAN BAN HÀNH`, `XX`, `Địa danh`, `…`), a comment "điền vào";
 * - `guess`: a comment "đoán" (a guessed year, a guessed Lưu, the last agency line taken as the issuer …), a
 *   recipient joined to the line above;
 * - `partial`: what the field cannot hold (a draft date's month, a form's tables read from text), text not placed;
 * - `doubtful`: a value whose form contradicts its role in the source: a title line of the signer that is a
 *   recipient or a sentence, a name that is a title, an item whose hand-kept number continues an enclosing level's
 *   sequence (section "C." read under "B."), a run-in heading read as bold text, a "[1]" footnote mark left in text;
 * - `source`: a number the plan will print differently from the source paragraph it was read from ("II." printed
 *   "II/"), which the words alone cannot show.
 * A field of one side only is **changed** (lost, added or altered). The figure is recovered ÷ (fields of the first
 * side + fields only the second has).
 *
 * The comments' kinds are read from the comment texts src/import writes (the Notes API records no kind); a comment
 * of no kind below is informational (a draft's blank number, numbering kept as issued …).
 */
import type { KeHoach, Muc, Y, NhiemVu } from '../types/plan.js';
import type { Notes, Path } from './notes.js';
import { loadProfile, DEFAULT_TEMPLATES_DIR } from '../profile.js';
import { parsePattern, Counter, markerOf, letterReading, tokenOf, counterValue, coreOfLabel, type NumberPattern } from '../form/numbering.js';
import { msg, type Lang } from '../i18n/messages.js';
import { taskLineTexts, type TaskStyle, type TaskField } from '../normalise/body.js';

/** The parts of the page the figure is given for. */
export const PARTS = ['header', 'body', 'closing', 'forms', 'footnotes'] as const;
export type Part = (typeof PARTS)[number];

/** Why a field is not counted as recovered although both sides hold it. */
export type Flag = 'placeholder' | 'guess' | 'partial' | 'doubtful' | 'source';

/** One field of a plan: its part, data path (dotted, for people), alignment signature and value. */
export interface Field { part: Part; path: string; sig: string; value: string; /** The data path as import's Notes keys it. */ at: Path }

/** A field the figure does not count as recovered, with the reason. */
export interface FieldIssue { part: Part; path: string; kind: Flag | 'changed'; detail?: string }

/** The figure of one part. */
export interface PartScore { part: Part; recovered: number; total: number; flagged: Record<Flag, number>; changed: number }

/** The structural figure of a comparison: per part, overall, and every field not recovered. */
export interface Fidelity { parts: PartScore[]; recovered: number; total: number; ratio: number; issues: FieldIssue[] }

/**
 * One side of a comparison: a plan and, when `import` produced it, its notes (comments, unplaced text, the paragraph
 * each data path came from) and the source's paragraphs by number as read (list label, a space, the text:
 * docx-read fullText), against which the numbers the plan will print are checked.
 */
export interface Side { plan: KeHoach; notes?: Notes; source?: ReadonlyMap<number, string> }

const PLACEHOLDERS = new Set(['…', '...']);
/** Comment texts of src/import by kind (the first that matches); see the module comment. */
const COMMENT_KINDS: [RegExp, Flag][] = [
  [/^không xếp được/u, 'partial'],
  [/chỉ giữ|xem lại|không phải ngày có thật/u, 'partial'],
  [/(^|\s)đoán(:|\s|$)|^nối dòng/u, 'guess'],
  [/điền vào|điền chữ|^không tìm thấy/u, 'placeholder'],
];

/** The kind of an import comment, or null for an informational one. */
export function commentKind(text: string): Flag | null {
  return COMMENT_KINDS.find(([re]) => re.test(text))?.[1] ?? null;
}

const join = (v: unknown): string => (v === undefined || v === null ? '' : Array.isArray(v) ? v.map(join).join('\n') : typeof v === 'object' ? JSON.stringify(v) : String(v));
const dotted = (p: Path): string => p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');
/** A text as compared: NFC, spaces folded (line breaks kept, empty lines dropped), the end mark "./." as the full stop it replaces. */
const norm = (s: string): string => s.normalize('NFC').split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n').replace(/\.\/\.$/u, '.');

/**
 * The plan's fields in document order (see the module comment).
 * @param templatesDir where the plan's family is found (its `danh_so` numbers the body); the package's by default
 * @throws KehoachError when the plan's family has no layout there
 */
export function planFields(plan: KeHoach, templatesDir = DEFAULT_TEMPLATES_DIR): Field[] {
  const out: Field[] = [];
  const add = (part: Part, path: Path, name: string, value: unknown) => {
    const v = norm(join(value));
    out.push({ part, path: dotted(path), sig: `${name}=${v}`, value: v, at: path });
  };
  const p = plan as KeHoach & Record<string, unknown>;
  // header (fixed fields, defaults written out)
  add('header', ['khoi'], 'khoi', p.khoi);
  add('header', ['co_quan_chu_quan'], 'co_quan_chu_quan', p.co_quan_chu_quan);
  add('header', ['co_quan_ban_hanh'], 'co_quan_ban_hanh', p.co_quan_ban_hanh);
  const so = (p.so_ky_hieu ?? {}) as { so?: number | null; loai_van_ban?: string; viet_tat_co_quan?: string; nhiem_ky?: string };
  add('header', ['so_ky_hieu', 'so'], 'so', so.so ?? '');
  add('header', ['so_ky_hieu', 'loai_van_ban'], 'loai_van_ban', so.loai_van_ban ?? 'KH');
  add('header', ['so_ky_hieu', 'viet_tat_co_quan'], 'viet_tat_co_quan', so.viet_tat_co_quan);
  add('header', ['dia_danh'], 'dia_danh', p.dia_danh);
  add('header', ['ngay_ban_hanh'], 'ngay_ban_hanh', p.ngay_ban_hanh);
  add('header', ['ten_loai'], 'ten_loai', p.ten_loai ?? 'KẾ HOẠCH');
  add('header', ['trich_yeu'], 'trich_yeu', p.trich_yeu);
  // body
  for (const [k, list] of [['can_cu', p.can_cu], ['mo_dau', p.mo_dau]] as const) (list ?? []).forEach((t, i) => add('body', [k, i], k, t));
  // house style the page shows, when the plan gives it: the phases' quote marks (task lines are compared as printed,
  // item by item, below)
  if (p.ngoac_kep !== undefined) add('body', ['ngoac_kep'], 'ngoac_kep', p.ngoac_kep);
  const profile = loadProfile(p.khoi, templatesDir);
  const family = profile.danh_so;
  const levels = (p.danh_so ?? family).map((s) => parsePattern(s));
  taskCtx = { ts: p.trinh_bay?.nhiem_vu ?? {}, labels: profile.mau.nhiem_vu };
  phaseLine = p.trinh_bay?.dot?.mot_dong ?? false;
  items(p.noi_dung ?? [], ['noi_dung'], 'body', levels, add);
  // closing
  [p.ket_thuc ?? []].flat().forEach((t, i) => add('closing', ['ket_thuc', i], 'ket_thuc', t));
  if (p.dau_ket !== undefined) add('closing', ['dau_ket'], 'dau_ket', p.dau_ket);
  const nn = (p.noi_nhan ?? {}) as { cac_noi?: unknown[]; luu?: string | string[]; ky_hieu_nguoi_soan?: string };
  // A recipient with its own purpose is the text it prints ("UBND tỉnh (b/c)", src/normalise/closing.ts noiNhanView).
  const recipient = (t: unknown) => (typeof t === 'string' ? t.replace(/\s*[;,.]$/u, '') : t && typeof t === 'object' && 'noi' in t && 'muc_dich' in t ? `${String(t.noi).replace(/[;,]$/u, '')} (${String(t.muc_dich)})` : t);
  (nn.cac_noi ?? []).forEach((t, i) => add('closing', ['noi_nhan', 'cac_noi', i], 'noi', recipient(t)));
  add('closing', ['noi_nhan', 'luu'], 'luu', typeof nn.luu === 'string' ? nn.luu.replace(/^Lưu\s*:?\s*|\.$/gu, '').split(/\s*,\s*/u) : nn.luu);
  if (nn.ky_hieu_nguoi_soan) add('closing', ['noi_nhan', 'ky_hieu_nguoi_soan'], 'ky_hieu_nguoi_soan', nn.ky_hieu_nguoi_soan);
  signer(p.nguoi_ky, ['nguoi_ky'], add);
  (p.lien_tich ?? []).forEach((co, i) => {
    add('closing', ['lien_tich', i, 'co_quan_chu_quan'], 'co_quan_chu_quan', co.co_quan_chu_quan);
    add('closing', ['lien_tich', i, 'co_quan_ban_hanh'], 'co_quan_ban_hanh', co.co_quan_ban_hanh);
    add('closing', ['lien_tich', i, 'viet_tat_co_quan'], 'viet_tat_co_quan', co.viet_tat_co_quan);
    signer(co.nguoi_ky, ['lien_tich', i, 'nguoi_ky'], add);
  });
  // forms
  (p.phu_luc ?? []).forEach((pl, i) => {
    const base: Path = ['phu_luc', i];
    add('forms', [...base, 'so'], 'phu_luc.so', pl.so === undefined ? 'auto' : pl.so);
    if (pl.tieu_de !== undefined) add('forms', [...base, 'tieu_de'], 'phu_luc.tieu_de', pl.tieu_de);
    if (pl.kem_theo !== undefined) add('forms', [...base, 'kem_theo'], 'phu_luc.kem_theo', pl.kem_theo);
    if (pl.danh_so_trang !== undefined) add('forms', [...base, 'danh_so_trang'], 'phu_luc.danh_so_trang', pl.danh_so_trang);
    items(pl.noi_dung ?? [], [...base, 'noi_dung'], 'forms', levels, add);
    (pl.mau ?? []).forEach((m, j) => {
      const mb: Path = [...base, 'mau', j];
      if (m.mau_so !== undefined) add('forms', [...mb, 'mau_so'], 'mau_so', m.mau_so);
      if (m.tieu_de !== undefined) add('forms', [...mb, 'tieu_de'], 'mau.tieu_de', m.tieu_de);
      if (m.phu_de !== undefined) add('forms', [...mb, 'phu_de'], 'mau.phu_de', m.phu_de);
      m.noi_dung.forEach((b, k) => add('forms', [...mb, 'noi_dung', k], 'mau.khoi', formBlock(b)));
    });
  });
  return footnotes(out, p.chu_thich as Record<string, string> | undefined);
}

type Add = (part: Part, path: Path, name: string, value: unknown) => void;

function signer(nk: KeHoach['nguoi_ky'] | undefined, base: Path, add: Add): void {
  const s = (nk ?? {}) as unknown as Record<string, unknown>;
  for (const k of ['thay_mat', 'quyen_han', 'thu_truong', 'chuc_vu', 'ho_ten', 'chuc_vu_khac']) if (s[k] !== undefined || k === 'chuc_vu' || k === 'ho_ten') add('closing', [...base, k], k, s[k]);
}

/** A form block in one spelling: numbers as text, `{ doan: x }` and `{ chuc_danh: x }` as x, row heights and the default signing note left out (they are not read back). */
function formBlock(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(formBlock);
  if (typeof v === 'number') return String(v);
  if (!v || typeof v !== 'object') return v;
  const o = Object.fromEntries(Object.entries(v).filter(([k, x]) => k !== 'cao_dong' && !(k === 'ghi_chu' && x === '(ký, ghi rõ họ tên)')));
  const keys = Object.keys(o);
  if (keys.length === 1 && ['doan', 'chuc_danh'].includes(keys[0]) && typeof o[keys[0]] === 'string') return o[keys[0]];
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, formBlock(x)]));
}

/**
 * The fields of a list of items at its level, numbered as src/normalise/body.ts numbers them (a Counter of
 * src/form/numbering.ts per list; headings and paragraphs take the next number unless `so` gives one or `so: false`).
 */
function items(list: Muc[], path: Path, part: Part, levels: (NumberPattern | null)[], add: Add, depth = 0, pattern: NumberPattern | null = levels[0] ?? null, parentCore = ''): void {
  const counter = new Counter(pattern ?? { prefix: '-', token: null, suffix: '' }, parentCore);
  list.forEach((it, i) => {
    const here = [...path, i];
    const at = `@${depth}`;
    if (typeof it === 'string') { add(part, here, `van${at}`, it); return; }
    const o = it as Exclude<Muc, string>;
    let core = parentCore;
    if (o.tieu_de !== undefined || o.doan !== undefined) {
      const kind = o.tieu_de !== undefined && o.doan !== undefined ? 'lien' : o.tieu_de !== undefined ? 'tieu_de' : 'doan';
      const num = o.so === false ? { label: '', core: parentCore } : typeof o.so === 'string' ? counter.hand(o.so) : counter.auto();
      core = num.core;
      add(part, [...here], `muc${at}`, kind);
      add(part, [...here, 'so'], `so${at}`, num.label);
      if (o.tieu_de !== undefined) add(part, [...here, 'tieu_de'], `tieu_de${at}`, o.tieu_de);
      if (o.doan !== undefined) add(part, [...here, 'doan'], `doan${at}`, o.doan);
      if (o.liet_ke) add(part, [...here, 'liet_ke'], `liet_ke${at}`, o.liet_ke);
    }
    // task lines where they print: under the item's own block, or after its bullets and sub-items (vi_tri cuoi)
    const last = (o.vi_tri_nhiem_vu ?? taskCtx.ts.vi_tri) === 'cuoi';
    if (o.nhiem_vu && !last) tasks(o.nhiem_vu, [...here, 'nhiem_vu'], part, at, add);
    (o.bang_nhiem_vu ?? []).forEach((t, k) => tableRow(t, [...here, 'bang_nhiem_vu', k], part, at, add));
    if (o.dot) add(part, [...here, 'dot'], `dot${at}`, phaseAsPrinted(o.dot));
    if (o.bang) {
      add(part, [...here, 'bang', 'cot'], `bang.cot${at}`, o.bang.cot.map((c) => (typeof c === 'string' ? c : c.ten)).join(' | '));
      o.bang.dong.forEach((r, k) => add(part, [...here, 'bang', 'dong', k], `bang.dong${at}`, r.map(String).join(' | ')));
    }
    bullets(o.gach_dau_dong ?? [], [...here, 'gach_dau_dong'], part, 0, o.ky_hieu, add);
    if (o.noi_dung) {
      const child = o.danh_so_con ? parsePattern(o.danh_so_con) : levels[depth + 1] ?? null;
      items(o.noi_dung, [...here, 'noi_dung'], part, levels, add, depth + 1, child, core);
    }
    if (o.nhiem_vu && last) tasks(o.nhiem_vu, [...here, 'nhiem_vu'], part, at, add);
  });
}

/** The plan's `trinh_bay.dot.mot_dong`, for the phases of the plan being read (set by the caller). */
let phaseLine = false;

/**
 * A phase as it prints: set on one line or not by its own `mot_dong` or the plan's (`trinh_bay.dot.mot_dong`), so that
 * the plan's choice and the same choice given per phase are the same phase; its keys in one order.
 */
function phaseAsPrinted(dot: NonNullable<Exclude<Muc, string>['dot']>): Record<string, unknown> {
  const { mot_dong, ...rest } = dot as unknown as Record<string, unknown>;
  const line = (mot_dong as boolean | undefined) ?? phaseLine;
  return Object.fromEntries(Object.entries({ ...rest, ...(line ? { mot_dong: true } : {}) }).sort(([a], [b]) => a.localeCompare(b)));
}

/** The plan's task style and the family's labels, for the fields of the plan being read (set by the caller). */
let taskCtx: { ts: TaskStyle; labels: Record<TaskField, string> } = { ts: {}, labels: {} as Record<TaskField, string> };

/**
 * A task's lines as they print (src/normalise/body.ts taskLineTexts): in their order (the task's `thu_tu`, the
 * plan's, the default), each with the label it prints with (the task's own `nhan`, the plan's, the family's), so that
 * a plan-level label and the same label given per task are the same field, and a line moved is a difference.
 */
function tasks(nv: NhiemVu, base: Path, part: Part, at: string, add: Add): void {
  let khac = 0;
  for (const l of taskLineTexts(nv, taskCtx.ts, taskCtx.labels)) {
    if (l.key === 'khac') add(part, [...base, 'khac', khac++], `nhiem_vu.${l.nhan}${at}`, l.text);
    else add(part, [...base, l.key === 'thoi_gian' && nv.thoi_gian === undefined ? 'han' : l.key], `nhiem_vu.${l.key}${at}`, `${l.nhan}: ${l.text}`);
  }
}

/** A row of a task table: its cells by field (the column names are the plan's, shared by the rows). */
function tableRow(nv: NhiemVu, base: Path, part: Part, at: string, add: Add): void {
  for (const [k, v] of Object.entries(nv)) {
    if (k === 'nhan' || k === 'thu_tu') continue;
    if (k === 'khac') (v as { nhan: string; noi_dung: string }[]).forEach((x, j) => add(part, [...base, 'khac', j], `nhiem_vu.${x.nhan}${at}`, x.noi_dung));
    else add(part, [...base, k], `nhiem_vu.${k}${at}`, v);
  }
}

function bullets(ys: Y[], base: Path, part: Part, depth: number, mark: string | undefined, add: Add): void {
  ys.forEach((y, i) => {
    // a bullet's level is its "-"/"+" level, whatever item holds it (src/normalise/body.ts bullets): an item's
    // bullets and a bullets-only child item print alike
    add(part, [...base, i], `gach${mark ?? ''}@${depth}`, typeof y === 'string' ? y : y.doan);
    if (typeof y !== 'string' && y.gach_dau_dong) bullets(y.gach_dau_dong, [...base, i, 'gach_dau_dong'], part, depth + 1, undefined, add);
  });
}

/** Renames the footnote marks by order of first use and adds each note as a field of the `footnotes` part. */
function footnotes(fields: Field[], notes: Record<string, string> | undefined): Field[] {
  const order = new Map<string, number>();
  const rename = (s: string) => s.replace(/\[\^([^\]\s]+)\]/gu, (_, k: string) => { if (!order.has(k)) order.set(k, order.size + 1); return `[^${order.get(k)}]`; });
  const out = fields.map((f) => ({ ...f, sig: rename(f.sig), value: rename(f.value) }));
  for (const [k, n] of order) out.push({ part: 'footnotes', path: `chu_thich.${k}`, sig: `chu_thich[${n}]=${norm(notes?.[k] ?? '')}`, value: norm(notes?.[k] ?? ''), at: ['chu_thich', k] });
  for (const k of Object.keys(notes ?? {})) if (!order.has(k)) out.push({ part: 'footnotes', path: `chu_thich.${k}`, sig: `chu_thich[?]=${norm(notes![k])}`, value: norm(notes![k]), at: ['chu_thich', k] });
  return out;
}

/**
 * The flags of an imported plan's fields by dotted path: its comments' kinds (covering the fields under the path),
 * text it could not place, placeholder values, and the form checks of the module comment.
 */
export function importFlags(side: Side, fields: Field[], templatesDir = DEFAULT_TEMPLATES_DIR): Map<string, { kind: Flag; detail: string }> {
  const flags = new Map<string, { kind: Flag; detail: string }>();
  const set = (path: string, kind: Flag, detail: string) => { if (!flags.has(path)) flags.set(path, { kind, detail }); };
  const under = (prefix: string) => fields.filter((f) => f.path === prefix || f.path.startsWith(prefix + '.') || f.path.startsWith(prefix + '['));
  for (const w of side.notes?.warnings ?? []) for (const f of under(dotted(w.path))) set(f.path, 'partial', w.text.slice(0, 60));
  for (const c of side.notes?.comments ?? []) {
    const kind = commentKind(c.text);
    if (kind) for (const f of under(dotted(c.path))) set(f.path, kind, c.text);
  }
  for (const f of fields) {
    if (PLACEHOLDERS.has(f.value)) set(f.path, 'placeholder', f.value);
    else if (/(?:^|\n| )\[\d{1,3}\](?=\s|$|[.,;:])/u.test(f.value) && !(side.plan as { chu_thich?: unknown }).chu_thich) set(f.path, 'doubtful', 'footnote mark [n] left in the text');
  }
  for (const f of fields) {
    const leaf = f.path.replace(/^.*\./u, '');
    if (leaf === 'chuc_vu' || leaf === 'thu_truong' || leaf === 'thay_mat') {
      const bad = f.value.split('\n').find((l) => !isTitle(l));
      if (bad !== undefined && f.value !== '…') set(f.path, 'doubtful', bad);
    } else if (leaf === 'ho_ten' && f.value !== '…' && !isName(f.value)) set(f.path, 'doubtful', f.value);
    else if (/\.doan$/u.test(f.path) && f.sig.startsWith('doan@') && /^\*{2,3}[^*]{1,80}\*{2,3}(?:\s|:)|^\*\*[^*]{1,80}:\*\*/u.test(f.value)) set(f.path, 'doubtful', 'run-in heading read as text');
  }
  nesting(side.plan.noi_dung ?? [], ['noi_dung'], [], set, side.plan.danh_so ?? loadProfile(side.plan.khoi, templatesDir).danh_so);
  // The number each item will print against the marker of the source paragraph it came from.
  if (side.notes && side.source) {
    for (const f of fields) {
      if (!/^so@/u.test(f.sig) || f.at[f.at.length - 1] !== 'so') continue;
      const para = side.notes.paths.get(f.at.slice(0, -1).join('\u0000'));
      const text = para === undefined ? undefined : side.source.get(para);
      const mk = text === undefined ? null : markerOf(text.trim());
      const had = mk && !mk.bullet ? mk.label.replace(/\s+/gu, '') : '';
      if (text !== undefined && had !== f.value.replace(/\s+/gu, '')) set(f.path, 'source', `"${had}" → "${f.value}"`);
    }
  }
  return flags;
}

/** A title line of a signature block as src/import/closing.ts reads one: upper case, short, not a list line or sentence. */
const isTitle = (t: string) => t.length <= 80 && /\p{Lu}/u.test(t) && t === t.toLocaleUpperCase('vi') && !/[;,:]$|\.\/\.$/u.test(t) && !/^[-–+•]/u.test(t);
/** A person's name: two to seven words, not a title in capitals, letters and dots only. */
const isName = (t: string) => /^[\p{L}.]+(?: [\p{L}.]+){1,6}$/u.test(t) && t !== t.toLocaleUpperCase('vi');

/**
 * Items whose hand-kept number (`so`) continues the sequence of an enclosing level (a section "C." read under "B."),
 * or whose marker is of an enclosing level's kind: their level is doubtful.
 */
function nesting(list: Muc[], path: Path, stack: { token: string; count: number }[], set: (p: string, k: Flag, d: string) => void, styles: string[], style = styles[0] ?? ''): void {
  let count = 0;
  list.forEach((it, i) => {
    if (typeof it === 'string' || (it.tieu_de === undefined && it.doan === undefined) || it.so === false) return;
    count++;
    let token = tokenOf(style);
    if (typeof it.so === 'string') {
      const mk = markerOf(it.so + ' x');
      if (mk && !mk.bullet) {
        for (const r of [mk, letterReading(mk)].filter((x) => x !== null)) {
          const t = tokenOf(r.style);
          const value = counterValue(coreOfLabel(r.label), parsePattern(r.style)?.token);
          if (stack.some((s) => s.token === t && (value === null || value === s.count + 1))) set(dotted([...path, i, 'so']), 'doubtful', `"${it.so}" continues an enclosing level`);
        }
        token = tokenOf(mk.style);
        const v = counterValue(coreOfLabel(mk.label), parsePattern(mk.style)?.token);
        if (v !== null) count = v;
      }
    }
    if (it.noi_dung) nesting(it.noi_dung, [...path, i, 'noi_dung'], [...stack, { token, count }], set, styles, it.danh_so_con ?? styles[stack.length + 1] ?? '');
  });
}

/** The longest common subsequence of two signature lists, as the matched index pairs (common ends first). */
function align(a: string[], b: string[]): [number, number][] {
  const pairs: [number, number][] = [];
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s]) { pairs.push([s, s]); s++; }
  let ea = a.length, eb = b.length;
  const tail: [number, number][] = [];
  while (ea > s && eb > s && a[ea - 1] === b[eb - 1]) { ea--; eb--; tail.unshift([ea, eb]); }
  const n = ea - s, m = eb - s;
  if (n && m && n * m <= 16_000_000) {
    const w = m + 1;
    const t = new Uint16Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) t[i * w + j] = a[s + i] === b[s + j] ? t[(i + 1) * w + j + 1] + 1 : Math.max(t[(i + 1) * w + j], t[i * w + j + 1]);
    for (let i = 0, j = 0; i < n && j < m;) {
      if (a[s + i] === b[s + j]) { pairs.push([s + i, s + j]); i++; j++; }
      else if (t[(i + 1) * w + j] >= t[i * w + j + 1]) i++;
      else j++;
    }
  }
  return [...pairs, ...tail];
}

/**
 * Compares two plans field by field, part by part.
 * @param a the reference (the plan a document was rendered from, or the first import)
 * @param b the plan read back (its import, or the import of the first import's render)
 * @param templatesDir where the plans' families are found
 * @returns the figure per part and overall, and every field not recovered (a flag of either side, or changed)
 * @throws KehoachError when a plan's family has no layout in `templatesDir`
 */
export function compareStructure(a: Side, b: Side, templatesDir = DEFAULT_TEMPLATES_DIR): Fidelity {
  const fa = planFields(a.plan, templatesDir);
  const fb = planFields(b.plan, templatesDir);
  const flagsA = a.notes ? importFlags(a, fa, templatesDir) : new Map();
  const flagsB = b.notes ? importFlags(b, fb, templatesDir) : new Map();
  const issues: FieldIssue[] = [];
  const parts: PartScore[] = [];
  for (const part of PARTS) {
    const xa = fa.filter((f) => f.part === part);
    const xb = fb.filter((f) => f.part === part);
    const pairs = align(xa.map((f) => f.sig), xb.map((f) => f.sig));
    const score: PartScore = { part, recovered: 0, total: 0, flagged: { placeholder: 0, guess: 0, partial: 0, doubtful: 0, source: 0 }, changed: 0 };
    const matchedA = new Set(pairs.map(([i]) => i));
    const matchedB = new Set(pairs.map(([, j]) => j));
    for (const [i, j] of pairs) {
      const flag = flagsA.get(xa[i].path) ?? flagsB.get(xb[j].path);
      if (flag) { score.flagged[flag.kind as Flag]++; issues.push({ part, path: xa[i].path, kind: flag.kind, detail: flag.detail }); }
      else score.recovered++;
    }
    // A field altered in place (same path, else the next unmatched field of the same name) is one change, not a
    // loss and an addition; a field of one side only is one change.
    const restB = xb.filter((f, j) => !matchedB.has(j));
    const name = (f: Field) => f.sig.slice(0, f.sig.indexOf('='));
    xa.forEach((f, i) => {
      if (matchedA.has(i)) return;
      score.changed++;
      const k = Math.max(restB.findIndex((g) => g.path === f.path), -1);
      const at = k >= 0 ? k : restB.findIndex((g) => name(g) === name(f));
      const other = at >= 0 ? restB.splice(at, 1)[0] : undefined;
      issues.push({ part, path: f.path, kind: 'changed', detail: `${f.sig.slice(0, 70)} → ${other ? other.value.slice(0, 70) : '∅'}` });
    });
    for (const f of restB) { score.changed++; issues.push({ part, path: f.path, kind: 'changed', detail: `∅ → ${f.sig.slice(0, 70)}` }); }
    score.total = score.recovered + score.changed + Object.values(score.flagged).reduce((x, y) => x + y, 0);
    parts.push(score);
  }
  const recovered = parts.reduce((s, p) => s + p.recovered, 0);
  const total = parts.reduce((s, p) => s + p.total, 0);
  return { parts, recovered, total, ratio: total ? recovered / total : 1, issues };
}

/** A ratio as the CLI prints it: one decimal, rounded down (never 100.0 % unless whole). */
export const pct = (r: number): string => (Math.floor(r * 1000) / 10).toFixed(1);

/**
 * The figure as the `import` command prints it: the overall line, one line per part that has fields, and the fields
 * not recovered (at most `limit` listed, the rest counted).
 */
export function formatFidelity(f: Fidelity, lang: Lang = 'vi', limit = 12): string[] {
  const lines = [msg('import/fidelity', lang, { pct: pct(f.ratio), recovered: f.recovered, total: f.total })];
  for (const p of f.parts) {
    if (!p.total) continue;
    const why = (Object.entries(p.flagged) as [Flag, number][]).filter(([, n]) => n).map(([k, n]) => msg('import/fidelity-kind', lang, { kind: k, n }));
    if (p.changed) why.push(msg('import/fidelity-kind', lang, { kind: 'changed', n: p.changed }));
    lines.push(msg('import/fidelity-part', lang, { part: p.part, recovered: p.recovered, total: p.total, why: why.join(', ') }));
  }
  for (const i of f.issues.slice(0, limit)) lines.push(msg('import/fidelity-field', lang, { kind: i.kind, path: i.path, detail: i.detail ?? '' }));
  if (f.issues.length > limit) lines.push(msg('import/fidelity-more', lang, { n: f.issues.length - limit }));
  return lines;
}
