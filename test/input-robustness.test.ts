/**
 * Never silent, input side (issue 8): a comment that cuts a text, typed marks that would print twice, files that
 * are not files, ke_thua mistakes, keys that reach Object.prototype, objects YAML cannot hold, plans too big to
 * render in reasonable time.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, mkdirSync, symlinkSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { validatePlan, renderPlan, renderPlanFile, KehoachError, type Diagnostic } from '../src/index.js';
import { validateFile } from '../src/batch/validate.js';
import { ROOT, CLI, EXAMPLES, EXAMPLES_DIR } from './helpers.js';

const MINIMAL = readFileSync(join(ROOT, 'test', 'fixtures', 'minimal.yaml'), 'utf8');
const edit = (...pairs: [string, string][]) => pairs.reduce((t, [a, b]) => {
  if (!t.includes(a)) throw new Error(`not found: ${a}`);
  return t.replace(a, b);
}, MINIMAL);
const show = (ds: Diagnostic[]) => ds.map((d) => `${d.file}:${d.line}:${d.column} [${d.rule}] ${d.message}`).join('\n') || '(none)';
async function rejection(p: Promise<unknown>): Promise<KehoachError> {
  try { await p; } catch (e) { if (e instanceof KehoachError) return e; throw e; }
  throw new Error('expected a KehoachError');
}

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'kehoach-h4-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a "#" that cuts a text', () => {
  it('warns at the "#" on a text value, with the quoted form to write', () => {
    const ds = validatePlan(edit(['dia_danh: Bình Thuận', 'dia_danh: Bình Thuận (khu #2, cạnh chợ)']));
    const d = ds.find((x) => x.rule === 'yaml/comment-in-text');
    expect(d, show(ds)).toMatchObject({ line: 9, column: 27, severity: 'warning', path: ['dia_danh'] });
    expect(d!.hint).toContain('"Bình Thuận (khu #2, cạnh chợ)"');
  });
  it('warns in a list item too (a single space before "#")', () => {
    const ds = validatePlan(edit(['    - UBND tỉnh\n', '    - UBND tỉnh # Phòng Nội chính\n']));
    expect(ds.filter((x) => x.rule === 'yaml/comment-in-text').map((d) => [d.line, d.column]), show(ds)).toEqual([[25, 17]]);
  });
  it('leaves comments after codes, dates and numbers alone, and "  # note" after a complete text', () => {
    const ds = validatePlan(edit(['  so: 12\n', '  so: 12 #số cũ\n'], ['ngay_ban_hanh: 2025-03-05', 'ngay_ban_hanh: 2025-03-05 # dự kiến'], ['dia_danh: Bình Thuận', 'dia_danh: Bình Thuận  # plausible value']));
    expect(ds.filter((x) => x.rule === 'yaml/comment-in-text'), show(ds)).toEqual([]);
  });
  it('the examples (which carry comments after values) get no such warning', () => {
    for (const f of EXAMPLES) {
      const ds = validatePlan(readFileSync(join(EXAMPLES_DIR, f), 'utf8'), { file: f });
      expect(ds.filter((x) => x.rule === 'yaml/comment-in-text'), show(ds)).toEqual([]);
    }
  });
});

describe('warnings that would print a visibly wrong document stop rendering unless forced', () => {
  const cases: [string, string, [string, string]][] = [
    ['a "Lưu" line in cac_noi', 'noi-nhan/luu-trong-cac-noi', ['    - UBND tỉnh\n', '    - "Lưu: VT, VP."\n']],
    ['a typed "-" before a recipient', 'noi-nhan/gach-dau', ['    - UBND tỉnh\n', '    - "- UBND tỉnh"\n']],
    ['a typed "II." before a heading', 'so-thu-tu/tu-viet', ['  - tieu_de: TỔ CHỨC THỰC HIỆN', '  - tieu_de: II. TỔ CHỨC THỰC HIỆN']],
  ];
  it.each(cases)('%s', async (_label, rule, pair) => {
    const text = edit(pair);
    const e = await rejection(renderPlan(text));
    expect(e.diagnostics.find((d) => d.rule === rule && d.stopsRender), show(e.diagnostics)).toBeTruthy();
    expect(e.message).toContain('--force');
    expect((await renderPlan(text, { force: true })).length).toBeGreaterThan(1000);
  });
  it('a trailing ";" (which does not print twice) does not stop rendering', async () => {
    expect((await renderPlan(edit(['    - UBND tỉnh\n', '    - UBND tỉnh;\n']))).length).toBeGreaterThan(1000);
  });
  it('render --force writes; without it nothing is written and the exit code is 1', () => {
    const f = join(dir, 'luu.yaml');
    writeFileSync(f, edit(['    - UBND tỉnh\n', '    - "Lưu: VT, VP."\n']));
    const out = join(dir, 'luu-out.docx');
    const r1 = spawnSync(process.execPath, [CLI, 'render', f, '-o', out], { encoding: 'utf8' });
    expect(r1.status, r1.stderr).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r1.stderr).toContain('--force');
    const r2 = spawnSync(process.execPath, [CLI, 'render', f, '-o', out, '--force'], { encoding: 'utf8' });
    expect(r2.status, r2.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
  }, 60_000);
});

describe('files that are not files', () => {
  const hasDevZero = existsSync('/dev/zero');
  it.runIf(hasDevZero)('render /dev/zero is refused at once (never read)', async () => {
    const e = await rejection(renderPlanFile('/dev/zero'));
    expect(e.diagnostics[0].rule).toBe('file/not-a-file');
  });
  it.runIf(hasDevZero)('a symlink to a device in a folder of plans is refused', async () => {
    const sub = join(dir, 'tree');
    mkdirSync(sub, { recursive: true });
    symlinkSync('/dev/zero', join(sub, 'zero.yaml'));
    const ds = await validateFile(join(sub, 'zero.yaml'));
    expect(ds.map((d) => d.rule), show(ds)).toEqual(['file/not-a-file']);
  });
  it.runIf(hasDevZero)('ke_thua: /dev/zero is refused at the ke_thua line', async () => {
    const f = join(dir, 'kz.yaml');
    writeFileSync(f, `ke_thua: /dev/zero\n${MINIMAL}`);
    const e = await rejection(renderPlanFile(f));
    expect(e.diagnostics[0]).toMatchObject({ file: f, line: 1, rule: 'plan/ke-thua' });
  });
  it('ke_thua: 5 is an error, not ignored', async () => {
    const f = join(dir, 'k5.yaml');
    writeFileSync(f, `ke_thua: 5\n${MINIMAL}`);
    const e = await rejection(renderPlanFile(f));
    expect(e.diagnostics[0]).toMatchObject({ line: 1, column: 10, rule: 'plan/ke-thua' });
  });
  it('an absolute ke_thua whose target inherits a relative path resolves next to the target', async () => {
    const shared = join(dir, 'shared');
    mkdirSync(shared, { recursive: true });
    const plan = parse(MINIMAL) as Record<string, unknown>;
    const { nguoi_ky, ...rest } = plan;
    writeFileSync(join(shared, 'signer.yaml'), `nguoi_ky:\n  chuc_vu: GIÁM ĐỐC\n  ho_ten: Lê Văn Bình\n`);
    writeFileSync(join(shared, 'office.yaml'), 'ke_thua: signer.yaml\ndia_danh: Phan Thiết\n');
    const planDir = join(dir, 'plans');
    mkdirSync(planDir, { recursive: true });
    const { stringify } = await import('yaml');
    writeFileSync(join(planDir, 'p.yaml'), `ke_thua: ${join(shared, 'office.yaml')}\n${stringify(rest).replace(/^dia_danh:.*\n/m, '')}`);
    void nguoi_ky;
    const { check } = await renderPlanFile(join(planDir, 'p.yaml'));
    expect((check.source.data as { nguoi_ky: { ho_ten: string } }).nguoi_ky.ho_ten).toBe('Lê Văn Bình');
  });
});

describe('keys that reach Object.prototype', () => {
  it('__proto__ is refused through the text API and through a file', async () => {
    const text = edit(['  so: 12\n', '  so: 12\n  __proto__: x\n']);
    expect(validatePlan(text).map((d) => d.rule)).toContain('yaml/reserved-key');
    const f = join(dir, 'proto.yaml');
    writeFileSync(f, text);
    const e = await rejection(renderPlanFile(f));
    expect(e.diagnostics.map((d) => d.rule)).toContain('yaml/reserved-key');
    const ds = await validateFile(f);
    expect(ds.map((d) => d.rule)).toContain('yaml/reserved-key');
  });
  it('a toString key under khoi is an error through validate (CLI exit 1, not 3)', () => {
    const f = join(dir, 'tostring.yaml');
    writeFileSync(f, edit(['khoi: nha_nuoc', 'khoi:\n  toString: x']));
    const r = spawnSync(process.execPath, [CLI, 'validate', f], { encoding: 'utf8' });
    expect(r.status, r.stderr + r.stdout).toBe(1);
  }, 60_000);
});

describe('the object API returns diagnostics with data paths', () => {
  const base = () => parse(MINIMAL) as Record<string, unknown>;
  const cases: [string, (o: Record<string, unknown>) => void, (string | number)[]][] = [
    ['a cycle', (o) => { (o.noi_nhan as Record<string, unknown>).self = o; }, ['noi_nhan', 'self']],
    ['a function', (o) => { o.dia_danh = () => 'x'; }, ['dia_danh']],
    ['a Symbol', (o) => { (o.nguoi_ky as Record<string, unknown>).ho_ten = Symbol('x'); }, ['nguoi_ky', 'ho_ten']],
    ['a throwing getter', (o) => { Object.defineProperty(o, 'dia_danh', { enumerable: true, get() { throw new Error('boom'); } }); }, ['dia_danh']],
    ['a very deep object', (o) => { let x: Record<string, unknown> = {}; o.sau = x; for (let i = 0; i < 100_000; i++) { x.a = {}; x = x.a as Record<string, unknown>; } }, ['sau', ...Array(63).fill('a')]],
  ];
  it.each(cases)('%s', async (_label, mutate, path) => {
    const o = base();
    mutate(o);
    const ds = validatePlan(o as never);
    expect(ds.length).toBeGreaterThan(0);
    expect(ds[0].path).toEqual(path);
    const e = await rejection(renderPlan(o as never));
    expect(e.diagnostics[0].path).toEqual(path);
  });
});

describe('bounded cost', () => {
  it('a plan body with more text values than the limit is refused with a clear message, before rendering', async () => {
    const items = Array.from({ length: 5001 }, (_, i) => `      - doan: Đoạn ${i}.\n`).join('');
    const text = edit(['      - doan: Phát huy tinh thần thi đua.\n', `      - doan: Phát huy tinh thần thi đua.\n${items}`]);
    const e = await rejection(renderPlan(text));
    expect(e.diagnostics.map((d) => d.rule)).toEqual(['plan/too-large']);
    expect(e.diagnostics[0].message).toContain('5000');
  });
});

describe('bounded cost: every list of the plan counts (issue 23, item 27)', () => {
  it.each([
    ['recipients', ['    - UBND tỉnh\n', `    - UBND tỉnh\n${Array.from({ length: 5001 }, (_, i) => `    - Phòng ${i}\n`).join('')}`], ['noi_nhan', 'cac_noi']],
    ['căn cứ', ['noi_dung:\n', `can_cu:\n${Array.from({ length: 5001 }, (_, i) => `  - Luật số ${i};\n`).join('')}noi_dung:\n`], ['can_cu']],
  ] as [string, [string, string], string[]][])('5,001 %s are refused like a long body, with the same message, at the first one over', async (_l, change, at) => {
    const text = edit(change);
    const ds = validatePlan(text);
    expect(ds.map((d) => d.rule)).toEqual(['plan/too-large']);
    expect(ds[0].path!.slice(0, at.length)).toEqual(at);
    expect(ds[0].message).toContain('5000');
    const e = await rejection(renderPlan(text));
    expect(e.diagnostics.map((d) => d.rule)).toEqual(['plan/too-large']);
  });
});

describe("the office's templates and layout.yaml", () => {
  const copyTemplates = (name: string) => {
    const t = join(dir, name);
    spawnSync('cp', ['-r', join(ROOT, 'templates'), t]);
    return t;
  };
  it('a Handlebars syntax error is a template error naming the file and line (CLI exit 2)', async () => {
    const t = copyTemplates('tpl-syntax');
    const f = join(t, 'common', 'title.hbs');
    writeFileSync(f, `${readFileSync(f, 'utf8')}\n{{#if ten_loai}}\n`);
    const e = await rejection(renderPlan(MINIMAL, { templatesDir: t }));
    expect(e.kind).toBe('usage');
    expect(e.diagnostics[0]).toMatchObject({ file: f, rule: 'template/error' });
    const plan = join(dir, 'tpl-plan.yaml');
    writeFileSync(plan, MINIMAL);
    const r = spawnSync(process.execPath, [CLI, '--templates', t, 'render', plan, '-o', join(dir, 'tpl-out.docx')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('title.hbs');
  }, 60_000);
  it('a template naming a field the view lacks is a template error naming the file', async () => {
    const t = copyTemplates('tpl-field');
    const f = join(t, 'common', 'title.hbs');
    writeFileSync(f, `{{khong_co_truong_nay}}\n${readFileSync(f, 'utf8')}`);
    const e = await rejection(renderPlan(MINIMAL, { templatesDir: t }));
    expect(e.diagnostics[0]).toMatchObject({ file: f, line: 1, rule: 'template/error' });
  });
  it('a 1e9 mm page in layout.yaml is refused at its line', async () => {
    const t = copyTemplates('tpl-page');
    const f = join(t, 'nha_nuoc', 'layout.yaml');
    const text = readFileSync(f, 'utf8').replace(/^  rong: 210/m, '  rong: 1000000000');
    writeFileSync(f, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('  rong: 1000000000')) + 1;
    const e = await rejection(renderPlan(MINIMAL, { templatesDir: t }));
    expect(e.kind).toBe('usage');
    expect(e.diagnostics[0]).toMatchObject({ file: f, line, rule: 'template/error' });
    expect(e.diagnostics[0].message).toContain('trang.rong');
  });
  it('a broken layout.yaml is a template error with its line', async () => {
    const t = copyTemplates('tpl-yaml');
    const f = join(t, 'nha_nuoc', 'layout.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/^phong_chu: .*$/m, 'phong_chu: [Times New Roman'));
    const e = await rejection(renderPlan(MINIMAL, { templatesDir: t }));
    expect(e.kind).toBe('usage');
    expect(e.diagnostics[0]).toMatchObject({ file: f, rule: 'template/error' });
  });
});

describe('years', () => {
  it.each([['0000-03-05'], ['0999']])('ngay_ban_hanh %s is refused', (v) => {
    const ds = validatePlan(edit(['ngay_ban_hanh: 2025-03-05', `ngay_ban_hanh: '${v}'`]));
    expect(ds.map((d) => d.rule)).toContain('schema/date');
  });
});

describe('aliases that make a list hold itself or a huge tree', () => {
  const base = readFileSync(join(EXAMPLES_DIR, EXAMPLES[1]), 'utf8');
  it('a list that holds itself under an unknown key (`x: &a [*a]`) is the schema\'s unknown key, not a hang', () => {
    const ds = validatePlan(`${base}\nx: &a [*a]\n`);
    expect(ds.map((d) => d.rule)).toContain('schema/unknown-key');
  }, 60_000);
  it('a "billion laughs" of shared lists is refused (the reader\'s alias limit, or too large), not walked to the end', () => {
    const bomb = ['l0: &l0 [a, a, a, a, a, a, a, a, a, a]'];
    for (let i = 1; i < 9; i++) bomb.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    const ds = validatePlan(`${base}\n${bomb.join('\n')}\n`);
    expect(ds.some((d) => d.rule === 'yaml/alias-limit' || d.rule === 'plan/too-large')).toBe(true);
  }, 60_000);
});
