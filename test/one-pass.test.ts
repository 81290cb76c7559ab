/**
 * Every problem in one pass (issue 8): the rules of the standard run on every valid part of a plan even when the
 * schema refuses another part; diagnostics carry the data path of their value (issue 9); messages that misled.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePlan } from '../src/index.js';
import { ROOT } from './helpers.js';

const MINIMAL = readFileSync(join(ROOT, 'test', 'fixtures', 'minimal.yaml'), 'utf8');
const edit = (...pairs: [string, string][]) => pairs.reduce((t, [a, b]) => {
  if (!t.includes(a)) throw new Error(`not found: ${a}`);
  return t.replace(a, b);
}, MINIMAL);
const show = (ds: { line: number; column: number; rule: string; message: string }[]) => ds.map((d) => `${d.line}:${d.column} [${d.rule}] ${d.message}`).join('\n');

describe('one pass', () => {
  it('reports a schema error and a rule finding elsewhere in the same run', () => {
    // dia_danh has the wrong type (schema); the Lưu line breaks a rule of the standard (noi-nhan/luu).
    const ds = validatePlan(edit(['dia_danh: Bình Thuận', 'dia_danh: [Bình Thuận]'], ['luu: [VT, VP]', 'luu: VT, VP']));
    expect(ds.map((d) => d.rule), show(ds)).toEqual(expect.arrayContaining(['schema/type', 'noi-nhan/luu']));
  });
  it('reports a structure issue alongside a schema error', () => {
    const ds = validatePlan(edit(['dia_danh: Bình Thuận', 'dia_danh: [Bình Thuận]'], ['  quyen_han: KT\n  thu_truong: GIÁM ĐỐC\n', '  quyen_han: KT\n']));
    expect(ds.map((d) => d.rule), show(ds)).toEqual(expect.arrayContaining(['schema/type', 'plan/signature-head']));
  });
  it('does not report a rule finding about a value the schema refused (no echo)', () => {
    const ds = validatePlan(edit(['ngay_ban_hanh: 2025-03-05', 'ngay_ban_hanh: 05/03/2025']));
    expect(ds.map((d) => d.rule), show(ds)).toEqual(['schema/date']);
  });
  it('never throws on a plan the schema refuses', () => {
    for (const t of [edit(['noi_nhan:\n', 'noi_nhan_x:\n']), edit(['noi_dung:\n', 'noi_dung: 5\nx:\n']), edit(['khoi: nha_nuoc', 'khoi: 7'])]) {
      expect(() => validatePlan(t)).not.toThrow();
    }
  });
});

describe('data paths', () => {
  it('schema, structure and rule diagnostics carry the data path of their value', () => {
    const ds = validatePlan(edit(['dia_danh: Bình Thuận', 'dia_danh: [Bình Thuận]'], ['    - UBND tỉnh\n', '    - UBND tỉnh;\n'], ['  quyen_han: KT\n  thu_truong: GIÁM ĐỐC\n', '  quyen_han: KT\n']));
    const byRule = Object.fromEntries(ds.map((d) => [d.rule, d.path]));
    expect(byRule['schema/type']).toEqual(['dia_danh']);
    expect(byRule['noi-nhan/gach-dau']).toEqual(['noi_nhan', 'cac_noi', 0]);
    expect(byRule['plan/signature-head']).toEqual(['nguoi_ky', 'quyen_han']);
  });
});

describe('messages that misled', () => {
  it('a date written 20/8/2026 is reported once, with the ISO form to write', () => {
    const ds = validatePlan(edit(['ngay_ban_hanh: 2025-03-05', 'ngay_ban_hanh: 20/8/2026']));
    expect(ds.length, show(ds)).toBe(1);
    expect(ds[0].hint).toContain('Có phải ý bạn là 2026-08-20?');
    expect(ds[0].message).not.toMatch(/có thật/);
  });
  it('so_ky_hieu written as "199/KH-UBND" names the keys it needs, with an example', () => {
    const ds = validatePlan(edit(['so_ky_hieu:\n  so: 12\n  viet_tat_co_quan: SNV\n', 'so_ky_hieu: 199/KH-UBND\n']));
    expect(ds.length, show(ds)).toBe(1);
    expect(ds[0].hint).toContain('viet_tat_co_quan');
    expect(ds[0].hint).toContain('so_ky_hieu: { so: 199, loai_van_ban: KH, viet_tat_co_quan: UBND }');
  });
  it('an unquoted colon in a Nơi nhận line gives one message: quote the line', () => {
    const ds = validatePlan(edit(['    - UBND tỉnh\n', '    - Sở Nội vụ: để biết\n']));
    expect(ds.length, show(ds)).toBe(1);
    expect(ds[0]).toMatchObject({ rule: 'schema/colon-in-text', line: 25, column: 7 });
    expect(ds[0].message).toContain('ngoặc kép');
    expect(ds[0].hint).toContain('"Sở Nội vụ: để biết"');
  });
  it.each([
    ['luu without its colon', ['luu: [VT, VP]', 'luu [VT, VP]'], 'yaml/missing-colon', 27, 6],
    ['dia_danh without its colon', ['dia_danh: Bình Thuận', 'dia_danh Bình Thuận'], 'yaml/missing-colon', 9, 9],
    ['key:value at the end of a map', ['  viet_tat_co_quan: SNV', '  viet_tat_co_quan:SNV'], 'yaml/colon-space', 8, 20],
    ['key:value in a task', ['          chu_tri: Văn phòng Sở.', '          chu_tri:Văn phòng Sở.'], 'yaml/colon-space', 20, 19],
  ] as [string, [string, string], string, number, number][])('%s is reported at the slip, in its own words', (_l, pair, rule, line, column) => {
    const ds = validatePlan(edit(pair));
    expect(ds.map((d) => ({ rule: d.rule, line: d.line, column: d.column })), show(ds)).toEqual([{ rule, line, column }]);
    expect(ds[0].message).not.toMatch(/không được đóng|thụt lề/);
  });
  it('a comma inside {…} that splits a value says so, not "unknown key"', () => {
    const ds = validatePlan(edit(['nguoi_ky:\n  quyen_han: KT\n  thu_truong: GIÁM ĐỐC\n  chuc_vu: PHÓ GIÁM ĐỐC\n  ho_ten: Nguyễn Văn An', 'nguoi_ky: {quyen_han: KT, thu_truong: GIÁM ĐỐC, chuc_vu: PHÓ GIÁM ĐỐC, THƯỜNG TRỰC, ho_ten: Nguyễn Văn An}']));
    expect(ds.map((d) => d.rule), show(ds)).toEqual(['schema/comma-in-braces']);
    expect(ds[0].message).toContain('ngoặc kép');
  });
  it('a key named like an Object.prototype member never crashes validate', () => {
    for (const k of ['toString', 'valueOf', 'constructor', 'hasOwnProperty', 'toLocaleString']) {
      const ds = validatePlan(edit(['khoi: nha_nuoc', `khoi:\n  ${k}: x`]));
      expect(ds.some((d) => d.severity === 'error'), k).toBe(true);
    }
  });
});

describe('register groups by issuer', () => {
  it('two communes that both number KH-UBND are not duplicates; the same commune twice is', async () => {
    const { loadPlanText, sourceOf } = await import('../src/load.js');
    const { registerEntry, checkRegister } = await import('../src/batch/register.js');
    const { loadProfile } = await import('../src/profile.js');
    const plan = (xa: string, file: string) => registerEntry(sourceOf(loadPlanText(edit(
      ['co_quan_chu_quan: UBND TỈNH BÌNH THUẬN', 'co_quan_chu_quan: UBND HUYỆN TUY PHONG'],
      ['co_quan_ban_hanh: SỞ NỘI VỤ', `co_quan_ban_hanh: UBND XÃ ${xa}`],
      ['viet_tat_co_quan: SNV', 'viet_tat_co_quan: UBND'],
    ), file)), loadProfile('nha_nuoc'));
    expect(checkRegister([plan('PHƯỚC THỂ', 'a.yaml'), plan('VĨNH TÂN', 'b.yaml')])).toEqual([]);
    expect(checkRegister([plan('PHƯỚC THỂ', 'a.yaml'), plan('PHƯỚC THỂ', 'c.yaml')]).map((d) => d.rule)).toEqual(['register/trung']);
  });
});
