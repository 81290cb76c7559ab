/**
 * Task lines where the office puts them (issue 20 item 1): after the item's content (plan `trinh_bay.nhiem_vu.vi_tri`,
 * item `vi_tri_nhiem_vu`), a task's own labels over the plan's (`nhiem_vu.nhan`), the free-label lines (`khac`) in any
 * position (`thu_tu` with `khac`, the plan's or the task's); each read back by `import` (render → import → the same
 * structure, src/import/fidelity.ts, and the keys themselves). Every assertion reads the produced .docx.
 */
import { describe, it, expect } from 'vitest';
import { parse, stringify } from 'yaml';
import { renderPlan, validatePlan } from '../src/index.js';
import { readDocxBytes } from '../src/docx-read/index.js';
import { paragraphs, fullText } from '../src/docx-read/model.js';
import { importDocument } from '../src/import/index.js';
import { compareStructure } from '../src/import/fidelity.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docxParagraphs, renderExample, EXAMPLES_DIR } from './helpers.js';

/** A complete state plan around a body (YAML lines of `noi_dung:` items, indented by 2) and extra top-level lines. */
function plan(body: string[], extra: string[] = []): string {
  return [
    'khoi: nha_nuoc', 'co_quan_chu_quan: UBND TỈNH BÌNH THUẬN', 'co_quan_ban_hanh: SỞ NỘI VỤ',
    'so_ky_hieu: { so: 12, viet_tat_co_quan: SNV }', 'dia_danh: Bình Thuận', 'ngay_ban_hanh: 2025-03-05',
    'trich_yeu: Thử dòng phân công', ...extra, 'noi_dung:', ...body.map((l) => '  ' + l), 'ket_thuc: Trên đây là kế hoạch.',
    'noi_nhan: { cac_noi: [UBND tỉnh], luu: [VT] }',
    'nguoi_ky: { quyen_han: KT, thu_truong: GIÁM ĐỐC, chuc_vu: PHÓ GIÁM ĐỐC, ho_ten: Nguyễn Văn An }',
  ].join('\n');
}

/** The body paragraphs from the first that starts with `from` up to (not including) the one that starts with `to`. */
async function between(text: string, from: string, to: string): Promise<string[]> {
  const ps = docxParagraphs(await renderPlan(text, { force: true }));
  const i = ps.findIndex((p) => p.startsWith(from));
  const j = ps.findIndex((p, k) => k > i && p.startsWith(to));
  expect(i, from).toBeGreaterThanOrEqual(0);
  expect(j, to).toBeGreaterThan(i);
  return ps.slice(i, j);
}

/** An item with bullets and sub-items and task lines; `own` adds keys to the item, `extra` top-level lines. */
const ITEM = (own: string[] = []) => [
  '- tieu_de: TỔ CHỨC THỰC HIỆN', '  noi_dung:',
  '    - tieu_de: Tổ chức hội nghị', ...own.map((l) => '      ' + l),
  '      gach_dau_dong: [Chuẩn bị tài liệu., Mời đại biểu.]',
  '      nhiem_vu: { chu_tri: Văn phòng Sở., thoi_gian: Tháng 3/2025. }',
  '      noi_dung:', '        - doan: Hội nghị cấp tỉnh.', '        - doan: Hội nghị cấp huyện.',
  '    - doan: Các phòng triển khai.',
];

