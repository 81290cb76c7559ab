/**
 * `kehoach fix` / `validate --fix`: on a copy of a fixture with every mechanical warning, the plan afterwards
 * validates with none and renders the intended text; comments and layout stay; suppressed findings are left
 * alone; a second run changes nothing; a failed write leaves the file as it was.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { CLI, ROOT, docxParagraphs } from './helpers.js';
import { fixPlan, planDate } from '../src/fix.js';
import { validateFile } from '../src/batch/validate.js';
import { renderPlanFile } from '../src/index.js';

const FIXTURE = join(ROOT, 'test/fixtures/fix/every-warning.yaml');
const run = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kh-fix-'));
  mkdirSync(join(dir, '.git'));
  copyFileSync(FIXTURE, join(dir, 'kh.yaml'));
  return dir;
}

describe('kehoach fix', () => {
  it('leaves a plan that validates with no warning and renders the intended text', async () => {
    const dir = copy();
    const before = await validateFile(join(dir, 'kh.yaml'));
    expect(before.map((d) => d.rule)).toContain('schema/date');
    const r = run(['validate', '--fix', '--strict', 'kh.yaml'], dir);
    expect(r.stdout).toBe('');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('kh.yaml: đã sửa 11 chỗ');
    expect(r.stderr).toContain('kh.yaml:7:16  05/03/2025 → 2025-03-05  [schema/date]');
    expect(r.stderr).toContain('"KT. GIÁM ĐỐC" → "GIÁM ĐỐC", quyen_han: KT  [chu-ky/tien-to]');
    expect(await validateFile(join(dir, 'kh.yaml'))).toEqual([]);
    const paras = docxParagraphs((await renderPlanFile(join(dir, 'kh.yaml'))).bytes);
    const has = (s: string) => expect(paras.some((p) => p.includes(s)), `${s}\n${paras.join('\n')}`).toBe(true);
    has('Tổ chức phong trào thi đua năm 2025');
    has('I. MỤC ĐÍCH, YÊU CẦU');
    has('II. TỔ CHỨC THỰC HIỆN');
    has('ngày 05 tháng 3 năm 2025');
    has('KT. GIÁM ĐỐC');
    has('Các phòng triển khai');
    expect(paras.some((p) => /I\. I\.|1\. 1\.|- - |a\) a\)|  /.test(p))).toBe(false);
    expect(paras.some((p) => p.includes('năm 2025.'))).toBe(false);
  }, 60_000);

  it('keeps comments, key order and quoting; edits only the values concerned', async () => {
    const dir = copy();
    const r = await fixPlan(join(dir, 'kh.yaml'));
    const orig = readFileSync(FIXTURE, 'utf8').split('\n');
    const fixed = r.text.split('\n');
    expect(fixed[0]).toBe(orig[0]);
    expect(fixed).toContain('ngay_ban_hanh: 2025-03-05   # ngày ban hành');
    expect(fixed).toContain('      - doan: "Phát huy tinh thần thi đua."');
    expect(fixed).toContain("          - 'Cán bộ gương mẫu.'");
    expect(fixed).toContain('  quyen_han: KT');
    expect(fixed).toContain('  thu_truong: GIÁM ĐỐC  # gõ nhầm');
    expect(fixed).toContain('          Các phòng triển khai');
    expect(fixed.length).toBe(orig.length + 1); // only the quyen_han line added
    // nothing left to do the second time
    writeFileSync(join(dir, 'kh.yaml'), r.text);
    expect((await fixPlan(join(dir, 'kh.yaml'))).changes).toEqual([]);
  });

  it('leaves suppressed findings alone, and an invalid plan (other errors) is only date-fixed', async () => {
    const dir = copy();
    const text = readFileSync(FIXTURE, 'utf8').replace('trich_yeu:', '# kehoach-disable-next-line trich-yeu/dau-cham -- như bản gốc\ntrich_yeu:');
    writeFileSync(join(dir, 'kh.yaml'), text);
    const r = await fixPlan(join(dir, 'kh.yaml'));
    expect(r.changes.filter((c) => c.rule === 'trich-yeu/dau-cham')).toEqual([]);
    expect(r.text).toContain('thi đua năm 2025.\n');
    writeFileSync(join(dir, 'bad.yaml'), readFileSync(FIXTURE, 'utf8').replace('dia_danh: Bình Thuận\n', ''));
    const bad = await fixPlan(join(dir, 'bad.yaml'));
    expect(bad.blocked).toBe(true);
    expect(bad.changes.map((c) => c.rule)).toEqual(['schema/date', 'schema/date']);
  });

  it('a failed write (full disk) leaves the file as it was, with a message and exit 1', () => {
    const dir = copy();
    const r = run(['fix', 'kh.yaml'], dir, { KEHOACH_FAULT_WRITE: 'ENOSPC' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('không ghi được kh.yaml: ổ đĩa đầy');
    expect(readFileSync(join(dir, 'kh.yaml'), 'utf8')).toBe(readFileSync(FIXTURE, 'utf8'));
  }, 60_000);

  it('dates written another way: only real dates, in the form the field holds', () => {
    expect(planDate('5/3/2025', 'date')).toBe('2025-03-05');
    expect(planDate('30.06.2025', 'date')).toBe('2025-06-30');
    expect(planDate('2026-12-7', 'ngay-hoac-nam')).toBe('2026-12-07');
    expect(planDate('ngày 05 tháng 02 năm 2025', 'ngay-hoac-nam')).toBe('2025-02-05');
    expect(planDate('ngày      tháng 12 năm 2026', 'ngay-hoac-nam')).toBe('2026-12'); // a draft: the field holds its month and year
    expect(planDate('2026-3', 'thang-hoac-ngay')).toBe('2026-03');
    expect(planDate('31/02/2025', 'date')).toBeUndefined();
    expect(planDate('ngày 31 tháng 02 năm 2025', 'ngay-hoac-nam')).toBeUndefined();
    expect(planDate('2025-03-05', 'date')).toBeUndefined(); // already the plan's form
  });
});

describe('dates through the CLI: validate says the form and the replacement, fix rewrites it', () => {
  const plan = (ngay: string, han: string) => readFileSync(FIXTURE, 'utf8')
    .replace('ngay_ban_hanh: 05/03/2025', `ngay_ban_hanh: ${ngay}`).replace('han: 30/6/2025', `han: ${han}`)
    .replace('  thu_truong: KT. GIÁM ĐỐC', '  quyen_han: KT\n  thu_truong: GIÁM ĐỐC');
  const dirWith = (text: string) => { const dir = copy(); writeFileSync(join(dir, 'kh.yaml'), text); return dir; };

  it('han: 30/6/2027 is a date in the d/m/yyyy form, reported as ngay_ban_hanh: 05/02/2025 is; 2026-12-7 → 2026-12-07', async () => {
    const dir = dirWith(plan('2026-12-7', '30/6/2027'));
    const vi = run(['validate', 'kh.yaml'], dir);
    const out = vi.stdout + vi.stderr;
    expect(vi.status).toBe(1);
    expect(out).toContain('kh.yaml:7:16  error  ngày "2026-12-7" phải viết dạng YYYY-MM-DD  [schema/date]\n    Có phải ý bạn là 2026-12-07?');
    expect(out).toContain('kh.yaml:23:16  error  ngày "30/6/2027" phải viết dạng YYYY-MM-DD  [schema/date]\n    Có phải ý bạn là 2027-06-30?');
    expect(out).not.toContain('không phải ngày có thật');
    const en = run(['--lang', 'en', 'validate', 'kh.yaml'], dir);
    expect(en.stdout + en.stderr).toContain('kh.yaml:23:16  error  the date "30/6/2027" must be written as YYYY-MM-DD  [schema/date]\n    Did you mean 2027-06-30?');
    expect(en.stdout + en.stderr).toContain('Did you mean 2026-12-07?');
    // the same treatment as the issue date written 05/02/2025: same rule, same severity, same message
    const same = (await validateFile(join(dirWith(plan('05/02/2025', '2025-06-30')), 'kh.yaml'))).find((d) => d.path?.[0] === 'ngay_ban_hanh')!;
    const han = (await validateFile(join(dir, 'kh.yaml'))).find((d) => d.path?.includes('han'))!;
    expect([han.rule, han.severity, han.message.replace('30/6/2027', 'X')]).toEqual([same.rule, same.severity, same.message.replace('05/02/2025', 'X')]);
    const fx = run(['fix', 'kh.yaml'], dir);
    expect(fx.status, fx.stderr).toBe(0);
    expect(fx.stdout + fx.stderr).toContain('kh.yaml:7:16  2026-12-7 → 2026-12-07  [schema/date]');
    expect(fx.stdout + fx.stderr).toContain('kh.yaml:23:16  30/6/2027 → 2027-06-30  [schema/date]');
    const text = readFileSync(join(dir, 'kh.yaml'), 'utf8');
    expect(text).toContain('ngay_ban_hanh: 2026-12-07   # ngày ban hành');
    expect(text).toContain('          han: 2027-06-30\n');
    expect((await validateFile(join(dir, 'kh.yaml'))).filter((d) => d.rule === 'schema/date')).toEqual([]);
  }, 60_000);

  it('"ngày 31 tháng 02 năm 2025" and 2025-02-30 are not real dates: said so, in both languages, and fix leaves them', () => {
    const dir = dirWith(plan('ngày 31 tháng 02 năm 2025', '2025-02-30'));
    const vi = run(['validate', 'kh.yaml'], dir);
    expect(vi.stdout + vi.stderr).toContain('kh.yaml:7:16  error  "ngày 31 tháng 02 năm 2025" không phải ngày có thật');
    expect(vi.stdout + vi.stderr).toContain('kh.yaml:23:16  error  "2025-02-30" không phải ngày có thật');
    const en = run(['--lang', 'en', 'validate', 'kh.yaml'], dir);
    expect(en.stdout + en.stderr).toContain('"ngày 31 tháng 02 năm 2025" is not a real calendar date');
    expect(en.stdout + en.stderr).toContain('"2025-02-30" is not a real calendar date');
    const before = readFileSync(join(dir, 'kh.yaml'), 'utf8');
    run(['fix', 'kh.yaml'], dir);
    expect(readFileSync(join(dir, 'kh.yaml'), 'utf8')).toBe(before);
  }, 60_000);

  it('the date line written in ngay_ban_hanh is read and rewritten; a draft\'s line keeps its year', async () => {
    const dir = dirWith(plan('ngày 05 tháng 02 năm 2025', '2025-06-30'));
    expect((await fixPlan(join(dir, 'kh.yaml'))).text).toContain('ngay_ban_hanh: 2025-02-05   # ngày ban hành');
    const draft = dirWith(plan('"ngày      tháng      năm 2025"', '2025-06-30'));
    const d = (await validateFile(join(draft, 'kh.yaml'))).find((x) => x.path?.[0] === 'ngay_ban_hanh')!;
    expect([d.rule, d.hint]).toEqual(['schema/date', 'Có phải ý bạn là 2025?']);
    expect((await fixPlan(join(draft, 'kh.yaml'))).text).toContain('ngay_ban_hanh: 2025   # ngày ban hành');
  });
});

describe('issue 23, item 18: an initial is not a typed number', () => {
  it('keeps "C. Mác" and "V. I. Lênin", removes "I. " before an all-caps heading and "C. " before a lower-case word', async () => {
    const { withoutLeadingNumber, LEADING_NUMBER } = await import('../src/form/numbering.js');
    expect(withoutLeadingNumber('C. Mác đã chỉ rõ.')).toBe('C. Mác đã chỉ rõ.');
    expect(withoutLeadingNumber('V. I. Lênin dạy: học, học nữa.')).toBe('V. I. Lênin dạy: học, học nữa.');
    expect(withoutLeadingNumber('    V. I. Lênin dạy', true)).toBe('    V. I. Lênin dạy');
    expect(withoutLeadingNumber('I. MỤC ĐÍCH, YÊU CẦU')).toBe('MỤC ĐÍCH, YÊU CẦU');
    expect(withoutLeadingNumber('II. Mục đích')).toBe('Mục đích');
    expect(withoutLeadingNumber('C. nội dung')).toBe('nội dung');
    expect(LEADING_NUMBER.test('X. Ăngghen')).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), 'kh-fix-initial-'));
    mkdirSync(join(dir, '.git'));
    const text = readFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), 'utf8')
      .replace('  - tieu_de: MỤC ĐÍCH, YÊU CẦU', '  - tieu_de: I. MỤC ĐÍCH, YÊU CẦU')
      .replace('      - doan: Phát huy tinh thần thi đua.', '      - doan: C. Mác đã chỉ rõ vai trò của thi đua.\n      - doan: V. I. Lênin dạy học, học nữa, học mãi.');
    writeFileSync(join(dir, 'kh.yaml'), text);
    const r = await fixPlan(join(dir, 'kh.yaml'));
    expect(r.text).toContain('  - tieu_de: MỤC ĐÍCH, YÊU CẦU\n');
    expect(r.text).toContain('- doan: C. Mác đã chỉ rõ vai trò của thi đua.');
    expect(r.text).toContain('- doan: V. I. Lênin dạy học, học nữa, học mãi.');
  });
});

describe('issue 23, item 8: a suppression comment keeps applying after fix inserts a line above it', () => {
  const plan = (tail: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-fix-suppress-'));
    mkdirSync(join(dir, '.git'));
    const text = readFileSync(FIXTURE, 'utf8').replace(/nguoi_ky:\n[\s\S]*$/, `nguoi_ky:\n${tail}`);
    writeFileSync(join(dir, 'kh.yaml'), text);
    return { dir, file: join(dir, 'kh.yaml'), text };
  };
  it('a suppressed finding below the inserted quyen_han line is still left alone (fix and validate --fix)', async () => {
    const tail = '  thu_truong: KT. GIÁM ĐỐC\n  chuc_vu: PHÓ GIÁM ĐỐC\n  # kehoach-disable-next-line van-ban/khoang-trang -- như chữ ký mẫu\n  ho_ten: Nguyễn  Văn An\n';
    const { dir, file } = plan(tail);
    const r = await fixPlan(file);
    expect(r.text).toContain('  quyen_han: KT\n  thu_truong: GIÁM ĐỐC\n');
    expect(r.changes.filter((c) => c.before.includes('Nguyễn  Văn An'))).toEqual([]);
    expect(r.text).toContain('  # kehoach-disable-next-line van-ban/khoang-trang -- như chữ ký mẫu\n  ho_ten: Nguyễn  Văn An\n');
    const v = run(['validate', '--fix', 'kh.yaml'], dir);
    expect(v.status, v.stderr + v.stdout).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('  ho_ten: Nguyễn  Văn An\n');
    expect(await validateFile(file)).toEqual([]);
  }, 60_000);
  it('a line inserted for a key with a suppression comment above goes above the comment: the comment keeps its line', async () => {
    const tail = '  # kehoach-disable-next-line van-ban/khoang-trang -- như chữ ký mẫu\n  thu_truong: KT. GIÁM  ĐỐC\n  chuc_vu: PHÓ GIÁM ĐỐC\n  ho_ten: Nguyễn Văn An\n';
    const { file } = plan(tail);
    const r = await fixPlan(file);
    expect(r.text).toContain('nguoi_ky:\n  quyen_han: KT\n  # kehoach-disable-next-line van-ban/khoang-trang -- như chữ ký mẫu\n  thu_truong: GIÁM  ĐỐC\n');
    writeFileSync(file, r.text);
    expect(await validateFile(file)).toEqual([]);
  });
});

describe('issue 23, item 21: a value shared through a YAML alias is not changed silently', () => {
  const plan = (edit: (t: string) => string) => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-fix-alias-'));
    mkdirSync(join(dir, '.git'));
    const text = edit(readFileSync(FIXTURE, 'utf8'));
    writeFileSync(join(dir, 'kh.yaml'), text);
    return { dir, file: join(dir, 'kh.yaml'), text };
  };
  const lineOf = (text: string, s: string) => text.split('\n').findIndex((l) => l.includes(s)) + 1;
  it('a text with an anchor used elsewhere: refused, naming the anchor and every line it reaches; the rest is fixed', async () => {
    const { dir, file, text } = plan((t) => t.replace('      - doan: "1. Phát huy tinh thần thi đua."', '      - doan: &chung "Phát huy  tinh thần thi đua."')
      .replace('      - doan: |\n', '      - doan: *chung\n      - doan: |\n'));
    const r = await fixPlan(file);
    expect(r.text).toContain('- doan: &chung "Phát huy  tinh thần thi đua."');
    expect(r.text).toContain('- doan: *chung\n');
    expect(r.changes.some((c) => c.before.includes('Phát huy'))).toBe(false);
    expect(r.changes.some((c) => c.rule === 'chu-ky/tien-to')).toBe(true); // the other fixes are made
    const a = lineOf(r.text, '&chung'), b = lineOf(r.text, '*chung');
    expect(r.notes).toEqual([expect.objectContaining({ file, line: a, rule: 'van-ban/khoang-trang' })]);
    expect(r.notes[0].message).toContain(`&chung (dòng ${a}, ${b})`);
    const en = run(['fix', '--lang', 'en', 'kh.yaml'], dir);
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdout).toContain(`kh.yaml:${a}:`);
    expect(en.stdout).toContain(`not fixed "Phát huy  tinh thần thi đua." → "Phát huy tinh thần thi đua.": the value is shared through the anchor &chung (lines ${a}, ${b})`);
    expect(readFileSync(file, 'utf8')).toContain('"Phát huy  tinh thần thi đua."');
    expect(text).not.toBe(readFileSync(file, 'utf8'));
  }, 60_000);
  it('a date with an anchor used elsewhere is refused; one without alias is fixed', async () => {
    const { file } = plan((t) => t.replace('ngay_ban_hanh: 05/03/2025', 'ngay_ban_hanh: &ngay 05/03/2025').replace('han: 30/6/2025', 'han: *ngay'));
    const r = await fixPlan(file);
    expect(r.text).toContain('ngay_ban_hanh: &ngay 05/03/2025');
    expect(r.text).toContain('han: *ngay');
    expect(r.changes.filter((c) => c.rule === 'schema/date')).toEqual([]);
    const a = lineOf(r.text, '&ngay'), b = lineOf(r.text, '*ngay');
    expect(r.notes).toEqual([expect.objectContaining({ line: a, rule: 'schema/date' })]);
    expect(r.notes[0].message).toContain(`&ngay (dòng ${a}, ${b})`);
    const lone = plan((t) => t.replace('ngay_ban_hanh: 05/03/2025', 'ngay_ban_hanh: &ngay 05/03/2025'));
    const l = await fixPlan(lone.file);
    expect(l.text).toContain('ngay_ban_hanh: &ngay 2025-03-05');
    expect(l.notes).toEqual([]);
  });
  it('a value inside an anchored section repeated by an alias (the path goes through *alias): refused once, both lines named', async () => {
    const { file } = plan((t) => t.replace('  - tieu_de: TỔ CHỨC THỰC HIỆN', '  - &muc\n    tieu_de: TỔ CHỨC  THỰC HIỆN').replace('noi_nhan:\n', '  - *muc\nnoi_nhan:\n').replace('han: 30/6/2025', 'han: 2025-06-30'));
    const r = await fixPlan(file);
    expect(r.text).toContain('    tieu_de: TỔ CHỨC  THỰC HIỆN\n');
    expect(r.text).toContain('          a) Các phòng  triển khai'); // inside the shared section too
    const a = lineOf(r.text, 'tieu_de: TỔ CHỨC  THỰC HIỆN'), b = lineOf(r.text, '*muc');
    const notes = r.notes.filter((n) => n.rule === 'van-ban/khoang-trang' && n.message.includes('TỔ CHỨC'));
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toContain(`&muc (dòng ${a}, ${b})`);
    expect(r.changes.some((c) => c.line > a && c.line < b)).toBe(false);
    expect(r.blocked).toBe(false);
  });
});
