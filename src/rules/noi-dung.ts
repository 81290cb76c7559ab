/** Rules on the body: numbering, phases and deadlines, headings. */
import { msg } from '../i18n/messages.js';
import { parsePattern, Counter, LEADING_NUMBER, withoutLeadingNumber, type Counted, type NumberPattern } from '../form/numbering.js';
import type { Muc, NhiemVu } from '../types/plan.js';
import type { Finding, Path, Rule, RuleContext } from './types.js';

type MucObject = Exclude<Muc, string>;

/** What the counter gave one item of a list (null: not numbered), mirroring the body walker (src/normalise/body.ts). */
type Numbering = (Counted & { hand: boolean }) | null;

/** One list of items as eachList visits it. */
interface NumberedList { items: Muc[]; path: Path; pattern: NumberPattern | null; depth: number; numbers: Numbering[] }

/** The lists of a rule run (its context object), numbered once for the four rules that visit them. */
const listsOf = new WeakMap<RuleContext, NumberedList[]>();

/**
 * Visits every list of items (body and appendices) with the numbering pattern of that level and what the counter
 * gives each item: headings and numbered paragraphs, and phases given `so:`; `so: false` moves the count past a
 * number typed in the text (numbering.ts Counter). The lists are numbered once per rule run (the rules only read
 * them) and visited in the same order every time.
 */
function eachList(ctx: RuleContext, visit: (items: Muc[], path: Path, pattern: NumberPattern | null, depth: number, numbers: Numbering[]) => void) {
  let lists = listsOf.get(ctx);
  if (!lists) listsOf.set(ctx, (lists = numberLists(ctx)));
  for (const l of lists) visit(l.items, l.path, l.pattern, l.depth, l.numbers);
}

/** Numbers every list of items, in the order of a depth-first walk (a list before its items' sub-lists). */
function numberLists(ctx: RuleContext): NumberedList[] {
  const lists: NumberedList[] = [];
  const patterns = (ctx.plan.danh_so ?? ctx.profile.danh_so).map(parsePattern);
  const walk = (items: Muc[], path: Path, pattern: NumberPattern | null, depth: number, parentCore: string) => {
    const counter = new Counter(pattern ?? { prefix: '', token: '1', suffix: '.' }, parentCore);
    const numbers: Numbering[] = items.map((it) => {
      if (typeof it === 'string') return null;
      const text = it.tieu_de ?? it.doan ?? it.dot?.ten;
      if (text === undefined || (it.dot && !it.tieu_de && !it.doan && it.so === undefined)) return null;
      if (it.so === false) { counter.skip(text); return null; }
      if (typeof it.so === 'string') return { ...counter.hand(it.so), hand: true };
      return { ...counter.auto(), hand: false };
    });
    lists.push({ items, path, pattern, depth, numbers });
    items.forEach((it, i) => {
      if (typeof it === 'string' || !it.noi_dung) return;
      const child = it.danh_so_con ? parsePattern(it.danh_so_con) : patterns[depth + 1] ?? null;
      walk(it.noi_dung, [...path, i, 'noi_dung'], child, depth + 1, numbers[i]?.core ?? parentCore);
    });
  };
  walk(ctx.plan.noi_dung, ['noi_dung'], patterns[0] ?? null, 0, '');
  (ctx.plan.phu_luc ?? []).forEach((pl, i) => walk(pl.noi_dung ?? [], ['phu_luc', i, 'noi_dung'], patterns[0] ?? null, 0, ''));
  return lists;
}

