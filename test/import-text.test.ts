/**
 * Plain text as offices issue it (issue 19 item 3), each feature on a small made text: the header's two columns and
 * the closing's two columns typed side by side (a wide gap), interleaved line by line (no gap: copied from a page),
 * or set apart by indentation; a recipient that wraps; the Lưu line and the typist under it; signing forms beside
 * the recipients; a name and its titles; letter sections with Roman sections inside; a trích yếu on several lines;
 * a draft's blank day ("ngày      tháng 01 năm 2026") and blank number ("Số:      /KH-UBND").
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { readText, readDocxBytes } from '../src/docx-read/index.js';
import { importDocument, importToYaml } from '../src/import/index.js';
import { renderPlan } from '../src/index.js';
import { CLI, docxParagraphs } from './helpers.js';

const imp = (text: string) => importDocument(readText(text)).plan;
const gap = (left: string, right: string, at = 50) => left + ' '.repeat(Math.max(6, at - left.length)) + right;

const HEADER = [
  gap('ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
  gap('TỈNH BÌNH THUẬN', '   Độc lập - Tự do - Hạnh phúc'),
  gap('Số: 15/KH-UBND', 'Bình Thuận, ngày 05 tháng 3 năm 2026'),
];
const TITLE = ['KẾ HOẠCH', 'Tổ chức hội nghị tổng kết phong trào thi đua năm 2025', 'Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:'];
const BODY = ['I. MỤC ĐÍCH, YÊU CẦU', '1. Đánh giá đúng kết quả.', 'II. TỔ CHỨC THỰC HIỆN', '1. Sở Nội vụ theo dõi, đôn đốc./.'];
const plan = (header: string[], closing: string[], title = TITLE, body = BODY) => [...header, ...title, ...body, ...closing].join('\n');

const RECIPIENTS = ['Thường trực Tỉnh ủy', 'Hội đồng Thi đua - Khen thưởng Trung ương', 'Các sở, ban, ngành'];
const SIGNER = { thay_mat: 'ỦY BAN NHÂN DÂN', quyen_han: 'KT', thu_truong: 'CHỦ TỊCH', chuc_vu: 'PHÓ CHỦ TỊCH', ho_ten: 'Nguyễn Văn An' };

describe('the header of a text plan is read, not left as placeholders', () => {
  it('agency, Số, place and date typed in two columns with a wide gap', () => {
    const p = imp(plan(HEADER, ['Nơi nhận:', '- Sở Nội vụ;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn An']));
    expect(p).toMatchObject({ co_quan_ban_hanh: ['ỦY BAN NHÂN DÂN', 'TỈNH BÌNH THUẬN'], so_ky_hieu: { so: 15, viet_tat_co_quan: 'UBND' }, dia_danh: 'Bình Thuận', ngay_ban_hanh: '2026-03-05' });
    expect(p).not.toHaveProperty('co_quan_chu_quan'); // "TỈNH BÌNH THUẬN" names where the agency above is
  });

  it('the same header with its columns interleaved line by line', () => {
    const p = imp(plan(['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TỈNH BÌNH THUẬN', 'Độc lập - Tự do - Hạnh phúc', 'Số: 15/KH-UBND', 'Bình Thuận, ngày 05 tháng 3 năm 2026'],
      ['Nơi nhận:', '- Sở Nội vụ;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn An']));
    expect(p).toMatchObject({ co_quan_ban_hanh: ['ỦY BAN NHÂN DÂN', 'TỈNH BÌNH THUẬN'], so_ky_hieu: { so: 15 }, dia_danh: 'Bình Thuận', ngay_ban_hanh: '2026-03-05' });
  });

  it('a draft: the blank number and the blank day are not column gaps; the month is kept', () => {
    const p = imp(plan([gap('ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), gap('TỈNH BÌNH THUẬN', 'Độc lập - Tự do - Hạnh phúc'),
      gap('Số:      /KH-UBND', 'Bình Thuận, ngày      tháng 01 năm 2026')], ['Nơi nhận:', '- Sở Nội vụ;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn An']));
    expect(p).toMatchObject({ co_quan_ban_hanh: ['ỦY BAN NHÂN DÂN', 'TỈNH BÌNH THUẬN'], so_ky_hieu: { so: null, viet_tat_co_quan: 'UBND' }, dia_danh: 'Bình Thuận', ngay_ban_hanh: '2026-01' });
  });
});

describe('the closing of a text plan: Nơi nhận on the left, the signer on the right', () => {
  it('side by side with a wide gap; a recipient wraps onto the next line; the name alone far right', () => {
    const p = imp(plan(HEADER, [
      gap('Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN'),
      gap('- Thường trực Tỉnh ủy;', 'KT. CHỦ TỊCH'),
      gap('- Hội đồng Thi đua - Khen thưởng', 'PHÓ CHỦ TỊCH'),
      'Trung ương;',
      '- Các sở, ban, ngành;',
      '- Lưu: VT, KGVX.',
      ' '.repeat(50) + 'Nguyễn Văn An',
    ]));
    expect(p.noi_nhan).toEqual({ cac_noi: RECIPIENTS, luu: ['VT', 'KGVX'] });
    expect(p.nguoi_ky).toEqual(SIGNER);
  });

  it('interleaved line by line with no gap: signing lines told from recipients by what they say', () => {
    const p = imp(plan(HEADER, [
      'Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN', '- Thường trực Tỉnh ủy;', 'KT. CHỦ TỊCH', '- Hội đồng Thi đua - Khen thưởng', 'PHÓ CHỦ TỊCH',
      'Trung ương;', '- Các sở, ban, ngành;', '- Lưu: VT, KGVX.', 'Nguyễn Văn An',
    ]));
    expect(p.noi_nhan).toEqual({ cac_noi: RECIPIENTS, luu: ['VT', 'KGVX'] });
    expect(p.nguoi_ky).toEqual(SIGNER);
  });

  it('the Lưu line with the typist\'s initials under it, the signer after', () => {
    const p = imp(plan(HEADER, ['Nơi nhận:', '- Sở Nội vụ;', '- Lưu: VT, VP.', 'Trâm.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Trần Thị Bình']));
    expect(p.noi_nhan).toEqual({ cac_noi: ['Sở Nội vụ'], luu: ['VT', 'VP'], ky_hieu_nguoi_soan: 'Trâm' });
    expect(p.nguoi_ky).toEqual({ quyen_han: 'KT', thu_truong: 'GIÁM ĐỐC', chuc_vu: 'PHÓ GIÁM ĐỐC', ho_ten: 'Trần Thị Bình' });
  });

  it('a published copy\'s "(Đã ký)" where the signature was: the signer\'s column, not a typist or a title, and said', () => {
    const r = importDocument(readText(plan(HEADER, ['Nơi nhận:', '- Sở Nội vụ;', '- Lưu: VT, VP.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '(Đã ký)', 'Trần Thị Bình'])));
    expect(r.plan.noi_nhan).toEqual({ cac_noi: ['Sở Nội vụ'], luu: ['VT', 'VP'] });
    expect(r.plan.nguoi_ky).toEqual({ quyen_han: 'KT', thu_truong: 'GIÁM ĐỐC', chuc_vu: 'PHÓ GIÁM ĐỐC', ho_ten: 'Trần Thị Bình' });
    expect(importToYaml(r)).toContain('# đã bỏ dòng "(Đã ký)" của bản sao');
  });

  it('a line typed far to the right is the signer\'s even when its words would not say so', () => {
    // "H'Hen Niê" is not read as a name by its letters alone: its place says it is the signature's.
    const p = imp(plan(HEADER, [gap('Nơi nhận:', 'GIÁM ĐỐC'), '- Sở Nội vụ;', ' '.repeat(50) + "H'Hen Niê", '- Lưu: VT.']));
    expect(p.noi_nhan).toEqual({ cac_noi: ['Sở Nội vụ'], luu: ['VT'] });
    expect(p.nguoi_ky).toEqual({ chuc_vu: 'GIÁM ĐỐC', ho_ten: "H'Hen Niê" });
  });

  it('a name read before the second title (columns interleaved) is still the name, not a title', () => {
    const p = imp(plan(HEADER, [gap('Nơi nhận:', 'KT. GIÁM ĐỐC'), gap('- Sở Nội vụ;', 'Nguyễn Văn An'), gap('- Lưu: VT.', 'PHÓ GIÁM ĐỐC')]));
    expect(p.nguoi_ky).toEqual({ quyen_han: 'KT', thu_truong: 'GIÁM ĐỐC', chuc_vu: 'PHÓ GIÁM ĐỐC', ho_ten: 'Nguyễn Văn An' });
    expect(p.noi_nhan).toEqual({ cac_noi: ['Sở Nội vụ'], luu: ['VT'] });
  });
});

describe('the title and the body of a text plan', () => {
  it('a trích yếu on two lines: the second line is the trích yếu\'s, not an opening paragraph', () => {
    const p = imp(plan(HEADER, ['Nơi nhận:', '- Sở Nội vụ;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn An'],
      ['KẾ HOẠCH', 'Tổ chức hội nghị lấy ý kiến cử tri nơi cư trú', 'đối với người được giới thiệu ứng cử đại biểu', 'Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:']));
    expect(p.trich_yeu).toEqual(['Tổ chức hội nghị lấy ý kiến cử tri nơi cư trú', 'đối với người được giới thiệu ứng cử đại biểu']);
    expect(p.mo_dau).toEqual(['Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:']);
  });

  it('letter sections A. … D. with Roman sections inside: four sections, each holding its own I., II.', () => {
    const body = ['A. PHẦN CHUNG', 'I. MỤC ĐÍCH', '1. Thống nhất nhận thức.', 'II. YÊU CẦU', '1. Bảo đảm tiến độ.', 'B. NHIỆM VỤ', 'I. NHIỆM VỤ CHUNG', '1. Triển khai kịp thời.',
      'C. KINH PHÍ', 'I. NGUỒN KINH PHÍ', '1. Ngân sách tỉnh.', 'D. TỔ CHỨC THỰC HIỆN', 'I. PHÂN CÔNG', '1. Sở Nội vụ theo dõi./.'];
    const p = imp(plan(HEADER, ['Nơi nhận:', '- Sở Nội vụ;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn An'], TITLE, body));
    const items = p.noi_dung as { tieu_de: string; noi_dung: { tieu_de: string }[] }[];
    expect(items.map((i) => i.tieu_de)).toEqual(['PHẦN CHUNG', 'NHIỆM VỤ', 'KINH PHÍ', 'TỔ CHỨC THỰC HIỆN']);
    expect(items.map((i) => i.noi_dung.map((c) => c.tieu_de))).toEqual([['MỤC ĐÍCH', 'YÊU CẦU'], ['NHIỆM VỤ CHUNG'], ['NGUỒN KINH PHÍ'], ['PHÂN CÔNG']]);
    expect(p.danh_so?.slice(0, 3)).toEqual(['A.', 'I.', '1.']);
  });
});

describe('a draft date keeps its month, end to end', () => {
  it('import → YAML 2026-01 → render prints "ngày      tháng 01 năm 2026" → import gives 2026-01 again', async () => {
    const text = plan([gap('ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), gap('TỈNH BÌNH THUẬN', 'Độc lập - Tự do - Hạnh phúc'),
      gap('Số: 15/KH-UBND', 'Bình Thuận, ngày      tháng 01 năm 2026')], ['Nơi nhận:', '- Sở Nội vụ;', '- Lưu: VT.', 'GIÁM ĐỐC', 'Nguyễn Văn An']);
    const d = mkdtempSync(join(tmpdir(), 'kehoach-import-text-'));
    writeFileSync(join(d, 'kh.txt'), text);
    const r = spawnSync(process.execPath, [CLI, 'import', join(d, 'kh.txt'), '-o', join(d, 'kh.yaml')], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).not.toMatch(/lỗi|error/i);
    const yaml = readFileSync(join(d, 'kh.yaml'), 'utf8');
    expect(yaml).toMatch(/^ngay_ban_hanh: 2026-01$/m);
    const bytes = await renderPlan(yaml);
    const line = docxParagraphs(bytes).find((t) => t.startsWith('Bình Thuận, ngày'));
    expect(line?.replace(/\u00a0/g, ' ')).toBe('Bình Thuận, ngày      tháng 01 năm 2026');
    expect(importDocument(readDocxBytes(bytes, 'kh.docx')).plan.ngay_ban_hanh).toBe('2026-01');
    expect(parse(importToYaml(importDocument(readText(text)))).ngay_ban_hanh).toBe('2026-01');
  }, 120_000);
});
