/**
 * The numbering of the body has one home (src/form/numbering.ts: the patterns that write a level's numbers and the
 * reading of a marker): for every family and every numbering pattern, `check` finds in kehoach's render what
 * `validate` finds in the plan, and `import` gives back each item at its level with its text.
 */
import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { readDocxBytes } from '../src/docx-read/index.js';
import { importDocument } from '../src/import/index.js';
import { renderPlan, validatePlan } from '../src/index.js';
import { checkDocument, DOC_RULES } from '../src/check/index.js';
import { loadProfile } from '../src/profile.js';
import { familyNames } from '../src/form/families.js';
import { markerOf, letterReading, counterValue } from '../src/form/numbering.js';
import type { Muc } from '../src/types/plan.js';
import { familyPlan, ruleIds } from './support/family-plan.js';

/** Four levels, with enough items at each that letters reach the Roman numerals' letters (C., D.) and beyond. */
const BODY = `noi_dung:
  - tieu_de: MỤC ĐÍCH, YÊU CẦU
    noi_dung:
      - tieu_de: Mục đích
        noi_dung:
          - tieu_de: Về tuyên truyền
            noi_dung: [Bảo đảm thiết thực., Tiết kiệm, hiệu quả.]
          - doan: Về tổ chức hội nghị đúng thời gian.
      - tieu_de: Yêu cầu
        noi_dung:
          - doan: Đúng quy định.
  - tieu_de: NỘI DUNG
    noi_dung:
      - doan: Tổ chức hội nghị cấp tỉnh.
      - doan: Tổ chức hội nghị cấp huyện.
      - doan: Tổ chức hội nghị cấp xã.
  - tieu_de: KINH PHÍ
    noi_dung:
      - doan: Ngân sách nhà nước.
  - tieu_de: TỔ CHỨC THỰC HIỆN
    noi_dung:
      - doan: Các đơn vị thực hiện.
  - tieu_de: CHẾ ĐỘ BÁO CÁO
    noi_dung:
      - doan: Báo cáo trước ngày 30/11/2026.
`;

const plan = (khoi: string, danhSo: string[] | null) => familyPlan(khoi, { danhSo, body: BODY });

/** Each item as "depth:kind:text" in document order (bullets and paragraphs of a list alike). */
function outline(items: Muc[] | undefined, depth = 0, out: string[] = []): string[] {
  for (const it of items ?? []) {
    if (typeof it === 'string') { out.push(`${depth}:text:${it.replace(/\.\/\.$/u, '.')}`); continue; }
    if (it.tieu_de) out.push(`${depth}:heading:${it.tieu_de}`);
    if (it.doan) out.push(`${depth}:para:${it.doan.replace(/\.\/\.$/u, '.')}`);
    for (const g of it.gach_dau_dong ?? []) out.push(`${depth + 1}:bullet:${typeof g === 'string' ? g : g.doan}`);
    outline(it.noi_dung, depth + 1, out);
  }
  return out;
}


const DOC_RULE_IDS = new Set(DOC_RULES.map((r) => r.id));

const PATTERNS: (string[] | null)[] = [
  null, // the family's own (layout.yaml danh_so)
  ['A.', 'I.', '1.', 'a)'],
  ['I.', '1.', '1.1.', 'a)'],
  ['I-', '1-', 'a)', '-'],
  ['I/', '1/', 'a.', '+'],
  ['A.', '1)', '(1)', 'a)'],
];

describe('every family × every numbering pattern: validate = render → check, and render → import keeps the outline', () => {
  for (const khoi of familyNames()) {
    for (const danhSo of PATTERNS) {
      const name = `${khoi} ${danhSo ? danhSo.join(' ') : `(${loadProfile(khoi).danh_so.join(' ')})`}`;
      it(name, async () => {
        const text = plan(khoi, danhSo);
        const validated = validatePlan(text);
        expect(validated.filter((d) => d.severity === 'error')).toEqual([]);
        const doc = readDocxBytes(await renderPlan(text, { force: true }), 'p.docx');
        const checked = checkDocument(doc, 'p.docx');
        expect(checked.filter((d) => DOC_RULE_IDS.has(d.rule))).toEqual([]);
        expect(ruleIds(checked.filter((d) => !DOC_RULE_IDS.has(d.rule)))).toEqual(ruleIds(validated));
        const back = importDocument(doc).plan;
        expect(outline(back.noi_dung)).toEqual(outline(parse(text).noi_dung));
      }, 60_000);
    }
  }
});

describe('markers that are letters and Roman numerals', () => {
  it('"C." reads as Roman by default and as the third letter when a letter level goes on', () => {
    const mk = markerOf('C. TỔ CHỨC THỰC HIỆN')!;
    expect(mk.style).toBe('I.');
    expect(letterReading(mk)?.style).toBe('A.');
    expect(counterValue('C')).toBe(100);
    expect(counterValue('C', 'A')).toBe(3);
    expect(letterReading(markerOf('1. Một')!)).toBeNull();
  });
});
