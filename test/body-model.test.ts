/**
 * The body as real plans are issued (issue 7 items 1, 2, 3, 8, 9, 10; issue 8): numbering as issued, run-in
 * headings, task lines in the office's words with every field printed, phases as phrases, lead-ins kept with what
 * follows, Nơi nhận purposes and typist forms, an office's house style. Every assertion reads the produced .docx.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { renderPlan, renderPlanFile, checkPlanText, type Diagnostic } from '../src/index.js';
import { XMLParser } from 'fast-xml-parser';
import { docxParts, renderExample, docxParagraphs, effectiveFormatting, isOn } from './helpers.js';

/** A complete state plan around a body (YAML lines of `noi_dung:` items, indented by 2) and extra top-level lines. */
function plan(body: string[], extra: string[] = [], noiNhan: string[] = ['noi_nhan: { cac_noi: [UBND tỉnh], luu: [VT] }']): string {
  return [
    'khoi: nha_nuoc', 'co_quan_chu_quan: UBND TỈNH BÌNH THUẬN', 'co_quan_ban_hanh: SỞ NỘI VỤ',
    'so_ky_hieu: { so: 12, viet_tat_co_quan: SNV }', 'dia_danh: Bình Thuận', 'ngay_ban_hanh: 2025-03-05',
    'trich_yeu: Thử nội dung', ...extra, 'noi_dung:', ...body.map((l) => '  ' + l), 'ket_thuc: Trên đây là kế hoạch.', ...noiNhan,
    'nguoi_ky: { quyen_han: KT, thu_truong: GIÁM ĐỐC, chuc_vu: PHÓ GIÁM ĐỐC, ho_ten: Nguyễn Văn An }',
  ].join('\n');
}

/**
 * One paragraph of word/document.xml as the page shows it (document defaults, the paragraph's style chain, then direct
 * formatting; see effectiveFormatting): its text, runs (text, bold, italic, size in half-points), keep-with-next and
 * its effective paragraph properties (e.g. `pPr['w:spacing']['@w:after']`).
 */
interface Para { text: string; runs: { text: string; b: boolean; i: boolean; sz: number }[]; keepNext: boolean; pPr: Record<string, any> }

/** Parses one <w:p> keeping the spaces at the ends of w:t texts. */
const paraParser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: false, isArray: (n) => ['w:p', 'w:r', 'w:t'].includes(n),
});

