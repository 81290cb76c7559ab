/**
 * The layout rules of `kehoach check` (NĐ 30/2020/NĐ-CP Phụ lục I; HD 36-HD/VPTW for the Party). Each reads its
 * values from the family's layout data (templates/<khoi>/layout.yaml: `kieu` and `kiem_tra`), never from code. A
 * document is judged against the ranges the data allows (`co_cho_phep`, `dam_cho_phep`), not only the values render
 * writes: a .docx does not say which house style (`trinh_bay:`) its plan chose, so every value inside is accepted.
 * They are rules of the one registry (src/rules/index.ts, `on: 'document'`): kehoach.config.yaml sets their severity
 * or turns them off like any rule's.
 */
import type { DocumentRule, DocumentContext, DocFinding } from '../rules/types.js';
import type { Para } from '../docx-read/model.js';
import { msg } from '../i18n/messages.js';
import { padDay, padMonth, readPlaceDateLine } from '../form/dates.js';
import { soKyHieuReader, type SoKyHieuReading } from '../form/so-ky-hieu.js';
import { familyProfiles } from '../form/families.js';

let soRead: ((text: string) => SoKyHieuReading | null) | undefined;
/** The Số line's reader by every package family's pattern, made at its first use. */
const soReader = () => (soRead ??= soKyHieuReader(familyProfiles()));

const mm = (twips: number | undefined) => (twips === undefined ? NaN : Math.round((twips / 1440) * 25.4 * 10) / 10);
const visibleRuns = (p: Para) => p.runs.filter((r) => /\S/.test(r.text));
const short = (s: string) => (s.length > 40 ? s.slice(0, 37) + '…' : s);
/** Role names for messages (the message catalogue's `check/vai-tro`). */
const roleName = (ctx: DocumentContext, role: string) => msg('check/vai-tro', ctx.lang, { role });
/** " (and N more paragraphs)" after an aggregated finding. */
const more = (ctx: DocumentContext, n: number) => (n > 1 ? msg('check/them', ctx.lang, { n: n - 1 }) : '');

export const khoGiay: DocumentRule = {
  on: 'document', id: 'trang/kho-giay', severity: 'error', source: 'NĐ 30/2020 Phụ lục I mục I.2; HD 36-HD/VPTW',
  description: { vi: 'Khổ giấy A4 (210 × 297 mm), theo dữ liệu `kiem_tra.kho_giay` của khối.', en: 'A4 paper (210 × 297 mm), per the family’s `kiem_tra.kho_giay`.' },
  check(ctx) {
    const k = ctx.kiemTra.kho_giay;
    return ctx.doc.sections.flatMap((s) => {
      const w = mm(s.pageWidth); const h = mm(s.pageHeight);
      if (isNaN(w) || isNaN(h)) return [];
      const [a, b] = w <= h ? [w, h] : [h, w];
      return Math.abs(a - k.rong) <= k.sai_so && Math.abs(b - k.cao) <= k.sai_so ? [] : [{ para: 0, message: msg('check/kho-giay', ctx.lang, { got: `${w} × ${h}`, want: `${k.rong} × ${k.cao}` }) }];
    });
  },
};

export const le: DocumentRule = {
  on: 'document', id: 'trang/le', severity: 'error', source: 'NĐ 30/2020 Phụ lục I mục I.4; HD 36-HD/VPTW',
  description: { vi: 'Lề trên, dưới, trái, phải trong khoảng của khối (`kiem_tra.le`).', en: 'Top, bottom, left and right margins within the family’s ranges (`kiem_tra.le`).' },
  check(ctx) {
    const out: DocFinding[] = [];
    const keys = { tren: 'top', duoi: 'bottom', trai: 'left', phai: 'right' } as const;
    for (const s of ctx.doc.sections.slice(-1)) {
      for (const side of Object.keys(keys) as (keyof typeof keys)[]) {
        const v = mm(s.margins[keys[side]]);
        const [min, max] = ctx.kiemTra.le[side];
        if (!isNaN(v) && (v < min - 0.5 || v > max + 0.5)) out.push({ para: 0, message: msg('check/le', ctx.lang, { side: msg('check/canh', ctx.lang, { side }), got: v, min, max }) });
      }
    }
    return out;
  },
};

