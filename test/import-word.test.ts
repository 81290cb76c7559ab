/**
 * Issue 19 item 4 on small Word files: what kehoach writes comes back from a .docx — a "Căn cứ" paragraph in the mở
 * đầu's role, one odd marker kept on its item, the Nơi nhận's typist in italics and an office's own Lưu line, an
 * enumeration after a paragraph, a phase's theme in straight quotes, task lines in an office's labels, a phase
 * numbered like a heading, the closing's own end mark, row heights and sections in the reader's model — and, for
 * each, the like-looking text that must stay as it was read.
 */
import { describe, it, expect } from 'vitest';
import { readDocxBytes } from '../src/docx-read/index.js';
import { importDocument } from '../src/import/index.js';
import { makeDocx, statePlan, p, r, tbl } from './docx-build.js';

const imp = (body: string, closing?: string) => importDocument(readDocxBytes(makeDocx({ body: statePlan({ body, ...(closing ? { closing } : {}) }) }), 't.docx')).plan as unknown as Record<string, any>;
const H = (t: string) => p(r(t, { b: true }), { jc: 'both' });
const closingWith = (...nn: string[]) => tbl([[[p(r('Nơi nhận:', { b: true, i: true })), ...nn], [p(r('GIÁM ĐỐC', { b: true })), p(r('Nguyễn Văn A', { b: true }))]]]);