export const lienTuc: Rule = {
  id: 'so-thu-tu/lien-tuc',
  severity: 'warning',
  description: {
    vi: 'Số thứ tự ghi tay (so: "...") nhảy cóc hay lặp lại: in nguyên như văn bản ban hành, cảnh báo một lần ở chỗ đứt quãng.',
    en: 'A number given by hand (so: "...") that skips or repeats: printed as issued, warned once where the sequence breaks.',
  },
  source: 'NĐ 30/2020 Phụ lục I mục II.6',
  check: (ctx) => {
    const out: Finding[] = [];
    eachList(ctx, (items, path, _pattern, _depth, numbers) => {
      numbers.forEach((n, i) => {
        if (n?.hand && n.breaks) out.push({ path: [...path, i, 'so'], message: msg('rule/so-thu-tu/lien-tuc', ctx.lang, { value: n.label, expected: n.expected ?? '' }) });
      });
    });
    return out;
  },
};

export const tuViet: Rule = {
  id: 'so-thu-tu/tu-viet',
  severity: 'warning',
  description: { vi: 'Tiêu đề, đoạn có số và gạch đầu dòng không tự ghi số thứ tự hay dấu "-" (tool tự thêm).', en: 'Headings, numbered paragraphs and bullets do not start with their own number or "-" (the tool adds it).' },
  source: 'kehoach (tránh đánh số hai lần)',
  // The number or "-" typed is removed (the tool writes its own); printed, the document shows it twice.
  fix: () => ({ value: (v) => withoutLeadingNumber(v), block: (s) => withoutLeadingNumber(s, true) }),
  stopsRender: true,
  check: (ctx) => {
    const out: Finding[] = [];
    const markers = ctx.profile.gach_dau_dong;
    const bullets = (ys: unknown[], path: Path, level: number) => ys.forEach((y, j) => {
      const text = typeof y === 'string' ? y : (y as { doan: string }).doan;
      const at = typeof y === 'string' ? [...path, j] : [...path, j, 'doan'];
      const m = LEADING_NUMBER.exec(text);
      if (m) out.push({ path: at, message: msg('rule/so-thu-tu/tu-viet-gach', ctx.lang, { value: m[1], marker: markers[Math.min(level, markers.length - 1)] }) });
      const sub = typeof y === 'string' ? undefined : (y as { gach_dau_dong?: unknown[] }).gach_dau_dong;
      if (sub) bullets(sub, [...path, j, 'gach_dau_dong'], level + 1);
    });
    eachList(ctx, (items, path, _pattern, _depth, numbers) => items.forEach((it, i) => {
      if (typeof it === 'string') return;
      const n = numbers[i];
      const key = it.tieu_de !== undefined ? 'tieu_de' : 'doan';
      const text = it.tieu_de ?? it.doan;
      const m = n && text !== undefined ? LEADING_NUMBER.exec(text) : null;
      if (n && m) {
        // Same number as the tool's: remove it. Another one: keep it as issued with so: (lien-tuc then warns of the gap, once).
        const same = m[1] === n.label || n.hand;
        out.push({ path: [...path, i, key], message: msg(same ? 'rule/so-thu-tu/tu-viet' : 'rule/so-thu-tu/tu-viet-khac', ctx.lang, { value: m[1], expected: n.label }) });
      }
      if (it.gach_dau_dong) bullets(it.gach_dau_dong, [...path, i, 'gach_dau_dong'], 0);
    }));
    return out;
  },
};

const start = (d: string) => (d.length === 7 ? `${d}-01` : d);
const end = (d: string) => (d.length === 7 ? `${d}-31` : d);
const vnDate = (d: string) => d.split('-').reverse().join('/');

export const loiDanKhongIn: Rule = {
  id: 'dot/loi-dan-khong-in',
  severity: 'warning',
  description: { vi: 'Lời dẫn của đợt (loi_dan) chỉ in trước chủ đề (chu_de); không có chủ đề thì lời dẫn không được in.', en: 'A phase\'s lead-in (loi_dan) prints only before its theme (chu_de); without a theme it does not print.' },
  source: 'kehoach (không bỏ chữ nào mà không báo)',
  check: (ctx) => {
    const out: Finding[] = [];
    eachList(ctx, (items, path) => items.forEach((it, i) => {
      if (typeof it !== 'string' && it.dot?.loi_dan !== undefined && it.dot.chu_de === undefined) out.push({ path: [...path, i, 'dot', 'loi_dan'], message: msg('rule/dot/loi-dan-khong-in', ctx.lang, { value: it.dot.loi_dan }) });
    }));
    return out;
  },
};

