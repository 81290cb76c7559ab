/**
 * The families are the folders of templates/ (src/form/families.ts): the schema's `khoi` enum lists exactly them;
 * `kehoach init` offers every one, writes what its layout's `khoi_tao:` gives (inherited along ke_thua), and what it
 * writes validates with zero findings (--strict) and renders, for every family of the package and for an office's
 * own family given by --templates (test/fixtures/templates-office).
 */
import { describe, it, expect } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { CLI, ROOT, docxParagraphs } from './helpers.js';
import { familyNames, isFamily, listFamilies, loadFamily } from '../src/form/families.js';
import { DEFAULT_TEMPLATES_DIR } from '../src/profile.js';
import { KehoachError } from '../src/errors.js';

const run = (args: string[], cwd?: string) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
const tmp = () => mkdtempSync(join(tmpdir(), 'kh-fam-'));
const PACKAGE = familyNames();

/** An office's templates folder holding only its own family (the package's families and common/*.hbs are added). */
const OFFICE = join(ROOT, 'test', 'fixtures', 'templates-office');

describe('the families are the folders of templates/', () => {
  it('the package has the five families, each with a title and init values', () => {
    expect(PACKAGE).toEqual(['cong_doan', 'dang', 'doan_thanh_nien', 'mat_tran', 'nha_nuoc']);
    const families = listFamilies();
    expect(families[0].khoi).toBe('nha_nuoc'); // the only family inheriting none: offered first, the default
    for (const f of families) {
      expect(f.ten, f.khoi).toMatch(/\(.+\)$/); // "Nhà nước (NĐ 30/2020/NĐ-CP)": the standard in brackets
      expect(f.khoi_tao.co_quan_ban_hanh, f.khoi).toBeTruthy();
      expect(f.khoi_tao.luu.length, f.khoi).toBeGreaterThan(0);
    }
  });

  it.each(['ke-hoach.schema.json', 'ke-hoach.editor.schema.json', 'ke-hoach.partial.schema.json'])('the khoi enum of schemas/%s equals the template folders', (file) => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', file), 'utf8'));
    expect([...schema.properties.khoi.enum].sort()).toEqual(PACKAGE);
  });

  it('khoi_tao is inherited along ke_thua (a child gives only what differs; null removes a value)', () => {
    const dir = tmp();
    cpSync(join(DEFAULT_TEMPLATES_DIR, 'nha_nuoc'), join(dir, 'nha_nuoc'), { recursive: true });
    mkdirSync(join(dir, 'con'));
    writeFileSync(join(dir, 'con', 'layout.yaml'), 'ke_thua: nha_nuoc\nten: Con (thử)\nkhoi_tao:\n  dia_danh: Huế\n  co_quan_chu_quan: null\n');
    mkdirSync(join(dir, 'chau'));
    writeFileSync(join(dir, 'chau', 'layout.yaml'), 'ke_thua: con\n');
    const parent = loadFamily('nha_nuoc', dir).khoi_tao;
    const child = loadFamily('con', dir).khoi_tao;
    expect(child.dia_danh).toBe('Huế');
    expect(child.co_quan_chu_quan).toBeUndefined();
    expect({ ...child, dia_danh: parent.dia_danh, co_quan_chu_quan: parent.co_quan_chu_quan }).toEqual(parent);
    const grandchild = loadFamily('chau', dir);
    expect(grandchild.khoi_tao).toEqual(child);
    expect(grandchild.ten).toBe('Con (thử)'); // `ten` is inherited too
    // the office's folder adds to the package's families (its nha_nuoc copy serves the name)
    expect(listFamilies(dir).map((f) => f.khoi)).toEqual(['nha_nuoc', 'con', 'cong_doan', 'dang', 'doan_thanh_nien', 'mat_tran', 'chau']);
    expect(isFamily('con', dir) && !isFamily('../con', dir) && !isFamily('x', dir)).toBe(true);
  });

  it('a malformed or missing khoi_tao is reported at its layout.yaml line', () => {
    const dir = tmp();
    cpSync(join(DEFAULT_TEMPLATES_DIR, 'nha_nuoc'), join(dir, 'nha_nuoc'), { recursive: true });
    mkdirSync(join(dir, 'sai'));
    writeFileSync(join(dir, 'sai', 'layout.yaml'), 'ke_thua: nha_nuoc\nkhoi_tao:\n  dia_danh: Huế\n  ho_ten: [A, B]\n');
    const e = (() => { try { loadFamily('sai', dir); } catch (x) { return x; } })() as KehoachError;
    expect(e).toBeInstanceOf(KehoachError);
    expect(e.diagnostics[0]).toMatchObject({ file: join(dir, 'sai', 'layout.yaml'), line: 4, rule: 'template/error' });
    expect(e.message).toContain('khoi_tao.ho_ten');
    mkdirSync(join(dir, 'goc'));
    writeFileSync(join(dir, 'goc', 'layout.yaml'), readFileSync(join(dir, 'nha_nuoc', 'layout.yaml'), 'utf8').replace(/^khoi_tao:[^]*$/m, ''));
    expect(() => loadFamily('goc', dir)).toThrow(/khoi_tao/);
  });
});

