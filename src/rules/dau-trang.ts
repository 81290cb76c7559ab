/** Rules on the header block (ô 1–3). */
import { msg } from '../i18n/messages.js';
import { textWidthTwips } from '../layout/measure.js';
import type { Finding, Rule } from './types.js';

const TWIPS_PER_MM = 1440 / 25.4;

export const dongDai: Rule = {
  id: 'dau-trang/dong-dai',
  severity: 'warning',
  description: { vi: 'Mỗi dòng tên cơ quan vừa cột trái của phần đầu (dòng dài hơn sẽ tự xuống dòng: hãy tự tách dòng).', en: 'Each line of the agency names fits the header’s left column (a longer one wraps by itself: split it yourself).' },
  source: 'NĐ 30/2020 Phụ lục I mục II.2; HD 36-HD/VPTW mục 1.2',
  check: ({ plan, profile, lang }) => {
    const out: Finding[] = [];
    const column = profile.cot.dau_trang[0];
    for (const [key, role] of [['co_quan_chu_quan', 'co_quan_chu_quan'], ['co_quan_ban_hanh', 'co_quan_ban_hanh']] as const) {
      const value = plan[key];
      if (value === undefined) continue;
      const style = profile.kieu[role];
      [value].flat().forEach((line, i) => {
        const mm = textWidthTwips(line, style.co ?? 13, !!style.dam) / TWIPS_PER_MM;
        if (mm > column) out.push({ path: Array.isArray(value) ? [key, i] : [key], message: msg('rule/dau-trang/dong-dai', lang, { value: line, width: mm.toFixed(1), column }) });
      });
    }
    return out;
  },
};
