/** Rules on an office's house style (plan key `trinh_bay:`; src/layout/house-style.ts). */
import { msg } from '../i18n/messages.js';
import { outOfRange, tmDamAllowed } from '../layout/house-style.js';
import type { Finding, Rule } from './types.js';

const SOURCE: Record<string, string> = {
  co_chu: 'NĐ 30/2020 PL I mục II.6', gian_dong: 'NĐ 30/2020 PL I mục II.6', cach_doan: 'NĐ 30/2020 PL I mục II.6', cach_truoc: 'NĐ 30/2020 PL I mục II.6',
  thut_dau: 'NĐ 30/2020 PL I mục II.6', co_chu_noi_nhan: 'NĐ 30/2020 PL I mục II.9', tm_dam: 'NĐ 30/2020 PL I mục II.7',
};

export const ngoaiKhung: Rule = {
  id: 'trinh-bay/ngoai-khung',
  severity: 'warning',
  description: {
    vi: 'Giá trị trình bày riêng của cơ quan (trinh_bay:) nằm trong khung cho phép (layout.yaml: co_cho_phep của kieu.than, kieu.noi_nhan; dam_cho_phep của kieu.quyen_han; trinh_bay.khung).',
    en: 'The office’s house-style values (trinh_bay:) stay inside the allowed ranges (layout.yaml: co_cho_phep of kieu.than, kieu.noi_nhan; dam_cho_phep of kieu.quyen_han; trinh_bay.khung).',
  },
  source: 'NĐ 30/2020 Phụ lục I mục II.6, II.7, II.9 (khung theo khối trong layout.yaml)',
  check: (ctx) => {
    const tb = ctx.plan.trinh_bay;
    if (!tb) return [];
    const out: Finding[] = [];
    for (const o of outOfRange(tb, ctx.profile)) {
      const [lo, hi] = o.khung;
      const range = lo !== null && hi !== null ? (lo === hi ? `${lo}` : `${lo}–${hi}`) : lo !== null ? `≥ ${lo}` : `≤ ${hi}`;
      out.push({ path: ['trinh_bay', o.key], message: msg('rule/trinh-bay/ngoai-khung', ctx.lang, { key: o.key, value: String(o.value), range, source: SOURCE[o.key] ?? ctx.profile.ten }) });
    }
    if (tb.tm_dam !== undefined && !tmDamAllowed(ctx.profile, tb.tm_dam)) {
      out.push({ path: ['trinh_bay', 'tm_dam'], message: msg('rule/trinh-bay/ngoai-khung', ctx.lang, { key: 'tm_dam', value: String(tb.tm_dam), range: String(!tb.tm_dam), source: SOURCE.tm_dam }) });
    }
    return out;
  },
};

/**
 * The page number in the footer (`trinh_bay.so_trang: chan_trang`), as many of the Front's offices print it: rendered
 * as chosen, warned once, naming the rule it departs from (NĐ 30/2020 Phụ lục I mục II.10: centred in the top
 * margin). The family's rule is data (`kiem_tra.so_trang.dau_trang` of layout.yaml): a family whose data puts the
 * number in the footer is not warned. `kehoach check` reads the choice back from the document's footer
 * (src/import/house.ts), so validate and check give this one warning, and the layout rule so-trang/vi-tri stays silent
 * on a footer the recognised plan chose (src/check/rules.ts).
 */
export const soTrang: Rule = {
  id: 'trinh-bay/so-trang',
  severity: 'warning',
  description: {
    vi: 'Số trang ở chân trang (trinh_bay.so_trang: chan_trang) là cách trình bày của cơ quan: vẫn in, có cảnh báo; NĐ 30 đặt số trang ở giữa lề trên.',
    en: 'A page number in the footer (trinh_bay.so_trang: chan_trang) is the office’s house style: printed, with a warning; NĐ 30 puts it centred in the top margin.',
  },
  source: 'NĐ 30/2020 Phụ lục I mục II.10',
  check: (ctx) => (ctx.plan.trinh_bay?.so_trang === 'chan_trang' && ctx.profile.kiem_tra.so_trang.dau_trang
    ? [{ path: ['trinh_bay', 'so_trang'], message: msg('rule/trinh-bay/so-trang', ctx.lang) }]
    : []),
};
