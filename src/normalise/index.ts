/**
 * Stage 3: normalise a validated plan into the view model the templates see: defaults applied, numbering
 * computed, dates and the số/ký hiệu formatted, nơi nhận and signature lines built from the family's
 * punctuation (layout.yaml `mau`). Strings stay raw text with inline *markdown*; escaping for the
 * markup happens in the template stage.
 *
 * One module per part of the document: the header and title (here), the body's blocks (body.ts), the closing
 * (closing.ts), the appendices (here, walking their content with the body's walker).
 */
import type { KeHoach } from '../types/plan.js';
import type { LayoutProfile } from '../profile.js';
import { formatNumber } from '../form/numbering.js';
import { fill, padDay, padMonth, splitDate } from './dates.js';
import { CHUA_DIEN, isChuaDien } from '../form/placeholder.js';
import { soKyHieuLine, soKyHieuRef, type SoKyHieu } from '../form/so-ky-hieu.js';
import type { Diagnostic } from '../errors.js';
import type { Lang } from '../i18n/messages.js';
import { bodyWalker, addEndMark, type Block, type NormaliseIssue, type Path } from './body.js';
import { noiNhanView, nguoiKyView, lienTichView, type NoiNhanView, type NguoiKyView, type LienTichView } from './closing.js';
import { footnotesView, type ChuThichView } from './footnotes.js';
import { formsView, type FormView } from './forms.js';
import { msg } from '../i18n/messages.js';

export type { Block, NormaliseIssue, Path } from './body.js';
export type { NoiNhanDong, NoiNhanView, NguoiKyView, LienTichView } from './closing.js';

/** The view model handed to the templates. All text is raw (unescaped) and may hold *markdown*. */
export interface PlanView {
  khoi: string;
  co_quan_chu_quan: string[];
  co_quan_ban_hanh: string[];
  /** Joint plan: the issuers' names stacked in ô 2, lead issuer first (empty for a single issuer). */
  co_quan_lien_tich: CoQuanLines[];
  so_ky_hieu: string;
  dia_danh_ngay: string;
  ten_loai: string;
  trich_yeu: string[];
  can_cu: string[];
  mo_dau: string[];
  than: Block[];
  ket_thuc: string[];
  noi_nhan: NoiNhanView;
  nguoi_ky: NguoiKyView;
  /** Joint plan: the signatures side by side (null for a single issuer). */
  lien_tich: LienTichView | null;
  khoang_ky: number[];
  /** Appendices; `dau`: the heading block (label, title, kèm theo) is shown; `mau`: annexed forms. */
  phu_luc: { so: string; tieu_de: string[]; kem_theo: string; ngang: boolean; than: Block[]; dau: boolean; lai_so_trang: boolean; mau: FormView[] }[];
  /** The office's house style (plan `trinh_bay`), applied to the layout at render (src/layout/house-style.ts). */
  trinh_bay?: KeHoach['trinh_bay'];
  /** The page number in the footer (plan `trinh_bay.so_trang: chan_trang`; warned, NĐ 30 PL I mục II.10), else in the header. */
  so_trang_chan: boolean;
  /** Footnotes (chu_thich), referenced from any text as [^key]. */
  chu_thich: ChuThichView[];
  /** Facts for the document's metadata and for callers (batch manifest). */
  meta: { so_ky_hieu: string; ngay: string | null; nam: number | string; trich_yeu: string };
}

/** One issuer's lines in ô 2: its chủ quản (regular) and its own name (bold). */
export interface CoQuanLines { chu_quan: string[]; ban_hanh: string[] }

/**
 * The issue date's parts (dates.ts splitDate); import's placeholder "…" (an error of import/chua-dien, so a plan
 * holding it is never rendered, only checked) gives "…" as its year and no day or month.
 */
const planDate = (s: string): { y: number | string; m?: number; d?: number } => (isChuaDien(s) ? { y: CHUA_DIEN } : splitDate(s));

const lines = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Builds the view model.
 * @returns the view and the structural issues found (rendering must stop when there are any).
 */
