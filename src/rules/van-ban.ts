/** Rules on text everywhere: trích yếu punctuation, spacing, stray markup. */
import { msg } from '../i18n/messages.js';
import { texts, type Finding, type Rule } from './types.js';
import { strayStars } from '../form/inline.js';

export const dauCham: Rule = {
  id: 'trich-yeu/dau-cham',
  severity: 'warning',
  description: { vi: 'Trích yếu không kết thúc bằng dấu chấm.', en: 'The trích yếu does not end with a full stop.' },
  source: 'NĐ 30/2020 Phụ lục I mục II.5',
  fix: () => ({ value: (v) => v.replace(/([^.])\.$/u, '$1'), block: (s) => s.replace(/([^.])\.(\s*)$/u, '$1$2') }),
  check: ({ plan, lang }) => {
    const lines = [plan.trich_yeu].flat();
    const last = lines[lines.length - 1];
    return /[^.]\.$/u.test(last) ? [{ path: Array.isArray(plan.trich_yeu) ? ['trich_yeu', lines.length - 1] : ['trich_yeu'], message: msg('rule/trich-yeu/dau-cham', lang) }] : [];
  },
};

export const khoangTrang: Rule = {
  id: 'van-ban/khoang-trang',
  severity: 'warning',
  description: { vi: 'Không có hai dấu cách liền nhau, hay dấu cách ở đầu, cuối chữ.', en: 'No doubled spaces, and no space at the start or end of a text.' },
  source: 'NĐ 30/2020 Phụ lục I (kỹ thuật trình bày)',
  // Doubled spaces become one; spaces at the start or end go.
  fix: () => ({ value: (v) => v.replace(/ {2,}/g, ' ').replace(/^ +| +$/g, ''), block: (s) => s.replace(/(\S) {2,}(?=\S)/g, '$1 ').replace(/ +$/gm, '') }),
  check: ({ plan, lang }) => {
    const out: Finding[] = [];
    for (const { path, text } of texts(plan)) if (/ {2}|^ | $/u.test(text)) out.push({ path, message: msg('rule/van-ban/khoang-trang', lang) });
    return out;
  },
};

/** A "*" that looks like an emphasis mark but pairs with none (the inline parser's own verdict, src/form/inline.ts). */
const unbalancedStars = (text: string): boolean => strayStars(text) > 0;

export const danhDau: Rule = {
  id: 'van-ban/danh-dau',
  severity: 'warning',
  description: { vi: 'Không có đánh dấu thừa: dấu * không đóng, dấu # kiểu Markdown, thẻ HTML, {{ }}.', en: 'No stray markup: unclosed *, Markdown # marks, HTML tags, {{ }}.' },
  source: 'kehoach (chữ chỉ dùng *nghiêng*, **đậm**)',
  check: ({ plan, lang }) => {
    const out: Finding[] = [];
    for (const { path, text } of texts(plan)) {
      let what: Parameters<typeof msg>[0] | null = null;
      if (/^#{1,6}\s/u.test(text)) what = 'what/heading-mark';
      else if (/<\/?[A-Za-z][^>]*>/u.test(text)) what = 'what/html';
      else if (/\{\{|\}\}/u.test(text)) what = 'what/template';
      else if (unbalancedStars(text)) what = 'what/unbalanced-star';
      if (what) out.push({ path, message: msg('rule/van-ban/danh-dau', lang, { what: msg(what, lang) }) });
    }
    return out;
  },
};