describe('import of a .docx: what kehoach writes comes back', () => {
  it('a "Căn cứ" paragraph in the mở đầu\'s style is mo_dau; one in no role\'s style stays a căn cứ', () => {
    const a = imp(p('Căn cứ Kế hoạch số 1/KH-UBND, Sở xây dựng kế hoạch như sau:', { style: 'mo_dau' }) + H('I. MỤC ĐÍCH') + p('1. Nội dung.'));
    expect(a.mo_dau).toEqual(['Căn cứ Kế hoạch số 1/KH-UBND, Sở xây dựng kế hoạch như sau:']);
    expect(a.can_cu).toBeUndefined();
    const b = imp(p('Căn cứ Luật Thư viện năm 2019;', { style: 'Normal' }) + H('I. MỤC ĐÍCH') + p('1. Nội dung.'));
    expect(b.can_cu).toEqual(['Căn cứ Luật Thư viện năm 2019;']);
  });

  it('a marker typed on one section is that section\'s so; danh_so only when every section follows it', () => {
    const a = imp(H('I/ MỤC ĐÍCH') + p('1. A.') + H('II. NỘI DUNG') + p('1. B.') + H('III. TỔ CHỨC') + p('1. C.'));
    expect(a.danh_so).toBeUndefined();
    expect(a.noi_dung.map((s: { so?: string }) => s.so)).toEqual(['I/', undefined, undefined]);
    const b = imp(H('I/ MỤC ĐÍCH') + p('1/ A.') + H('II/ NỘI DUNG') + p('1/ B.'));
    expect(b.danh_so.slice(0, 2)).toEqual(['I/', '1/']);
    expect(b.noi_dung.map((s: { so?: string }) => s.so)).toEqual([undefined, undefined]);
  });

  it('the typist\'s initials keep their italics on the Lưu line; an office\'s own Lưu line stays word for word', () => {
    const a = imp(H('I. MỤC ĐÍCH') + p('1. A.'), closingWith(p('- UBND tỉnh;'), p([r('- Lưu: VT, VP. '), r('Cát', { i: true }), r('.')])));
    expect(a.noi_nhan).toEqual({ cac_noi: ['UBND tỉnh'], luu: ['VT', 'VP'], ky_hieu_nguoi_soan: '*Cát*', ky_hieu_cung_dong: true });
    const b = imp(H('I. MỤC ĐÍCH') + p('1. A.'), closingWith(p('- UBND tỉnh;'), p('- Lưu VP, CSPL.')));
    expect(b.noi_nhan).toEqual({ cac_noi: ['UBND tỉnh'], luu: 'Lưu VP, CSPL.' });
    // a line the family's Nơi nhận would not print so (no dash): closing.ts's reading, joined and marked as a guess
    const c = imp(H('I. MỤC ĐÍCH') + p('1. A.'), closingWith(p('- UBND tỉnh'), p('và các sở;'), p('- Lưu: VT.')));
    expect(c.noi_nhan.cac_noi).toEqual(['UBND tỉnh và các sở']);
  });

  it('"(1)- … (2)- …" after an unnumbered paragraph is its liet_ke; a lone "(1)-" stays text', () => {
    const a = imp(H('I. CHỈ TIÊU') + p('Phấn đấu đạt: (1)- 100% hoàn thành; (2)- 90% xuất sắc.'));
    expect(a.noi_dung[0].noi_dung).toEqual([{ doan: 'Phấn đấu đạt:', so: false, liet_ke: ['100% hoàn thành;', '90% xuất sắc.'] }]);
    const b = imp(H('I. CHỈ TIÊU') + p('Phấn đấu đạt: (1)- 100% hoàn thành.'));
    expect(b.noi_dung[0].noi_dung).toEqual(['Phấn đấu đạt: (1)- 100% hoàn thành.']);
  });

  it('a phase\'s theme in straight quotes: the phase with loi_dan and chu_de, and ngoac_kep', () => {
    const a = imp(H('I. CÁC ĐỢT') + p(['Đợt 1: Từ tháng 01/2020 đến 30/6/2020 Với chủ đề "', r('Mừng Đảng', { i: true }), '". Các hoạt động.']));
    expect(a.noi_dung[0].noi_dung).toEqual([{ dot: { ten: 'Đợt 1', tu: '2020-01', den: '2020-06-30', loi_dan: 'Với chủ đề', chu_de: 'Mừng Đảng', noi_dung: 'Các hoạt động.' } }]);
    expect(a.ngoac_kep).toBe('""');
  });

  it('task lines in an office\'s labels are nhiem_vu and trinh_bay.nhiem_vu; one such line stays a bullet', () => {
    // two tasks alike: the office's labels, order and upright labels once, as the plan's (body.ts liftTaskStyle)
    const task = (n: number, t: string, u: string) => p(`${n}. Tổ chức hội nghị ${n}.`) + p(`- Thời gian hoàn thành: ${t}`) + p(`- Đơn vị chủ trì: ${u}`);
    const a = imp(H('I. NHIỆM VỤ') + task(1, 'Tháng 3.', 'Sở Nội vụ.') + task(2, 'Tháng 4.', 'Sở Tài chính.'));
    expect(a.noi_dung[0].noi_dung).toEqual([
      { doan: 'Tổ chức hội nghị 1.', nhiem_vu: { thoi_gian: 'Tháng 3.', chu_tri: 'Sở Nội vụ.' } },
      { doan: 'Tổ chức hội nghị 2.', nhiem_vu: { thoi_gian: 'Tháng 4.', chu_tri: 'Sở Tài chính.' } },
    ]);
    expect(a.trinh_bay).toEqual({ nhiem_vu: { thu_tu: ['thoi_gian', 'chu_tri'], nhan: { thoi_gian: 'Thời gian hoàn thành', chu_tri: 'Đơn vị chủ trì' }, nghieng: false } });
    // one task: its lines with its own labels and order (one task is no house style)
    const one = imp(H('I. NHIỆM VỤ') + task(1, 'Tháng 3.', 'Sở Nội vụ.'));
    expect(one.noi_dung[0].noi_dung[0]).toEqual({ doan: 'Tổ chức hội nghị 1.', nhiem_vu: { thoi_gian: 'Tháng 3.', chu_tri: 'Sở Nội vụ.', nhan: { thoi_gian: 'Thời gian hoàn thành', chu_tri: 'Đơn vị chủ trì' }, thu_tu: ['thoi_gian', 'chu_tri'] } });
    expect(one.trinh_bay).toBeUndefined();
    const b = imp(H('I. NHIỆM VỤ') + p('1. Tổ chức hội nghị.') + p('- Thời gian hoàn thành: Tháng 3.'));
    expect(b.noi_dung[0].noi_dung[0].gach_dau_dong).toEqual(['Thời gian hoàn thành: Tháng 3.']);
    expect(b.trinh_bay).toBeUndefined();
  });

  it('a phase numbered like a heading comes back as dot with so; a run-in heading that names no phase stays one', () => {
    const a = imp(H('I. NỘI DUNG') + p([r('1. Giai đoạn chuẩn bị:', { b: true }), r(' Trong tháng 12/2025. Rà soát địa bàn.')]) + p([r('2. Giai đoạn cao điểm:', { b: true }), r(' Từ 01/01/2026 đến 15/3/2026. Bảo vệ.')]));
    expect(a.noi_dung[0].noi_dung).toEqual([
      { dot: { ten: 'Giai đoạn chuẩn bị', thoi_gian: 'Trong tháng 12/2025', noi_dung: 'Rà soát địa bàn.' }, so: true },
      { dot: { ten: 'Giai đoạn cao điểm', tu: '2026-01-01', den: '2026-03-15', noi_dung: 'Bảo vệ.' }, so: true },
    ]);
    const b = imp(H('I. NỘI DUNG') + p([r('1. Sở Y tế:', { b: true }), r(' Trong tháng 12/2025. Bố trí lực lượng.')]));
    expect(b.noi_dung[0].noi_dung[0]).toMatchObject({ tieu_de: 'Sở Y tế:', doan: 'Trong tháng 12/2025. Bố trí lực lượng.' });
  });

  it('a closing paragraph ending "." where the family writes "./." gives dau_ket "."; one ending "./." none', () => {
    expect(imp(H('I. MỤC ĐÍCH') + p('1. A.') + p('Trên đây là Kế hoạch của Sở.')).dau_ket).toBe('.');
    expect(imp(H('I. MỤC ĐÍCH') + p('1. A.') + p('Trên đây là Kế hoạch của Sở./.'))).not.toHaveProperty('dau_ket');
  });

  it('the reader gives a table\'s row heights (twips) and no heights when no row sets one', () => {
    const rows = '<w:tr><w:trPr><w:trHeight w:val="510" w:hRule="exact"/></w:trPr><w:tc><w:p/></w:tc></w:tr><w:tr><w:tc><w:p/></w:tc></w:tr>';
    const doc = readDocxBytes(makeDocx({ body: `<w:tbl><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid>${rows}</w:tbl>` + tbl([[[p('x')]]]) }), 't.docx');
    const [t1, t2] = doc.body.filter((b) => b.kind === 'tbl');
    expect(t1).toMatchObject({ heights: [510, undefined] });
    expect(t2).not.toHaveProperty('heights');
  });
});
