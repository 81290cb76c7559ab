/** Rules on số và ký hiệu (ô 3). */
import { msg } from '../i18n/messages.js';
import type { Rule } from './types.js';
import { kyHieu } from '../form/so-ky-hieu.js';

const FAMILY = {
  nha_nuoc: 'NĐ 30/2020 Phụ lục III', cong_doan: 'NĐ 30/2020 Phụ lục III (QĐ 933/QĐ-TLĐ)', dang: 'HD 36-HD/VPTW',
  mat_tran: 'HD 91/HD-MTTW-BTT (theo NĐ 30/2020 Phụ lục III)', doan_thanh_nien: 'HD 29-HD/TWĐTN-VP',
} as const;

export const loaiVanBan: Rule = {
  id: 'ky-hieu/loai-van-ban',
  severity: 'error',
  description: { vi: 'Chữ viết tắt tên loại văn bản phải có trong danh mục của khối (KH = Kế hoạch).', en: 'The document-type abbreviation must be one of the family’s list (KH = Kế hoạch).' },
  source: 'NĐ 30/2020 Phụ lục III; HD 36-HD/VPTW',
  check: ({ plan, profile, lang }) => {
    const v = plan.so_ky_hieu.loai_van_ban ?? 'KH';
    return profile.loai_van_ban.includes(v) ? [] : [{
      path: ['so_ky_hieu', 'loai_van_ban'],
      message: msg('rule/ky-hieu/loai-van-ban', lang, { value: v, family: FAMILY[plan.khoi], allowed: profile.loai_van_ban.join(', ') }),
    }];
  },
};

export const coQuan: Rule = {
  id: 'ky-hieu/co-quan',
  severity: 'warning',
  description: { vi: 'Chữ viết tắt tên cơ quan trong ký hiệu viết in hoa.', en: 'The issuer abbreviation in the ký hiệu is upper case.' },
  source: 'NĐ 30/2020 Phụ lục I mục II.3',
  check: ({ plan, lang }) => {
    const all: [string, (string | number)[]][] = [
      [plan.so_ky_hieu.viet_tat_co_quan, ['so_ky_hieu', 'viet_tat_co_quan']],
      ...(plan.lien_tich ?? []).map((c, i): [string, (string | number)[]] => [c.viet_tat_co_quan, ['lien_tich', i, 'viet_tat_co_quan']]),
    ];
    return all.filter(([v]) => v !== v.toLocaleUpperCase('vi')).map(([value, path]) => ({ path, message: msg('rule/ky-hieu/co-quan', lang, { value }) }));
  },
};

export const lapLoai: Rule = {
  id: 'ky-hieu/lap-loai',
  severity: 'error',
  description: { vi: 'Không ghi lại tên loại trong chữ viết tắt tên cơ quan (tránh "KH-KH-UBND").', en: 'The issuer abbreviation must not repeat the type code (no "KH-KH-UBND").' },
  source: 'NĐ 30/2020 Phụ lục I mục II.3',
  check: ({ plan, profile, lang }) => {
    const loai = plan.so_ky_hieu.loai_van_ban ?? 'KH';
    const v = plan.so_ky_hieu.viet_tat_co_quan;
    if (!new RegExp(`^${loai}[-/]`).test(v)) return [];
    const result = kyHieu(profile, { loai, co_quan: v }); // the family's Số pattern (src/form/so-ky-hieu.ts)
    return [{ path: ['so_ky_hieu', 'viet_tat_co_quan'], message: msg('rule/ky-hieu/lap-loai', lang, { value: v, loai, result }) }];
  },
};

export const lienTichTrung: Rule = {
  id: 'ky-hieu/lien-tich-trung',
  severity: 'error',
  description: { vi: 'Văn bản liên tịch: mỗi cơ quan cùng ban hành có chữ viết tắt riêng, không trùng cơ quan chủ trì hay cơ quan khác.', en: 'Joint plan: each co-issuer has its own abbreviation, distinct from the lead issuer’s and the others’.' },
  source: 'NĐ 30/2020 Phụ lục I mục II.3 (ký hiệu gồm chữ viết tắt tên các cơ quan ban hành)',
  check: ({ plan, lang }) => {
    const seen = new Set([plan.so_ky_hieu.viet_tat_co_quan.toLocaleUpperCase('vi')]);
    const out = [];
    for (const [i, c] of (plan.lien_tich ?? []).entries()) {
      const v = c.viet_tat_co_quan.toLocaleUpperCase('vi');
      if (seen.has(v)) out.push({ path: ['lien_tich', i, 'viet_tat_co_quan'], message: msg('rule/ky-hieu/lien-tich-trung', lang, { value: c.viet_tat_co_quan }) });
      seen.add(v);
    }
    return out;
  },
};
