/**
 * kehoach check: Word documents against the layout data of their family (templates/<khoi>/layout.yaml `kieu`
 * and `kiem_tra`). kehoach's own renders pass; the real plans' departures are found; each rule fails on a small
 * .docx made to break it; the CLI prints text, json and github like `validate`.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { readDocxBytes, readDocument, paragraphs } from '../src/docx-read/index.js';
import { importDocument } from '../src/import/index.js';
import { renderPlan } from '../src/index.js';
import { checkDocument, DOC_RULES } from '../src/check/index.js';
import { loadProfile, DEFAULT_TEMPLATES_DIR } from '../src/profile.js';
import { EXAMPLES, ROOT, CLI, renderExample } from './helpers.js';
import { makeDocx, statePlan, p, r, tbl } from './docx-build.js';

const REAL = join(ROOT, 'test', 'fixtures', 'realdocs');
const check = (bytes: Uint8Array) => checkDocument(readDocxBytes(bytes, 't.docx'), 't.docx');
const rules = (bytes: Uint8Array) => check(bytes).map((d) => d.rule);
const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });

describe('render and check read the same layout data', () => {
  for (const khoi of readdirSync(DEFAULT_TEMPLATES_DIR).filter((d) => !['common'].includes(d) && !d.includes('.'))) {
    it(`${khoi}: every rendered size lies in its co_cho_phep range, and every checked style exists`, () => {
      const prof = loadProfile(khoi);
      const kt = prof.kiem_tra;
      let ranged = 0;
      for (const [role, s] of Object.entries(prof.kieu)) {
        if (!s.co_cho_phep) continue;
        const [min, max] = s.co_cho_phep;
        ranged++;
        expect([role, s.co !== undefined && s.co >= min && s.co <= max]).toEqual([role, true]);
        if (s.dam_cho_phep) expect([role, s.dam_cho_phep.includes(!!s.dam)]).toEqual([role, true]);
      }
      expect(ranged).toBeGreaterThan(10);
      for (const role of kt.kieu_chu) expect(prof.kieu[role], role).toBeDefined();
      const mm = (v: number, [a, b]: [number, number]) => v >= a && v <= b;
      expect(mm(prof.trang.le_tren, kt.le.tren) && mm(prof.trang.le_duoi, kt.le.duoi) && mm(prof.trang.le_trai, kt.le.trai) && mm(prof.trang.le_phai, kt.le.phai)).toBe(true);
    });
  }
  it('each rule has an id, vi/en descriptions and a source', () => {
    for (const rule of DOC_RULES) expect(rule.id && rule.description.vi && rule.description.en && rule.source).toBeTruthy();
  });
});

describe("kehoach's own renders", () => {
  for (const ex of EXAMPLES) {
    it(`${ex}: no error`, async () => {
      expect(check(await renderExample(ex)).filter((d) => d.severity === 'error')).toEqual([]);
    }, 60_000);
  }
});

describe("kehoach's own renders of the new forms: no false error, and the checks still bite", () => {
  const ex = (prefix: string) => EXAMPLES.find((e) => e.startsWith(prefix))!;
  /** The render with one run of word/document.xml made 12 pt (w:sz 24): `text` is the run's whole text. */
  const small = (bytes: Uint8Array, text: string) => {
    const files = unzipSync(bytes);
    const xml = strFromU8(files['word/document.xml']);
    const run = `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
    expect(xml).toContain(run);
    return zipSync({ ...files, 'word/document.xml': strToU8(xml.replace(run, `<w:r><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`)) });
  };

  it('006 (joint plan): every issuer in ô 2 and every signature side by side is a component; a co-issuer\'s name in 12 pt is an error', async () => {
    const bytes = await renderExample(ex('006'));
    const imported = importDocument(readDocxBytes(bytes, 't.docx'));
    const roles = [...imported.notes.roles.values()];
    expect(roles.filter((r) => r === 'co_quan_ban_hanh')).toHaveLength(2);
    expect(roles.filter((r) => r === 'ho_ten')).toHaveLength(2);
    const d = check(small(bytes, 'Trần Minh Khoa')).find((x) => x.rule === 'co-chu/thanh-phan');
    expect(d?.message).toBe('họ tên người ký: cỡ chữ 12 pt, cần 13–14 pt');
  }, 60_000);

  it('008 (forms, footnotes, an appendix that goes on numbering): the forms are not the body, the body is still checked', async () => {
    const bytes = await renderExample(ex('008'));
    const doc = readDocxBytes(bytes, 't.docx');
    const roles = importDocument(doc).notes.roles;
    const roleOf = (text: string) => roles.get(paragraphs(doc).find((p) => p.text === text)!.index);
    expect([roleOf('Mẫu số 01/HNCT'), roleOf('BIÊN BẢN'), roleOf('Ghi chú:'), roleOf('THƯ KÝ')]).toEqual(['mau_so', 'mau_tieu_de', 'mau_ghi_chu_nhan', 'mau_ky_chuc_danh']);
    expect(check(bytes).map((x) => x.rule)).not.toContain('so-trang/vi-tri'); // page 1 has none; the appendix's pages go on
    const body = 'Thời gian: từ ngày 02/02/2026 đến ngày 06/02/2026.';
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
    const text = xml.includes(`<w:t xml:space="preserve">1. ${body}</w:t>`) ? `1. ${body}` : body;
    expect(check(small(bytes, text)).find((x) => x.rule === 'co-chu/thanh-phan')?.message).toBe('nội dung: cỡ chữ 12 pt, cần 13–14 pt');
  }, 60_000);

  it('the Đoàn (doan_thanh_nien): its own header passes its own ranges; a 13 pt agency name is an error', async () => {
    const yaml = ['khoi: doan_thanh_nien', 'co_quan_ban_hanh: BCH TỈNH GIA LAI', 'so_ky_hieu: { so: 12, viet_tat_co_quan: TĐTN-VP }', 'dia_danh: Gia Lai',
      'ngay_ban_hanh: 2026-03-26', 'trich_yeu: Tổ chức Tháng Thanh niên năm 2026', 'noi_dung: [Một đoạn văn.]',
      'noi_nhan: { cac_noi: [Trung ương Đoàn], luu: [VP] }', 'nguoi_ky: { thay_mat: BAN THƯỜNG VỤ, chuc_vu: BÍ THƯ, ho_ten: Lê Văn C }'].join('\n');
    const bytes = await renderPlan(yaml);
    expect(check(bytes).filter((d) => d.severity === 'error')).toEqual([]);
    const files = unzipSync(bytes);
    const xml = strFromU8(files['word/document.xml']).replace('<w:r><w:t xml:space="preserve">BCH TỈNH GIA LAI</w:t></w:r>', '<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">BCH TỈNH GIA LAI</w:t></w:r>');
    const d = check(zipSync({ ...files, 'word/document.xml': strToU8(xml) })).find((x) => x.rule === 'co-chu/thanh-phan');
    expect(d?.message).toBe('tên cơ quan ban hành: cỡ chữ 13 pt, cần 14 pt');
  }, 60_000);
});

describe('the real plans: departures of the realdocs README', () => {
  const run = (f: string) => checkDocument(readDocument(join(REAL, f)), f);
  it('Số in 14 pt (kh-kiem-tra, paragraph 4)', () => {
    const d = run('kh-kiem-tra-giam-sat-bau-cu-bac-cam-ranh-2025.docx').find((x) => x.rule === 'co-chu/thanh-phan' && x.line === 4);
    expect(d?.message).toBe('số, ký hiệu: cỡ chữ 14 pt, cần 13 pt');
    expect(d?.severity).toBe('error');
  });
  it('no rule under the trích yếu (all three)', () => {
    for (const f of readdirSync(REAL).filter((x) => x.endsWith('.docx'))) expect(run(f).some((x) => x.rule === 'duong-ke/thieu' && /trích yếu/.test(x.message)), f).toBe(true);
  });
  it('"Lưu: MTTQ" without VT, the plan rule noi-nhan/luu-vt at its paragraph', () => {
    const d = run('kh-tiep-cong-dan-bau-cu-luong-minh-2025.docx').find((x) => x.rule === 'noi-nhan/luu-vt');
    expect(d?.message).toMatch(/Lưu: MTTQ/);
    expect(d?.line).toBe(77); // paragraph 77 since the header's text box (21 paragraphs) is read
  });
  it('no page number in the header (the footer that held it did not survive the conversion)', () => {
    expect(run('kh-hiep-thuong-lan-hai-luong-minh-2026.docx').some((x) => x.rule === 'so-trang/vi-tri')).toBe(true);
  });
});

describe('each rule on a .docx made to break it', () => {
  it('a clean small plan passes', () => {
    expect(check(makeDocx({ body: statePlan() })).filter((d) => d.severity === 'error')).toEqual([]);
  });
  it('trang/kho-giay and trang/le: Letter paper, 10 mm margins', () => {
    const got = rules(makeDocx({ body: statePlan(), sect: '<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="567" w:bottom="567" w:left="567" w:right="567"/><w:titlePg/>' }));
    expect(got).toContain('trang/kho-giay');
    expect(got.filter((x) => x === 'trang/le')).toHaveLength(4);
  });
  it('phong-chu/times: an Arial run', () => {
    const body = p(r('I. MỤC ĐÍCH', { b: true })) + p(r('1. Khơi dậy phong trào.', { font: 'Arial' }));
    const d = check(makeDocx({ body: statePlan({ body }) })).filter((x) => x.rule === 'phong-chu/times');
    expect(d.map((x) => x.message)).toContain('phông "Arial" (ascii) trong "1. Khơi dậy phong trào.", cần Times New Roman');
  });
  it('co-chu/thanh-phan and kieu-chu/thanh-phan: a 12 pt body, an upright date line', () => {
    const header = [
      [[p(r('UBND TỈNH X', { sz: 13 })), p(r('SỞ Y', { b: true, sz: 13 })), p('', { border: true })], [p(r('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { b: true, sz: 13 })), p(r('Độc lập - Tự do - Hạnh phúc', { b: true })), p('', { border: true })]],
      [[p(r('Số: 12/KH-SY', { sz: 13 }))], [p('Phan Thiết, ngày 05 tháng 02 năm 2025')]],
    ];
    const body = p(r('I. MỤC ĐÍCH', { b: true })) + p(r('1. Một.', { sz: 12 }));
    const d = check(makeDocx({ body: statePlan({ header, body }) }));
    expect(d.find((x) => x.rule === 'co-chu/thanh-phan')?.message).toBe('nội dung: cỡ chữ 12 pt, cần 13–14 pt');
    expect(d.find((x) => x.rule === 'kieu-chu/thanh-phan')?.message).toBe('địa danh, ngày tháng: phải in nghiêng');
  });
  it('so-0/so-ngay: number, day and month without their leading zero', () => {
    const header = [
      [[p(r('UBND TỈNH X', { sz: 13 })), p(r('SỞ Y', { b: true, sz: 13 })), p('', { border: true })], [p(r('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { b: true, sz: 13 })), p(r('Độc lập - Tự do - Hạnh phúc', { b: true })), p('', { border: true })]],
      [[p(r('Số: 5/KH-SY', { sz: 13 }))], [p(r('Phan Thiết, ngày 5 tháng 2 năm 2025', { i: true }))]],
    ];
    const d = check(makeDocx({ body: statePlan({ header }) })).filter((x) => x.rule === 'so-0/so-ngay').map((x) => x.message);
    expect(d).toEqual(['số "5": số nhỏ hơn 10 ghi thêm số 0 ở trước (05)', 'ngày "5": số nhỏ hơn 10 ghi thêm số 0 ở trước (05)', 'tháng "2": số nhỏ hơn 10 ghi thêm số 0 ở trước (02)']);
  });
  it('duong-ke/thieu: no rule under the trích yếu', () => {
    const body = p(r('I. MỤC ĐÍCH', { b: true })) + p('1. Một.');
    const plain = statePlan({ body }).replace(p('', { border: true }) + body, body);
    expect(check(makeDocx({ body: plain })).find((x) => x.rule === 'duong-ke/thieu')?.message).toBe('không có đường kẻ dưới trích yếu');
  });
  it('so-trang/vi-tri: PAGE in the footer; PAGE on page 1', () => {
    const pageField = p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>');
    // In the footer only: the office's house style, read back as trinh_bay.so_trang: chan_trang and warned once by the
    // plan rule, as validate warns the plan that chose it (NĐ 30 PL I mục II.10); the layout rule does not repeat it.
    const footerOnly = check(makeDocx({ body: statePlan(), header: p(''), footer: pageField })).filter((x) => /so-trang/.test(x.rule));
    expect(footerOnly.map((x) => x.rule)).toEqual(['trinh-bay/so-trang']);
    expect(footerOnly[0].message).toMatch(/chân trang.*NĐ 30\/2020 Phụ lục I mục II\.10/);
    // In the header and the footer too: no choice to read, the layout rule finds the footer's
    const inFooter = check(makeDocx({ body: statePlan(), footer: pageField })).filter((x) => /so-trang/.test(x.rule));
    expect(inFooter.map((x) => x.rule)).toEqual(['so-trang/vi-tri']);
    expect(inFooter[0].message).toMatch(/chân trang/);
    const page1 = check(makeDocx({ body: statePlan(), sect: '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:bottom="1134" w:left="1701" w:right="850"/>' })).find((x) => x.rule === 'so-trang/vi-tri');
    expect(page1?.message).toMatch(/trang 1/);
  });
  it('thanh-phan/thieu: no Quốc hiệu, no Tiêu ngữ', () => {
    const header = [[[p(r('UBND TỈNH X', { sz: 13 })), p(r('SỞ Y', { b: true, sz: 13 }))], [p('')]], [[p(r('Số: 12/KH-SY', { sz: 13 }))], [p(r('X, ngày 05 tháng 02 năm 2025', { i: true }))]]];
    const d = check(makeDocx({ body: statePlan({ header }) })).filter((x) => x.rule === 'thanh-phan/thieu').map((x) => x.message);
    expect(d).toEqual(['không tìm thấy Quốc hiệu', 'không tìm thấy Tiêu ngữ']);
  });
  it('the plan rules run on the recognised plan (chu-ky/kt-pho at the signature paragraph)', () => {
    const closing = tbl([[[p(r('Nơi nhận:', { b: true, i: true, sz: 12 })), p(r('- Lưu: VT, VP.', { sz: 11 }))], [p(r('KT. GIÁM ĐỐC', { b: true })), p(r('TRƯỞNG PHÒNG', { b: true })), p(r('Lê C', { b: true }))]]]);
    const d = check(makeDocx({ body: statePlan({ closing }) })).find((x) => x.rule === 'chu-ky/kt-pho');
    expect(d?.severity).toBe('error');
  });
});

describe('kehoach check (CLI)', () => {
  const real = join(REAL, 'kh-tiep-cong-dan-bau-cu-luong-minh-2025.docx');
  it('exit 0 on a render of kehoach, text summary on stderr', async () => {
    const d = mkdtempSync(join(tmpdir(), 'kehoach-check-'));
    writeFileSync(join(d, 'a.docx'), await renderExample(EXAMPLES[1]));
    const res = cli(['check', join(d, 'a.docx')]);
    expect(res.status).toBe(0);
    expect(res.stderr).toMatch(/1 tệp: 0 lỗi, 0 cảnh báo/);
  }, 60_000);
  it('--format json: an array of {file, line, column, severity, rule, message}; exit 1 with errors', () => {
    const res = cli(['check', real, '--format', 'json']);
    expect(res.status).toBe(1);
    const arr = JSON.parse(res.stdout) as { file: string; line: number; rule: string }[];
    expect(arr.find((x) => x.rule === 'noi-nhan/luu-vt')).toMatchObject({ file: real, line: 77, column: 1, severity: 'warning' });
  }, 60_000);
  it('--format github: workflow annotations', () => {
    const res = cli(['check', real, '--format', 'github']);
    expect(res.stdout).toMatch(/^::warning file=.*kh-tiep-cong-dan-bau-cu-luong-minh-2025\.docx,line=77,col=1,title=noi-nhan\/luu-vt::/m);
  }, 60_000);
  it('an unreadable file is one error diagnostic; --lang en', () => {
    const d = mkdtempSync(join(tmpdir(), 'kehoach-check-'));
    writeFileSync(join(d, 'x.docx'), 'not a zip');
    const res = cli(['--lang', 'en', 'check', join(d, 'x.docx'), '--format', 'json']);
    expect(res.status).toBe(1);
    expect(JSON.parse(res.stdout)).toEqual([{ file: join(d, 'x.docx'), line: 1, column: 1, severity: 'error', rule: 'docx/doc', message: 'not a .docx file (not a Word ZIP package)' }]);
  }, 60_000);
});
