/**
 * A size and its allowed range written once, beside each other (layout.yaml `kieu.<role>.co_cho_phep`, `dam_cho_phep`;
 * `mau.luu_dau`), and read alike by validate (trinh-bay/ngoai-khung), render (src/layout/house-style.ts) and check
 * (co-chu/thanh-phan, kieu-chu/thanh-phan): for every family of templates/, a plan whose house style takes the lowest,
 * then the highest value of each range and a regular quyền hạn line renders to a .docx that check finds nothing more
 * in than in the same plan without a house style; a value outside a range is still warned by validate and found by check.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, existsSync, mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseDocument } from 'yaml';
import { renderPlan, validatePlan, loadProfile, DEFAULT_TEMPLATES_DIR, KehoachError, type LayoutProfile } from '../src/index.js';
import { checkDocument } from '../src/check/index.js';
import { readDocxBytes, paragraphs } from '../src/docx-read/index.js';
import { importDocument } from '../src/import/index.js';
import { khung } from '../src/layout/house-style.js';
import { EXAMPLES, EXAMPLES_DIR, ROOT } from './helpers.js';

const FAMILIES = readdirSync(DEFAULT_TEMPLATES_DIR).filter((d) => existsSync(join(DEFAULT_TEMPLATES_DIR, d, 'layout.yaml'))).sort();

/** A plan of a family without an example (the Đoàn): the smallest that renders, signed with a TM. line. */
const DOAN = ['khoi: doan_thanh_nien', 'co_quan_ban_hanh: BCH TỈNH GIA LAI', 'so_ky_hieu: { so: 12, viet_tat_co_quan: TĐTN-VP }', 'dia_danh: Gia Lai',
  'ngay_ban_hanh: 2026-03-26', 'trich_yeu: Tổ chức Tháng Thanh niên năm 2026', 'noi_dung: [Một đoạn văn.]',
  'noi_nhan: { cac_noi: [Trung ương Đoàn, Các huyện đoàn], luu: [VP] }', 'nguoi_ky: { thay_mat: BAN THƯỜNG VỤ, chuc_vu: BÍ THƯ, ho_ten: Lê Văn C }'].join('\n');

/** The family's plan: its first example with a quyền hạn line (TM., KT. …), else its first example, else a small one. */
function basePlan(khoi: string): string {
  const texts = EXAMPLES.map((f) => readFileSync(join(EXAMPLES_DIR, f), 'utf8')).filter((t) => new RegExp(`^khoi: ${khoi}\\b`, 'm').test(t));
  const text = texts.find((t) => /^\s*(quyen_han|thay_mat):/m.test(t)) ?? texts[0];
  if (text) return text;
  expect(khoi).toBe('doan_thanh_nien'); // every other family has an example; a new one needs a plan here
  return DOAN;
}

/** The plan with `trinh_bay` values set (kept with the plan's own, comments and suppressions kept). */
function withHouse(text: string, values: Record<string, number | string | boolean>): string {
  const doc = parseDocument(text);
  for (const [k, v] of Object.entries(values)) doc.setIn(['trinh_bay', k], v);
  return doc.toString();
}

/** The lowest or highest allowed value of every ranged key of `trinh_bay` (an open high end: the low end + 6). */
function ends(profile: LayoutProfile, end: 0 | 1): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  for (const [key, r] of Object.entries(khung(profile))) out[key] = r![end] ?? r![0]! + 6;
  return { ...out, tm_dam: false };
}

const check = (bytes: Uint8Array) => checkDocument(readDocxBytes(bytes, 't.docx'), 't.docx').map((d) => `${d.line} ${d.rule} ${d.message}`);
/** The recognised paragraphs of one role, with their run sizes (pt) and bold. */
function roleRuns(bytes: Uint8Array, role: string) {
  const doc = readDocxBytes(bytes, 't.docx');
  const roles = importDocument(doc).notes.roles;
  return paragraphs(doc).filter((p) => roles.get(p.index) === role).flatMap((p) => p.runs.filter((r) => /\S/.test(r.text)).map((r) => ({ size: (r.format.size ?? 20) / 2, bold: r.format.bold })));
}

