/**
 * An office's own issuer family, with no code: a folder holding only `hoi_nong_dan/layout.yaml` (the fixture of
 * test/fixtures/templates-office) adds the family to the package's (its `ke_thua: nha_nuoc` and common/*.hbs come from
 * the package's templates/), found through `--templates` or `templates:` of kehoach.config.yaml, and every command
 * works on it: init, validate --strict, render, check, import (the family detected by its `nhan_dien:`), batch.
 */
import { describe, it, expect } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { CLI, ROOT, docxParagraphs } from './helpers.js';
import { familyNames } from '../src/form/families.js';
import { loadProfile, templateDirs } from '../src/profile.js';
import { environmentHash } from '../src/batch/index.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'templates-office', 'hoi_nong_dan');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 120_000, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
const tmp = () => mkdtempSync(join(tmpdir(), 'kh-office-'));

/** A temp office folder holding only the fixture family's layout.yaml. */
function officeFolder(parent = tmp()): string {
  const dir = join(parent, 'mau-co-quan');
  mkdirSync(join(dir, 'hoi_nong_dan'), { recursive: true });
  cpSync(join(FIXTURE, 'layout.yaml'), join(dir, 'hoi_nong_dan', 'layout.yaml'));
  expect(readdirSync(dir)).toEqual(['hoi_nong_dan']);
  return dir;
}

/** Every command on the family; `g` the global options (['--templates', dir], or none with a config). */
function everyCommand(work: string, g: string[]) {
  const init = run([...g, 'init', '--khoi', 'hoi_nong_dan', '--yes', '.'], work);
  expect(init.status, init.stderr).toBe(0);
  expect(parse(readFileSync(join(work, '_defaults.yaml'), 'utf8'))).toMatchObject({ khoi: 'hoi_nong_dan' });

  const v = run([...g, 'validate', '--strict', 'ke-hoach.yaml'], work);
  expect(v.status, v.stdout + v.stderr).toBe(0);
  expect(v.stdout, 'zero findings').toBe('');

  const r = run([...g, 'render', 'ke-hoach.yaml', '-o', 'ke-hoach.docx'], work);
  expect(r.status, r.stderr).toBe(0);
  const paras = docxParagraphs(readFileSync(join(work, 'ke-hoach.docx')));
  // the issuer lines of the family's khoi_tao (ô 1), under the Quốc hiệu of the inherited nha_nuoc header
  for (const line of ['HỘI NÔNG DÂN VIỆT NAM', 'BAN CHẤP HÀNH', 'HỘI NÔNG DÂN TỈNH NGHỆ AN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']) {
    expect(paras.some((p) => p.includes(line)), line).toBe(true);
  }

  const c = run([...g, 'check', '--strict', 'ke-hoach.docx'], work);
  expect(c.status, c.stdout + c.stderr).toBe(0);
  expect(c.stdout, 'zero findings').toBe('');

  const i = run([...g, 'import', 'ke-hoach.docx', '-o', 'nhap.yaml'], work);
  expect(i.status, i.stderr).toBe(0);
  expect(parse(readFileSync(join(work, 'nhap.yaml'), 'utf8')).khoi).toBe('hoi_nong_dan');

  const b = run([...g, 'batch', 'ke-hoach.yaml', '-o', 'out', '--incremental'], work);
  expect(b.status, b.stdout + b.stderr).toBe(0);
  expect(docxParagraphs(readFileSync(join(work, 'out', 'ke-hoach.docx'))).join('\n')).toContain('HỘI NÔNG DÂN TỈNH NGHỆ AN');
}