describe('where the task lines print', () => {
  it('by default right under the heading, before its bullets and sub-items (as before)', async () => {
    expect(await between(plan(ITEM()), '1. Tổ chức hội nghị', '2. Các phòng')).toEqual([
      '1. Tổ chức hội nghị', '- Chủ trì: Văn phòng Sở.', '- Thời gian thực hiện: Tháng 3/2025.',
      '- Chuẩn bị tài liệu.', '- Mời đại biểu.', 'a) Hội nghị cấp tỉnh.', 'b) Hội nghị cấp huyện.',
    ]);
  });

  it('trinh_bay.nhiem_vu.vi_tri: cuoi puts them after the bullets and the sub-items, for every item', async () => {
    expect(await between(plan(ITEM(), ['trinh_bay: { nhiem_vu: { vi_tri: cuoi } }']), '1. Tổ chức hội nghị', '2. Các phòng')).toEqual([
      '1. Tổ chức hội nghị', '- Chuẩn bị tài liệu.', '- Mời đại biểu.', 'a) Hội nghị cấp tỉnh.', 'b) Hội nghị cấp huyện.',
      '- Chủ trì: Văn phòng Sở.', '- Thời gian thực hiện: Tháng 3/2025.',
    ]);
  });

  it("an item's vi_tri_nhiem_vu overrides the plan's, both ways", async () => {
    // the plan says after, the item says under its heading
    expect(await between(plan(ITEM(['vi_tri_nhiem_vu: dau']), ['trinh_bay: { nhiem_vu: { vi_tri: cuoi } }']), '1. Tổ chức hội nghị', '- Chuẩn bị')).toEqual([
      '1. Tổ chức hội nghị', '- Chủ trì: Văn phòng Sở.', '- Thời gian thực hiện: Tháng 3/2025.',
    ]);
    // the plan says nothing, the item says after
    const ps = await between(plan(ITEM(['vi_tri_nhiem_vu: cuoi'])), '1. Tổ chức hội nghị', '2. Các phòng');
    expect(ps.slice(-3)).toEqual(['b) Hội nghị cấp huyện.', '- Chủ trì: Văn phòng Sở.', '- Thời gian thực hiện: Tháng 3/2025.']);
  });

  it("a phase's and a table's task lines follow the same setting", async () => {
    const body = [
      '- dot: { ten: Đợt 1, tu: 2025-04, den: 2025-05 }', '  gach_dau_dong: [Ý của đợt.]', '  nhiem_vu: { chu_tri: Phòng Thi đua. }',
      '- doan: Việc sau.',
    ];
    expect(await between(plan(body, ['trinh_bay: { nhiem_vu: { vi_tri: cuoi } }']), 'Đợt 1:', 'I. Việc sau')).toEqual([
      'Đợt 1: Từ tháng 4/2025 đến tháng 5/2025', '- Ý của đợt.', '- Chủ trì: Phòng Thi đua.',
    ]);
  });
});

describe("a task's own labels and order", () => {
  const TWO = [
    '- tieu_de: NHIỆM VỤ', '  noi_dung:',
    '    - doan: Việc thứ nhất.', '      nhiem_vu: { chu_tri: Văn phòng Sở., thoi_gian: Tháng 3/2025. }',
    '    - doan: Việc thứ hai.',
    '      nhiem_vu:', '        chu_tri: Phòng Tổ chức.', '        thoi_gian: Quý II/2025.', '        ket_qua: Báo cáo.',
    '        khac: [{ nhan: Kinh phí, noi_dung: Ngân sách sở. }]',
    '        nhan: { thoi_gian: Thời gian thực hiện, chu_tri: Cơ quan chủ trì }',
    '        thu_tu: [chu_tri, khac]',
    '    - doan: Việc thứ ba.',
  ];
  const OFFICE = ['trinh_bay: { nhiem_vu: { nhan: { thoi_gian: Thời gian hoàn thành, chu_tri: Đơn vị chủ trì }, nghieng: false } }'];

  it("one task says 'Thời gian hoàn thành' (the plan's), the next 'Thời gian thực hiện' (its own); khac where its order puts it", async () => {
    expect(await between(plan(TWO, OFFICE), '1. Việc thứ nhất', '3. Việc thứ ba')).toEqual([
      '1. Việc thứ nhất.', '- Đơn vị chủ trì: Văn phòng Sở.', '- Thời gian hoàn thành: Tháng 3/2025.',
      // own order: chu_tri, khac; the rest in the default order
      '2. Việc thứ hai.', '- Cơ quan chủ trì: Phòng Tổ chức.', '- Kinh phí: Ngân sách sở.', '- Thời gian thực hiện: Quý II/2025.', '- Kết quả: Báo cáo.',
    ]);
    expect(validatePlan(plan(TWO, OFFICE)).filter((d) => d.rule === 'nhiem-vu/khong-in')).toEqual([]);
  });

  it("the plan's thu_tu places khac for every task (lines, and the task table's columns)", async () => {
    const body = [
      '- doan: Việc một.', '  nhiem_vu: { chu_tri: Sở A., thoi_gian: Quý I., khac: [{ nhan: Kinh phí, noi_dung: Ngân sách. }] }',
      '- bang_nhiem_vu:', '    - { noi_dung: Việc hai., chu_tri: Sở B., thoi_gian: Quý II., khac: [{ nhan: Kinh phí, noi_dung: Xã hội hóa. }] }',
    ];
    const text = plan(body, ['trinh_bay: { nhiem_vu: { thu_tu: [khac, chu_tri] } }']);
    expect(await between(text, 'I. Việc một', 'TT')).toEqual(['I. Việc một.', '- Kinh phí: Ngân sách.', '- Chủ trì: Sở A.', '- Thời gian thực hiện: Quý I.']);
    const ps = docxParagraphs(await renderPlan(text, { force: true }));
    const tt = ps.indexOf('TT');
    expect(ps.slice(tt, tt + 9)).toEqual(['TT', 'Nội dung', 'Kinh phí', 'Chủ trì', 'Thời gian', '1', 'Việc hai.', 'Xã hội hóa.', 'Sở B.']);
  });

  it('labels are italic by default, the own label as well', async () => {
    const doc = readDocxBytes(await renderPlan(plan(TWO), { force: true }), 'p.docx');
    const p = paragraphs(doc).find((x) => fullText(x).startsWith('- Cơ quan chủ trì:'))!;
    expect(p.runs.filter((r) => r.text.includes('Cơ quan chủ trì')).every((r) => r.format.italic)).toBe(true);
    expect(p.runs.filter((r) => r.text.includes('Phòng Tổ chức')).every((r) => !r.format.italic)).toBe(true);
  });
});

