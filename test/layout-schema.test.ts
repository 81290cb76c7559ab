/**
 * The typed layout: schemas/layout.schema.json describes one templates/<khoi>/layout.yaml (a root family gives every
 * key the profile needs; a layer with `ke_thua` any part), src/profile.ts checks each file it parses against it and
 * refuses a broken one at its file:line:col (template/error, `kehoach render` exit 2), and the build refuses a broken
 * package layout (scripts/precompile-profiles.mjs).
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ValidateFunction } from 'ajv';
import { compileLayoutValidator, LAYOUT_SCHEMA_PATH } from '../src/layout/schema.js';
import { loadProfile, DEFAULT_TEMPLATES_DIR } from '../src/profile.js';
import { KehoachError } from '../src/errors.js';
import { ROOT, CLI, EXAMPLES_DIR, EXAMPLES } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'kh-layout-schema-'));
const PACKAGE = readdirSync(DEFAULT_TEMPLATES_DIR).filter((d) => existsSync(join(DEFAULT_TEMPLATES_DIR, d, 'layout.yaml'))).sort();
const FIXTURE = join(ROOT, 'test', 'fixtures', 'templates-office', 'hoi_nong_dan', 'layout.yaml');
const FILES = [...PACKAGE.map((k) => join(DEFAULT_TEMPLATES_DIR, k, 'layout.yaml')), FIXTURE];
const schema = JSON.parse(readFileSync(LAYOUT_SCHEMA_PATH, 'utf8'));

/** A copy of the package's templates with one family's layout.yaml edited (exact text → replacement). */
function templatesWith(khoi: string, ...pairs: [string, string][]): { dir: string; file: string; text: string } {
  const dir = tmp();
  cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
  const file = join(dir, khoi, 'layout.yaml');
  let text = readFileSync(file, 'utf8');
  for (const [from, to] of pairs) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  writeFileSync(file, text);
  return { dir, file, text };
}
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const refusal = (f: () => unknown): KehoachError => {
  try { f(); } catch (e) { if (e instanceof KehoachError) return e; throw e; }
  throw new Error('not refused');
};

