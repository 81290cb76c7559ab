/**
 * A value import could not find is never a plausible placeholder that passes (issue 19 item 2): each kind of missing
 * value planted in a made text plan comes out as "…" at its place, an error of the rule import/chua-dien in validate
 * (and so in render) and in check, until it is filled; `import` says so and exits 1. A year is guessed only from the
 * dates the text gives.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { readText, readDocxBytes } from '../src/docx-read/index.js';
import { importDocument, importToYaml } from '../src/import/index.js';
import { checkPlanText } from '../src/index.js';
import { checkDocument } from '../src/check/index.js';
import { CLI } from './helpers.js';
import { makeDocx, statePlan, p, r, tbl } from './docx-build.js';

const HEADER = ['UBND TỈNH BÌNH THUẬN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ NỘI VỤ', 'Độc lập - Tự do - Hạnh phúc', 'Số: 12/KH-SNV', 'Bình Thuận, ngày 05 tháng 3 năm 2025'];
const TITLE = ['KẾ HOẠCH', 'Tổ chức phong trào thi đua năm 2025'];
const BODY = ['I. MỤC ĐÍCH, YÊU CẦU', '1. Phát huy tinh thần thi đua.', 'II. TỔ CHỨC THỰC HIỆN', '1. Các phòng triển khai thực hiện./.'];
const CLOSING = ['Nơi nhận:', '- UBND tỉnh;', '- Lưu: VT, VP.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn An'];
const without = (xs: string[], ...drop: string[]) => xs.filter((x) => !drop.includes(x));
const text = (o: { header?: string[]; title?: string[]; body?: string[]; closing?: string[] } = {}) =>
  [...(o.header ?? HEADER), ...(o.title ?? TITLE), ...(o.body ?? BODY), ...(o.closing ?? CLOSING)].join('\n');

/** The paths validate reports as import/chua-dien on the imported YAML, and whether any other error is reported. */
function unfilled(source: string): { plan: Record<string, unknown>; paths: string[]; others: string[] } {
  const r = importDocument(readText(source));
  const ds = checkPlanText(importToYaml(r), { file: 'kh.yaml' }).diagnostics.filter((d) => d.severity === 'error');
  return {
    plan: r.plan as unknown as Record<string, unknown>,
    paths: ds.filter((d) => d.rule === 'import/chua-dien').map((d) => d.path!.join('.')).sort(),
    others: ds.filter((d) => d.rule !== 'import/chua-dien').map((d) => `${d.rule} ${d.message}`),
  };
}