describe('kehoach init over every family', () => {
  it.each(PACKAGE)('--khoi %s: the values of its khoi_tao, zero findings with --strict, renders', (khoi) => {
    const family = listFamilies().find((f) => f.khoi === khoi)!;
    const dir = tmp();
    const r = run(['init', '--khoi', khoi], dir);
    expect(r.status, r.stderr).toBe(0);
    const defaultsText = readFileSync(join(dir, '_defaults.yaml'), 'utf8');
    const defaults = parse(defaultsText);
    const k = family.khoi_tao;
    expect(defaults).toMatchObject({ khoi: khoi, co_quan_ban_hanh: k.co_quan_ban_hanh, dia_danh: k.dia_danh, so_ky_hieu: { viet_tat_co_quan: k.viet_tat_co_quan }, nguoi_ky: { chuc_vu: k.chuc_vu, ho_ten: k.ho_ten }, noi_nhan: { luu: k.luu } });
    expect(defaults.co_quan_chu_quan).toEqual(k.co_quan_chu_quan);
    expect(defaults.nguoi_ky.thay_mat).toEqual(k.thay_mat);
    // the comment lists every family with its title, from the layouts
    for (const f of listFamilies()) expect(defaultsText).toContain(`#   ${f.khoi}: ${f.ten}\n`);
    // the numbering hint comes from the family's danh_so
    expect(readFileSync(join(dir, 'ke-hoach.yaml'), 'utf8')).toContain(`# đánh số tự động: ${family.layout.danh_so.join(' → ')}\n`);
    const v = run(['validate', 'ke-hoach.yaml', '--strict'], dir);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toBe('');
    expect(v.stderr).toContain('0 lỗi, 0 cảnh báo');
    const rr = run(['render', 'ke-hoach.yaml'], dir);
    expect(rr.status, rr.stderr).toBe(0);
    const text = docxParagraphs(readFileSync(join(dir, 'ke-hoach.docx'))).join('\n');
    expect(text).toContain(k.ho_ten);
    expect(text).toContain(family.layout.mau.luu.replace('{noi}', k.luu.join(', ')));
    for (const line of [k.co_quan_ban_hanh].flat()) expect(text).toContain(line);
  });

  it('--yes without --khoi takes the first family (the one inheriting none)', () => {
    const dir = tmp();
    expect(run(['init', '--yes'], dir).status).toBe(0);
    expect(parse(readFileSync(join(dir, '_defaults.yaml'), 'utf8')).khoi).toBe(listFamilies()[0].khoi);
  });

  it('an unknown --khoi is a usage error listing the families found', () => {
    const r = run(['init', '--khoi', 'xyz'], tmp());
    expect(r.status).toBe(2);
    for (const f of listFamilies()) expect(r.stderr).toContain(`${f.khoi}: ${f.ten}`);
    const en = run(['--lang', 'en', 'init', '--khoi', 'xyz'], tmp());
    expect(en.stderr).toMatch(/is not a family of/);
  });
});

describe("an office's own family (--templates)", () => {
  const templates = OFFICE;

  it('init offers it; what it writes validates with zero findings and renders with the same --templates', () => {
    const dir = tmp();
    const family = loadFamily('hoi_nong_dan', templates);
    expect(listFamilies(templates).map((f) => f.khoi)).toContain('hoi_nong_dan');
    const r = run(['init', '--khoi', 'hoi_nong_dan', '--templates', templates], dir);
    expect(r.status, r.stderr).toBe(0);
    const defaultsText = readFileSync(join(dir, '_defaults.yaml'), 'utf8');
    expect(defaultsText).toContain(`#   hoi_nong_dan: ${family.ten}\n`);
    expect(parse(defaultsText)).toMatchObject({ khoi: 'hoi_nong_dan', co_quan_ban_hanh: family.khoi_tao.co_quan_ban_hanh });
    const v = run(['--templates', templates, 'validate', 'ke-hoach.yaml', '--strict'], dir);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toBe('');
    const rr = run(['--templates', templates, 'render', 'ke-hoach.yaml'], dir);
    expect(rr.status, rr.stderr).toBe(0);
    const text = docxParagraphs(readFileSync(join(dir, 'ke-hoach.docx'))).join('\n');
    expect(text).toContain(family.khoi_tao.ho_ten);
    expect(text).toContain('HỘI NÔNG DÂN TỈNH NGHỆ AN');
    // without the office's folder the family is unknown: the schema's enum (the package's families) refuses it
    const without = run(['validate', 'ke-hoach.yaml'], dir);
    expect(without.status).toBe(1);
    expect(without.stdout).toMatch(/"hoi_nong_dan".*\[schema\/enum\]/);
  });

  it('the package families are offered with the office folder too (it adds to them)', () => {
    const r = run(['init', '--khoi', 'xyz', '--templates', templates], tmp());
    expect(r.status).toBe(2);
    for (const k of [...PACKAGE, 'hoi_nong_dan']) expect(r.stderr).toContain(`  ${k}: `);
  });
});