export const phongChu: DocumentRule = {
  on: 'document', id: 'phong-chu/times', severity: 'error', source: 'NĐ 30/2020 Phụ lục I mục I.1 (TCVN 6909:2001); HD 36-HD/VPTW',
  description: { vi: 'Mọi đoạn chữ dùng phông của khối (Times New Roman) ở mọi vị trí phông (ascii, hAnsi, cs, eastAsia).', en: 'Every run uses the family’s font (Times New Roman) in every font slot (ascii, hAnsi, cs, eastAsia).' },
  check(ctx) {
    const ok = new Set(ctx.kiemTra.phong_chu.map((f) => f.toLowerCase()));
    // One finding per (font, slot): the first paragraph, with the count of paragraphs using it.
    const seen = new Map<string, { para: number; text: string; font: string; slot: string; n: number }>();
    for (const p of ctx.paras) {
      const here = new Set<string>();
      for (const r of visibleRuns(p)) {
        const slots = (['ascii', 'hAnsi', 'cs', 'eastAsia'] as const).map((slot) => [slot, r.format.fonts[slot]] as const);
        const bad = slots.filter(([slot, f]) => (f ? !ok.has(f.split(/[;,]/)[0].trim().toLowerCase()) : slot === 'ascii' || slot === 'hAnsi'));
        for (const [slot, f] of bad) {
          const key = `${f ?? '—'}\u0000${slot}`;
          if (here.has(key)) continue;
          here.add(key);
          const hit = seen.get(key);
          if (hit) hit.n++; else seen.set(key, { para: p.index, text: short(p.text.trim()), font: f ?? '—', slot, n: 1 });
        }
      }
    }
    return [...seen.values()].map((h) => ({ para: h.para, message: msg('check/phong-chu', ctx.lang, { got: h.font, slot: h.slot, text: h.text, want: ctx.kiemTra.phong_chu.join(', ') }) + more(ctx, h.n) }));
  },
};

export const coChu: DocumentRule = {
  on: 'document', id: 'co-chu/thanh-phan', severity: 'error', source: 'NĐ 30/2020 Phụ lục I mục II.1–II.10; HD 36-HD/VPTW Phụ lục 3',
  description: { vi: 'Cỡ chữ của từng thành phần (Quốc hiệu, Số, ngày tháng, tên loại, nội dung, Nơi nhận, chữ ký …) trong khoảng của khối (`kieu.<vai trò>.co_cho_phep`).', en: 'The size of each component (national title, number, date, type, body, recipients, signature …) within the family’s range (`kieu.<role>.co_cho_phep`).' },
  check(ctx) {
    const out: DocFinding[] = [];
    const groups = new Map<string, { para: number; role: string; size: number; range: [number, number]; n: number }>();
    for (const p of ctx.paras) {
      const role = ctx.roles.get(p.index);
      const range = role ? ctx.profile.kieu[role]?.co_cho_phep : undefined;
      if (!role || !range) continue;
      const sizes = [...new Set(visibleRuns(p).filter((r) => /[\p{L}\p{N}]/u.test(r.text)).map((r) => (r.format.size ?? 20) / 2))];
      const bad = sizes.find((s) => s < range[0] || s > range[1]);
      if (bad === undefined) continue;
      const key = `${role}\u0000${bad}`;
      const hit = groups.get(key);
      if (hit) hit.n++; else groups.set(key, { para: p.index, role, size: bad, range, n: 1 });
    }
    for (const g of groups.values()) out.push({ para: g.para, message: msg('check/co-chu', ctx.lang, { role: roleName(ctx, g.role), got: g.size, min: g.range[0], max: g.range[1] }) + more(ctx, g.n) });
    return out;
  },
};

