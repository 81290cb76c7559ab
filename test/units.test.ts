/** Small units: numbering patterns, the leading-zero date rule, positions, the generated types (plan and layout). */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePattern, formatNumber, roman, vnLetter } from '../src/form/numbering.js';
import { padDay, padMonth, shortDate } from '../src/normalise/dates.js';
import { loadPlanText, positionOf } from '../src/load.js';
import { isRealDate } from '../src/validate/schema.js';
import { textWidthTwips } from '../src/layout/measure.js';
import { ROOT } from './helpers.js';

describe('numbering patterns', () => {
  const f = (p: string, n: number, parent = '') => formatNumber(parsePattern(p)!, n, parent).label;
  it('forms used by the seeds and NĐ 30', () => {
    expect([f('I.', 4), f('I/', 1), f('I-', 2), f('1.', 3), f('1-', 2), f('a)', 5), f('A.', 3), f('1.1-', 2, '5'), f('(1)-', 3)]).toEqual(['IV.', 'I/', 'II-', '3.', '2-', 'đ)', 'C.', '5.2-', '(3)-']);
    expect(f('Phần {I}', 2)).toBe('Phần II');
    expect(f('-', 7)).toBe('-');
  });
  it('Vietnamese điểm letters skip f, j, w, z', () => {
    expect(Array.from({ length: 12 }, (_, i) => vnLetter(i + 1)).join('')).toBe('abcdđeghiklm');
  });
  it('roman numerals', () => expect([roman(9), roman(14), roman(40)]).toEqual(['IX', 'XIV', 'XL']));
  it('rejects text that is not a pattern', () => expect(parsePattern('Mục x')).toBeNull());
  it('an ASCII pattern is decided as by the Unicode classes (the fast path parsePattern takes for it)', () => {
    // The reference: the Unicode rule alone, as parsePattern had it before its ASCII path.
    const unicode = (p: string) => {
      const braced = /^(.*)\{(1\.1|I|1|a|A)\}(.*)$/u.exec(p);
      if (braced) return { prefix: braced[1], token: braced[2], suffix: braced[3] };
      const plain = /^([^\p{L}\p{N}]*)(1\.1|I|1|a|A)([^\p{L}\p{N}]*)$/u.exec(p);
      if (plain) return { prefix: plain[1], token: plain[2], suffix: plain[3] };
      return /[\p{L}\p{N}]/u.test(p) ? null : { prefix: p, token: null, suffix: '' };
    };
    const ascii = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
    const cases = [...ascii, ...ascii.flatMap((c) => [`${c}I`, `I${c}`, `(${c}1)`, `1.1${c}`, `a${c}`, `${c}A.`, `${c}{1}`, `{a}${c}`])];
    for (const p of [...cases, 'I.', '1.', 'a)', '1.1-', '(1)-', '-', '+', 'II.', 'Mục x', '', '²', 'ª)', 'Ⅳ.', '–', '1–', 'đ)']) expect(parsePattern(p), JSON.stringify(p)).toEqual(unicode(p));
  });
});

describe('dates (NĐ 30 PL I mục II.4)', () => {
  it('leading zero for days < 10 and months 1–2 only', () => {
    expect([padDay(5), padDay(14), padMonth(1), padMonth(2), padMonth(3), padMonth(12)]).toEqual(['05', '14', '01', '02', '3', '12']);
    expect([shortDate('2020-06-30'), shortDate('2020-07-01'), shortDate('2020-01')]).toEqual(['30/6/2020', '01/7/2020', 'tháng 01/2020']);
  });
  it('real calendar dates only', () => {
    expect([isRealDate('2024-02-29'), isRealDate('2023-02-29'), isRealDate('2024-02-30'), isRealDate('2024-04-31'), isRealDate('2024-13-01')]).toEqual([true, false, false, false, false]);
  });
});

describe('YAML positions', () => {
  const plan = loadPlanText('khoi: nha_nuoc\nnguoi_ky:\n  chuc_vu: GIÁM ĐỐC\n  ho_ten: A\nnoi_dung:\n  - a\n  - tieu_de: X\n    so: 3\n', 'p.yaml');
  it('maps data paths to line:col of the value, the key, or a child key', () => {
    expect(positionOf(plan, ['nguoi_ky', 'chuc_vu'])).toEqual({ line: 3, column: 12 });
    expect(positionOf(plan, ['noi_dung', 1, 'so'])).toEqual({ line: 8, column: 9 });
    expect(positionOf(plan, ['nguoi_ky'], { key: true })).toEqual({ line: 2, column: 1 });
    expect(positionOf(plan, ['noi_dung', 1], { childKey: 'so' })).toEqual({ line: 8, column: 5 });
    expect(positionOf(plan, ['missing', 'deeper'])).toEqual({ line: 1, column: 1 });
  });
});

describe('text metrics', () => {
  it('Tiêu ngữ at 14 pt bold is 60.46 mm (dependencies.md §2)', () => {
    expect((textWidthTwips('Độc lập - Tự do - Hạnh phúc', 14, true) * 25.4) / 1440).toBeCloseTo(60.46, 1);
  });
});

describe('generated types', () => {
  it('src/types/plan.ts is up to date with the schema (run npm run gen:types)', async () => {
    const { generate } = await import(join(ROOT, 'scripts', 'gen-types.mjs'));
    expect(await generate()).toBe(readFileSync(join(ROOT, 'src', 'types', 'plan.ts'), 'utf8'));
  });
  it('src/types/code-keys.ts is up to date with the schema (run npm run gen:types)', async () => {
    const { generateCodeKeys } = await import(join(ROOT, 'scripts', 'gen-types.mjs'));
    expect(generateCodeKeys()).toBe(readFileSync(join(ROOT, 'src', 'types', 'code-keys.ts'), 'utf8'));
  });
  it('the code keys: marked in the schema ("x-ma") or shaped as codes; texts are not among them', async () => {
    const { CODE_KEYS } = await import('../src/types/code-keys.js');
    // Marked: a numbering pattern, a path, a bullet sign, a hand-given number; shaped: enums, patterns, dates, numbers.
    for (const k of ['danh_so', 'danh_so_con', 'kieu_liet_ke', 'ke_thua', 'ky_hieu', 'so', 'khoi', 'quyen_han', 'ngay_ban_hanh', 'han', 'viet_tat_co_quan', 'so_ban', 'nhiem_ky']) expect(CODE_KEYS.has(k), k).toBe(true);
    for (const k of ['trich_yeu', 'tieu_de', 'doan', 'chuc_vu', 'ho_ten', 'noi', 'luu', 'thoi_gian', 'dong_trong', 'kem_theo', 'ten']) expect(CODE_KEYS.has(k), k).toBe(false);
  });
  it('src/types/layout.ts is up to date with the layout schema (run npm run gen:types)', async () => {
    const { generateLayout } = await import(join(ROOT, 'scripts', 'gen-types.mjs'));
    const text = await generateLayout();
    expect(text).toContain('export interface LayoutFile');
    expect(text).toBe(readFileSync(join(ROOT, 'src', 'types', 'layout.ts'), 'utf8'));
  });
});

describe('generated rule list', () => {
  it('README.md lists every rule (run npm run gen:rules-doc)', async () => {
    const { rulesTable, withTable } = await import(join(ROOT, 'scripts', 'gen-rules-doc.mjs'));
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(withTable(readme, await rulesTable())).toBe(readme);
    expect(readme).toContain('`chu-ky/kt-pho`');
  });
});