export function normalise(input: KeHoach, profile: LayoutProfile, lang: Lang = 'vi'): { view: PlanView; issues: NormaliseIssue[] } {
  const plan = dropTrailingBreaks(input);
  const issues: NormaliseIssue[] = [];
  const mau = profile.mau;
  const date = planDate(plan.ngay_ban_hanh);
  const soKyHieu = soKyHieuLine(profile, soPartsOf(plan, profile));
  const kyHieuOnly = planRef(plan, profile);
  // A draft's blanks are no-break spaces (Word would fold them); a draft's month is printed where the family's
  // layout has the form for it (mau.ngay_du_thao_thang).
  const blanks = (s: string) => s.replace(/ {2,}/g, (x) => '\u00a0'.repeat(x.length));
  const ngayLine = date.d && date.m
    ? fill(mau.ngay, { dia_danh: plan.dia_danh, ngay: padDay(date.d), thang: padMonth(date.m), nam: date.y })
    : date.m && mau.ngay_du_thao_thang
      ? fill(blanks(mau.ngay_du_thao_thang), { dia_danh: plan.dia_danh, thang: padMonth(date.m), nam: date.y })
      : fill(blanks(mau.ngay_du_thao), { dia_danh: plan.dia_danh, nam: date.y });

  const walkBody = bodyWalker({ profile, lang, danhSo: plan.danh_so ?? profile.danh_so, quotes: plan.ngoac_kep ?? '“”', issues, taskStyle: plan.trinh_bay?.nhiem_vu, phaseStyle: plan.trinh_bay?.dot });
  const than: Block[] = [];
  walkBody(plan.noi_dung, ['noi_dung'], than);
  const ketThuc = lines(plan.ket_thuc);
  addEndMark(than, ketThuc, plan.dau_ket ?? mau.dau_ket);

  const tenLoai = plan.ten_loai ?? 'KẾ HOẠCH';
  const phuLuc = (plan.phu_luc ?? []).map((pl, i, all) => {
    const out: Block[] = [];
    if (pl.noi_dung) walkBody(pl.noi_dung, ['phu_luc', i, 'noi_dung'], out);
    if (!pl.mau && !(pl.tieu_de && pl.noi_dung)) issues.push({ path: ['phu_luc', i], rule: 'plan/appendix-empty', message: msg('plan/appendix-empty', lang) });
    const so = typeof pl.so === 'string' ? pl.so : all.length > 1 ? romanOf(i + 1) : '';
    const soLine = pl.so === false ? '' : so ? `${mau.phu_luc} ${so}` : mau.phu_luc;
    const kemTheo = pl.kem_theo === false ? '' : typeof pl.kem_theo === 'string' ? pl.kem_theo : defaultKemTheo(plan, profile);
    const tieuDe = lines(pl.tieu_de);
    const heading = !!(soLine || tieuDe.length || kemTheo);
    return {
      so: soLine,
      tieu_de: tieuDe,
      kem_theo: kemTheo,
      ngang: pl.huong_giay === 'ngang',
      than: out,
      dau: heading,
      lai_so_trang: pl.danh_so_trang !== 'tiep',
      mau: formsView(pl.mau, ['phu_luc', i, 'mau'], profile, lang, issues, pl.mau_sang_trang !== false, out.length > 0),
    };
  });

  const view: PlanView = {
    khoi: plan.khoi,
    co_quan_chu_quan: lines(plan.co_quan_chu_quan),
    co_quan_ban_hanh: lines(plan.co_quan_ban_hanh),
    co_quan_lien_tich: coQuanLienTich(plan),
    so_ky_hieu: soKyHieu,
    dia_danh_ngay: ngayLine,
    ten_loai: tenLoai,
    trich_yeu: lines(plan.trich_yeu),
    can_cu: plan.can_cu ?? [],
    mo_dau: plan.mo_dau ?? [],
    than,
    ket_thuc: ketThuc,
    noi_nhan: noiNhanView(plan.noi_nhan, profile, lang, issues),
    nguoi_ky: nguoiKyView(plan.nguoi_ky, profile, lang, issues),
    lien_tich: lienTichView(plan, profile, lang, issues),
    khoang_ky: Array.from({ length: plan.nguoi_ky.khoang_ky ?? profile.khoang_ky }, (_, i) => i),
    phu_luc: phuLuc,
    chu_thich: footnotesView(plan, lang, issues),
    so_trang_chan: plan.trinh_bay?.so_trang === 'chan_trang',
    // tm_dam concerns the quyền hạn line only: without one, the title line (which then takes its style) stays bold
    ...(plan.trinh_bay ? { trinh_bay: plan.nguoi_ky.thay_mat || plan.nguoi_ky.quyen_han ? plan.trinh_bay : { ...plan.trinh_bay, tm_dam: undefined } } : {}),
    meta: {
      so_ky_hieu: kyHieuOnly.replace(/\u00a0/g, ' ').trim(),
      ngay: date.d ? plan.ngay_ban_hanh : null,
      nam: date.y,
      trich_yeu: lines(plan.trich_yeu).join(' '),
    },
  };
  return { view, issues };
}

/**
 * The issuers of a joint plan stacked in ô 2, lead issuer first; a co-issuer's chủ quản is left out when it repeats
 * the one above it (two Sở of one UBND tỉnh share one "UBND TỈNH …" line). NĐ 30/2020 Phụ lục I is silent on joint
 * documents; stacking follows the joint-document samples before it (TT 01/2011/TT-BNV) [UNCONFIRMED].
 * @returns [] for a single-issuer plan.
 */
