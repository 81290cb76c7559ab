/**
 * Issue 18's acceptance, generated: for every family of templates/ (src/form/families.ts familyNames), a base plan
 * with run-in headings, task lines, bullets, a table-less body three levels deep, a footnote and an appendix of
 * annexed forms (fields, blank lines, a table, signature columns) is varied ONE dimension at a time (pairwise against
 * the base, not the full cross product):
 * - every signing form the family allows (src/form/signing.ts SIGNING_CODES, signingAllowed), and none;
 * - every numbering pattern of test/form-numbering.test.ts PATTERNS (the family's own first);
 * - house style at the low, then the high end of every range the family's layout gives (src/layout/house-style.ts
 *   khung, as test/house-style-range.test.ts reads them), with tm_dam: false.
 * For each plan: `render` → `check` finds nothing of the document rules and the same rule ids and severities as
 * `validate` on the plan; `render` → `import` gives back the same plan structure, compared field by field by
 * src/import/fidelity.ts (header fields, each item's level, number, label, run-in and text, task lines, bullets, the
 * signer, Nơi nhận, the forms and the footnotes — not by words), with nothing flagged as a guess or placeholder.
 * Where the comparison finds a difference kehoach cannot avoid yet, the case is listed in KNOWN_GAPS with the
 * fields it loses, and asserted to lose exactly those (so a fix makes the test fail until the list is updated).
 */
import { describe, it, expect } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { readDocxBytes } from '../src/docx-read/index.js';
import { paragraphs, fullText } from '../src/docx-read/model.js';
import { importDocument } from '../src/import/index.js';
import { compareStructure } from '../src/import/fidelity.js';
import { renderPlan, validatePlan } from '../src/index.js';
import { checkDocument, DOC_RULES } from '../src/check/index.js';
import { loadProfile } from '../src/profile.js';
import { familyNames } from '../src/form/families.js';
import { SIGNING_CODES, signingAllowed, type SigningCode } from '../src/form/signing.js';
import { khung } from '../src/layout/house-style.js';
import { familyPlan, ruleIds, SIGNERS } from './support/family-plan.js';

/**
 * Three levels; a run-in heading with a footnote mark; task lines under a heading, and after an item's bullets with
 * a label of the task's own and a free-label line first (issue 20 item 1); bullets; a closing paragraph.
 */
const BODY = `noi_dung:
  - tieu_de: MỤC ĐÍCH, YÊU CẦU
    noi_dung:
      - tieu_de: Mục đích
        noi_dung:
          - tieu_de: Về tuyên truyền
            doan: bảo đảm thiết thực, đúng kế hoạch[^kh01].
          - doan: Về tổ chức hội nghị đúng thời gian.
      - tieu_de: Yêu cầu
        gach_dau_dong: ['Tiết kiệm, hiệu quả.', Đúng quy định.]
  - tieu_de: NỘI DUNG
    noi_dung:
      - tieu_de: Tổ chức hội nghị cấp tỉnh
        nhiem_vu: { chu_tri: Sở Nội vụ, phoi_hop: 'Các sở, ngành liên quan', thoi_gian: Tháng 3/2026 }
      - doan: Tổ chức hội nghị cấp huyện.
        vi_tri_nhiem_vu: cuoi
        gach_dau_dong: [Mời đại biểu các xã.]
        nhiem_vu:
          chu_tri: Phòng Nội vụ
          thoi_gian: Tháng 4/2026
          khac: [{ nhan: Kinh phí, noi_dung: Ngân sách huyện }]
          nhan: { thoi_gian: Thời gian hoàn thành }
          thu_tu: [khac]
      - doan: Tổ chức hội nghị cấp xã.
  - tieu_de: TỔ CHỨC THỰC HIỆN
    noi_dung:
      - doan: Các đơn vị triển khai thực hiện.
`;

/**
 * An appendix of two annexed forms (as example 008 writes them: one signer below a row, notes with a lead and a
 * "(*)", a header with no date line, a title of two lines, a note beside a signer) and the footnote's text.
 */
const FORMS_AND_NOTES = `phu_luc:
  - so: false
    tieu_de: [PHỤ LỤC, CÁC MẪU BIỂU HỘI NGHỊ]
    mau:
      - mau_so: Mẫu số 01/HN
        dau_mau: true
        tieu_de: BIÊN BẢN
        phu_de: Hội nghị lấy ý kiến về người được giới thiệu
        noi_dung:
          - dong_trong: 'Hôm nay, vào lúc …… giờ …… ngày …… tháng …… năm 2026, tại:'
          - truong: ['Ông (bà):', 'Năm sinh:']
          - tieu_de: Ý kiến của hội nghị
          - dong_trong: ''
            so_dong: 2
          - doan: 'Kết quả biểu quyết: …… người tán thành.'
          - cot_ky: [THƯ KÝ, CHỦ TỌA]
          - cot_ky: [{ chuc_danh: [XÁC NHẬN CỦA, TRƯỞNG THÔN] }]
          - ghi_chu: [{ noi_dung: Biên bản lập thành 02 bản. }, Ghi tên thôn., { danh_dau: '(*)', noi_dung: Tính trên số người dự. }]
      - mau_so: Mẫu số 02/HN
        dau_mau: { co_quan: [ỦY BAN MTTQ XÃ, THÔN (1)……], dia_danh_ngay: false }
        tieu_de: [DANH SÁCH, NGƯỜI DỰ]
        phu_de: Người dự hội nghị
        noi_dung:
          - truong: ['Đơn vị:', 'Ngày:']
          - bang:
              cot: [{ ten: TT, rong: 1 }, { ten: Họ và tên, rong: 5 }, { ten: Ký tên, rong: 2 }]
              dong: [[1, Nguyễn Văn A, '']]
              dong_trong: 3
          - cot_ky: [{ doan: Danh sách nộp kèm biên bản. }, { ngay: true, chuc_danh: NGƯỜI LẬP }]
chu_thich:
  kh01: Kế hoạch số 01/KH-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh.
`;