function paragraphs(bytes: Uint8Array): Para[] {
  const parts = docxParts(bytes);
  const fmt = effectiveFormatting(parts);
  // Paragraphs in document order (table cells included), each parsed on its own.
  return [...parts['word/document.xml'].matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((m) => {
    const p = (paraParser.parse(m[0]) as Record<string, any>)['w:p'][0];
    const pPr = fmt.paragraph(p);
    const runs = [p['w:r'] ?? []].flat().map((r: Record<string, any>) => {
      const rPr = fmt.run(p, r);
      const text = [r['w:t'] ?? []].flat().map((t: any) => (typeof t === 'string' ? t : t['#text'] ?? '')).join('');
      return { text, b: isOn(rPr, 'w:b'), i: isOn(rPr, 'w:i'), sz: Number(rPr['w:sz']?.['@w:val'] ?? 0) };
    }).filter((r) => r.text);
    return { text: runs.map((r) => r.text).join(''), runs, keepNext: isOn(pPr, 'w:keepNext'), pPr };
  });
}

const find = (ps: Para[], start: string) => {
  const p = ps.find((x) => x.text.startsWith(start));
  if (!p) throw new Error(`no paragraph starting with "${start}" in:\n${ps.map((x) => x.text).join('\n')}`);
  return p;
};
const diags = (yaml: string): Diagnostic[] => checkPlanText(yaml, { file: 'x.yaml' }).diagnostics;
const show = (ds: Diagnostic[]) => ds.map((d) => `${d.line}:${d.column} ${d.severity} [${d.rule}] ${d.message}`).join('\n');

describe('numbering as issued (item 1)', () => {
  const gap = plan([
    '- tieu_de: TỔ CHỨC THỰC HIỆN', '  noi_dung:',
    '    - doan: Một.', '    - doan: Hai.', '    - doan: Năm.', '      so: "5."', '    - doan: Sáu.', '    - doan: Bảy.',
    '    - doan: Bảy lặp.', '      so: "7."', '    - doan: Tám.',
  ]);

  it('a skipped and a repeated hand-given number print as given; the count goes on from them', async () => {
    const ps = paragraphs(await renderPlan(gap));
    expect(['1. Một.', '2. Hai.', '5. Năm.', '6. Sáu.', '7. Bảy.', '7. Bảy lặp.', '8. Tám.'].map((t) => find(ps, t).text)).toHaveLength(7);
  });

  it('warns once per gap or repeat (a warning, not an error), at the hand-given number', () => {
    const ds = diags(gap).filter((d) => d.rule === 'so-thu-tu/lien-tuc');
    expect(ds.map((d) => [d.line, d.severity]), show(ds)).toEqual([[14, 'warning'], [18, 'warning']]);
    expect(ds[0].message).toContain('"5."');
    expect(ds[0].message).toContain('3.');
    expect(diags(gap).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('after so: false on a paragraph that types its own number, the next number does not repeat it', async () => {
    const ps = paragraphs(await renderPlan(plan([
      '- tieu_de: NỘI DUNG', '  noi_dung:', '    - doan: Một.', '    - doan: 2. Hai, số gõ trong chữ.', '      so: false', '    - doan: Ba.',
    ])));
    expect(find(ps, '2. Hai').text).toBe('2. Hai, số gõ trong chữ.');
    expect(find(ps, '3. Ba').text).toBe('3. Ba.');
  });

  it('so-thu-tu/tu-viet suggests what lien-tuc and the schema then accept', () => {
    // the typed number is the automatic one: remove it (no so: suggested)
    const same = diags(plan(['- tieu_de: MỘT', '  noi_dung:', '    - doan: 1. Một.'])).find((d) => d.rule === 'so-thu-tu/tu-viet')!;
    expect(same.message).not.toContain('so:');
    // another number: so: "5." — and that plan has no error, only the gap warning
    const other = diags(plan(['- tieu_de: MỘT', '  noi_dung:', '    - doan: 5. Năm.'])).find((d) => d.rule === 'so-thu-tu/tu-viet')!;
    expect(other.message).toContain('so: "5."');
    const fixed = diags(plan(['- tieu_de: MỘT', '  noi_dung:', '    - doan: Năm.', '      so: "5."']));
    expect(fixed.filter((d) => d.severity === 'error'), show(fixed)).toEqual([]);
    expect(fixed.filter((d) => d.rule === 'so-thu-tu/lien-tuc')).toHaveLength(1);
    // a bullet: never suggest so: (the schema has no so: on bullets)
    const bullet = diags(plan(['- tieu_de: MỘT', '  gach_dau_dong: ["- Ý một."]'])).find((d) => d.rule === 'so-thu-tu/tu-viet')!;
    expect(bullet.message).not.toContain('so: "');
    expect(bullet.message).toContain('"-"');
  });

  it('multi-level dotted numbers (1.1.) take the label style of their level (bold italic at level 3)', async () => {
    const ps = paragraphs(await renderExample('005-ubnd-tinh-bau-cu-2025.yaml'));
    const p = find(ps, '2.1. Nắm tình hình:');
    expect(p.runs[0]).toMatchObject({ text: '2.1. Nắm tình hình:', b: true, i: true });
    expect(p.runs[1]).toMatchObject({ b: false, i: false });
  });
});

describe('run-in headings (item 2)', () => {
  const yaml = plan([
    '- tieu_de: TỔ CHỨC THỰC HIỆN', '  noi_dung:',
    '    - tieu_de: "Bộ Chỉ huy Quân sự tỉnh:"', '      doan: Chủ trì, phối hợp với các đơn vị.',
    '    - tieu_de: "Công an tỉnh:"', '      kieu_tieu_de: dam_nghieng', '      doan: Bảo đảm an ninh.',
  ]);

  it('tieu_de with doan is one paragraph: number and label bold (level 2), the rest upright', async () => {
    const ps = paragraphs(await renderPlan(yaml));
    const p = find(ps, '1. Bộ Chỉ huy');
    expect(p.text).toBe('1. Bộ Chỉ huy Quân sự tỉnh: Chủ trì, phối hợp với các đơn vị.');
    expect(p.runs.map((r) => [r.text.trim(), r.b, r.i])).toEqual([['1. Bộ Chỉ huy Quân sự tỉnh:', true, false], ['Chủ trì, phối hợp với các đơn vị.', false, false]]);
  });

  it('kieu_tieu_de gives one item its own label style (bold italic)', async () => {
    const p = find(paragraphs(await renderPlan(yaml)), '2. Công an tỉnh:');
    expect(p.runs[0]).toMatchObject({ text: '2. Công an tỉnh:', b: true, i: true });
    expect(p.runs[1]).toMatchObject({ b: false, i: false });
  });

  it('is valid (it used to be plan/item-many-kinds), and tieu_de with dot still is not', () => {
    expect(diags(yaml).filter((d) => d.severity === 'error')).toEqual([]);
    const bad = diags(plan(['- tieu_de: MỘT', '  dot: { ten: Đợt 1, thoi_gian: Quý II }']));
    expect(bad.map((d) => d.rule)).toContain('plan/item-many-kinds');
  });
});

describe('task lines in the office’s words (item 3)', () => {
  const task = [
    '- tieu_de: TỔ CHỨC THỰC HIỆN', '  noi_dung:', '    - doan: Rà soát danh sách.', '      nhiem_vu:',
    '        noi_dung: Lập danh sách cử tri.', '        chu_tri: Công an tỉnh.', '        tham_muu: Văn phòng.', '        thuc_hien: Các phòng.',
    '        phoi_hop: Sở Y tế.', '        thoi_gian: Quý II/2025.', '        ket_qua: Danh sách.', '        khac: [{ nhan: Kinh phí, noi_dung: Ngân sách tỉnh. }]',
  ];
  const office = ['trinh_bay:', '  nhiem_vu:', '    thu_tu: [thoi_gian, chu_tri, phoi_hop, ket_qua]',
    '    nhan: { thoi_gian: Thời gian hoàn thành, chu_tri: Đơn vị chủ trì, phoi_hop: Đơn vị phối hợp }', '    nghieng: false'];
  /** The "- " lines of the body (Nơi nhận's lines come after "Nơi nhận:"). */
  const lines = (ps: Para[]) => ps.slice(0, ps.findIndex((p) => p.text === 'Nơi nhận:')).filter((p) => p.text.startsWith('- ')).map((p) => p.text);

  it('prints every field the schema accepts (noi_dung, tham_muu, thuc_hien, khac included), labels italic by default', async () => {
    const ps = paragraphs(await renderPlan(plan(task)));
    expect(lines(ps)).toEqual([
      '- Nội dung: Lập danh sách cử tri.', '- Chủ trì: Công an tỉnh.', '- Chịu trách nhiệm tham mưu: Văn phòng.',
      '- Chịu trách nhiệm thực hiện: Các phòng.', '- Phối hợp: Sở Y tế.', '- Thời gian thực hiện: Quý II/2025.', '- Kết quả: Danh sách.',
      '- Kinh phí: Ngân sách tỉnh.',
    ]);
    expect(find(ps, '- Chủ trì').runs.find((r) => r.text.includes('Chủ trì'))!.i).toBe(true);
  });

  it('takes labels, order and upright style from trinh_bay.nhiem_vu; fields it leaves out still print after', async () => {
    const ps = paragraphs(await renderPlan(plan(task, office)));
    expect(lines(ps)).toEqual([
      '- Thời gian hoàn thành: Quý II/2025.', '- Đơn vị chủ trì: Công an tỉnh.', '- Đơn vị phối hợp: Sở Y tế.', '- Kết quả: Danh sách.',
      '- Nội dung: Lập danh sách cử tri.', '- Chịu trách nhiệm tham mưu: Văn phòng.', '- Chịu trách nhiệm thực hiện: Các phòng.', '- Kinh phí: Ngân sách tỉnh.',
    ]);
    expect(find(ps, '- Đơn vị chủ trì').runs.every((r) => !r.i)).toBe(true);
  });

  it('takes them from _defaults.yaml too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-office-'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '_defaults.yaml'), office.join('\n') + '\n');
    writeFileSync(join(dir, 'plan.yaml'), plan(task));
    const { bytes } = await renderPlanFile(join(dir, 'plan.yaml'));
    expect(lines(paragraphs(bytes))[0]).toBe('- Thời gian hoàn thành: Quý II/2025.');
  });

  it('the deadline (han) prints as the time when thoi_gian is not given', async () => {
    const ps = paragraphs(await renderPlan(plan(['- doan: Việc.', '  nhiem_vu: { chu_tri: Sở., han: 2025-06-30 }'])));
    expect(lines(ps)).toContain('- Thời gian thực hiện: 30/6/2025');
  });

  it('bang_nhiem_vu has a column for every field some task gives (tham_muu, thuc_hien, khac, han included)', async () => {
    const doc = docxParts(await renderPlan(plan([
      '- bang_nhiem_vu:',
      '    - { noi_dung: Việc một, chu_tri: Sở A, tham_muu: Phòng B, thuc_hien: Phòng C, han: 2025-06-30, khac: [{ nhan: Kinh phí, noi_dung: Tỉnh }] }',
      '    - { noi_dung: Việc hai, chu_tri: Sở D, thoi_gian: Quý III }',
    ])))['word/document.xml'];
    const xml = doc.split('<w:tbl>').find((t) => t.includes('>TT<'))!;
    const cells = [...xml.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((c) => [...c[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(cells.slice(0, 7)).toEqual(['TT', 'Nội dung', 'Chủ trì', 'Tham mưu', 'Thực hiện', 'Thời gian', 'Kinh phí']);
    expect(cells.slice(7, 14)).toEqual(['1', 'Việc một', 'Sở A', 'Phòng B', 'Phòng C', '30/6/2025', 'Tỉnh']);
    expect(cells.slice(14, 21)).toEqual(['2', 'Việc hai', 'Sở D', '', '', 'Quý III', '']);
  });
});

describe('phases (item 9, issue 8)', () => {
  it('a phase given as a phrase and numbered like a heading', async () => {
    const ps = paragraphs(await renderPlan(plan([
      '- tieu_de: NỘI DUNG', '  noi_dung:',
      '    - dot: { ten: Giai đoạn 1, thoi_gian: Trong tháng 12/2025, noi_dung: Rà soát. }', '      so: true',
      '    - dot: { ten: Giai đoạn 2, tu: 2026-01-01, den: 2026-03-15 }', '      so: true',
    ])));
    const p = find(ps, '1. Giai đoạn 1:');
    expect(p.text).toBe('1. Giai đoạn 1: Trong tháng 12/2025. Rà soát.');
    expect(p.runs[0]).toMatchObject({ text: '1. Giai đoạn 1:', b: true });
    expect(find(ps, '2. Giai đoạn 2:').text).toBe('2. Giai đoạn 2: Từ 01/01/2026 đến 15/3/2026');
  });

  it('a phase with bullets prints both (the phase line used to vanish), kept with its bullets', async () => {
    const ps = paragraphs(await renderPlan(plan([
      '- dot: { ten: Đợt 1, thoi_gian: Sau ngày bầu cử 15/3/2026 }', '  gach_dau_dong: [Kiểm phiếu., Tổng kết.]',
    ])));
    expect(find(ps, 'Đợt 1:').text).toBe('Đợt 1: Sau ngày bầu cử 15/3/2026');
    expect(find(ps, 'Đợt 1:').keepNext).toBe(true);
    expect(find(ps, '- Kiểm phiếu.')).toBeDefined();
  });

  it('the end mark ends a closing phase line once, whatever form its time takes', async () => {
    const last = async (dot: string) => {
      const ps = docxParagraphs(await renderPlan(plan([`- dot: ${dot}`]).replace('ket_thuc: Trên đây là kế hoạch.\n', '')));
      return ps.find((p) => p.startsWith('Đợt 1:'));
    };
    expect(await last('{ ten: Đợt 1, tu: 2025-04, den: 2025-06 }')).toBe('Đợt 1: Từ tháng 4/2025 đến tháng 6/2025./.');
    expect(await last('{ ten: Đợt 1, thoi_gian: Quý II. }')).toBe('Đợt 1: Quý II./.');
    expect(await last('{ ten: Đợt 1, thoi_gian: Quý II, chu_de: Thi đua }')).toBe('Đợt 1: Quý II với chủ đề “Thi đua”./.');
    expect(await last('{ ten: Đợt 1, thoi_gian: Quý II, noi_dung: Làm. }')).toBe('Đợt 1: Quý II. Làm./.');
  });

  it('a phase with neither tu/den nor thoi_gian is an error saying what to write', () => {
    const ds = diags(plan(['- dot: { ten: Đợt 1, tu: 2025-04 }']));
    const d = ds.find((x) => x.rule === 'plan/phase-time')!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain('thoi_gian');
  });
});

describe('no orphaned lead-ins (item 10)', () => {
  it('a numbered paragraph with children, a paragraph ending with ":" and a run-in heading with bullets keep with next', async () => {
    const ps = paragraphs(await renderPlan(plan([
      '- tieu_de: TỔ CHỨC THỰC HIỆN', '  noi_dung:',
      '    - doan: Cơ quan phối hợp', '      danh_so_con: a)', '      noi_dung: [{ doan: Sở A. }]',
      '    - "Các đơn vị có trách nhiệm:"', '    - gach_dau_dong: [Báo cáo.]',
      '    - tieu_de: "Sở Y tế:"', '      doan: "Thực hiện:"', '      gach_dau_dong: [Cấp cứu.]',
      '    - doan: Đoạn không có con.',
    ])));
    expect(find(ps, '1. Cơ quan phối hợp').keepNext).toBe(true);
    expect(find(ps, 'Các đơn vị có trách nhiệm:').keepNext).toBe(true);
    expect(find(ps, '2. Sở Y tế:').keepNext).toBe(true);
    expect(find(ps, '3. Đoạn không có con').keepNext).toBe(false);
    expect(find(ps, 'a) Sở A').keepNext).toBe(false);
  });
});

describe('Nơi nhận (item 9)', () => {
  const nn = (extra: string) => plan(['- doan: Việc.'], [], [
    'noi_nhan:', '  cac_noi:', '    - { noi: Ủy ban bầu cử tỉnh, muc_dich: để b/c }', '    - { nhom: [Tỉnh ủy, HĐND tỉnh], muc_dich: Báo cáo }', '    - UBND huyện',
    '  luu: [VT, NC]', '  ky_hieu_nguoi_soan: Tường', extra,
  ]);

  it('a recipient line carries its own purpose in brackets', async () => {
    expect(docxParagraphs(await renderPlan(nn('')))).toContain('- Ủy ban bầu cử tỉnh (để b/c);');
  });

  it('the typist’s initials: own line, after the Lưu line ("NC. Tường."), or joined to the unit ("NCTường.")', async () => {
    const own = docxParagraphs(await renderPlan(nn('')));
    expect(own).toContain('- Lưu: VT, NC.');
    expect(own).toContain('Tường.');
    expect(docxParagraphs(await renderPlan(nn('  ky_hieu_cung_dong: true')))).toContain('- Lưu: VT, NC. Tường.');
    expect(docxParagraphs(await renderPlan(nn('  ky_hieu_cung_dong: noi_lien')))).toContain('- Lưu: VT, NCTường.');
  });

  it('an entry with both noi and nhom is an error', () => {
    const ds = diags(plan(['- doan: Việc.'], [], ['noi_nhan: { cac_noi: [{ noi: A, nhom: [B], muc_dich: C }], luu: [VT] }']));
    expect(ds.map((d) => d.rule)).toContain('plan/recipient-kind');
  });
});

describe('house style without forking templates (item 8)', () => {
  const styled = plan(['- tieu_de: MỤC ĐÍCH', '  noi_dung: [{ doan: Một đoạn văn. }]'], [
    'trinh_bay: { co_chu: 13, gian_dong: 1.5, cach_doan: 8, thut_dau: 10, co_chu_noi_nhan: 12, tm_dam: false }',
  ]);

  it('body size, line spacing, paragraph spacing, indent, Nơi nhận size and a regular TM./KT. line reach the XML', async () => {
    const bytes = await renderPlan(styled);
    const ps = paragraphs(bytes);
    const body = find(ps, '1. Một đoạn văn.');
    expect(body.runs[0].sz).toBe(26);
    expect(body.pPr['w:spacing']).toMatchObject({ '@w:after': '160', '@w:line': '360' });
    expect(body.pPr['w:ind']['@w:firstLine']).toBe('567');
    expect(find(ps, 'I. MỤC ĐÍCH').runs[0]).toMatchObject({ sz: 26, b: true });
    expect(find(ps, '- UBND tỉnh').runs[0].sz).toBe(24);
    expect(find(ps, 'KT. GIÁM ĐỐC').runs[0].b).toBe(false);
    expect(find(ps, 'PHÓ GIÁM ĐỐC').runs[0].b).toBe(true);
    // the defaults, for contrast (the assertions above can fail)
    const plain = paragraphs(await renderPlan(plan(['- tieu_de: MỤC ĐÍCH', '  noi_dung: [{ doan: Một đoạn văn. }]'])));
    expect(find(plain, '1. Một đoạn văn.').runs[0].sz).toBe(28);
    expect(find(plain, 'KT. GIÁM ĐỐC').runs[0].b).toBe(true);
  });

  it('tm_dam: false leaves the title line bold when there is no quyền hạn line (the title then takes that style)', async () => {
    const yaml = plan(['- doan: Một.'], ['trinh_bay: { tm_dam: false }']).replace(/nguoi_ky: .*/, 'nguoi_ky: { chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn An }');
    expect(find(paragraphs(await renderPlan(yaml)), 'GIÁM ĐỐC').runs[0].b).toBe(true);
  });

  it('inside the ranges: no warning; outside: a warning per value, still applied', async () => {
    expect(diags(styled).filter((d) => d.rule === 'trinh-bay/ngoai-khung').map((d) => d.message)).toEqual([
      expect.stringContaining('co_chu_noi_nhan'),
    ]);
    const wide = plan(['- doan: Một đoạn văn.'], ['trinh_bay: { co_chu: 12, gian_dong: 2, cach_doan: 3, thut_dau: 15 }']);
    const ds = diags(wide).filter((d) => d.rule === 'trinh-bay/ngoai-khung');
    expect(ds.map((d) => d.severity)).toEqual(['warning', 'warning', 'warning', 'warning']);
    expect(find(paragraphs(await renderPlan(wide)), 'I. Một đoạn văn.').runs[0].sz).toBe(24);
    // an exact line height inside 1–1.5 lines of 14 pt is fine; 30 pt is not
    expect(diags(plan(['- doan: Một.'], ['trinh_bay: { gian_dong: 18pt }'])).filter((d) => d.rule === 'trinh-bay/ngoai-khung')).toEqual([]);
    expect(diags(plan(['- doan: Một.'], ['trinh_bay: { gian_dong: 30pt }'])).filter((d) => d.rule === 'trinh-bay/ngoai-khung')).toHaveLength(1);
  });
});

describe('example 005 (composed; no seed text)', () => {
  it('prints what the plan says: run-in headings, office task lines, the kept gap, phases on one line, TL. signing', async () => {
    const text = docxParagraphs(await renderExample('005-ubnd-tinh-bau-cu-2025.yaml'));
    for (const t of [
      '2. Bộ Chỉ huy Quân sự tỉnh: Chủ trì, phối hợp với Công an tỉnh',
      '- Thời gian hoàn thành: Trước ngày 15/12/2025.', '- Đơn vị chủ trì: Công an tỉnh.',
      '5. Ủy ban nhân dân các xã, phường:', '6. Chế độ thông tin, báo cáo:',
      'TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG', '- Lưu: VT, NCTường.', '- Ủy ban bầu cử tỉnh (để b/c);',
    ]) expect(text.some((p) => p.startsWith(t)), t).toBe(true);
    // the phases on one line each (trinh_bay.dot), the time in the office's words, the phase's text after it
    for (const [line, next] of [
      ['1.1. Giai đoạn chuẩn bị: Trong tháng 12/2025', 'Rà soát, nắm tình hình địa bàn'],
      ['1.2. Giai đoạn cao điểm: Từ ngày 01/01 đến ngày 15/3/2026', 'Tổ chức đợt cao điểm'],
      ['1.3. Giai đoạn sau bầu cử: Sau ngày bầu cử 15/3/2026', 'Tập trung các nhiệm vụ:'],
    ]) {
      const at = text.indexOf(line);
      expect(at, line).toBeGreaterThan(0);
      expect(text[at + 1].startsWith(next), next).toBe(true);
    }
  });
});