describe('what does not print is reported [nhiem-vu/khong-in]', () => {
  const rule = (text: string) => validatePlan(text).filter((d) => d.rule === 'nhiem-vu/khong-in').map((d) => `${d.severity} ${d.path?.join('.')}`);
  it('a label for a field the task does not give; nhan or thu_tu in a table row; vi_tri_nhiem_vu with no task lines', () => {
    expect(rule(plan(['- doan: Một.', '  nhiem_vu: { chu_tri: Sở A., nhan: { ket_qua: Sản phẩm, chu_tri: Đơn vị chủ trì } }']))).toEqual(['warning noi_dung.0.nhiem_vu.nhan.ket_qua']);
    expect(rule(plan(['- bang_nhiem_vu:', '    - { noi_dung: Việc., chu_tri: Sở A., nhan: { chu_tri: Đơn vị }, thu_tu: [chu_tri] }']))).toEqual(['warning noi_dung.0.bang_nhiem_vu.0.nhan.chu_tri', 'warning noi_dung.0.bang_nhiem_vu.0.thu_tu']);
    expect(rule(plan(['- doan: Một.', '  vi_tri_nhiem_vu: cuoi']))).toEqual(['warning noi_dung.0.vi_tri_nhiem_vu']);
    // the deadline stands in for thoi_gian: its label prints
    expect(rule(plan(['- doan: Một.', '  nhiem_vu: { han: 2025-06-30, nhan: { thoi_gian: Hạn } }']))).toEqual([]);
  });
});

/** Renders a plan, imports the document, and compares the structure field by field (src/import/fidelity.ts). */
async function roundTrip(text: string) {
  const doc = readDocxBytes(await renderPlan(text, { force: true }), 'p.docx');
  const r = importDocument(doc);
  const source = new Map(paragraphs(doc).map((p) => [p.index, fullText(p)]));
  const f = compareStructure({ plan: parse(text) }, { plan: r.plan, notes: r.notes, source });
  return { plan: r.plan as Record<string, any>, issues: f.issues.map((i) => `${i.kind} ${i.path} ${i.detail ?? ''}`) };
}