export const kieuChu: DocumentRule = {
  on: 'document', id: 'kieu-chu/thanh-phan', severity: 'error', source: 'NĐ 30/2020 Phụ lục I mục II.1–II.9; HD 36-HD/VPTW',
  description: { vi: 'Đậm, nghiêng của các thành phần có kiểu chữ bắt buộc (Quốc hiệu đậm, ngày tháng nghiêng, "Nơi nhận:" đậm nghiêng …), theo `kieu` của khối (`dam_cho_phep`: dòng quyền hạn đậm hoặc đứng).', en: 'Bold and italic of the components with a fixed style (national title bold, date italic, "Nơi nhận:" bold italic …), per the family’s `kieu` (`dam_cho_phep`: a bold or regular quyền hạn line).' },
  check(ctx) {
    const out: DocFinding[] = [];
    for (const p of ctx.paras) {
      const role = ctx.roles.get(p.index);
      if (!role || !ctx.kiemTra.kieu_chu.includes(role)) continue;
      const want = ctx.profile.kieu[role];
      const runs = visibleRuns(p);
      if (!want || !runs.length) continue;
      const problems: string[] = [];
      const bold = want.dam_cho_phep ?? [!!want.dam];
      if (runs.some((r) => !bold.includes(r.format.bold))) problems.push(msg(want.dam ? 'check/phai-dam' : 'check/khong-dam', ctx.lang));
      if (runs.some((r) => r.format.italic !== !!want.nghieng)) problems.push(msg(want.nghieng ? 'check/phai-nghieng' : 'check/khong-nghieng', ctx.lang));
      if (problems.length) out.push({ para: p.index, message: msg('check/kieu-chu', ctx.lang, { role: roleName(ctx, role), what: problems.join(', ') }) });
    }
    return out;
  },
};

/** A rule under a paragraph: its own border, a following empty paragraph with a border, a drawn line, a typed rule, or underlined text. */
function hasRuleAfter(ctx: DocumentContext, p: Para): boolean {
  if (p.border.bottom || p.drawings > 0) return true;
  if (visibleRuns(p).length && visibleRuns(p).every((r) => r.format.underline)) return true;
  for (let i = p.index; i < Math.min(p.index + 3, ctx.paras.length); i++) {
    const q = ctx.paras[i];
    if (p.cell && (!q.cell || q.cell.table !== p.cell.table || q.cell.col !== p.cell.col)) {
      if (!q.cell) break; else continue;
    }
    if (q.border.top || q.border.bottom || q.drawings > 0 || /^[-_–—=.]{3,}$/.test(q.text.trim())) return true;
    if (q.text.trim()) break;
  }
  return false;
}

export const duongKe: DocumentRule = {
  on: 'document', id: 'duong-ke/thieu', severity: 'warning', source: 'NĐ 30/2020 Phụ lục I mục II.1, II.2, II.5; HD 36-HD/VPTW mục 1.1',
  description: { vi: 'Có đường kẻ dưới tên cơ quan ban hành, dưới Tiêu ngữ và dưới trích yếu (`kiem_tra.duong_ke`).', en: 'A rule under the issuing agency, under the motto and under the subject line (`kiem_tra.duong_ke`).' },
  check(ctx) {
    const out: DocFinding[] = [];
    for (const role of ctx.kiemTra.duong_ke) {
      const ps = ctx.paras.filter((p) => ctx.roles.get(p.index) === role);
      if (!ps.length) continue;
      const last = ps[ps.length - 1];
      if (!ps.some((p) => hasRuleAfter(ctx, p))) out.push({ para: last.index, message: msg('check/gach', ctx.lang, { role: roleName(ctx, role) }) });
    }
    return out;
  },
};

