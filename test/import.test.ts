/**
 * kehoach import: Word documents (and the seeds' text form) → the plan YAML that renders them. Each recognised
 * element on a small .docx made for the test; the five examples and the real plans end to end; bad input refused.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, readdirSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { zipSync, strToU8 } from 'fflate';
import { readDocxBytes, readDocument, readText } from '../src/docx-read/index.js';
import { importDocument, importToYaml } from '../src/import/index.js';
import { renderPlan } from '../src/index.js';
import { roundTrip, docxText } from '../src/import/roundtrip.js';
import { EXAMPLES, ROOT, CLI, SEEDS_DIR, renderExample, docxParagraphs, docxParts, words, lcs } from './helpers.js';
import { makeDocx, statePlan, p, r, tbl } from './docx-build.js';

const imp = (bytes: Uint8Array) => importDocument(readDocxBytes(bytes, 't.docx'));
const recallOf = (src: string, out: string) => { const a = words(src); return lcs(a, words(out)) / a.length; };
const tmp = () => mkdtempSync(join(tmpdir(), 'kehoach-import-'));
const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });

describe('round trip of the five examples (render → import → render)', () => {
  for (const ex of EXAMPLES) {
    it(`${ex}: recall ≥ 0.995, valid, same family`, async () => {
      const bytes = await renderExample(ex);
      const r1 = imp(bytes);
      const rt = await roundTrip(importToYaml(r1), r1.sourceText);
      expect(rt.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const source = docxParagraphs(bytes).join('\n');
      const again = docxParagraphs(rt.bytes!).join('\n');
      expect(recallOf(source, again)).toBeGreaterThanOrEqual(0.995);
      expect(r1.plan.khoi).toBe(parse(readFileSync(join(ROOT, 'examples', ex), 'utf8')).khoi);
    }, 60_000);
  }
});

describe('seeds as .txt imports', () => {
  // What each seed's text does not give (test/fixtures/seeds/README.md: the header survived in 000 and 004 only, and
  // there without its agency line): import leaves "…" there, an error of import/chua-dien, and nothing else is wrong.
  const NO_HEADER = ['co_quan_ban_hanh', 'dia_danh', 'so_ky_hieu.viet_tat_co_quan'];
  const UNFILLED: Record<string, string[]> = { '000': ['co_quan_ban_hanh'], '001': NO_HEADER, '002': NO_HEADER, '003': NO_HEADER, '004': ['co_quan_ban_hanh'] };
  for (const f of readdirSync(SEEDS_DIR).filter((x) => x.endsWith('.txt'))) {
    it(`${f}: valid but for what the seed lacks (import/chua-dien), recall ≥ 0.99 against the seed text, the example's family`, async () => {
      const text = readFileSync(join(SEEDS_DIR, f), 'utf8');
      const r1 = importDocument(readText(text));
      const ex = EXAMPLES.find((e) => e.startsWith(f.slice(0, 3)))!;
      const example = parse(readFileSync(join(ROOT, 'examples', ex), 'utf8'));
      expect(r1.plan.khoi).toBe(example.khoi);
      const rt = await roundTrip(importToYaml(r1), text);
      const errors = rt.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.every((d) => d.rule === 'import/chua-dien'), JSON.stringify(errors)).toBe(true);
      expect(errors.map((d) => d.path!.join('.')).sort()).toEqual(UNFILLED[f.slice(0, 3)] ?? []);
      expect(rt.recall!.ratio).toBeGreaterThanOrEqual(0.99);
      // The issue year, read or guessed from the text's own dates, is the example's.
      expect(String(r1.plan.ngay_ban_hanh).slice(0, 4)).toBe(String(example.ngay_ban_hanh).slice(0, 4));
    }, 60_000);
  }
});

describe('what the new examples carry, read back (006 joint plan, 008 footnotes and forms, the Đoàn)', () => {
  const example = (prefix: string) => parse(readFileSync(join(ROOT, 'examples', EXAMPLES.find((e) => e.startsWith(prefix))!), 'utf8'));
  const seed = (prefix: string) => readFileSync(join(SEEDS_DIR, readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix + '_'))!), 'utf8');
  /**
   * Plan values in one spelling: numbers as text (a cell written 1970 reads back "1970"), `{ doan: x }` and
   * `{ chuc_danh: x }` as x, the default "(ký, ghi rõ họ tên)" left out; row heights (cao_dong) are not in the model.
   */
  const asText = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(asText);
    if (typeof v === 'number') return String(v);
    if (!v || typeof v !== 'object') return v;
    const o = Object.fromEntries(Object.entries(v).filter(([k, x]) => k !== 'cao_dong' && !(k === 'ghi_chu' && x === '(ký, ghi rõ họ tên)')));
    const keys = Object.keys(o);
    if (keys.length === 1 && ['doan', 'chuc_danh'].includes(keys[0]) && typeof o[keys[0]] === 'string') return o[keys[0]];
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, asText(x)]));
  };

  it('006: the issuers stacked in ô 2 and the signatures side by side become the lead issuer and lien_tich', async () => {
    const ex = example('006');
    for (const r1 of [imp(await renderExample(EXAMPLES.find((e) => e.startsWith('006'))!)), importDocument(readText(seed('006')))]) {
      expect(r1.plan).toMatchObject({ co_quan_chu_quan: ex.co_quan_chu_quan, co_quan_ban_hanh: ex.co_quan_ban_hanh, so_ky_hieu: { so: 5, viet_tat_co_quan: 'SNV' } });
      expect(r1.plan.nguoi_ky).toEqual(ex.nguoi_ky);
      expect(r1.plan.lien_tich).toEqual(ex.lien_tich);
      expect(r1.plan.ket_thuc).toEqual(ex.ket_thuc); // the signatures are no longer read as a table of the body
    }
    // Plain text has no weights: which lines are the issuers is a guess, and the YAML says so.
    expect(importToYaml(importDocument(readText(seed('006'))))).toMatch(/# đoán: văn bản liên tịch của 2 cơ quan, tên từng cơ quan tách từ các dòng của ô 2/);
  }, 60_000);

  it('008: footnotes as chu_thich with [^n] at their place, the annexed forms as phu_luc[].mau', async () => {
    const ex = example('008');
    const r1 = imp(await renderExample(EXAMPLES.find((e) => e.startsWith('008'))!));
    expect(r1.plan.can_cu).toEqual(['Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân[^1];', 'Căn cứ Nghị quyết liên tịch hướng dẫn quy trình hiệp thương, giới thiệu người ứng cử[^2];']);
    expect(Object.values(r1.plan.chu_thich!)).toEqual(Object.values(ex.chu_thich));
    const pl = r1.plan.phu_luc![0];
    expect(pl).toMatchObject({ so: false, tieu_de: ex.phu_luc[0].tieu_de });
    expect(pl).not.toHaveProperty('noi_dung');
    expect(asText(pl.mau)).toEqual(asText(ex.phu_luc[0].mau));
    // From text: the same forms, fill lines and tables kept as paragraphs (said in a comment).
    const t = importDocument(readText(seed('008')));
    expect((t.plan.phu_luc![0].mau ?? []).map((m) => [m.mau_so, m.tieu_de, m.phu_de])).toEqual(ex.phu_luc[0].mau.map((m: { mau_so: string; tieu_de: string; phu_de: string }) => [m.mau_so, m.tieu_de, m.phu_de]));
    expect(importToYaml(t)).toMatch(/# văn bản nguồn là chữ thuần: dòng để điền và bảng của mẫu giữ như đoạn văn/);
    // issue 20 item 2 from text too: no date line under form 04's header, its notes with the lead and the "(*)" mark
    // (a "(*)" is text, not an italic mark left open that would join the lines after it)
    const m4 = (t.plan.phu_luc![0].mau ?? [])[3] as unknown as { dau_mau: unknown; noi_dung: unknown[] };
    expect(m4.dau_mau).toEqual({ co_quan: ['ỦY BAN MTTQ XÃ AN PHÚ', 'BAN CÔNG TÁC MẶT TRẬN', 'THÔN (1)……'], dia_danh_ngay: false });
    expect(m4.noi_dung.at(-1)).toEqual(ex.phu_luc[0].mau[3].noi_dung.at(-1));
  }, 60_000);

  it('008: the appendix\'s default "(Kèm theo …)" line comes back as no kem_theo; a plan\'s own wording stays literal', async () => {
    const file = EXAMPLES.find((e) => e.startsWith('008'))!;
    const text = readFileSync(join(ROOT, 'examples', file), 'utf8');
    const source = await renderExample(file);
    expect(docxParagraphs(source).some((t) => /^\(Kèm theo Kế hoạch số .+ ngày .+\)$/u.test(t))).toBe(true);
    const r1 = imp(source);
    expect(r1.plan.phu_luc!.length).toBeGreaterThan(0);
    for (const pl of r1.plan.phu_luc!) expect(pl).not.toHaveProperty('kem_theo');
    expect(importToYaml(r1)).not.toMatch(/kem_theo/);
    // The same plan with its own wording on the appendix: render → import keeps it, word for word.
    const own = '(Kèm theo Kế hoạch số 06/KH-BTTUBMTTQVN ngày 01/3/2026 của Ban Thường trực)';
    const plan = parse(text);
    plan.phu_luc[0].kem_theo = own;
    const r2 = imp(await renderPlan(JSON.stringify(plan)));
    expect(r2.plan.phu_luc![0].kem_theo).toBe(own);
    // No "(Kèm theo …)" line at all (kem_theo: false): none comes back, and none is printed again.
    plan.phu_luc[0].kem_theo = false;
    const bytes = await renderPlan(JSON.stringify(plan));
    const r3 = imp(bytes);
    expect(r3.plan.phu_luc![0].kem_theo).toBe(false);
    const again = await renderPlan(JSON.stringify(r3.plan), { force: true });
    expect(docxParagraphs(again).filter((t) => /^\(Kèm theo/u.test(t)).length).toBe(docxParagraphs(bytes).filter((t) => /^\(Kèm theo/u.test(t)).length);
  }, 60_000);

  it('the Đoàn (doan_thanh_nien): its own header read back, same family, recall ≥ 0.995', async () => {
    const yaml = ['khoi: doan_thanh_nien', 'co_quan_ban_hanh: BCH TỈNH GIA LAI', 'so_ky_hieu: { so: 12, viet_tat_co_quan: TĐTN-VP }', 'dia_danh: Gia Lai',
      'ngay_ban_hanh: 2026-03-26', 'trich_yeu: Tổ chức Tháng Thanh niên năm 2026', 'noi_dung:', '  - tieu_de: MỤC ĐÍCH, YÊU CẦU', '    noi_dung: [{ doan: "Phát huy vai trò xung kích của đoàn viên, thanh niên." }]',
      'noi_nhan: { cac_noi: [Trung ương Đoàn, Thường trực Tỉnh ủy], luu: [VP] }', 'nguoi_ky: { thay_mat: BAN THƯỜNG VỤ, chuc_vu: BÍ THƯ, ho_ten: Lê Văn C }'].join('\n');
    const bytes = await renderPlan(yaml);
    const r1 = imp(bytes);
    expect(r1.plan).toMatchObject({ khoi: 'doan_thanh_nien', co_quan_ban_hanh: 'BCH TỈNH GIA LAI', so_ky_hieu: { so: 12, viet_tat_co_quan: 'TĐTN-VP' }, nguoi_ky: { thay_mat: 'BAN THƯỜNG VỤ', chuc_vu: 'BÍ THƯ', ho_ten: 'Lê Văn C' } });
    const rt = await roundTrip(importToYaml(r1), r1.sourceText);
    expect(rt.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(recallOf(docxParagraphs(bytes).join('\n'), docxParagraphs(rt.bytes!).join('\n'))).toBeGreaterThanOrEqual(0.995);
  }, 60_000);
});

describe('real plans made in Word (test/fixtures/realdocs)', () => {
  const dir = join(ROOT, 'test', 'fixtures', 'realdocs');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.docx'))) {
    it(`${f}: validates, renders, recall ≥ 0.97; MTTQ → the Front's family (mat_tran)`, async () => {
      const r1 = importDocument(readDocument(join(dir, f)));
      const rt = await roundTrip(importToYaml(r1), r1.sourceText);
      expect(rt.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(rt.recall!.ratio).toBeGreaterThanOrEqual(0.97);
      expect(r1.plan.khoi).toBe('mat_tran');
      expect(r1.plan.nguoi_ky).toMatchObject({ thay_mat: 'BAN THƯỜNG TRỰC', chuc_vu: 'CHỦ TỊCH' });
    }, 60_000);
  }
  it('the header of kh-kiem-tra: agencies, draft number, date with a blank day', () => {
    const r1 = importDocument(readDocument(join(dir, 'kh-kiem-tra-giam-sat-bau-cu-bac-cam-ranh-2025.docx')));
    expect(r1.plan.co_quan_ban_hanh).toBe('BAN THƯỜNG TRỰC');
    expect(r1.plan.so_ky_hieu).toEqual({ so: null, viet_tat_co_quan: 'MTTQ-BTT' });
    expect(r1.plan.ngay_ban_hanh).toBe('2025-11'); // the draft's month is kept (issue 19)
    expect(r1.plan.khoi).toBe('mat_tran');
    expect(importToYaml(r1)).not.toMatch(/# đoán: văn bản nguồn không có phần đầu/); // the header says it: no guess
    expect(importToYaml(r1)).toMatch(/# dự thảo: văn bản nguồn để trống ngày, ghi tháng 11/);
  });
  it('kh-tiep-cong-dan keeps its header in a text box (LibreOffice\'s form of Word\'s frames): read whole, no placeholder', () => {
    const r1 = importDocument(readDocument(join(dir, 'kh-tiep-cong-dan-bau-cu-luong-minh-2025.docx')));
    expect(r1.plan).toMatchObject({
      khoi: 'mat_tran', co_quan_chu_quan: ['ỦY BAN MTTQ VIỆT NAM', 'XÃ LƯƠNG MINH'], co_quan_ban_hanh: 'BAN THƯỜNG TRỰC',
      so_ky_hieu: { so: null, viet_tat_co_quan: 'MTTQ-BTT' }, dia_danh: 'Lương Minh', ngay_ban_hanh: '2025-12-10',
    });
    const y = importToYaml(r1);
    expect(y).not.toMatch(/CƠ QUAN BAN HÀNH|viet_tat_co_quan: XX|Địa danh|văn bản nguồn không có phần đầu/);
    expect(y).not.toMatch(/năm lớn nhất/);
  });
});

describe('each recognised element', () => {
  it('header table: chủ quản, ban hành, Số, date; title; closing table', () => {
    const r1 = imp(makeDocx({ body: statePlan() }));
    expect(r1.plan).toMatchObject({
      khoi: 'nha_nuoc', co_quan_chu_quan: 'UBND TỈNH BÌNH THUẬN', co_quan_ban_hanh: 'SỞ VĂN HÓA',
      so_ky_hieu: { so: 12, viet_tat_co_quan: 'SVH' }, dia_danh: 'Phan Thiết', ngay_ban_hanh: '2025-02-05',
      trich_yeu: 'Tổ chức ngày hội đọc sách năm 2025',
      noi_nhan: { cac_noi: ['UBND tỉnh'], luu: ['VT', 'VP'] }, nguoi_ky: { chuc_vu: 'GIÁM ĐỐC', ho_ten: 'Nguyễn Văn A' },
    });
    expect(r1.plan.noi_dung).toEqual([{ tieu_de: 'MỤC ĐÍCH', noi_dung: [{ doan: 'Khơi dậy phong trào đọc sách.' }] }]);
  });

  it('header typed with tabs (no table), manual line breaks and empty paragraphs', () => {
    const header = p(['UBND TỈNH BÌNH THUẬN\t\t', r('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { b: true })]) + p([r('SỞ VĂN HÓA', { b: true }), '\t\t', r('Độc lập - Tự do - Hạnh phúc', { b: true })])
      + p('') + p(['Số: 3/KH-SVH\t\t', r('Phan Thiết, ngày 5 tháng 2 năm 2025', { i: true })]) + p('') + p('');
    const body = header + p(r('KẾ HOẠCH', { b: true }), { jc: 'center' }) + p(r('Trích yếu', { b: true }), { jc: 'center' })
      + p(r('I. NỘI DUNG', { b: true })) + p('- Dòng một\ntiếp theo sau ngắt dòng.') + p('')
      + p([r('Nơi nhận:', { b: true, i: true }), '\t\t', r('GIÁM ĐỐC', { b: true })]) + p('- Lưu: VT.') + p(r('Trần B', { b: true }), { jc: 'right' });
    const r1 = imp(makeDocx({ body }));
    expect(r1.plan).toMatchObject({ co_quan_chu_quan: 'UBND TỈNH BÌNH THUẬN', co_quan_ban_hanh: 'SỞ VĂN HÓA', so_ky_hieu: { so: 3 }, ngay_ban_hanh: '2025-02-05' });
    expect(r1.plan.noi_dung).toEqual([{ tieu_de: 'NỘI DUNG', gach_dau_dong: ['Dòng một\ntiếp theo sau ngắt dòng.'] }]);
    expect(r1.plan.nguoi_ky).toEqual({ chuc_vu: 'GIÁM ĐỐC', ho_ten: 'Trần B' });
  });

  it('family: the Party line → dang (Party Số form), LĐLĐ → cong_doan, MTTQ → mat_tran, the Đoàn → doan_thanh_nien', () => {
    const party = statePlan({ header: [
      [[p('TỈNH ỦY BÌNH THUẬN'), p(r('BAN DÂN VẬN', { b: true })), p('*')], [p(r('ĐẢNG CỘNG SẢN VIỆT NAM', { b: true }))]],
      [[p('Số 34-KH/BDVTU')], [p(r('Phan Thiết, ngày 05 tháng 02 năm 2025', { i: true }))]],
    ] });
    const rp = imp(makeDocx({ body: party }));
    expect(rp.plan.khoi).toBe('dang');
    expect(rp.plan.so_ky_hieu).toEqual({ so: 34, viet_tat_co_quan: 'BDVTU' });
    const union = statePlan({ header: [[[p('TỔNG LĐLĐ VIỆT NAM'), p(r('LĐLĐ TỈNH BÌNH THUẬN', { b: true }))], [p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')]], [[p('Số: 02/KH-LĐLĐ')], [p('Bình Thuận, ngày 20 tháng 7 năm 2018')]]] });
    expect(imp(makeDocx({ body: union })).plan.khoi).toBe('cong_doan');
    const front = statePlan({ header: [[[p('ỦY BAN MTTQ VIỆT NAM'), p(r('BAN THƯỜNG TRỰC', { b: true }))], [p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')]], [[p('Số:      /KH-MTTQ-BTT')], [p('Lương Minh, ngày    tháng 01 năm 2026')]]] });
    const rf = imp(makeDocx({ body: front }));
    expect(rf.plan.khoi).toBe('mat_tran');
    expect(importToYaml(rf)).not.toMatch(/# .*khoi|# đoán/); // read off the header: nothing guessed
    expect(rf.plan.so_ky_hieu.so).toBeNull();
    // The Đoàn: its title opposite the agency and the Party's Số form "12-KH/TĐTN-VP" (not the Party's family).
    const youth = statePlan({ header: [
      [[p(r('BCH TỈNH GIA LAI', { b: true })), p('***')], [p(r('ĐOÀN TNCS HỒ CHÍ MINH', { b: true, u: true }))]],
      [[p('Số: 12-KH/TĐTN-VP')], [p(r('Gia Lai, ngày 26 tháng 3 năm 2026', { i: true }))]],
    ] });
    const ry = imp(makeDocx({ body: youth }));
    expect(ry.plan.khoi).toBe('doan_thanh_nien');
    expect(ry.plan).toMatchObject({ co_quan_ban_hanh: 'BCH TỈNH GIA LAI', so_ky_hieu: { so: 12, viet_tat_co_quan: 'TĐTN-VP' } });
    expect(ry.plan).not.toHaveProperty('co_quan_chu_quan'); // neither the title nor "***" is an agency line
    expect([...ry.notes.roles.values()]).toContain('tieu_de_doan');
  });

  it('căn cứ and opening paragraphs; closing paragraph (ket_thuc)', () => {
    const body = p(r('Căn cứ Luật Thư viện năm 2019;', { i: true })) + p('Sở xây dựng kế hoạch như sau:') + p(r('I. MỤC ĐÍCH', { b: true })) + p('1. Một.') + p('Trên đây là Kế hoạch của Sở./.');
    const r1 = imp(makeDocx({ body: statePlan({ body }) }));
    expect(r1.plan.can_cu).toEqual(['Căn cứ Luật Thư viện năm 2019;']);
    expect(r1.plan.mo_dau).toEqual(['Sở xây dựng kế hoạch như sau:']);
    expect(r1.plan.ket_thuc).toEqual(['Trên đây là Kế hoạch của Sở./.']);
  });

  it('numbering styles I/ 1- a) (1)- into the tree, danh_so where they differ from the family', () => {
    const body = p(r('I/ MỤC ĐÍCH', { b: true })) + p('1- Một.') + p('a) Ý a.') + p('b) Ý b.') + p('2- Hai.') + p(r('II/ NỘI DUNG', { b: true })) + p('1- Ba.');
    const r1 = imp(makeDocx({ body: statePlan({ body }) }));
    expect(r1.plan.danh_so).toEqual(['I/', '1-', 'a)']);
    expect(r1.plan.noi_dung).toEqual([
      { tieu_de: 'MỤC ĐÍCH', noi_dung: [{ doan: 'Một.', noi_dung: [{ doan: 'Ý a.' }, { doan: 'Ý b.' }] }, { doan: 'Hai.' }] },
      { tieu_de: 'NỘI DUNG', noi_dung: [{ doan: 'Ba.' }] },
    ]);
    expect(importToYaml(r1)).toMatch(/# đánh số theo văn bản nguồn/);
  });

  it("Word's automatic numbering (numbering.xml) reads as typed numbers", () => {
    const numbering = '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
    const body = p(r('MỤC ĐÍCH', { b: true }), { num: [1, 0] }) + p('Một.', { num: [1, 1] }) + p('Hai.', { num: [1, 1] }) + p(r('NỘI DUNG', { b: true }), { num: [1, 0] }) + p('Ba.', { num: [1, 1] });
    const r1 = imp(makeDocx({ body: statePlan({ body }), numbering }));
    expect(r1.plan.danh_so).toBeUndefined();
    expect(r1.plan.noi_dung).toEqual([
      { tieu_de: 'MỤC ĐÍCH', noi_dung: [{ doan: 'Một.' }, { doan: 'Hai.' }] },
      { tieu_de: 'NỘI DUNG', noi_dung: [{ doan: 'Ba.' }] },
    ]);
  });

  it('bold and italic runs become **…** and *…*; bullets and sub-bullets; task lines; a table', () => {
    const body = p(r('I. NỘI DUNG', { b: true })) + p(['1. Tổ chức ', r('hội thi', { b: true }), ' và ', r('triển lãm', { i: true }), '.'])
      + p(['- ', r('Chủ trì:', { i: true }), ' Thư viện tỉnh.']) + p(['- ', r('Thời gian thực hiện:', { i: true }), ' Quý II.'])
      + p('2. Tuyên truyền.') + p('- Trên báo.') + p('+ Báo in.') + p('- Trên đài.')
      + tbl([[[p('TT')], [p('Việc')]], [[p('1')], [p('Trưng bày')]]]);
    const r1 = imp(makeDocx({ body: statePlan({ body }) }));
    expect(r1.plan.noi_dung).toEqual([{ tieu_de: 'NỘI DUNG', noi_dung: [
      { doan: 'Tổ chức **hội thi** và *triển lãm*.', nhiem_vu: { chu_tri: 'Thư viện tỉnh.', thoi_gian: 'Quý II.' } },
      { doan: 'Tuyên truyền.', gach_dau_dong: [{ doan: 'Trên báo.', gach_dau_dong: ['Báo in.'] }, 'Trên đài.'], noi_dung: [{ bang: { cot: ['TT', 'Việc'], dong: [['1', 'Trưng bày']] } }] },
    ] }]);
  });

  it('phase lines in kehoach\'s form become dot (dates in order), others stay text', () => {
    const body = p(r('I. NỘI DUNG', { b: true })) + p('Đợt 1: Từ tháng 01/2025 đến 30/6/2025 với chủ đề “Thi đua lập thành tích”.')
      + p('Đợt 2: Từ 01/7/2025 đến 31/12/2025 Tổng kết.') + p('Đợt 3: Từ 01/01/2025 đến 31/01/2025 quay lui.');
    const r1 = imp(makeDocx({ body: statePlan({ body }) }));
    expect(r1.plan.noi_dung).toEqual([{ tieu_de: 'NỘI DUNG', noi_dung: [
      { dot: { ten: 'Đợt 1', tu: '2025-01', den: '2025-06-30', loi_dan: 'với chủ đề', chu_de: 'Thi đua lập thành tích' } },
      { dot: { ten: 'Đợt 2', tu: '2025-07-01', den: '2025-12-31', noi_dung: 'Tổng kết.' } },
      'Đợt 3: Từ 01/01/2025 đến 31/01/2025 quay lui.',
    ] }]);
  });

  it('Nơi nhận with groups, Lưu and the typist on the same line; signature with KT.', () => {
    const closing = tbl([[[p(r('Nơi nhận:', { b: true, i: true })), p('- UBND tỉnh;'), p('- Các phòng'), p('thuộc Sở;'), p('- Lưu: VT, VP. Trâm.')],
      [p(r('KT. GIÁM ĐỐC', { b: true })), p(r('PHÓ GIÁM ĐỐC', { b: true })), p(''), p(r('Lê Văn C', { b: true }))]]]);
    const r1 = imp(makeDocx({ body: statePlan({ closing }) }));
    expect(r1.plan.noi_nhan).toEqual({ cac_noi: ['UBND tỉnh', 'Các phòng thuộc Sở'], luu: ['VT', 'VP'], ky_hieu_nguoi_soan: 'Trâm', ky_hieu_cung_dong: true });
    expect(r1.plan.nguoi_ky).toEqual({ quyen_han: 'KT', thu_truong: 'GIÁM ĐỐC', chuc_vu: 'PHÓ GIÁM ĐỐC', ho_ten: 'Lê Văn C' });
    expect(importToYaml(r1)).toMatch(/# nối dòng tiếp theo vào nơi nhận này/);
  });

  it('appendices after the signature; text it cannot place stays, commented and reported', () => {
    // The first "(Kèm theo …)" is what kehoach prints by default for this plan (Số 12/KH-SVH, 05/02/2025): left out;
    // the second is the plan's own wording: kept literal.
    const after = p('Ghi chú lạc chỗ sau chữ ký.') + p(r('Phụ lục I', { b: true }), { jc: 'center' }) + p(r('DANH SÁCH ĐƠN VỊ', { b: true }), { jc: 'center' })
      + p(r('(Kèm theo Kế hoạch số  12/KH-SVH ngày 05/02/2025)', { i: true }), { jc: 'center' }) + p('1. Thư viện tỉnh.')
      + p(r('Phụ lục II', { b: true }), { jc: 'center' }) + p(r('LỊCH TRÌNH', { b: true }), { jc: 'center' })
      + p(r('(Kèm theo Kế hoạch số 12/KH-SVH ngày 05/02/2025 của Sở Văn hóa)', { i: true }), { jc: 'center' }) + p('1. Tháng Tư.');
    const r1 = imp(makeDocx({ body: statePlan() + after }));
    expect(r1.plan.phu_luc).toEqual([
      { so: 'I', tieu_de: 'DANH SÁCH ĐƠN VỊ', noi_dung: [{ doan: 'Thư viện tỉnh.' }] },
      { so: 'II', tieu_de: 'LỊCH TRÌNH', kem_theo: '(Kèm theo Kế hoạch số 12/KH-SVH ngày 05/02/2025 của Sở Văn hóa)', noi_dung: [{ doan: 'Tháng Tư.' }] },
    ]);
    expect(r1.plan.ket_thuc).toEqual(['Ghi chú lạc chỗ sau chữ ký.']);
    expect(r1.warnings.join('\n')).toMatch(/không xếp được.*Ghi chú lạc chỗ/);
    expect(importToYaml(r1)).toMatch(/# không xếp được \(đoạn \d+\)/);
  });

  it('footnotes become chu_thich: [^n] where the reference stands; in a text read without its runs, at its end (commented)', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const note = (id: number, t: string) => `<w:footnote w:id="${id}"><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:footnote>`;
    const fn = `<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>${note(1, 'Theo Quyết định số 9/QĐ-UBND.')}${note(2, 'Nay là Phó Giám đốc thường trực.')}</w:footnotes>`;
    const body = p(r('I. MỤC ĐÍCH', { b: true })) + p(['1. Khơi dậy phong trào', '<w:r><w:footnoteReference w:id="1"/></w:r>', '.']);
    const closing = tbl([[[p(r('Nơi nhận:', { b: true, i: true })), p('- UBND tỉnh;'), p('- Lưu: VT, VP.')], [p(r('GIÁM ĐỐC', { b: true })), p([r('Lê Văn C', { b: true }), '<w:r><w:footnoteReference w:id="2"/></w:r>'])]]]);
    const r1 = imp(makeDocx({ body: statePlan({ body, closing }), extra: { 'word/footnotes.xml': fn } }));
    expect(r1.plan.noi_dung).toEqual([{ tieu_de: 'MỤC ĐÍCH', noi_dung: [{ doan: 'Khơi dậy phong trào[^1].' }] }]);
    expect(r1.plan.nguoi_ky.ho_ten).toBe('Lê Văn C[^2]');
    expect(r1.plan.chu_thich).toEqual({ 1: 'Theo Quyết định số 9/QĐ-UBND.', 2: 'Nay là Phó Giám đốc thường trực.' });
    expect(importToYaml(r1)).toMatch(/# chú thích \[\^2\]: vị trí dấu chú thích đoán/);
    expect(r1.warnings).toEqual([]);
    const rt = await roundTrip(importToYaml(r1), r1.sourceText);
    expect(rt.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const notes = docxParts(rt.bytes!)['word/footnotes.xml'];
    expect(notes).toMatch(/Theo Quyết định số 9\/QĐ-UBND\./);
    expect(notes).toMatch(/Nay là Phó Giám đốc thường trực\./);
  }, 60_000);

  it('style inheritance, theme fonts and direct formatting resolve per run', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const styles = `<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>`
      + '<w:style w:type="paragraph" w:styleId="Base"><w:rPr><w:sz w:val="26"/><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Child"><w:basedOn w:val="Base"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:i/></w:rPr></w:style></w:styles>';
    const theme = '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements><a:fontScheme><a:majorFont><a:latin typeface="Cambria"/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>';
    const doc = readDocxBytes(makeDocx({ body: p(['a', r('b', { b: false, sz: 14 })], { style: 'Child' }), styles, extra: { 'word/theme/theme1.xml': theme } }), 't');
    const para = doc.body[0];
    if (para.kind !== 'p') throw new Error('paragraph expected');
    expect(para.align).toBe('center');
    expect(para.runs[0].format).toMatchObject({ size: 26, bold: true, italic: true, fonts: { ascii: 'Calibri', hAnsi: 'Calibri' } });
    expect(para.runs[1].format).toMatchObject({ size: 28, italic: true });
  });

  it('a hand-made Word document (LibreOffice from HTML: Word lists, tabs for the header and closing, <br>, empty paragraphs)', async () => {
    const r1 = importDocument(readDocument(join(ROOT, 'test', 'fixtures', 'word', 'ubnd-word-habits.docx')));
    expect(r1.plan).toMatchObject({ co_quan_chu_quan: 'UBND HUYỆN HÀM THUẬN BẮC', co_quan_ban_hanh: 'PHÒNG VĂN HÓA VÀ THÔNG TIN', so_ky_hieu: { so: 7, viet_tat_co_quan: 'VHTT' }, ngay_ban_hanh: '2025-02-03' });
    expect(r1.plan.can_cu).toEqual(['Căn cứ Kế hoạch số 15/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân huyện;']);
    expect(r1.plan.nguoi_ky).toEqual({ quyen_han: 'KT', thu_truong: 'TRƯỞNG PHÒNG', chuc_vu: 'PHÓ TRƯỞNG PHÒNG', ho_ten: 'Nguyễn Văn An' });
    expect((r1.plan.noi_dung[0] as { noi_dung: unknown[] }).noi_dung).toEqual([{ doan: 'Tuyên truyền sâu rộng ý nghĩa **95 năm** Ngày thành lập Đảng.' }, { doan: 'Tổ chức các hoạt động *vui tươi, lành mạnh, tiết kiệm*.' }]);
    const rt = await roundTrip(importToYaml(r1), r1.sourceText);
    expect(rt.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(rt.recall!.ratio).toBeGreaterThanOrEqual(0.93);
  }, 60_000);
});

describe('kehoach import (CLI)', () => {
  it('writes the YAML and prints the round-trip figure', () => {
    const d = tmp();
    const src = join(d, 'kh.docx');
    writeFileSync(src, makeDocx({ body: statePlan() }));
    const res = cli(['import', src]);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/khớp chữ khi kết xuất lại: 100\.0% \(\d+\/\d+ từ/);
    // kh.yaml would render as kh.docx, the source: the plan is named kh.kehoach.yaml (issue 19)
    expect(parse(readFileSync(join(d, 'kh.kehoach.yaml'), 'utf8')).trich_yeu).toBe('Tổ chức ngày hội đọc sách năm 2025');
    expect(cli(['import', src]).status).toBe(2);
  }, 60_000);

  it('the recogniser emits no YAML; the command writes importToYaml of its result, comments included', () => {
    const d = tmp();
    const src = join(d, 'kh.txt');
    writeFileSync(src, readFileSync(join(SEEDS_DIR, readdirSync(SEEDS_DIR).find((f) => f.startsWith('006_'))!)));
    expect(cli(['import', src]).status).toBe(0);
    const r = importDocument(readDocument(src));
    expect(r).not.toHaveProperty('yaml');
    const written = readFileSync(join(d, 'kh.yaml'), 'utf8');
    expect(written).toMatch(/^# Nhập bằng "kehoach import" từ kh\.txt/m);
    expect(written).toMatch(/# đoán: văn bản liên tịch/);
    // the schema line names the package's editor schema by a relative path (no URL: issue 21)
    const ref = /^# yaml-language-server: \$schema=(\S+)$/m.exec(written)![1];
    expect(ref).toMatch(/^\.\.?\/.*schemas\/ke-hoach\.editor\.schema\.json$/);
    expect(existsSync(join(d, ref))).toBe(true);
    expect(importToYaml(r, 'kh.txt', ref)).toBe(written);
  }, 60_000);

  const bad: [string, (f: string) => void, RegExp][] = [
    ['not a ZIP', (f) => writeFileSync(f, 'just text, not a package'), /không phải tệp \.docx/],
    ['a ZIP without word/document.xml', (f) => writeFileSync(f, zipSync({ 'a.txt': strToU8('x') })), /không có phần văn bản chính/],
    ['a 200 MB file (sparse: never read)', (f) => { const fd = openSync(f, 'w'); ftruncateSync(fd, 200 * 1024 * 1024); closeSync(fd); }, /tệp quá lớn/],
    ['a .docx with macros', (f) => writeFileSync(f, makeDocx({ body: statePlan(), extra: { 'word/vbaProject.bin': new Uint8Array([1, 2, 3]) } })), /có macro/],
    ['a Word 97 file named .docx', (f) => writeFileSync(f, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), /Word 97–2003/],
  ];
  for (const [name, make, message] of bad) {
    it(`${name}: clear message, exit 1, nothing written`, () => {
      const d = tmp();
      const f = join(d, 'bad.docx');
      make(f);
      const res = cli(['import', f, '-o', join(d, 'out.yaml')]);
      expect(res.status).toBe(1);
      expect(res.stderr).toMatch(message);
      expect(res.stderr).not.toMatch(/at .*\.js:\d+/);
      expect(existsSync(join(d, 'out.yaml'))).toBe(false);
    }, 60_000);
  }

  it('.doc through LibreOffice; a clear message when LibreOffice is missing', () => {
    const d = tmp();
    const conv = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${d}/lo`, '--convert-to', 'doc', '--outdir', d, join(ROOT, 'test', 'fixtures', 'word', 'ubnd-word-habits.docx')], { encoding: 'utf8', timeout: 180_000 });
    if (conv.error) return; // no LibreOffice here: the missing-soffice case below still runs
    const doc = join(d, 'ubnd-word-habits.doc');
    const res = cli(['import', doc, '-o', join(d, 'out.yaml')]);
    expect(res.status).toBe(0);
    expect(parse(readFileSync(join(d, 'out.yaml'), 'utf8')).co_quan_ban_hanh).toBe('PHÒNG VĂN HÓA VÀ THÔNG TIN');
    const noSoffice = spawnSync(process.execPath, [CLI, 'import', doc, '-o', join(d, 'x.yaml')], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, PATH: '/nonexistent' } });
    expect(noSoffice.status).toBe(1);
    expect(noSoffice.stderr).toMatch(/cần LibreOffice \(lệnh soffice\)/);
    expect(existsSync(join(d, 'x.yaml'))).toBe(false);
  }, 300_000);

  it('an unknown extension is refused (usage)', () => {
    const d = tmp();
    writeFileSync(join(d, 'a.pdf'), 'x');
    const res = cli(['import', join(d, 'a.pdf')]);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/chỉ đọc được \.docx/);
  }, 60_000);
});

describe('text of a render', () => {
  it('docxText reads the rendered paragraphs', async () => {
    expect(docxText(await renderExample(EXAMPLES[1]))).toMatch(/KẾ HOẠCH/);
  }, 60_000);
});

describe('run-in headings read back as tieu_de + doan (issue 19)', () => {
  const plan = (items: string[]) => ['khoi: nha_nuoc', 'co_quan_chu_quan: UBND TỈNH GIA LAI', 'co_quan_ban_hanh: CÔNG AN TỈNH', 'so_ky_hieu: { so: 5, viet_tat_co_quan: CAT }',
    'dia_danh: Gia Lai', 'ngay_ban_hanh: 2026-01-05', 'trich_yeu: Bảo đảm an ninh bầu cử', 'noi_dung:', ...items, 'ket_thuc: Trên đây là Kế hoạch của Công an tỉnh.',
    'noi_nhan: { cac_noi: [UBND tỉnh], luu: [VT] }', 'nguoi_ky: { chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn A }'].join('\n');
  const body = [
    "  - tieu_de: 'Mục đích:'",
    '    doan: Bảo đảm an ninh, trật tự.',
    '    noi_dung:',
    "      - tieu_de: 'Công an tỉnh:'",
    '        doan: Chủ trì, *phối hợp* với các đơn vị.',
    '        noi_dung:',
    "          - tieu_de: 'Nắm tình hình:'",
    '            doan: Tập trung nắm chắc tình hình.',
    "          - tieu_de: 'Bảo vệ mục tiêu'",
    '            kieu_tieu_de: dam',
    '            doan: bố trí lực lượng bảo vệ.',
    "      - tieu_de: 'Sở Y tế:'",
    '        kieu_tieu_de: dam_nghieng',
    '        doan: Bố trí lực lượng y tế.',
    '      - doan: Một đoạn đánh số thường, có **chữ đậm** ở giữa.',
  ];
  const runIns = (items: unknown[] | undefined): unknown[] => (items ?? []).flatMap((it) => (it && typeof it === 'object'
    ? [{ ...Object.fromEntries(Object.entries(it).filter(([k]) => ['tieu_de', 'doan', 'kieu_tieu_de'].includes(k))) }, ...runIns((it as { noi_dung?: unknown[] }).noi_dung)] : []));

  it('levels 1–3, a label in its own style (kieu_tieu_de), inline markup of the text: render → import gives them back', async () => {
    const yaml = plan(body);
    const r1 = imp(await renderPlan(yaml));
    expect(runIns(r1.plan.noi_dung as unknown[])).toEqual(runIns(parse(yaml).noi_dung));
    // and the import renders the same body again
    const rt = await roundTrip(importToYaml(r1), r1.sourceText);
    expect(rt.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(imp(rt.bytes!).plan.noi_dung).toEqual(r1.plan.noi_dung);
  }, 60_000);

  it('Word habits: a bold label after an upright typed number stays a paragraph with its markup; an upright ":" goes with the label', () => {
    const r1 = imp(makeDocx({ body: statePlan({ body: p(r('I. NỘI DUNG', { b: true }), { jc: 'both' })
      + p(['1. ', r('Công an tỉnh:', { b: true }), ' Chủ trì.'], { jc: 'both' })
      + p([r('2. Sở Y tế', { b: true }), ': Bố trí lực lượng.'], { jc: 'both' })
      + p([r('3. Ghi chú', { i: true }), ' một đoạn mở đầu bằng chữ nghiêng.'], { jc: 'both' }) }) }));
    expect(r1.plan.noi_dung).toEqual([{ tieu_de: 'NỘI DUNG', noi_dung: [
      { doan: '**Công an tỉnh:** Chủ trì.' },
      { tieu_de: 'Sở Y tế:', doan: 'Bố trí lực lượng.' },
      { doan: '*Ghi chú* một đoạn mở đầu bằng chữ nghiêng.' },
    ] }]);
  });

  it('plain text has no weights: a numbered line stays as today', () => {
    const r1 = importDocument(readText('KẾ HOẠCH\nBảo đảm an ninh\nI. NỘI DUNG\n1. Công an tỉnh: Chủ trì, phối hợp với các đơn vị liên quan bảo đảm an ninh.\n'));
    expect(JSON.stringify(r1.plan.noi_dung)).not.toMatch(/"tieu_de":"Công an tỉnh:"/);
  });
});