describe('the layout schema', () => {
  const validators: [string, ValidateFunction][] = [['compiled', compileLayoutValidator()]];
  const built = join(ROOT, 'dist', 'validate', 'layout-validator.cjs');
  if (existsSync(built)) validators.push(['precompiled (dist)', createRequire(import.meta.url)(built) as ValidateFunction]);

  it.each(validators)('every package layout and the office fixture validate (%s)', (_, validate) => {
    expect(PACKAGE).toEqual(['cong_doan', 'dang', 'doan_thanh_nien', 'mat_tran', 'nha_nuoc']);
    for (const f of FILES) expect(validate(parse(readFileSync(f, 'utf8'))) ? [] : validate.errors, f).toEqual([]);
  });

  it.each(validators)('it can fail: an unknown key, a wrong type, a size out of range, a root file missing a key (%s)', (_, validate) => {
    const state = parse(readFileSync(join(DEFAULT_TEMPLATES_DIR, 'nha_nuoc', 'layout.yaml'), 'utf8'));
    const refused = (data: unknown) => (validate(data) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.keyword}`));
    expect(refused({ ke_thua: 'nha_nuoc', trang: { rongg: 210 } })).toContain('/trang additionalProperties');
    expect(refused({ ke_thua: 'nha_nuoc', khoang_ky: 'bốn' })).toContain('/khoang_ky type');
    expect(refused({ ke_thua: 'nha_nuoc', kieu: { than: { co: 140 } } })).toContain('/kieu/than/co maximum');
    expect(refused({ ke_thua: 'nha_nuoc', kieu: { than: { dong: '18pt' } }, nhan_dien: { anything: [1, { x: 2 }] } })).toEqual([]);
    const { mau: { luu: _luu, ...mau }, ...rest } = state;
    expect(refused({ ...rest, mau })).toContain('/mau required');
    expect(refused({ ...rest, ke_thua: 'nha_nuoc', mau }), 'a layer may leave it to its parent').toEqual([]);
  });

  it("the root file's required keys are each a property of their mapping (ajv's strictRequired is off)", () => {
    const check = (req: { required?: string[]; properties?: Record<string, unknown> }, shape: { properties?: Record<string, unknown>; $ref?: string }, where: string) => {
      const target = shape.$ref ? schema.$defs[shape.$ref.replace('#/$defs/', '')] : shape;
      for (const k of req.required ?? []) expect(Object.keys(target.properties ?? {}), `${where}.${k}`).toContain(k);
      for (const [k, sub] of Object.entries(req.properties ?? {})) check(sub as never, target.properties[k], `${where}.${k}`);
    };
    check(schema.$defs.khoi_goc, schema, 'layout.yaml');
  });

  it('every key has a Vietnamese description; a bounded number names its unit', () => {
    const walk = (node: Record<string, unknown>, path: string) => {
      for (const [k, sub] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        const target = sub.$ref ? schema.$defs[String(sub.$ref).replace('#/$defs/', '')] : sub;
        expect(sub.description ?? target.description, `${path}.${k}`).toBeTruthy();
        if (target.minimum !== undefined) expect(target['x-don-vi'], `${path}.${k}`).toBeTruthy();
        if (target.type === 'object' && path.split('.').length < 6) walk(target, `${path}.${k}`);
      }
    };
    walk(schema, 'layout');
    walk(schema.$defs.kieu_vai_tro, 'kieu.<vai>');
  });
});

describe('a broken layout.yaml is refused at its file:line:col', () => {
  it('one pass: a wrong type, an unknown key and a size out of range, each at its line (loadProfile)', () => {
    const { dir, file, text } = templatesWith('nha_nuoc',
      ['khoang_ky: 4 ', 'khoang_ky: bốn '],
      ['  le_tren: 20 ', '  le_tren: 20\n  le_trenn: 20 '],
      ['  than: { co: 14,', '  than: { co: 140,'],
    );
    const e = refusal(() => loadProfile('nha_nuoc', dir));
    expect(e.kind).toBe('usage');
    expect(e.diagnostics.map((d) => [d.file, d.line, d.rule])).toEqual([
      [file, lineOf(text, 'le_trenn:'), 'template/error'],
      [file, lineOf(text, 'khoang_ky: bốn'), 'template/error'],
      [file, lineOf(text, 'than: { co: 140,'), 'template/error'],
    ]);
    const [unknown, type, range] = e.diagnostics.map((d) => d.message);
    expect(unknown).toContain('trang: khóa không hợp lệ "le_trenn"');
    expect(unknown).toContain('"le_tren"'); // the suggestion
    expect(type).toContain('khoang_ky = bốn: giá trị phải là số nguyên');
    expect(range).toContain('giá trị kieu.than.co = 140 ngoài khoảng hợp lý 4–72 pt');
    expect(e.diagnostics[0].column).toBe(3); // the key itself
    expect(refusal(() => loadProfile('nha_nuoc', dir, 'en')).diagnostics[2].message).toContain('kieu.than.co = 140 is outside the sensible range 4–72 pt');
  });

  it('a layer is checked in its own file; it cannot remove (null) a key every profile needs', () => {
    const { dir, file, text } = templatesWith('dang', ["  noi_nhan: 'Nơi nhận:'", "  noi_nhan: 'Nơi nhận:'\n  dau_kett: '.'"]);
    const e = refusal(() => loadProfile('dang', dir));
    expect(e.diagnostics).toMatchObject([{ file, line: lineOf(text, 'dau_kett'), rule: 'template/error' }]);
    const removed = templatesWith('cong_doan', ['ten: Công đoàn (QĐ 933/QĐ-TLĐ)', 'ten: Công đoàn (QĐ 933/QĐ-TLĐ)\nmau: { luu: null }']);
    const r = refusal(() => loadProfile('cong_doan', removed.dir));
    expect(r.diagnostics).toMatchObject([{ file: removed.file, line: lineOf(removed.text, 'mau: { luu: null }') }]);
    expect(r.diagnostics[0].message).toContain('mau.luu = null: giá trị phải là chuỗi chữ');
    const optional = templatesWith('cong_doan', ['ten: Công đoàn (QĐ 933/QĐ-TLĐ)', 'ten: Công đoàn (QĐ 933/QĐ-TLĐ)\nmau: { luu_dau: null }']);
    expect(loadProfile('cong_doan', optional.dir).mau.luu_dau, 'an optional key may be removed').toBeUndefined();
  });

  it('kehoach render --templates <copy>: exit 2, each problem named with its file and line', { timeout: 120_000 }, () => {
    const { dir, file, text } = templatesWith('nha_nuoc',
      ['phong_chu: Times New Roman   #', 'phong_chu: [Times New Roman]   #'],
      ['  so_ky_hieu: { co: 13,', '  so_ky_hieu: { co: 13, mau: do,'],
      ['  rong: 210 ', '  rong: 1000000000 '],
    );
    const out = join(tmp(), 'x.docx');
    for (const lang of ['vi', 'en']) {
      const r = spawnSync(process.execPath, [CLI, '--lang', lang, '--templates', dir, 'render', join(EXAMPLES_DIR, EXAMPLES[1]), '-o', out], { encoding: 'utf8', env: { ...process.env, KEHOACH_CACHE: '0' } });
      expect(r.status, r.stderr).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines.map((l) => l.split('  ')[0])).toEqual([
        `${file}:${lineOf(text, '  rong: 1000000000')}:9`,
        `${file}:${lineOf(text, 'phong_chu: [Times')}:12`,
        `${file}:${lineOf(text, 'so_ky_hieu: { co: 13, mau')}:25`,
      ]);
      expect(lines[0]).toContain(lang === 'vi' ? 'trang.rong = 1000000000 ngoài khoảng hợp lý 50–600 mm' : 'trang.rong = 1000000000 is outside the sensible range 50–600 mm');
      expect(lines[1]).toContain(lang === 'vi' ? 'phong_chu = […]: giá trị phải là chuỗi chữ' : 'phong_chu = […]: the value must be text');
      expect(lines[2]).toContain(lang === 'vi' ? 'kieu.so_ky_hieu: khóa không hợp lệ "mau"' : 'kieu.so_ky_hieu: unknown key "mau"');
    }
    expect(existsSync(out)).toBe(false);
  });
});

describe('the build refuses a broken package layout', () => {
  it('scripts/precompile-profiles.mjs exits 1 naming the file and line; the package as shipped passes', { timeout: 120_000 }, () => {
    const pkg = tmp();
    for (const p of ['dist', 'templates', 'schemas', 'package.json']) cpSync(join(ROOT, p), join(pkg, p), { recursive: true });
    mkdirSync(join(pkg, 'scripts'));
    cpSync(join(ROOT, 'scripts', 'precompile-profiles.mjs'), join(pkg, 'scripts', 'precompile-profiles.mjs'));
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    const run = () => spawnSync(process.execPath, [join(pkg, 'scripts', 'precompile-profiles.mjs')], { encoding: 'utf8' });
    expect(run().status).toBe(0);
    const file = join(pkg, 'templates', 'mat_tran', 'layout.yaml');
    const text = readFileSync(file, 'utf8').replace("  noi_nhan_cuoi: ';'", '  noi_nhan_cuoi: 5');
    writeFileSync(file, text);
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}:${lineOf(text, 'noi_nhan_cuoi: 5')}:`);
    expect(r.stderr).toContain('mau.noi_nhan_cuoi');
  });
});
