/**
 * Stage 3: normalise a validated plan into the view model the templates see: defaults applied, numbering
 * computed, dates and the số/ký hiệu formatted, nơi nhận and signature lines built from the family's
 * punctuation (layout.yaml `mau`). Strings stay raw text with inline *markdown*; escaping for the
 * markup happens in the template stage.
 */
import type { KeHoach, Muc, Y, NhiemVu, Bang } from '../types/plan.js';
import type { LayoutProfile } from '../profile.js';
import { parsePattern, formatNumber, coreOfLabel, type NumberPattern } from './numbering.js';
import { fill, padDay, padMonth, shortDate, splitDate } from './dates.js';
import type { Diagnostic } from '../errors.js';
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

/** A line of Nơi nhận: one recipient, or a group sharing a bracketed purpose. */
export type NoiNhanDong = { loai: 'noi'; text: string } | { loai: 'nhom'; dong: string[]; muc_dich: string };

/** The view model handed to the templates. All text is raw (unescaped) and may hold *markdown*. */
export interface PlanView {
  khoi: string;
  co_quan_chu_quan: string[];
  co_quan_ban_hanh: string[];
  so_ky_hieu: string;
  dia_danh_ngay: string;
  ten_loai: string;
  trich_yeu: string[];
  can_cu: string[];
  mo_dau: string[];
  than: Block[];
  ket_thuc: string[];
  noi_nhan: { nhan: string; dong: NoiNhanDong[]; luu: string; ky_hieu: string };
  nguoi_ky: { quyen_han: string[]; chuc_vu: string; ho_ten: string };
  khoang_ky: number[];
  phu_luc: { so: string; tieu_de: string[]; kem_theo: string; ngang: boolean; than: Block[] }[];
  /** Facts for the document's metadata and for callers (batch manifest). */
  meta: { so_ky_hieu: string; ngay: string | null; nam: number; trich_yeu: string };
}

/** Errors found while normalising (structure the schema cannot express), with data paths. */
export interface NormaliseIssue { path: Path; rule: string; message: string; key?: boolean }

const lines = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const ITEM_KINDS = ['tieu_de', 'doan', 'gach_dau_dong', 'dot', 'bang', 'bang_nhiem_vu'] as const;
type MucObject = Exclude<Muc, string>;

/**
 * Builds the view model.
 * @returns the view and the structural issues found (rendering must stop when there are any).
 */
