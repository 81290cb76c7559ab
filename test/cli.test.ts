/** The CLI: render writes beside the input or to -o; refuses to write an invalid plan and says where; exit codes. */
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, existsSync, copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { CLI, EXAMPLES, EXAMPLES_DIR } from './helpers.js';

const run = (args: string[], cwd?: string) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
const tmp = () => mkdtempSync(join(tmpdir(), 'kh-cli-'));

describe('kehoach render', () => {
  it('writes <name>.docx beside the input by default', () => {
    const dir = tmp();
    copyFileSync(join(EXAMPLES_DIR, EXAMPLES[1]), join(dir, 'plan.yaml'));
    const r = run(['render', join(dir, 'plan.yaml')]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'plan.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(r.stdout).toContain('plan.docx');
  });

  it('writes into a directory given with -o dir/', () => {
    const dir = tmp();
    const r = run(['render', join(EXAMPLES_DIR, EXAMPLES[0]), '-o', dir + '/']);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, EXAMPLES[0].replace('.yaml', '.docx')))).toBe(true);
  });

  it('refuses an invalid plan: every error with file:line:col, exit 1, nothing written, old file untouched', () => {
    const dir = tmp();
    const src = readFileSync(join(EXAMPLES_DIR, EXAMPLES[0]), 'utf8')
      .replace(/^ngay_ban_hanh: .*$/m, 'ngay_ban_hanh: 2018-02-30')
      .replace(/^dia_danh:/m, 'dia_danh_x:');
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, src);
    writeFileSync(join(dir, 'bad.docx'), 'previous');
    const r = run(['render', file]);
    expect(r.status).toBe(1);
    const dateLine = src.split('\n').findIndex((l) => l.startsWith('ngay_ban_hanh')) + 1;
    const keyLine = src.split('\n').findIndex((l) => l.startsWith('dia_danh_x')) + 1;
    expect(r.stderr).toContain(`${file}:${dateLine}:16  error  "2018-02-30" không phải ngày có thật`);
    expect(r.stderr).toContain(`${file}:${keyLine}:1  error  khóa không hợp lệ "dia_danh_x"`);
    expect(r.stderr).toContain('Có phải ý bạn là "dia_danh"?');
    expect(r.stderr).toMatch(/không ghi tệp/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'bad.docx'), 'utf8')).toBe('previous');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('speaks English with --lang en', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'x.yaml'), 'khoi: nha_nuoc\n');
    const r = run(['--lang', 'en', 'render', join(dir, 'x.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('missing required field "co_quan_ban_hanh"');
    expect(r.stderr).toContain('nothing written');
  });

  it('a missing file is one line, exit 2 (as in validate), no stack', () => {
    const r = run(['render', '/nonexistent/plan.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('/nonexistent/plan.yaml');
    expect(run(['validate', '/nonexistent/plan.yaml']).status).toBe(2);
  });

  it('usage errors exit 2', () => {
    expect(run(['render']).status).toBe(2);
    expect(run(['render', 'x.yaml', '--bogus']).status).toBe(2);
  });
});

describe('kehoach schema', () => {
  it('prints the JSON Schema', () => {
    const r = run(['schema']);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.properties.noi_nhan.title).toBe('Nơi nhận');
  });
});

describe('failures are one line and an exit code', () => {
  it('a wrong --templates folder is a usage error (exit 2), not a crash', () => {
    const r = run(['--templates', '/nonexistent', 'render', join(EXAMPLES_DIR, EXAMPLES[1]), '-o', join(tmp(), 'x.docx')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('/nonexistent'); // (an office's folder adds to the package's: a missing one is named)
  });
  it('an office template that writes unknown markup is an error at its file, one line (exit 2), nothing written', () => {
    const dir = tmp();
    // a template folder whose document.hbs emits markup with an unknown element
    for (const f of ['nha_nuoc', 'common']) spawnSync('mkdir', ['-p', join(dir, f)]);
    writeFileSync(join(dir, 'nha_nuoc', 'layout.yaml'), readFileSync(join(EXAMPLES_DIR, '..', 'templates', 'nha_nuoc', 'layout.yaml')));
    writeFileSync(join(dir, 'common', 'document.hbs'), '<document><section><blink>x</blink></section></document>');
    const args = ['--templates', dir, 'render', join(EXAMPLES_DIR, EXAMPLES[1]), '-o', join(dir, 'x.docx')];
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('<blink>');
    expect(r.stderr).toMatch(/common\/document\.hbs:1:1 .*\[template\/error\]/);
    expect(r.stderr).not.toContain('?');
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
  });
});

describe('the README first command', () => {
  it('`npx kehoach render <example>` runs the package bin (dist/cli.cjs is executable)', () => {
    const dir = tmp();
    const r = spawnSync('npx', ['--no-install', 'kehoach', 'render', join(EXAMPLES_DIR, EXAMPLES[1]), '-o', join(dir, 'x.docx')], { encoding: 'utf8', cwd: join(EXAMPLES_DIR, '..') });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'x.docx'))).toBe(true);
  }, 180_000);
});
