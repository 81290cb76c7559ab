/**
 * Rule configuration: kehoach.config.yaml found upward from the plan (per-rule off / warning / error), the
 * `# kehoach-disable-next-line` comment, and the checks of both (unknown rule with a suggestion, bad severity),
 * positioned at file:line:col. The examples' deliberate departures are suppressed, so `validate --strict` passes.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { CLI, ROOT } from './helpers.js';
import { validateFile } from '../src/batch/validate.js';
import { checkRegister } from '../src/batch/register.js';
import { parseDirectives, findConfig } from '../src/config.js';

const MINIMAL = readFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), 'utf8');
/** The minimal plan with a final dot on the trích yếu (warning trich-yeu/dau-cham, line 11) and a doubled space. */
const PLAN = MINIMAL.replace('thi đua năm 2025\n', 'thi đua năm 2025.\n').replace('Phát huy tinh thần', 'Phát huy  tinh thần');

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kh-config-'));
  mkdirSync(join(root, '.git'));
  for (const [f, s] of Object.entries(files)) { mkdirSync(join(root, f, '..'), { recursive: true }); writeFileSync(join(root, f), s); }
  return root;
}
const rules = (ds: { rule: string; severity: string }[]) => ds.map((d) => `${d.rule}:${d.severity}`).sort();

