/**
 * The body's blocks (ô 6 of NĐ 30/2020 Phụ lục I): the tree of items flattened into blocks in reading order, with
 * numbering computed per level (numbering.ts), bullets, task lines, phases and tables.
 */
import type { Muc, Y, NhiemVu, Bang } from '../types/plan.js';
import type { LayoutProfile } from '../profile.js';
import { parsePattern, formatNumber, coreOfLabel, type NumberPattern } from './numbering.js';
import { shortDate } from './dates.js';
import { msg, type Lang } from '../i18n/messages.js';

export type Path = (string | number)[];

/** One flattened block of the body, in reading order. `cap` is the 1-based outline depth. */
export type Block =
  | { loai: 'tieu_de'; cap: number; so: string; text: string }
  | { loai: 'doan'; cap: number; so: string; text: string }
  | { loai: 'van'; text: string }
  | { loai: 'gach'; cap: number; ky_hieu: string; text: string }
  | { loai: 'nhiem_vu'; dong: { nhan: string; text: string }[] }
  | { loai: 'dot'; ten: string; tu: string; den: string; loi_dan: string; chu_de: string; noi_dung: string; ngoac_mo: string; ngoac_dong: string }
  | { loai: 'bang'; tieu_de: string; cot: { ten: string; rong: number }[]; dong: string[][] };

/** Errors found while normalising (structure the schema cannot express), with data paths. */
export interface NormaliseIssue { path: Path; rule: string; message: string; key?: boolean }

const ITEM_KINDS = ['tieu_de', 'doan', 'gach_dau_dong', 'dot', 'bang', 'bang_nhiem_vu'] as const;
type MucObject = Exclude<Muc, string>;

/** What the body walker needs: the family's profile, the plan-level numbering and quotes, where issues go. */
export interface BodyContext {
  profile: LayoutProfile;
  lang: Lang;
  /** Numbering patterns per level (plan's danh_so or the family's). */
  danhSo: string[];
  /** Opening and closing quote marks (plan's ngoac_kep, default “”). */
  quotes: string;
  issues: NormaliseIssue[];
}

/** Parses a numbering pattern, reporting an invalid one at `path` (and falling back to "1."). */
export function checkPattern(ctx: BodyContext, p: string, path: Path): NumberPattern {
  const parsed = parsePattern(p);
  if (!parsed) {
    ctx.issues.push({ path, rule: 'plan/numbering-pattern', message: msg('plan/numbering-pattern', ctx.lang, { value: p }) });
    return { prefix: '', token: '1', suffix: '.' };
  }
  return parsed;
}

/**
 * Makes the walker that flattens a list of items into blocks.
 * @returns `walkBody(items, path, out)`: flattens a top-level list (the body, or an appendix's content) into `out`.
 */
