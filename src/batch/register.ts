/**
 * A year's register (sổ đăng ký văn bản): within one issuer (its cơ quan chủ quản and cơ quan ban hành) and ký hiệu, no two plans share a number, numbers
 * follow the issue dates, and gaps are listed. The period a family numbers in is its layout's `mau.so_theo`: state
 * bodies and unions per calendar year (`nam`, NĐ 30/2020 Điều 15); Party bodies per term of the cấp ủy (`nhiem_ky`,
 * HD 36-HD/VPTW), given by so_ky_hieu.nhiem_ky — without it, per calendar year too (grouping every year together
 * would report each new year's 01 as a duplicate). The ký hiệu is written by the family's Số pattern.
 */
import type { Diagnostic } from '../errors.js';
import type { PlanSource } from '../load.js';
import type { KeHoach } from '../types/plan.js';
import { msg, type Lang } from '../i18n/messages.js';
import { applyRuleConfig } from '../config.js';
import { CONFIGURABLE_RULE_IDS } from '../rules/index.js';
import type { LayoutProfile } from '../profile.js';
import { kyHieu } from '../form/so-ky-hieu.js';

/** One numbered plan as the register sees it; file/line/column point at its number. */
export interface RegisterEntry {
  khoi: string; loai: string; co_quan: string; so: number | null; ngay: string; nhiem_ky?: string;
  /** The ký hiệu as the family writes it ("KH-SNV", Party "KH/BDVTU"), src/form/so-ky-hieu.ts. */
  ky_hieu: string;
  /** True where the family numbers per term of office (`mau.so_theo: nhiem_ky`), not per calendar year. */
  theo_nhiem_ky?: boolean;
  /** The issuer (cơ quan chủ quản / cơ quan ban hành as written): two communes may both use KH-UBND. */
  issuer?: string;
  file: string; line: number; column: number;
}

const issuerOf = (d: KeHoach) => [d.co_quan_chu_quan, d.co_quan_ban_hanh].map((v) => [v ?? []].flat().join(' ')).join(' / ').normalize('NFC').replace(/\s+/gu, ' ').toLocaleUpperCase('vi');

/**
 * The register entry of a valid plan, pointing at its number in the YAML.
 * @param profile the plan's family's layout (its Số pattern and numbering period)
 */
export function registerEntry(source: PlanSource, profile: LayoutProfile): RegisterEntry {
  const d = source.data as KeHoach;
  const sk = d.so_ky_hieu;
  const loai = sk.loai_van_ban ?? 'KH';
  return {
    khoi: d.khoi, loai, co_quan: sk.viet_tat_co_quan, so: sk.so ?? null, ngay: d.ngay_ban_hanh, issuer: issuerOf(d),
    ky_hieu: kyHieu(profile, { loai, co_quan: sk.viet_tat_co_quan }), ...(profile.mau.so_theo === 'nhiem_ky' ? { theo_nhiem_ky: true } : {}),
    ...(sk.nhiem_ky ? { nhiem_ky: sk.nhiem_ky } : {}), ...source.locate(['so_ky_hieu', 'so']),
  };
}

const vnDate = (d: string) => d.split('-').reverse().join('/');

/**
 * Checks the register over a set of plans; drafts (no number) are left out. The plans' kehoach.config.yaml and
 * `# kehoach-disable-next-line register/…` comments (above `so:`) apply.
 */
export function checkRegister(entries: RegisterEntry[], lang: Lang = 'vi'): Diagnostic[] {
  const groups = new Map<string, { label: string; period: string; items: RegisterEntry[] }>();
  for (const e of entries) {
    if (e.so == null) continue;
    const year = msg('period/year', lang, { v: e.ngay.slice(0, 4) });
    const period = e.theo_nhiem_ky ? (e.nhiem_ky ? msg('period/term', lang, { v: e.nhiem_ky }) : `${year}, ${msg('period/all', lang)}`) : year;
    const label = e.ky_hieu;
    const key = `${e.khoi}|${e.issuer ?? ''}|${label}|${period}`;
    if (!groups.has(key)) groups.set(key, { label, period, items: [] });
    groups.get(key)!.items.push(e);
  }
  const out: Diagnostic[] = [];
  const at = (e: RegisterEntry) => ({ file: e.file, line: e.line, column: e.column });
  for (const { label, period, items } of groups.values()) {
    const byNumber = [...items].sort((a, b) => a.so! - b.so! || (a.ngay < b.ngay ? -1 : 1) || (a.file < b.file ? -1 : 1));
    const first = new Map<number, RegisterEntry>();
    for (const e of byNumber) {
      const prev = first.get(e.so!);
      if (prev) out.push({ ...at(e), severity: 'error', rule: 'register/trung', message: msg('register/trung', lang, { so: e.so!, other: prev.file, kyhieu: label, period }) });
      else first.set(e.so!, e);
    }
    const unique = [...first.values()];
    for (let i = 1; i < unique.length; i++) {
      const [p, e] = [unique[i - 1], unique[i]];
      if (e.ngay < p.ngay) out.push({ ...at(e), severity: 'warning', rule: 'register/thu-tu', message: msg('register/thu-tu', lang, { so: e.so!, ngay: vnDate(e.ngay), prev: p.so!, prevNgay: vnDate(p.ngay) }) });
    }
    const missing: number[] = [];
    for (let i = 1; i < unique.length; i++) for (let n = unique[i - 1].so! + 1; n < unique[i].so!; n++) missing.push(n);
    if (missing.length) {
      const shown = missing.length > 20 ? `${missing.slice(0, 20).join(', ')}, … (${missing.length})` : missing.join(', ');
      const after = unique.find((e) => e.so! > missing[0])!;
      out.push({ ...at(after), severity: 'warning', rule: 'register/thieu', message: msg('register/thieu', lang, { kyhieu: label, period, missing: shown }) });
    }
  }
  return applyRuleConfig(out, CONFIGURABLE_RULE_IDS, lang).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