describe('kehoach.config.yaml', () => {
  it('without a config, the rules keep their own severity', async () => {
    const root = project({ 'a/kh.yaml': PLAN });
    expect(rules(await validateFile(join(root, 'a/kh.yaml')))).toEqual(['trich-yeu/dau-cham:warning', 'van-ban/khoang-trang:warning']);
  });

  it('the nearest config upward sets each rule off, warning or error', async () => {
    const root = project({
      'kehoach.config.yaml': 'rules:\n  trich-yeu/dau-cham: off\n  van-ban/khoang-trang: error\n',
      'a/b/kh.yaml': PLAN,
    });
    const ds = await validateFile(join(root, 'a/b/kh.yaml'));
    expect(rules(ds)).toEqual(['van-ban/khoang-trang:error']);
    // a nearer config wins over the one above
    writeFileSync(join(root, 'a/kehoach.config.yaml'), 'rules:\n  trich-yeu/dau-cham: warning\n');
    expect(rules(await validateFile(join(root, 'a/b/kh.yaml')))).toEqual(['trich-yeu/dau-cham:warning', 'van-ban/khoang-trang:warning']);
    expect(findConfig(join(root, 'a/b/kh.yaml'))).toBe(join(root, 'a/kehoach.config.yaml'));
  });

  it('reports an unknown rule (with a suggestion), a bad severity and an unknown key at file:line:col', async () => {
    const root = project({
      'kehoach.config.yaml': 'rules:\n  trich-yeu/dau-chan: off\n  van-ban/khoang-trang: tắt\nrule: {}\n',
      'kh.yaml': PLAN,
    });
    const ds = (await validateFile(join(root, 'kh.yaml'))).filter((d) => d.rule.startsWith('config/'));
    const at = (r: string) => ds.find((d) => d.rule === r)!;
    expect(at('config/unknown-rule')).toMatchObject({ line: 2, column: 3, severity: 'error' });
    expect(at('config/unknown-rule').message).toContain('trich-yeu/dau-chan');
    expect(at('config/unknown-rule').hint).toContain('trich-yeu/dau-cham');
    expect(at('config/bad-severity')).toMatchObject({ line: 3, column: 25 });
    expect(at('config/bad-severity').message).toMatch(/off, warning hoặc error/);
    expect(at('config/unknown-key')).toMatchObject({ line: 4, column: 1 });
    expect(at('config/unknown-key').hint).toContain('"rules"');
    expect(ds.every((d) => d.file.endsWith('kehoach.config.yaml'))).toBe(true);
    const en = (await validateFile(join(root, 'kh.yaml'), { lang: 'en' })).find((d) => d.rule === 'config/bad-severity')!;
    expect(en.message).toBe('invalid level "tắt" for rule "van-ban/khoang-trang"; choose off, warning or error');
  });

  it('a config that is not YAML, or not a mapping of rules, is an error at its position; render then writes nothing', async () => {
    const root = project({ 'kehoach.config.yaml': 'rules:\n  trich-yeu/dau-cham: [off\n', 'kh.yaml': PLAN });
    const ds = await validateFile(join(root, 'kh.yaml'));
    expect(ds.find((d) => d.rule === 'config/syntax')).toMatchObject({ severity: 'error', line: 3 });
    writeFileSync(join(root, 'kehoach.config.yaml'), 'rules: [trich-yeu/dau-cham]\n');
    expect((await validateFile(join(root, 'kh.yaml'))).find((d) => d.rule === 'config/shape')).toMatchObject({ line: 1, column: 8 });
    const r = spawnSync(process.execPath, [CLI, 'render', 'kh.yaml', '-o', 'out/'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/kehoach\.config\.yaml:1:8  error  .*\[config\/shape\]/);
  }, 60_000);
});

describe('# kehoach-disable-next-line', () => {
  it('suppresses the named rule on the next line only, and names an unknown rule in the comment', async () => {
    const plan = PLAN
      .replace('trich_yeu:', '# kehoach-disable-next-line trich-yeu/dau-cham -- the original ends with a dot\ntrich_yeu:')
      .replace('  - tieu_de: MỤC ĐÍCH', '  # kehoach-disable-next-line van-ban/khoang-trag\n  - tieu_de: MỤC ĐÍCH');
    const root = project({ 'kh.yaml': plan });
    const ds = await validateFile(join(root, 'kh.yaml'));
    expect(rules(ds)).toEqual(['config/unknown-suppression:warning', 'van-ban/khoang-trang:warning']);
    expect(ds.find((d) => d.rule === 'config/unknown-suppression')).toMatchObject({ line: 14, column: 31, hint: 'Có phải ý bạn là "van-ban/khoang-trang"?' });
  });

  it('parses several rules, a reason, and stacked comment lines', () => {
    const ds = parseDirectives('a: 1\n# kehoach-disable-next-line x/y, z/w -- why\n# kehoach-disable-next-line q/r\n\nb: 2\n');
    expect(ds).toEqual([
      { line: 5, commentLine: 2, column: 1, rules: ['x/y', 'z/w'], ruleColumns: [29, 34] },
      { line: 5, commentLine: 3, column: 1, rules: ['q/r'], ruleColumns: [29] },
    ]);
  });

  it('suppresses a register warning above the plan number', () => {
    const root = project({ 'a.yaml': 'so: 1\n', 'b.yaml': '# kehoach-disable-next-line register/thieu -- số 2 thuộc kế hoạch mật\nso: 3\n' });
    const e = (file: string, so: number, line: number) => ({ khoi: 'nha_nuoc', loai: 'KH', co_quan: 'SNV', ky_hieu: 'KH-SNV', so, ngay: '2025-01-0' + so, file: join(root, file), line, column: 5 });
    expect(checkRegister([e('a.yaml', 1, 1), e('b.yaml', 3, 1)]).map((d) => d.rule)).toEqual(['register/thieu']);
    expect(checkRegister([e('a.yaml', 1, 1), e('b.yaml', 3, 2)])).toEqual([]);
  });
});

describe('the examples', () => {
  it('validate --strict examples/ exits 0: their deliberate departures are suppressed with a reason', () => {
    const r = spawnSync(process.execPath, [CLI, 'validate', '--strict', 'examples/'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
    for (const f of ['000-ldld-binh-thuan-2018.yaml', '004-ldld-lai-chau-2020.yaml']) {
      expect(readFileSync(join(ROOT, 'examples', f), 'utf8')).toMatch(/# kehoach-disable-next-line [a-z/-]+ -- \S/);
    }
  }, 60_000);
});

describe('issue 23: the config search stops at the project, and names the config it applies', () => {
  it('a config above a folder holding package.json (or .git) is not used; one in the home or temporary folder neither', async () => {
    // no .git anywhere: before, the search ran to / and took the config of any ancestor
    const top = mkdtempSync(join(tmpdir(), 'kh-config-bound-'));
    writeFileSync(join(top, 'kehoach.config.yaml'), 'rules:\n  trich-yeu/dau-cham: off\n');
    mkdirSync(join(top, 'proj/a'), { recursive: true });
    writeFileSync(join(top, 'proj/package.json'), '{}\n');
    writeFileSync(join(top, 'proj/a/kh.yaml'), PLAN);
    mkdirSync(join(top, 'other/a'), { recursive: true });
    writeFileSync(join(top, 'other/a/kh.yaml'), PLAN);
    expect(findConfig(join(top, 'proj/a/kh.yaml'))).toBeUndefined();
    expect(rules(await validateFile(join(top, 'proj/a/kh.yaml')))).toEqual(['trich-yeu/dau-cham:warning', 'van-ban/khoang-trang:warning']);
    // the project's own config (at its boundary) is found
    writeFileSync(join(top, 'proj/kehoach.config.yaml'), 'rules:\n  van-ban/khoang-trang: off\n');
    expect(findConfig(join(top, 'proj/a/kh.yaml'))).toBe(join(top, 'proj/kehoach.config.yaml'));
    // a config lying in the home folder or the shared temporary folder applies to no plan below it
    for (const env of ['HOME', 'TMPDIR']) {
      const r = spawnSync(process.execPath, [CLI, 'validate', join(top, 'proj/a/kh.yaml').replace('/proj/', '/other/')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', [env]: top } });
      expect(r.stdout, env).toMatch(/trich-yeu\/dau-cham/);
    }
  });

  it('validate names on stderr the config that sets rule levels; stdout stays parseable JSON', () => {
    const root = project({ 'kehoach.config.yaml': 'rules:\n  trich-yeu/dau-cham: off\n', 'kh.yaml': PLAN });
    const r = spawnSync(process.execPath, [CLI, 'validate', '--format', 'json', 'kh.yaml'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stderr).toMatch(/kehoach\.config\.yaml.*trich-yeu\/dau-cham: off/);
    const en = spawnSync(process.execPath, [CLI, '--lang', 'en', 'validate', 'kh.yaml'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(en.stderr).toMatch(/using the configuration kehoach\.config\.yaml/);
    // no config, no line
    const bare = project({ 'kh.yaml': PLAN });
    expect(spawnSync(process.execPath, [CLI, 'validate', 'kh.yaml'], { cwd: bare, encoding: 'utf8' }).stderr).not.toMatch(/kehoach\.config/);
  }, 60_000);

  it('every unknown rule id of a suppression comment is reported, each at its own column', async () => {
    const plan = PLAN.replace('trich_yeu:', '# kehoach-disable-next-line aa/bb cc/dd, trich-yeu/dau-cham -- why\ntrich_yeu:');
    const root = project({ 'kh.yaml': plan });
    const ds = (await validateFile(join(root, 'kh.yaml'))).filter((d) => d.rule === 'config/unknown-suppression');
    expect(ds.map((d) => [d.message.match(/"([^"]+)"/)![1], d.line, d.column])).toEqual([['aa/bb', 11, 29], ['cc/dd', 11, 35]]);
  });
});