describe('each kind of missing value is "…" and an error of import/chua-dien', () => {
  const cases: [string, string, string[]][] = [
    ['nothing missing', text(), []],
    ['the agency', text({ header: without(HEADER, 'UBND TỈNH BÌNH THUẬN', 'SỞ NỘI VỤ') }), ['co_quan_ban_hanh']],
    ['the Số line', text({ header: without(HEADER, 'Số: 12/KH-SNV') }), ['so_ky_hieu.viet_tat_co_quan']],
    ['the place and the date, and no date in the text', text({ header: without(HEADER, 'Bình Thuận, ngày 05 tháng 3 năm 2025') }), ['dia_danh', 'ngay_ban_hanh']],
    ['the trích yếu', text({ title: ['KẾ HOẠCH'] }), ['trich_yeu']],
    ['the signer\'s name', text({ closing: without(CLOSING, 'Nguyễn Văn An') }), ['nguoi_ky.ho_ten']],
    ['the signer\'s title', text({ closing: without(CLOSING, 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC') }), ['nguoi_ky.chuc_vu']],
    ['the recipients', text({ closing: without(CLOSING, '- UBND tỉnh;') }), ['noi_nhan.cac_noi.0']],
    ['the Lưu line', text({ closing: without(CLOSING, '- Lưu: VT, VP.') }), ['noi_nhan.luu.0']],
    ['the whole closing', text({ closing: [] }), ['noi_nhan.cac_noi.0', 'noi_nhan.luu.0', 'nguoi_ky.chuc_vu', 'nguoi_ky.ho_ten'].sort()],
  ];
  it.each(cases)('%s', (_what, source, want) => {
    const u = unfilled(source);
    expect(u.paths).toEqual(want);
    expect(u.others).toEqual([]);
    for (const p of want) expect(p.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], u.plan)).toBe('…');
  });

  it('no date line: the year of the latest date the text gives, a guess, never a year from elsewhere', () => {
    const body = ['I. MỤC ĐÍCH', '1. Chuẩn bị cho nhiệm kỳ 2026 – 2031.', 'II. TỔ CHỨC THỰC HIỆN', '1. Báo cáo trước ngày 30/11/2024, tổng kết trước ngày 15/01/2025./.'];
    const u = unfilled(text({ header: without(HEADER, 'Bình Thuận, ngày 05 tháng 3 năm 2025'), body }));
    expect(u.plan.ngay_ban_hanh).toBe('2025');
    expect(u.paths).toEqual(['dia_danh']);
    expect(importToYaml(importDocument(readText(text({ header: without(HEADER, 'Bình Thuận, ngày 05 tháng 3 năm 2025'), body })))))
      .toContain('# đoán: văn bản nguồn không có dòng địa danh, ngày; lấy năm của ngày muộn nhất văn bản nhắc đến (15/01/2025): điền ngày ban hành\nngay_ban_hanh: "2025"');
  });
});

describe('the commands: import says so and exits 1, validate and render refuse, check reports it', () => {
  it('import → exit 1 naming the values; validate and render exit 1 (no .docx); filled in, both pass', () => {
    const d = mkdtempSync(join(tmpdir(), 'kehoach-chua-dien-'));
    writeFileSync(join(d, 'kh.txt'), text({ header: without(HEADER, 'UBND TỈNH BÌNH THUẬN', 'SỞ NỘI VỤ', 'Số: 12/KH-SNV') }));
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000, cwd: d });
    const imp = run('import', 'kh.txt', '-o', 'kh.yaml');
    expect(imp.status, imp.stderr).toBe(1);
    expect(imp.stderr).toMatch(/kh\.yaml:\d+:\d+ +error +co_quan_ban_hanh chưa điền: .*\[import\/chua-dien\]/);
    expect(imp.stderr).toMatch(/so_ky_hieu\.viet_tat_co_quan chưa điền/);
    expect(imp.stderr).toMatch(/kehoach: 2 giá trị văn bản nguồn không có, để là "…" trong kh\.yaml/);
    expect(imp.stdout).toMatch(/cấu trúc khi kết xuất lại rồi nhập lại/); // the figure is still given
    const val = run('validate', 'kh.yaml');
    expect(val.status).toBe(1);
    expect(val.stdout + val.stderr).toMatch(/\[import\/chua-dien\]/);
    const ren = run('render', 'kh.yaml', '-o', 'kh.docx');
    expect(ren.status).toBe(1);
    expect(existsSync(join(d, 'kh.docx'))).toBe(false);
    const filled = readFileSync(join(d, 'kh.yaml'), 'utf8').replace('co_quan_ban_hanh: …', 'co_quan_ban_hanh: SỞ NỘI VỤ').replace('viet_tat_co_quan: …', 'viet_tat_co_quan: SNV');
    writeFileSync(join(d, 'kh.yaml'), filled);
    expect(run('validate', 'kh.yaml').status).toBe(0);
    expect(run('render', 'kh.yaml', '-o', 'kh.docx').status).toBe(0);
  }, 180_000);

  it('check on a Word document without its header reports what is missing as import/chua-dien', () => {
    // statePlan's document with its header table left out: the title block, the body and the closing table.
    const body = p(r('KẾ HOẠCH', { b: true }), { jc: 'center' }) + p(r('Tổ chức ngày hội đọc sách năm 2025', { b: true }), { jc: 'center' })
      + p(r('I. MỤC ĐÍCH', { b: true }), { jc: 'both' }) + p('1. Khơi dậy phong trào đọc sách.', { jc: 'both' })
      + tbl([[[p(r('Nơi nhận:', { b: true, i: true })), p('- UBND tỉnh;'), p('- Lưu: VT, VP.')], [p(r('GIÁM ĐỐC', { b: true })), p(r('Nguyễn Văn A', { b: true }))]]]);
    const bytes = makeDocx({ body });
    const ds = checkDocument(readDocxBytes(bytes, 't.docx'), 't.docx').filter((x) => x.rule === 'import/chua-dien');
    expect(ds.every((x) => x.severity === 'error')).toBe(true);
    // (no date anywhere in it: "năm 2025" alone is not one, so no year is guessed)
    expect(ds.map((x) => x.message.split(' ')[0]).sort()).toEqual(['co_quan_ban_hanh', 'dia_danh', 'ngay_ban_hanh', 'so_ky_hieu.viet_tat_co_quan']);
    // The same document with its header: nothing to fill.
    expect(checkDocument(readDocxBytes(makeDocx({ body: statePlan() }), 't.docx'), 't.docx').filter((x) => x.rule === 'import/chua-dien')).toEqual([]);
  });
});