describe('import reads them back: render → import → the same structure', () => {
  const BULLETS = (own: string[] = []) => [
    '- tieu_de: TỔ CHỨC THỰC HIỆN', '  noi_dung:',
    '    - tieu_de: Tổ chức hội nghị', ...own.map((l) => '      ' + l),
    '      gach_dau_dong: [Chuẩn bị tài liệu., Mời đại biểu.]',
    '      nhiem_vu: { chu_tri: Văn phòng Sở., thoi_gian: Tháng 3/2025. }',
    '    - tieu_de: Tổng kết', '      nhiem_vu: { chu_tri: Văn phòng Sở. }', '      gach_dau_dong: [Báo cáo kết quả.]',
  ];

  it('task lines after the content come back with vi_tri_nhiem_vu: cuoi; under the heading with none', async () => {
    const r = await roundTrip(plan(BULLETS(['vi_tri_nhiem_vu: cuoi'])));
    expect(r.issues).toEqual([]);
    const [first, last] = r.plan.noi_dung[0].noi_dung;
    expect(first.vi_tri_nhiem_vu).toBe('cuoi');
    expect(first.nhiem_vu).toEqual({ chu_tri: 'Văn phòng Sở.', thoi_gian: 'Tháng 3/2025.' });
    expect(first.gach_dau_dong).toEqual(['Chuẩn bị tài liệu.', 'Mời đại biểu.']);
    expect(last.vi_tri_nhiem_vu).toBeUndefined();
    expect(last.nhiem_vu).toEqual({ chu_tri: 'Văn phòng Sở.' });
  });

  it("the plan's after-content setting comes back as the plan's (two items at least show it), an item's as the item's", async () => {
    const r = await roundTrip(plan(BULLETS(), ['trinh_bay: { nhiem_vu: { vi_tri: cuoi } }']));
    expect(r.issues).toEqual([]);
    expect(r.plan.trinh_bay).toEqual({ nhiem_vu: { vi_tri: 'cuoi' } });
    expect(r.plan.noi_dung[0].noi_dung.map((x: any) => x.vi_tri_nhiem_vu)).toEqual([undefined, undefined]);
    // one item after its content: the item's key, no plan setting
    const one = await roundTrip(plan(BULLETS(['vi_tri_nhiem_vu: cuoi'])));
    expect(one.plan.trinh_bay).toBeUndefined();
  });

  it('after sub-items the page cannot tell the item\'s lines from its last sub-item\'s: read as the last sub-item\'s, the same page', async () => {
    const text = plan(ITEM(['vi_tri_nhiem_vu: cuoi']));
    const r = await roundTrip(text);
    // the one structural difference: the lines move from the item (after its content) to its last sub-item
    expect(r.issues.map((i) => i.split(' ').slice(0, 2).join(' '))).toEqual([
      'changed noi_dung[0].noi_dung[0].nhiem_vu.chu_tri', 'changed noi_dung[0].noi_dung[0].nhiem_vu.thoi_gian',
      'changed noi_dung[0].noi_dung[0].noi_dung[1].nhiem_vu.chu_tri', 'changed noi_dung[0].noi_dung[0].noi_dung[1].nhiem_vu.thoi_gian',
    ]);
    const again = docxParagraphs(await renderPlan(stringify(r.plan), { force: true }));
    const first = docxParagraphs(await renderPlan(text, { force: true }));
    const body = (ps: string[]) => ps.slice(ps.findIndex((p) => p.startsWith('I. TỔ CHỨC')), ps.findIndex((p) => p.startsWith('Trên đây')));
    expect(body(again)).toEqual(body(first));
  });

  it("a task's own labels come back as its nhan, a moved khac line as its thu_tu", async () => {
    const text = plan([
      '- tieu_de: NHIỆM VỤ', '  noi_dung:',
      '    - doan: Việc thứ nhất.',
      '      nhiem_vu: { chu_tri: Phòng Tổ chức., thoi_gian: Quý II/2025., khac: [{ nhan: Kinh phí, noi_dung: Ngân sách sở. }], nhan: { thoi_gian: Thời gian hoàn thành, chu_tri: Đơn vị chủ trì }, thu_tu: [khac] }',
      '    - doan: Việc thứ hai.', '      nhiem_vu: { chu_tri: Văn phòng Sở., thoi_gian: Tháng 3/2025., thu_tu: [thoi_gian] }',
    ]);
    const r = await roundTrip(text);
    expect(r.issues).toEqual([]);
    const [a, b] = r.plan.noi_dung[0].noi_dung;
    expect(a.nhiem_vu).toEqual({
      chu_tri: 'Phòng Tổ chức.', thoi_gian: 'Quý II/2025.', khac: [{ nhan: 'Kinh phí', noi_dung: 'Ngân sách sở.' }],
      nhan: { chu_tri: 'Đơn vị chủ trì', thoi_gian: 'Thời gian hoàn thành' }, thu_tu: ['khac', 'chu_tri', 'thoi_gian'],
    });
    expect(b.nhiem_vu).toEqual({ thoi_gian: 'Tháng 3/2025.', chu_tri: 'Văn phòng Sở.', thu_tu: ['thoi_gian', 'chu_tri'] });
    // one task each way: nothing is the office's
    expect(r.plan.trinh_bay).toBeUndefined();
  });

  it('label lines the content goes on after are bullets, as before', async () => {
    const text = plan(['- tieu_de: NHIỆM VỤ', '  gach_dau_dong: [Ý một., "*Chủ trì:* theo dõi chung.", Ý ba.]']);
    const r = await roundTrip(text);
    expect(r.issues).toEqual([]);
    expect(r.plan.noi_dung[0].nhiem_vu).toBeUndefined();
    expect(r.plan.noi_dung[0].gach_dau_dong).toEqual(['Ý một.', '*Chủ trì:* theo dõi chung.', 'Ý ba.']);
  });

  it('event bullets "Địa điểm: …", "Thời gian: …" (a bare column name) stay bullets (example 007)', async () => {
    const r = await roundTrip(plan(['- tieu_de: TIẾP CÔNG DÂN', "  gach_dau_dong: ['Địa điểm: Phòng tiếp công dân.', 'Thời gian: Trong giờ hành chính.', Ghi chép đầy đủ ý kiến.]"]));
    expect(r.issues).toEqual([]);
    expect(r.plan.noi_dung[0].nhiem_vu).toBeUndefined();
    expect(r.plan.noi_dung[0].gach_dau_dong).toHaveLength(3);
  });

  it('example 005: its task lines after the bullets, with their own label and the khac line in place, come back', async () => {
    const bytes = await renderExample('005-ubnd-tinh-bau-cu-2025.yaml');
    const ps = docxParagraphs(bytes);
    const i = ps.findIndex((p) => p.startsWith('5. Ủy ban nhân dân các xã, phường:'));
    expect(ps.slice(i + 1, i + 8)).toEqual([
      '- Nắm tình hình nhân khẩu, cử tri trên địa bàn; giải quyết kịp thời các vụ việc phức tạp ngay tại cơ sở.',
      '- Bảo vệ an toàn các điểm bỏ phiếu và tài liệu bầu cử.',
      '- Thời gian thực hiện: Từ ngày 01/01/2026 đến khi kết thúc cuộc bầu cử.',
      '- Đơn vị chủ trì: Ủy ban nhân dân các xã, phường.',
      '- Kinh phí: Ngân sách xã, phường theo phân cấp.',
      '- Đơn vị phối hợp: Công an xã, phường; Ban Chỉ huy Quân sự xã, phường.',
      '6. Chế độ thông tin, báo cáo: Các cơ quan, đơn vị, địa phương báo cáo tình hình an ninh, trật tự hằng ngày về Công an tỉnh trong thời gian cao điểm, báo cáo kết quả thực hiện trước ngày 31/3/2026 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.',
    ]);
    const j = ps.indexOf('2. Nhiệm vụ trọng tâm');
    expect(ps.slice(j + 1, j + 4).map((p) => p.slice(0, 22))).toEqual(['- Thời gian hoàn thành', '- Đơn vị chủ trì: Công', '2.1. Nắm tình hình: Tậ']);
    const doc = readDocxBytes(bytes, '005.docx');
    const r = importDocument(doc);
    // the office's words, order and upright labels come back once, as the plan's; this task keeps its own label
    // (with the office's words for its one-line phases: src/import/house.ts readPhaseWords)
    expect((r.plan as any).trinh_bay).toEqual({ nhiem_vu: {
      nhan: { chu_tri: 'Đơn vị chủ trì', phoi_hop: 'Đơn vị phối hợp', thoi_gian: 'Thời gian hoàn thành' },
      thu_tu: ['thoi_gian', 'chu_tri', 'khac', 'phoi_hop'], nghieng: false,
    }, dot: { thoi_gian: 'Từ ngày {tu_ngan} đến ngày {den}' } });
    const xa = (r.plan as any).noi_dung[2].noi_dung[3];
    expect(xa.vi_tri_nhiem_vu).toBe('cuoi');
    expect(xa.nhiem_vu.nhan).toEqual({ thoi_gian: 'Thời gian thực hiện' });
    expect(xa.nhiem_vu.thu_tu).toBeUndefined();
    const f = compareStructure({ plan: parse(readFileSync(join(EXAMPLES_DIR, '005-ubnd-tinh-bau-cu-2025.yaml'), 'utf8')) }, { plan: r.plan, notes: r.notes, source: new Map(paragraphs(doc).map((p) => [p.index, fullText(p)])) });
    expect(f.issues.filter((i) => i.path.includes('nhiem_vu')).map((i) => `${i.kind} ${i.path}`)).toEqual([]);
  });
});
