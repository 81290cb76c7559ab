/**
 * The CLI in both languages: help (every command) and commander's own errors in Vietnamese by default and in
 * English with --lang en or KEHOACH_LANG=en; one exit-code table (missing file = 2 in render and validate);
 * "-" for stdin/stdout; --color / --no-color / NO_COLOR / FORCE_COLOR.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { CLI, EXAMPLES, EXAMPLES_DIR, docxParagraphs } from './helpers.js';

const run = (args: string[], env: Record<string, string> = {}, input?: string) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', KEHOACH_LANG: '', ...env } });
// Every command the program lists (so a command added later is checked too), and the program itself.
const listed = spawnSync(process.execPath, [CLI, '--lang', 'en', '--help'], { encoding: 'utf8' }).stdout;
const COMMANDS = ['', ...[...(listed.split('Commands:')[1] ?? '').matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]).filter((c) => c !== 'help')];
const VIETNAMESE = /[À-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]/;
const ENGLISH_BOILERPLATE = /Usage|Options:|Commands:|Arguments:|display help|output the version|\[options\]|\[command\]|default:|choices:/;

describe('help', () => {
  it('lists the commands', () => expect(COMMANDS).toEqual(expect.arrayContaining(['render', 'validate', 'batch', 'init', 'schema'])));
  it.each(COMMANDS)('"%s --help" in English has no Vietnamese letter; in Vietnamese no English boilerplate', (cmd) => {
    const args = [...(cmd ? [cmd] : []), '--help'];
    const en = run(['--lang', 'en', ...args]);
    expect(en.status).toBe(0);
    expect(en.stdout).toMatch(/Usage: kehoach/);
    expect(en.stdout.match(VIETNAMESE)?.[0], en.stdout).toBeUndefined();
    const viaEnv = run(args, { KEHOACH_LANG: 'en' });
    expect(viaEnv.stdout).toBe(en.stdout);
    const vi = run(args);
    expect(vi.status).toBe(0);
    expect(vi.stdout).toMatch(/Cách dùng: kehoach/);
    expect(vi.stdout.match(ENGLISH_BOILERPLATE)?.[0], vi.stdout).toBeUndefined();
    // the exit codes are listed, and the examples
    expect(vi.stdout).toMatch(/Mã thoát.*0.*1.*2.*3/s);
    expect(en.stdout).toMatch(/Exit codes.*0.*1.*2.*3/s);
    expect((en.stdout.split('Examples:')[1] ?? '').match(/\$ kehoach/g)?.length).toBeGreaterThanOrEqual(2);
  });
});

describe("commander's own errors are translated, exit 2", () => {
  it.each([
    [['render', 'x.yaml', '--bogus'], 'không có tùy chọn "--bogus"', 'unknown option "--bogus"'],
    [['render'], 'thiếu tham số bắt buộc', 'missing required argument'],
    [['rendr'], 'không có lệnh "rendr" (có phải ý bạn là "render"?)', 'unknown command "rendr" (did you mean "render"?)'],
    [['validate', 'x', '--format', 'xml'], 'giá trị "xml" không hợp lệ', 'invalid value "xml"'],
    [['batch', 'x'], 'thiếu tùy chọn bắt buộc', 'required option'],
  ])('%j', (args, vi, en) => {
    const v = run(args);
    expect(v.status).toBe(2);
    expect(v.stderr).toContain(vi);
    expect(v.stderr).not.toMatch(/error: /);
    const e = run(['--lang', 'en', ...args]);
    expect(e.status).toBe(2);
    expect(e.stderr).toContain(en);
    expect(e.stderr.match(VIETNAMESE)?.[0]).toBeUndefined();
  });
});

describe('exit codes are the same for the same situation', () => {
  it('a missing file: 2 in render and validate, one line', () => {
    for (const cmd of ['render', 'validate']) {
      const r = run([cmd, '/nonexistent/x.yaml']);
      expect(r.status, cmd).toBe(2);
      expect(r.stderr.trim().split('\n'), cmd).toHaveLength(1);
    }
  });
  it('an invalid plan: 1 in render and validate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-lang-'));
    writeFileSync(join(dir, 'x.yaml'), 'khoi: nha_nuoc\n');
    expect(run(['render', join(dir, 'x.yaml')]).status).toBe(1);
    expect(run(['validate', join(dir, 'x.yaml')]).status).toBe(1);
  });
});

describe('"-" for stdin and stdout', () => {
  const yaml = readFileSync(join(EXAMPLES_DIR, EXAMPLES[1]), 'utf8');
  it('validate - reads the plan from stdin', () => {
    expect(run(['validate', '-'], {}, yaml).status).toBe(0);
    const bad = run(['validate', '-'], {}, 'khoi: nha_nuoc\n');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('<stdin>:');
  });
  it('render - -o - writes the .docx to stdout', () => {
    const r = spawnSync(process.execPath, [CLI, 'render', '-', '-o', '-'], { input: yaml });
    expect(r.status, String(r.stderr)).toBe(0);
    expect(r.stdout.subarray(0, 2).toString()).toBe('PK');
    expect(docxParagraphs(r.stdout).join('\n')).toContain('KẾ HOẠCH');
  });
});

describe('colour', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kh-colour-'));
  writeFileSync(join(dir, 'x.yaml'), 'khoi: nha_nuoc\n');
  const esc = (r: ReturnType<typeof run>) => /\u001b\[/.test(r.stdout + r.stderr);
  it('none off a terminal; --color and FORCE_COLOR force it; --no-color and NO_COLOR remove it', () => {
    expect(esc(run(['validate', join(dir, 'x.yaml')]))).toBe(false);
    expect(esc(run(['--color', 'validate', join(dir, 'x.yaml')]))).toBe(true);
    expect(esc(run(['validate', join(dir, 'x.yaml')], { FORCE_COLOR: '1' }))).toBe(true);
    expect(esc(run(['--no-color', 'validate', join(dir, 'x.yaml')], { FORCE_COLOR: '1' }))).toBe(false);
    expect(esc(run(['validate', join(dir, 'x.yaml')], { FORCE_COLOR: '1', NO_COLOR: '1' }))).toBe(false);
  });
});