/** test/form-numbering.test.ts PATTERNS: the family's own (null), then five an office may use. */
const PATTERNS: (string[] | null)[] = [
  null,
  ['A.', 'I.', '1.', 'a)'],
  ['I.', '1.', '1.1.', 'a)'],
  ['I-', '1-', 'a)', '-'],
  ['I/', '1/', 'a.', '+'],
  ['A.', '1)', '(1)', 'a)'],
];

interface Variant { name: string; signer?: SigningCode | 'none'; danhSo?: string[] | null; house?: 0 | 1 }

/** The base plan of a family with one dimension varied. */
function planOf(khoi: string, v: Variant): string {
  let text = familyPlan(khoi, { signer: SIGNERS[v.signer ?? 'none'], danhSo: v.danhSo ?? null, body: BODY }) + FORMS_AND_NOTES;
  if (v.house !== undefined) {
    const doc = parseDocument(text);
    for (const [key, r] of Object.entries(khung(loadProfile(khoi)))) doc.setIn(['trinh_bay', key], r![v.house] ?? r![0]! + 6);
    doc.setIn(['trinh_bay', 'tm_dam'], false);
    text = doc.toString();
  }
  return text;
}

/** The variants of a family: the base, each allowed signing form, each numbering pattern, both ends of the house style. */
function variants(khoi: string): Variant[] {
  const profile = loadProfile(khoi);
  return [
    { name: 'base' },
    ...SIGNING_CODES.filter((c) => signingAllowed(profile, c)).map((c) => ({ name: `signed ${c}`, signer: c })),
    ...PATTERNS.slice(1).map((p) => ({ name: `numbered ${p!.join(' ')}`, danhSo: p })),
    { name: 'house style, low ends', house: 0 as const },
    { name: 'house style, high ends', house: 1 as const },
  ];
}

/**
 * Known gaps, in every case: the fields import does not give back yet, as "kind path" (each a real difference,
 * reported with its cause in the branch's report; a fix makes this test fail until the list is updated).
 * (None: the run-in heading of level 3 and the default "(Kèm theo …)" line come back as the plan wrote them.)
 */
const GAPS_EVERY_CASE: string[] = [
];
/** Further gaps of one case, by "<family>: <variant>". */
const KNOWN_GAPS: Record<string, string[]> = {};

const DOC_RULE_IDS = new Set(DOC_RULES.map((r) => r.id));

describe('every family × signing forms × numbering patterns × house style ends, with forms and footnotes (pairwise)', () => {
  for (const khoi of familyNames()) {
    for (const v of variants(khoi)) {
      it(`${khoi}: ${v.name}`, async () => {
        const text = planOf(khoi, v);
        const validated = validatePlan(text);
        expect(validated.filter((d) => d.severity === 'error').map((d) => `${d.line} ${d.rule} ${d.message}`)).toEqual([]);
        const doc = readDocxBytes(await renderPlan(text, { force: true }), 'p.docx');
        // render → check: nothing of the document rules, and what validate finds in the plan, no more, no less
        const checked = checkDocument(doc, 'p.docx');
        expect(checked.filter((d) => DOC_RULE_IDS.has(d.rule)).map((d) => `${d.rule} ${d.message}`)).toEqual([]);
        expect(ruleIds(checked.filter((d) => !DOC_RULE_IDS.has(d.rule)))).toEqual(ruleIds(validated));
        // render → import: the same structure, field by field
        const r = importDocument(doc);
        const source = new Map(paragraphs(doc).map((p) => [p.index, fullText(p)]));
        const f = compareStructure({ plan: parse(text) }, { plan: r.plan, notes: r.notes, source });
        const lost = f.issues.map((i) => `${i.kind} ${i.path}`);
        expect(lost, f.issues.map((i) => `${i.kind} ${i.path} ${i.detail ?? ''}`).join('\n')).toEqual([...GAPS_EVERY_CASE, ...(KNOWN_GAPS[`${khoi}: ${v.name}`] ?? [])]);
        if (!lost.length) expect(f.ratio).toBe(1);
      }, 120_000);
    }
  }
});
