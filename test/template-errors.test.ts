/**
 * An office's template mistakes (issue 23, item 26): a prototype access (`{{constructor}}`, `{{__proto__}}`,
 * `{{lookup this "constructor"}}` …), which Handlebars denies silently, is reported; every template error names the
 * template file, with the line where Handlebars gives one; every message is in the user's language (vi and en);
 * `kehoach render` exits 2 and writes nothing.
 */
import { describe, it, expect } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { renderPlan, KehoachError } from '../src/index.js';
import { catalogue } from '../src/i18n/messages.js';
import { CLI, ROOT } from './helpers.js';

const PLAN = readFileSync(join(ROOT, 'test', 'fixtures', 'minimal.yaml'), 'utf8').replace(/^khoi: .*$/m, 'khoi: hoi_nong_dan');
const TITLE = readFileSync(join(ROOT, 'templates', 'common', 'title.hbs'), 'utf8');

/** An office folder: the fixture family, with `files` (name → text) of its own beside its layout.yaml. */
function office(files: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kh-tpl-')), 'mau');
  mkdirSync(join(dir, 'hoi_nong_dan'), { recursive: true });
  cpSync(join(ROOT, 'test', 'fixtures', 'templates-office', 'hoi_nong_dan', 'layout.yaml'), join(dir, 'hoi_nong_dan', 'layout.yaml'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'hoi_nong_dan', name), text);
  return dir;
}
async function rejection(p: Promise<unknown>): Promise<KehoachError> {
  try { await p; } catch (e) { if (e instanceof KehoachError) return e; throw e; }
  throw new Error('expected a rejection');
}
/** Renders with the office folder in both languages: the error of each, and the CLI's exit, stderr and output file. */
async function fails(dir: string) {
  const vi = await rejection(renderPlan(PLAN, { templatesDir: dir }));
  const en = await rejection(renderPlan(PLAN, { templatesDir: dir, lang: 'en' }));
  const plan = join(dir, '..', 'kh.yaml');
  writeFileSync(plan, PLAN);
  const out = join(dir, '..', 'kh.docx');
  const cli = spawnSync(process.execPath, [CLI, '--templates', dir, 'render', plan, '-o', out], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { vi, en, cli, written: existsSync(out) };
}
const lineOf = (text: string, s: string) => text.split('\n').findIndex((l) => l.includes(s)) + 1;

describe('a prototype access in an office template is an error at its file and line, not an empty string', () => {
  it.each([
    ['{{constructor}}'],
    ['{{__proto__}}'],
    ['{{lookup this "constructor"}}'],
    ['{{lookup this "__proto__"}}'],
    ['{{ten_loai.constructor}}'],
    ['{{#with constructor}}x{{/with}}'],
    ['{{toString}}'],
    ['{{constructor.name}}'],
  ])('%s', async (expr) => {
    const text = `${TITLE}<p style="than">${expr}</p>\n`;
    const dir = office({ 'title.hbs': text });
    const file = join(dir, 'hoi_nong_dan', 'title.hbs');
    const { vi, en, cli, written } = await fails(dir);
    expect(vi.kind).toBe('usage');
    expect(vi.diagnostics).toEqual([expect.objectContaining({ file, line: lineOf(text, expr), rule: 'template/error' })]);
    expect(vi.message).toContain(file);
    expect(vi.message).toMatch(/thuộc tính nguyên mẫu/);
    expect(en.message).toMatch(/prototype property/);
    expect(cli.status, cli.stderr).toBe(2);
    expect(cli.stderr).toContain(`title.hbs`);
    expect(cli.stderr).toContain('nguyên mẫu');
    expect(cli.stderr).not.toMatch(/Access has been denied/);
    expect(written).toBe(false);
  }, 60_000);
});

describe('every template error names the template file (and the line Handlebars gives), in the user\'s language', () => {
  const cases: [string, string, string, RegExp, RegExp][] = [
    ['a syntax error', '<p style="than">\n{{ten_loai}</p>\n', '{{ten_loai}</p>', /lỗi cú pháp Handlebars/, /Handlebars syntax error/],
    ['a block closed by another name', '{{#if ten_loai}}x{{/each}}\n', '{{#if ten_loai}}', /lỗi cú pháp Handlebars/, /Handlebars syntax error/],
    ['a field the view lacks', '<p style="than">{{khong_co}}</p>\n', '{{khong_co}}', /trường "khong_co" mà dữ liệu không có/, /the field "khong_co", which the data does not have/],
    ['a field of a text (not an object)', '<p style="than">{{ten_loai.x}}</p>\n', '{{ten_loai.x}}', /trường "x"/, /the field "x"/],
    ['a partial that does not exist', '{{> khong_co_mau}}\n', '{{> khong_co_mau}}', /không có tệp khong_co_mau\.hbs/, /no khong_co_mau\.hbs/],
    ['a helper that does not exist (strict: a field)', '<p style="than">{{khong_co_ham ten_loai}}</p>\n', 'khong_co_ham', /trường "khong_co_ham"/, /the field "khong_co_ham"/],
    ['a built-in helper\'s complaint', '{{#each}}x{{/each}}\n', '{{#each}}', /lỗi khi chạy mẫu/, /error while running the template/],
    ['markup written badly', '<p style="than">x</q>\n', '<p style="than">x</q>', /markup hỏng/, /broken markup/],
    ['an element the writer does not know', '<khong-co>x</khong-co>\n', '<khong-co>', /markup hỏng/, /broken markup/],
  ];
  it.each(cases)('%s', async (_label, extra, at, vi_, en_) => {
    const text = `${TITLE}${extra}`;
    const dir = office({ 'title.hbs': text });
    const file = join(dir, 'hoi_nong_dan', 'title.hbs');
    const { vi, en, cli, written } = await fails(dir);
    expect(vi.kind).toBe('usage');
    const line = lineOf(text, at);
    expect(vi.diagnostics).toEqual([expect.objectContaining({ file, rule: 'template/error' })]);
    if (_label !== 'a built-in helper\'s complaint') expect(vi.diagnostics[0].line).toBe(line);
    expect(vi.message).toMatch(/^lỗi trong mẫu của cơ quan /);
    expect(vi.message).toMatch(vi_);
    expect(en.message).toMatch(/^error in the office's template /);
    expect(en.message).toMatch(en_);
    expect(cli.status, cli.stderr).toBe(2);
    expect(cli.stderr).toContain(`title.hbs:${vi.diagnostics[0].line}:`);
    expect(written).toBe(false);
  }, 60_000);

  it('an error in a partial names the partial, not the template that calls it', async () => {
    const dir = office({ 'title.hbs': `${TITLE}{{> phan_rieng}}\n`, 'phan_rieng.hbs': '<p style="than">\n{{khong_co}}</p>\n' });
    const { vi } = await rejection(renderPlan(PLAN, { templatesDir: dir })).then((vi) => ({ vi }));
    expect(vi.diagnostics[0]).toMatchObject({ file: join(dir, 'hoi_nong_dan', 'phan_rieng.hbs'), line: 2 });
  });

  it('the message of a missing document.hbs is in the user\'s language (no message is given in English only)', () => {
    const src = ['src/render/template.ts', 'src/pipeline.ts', 'src/profile.ts'].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
    expect(src).not.toMatch(/msg\([^)]*'en'/);
    for (const k of Object.keys(catalogue).filter((k) => k.startsWith('template/') || k === 'config/template-missing' || k === 'input/template-error')) {
      const e = catalogue[k as keyof typeof catalogue];
      const p = { file: 'f', detail: 'd', name: 'n', markupLine: 1, khoi: 'k', dir: 'd' };
      expect(e.vi(p), k).not.toBe(e.en(p));
    }
  });

  it('the package\'s own templates render as before (no denied lookup in them)', async () => {
    const dir = office({});
    const r = await renderPlan(PLAN, { templatesDir: dir });
    expect(r.length).toBeGreaterThan(1000);
  });
});