describe('house style at both ends of every range: render → check finds nothing the plan without it does not', () => {
  for (const khoi of FAMILIES) {
    it(`${khoi}`, async () => {
      const profile = loadProfile(khoi);
      const base = basePlan(khoi);
      const before = check(await renderPlan(base));
      for (const end of [0, 1] as const) {
        const house = ends(profile, end);
        const plan = withHouse(base, house);
        expect(validatePlan(plan).filter((d) => d.rule === 'trinh-bay/ngoai-khung'), `${khoi} ${JSON.stringify(house)}`).toEqual([]);
        const bytes = await renderPlan(plan);
        // the house style reached the document (so the comparison below can fail) …
        expect(roleRuns(bytes, 'than').every((r) => r.size === house.co_chu), `${khoi} body ${house.co_chu}`).toBe(true);
        expect(roleRuns(bytes, 'noi_nhan').map((r) => r.size)).toContain(house.co_chu_noi_nhan);
        if (/^\s*(quyen_han|thay_mat):/m.test(base)) expect(roleRuns(bytes, 'quyen_han').map((r) => r.bold)).toEqual(expect.arrayContaining([false]));
        // … and check accepts it: the same findings as the plan without a house style (its own content's)
        expect(check(bytes), `${khoi} ${JSON.stringify(house)}`).toEqual(before);
      }
    }, 120_000);
  }
});

describe('a value outside a range: validate warns, check finds it', () => {
  for (const khoi of FAMILIES) {
    it(`${khoi}: Nơi nhận one size above its range, the body one below`, async () => {
      const profile = loadProfile(khoi);
      const k = khung(profile);
      const plan = withHouse(basePlan(khoi), { co_chu_noi_nhan: k.co_chu_noi_nhan![1]! + 1, co_chu: k.co_chu![0]! - 1 });
      const warned = validatePlan(plan).filter((d) => d.rule === 'trinh-bay/ngoai-khung');
      expect(warned.map((d) => `${d.severity} ${/co_chu_noi_nhan/.test(d.message) ? 'co_chu_noi_nhan' : 'co_chu'}`).sort()).toEqual(['warning co_chu', 'warning co_chu_noi_nhan']);
      const found = check(await renderPlan(plan)).filter((d) => d.includes('co-chu/thanh-phan'));
      expect(found.some((d) => d.includes(`cỡ chữ ${k.co_chu_noi_nhan![1]! + 1} pt`) && d.includes('nơi nhận')), found.join('\n')).toBe(true);
      expect(found.some((d) => d.includes(`cỡ chữ ${k.co_chu![0]! - 1} pt`)), found.join('\n')).toBe(true);
    }, 120_000);
  }
});

/** A copy of the package's templates with one family's layout.yaml edited (pairs of exact text and its replacement). */
function templatesWith(khoi: string, ...pairs: [string, string][]): string {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-sizes-'));
  cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
  const file = join(dir, khoi, 'layout.yaml');
  let text = readFileSync(file, 'utf8');
  for (const [from, to] of pairs) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  writeFileSync(file, text);
  return dir;
}

