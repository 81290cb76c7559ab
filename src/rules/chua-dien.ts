/** A value `kehoach import` could not find in the source, left as the placeholder "…" (src/form/placeholder.ts). */
import { msg } from '../i18n/messages.js';
import { eachString } from '../walk.js';
import { isChuaDien } from '../form/placeholder.js';
import type { Finding, Rule } from './types.js';

/** A data path as people read it: "so_ky_hieu.viet_tat_co_quan", "noi_nhan.cac_noi[0]". */
const dotted = (p: (string | number)[]): string => p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');

export const chuaDien: Rule = {
  id: 'import/chua-dien',
  severity: 'error',
  description: {
    vi: 'Không còn giá trị "…" mà kehoach import để lại khi văn bản nguồn không có (cơ quan, số, địa danh, ngày, người ký, nơi nhận …): điền trước khi kết xuất.',
    en: 'No "…" left where kehoach import found no value in the source (agency, number, place, date, signer, recipients …): fill it in before rendering.',
  },
  source: 'kehoach import (giá trị chưa điền)',
  check: ({ plan, lang }) => {
    const out: Finding[] = [];
    eachString(plan, (text, path) => { if (isChuaDien(text)) out.push({ path: path.slice(), message: msg('rule/import/chua-dien', lang, { field: dotted(path) }) }); });
    return out;
  },
};