export const soTrang: DocumentRule = {
  on: 'document', id: 'so-trang/vi-tri', severity: 'warning', source: 'NĐ 30/2020 Phụ lục I mục II.10; HD 36-HD/VPTW',
  description: { vi: 'Số trang ở giữa lề trên (phần đầu trang), không hiện ở trang 1; không đặt ở chân trang.', en: 'Page numbers centred in the top margin (header), not shown on page 1; not in the footer.' },
  check(ctx) {
    if (ctx.doc.source === 'txt') return [];
    // Page 1 is in the first section; an appendix in its own section may go on numbering (its first page is not
    // page 1), so "not on page 1" reads the first section only, the header and footer checks every section.
    const secs = ctx.doc.sections;
    if (!secs.length) return [];
    const first = secs[0];
    const hasPage = (part: string | undefined) => !!part && (ctx.doc.parts[part] ?? []).some((p) => p.fields.includes('PAGE'));
    const out: DocFinding[] = [];
    // A footer the recognised plan chose (trinh_bay.so_trang: chan_trang) is the plan rule trinh-bay/so-trang's finding.
    if (ctx.soTrang !== 'chan_trang' && secs.some((s) => Object.values(s.footers).some(hasPage))) out.push({ para: 0, message: msg('check/so-trang', ctx.lang, { what: msg('check/so-trang-chan', ctx.lang) }) });
    const inHeader = secs.some((s) => hasPage(s.headers.default));
    if (!inHeader && ctx.kiemTra.so_trang.dau_trang && ctx.soTrang !== 'chan_trang' && !out.length) out.push({ para: 0, message: msg('check/so-trang', ctx.lang, { what: msg('check/so-trang-khong', ctx.lang) }) });
    if (hasPage(first.headers.default) && !ctx.kiemTra.so_trang.trang_dau && (!first.titlePage || hasPage(first.headers.first))) out.push({ para: 0, message: msg('check/so-trang', ctx.lang, { what: msg('check/so-trang-dau', ctx.lang) }) });
    return out;
  },
};

export const soKhong: DocumentRule = {
  on: 'document', id: 'so-0/so-ngay', severity: 'error', source: 'NĐ 30/2020 Phụ lục I mục II.3, II.4',
  description: { vi: 'Số văn bản nhỏ hơn 10, ngày nhỏ hơn 10 và tháng 1, 2 ghi thêm số 0 ở trước.', en: 'Numbers below 10, days below 10 and months 1 and 2 take a leading zero.' },
  check(ctx) {
    const out: DocFinding[] = [];
    for (const p of ctx.paras) {
      const role = ctx.roles.get(p.index);
      const t = p.text.replace(/\s+/g, ' ').trim();
      const want = (got: string | undefined, pad: (n: number) => string) => (got && got.length < pad(Number(got)).length ? pad(Number(got)) : undefined);
      if (role === 'so_ky_hieu') {
        // The number as written, read by the families' Số patterns (src/form/so-ky-hieu.ts); padded as render pads it.
        const so = soReader()(t)?.so;
        const s0 = want(so, padDay);
        if (s0) out.push({ para: p.index, message: msg('check/so-0', ctx.lang, { what: msg('check/so', ctx.lang), got: so!, want: s0 }) });
      }
      if (role === 'dia_danh_ngay') {
        // The day and month as written, against the leading-zero rule (src/form/dates.ts padDay, padMonth).
        const w = p.text.split('\n').map((x) => readPlaceDateLine(x.replace(/\s+/g, ' '))).find(Boolean)?.date.written;
        const d = want(w?.d, padDay);
        const mo = want(w?.m, padMonth);
        if (d) out.push({ para: p.index, message: msg('check/so-0', ctx.lang, { what: msg('check/ngay', ctx.lang), got: w!.d!, want: d }) });
        if (mo) out.push({ para: p.index, message: msg('check/so-0', ctx.lang, { what: msg('check/thang', ctx.lang), got: w!.m!, want: mo }) });
      }
    }
    return out;
  },
};

export const thanhPhan: DocumentRule = {
  on: 'document', id: 'thanh-phan/thieu', severity: 'error', source: 'NĐ 30/2020 Điều 8, Phụ lục I mục II; HD 36-HD/VPTW mục 1',
  description: { vi: 'Có đủ các thành phần thể thức bắt buộc (Quốc hiệu, Tiêu ngữ hoặc dòng Đảng, Số, ngày tháng, tên loại, Nơi nhận, chữ ký).', en: 'All required components are present (national title and motto or the Party line, number, date, type, recipients, signature).' },
  check(ctx) {
    const seen = new Set(ctx.roles.values());
    return ctx.kiemTra.thanh_phan.filter((r) => !seen.has(r)).map((r) => ({ para: 0, message: msg('check/thanh-phan', ctx.lang, { role: roleName(ctx, r) }) }));
  },
};