describe('the ranges are data', () => {
  const minimal = readFileSync(join(ROOT, 'test', 'fixtures', 'minimal.yaml'), 'utf8');

  it('tm_dam: false is accepted where kieu.quyen_han.dam_cho_phep allows it, warned where the layout does not', () => {
    const plan = withHouse(minimal, { tm_dam: false });
    expect(validatePlan(plan).filter((d) => d.rule === 'trinh-bay/ngoai-khung')).toEqual([]);
    const dir = templatesWith('nha_nuoc', [', dam_cho_phep: [true, false]', '']);
    expect(validatePlan(plan, { templatesDir: dir }).filter((d) => d.rule === 'trinh-bay/ngoai-khung').map((d) => d.message)).toEqual([
      expect.stringContaining('trinh_bay.tm_dam: false'),
    ]);
  });

  it('check: a regular quyền hạn line is an error only where the layout gives no dam_cho_phep', async () => {
    const plan = withHouse(minimal, { tm_dam: false });
    const dir = templatesWith('nha_nuoc', [', dam_cho_phep: [true, false]', '']);
    const bytes = await renderPlan(plan);
    expect(roleRuns(bytes, 'quyen_han')[0]).toMatchObject({ bold: false });
    expect(check(bytes).filter((d) => d.includes('kieu-chu/thanh-phan'))).toEqual([]);
    const strict = checkDocument(readDocxBytes(bytes, 't.docx'), 't.docx', { templatesDir: dir }).filter((d) => d.rule === 'kieu-chu/thanh-phan');
    expect(strict.map((d) => d.message)).toEqual(['quyền hạn, chức vụ người ký: phải in đậm']);
  });

  it('the body and Nơi nhận ranges of trinh_bay are kieu.than and kieu.noi_nhan co_cho_phep, widened in one place', async () => {
    const plan = withHouse(minimal, { co_chu_noi_nhan: 12 });
    expect(validatePlan(plan).filter((d) => d.rule === 'trinh-bay/ngoai-khung')).toHaveLength(1); // NĐ 30 PL I mục II.9: 11
    const dir = templatesWith('nha_nuoc', ['noi_nhan: { co: 11, co_cho_phep: [11, 11]', 'noi_nhan: { co: 11, co_cho_phep: [11, 12]']);
    expect(validatePlan(plan, { templatesDir: dir }).filter((d) => d.rule === 'trinh-bay/ngoai-khung')).toEqual([]);
    const bytes = await renderPlan(plan, { templatesDir: dir });
    const ds = (templatesDir?: string) => checkDocument(readDocxBytes(bytes, 't.docx'), 't.docx', templatesDir ? { templatesDir } : {}).filter((d) => d.rule === 'co-chu/thanh-phan');
    expect(ds(dir)).toEqual([]);
    expect(ds().map((d) => d.message)).toEqual([expect.stringMatching(/^nơi nhận: cỡ chữ 12 pt, cần 11 pt/)]);
  });

  it('a size outside the range written beside it: the layout does not load (template/error at its line)', () => {
    const dir = templatesWith('nha_nuoc', ['than: { co: 14, co_cho_phep: [13, 14]', 'than: { co: 14, co_cho_phep: [12, 13]']);
    let err: unknown;
    try { loadProfile('nha_nuoc', dir); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(KehoachError);
    const d = (err as KehoachError).diagnostics[0];
    expect(d.rule).toBe('template/error');
    expect(d.message).toContain('kieu.than.co_cho_phep');
    expect(readFileSync(join(dir, 'nha_nuoc', 'layout.yaml'), 'utf8').split('\n')[d.line - 1]).toContain('than: { co: 14, co_cho_phep: [12, 13]');
  });

  it('noi-nhan/luu-vt reads mau.luu_dau: VT where the family writes it, nothing where it is null, another unit where named', () => {
    const luuVt = (text: string, templatesDir?: string) => validatePlan(text, templatesDir ? { templatesDir } : {}).filter((d) => d.rule === 'noi-nhan/luu-vt').map((d) => d.message);
    const mttq = minimal.replace('khoi: nha_nuoc', 'khoi: mat_tran').replace('  luu: [VT, VP]', '  luu: [MTTQ]');
    expect(luuVt(mttq)).toEqual(['dòng lưu "Lưu: MTTQ." khác mẫu "Lưu: VT, <đơn vị soạn thảo>." của NĐ 30/2020']);
    expect(luuVt(mttq, templatesWith('mat_tran', ["  luu: 'Lưu: {noi}.'", "  luu: 'Lưu: {noi}.'\n  luu_dau: null"]))).toEqual([]);
    expect(luuVt(minimal.replace('khoi: nha_nuoc', 'khoi: dang').replace('  luu: [VT, VP]', '  luu: [Văn phòng]'))).toEqual([]);
    const vp = templatesWith('nha_nuoc', ['  luu_dau: VT ', '  luu_dau: VP ']);
    expect(luuVt(minimal.replace('  luu: [VT, VP]', "  luu: 'Lưu: VP, TH.'"), vp)).toEqual([]);
    expect(luuVt(minimal, vp)).toEqual(['dòng lưu "Lưu: VT, VP." khác mẫu "Lưu: VP, <đơn vị soạn thảo>." của NĐ 30/2020']);
    expect(luuVt(minimal.replace('  luu: [VT, VP]', "  luu: 'Lưu: VTMT.'"))).toHaveLength(1); // VT must be a whole unit
  });

  it("the schema's descriptions of co_chu and co_chu_noi_nhan give the data's ranges (state and Party)", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'ke-hoach.schema.json'), 'utf8'));
    const props = schema.properties.trinh_bay.properties;
    const range = ([lo, hi]: [number | null, number | null]) => (lo === hi ? `${lo}` : `${lo}–${hi}`);
    for (const [khoi, label] of [['nha_nuoc', 'Nhà nước'], ['dang', 'Đảng']]) {
      const k = khung(loadProfile(khoi));
      expect(props.co_chu.description).toContain(`${label} ${range(k.co_chu!)}`);
      expect(props.co_chu_noi_nhan.description).toContain(`${label} ${range(k.co_chu_noi_nhan!)}`);
    }
  });
});
