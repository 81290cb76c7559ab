/**
 * src/form/dates.ts: the one reader of dates (validate's formats and messages, fix, import, render), every form it
 * reads, dates that do not exist (dayjs in strict mode), leap years, and the leading-zero rule of the date line.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDate, readPlaceDateLine, isoFor, isRealDate, isPlanDate, dateFieldFormat, DATE_FORMATS, FORMATS, padDay, padMonth } from '../src/form/dates.js';
import { ROOT } from './helpers.js';
import { importDocument, importToYaml } from '../src/import/index.js';
import { readText } from '../src/docx-read/index.js';

const iso = (s: string) => { const r = readDate(s); return r.ok ? [r.iso, r.form, r.precision] : [r.reason]; };

describe('readDate: the forms', () => {
  it('ISO, and the partial YYYY-MM and YYYY', () => {
    expect(iso('2025-02-05')).toEqual(['2025-02-05', 'iso', 'day']);
    expect(iso('2025-12')).toEqual(['2025-12', 'iso', 'month']);
    expect(iso('2025')).toEqual(['2025', 'iso', 'year']);
    expect(iso('  2025-02-05 ')).toEqual(['2025-02-05', 'iso', 'day']);
    expect(readDate('2025-02-05')).toMatchObject({ ok: true, y: 2025, m: 2, d: 5, written: { y: '2025', m: '02', d: '05' } });
  });

  it('ISO with a leading zero missing: read, the plan form named', () => {
    expect(iso('2026-12-7')).toEqual(['2026-12-07', 'iso-unpadded', 'day']);
    expect(iso('2026-3-15')).toEqual(['2026-03-15', 'iso-unpadded', 'day']);
    expect(iso('2026-3')).toEqual(['2026-03', 'iso-unpadded', 'month']);
  });

  it('d/m/yyyy with "/", "." or "-", one or two digits', () => {
    expect(iso('30/6/2027')).toEqual(['2027-06-30', 'dmy', 'day']);
    expect(iso('05/02/2025')).toEqual(['2025-02-05', 'dmy', 'day']);
    expect(iso('5/2/2025')).toEqual(['2025-02-05', 'dmy', 'day']);
    expect(iso('05/2/2025')).toEqual(['2025-02-05', 'dmy', 'day']);
    expect(iso('30.06.2025')).toEqual(['2025-06-30', 'dmy', 'day']);
    expect(iso('30-6-2025')).toEqual(['2025-06-30', 'dmy', 'day']);
  });

  it('the date line of NĐ 30/2020 Phụ lục I mục II.4, also a draft\'s with blanks', () => {
    expect(iso('ngày 05 tháng 02 năm 2025')).toEqual(['2025-02-05', 'date-line', 'day']);
    expect(iso('ngày 5 tháng 3 năm 2025')).toEqual(['2025-03-05', 'date-line', 'day']);
    expect(iso('Ngày 20 tháng 12 năm 2025.')).toEqual(['2025-12-20', 'date-line', 'day']);
    expect(iso('ngày      tháng      năm 2025')).toEqual(['2025', 'date-line', 'year']);
    expect(iso('ngày …… tháng …… năm 2025')).toEqual(['2025', 'date-line', 'year']);
    expect(iso('ngày ___ tháng 12 năm 2026')).toEqual(['2026-12', 'date-line', 'month']);
    expect(iso('ngày   tháng 12 năm 2026')).toEqual(['2026-12', 'date-line', 'month']);
  });

  it('the place-and-date line of a source document', () => {
    expect(readPlaceDateLine('Hà Nội, ngày 05 tháng 02 năm 2025')).toMatchObject({ place: 'Hà Nội', text: 'ngày 05 tháng 02 năm 2025', date: { ok: true, iso: '2025-02-05' } });
    expect(readPlaceDateLine('Phường 1, Quận 3, ngày   tháng 12 năm 2026')).toMatchObject({ place: 'Phường 1, Quận 3', date: { ok: true, iso: '2026-12' } });
    expect(readPlaceDateLine('Bình Thuận, ngày 31 tháng 02 năm 2025')).toMatchObject({ place: 'Bình Thuận', date: { ok: false, reason: 'not-real' } });
    expect(readPlaceDateLine('ngày 05 tháng 02 năm 2025')).toBeUndefined(); // no place
    expect(readPlaceDateLine('Hà Nội, ngày hội đại đoàn kết')).toBeUndefined();
  });

  it('not a date', () => {
    for (const s of ['', 'x', '2025-02-05T10:00', '25/12/25', '2025/12/25', 'Quý II/2025', '20250205', '12345']) expect(iso(s), s).toEqual(['not-a-date']);
  });
});

describe('readDate: calendar validity from dayjs, strict', () => {
  it('days and months that do not exist, in every form', () => {
    for (const s of ['2025-02-30', '2025-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2025-13', '31/02/2025', '29.02.2025', '0/1/2025', '1/13/2025', 'ngày 31 tháng 02 năm 2025', 'ngày 32 tháng 01 năm 2025', 'ngày   tháng 13 năm 2025', '2026-2-30']) {
      expect(iso(s), s).toEqual(['not-real']);
    }
  });

  it('leap years: every 4th, not every 100th, every 400th', () => {
    expect(iso('2024-02-29')).toEqual(['2024-02-29', 'iso', 'day']);
    expect(iso('2000-02-29')).toEqual(['2000-02-29', 'iso', 'day']);
    expect(iso('1900-02-29')).toEqual(['not-real']);
    expect(iso('2100-02-29')).toEqual(['not-real']);
    expect(iso('29/2/2028')).toEqual(['2028-02-29', 'dmy', 'day']);
    expect(iso('ngày 29 tháng 02 năm 2023')).toEqual(['not-real']);
  });

  it('years below 1000 are typing slips', () => {
    expect(iso('0000-01-01')).toEqual(['year-range']);
    expect(iso('0205-02-05')).toEqual(['year-range']);
    expect(iso('0999')).toEqual(['year-range']);
    expect(iso('1000-01-01')).toEqual(['1000-01-01', 'iso', 'day']);
  });
});

describe('the schema\'s date formats', () => {
  it('each format takes the plan\'s own form only, of the precisions it allows', () => {
    expect(['2025-02-05', '2025', '2025-02', '2025-2-5', '05/02/2025'].map((s) => FORMATS.date.validate(s))).toEqual([true, false, false, false, false]);
    expect(['2025-02-05', '2025', '2025-02', '2025-02-30', '0999'].map((s) => FORMATS['ngay-hoac-nam'].validate(s))).toEqual([true, true, true, false, false]);
    expect(['2025-02-05', '2025', '2025-02', '2025-13', '2025-2'].map((s) => FORMATS['thang-hoac-ngay'].validate(s))).toEqual([true, false, true, false, false]);
    expect([isRealDate('2024-02-29'), isRealDate('2023-02-29'), isPlanDate('2025', 'ngay-hoac-nam')]).toEqual([true, false, true]);
  });

  it('isoFor: the value a field holds, cut to a precision it allows', () => {
    expect(isoFor(readDate('30/6/2027'), 'date')).toBe('2027-06-30');
    expect(isoFor(readDate('ngày   tháng 12 năm 2026'), 'ngay-hoac-nam')).toBe('2026-12');
    expect(isoFor(readDate('ngày   tháng 12 năm 2026'), 'date')).toBeUndefined();
    expect(isoFor(readDate('ngày   tháng 12 năm 2026'), 'thang-hoac-ngay')).toBe('2026-12');
    expect(isoFor(readDate('ngày   tháng 12 năm 2026'), 'date')).toBeUndefined();
    expect(isoFor(readDate('2025-02-30'), 'date')).toBeUndefined();
  });

  it('dateFieldFormat names the format the schema gives each date field', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/ke-hoach.schema.json'), 'utf8'));
    expect(dateFieldFormat('ngay_ban_hanh')).toBe(schema.properties.ngay_ban_hanh.format);
    expect(dateFieldFormat('tu', 'thoi_gian_ke_hoach')).toBe(schema.properties.thoi_gian_ke_hoach.properties.tu.format);
    expect(dateFieldFormat('den', 'thoi_gian_ke_hoach')).toBe(schema.properties.thoi_gian_ke_hoach.properties.den.format);
    expect(dateFieldFormat('tu', 'dot')).toBe(schema.$defs.dot.properties.tu.format);
    expect(dateFieldFormat('den', 'dot')).toBe(schema.$defs.dot.properties.den.format);
    expect(dateFieldFormat('han', 'nhiem_vu')).toBe(schema.$defs.nhiem_vu.properties.han.format);
    // every format the schema uses is one of DATE_FORMATS
    const used = new Set<string>();
    JSON.stringify(schema, (k, v) => { if (k === 'format') used.add(v); return v; });
    expect([...used].sort()).toEqual(Object.keys(DATE_FORMATS).sort());
  });
});

describe('the leading-zero rule (NĐ 30/2020 Phụ lục I mục II.4)', () => {
  it('days below 10 and months 1, 2 take a zero', () => {
    expect([1, 9, 10, 31].map(padDay)).toEqual(['01', '09', '10', '31']);
    expect([1, 2, 3, 12].map(padMonth)).toEqual(['01', '02', '3', '12']);
  });
});

describe('import reads the place-and-date line through the same reader', () => {
  const header = (line: string) => ['UBND TỈNH BÌNH THUẬN', 'SỞ NỘI VỤ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
    'Số: 12/KH-SNV', `Bình Thuận, ${line}`, 'KẾ HOẠCH', 'Tổ chức phong trào thi đua năm 2025', 'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Phát huy tinh thần thi đua.', 'Nơi nhận:', '- UBND tỉnh;', '- Lưu: VT, VP.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn An'].join('\n');
  const imported = (line: string) => { const r = importDocument(readText(header(line))); return { ...r, yaml: importToYaml(r) }; };

  it('a full date, with or without the leading zeros', () => {
    for (const line of ['ngày 05 tháng 02 năm 2025', 'ngày 5 tháng 2 năm 2025']) {
      const r = imported(line);
      expect([r.plan.dia_danh, r.plan.ngay_ban_hanh], line).toEqual(['Bình Thuận', '2025-02-05']);
    }
  });

  it('a draft: the year, or the month and the year when the draft gives its month, said in a comment', () => {
    expect(imported('ngày ..... tháng ..... năm 2025').plan.ngay_ban_hanh).toBe('2025');
    const r = imported('ngày   tháng 12 năm 2026');
    expect(r.plan.ngay_ban_hanh).toBe('2026-12');
    expect(r.yaml).toContain('# dự thảo: văn bản nguồn để trống ngày, ghi tháng 12\nngay_ban_hanh: 2026-12');
  });

  it('a date that does not exist is not turned into one: the year, and a comment', () => {
    const r = imported('ngày 31 tháng 02 năm 2025');
    expect(r.plan.ngay_ban_hanh).toBe('2025');
    expect(r.yaml).toContain('# văn bản nguồn ghi "ngày 31 tháng 02 năm 2025", không phải ngày có thật: chỉ giữ năm');
  });
});