export function normalise(plan: KeHoach, profile: LayoutProfile, lang: Lang = 'vi'): { view: PlanView; issues: NormaliseIssue[] } {
  const issues: NormaliseIssue[] = [];
  const mau = profile.mau;
  const date = splitDate(plan.ngay_ban_hanh);
  const loai = plan.so_ky_hieu.loai_van_ban ?? 'KH';
  const soText = plan.so_ky_hieu.so == null ? '\u00a0'.repeat(mau.so_du_thao.length) : padDay(plan.so_ky_hieu.so);
  const soKyHieu = fill(mau.so_ky_hieu, { so: soText, loai, co_quan: plan.so_ky_hieu.viet_tat_co_quan });
  const kyHieuOnly = soKyHieu.replace(/^Số:?\s*/, '');
  const ngayLine = date.d && date.m
    ? fill(mau.ngay, { dia_danh: plan.dia_danh, ngay: padDay(date.d), thang: padMonth(date.m), nam: date.y })
    : fill(mau.ngay_du_thao.replace(/ {2,}/g, (s) => '\u00a0'.repeat(s.length)), { dia_danh: plan.dia_danh, nam: date.y });

  const patterns = (plan.danh_so ?? profile.danh_so).map((p, i) => checkPattern(p, ['danh_so', i]));
  function checkPattern(p: string, path: Path): NumberPattern {
    const parsed = parsePattern(p);
    if (!parsed) {
      issues.push({ path, rule: 'plan/numbering-pattern', message: msg('plan/numbering-pattern', lang, { value: p }) });
      return { prefix: '', token: '1', suffix: '.' };
    }
    return parsed;
  }
  const levelPattern = (depth: number): NumberPattern => patterns[depth] ?? { prefix: '-', token: null, suffix: '' };
  const quotes = plan.ngoac_kep ?? '“”';

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
          const lp = checkPattern(obj.kieu_liet_ke ?? '(1)-', [...here, 'kieu_liet_ke']);
          text += ' ' + obj.liet_ke.map((t, j) => `${formatNumber(lp, j + 1).label} ${t}`).join(' ');
        }
        out.push({ loai: kind, cap: depth + 1, so: label, text });
        if (obj.nhiem_vu) out.push({ loai: 'nhiem_vu', dong: taskLines(obj.nhiem_vu) });
        if (obj.gach_dau_dong) bullets(obj.gach_dau_dong, 0, out, obj.ky_hieu);
        if (obj.noi_dung) {
          const childPattern = obj.danh_so_con ? checkPattern(obj.danh_so_con, [...here, 'danh_so_con']) : levelPattern(depth + 1);
          walk(obj.noi_dung, depth + 1, childPattern, core, [...here, 'noi_dung'], out);
        }
      } else if (kind === 'gach_dau_dong') {
        bullets(obj.gach_dau_dong!, 0, out, obj.ky_hieu);
      } else if (kind === 'dot') {
        const d = obj.dot!;
        out.push({
          loai: 'dot', ten: d.ten, tu: shortDate(d.tu), den: shortDate(d.den), loi_dan: d.loi_dan ?? mau.loi_dan_dot,
          chu_de: d.chu_de ?? '', noi_dung: d.noi_dung ?? '', ngoac_mo: quotes[0], ngoac_dong: quotes[1],
        });
      } else if (kind === 'bang') out.push(table(obj.bang!, [...here, 'bang']));
      else if (kind === 'bang_nhiem_vu') out.push(taskTable(obj.bang_nhiem_vu!));
    });
  }

  const than: Block[] = [];
  walk(plan.noi_dung, 0, levelPattern(0), '', ['noi_dung'], than);
  const ketThuc = lines(plan.ket_thuc);

  // End mark ("./.") on the last paragraph of the content (NĐ 30/2020 PL III; family default in layout.yaml).
  const mark = plan.dau_ket ?? mau.dau_ket;
  const withMark = (t: string) => (!mark || t.endsWith(mark) ? t : mark.startsWith('.') && t.endsWith('.') ? t.slice(0, -1) + mark : t + mark);
  if (ketThuc.length) ketThuc[ketThuc.length - 1] = withMark(ketThuc[ketThuc.length - 1]);
  else {
    const last = [...than].reverse().find((b) => 'text' in b || b.loai === 'dot' || b.loai === 'nhiem_vu');
    if (last && 'text' in last) last.text = withMark(last.text);
    else if (last && last.loai === 'dot') last.noi_dung = withMark(last.noi_dung);
    else if (last && last.loai === 'nhiem_vu') { const l = last.dong[last.dong.length - 1]; l.text = withMark(l.text); }
  }

  // Nơi nhận (ô 9b): "-" lines ending with the family's mark; the Lưu line; ô 12.
  const nn = plan.noi_nhan;
  const end = mau.noi_nhan_cuoi;
  const withEnd = (t: string) => (/[;,.:]$/.test(t) ? t : t + end);
  const dong: NoiNhanDong[] = nn.cac_noi.map((c) => (typeof c === 'string' ? { loai: 'noi', text: withEnd(c) } : { loai: 'nhom', dong: c.nhom.map(withEnd), muc_dich: c.muc_dich }));
  let luu = typeof nn.luu === 'string' ? nn.luu : fill(mau.luu, { noi: nn.luu.join(', ') });
  let kyHieu = nn.ky_hieu_nguoi_soan ? fill(mau.ky_hieu_nguoi_soan, { ky_hieu: nn.ky_hieu_nguoi_soan }) : '';
  if (nn.so_ban) kyHieu += fill(mau.so_ban, { so_ban: nn.so_ban });
  if (kyHieu && nn.ky_hieu_cung_dong) { luu = `${luu} ${kyHieu}`; kyHieu = ''; }

  // Signature (ô 7a, 7b): TM. <collective> / KT. <head> / <title> (Party: T/M, K/T, T/L).
  const nk = plan.nguoi_ky;
  const qh: string[] = [];
  if (nk.thay_mat) qh.push(`${mau.quyen_han.TM} ${nk.thay_mat}`);
  let chucVu = nk.chuc_vu;
  if (nk.quyen_han === 'Q') chucVu = `${mau.quyen_han.Q} ${nk.chuc_vu}`;
  else if (nk.quyen_han) {
    if (!nk.thu_truong) issues.push({ path: ['nguoi_ky', 'quyen_han'], rule: 'plan/signature-head', message: msg('plan/signature-head', lang, { value: nk.quyen_han }) });
    qh.push(`${mau.quyen_han[nk.quyen_han]} ${nk.thu_truong ?? ''}`.trim());
  }

  const tenLoai = plan.ten_loai ?? 'KẾ HOẠCH';
  const phuLuc = (plan.phu_luc ?? []).map((pl, i, all) => {
    const out: Block[] = [];
    walk(pl.noi_dung, 0, levelPattern(0), '', ['phu_luc', i, 'noi_dung'], out);
    const so = pl.so ?? (all.length > 1 ? romanOf(i + 1) : '');
    const ngayNgan = date.d && date.m ? `${padDay(date.d)}/${padMonth(date.m)}/${date.y}` : `\u00a0\u00a0\u00a0\u00a0/\u00a0\u00a0\u00a0\u00a0/${date.y}`;
    return {
      so: so ? `${mau.phu_luc} ${so}` : mau.phu_luc,
      tieu_de: lines(pl.tieu_de),
      kem_theo: pl.kem_theo ?? fill(mau.kem_theo, { ten_loai: sentenceCase(tenLoai), so_ky_hieu: kyHieuOnly, ngay: ngayNgan }),
      ngang: pl.huong_giay === 'ngang',
      than: out,
    };
  });

  const view: PlanView = {
    khoi: plan.khoi,
    co_quan_chu_quan: lines(plan.co_quan_chu_quan),
    co_quan_ban_hanh: lines(plan.co_quan_ban_hanh),
    so_ky_hieu: soKyHieu,
    dia_danh_ngay: ngayLine,
    ten_loai: tenLoai,
    trich_yeu: lines(plan.trich_yeu),
    can_cu: plan.can_cu ?? [],
    mo_dau: plan.mo_dau ?? [],
    than,
    ket_thuc: ketThuc,
    noi_nhan: { nhan: mau.noi_nhan, dong, luu: '- ' + luu, ky_hieu: kyHieu },
    nguoi_ky: { quyen_han: qh, chuc_vu: chucVu, ho_ten: nk.ho_ten },
    khoang_ky: Array.from({ length: profile.khoang_ky }, (_, i) => i),
    phu_luc: phuLuc,
    meta: {
      so_ky_hieu: kyHieuOnly.replace(/\u00a0/g, ' ').trim(),
      ngay: date.d ? plan.ngay_ban_hanh : null,
      nam: date.y,
      trich_yeu: lines(plan.trich_yeu).join(' '),
    },
  };
  return { view, issues };
}

const romanOf = (n: number) => formatNumber({ prefix: '', token: 'I', suffix: '' }, n).label;
const sentenceCase = (s: string) => s.charAt(0) + s.slice(1).toLocaleLowerCase('vi');

/** Converts normalise issues into positioned diagnostics. */
export function issuesToDiagnostics(issues: NormaliseIssue[], at: (path: Path) => { file: string; line: number; column: number }): Diagnostic[] {
  return issues.map((i) => ({ ...at(i.path), severity: 'error' as const, rule: i.rule, message: i.message }));
}