export const dotThuTu: Rule = {
  id: 'dot/thu-tu',
  severity: 'error',
  description: { vi: 'Mỗi đợt kết thúc sau khi bắt đầu; đợt sau bắt đầu sau khi đợt trước kết thúc.', en: 'Each phase ends after it starts; the next phase starts after the previous one ends.' },
  source: 'kehoach (tính nhất quán của kế hoạch)',
  check: (ctx) => {
    const out: Finding[] = [];
    const m = (k: Parameters<typeof msg>[0]) => msg(k, ctx.lang);
    const period = ctx.plan.thoi_gian_ke_hoach;
    if (period && period.den < period.tu) out.push({ path: ['thoi_gian_ke_hoach', 'den'], message: msg('rule/dot/thu-tu', ctx.lang, { what: m('what/period-end'), value: vnDate(period.den), other: m('what/period-start'), otherValue: vnDate(period.tu) }) });
    eachList(ctx, (items, path) => {
      let prevEnd: string | null = null;
      items.forEach((it, i) => {
        if (typeof it === 'string' || !it.dot || !it.dot.tu || !it.dot.den) return;
        const d = it.dot as { tu: string; den: string };
        if (end(d.den) < start(d.tu)) out.push({ path: [...path, i, 'dot', 'den'], message: msg('rule/dot/thu-tu', ctx.lang, { what: m('what/phase-end'), value: vnDate(d.den), other: m('what/phase-start'), otherValue: vnDate(d.tu) }) });
        if (prevEnd && start(d.tu) <= prevEnd) out.push({ path: [...path, i, 'dot', 'tu'], message: msg('rule/dot/thu-tu', ctx.lang, { what: m('what/phase-start'), value: vnDate(d.tu), other: m('what/prev-phase-end'), otherValue: vnDate(prevEnd) }) });
        prevEnd = end(d.den);
      });
    });
    return out;
  },
};

export const dotTrongKy: Rule = {
  id: 'dot/trong-ky',
  severity: 'warning',
  description: { vi: 'Các đợt và thời hạn nằm trong thời gian của kế hoạch (thoi_gian_ke_hoach, mặc định năm ban hành).', en: 'Phases and deadlines fall inside the plan’s period (thoi_gian_ke_hoach, by default the year of issue).' },
  source: 'kehoach (tính nhất quán của kế hoạch)',
  // the plan's period is not printed: a document's recognised plan cannot give it
  onRecognised: false,
  check: (ctx) => {
    // An unfilled date (import's "…", rule import/chua-dien) gives no year to judge by.
    if (!/^\d{4}/.test(ctx.plan.ngay_ban_hanh)) return [];
    const y = ctx.plan.ngay_ban_hanh.slice(0, 4);
    const from = ctx.plan.thoi_gian_ke_hoach?.tu ?? `${y}-01-01`;
    const to = ctx.plan.thoi_gian_ke_hoach?.den ?? `${y}-12-31`;
    const out: Finding[] = [];
    const what = (k: Parameters<typeof msg>[0]) => msg(k, ctx.lang);
    const check = (v: string, path: Path, w: string) => {
      if (end(v) < from || start(v) > to) out.push({ path, message: msg('rule/dot/trong-ky', ctx.lang, { what: w, value: vnDate(v), from: vnDate(from), to: vnDate(to) }) });
    };
    const task = (nv: NhiemVu, path: Path) => { if (nv.han) check(nv.han, [...path, 'han'], what('what/deadline')); };
    eachList(ctx, (items, path) => items.forEach((it, i) => {
      if (typeof it === 'string') return;
      if (it.dot?.tu) check(it.dot.tu, [...path, i, 'dot', 'tu'], what('what/phase'));
      if (it.dot?.den) check(it.dot.den, [...path, i, 'dot', 'den'], what('what/phase'));
      if (it.nhiem_vu) task(it.nhiem_vu, [...path, i, 'nhiem_vu']);
      it.bang_nhiem_vu?.forEach((nv, j) => task(nv, [...path, i, 'bang_nhiem_vu', j]));
    }));
    return out;
  },
};

