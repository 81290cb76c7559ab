/** Rules on Nơi nhận (ô 9b). */
import { msg } from '../i18n/messages.js';
import type { KeHoach } from '../types/plan.js';
import type { Finding, Path, Rule } from './types.js';
import { luuHead, luuLine } from '../form/noi-nhan.js';

/** Every recipient with its path, groups flattened. */
function recipients(plan: KeHoach): [string, Path][] {
  return plan.noi_nhan.cac_noi.flatMap((c, i): [string, Path][] =>
    typeof c === 'string' ? [[c, ['noi_nhan', 'cac_noi', i]]]
      : c.noi !== undefined ? [[c.noi, ['noi_nhan', 'cac_noi', i, 'noi']]]
      : (c.nhom ?? []).map((n, j): [string, Path] => [n, ['noi_nhan', 'cac_noi', i, 'nhom', j]]));
}

export const luu: Rule = {
  id: 'noi-nhan/luu',
  severity: 'error',
  description: { vi: 'Nơi nhận kết thúc bằng dòng "Lưu".', en: 'Nơi nhận ends with the "Lưu" line.' },
  source: 'NĐ 30/2020 Phụ lục I mục II.9',
  check: ({ plan, lang }) => {
    const l = plan.noi_nhan.luu;
    return typeof l === 'string' && !/^-?\s*Lưu\b/u.test(l) ? [{ path: ['noi_nhan', 'luu'], message: msg('rule/noi-nhan/luu', lang) }] : [];
  },
};

/**
 * The filing line starts with the unit the family's layout names (`mau.luu_dau`: "VT" for the state, the unions and
 * the Front, whose HD 91 follows the state's form; none for the Party, HD 36, and the Youth Union, QĐ 367), after
 * the family's "Lưu" form (`mau.luu`, e.g. "Lưu: {noi}."). Silent where the family names none.
 */
export const luuVt: Rule = {
  id: 'noi-nhan/luu-vt',
  severity: 'warning',
  description: { vi: 'Dòng lưu bắt đầu bằng nơi lưu khối quy định (`mau.luu_dau` của layout.yaml: "Lưu: VT, <đơn vị soạn thảo>." ở Nhà nước, Công đoàn, Mặt trận).', en: 'The filing line starts with the unit the family requires (layout.yaml `mau.luu_dau`: "Lưu: VT, <drafting unit>." for state, unions and the Front).' },
  source: 'NĐ 30/2020 Phụ lục I mục II.9',
  check: ({ plan, profile, lang }) => {
    const dau = profile.mau.luu_dau;
    if (!dau) return [];
    const head = luuHead(profile); // "Lưu: " (Party: "Lưu ")
    const l = plan.noi_nhan.luu;
    const start = head + dau;
    const ok = typeof l === 'string' ? l.startsWith(start) && !/[\p{L}\p{N}]/u.test(l.charAt(start.length)) : l[0] === dau;
    return ok ? [] : [{ path: ['noi_nhan', 'luu'], message: msg('rule/noi-nhan/luu-vt', lang, { value: typeof l === 'string' ? l : luuLine(profile, l), want: `${head}${dau}` }) }];
  },
};

/** The value at a data path of plain data (undefined where the path leads nowhere). */
function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v = data;
  for (const s of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined;
  return v;
}

const key = (s: string) => s.normalize('NFC').replace(/[;,.\s]+$/u, '').replace(/\s+/gu, ' ').toLowerCase();

export const trung: Rule = {
  id: 'noi-nhan/trung',
  severity: 'error',
  description: { vi: 'Không ghi một nơi nhận hai lần.', en: 'No recipient is listed twice.' },
  source: 'NĐ 30/2020 Phụ lục I mục II.9',
  check: ({ plan, lang, lineOf }) => {
    // The first one's path is kept and its line looked up only for a repeat: positions cost a YAML parse (src/load.ts).
    const seen = new Map<string, Path>();
    const out: Finding[] = [];
    for (const [text, path] of recipients(plan)) {
      const k = key(text);
      if (seen.has(k)) out.push({ path, message: msg('rule/noi-nhan/trung', lang, { value: text, first: lineOf(seen.get(k)!) }) });
      else seen.set(k, path);
    }
    return out;
  },
};

export const gachDau: Rule = {
  id: 'noi-nhan/gach-dau',
  severity: 'warning',
  description: { vi: 'Nơi nhận ghi không có "-" đầu dòng, ";" cuối dòng (tool tự thêm).', en: 'Recipients are written without the leading "-" and final ";" (added by the tool).' },
  source: 'NĐ 30/2020 Phụ lục I mục II.9',
  // A typed "-" is printed after the tool's own ("- - "); a final ";" only doubles the tool's.
  stopsRender: (d, data) => !!d.path && /^[-–+•]\s/u.test(String(valueAt(data, d.path) ?? '')),
  check: ({ plan, lang }) => {
    return recipients(plan).filter(([text]) => /^[-–+•]\s/u.test(text) || /;$/u.test(text)).map(([, path]) => ({ path, message: msg('rule/noi-nhan/gach-dau', lang) }));
  },
};

export const luuTrongCacNoi: Rule = {
  id: 'noi-nhan/luu-trong-cac-noi',
  severity: 'warning',
  description: { vi: 'Dòng "Lưu" ghi ở noi_nhan.luu, không ghi trong cac_noi (tool tự in dòng Lưu).', en: 'The "Lưu" line goes in noi_nhan.luu, not in cac_noi (the tool prints the Lưu line).' },
  source: 'NĐ 30/2020 Phụ lục I mục II.9',
  stopsRender: true, // printed, the document has two Lưu lines
  check: ({ plan, lang }) =>
    recipients(plan).filter(([text]) => /^[-–+•]?\s*Lưu\s*[:：]?\s*(VT|VP|$|[A-ZĐ])/u.test(text)).map(([, path]) => ({ path, message: msg('input/luu-in-cac-noi', lang) })),
};