function coQuanLienTich(plan: KeHoach): CoQuanLines[] {
  if (!plan.lien_tich?.length) return [];
  const out: CoQuanLines[] = [{ chu_quan: lines(plan.co_quan_chu_quan), ban_hanh: lines(plan.co_quan_ban_hanh) }];
  let above = out[0].chu_quan.join('\n');
  for (const c of plan.lien_tich) {
    const cq = lines(c.co_quan_chu_quan);
    const same = cq.length === 0 || cq.join('\n') === above;
    out.push({ chu_quan: same ? [] : cq, ban_hanh: lines(c.co_quan_ban_hanh) });
    if (!same) above = cq.join('\n');
  }
  return out;
}

/** Deep copy without the line break a `|` block ends with (so that "./." or an enumeration follows the text). */
function dropTrailingBreaks<T>(v: T): T {
  if (typeof v === 'string') {
    const last = v.charCodeAt(v.length - 1);
    return (last === 10 || last === 13 ? v.replace(/[\r\n]+$/, '') : v) as T;
  }
  if (Array.isArray(v)) return v.map(dropTrailingBreaks) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      const x = dropTrailingBreaks((v as Record<string, unknown>)[k]);
      // An own "__proto__" key stays a key (as Object.fromEntries would make it), never the copy's prototype.
      if (k === '__proto__') Object.defineProperty(out, k, { value: x, writable: true, enumerable: true, configurable: true });
      else out[k] = x;
    }
    return out as T;
  }
  return v;
}

/**
 * The appendix's "(Kèm theo …)" line kehoach prints when the plan gives no `kem_theo` (phu_luc: NĐ 30/2020 Phụ lục I
 * mục II.14): the family's `mau.kem_theo` pattern filled with the tên loại in sentence case ("Kế hoạch"), the plan's
 * number and ký hiệu as a reference writes it (src/form/so-ky-hieu.ts soKyHieuRef; a joint plan's codes joined,
 * a draft's blank number left out: "số /KH-UBND") and the date "dd/mm/yyyy" (a draft's blanks: "    /    /2025",
 * no-break spaces). Render prints it; import leaves out a line equal to it (src/import/appendices.ts).
 * @param plan the plan's so_ky_hieu, lien_tich, ngay_ban_hanh (a plan date, "YYYY", "YYYY-MM" or "YYYY-MM-DD") and ten_loai
 * @returns the line, e.g. "(Kèm theo Kế hoạch số 05/KH-UBND ngày 05/02/2025)"
 * @throws Error when ngay_ban_hanh is not a plan date (dates.ts splitDate; the schema refuses such a plan before)
 */
export function defaultKemTheo(plan: Pick<KeHoach, 'so_ky_hieu' | 'lien_tich' | 'ngay_ban_hanh' | 'ten_loai'>, profile: LayoutProfile): string {
  const mau = profile.mau;
  const date = planDate(plan.ngay_ban_hanh);
  const ngayNgan = date.d && date.m ? `${padDay(date.d)}/${padMonth(date.m)}/${date.y}`
    : date.m ? `\u00a0\u00a0\u00a0\u00a0/${padMonth(date.m)}/${date.y}` : `\u00a0\u00a0\u00a0\u00a0/\u00a0\u00a0\u00a0\u00a0/${date.y}`;
  return fill(mau.kem_theo, { ten_loai: sentenceCase(plan.ten_loai ?? 'KẾ HOẠCH'), so_ky_hieu: planRef(plan, profile), ngay: ngayNgan });
}

/** The parts of the plan's Số line: the number padded (a draft's blanks as no-break spaces), type code, issuers' codes joined. */
function soPartsOf(plan: Pick<KeHoach, 'so_ky_hieu' | 'lien_tich'>, profile: LayoutProfile): SoKyHieu {
  const so = plan.so_ky_hieu.so == null ? '\u00a0'.repeat(profile.mau.so_du_thao.length) : padDay(plan.so_ky_hieu.so);
  const coQuan = [plan.so_ky_hieu.viet_tat_co_quan, ...(plan.lien_tich ?? []).map((c) => c.viet_tat_co_quan)].join('-');
  return { so, loai: plan.so_ky_hieu.loai_van_ban ?? 'KH', co_quan: coQuan };
}

/** A reference to the plan ("Kèm theo Kế hoạch số 05/KH-UBND"); a draft's blank number is left out ("số /KH-UBND"). */
const planRef = (plan: Pick<KeHoach, 'so_ky_hieu' | 'lien_tich'>, profile: LayoutProfile) => soKyHieuRef(profile, soPartsOf(plan, profile)).replace(/^\s+/u, '');

const romanOf = (n: number) => formatNumber({ prefix: '', token: 'I', suffix: '' }, n).label;
const sentenceCase = (s: string) => s.charAt(0) + s.slice(1).toLocaleLowerCase('vi');

/** Converts normalise issues into positioned diagnostics. */
export function issuesToDiagnostics(issues: NormaliseIssue[], at: (path: Path) => { file: string; line: number; column: number }): Diagnostic[] {
  return issues.map((i) => ({ ...at(i.path), severity: 'error' as const, rule: i.rule, message: i.message, path: i.path }));
}