/** The fields a task's own label may name, with their values (src/normalise/body.ts: `han` stands in for thoi_gian). */
const hasField = (nv: NhiemVu, k: string): boolean => (k === 'thoi_gian' ? !!(nv.thoi_gian ?? nv.han) : !!(nv as Record<string, unknown>)[k]);

export const nhiemVuKhongIn: Rule = {
  id: 'nhiem-vu/khong-in',
  severity: 'warning',
  description: { vi: 'Nhãn, thứ tự, chỗ in riêng của dòng phân công có tác dụng: nhãn riêng (nhan) của trường nhiệm vụ có; không dùng nhan, thu_tu trong dòng bang_nhiem_vu; vi_tri_nhiem_vu ở mục có nhiem_vu.', en: 'A task\'s own labels, order and position take effect: a label (nhan) for a field the task gives; no nhan or thu_tu in a bang_nhiem_vu row; vi_tri_nhiem_vu on an item with nhiem_vu.' },
  source: 'kehoach (không bỏ chữ nào mà không báo)',
  check: (ctx) => {
    const out: Finding[] = [];
    const labels = (nv: NhiemVu, path: Path, table: boolean) => {
      for (const [k, v] of Object.entries(nv.nhan ?? {})) {
        if (table) out.push({ path: [...path, 'nhan', k], message: msg('rule/nhiem-vu/nhan-trong-bang', ctx.lang, { value: v! }) });
        else if (!hasField(nv, k)) out.push({ path: [...path, 'nhan', k], message: msg('rule/nhiem-vu/nhan-khong-in', ctx.lang, { value: v!, field: k }) });
      }
      if (table && nv.thu_tu) out.push({ path: [...path, 'thu_tu'], message: msg('rule/nhiem-vu/thu-tu-trong-bang', ctx.lang) });
    };
    eachList(ctx, (items, path) => items.forEach((it, i) => {
      if (typeof it === 'string') return;
      if (it.nhiem_vu) labels(it.nhiem_vu, [...path, i, 'nhiem_vu'], false);
      else if (it.vi_tri_nhiem_vu) out.push({ path: [...path, i, 'vi_tri_nhiem_vu'], message: msg('rule/nhiem-vu/vi-tri', ctx.lang) });
      it.bang_nhiem_vu?.forEach((nv, j) => labels(nv, [...path, i, 'bang_nhiem_vu', j], true));
    }));
    return out;
  },
};

export const inHoa: Rule = {
  id: 'tieu-de/in-hoa',
  severity: 'warning',
  description: { vi: 'Tiêu đề mục cấp 1 (I., II., …) viết in hoa, ở khối có `mau.tieu_de_1_in_hoa` (Nhà nước, Công đoàn, Mặt trận, Đoàn; không ở Đảng).', en: 'Level-1 headings (I., II., …) are upper case, in families with `mau.tieu_de_1_in_hoa` (state, union, Front, Youth Union; not the Party).' },
  source: 'NĐ 30/2020 Phụ lục I mục II.6',
  check: (ctx) => {
    if (!ctx.profile.mau.tieu_de_1_in_hoa) return [];
    const out: Finding[] = [];
    ctx.plan.noi_dung.forEach((it, i) => {
      if (typeof it === 'string' || !it.tieu_de) return;
      const plain = it.tieu_de.replace(/[*_]/g, '');
      if (plain !== plain.toLocaleUpperCase('vi')) out.push({ path: ['noi_dung', i, 'tieu_de'], message: msg('rule/tieu-de/in-hoa', ctx.lang, { value: it.tieu_de }) });
    });
    return out;
  },
};