export function bodyWalker(ctx: BodyContext): (items: Muc[], path: Path, out: Block[]) => void {
  const { profile, lang, issues } = ctx;
  const mau = profile.mau;
  const patterns = ctx.danhSo.map((p, i) => checkPattern(ctx, p, ['danh_so', i]));
  const levelPattern = (depth: number): NumberPattern => patterns[depth] ?? { prefix: '-', token: null, suffix: '' };
  const bulletMarker = (level: number, own?: string) => own ?? profile.gach_dau_dong[Math.min(level, profile.gach_dau_dong.length - 1)];

  function bullets(items: Y[], level: number, out: Block[], own?: string) {
    for (const y of items) {
      if (typeof y === 'string') out.push({ loai: 'gach', cap: level + 1, ky_hieu: bulletMarker(level, own), text: y });
      else {
        out.push({ loai: 'gach', cap: level + 1, ky_hieu: bulletMarker(level, own), text: y.doan });
        if (y.gach_dau_dong) bullets(y.gach_dau_dong, level + 1, out);
      }
    }
  }

  function taskLines(nv: NhiemVu): { nhan: string; text: string }[] {
    const out: { nhan: string; text: string }[] = [];
    for (const k of ['chu_tri', 'tham_muu', 'thuc_hien', 'phoi_hop', 'thoi_gian', 'ket_qua'] as const) {
      const v = nv[k];
      if (v) out.push({ nhan: mau.nhiem_vu[k], text: v });
    }
    for (const k of nv.khac ?? []) out.push({ nhan: k.nhan, text: k.noi_dung });
    return out;
  }

  function table(b: Bang, path: Path): Block {
    const cot = b.cot.map((c) => (typeof c === 'string' ? { ten: c, rong: 1 } : { ten: c.ten, rong: c.rong ?? 1 }));
    b.dong.forEach((row, i) => {
      if (row.length !== cot.length) issues.push({ path: [...path, 'dong', i], rule: 'plan/table-cells', message: msg('plan/table-cells', lang, { got: row.length, want: cot.length }) });
    });
    return { loai: 'bang', tieu_de: b.tieu_de ?? '', cot, dong: b.dong.map((r) => r.map(String)) };
  }

  function taskTable(tasks: NhiemVu[]): Block {
    const h = mau.bang_nhiem_vu;
    const cols = (['noi_dung', 'chu_tri', 'phoi_hop', 'thoi_gian', 'ket_qua'] as const).filter((k) => tasks.some((t) => t[k]));
    const widths: Record<string, number> = { noi_dung: 4, chu_tri: 2, phoi_hop: 2, thoi_gian: 1.5, ket_qua: 2 };
    return {
      loai: 'bang', tieu_de: '',
      cot: [{ ten: h.tt, rong: 0.6 }, ...cols.map((k) => ({ ten: h[k], rong: widths[k] }))],
      dong: tasks.map((t, i) => [String(i + 1), ...cols.map((k) => t[k] ?? '')]),
    };
  }

  /** Flattens a list of items at outline depth `depth` (0 = top level). */
  function walk(items: Muc[], depth: number, pattern: NumberPattern, parentCore: string, path: Path, out: Block[]) {
    let counter = 0;
    items.forEach((item, i) => {
      const here = [...path, i];
      if (typeof item === 'string') { out.push({ loai: 'van', text: item }); return; }
      const kinds = ITEM_KINDS.filter((k) => k in item);
      const primary = kinds.filter((k) => k !== 'gach_dau_dong' || !('tieu_de' in item || 'doan' in item));
      if (primary.length === 0) { issues.push({ path: here, rule: 'plan/item-kind', message: msg('plan/item-kind', lang) }); return; }
      if (primary.length > 1 && !(primary.length === 2 && 'gach_dau_dong' in item && !('tieu_de' in item || 'doan' in item))) {
        issues.push({ path: here, rule: 'plan/item-many-kinds', message: msg('plan/item-many-kinds', lang, { keys: primary.join(', ') }) });
        return;
      }
      const obj = item as MucObject;
      const kind = primary[0];
      if (kind === 'tieu_de' || kind === 'doan') {
        let label = '';
        let core = parentCore;
        if (obj.so !== false) {
          counter++;
          if (typeof obj.so === 'string') { label = obj.so; core = coreOfLabel(obj.so); }
          else if (obj.so === true || obj.so === undefined) ({ label, core } = formatNumber(pattern, counter, parentCore));
        }
        let text = kind === 'tieu_de' ? obj.tieu_de! : obj.doan!;
        if (obj.liet_ke) {
          const lp = checkPattern(ctx, obj.kieu_liet_ke ?? '(1)-', [...here, 'kieu_liet_ke']);
          text += ' ' + obj.liet_ke.map((t, j) => `${formatNumber(lp, j + 1).label} ${t}`).join(' ');
        }
        out.push({ loai: kind, cap: depth + 1, so: label, text });
        if (obj.nhiem_vu) out.push({ loai: 'nhiem_vu', dong: taskLines(obj.nhiem_vu) });
        if (obj.gach_dau_dong) bullets(obj.gach_dau_dong, 0, out, obj.ky_hieu);
        if (obj.noi_dung) {
          const childPattern = obj.danh_so_con ? checkPattern(ctx, obj.danh_so_con, [...here, 'danh_so_con']) : levelPattern(depth + 1);
          walk(obj.noi_dung, depth + 1, childPattern, core, [...here, 'noi_dung'], out);
        }
      } else if (kind === 'gach_dau_dong') {
        bullets(obj.gach_dau_dong!, 0, out, obj.ky_hieu);
      } else if (kind === 'dot') {
        const d = obj.dot!;
        out.push({
          loai: 'dot', ten: d.ten, tu: shortDate(d.tu), den: shortDate(d.den), loi_dan: d.loi_dan ?? mau.loi_dan_dot,
          chu_de: d.chu_de ?? '', noi_dung: d.noi_dung ?? '', ngoac_mo: ctx.quotes[0], ngoac_dong: ctx.quotes[1],
        });
      } else if (kind === 'bang') out.push(table(obj.bang!, [...here, 'bang']));
      else if (kind === 'bang_nhiem_vu') out.push(taskTable(obj.bang_nhiem_vu!));
    });
  }

  return (items, path, out) => walk(items, 0, levelPattern(0), '', path, out);
}

/**
 * Appends the end mark ("./.", family default in layout.yaml; NĐ 30/2020 PL III) to the last paragraph of the
 * content: the closing paragraphs when there are any, else the body's last text block.
 */
export function addEndMark(than: Block[], ketThuc: string[], mark: string): void {
  const withMark = (t: string) => (!mark || t.endsWith(mark) ? t : mark.startsWith('.') && t.endsWith('.') ? t.slice(0, -1) + mark : t + mark);
  if (ketThuc.length) { ketThuc[ketThuc.length - 1] = withMark(ketThuc[ketThuc.length - 1]); return; }
  const last = [...than].reverse().find((b) => 'text' in b || b.loai === 'dot' || b.loai === 'nhiem_vu');
  if (last && 'text' in last) last.text = withMark(last.text);
  else if (last && last.loai === 'dot') last.noi_dung = withMark(last.noi_dung);
  else if (last && last.loai === 'nhiem_vu') { const l = last.dong[last.dong.length - 1]; l.text = withMark(l.text); }
}