describe('an office folder adds its family to the package\'s', () => {
  it('the lookup is layered: the office\'s folder first, then the package\'s (families, ke_thua, templates)', () => {
    const dir = officeFolder();
    expect(familyNames(dir)).toEqual(['cong_doan', 'dang', 'doan_thanh_nien', 'hoi_nong_dan', 'mat_tran', 'nha_nuoc']);
    const p = loadProfile('hoi_nong_dan', dir);
    expect(p.chain).toEqual(['hoi_nong_dan', 'nha_nuoc']);
    expect(p.nhan_dien, 'the own block').toMatchObject({ co_quan: ['HỘI NÔNG DÂN'] });
    expect(loadProfile('cong_doan', dir).nhan_dien, 'not inherited').not.toHaveProperty('mac_dinh');
    expect(templateDirs(p.chain, dir)).toEqual([join(dir, 'hoi_nong_dan'), join(ROOT, 'templates', 'nha_nuoc'), join(ROOT, 'templates', 'common')]);
    // an office's own header.hbs is found before the package's
    writeFileSync(join(dir, 'hoi_nong_dan', 'header.hbs'), '{{> co_quan}}');
    expect(templateDirs(['dang', 'nha_nuoc'], dir)[0]).toBe(join(ROOT, 'templates', 'dang'));
  });

  it('a package family\'s parent shadowed by the office\'s file: that file is read, never the build\'s table', () => {
    const dir = officeFolder();
    mkdirSync(join(dir, 'nha_nuoc'));
    const text = readFileSync(join(ROOT, 'templates', 'nha_nuoc', 'layout.yaml'), 'utf8');
    const m = /^(\s*le_tren:\s*)(\d+)/m.exec(text)!;
    writeFileSync(join(dir, 'nha_nuoc', 'layout.yaml'), text.slice(0, m.index) + m[1] + String(Number(m[2]) + 1) + text.slice(m.index + m[0].length));
    expect(loadProfile('dang', dir).trang.le_tren).toBe(loadProfile('dang').trang.le_tren + 1);
    expect(loadProfile('hoi_nong_dan', dir).trang.le_tren).toBe(Number(m[2]) + 1);
  });

  it('every command with --templates', () => {
    const work = tmp();
    everyCommand(work, ['--templates', officeFolder()]);
  });

  it('every command with templates: of kehoach.config.yaml (relative to the config file)', () => {
    const work = tmp();
    officeFolder(work);
    mkdirSync(join(work, '.git')); // the config search stops here
    writeFileSync(join(work, 'kehoach.config.yaml'), 'templates: ./mau-co-quan\n');
    everyCommand(work, []);
  });

  it('a config naming a missing folder: a clear message at the config file:line, for every command', () => {
    const work = tmp();
    mkdirSync(join(work, '.git'));
    writeFileSync(join(work, 'kehoach.config.yaml'), '# văn phòng\ntemplates: ./khong-co\n');
    const init = run(['init', '--yes', '.'], work);
    expect(init.status).toBe(2);
    expect(init.stderr).toMatch(/kehoach\.config\.yaml:2:\d+.*khong-co/);
    // a plan: validate reports it at the config's line; render refuses
    writeFileSync(join(work, 'k.yaml'), readFileSync(join(ROOT, 'examples', '001-ubnd-binh-thuan-2023.yaml')));
    const v = run(['validate', 'k.yaml'], work);
    expect(v.status).toBe(1);
    expect(v.stdout).toMatch(/kehoach\.config\.yaml:2:\d+.*khong-co.*\[config\/templates\]/);
    const r = run(['render', 'k.yaml'], work);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/kehoach\.config\.yaml:2/);
    expect(existsSync(join(work, 'k.docx'))).toBe(false);
    // --templates given: the config's folder is not used, its mistake is still reported by validate
    writeFileSync(join(work, 'kehoach.config.yaml'), 'templates: [a]\n');
    const en = run(['--lang', 'en', 'validate', 'k.yaml'], work);
    expect(en.stdout).toMatch(/kehoach\.config\.yaml:1:\d+.*"templates:" must be the path/);
  });

  it('the package\'s commands still work with no office folder at all', () => {
    const work = tmp();
    const init = run(['init', '--khoi', 'dang', '--yes', '.'], work);
    expect(init.status, init.stderr).toBe(0);
    expect(run(['validate', '--strict', 'ke-hoach.yaml'], work).status).toBe(0);
    expect(run(['render', 'ke-hoach.yaml'], work).status).toBe(0);
    expect(run(['check', 'ke-hoach.docx'], work).status).toBe(0);
    expect(run(['import', 'ke-hoach.docx', '-o', 'n.yaml'], work).status).toBe(0);
    expect(parse(readFileSync(join(work, 'n.yaml'), 'utf8')).khoi).toBe('dang');
    // without the office's folder the office family is unknown
    expect(run(['init', '--khoi', 'hoi_nong_dan', '--yes', tmp()], work).status).toBe(2);
  });

  it('a changed office layout changes the batch environment hash (--incremental renders again)', () => {
    const dir = officeFolder();
    const before = environmentHash(dir);
    expect(before).not.toBe(environmentHash(join(ROOT, 'templates')));
    const file = join(dir, 'hoi_nong_dan', 'layout.yaml');
    writeFileSync(file, readFileSync(file, 'utf8') + '# sửa\n');
    expect(environmentHash(dir)).not.toBe(before);
  });
});
