/** Rules on the body: numbering, phases and deadlines, headings. */
import { msg } from '../i18n/messages.js';
import { parsePattern, formatNumber, VN_LETTERS, type NumberPattern } from '../normalise/numbering.js';
import type { Muc, NhiemVu } from '../types/plan.js';
import type { Finding, Path, Rule, RuleContext } from './types.js';

type MucObject = Exclude<Muc, string>;

/** Visits every list of items (body and appendices) with the numbering pattern of that level. */
function eachList(ctx: RuleContext, visit: (items: Muc[], path: Path, pattern: NumberPattern | null, depth: number) => void) {
  const patterns = (ctx.plan.danh_so ?? ctx.profile.danh_so).map(parsePattern);
  const walk = (items: Muc[], path: Path, pattern: NumberPattern | null, depth: number) => {
    visit(items, path, pattern, depth);
    items.forEach((it, i) => {
      if (typeof it === 'string' || !it.noi_dung) return;
      const child = it.danh_so_con ? parsePattern(it.danh_so_con) : patterns[depth + 1] ?? null;
      walk(it.noi_dung, [...path, i, 'noi_dung'], child, depth + 1);
    });
  };
  walk(ctx.plan.noi_dung, ['noi_dung'], patterns[0] ?? null, 0);
  (ctx.plan.phu_luc ?? []).forEach((pl, i) => walk(pl.noi_dung ?? [], ['phu_luc', i, 'noi_dung'], patterns[0] ?? null, 0));
}

const numbered = (it: Muc): it is MucObject => typeof it !== 'string' && ('tieu_de' in it || 'doan' in it) && it.so !== false;

/** Value of a counter text: "IV" → 4, "12" → 12, "đ" → 5, "C" → 3, "5.2" → 2. */
function counterValue(core: string): number | null {
  const last = core.split('.').pop() ?? '';
  if (/^\d+$/.test(last)) return Number(last);
  if (/^[IVXLCDM]+$/.test(last)) {
    const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
    let n = 0;
    for (let i = 0; i < last.length; i++) n += v[last[i]] < (v[last[i + 1]] ?? 0) ? -v[last[i]] : v[last[i]];
    return n;
  }
  const li = VN_LETTERS.indexOf(last);
  if (li >= 0) return li + 1;
  if (/^[A-Z]$/.test(last)) return last.charCodeAt(0) - 64;
  return null;
}

export const lienTuc: Rule = {
  id: 'so-thu-tu/lien-tuc',
  severity: 'error',
  description: { vi: 'Số thứ tự ghi tay (so: "...") không nhảy cóc, không lặp lại.', en: 'Numbers given by hand (so: "...") have no gaps or repeats.' },
  source: 'NĐ 30/2020 Phụ lục I mục II.6',
  check: (ctx) => {
    const out: Finding[] = [];
    eachList(ctx, (items, path, pattern) => {
      let n = 0;
      items.forEach((it, i) => {
        if (!numbered(it)) return;
        n++;
        if (typeof it.so !== 'string') return;
        const core = /[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*/u.exec(it.so)?.[0] ?? '';
        if (counterValue(core) === n) return;
        const expected = pattern ? formatNumber(pattern, n).label : String(n);
        out.push({ path: [...path, i, 'so'], message: msg('rule/so-thu-tu/lien-tuc', ctx.lang, { value: it.so, expected }) });
      });
    });
    return out;
  },
};

const LEADING_NUMBER = /^((?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.\/)\-]|\(\d+\)-?|[-+•])\s/u;

export const tuViet: Rule = {
  id: 'so-thu-tu/tu-viet',
  severity: 'warning',
  description: { vi: 'Tiêu đề, đoạn có số và gạch đầu dòng không tự ghi số thứ tự hay dấu "-" (tool tự thêm).', en: 'Headings, numbered paragraphs and bullets do not start with their own number or "-" (the tool adds it).' },
  source: 'kehoach (tránh đánh số hai lần)',
  check: (ctx) => {
    const out: Finding[] = [];
    const test = (text: string, path: Path) => {
      const m = LEADING_NUMBER.exec(text);
      if (m) out.push({ path, message: msg('rule/so-thu-tu/tu-viet', ctx.lang, { value: m[1] }) });
    };
    const bullets = (ys: unknown[], path: Path) => ys.forEach((y, j) => {
      if (typeof y === 'string') test(y, [...path, j]);
      else if (y && typeof y === 'object') {
        const o = y as { doan: string; gach_dau_dong?: unknown[] };
        test(o.doan, [...path, j, 'doan']);
        if (o.gach_dau_dong) bullets(o.gach_dau_dong, [...path, j, 'gach_dau_dong']);
      }
    });
    eachList(ctx, (items, path) => items.forEach((it, i) => {
      if (typeof it === 'string') return;
      if (it.tieu_de && it.so !== false) test(it.tieu_de, [...path, i, 'tieu_de']);
      if (it.doan && it.so !== false) test(it.doan, [...path, i, 'doan']);
      if (it.gach_dau_dong) bullets(it.gach_dau_dong, [...path, i, 'gach_dau_dong']);
    }));
    return out;
  },
};

const start = (d: string) => (d.length === 7 ? `${d}-01` : d);
const end = (d: string) => (d.length === 7 ? `${d}-31` : d);
const vnDate = (d: string) => d.split('-').reverse().join('/');

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
        if (typeof it === 'string' || !it.dot) return;
        const d = it.dot;
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
  check: (ctx) => {
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
      if (it.dot) { check(it.dot.tu, [...path, i, 'dot', 'tu'], what('what/phase')); check(it.dot.den, [...path, i, 'dot', 'den'], what('what/phase')); }
      if (it.nhiem_vu) task(it.nhiem_vu, [...path, i, 'nhiem_vu']);
      it.bang_nhiem_vu?.forEach((nv, j) => task(nv, [...path, i, 'bang_nhiem_vu', j]));
    }));
    return out;
  },
};

export const inHoa: Rule = {
  id: 'tieu-de/in-hoa',
  severity: 'warning',
  description: { vi: 'Nhà nước, Công đoàn: tiêu đề mục cấp 1 (I., II., …) viết in hoa.', en: 'State and union: level-1 headings (I., II., …) are upper case.' },
  source: 'NĐ 30/2020 Phụ lục I mục II.6',
  check: (ctx) => {
    if (ctx.plan.khoi === 'dang') return [];
    const out: Finding[] = [];
    ctx.plan.noi_dung.forEach((it, i) => {
      if (typeof it === 'string' || !it.tieu_de) return;
      const plain = it.tieu_de.replace(/[*_]/g, '');
      if (plain !== plain.toLocaleUpperCase('vi')) out.push({ path: ['noi_dung', i, 'tieu_de'], message: msg('rule/tieu-de/in-hoa', ctx.lang, { value: it.tieu_de }) });
    });
    return out;
  },
};
