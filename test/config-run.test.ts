/**
 * Issue 22 (T4), the per-plan costs of the configuration: the suppression comments are read from the text the plan
 * was loaded from (the plan file is read once per plan), and findConfig answers each plan folder once in a run
 * (src/config.ts configRun), a run being one `validate` or `batch` (or a worker's chunk of one): a config created or
 * deleted between two runs in one process is seen by the second, and outside any run (render --watch, the language
 * server) by the next lookup.
 */
import { describe, it, expect, vi } from 'vitest';
import fs, { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { CLI, ROOT } from './helpers.js';
import { validateFile, checkFiles } from '../src/batch/validate.js';
import { runBatch } from '../src/batch/index.js';
import { configRun, findConfig, CONFIG_FILE } from '../src/config.js';
import { loadPlanWithInheritance, defaultsFor, DEFAULTS_FILE } from '../src/inherit.js';
import { checkSource } from '../src/pipeline.js';
import { renderPlanFile } from '../src/index.js';

const MINIMAL = readFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), 'utf8');
/** The minimal plan with a final dot on the trích yếu (warning trich-yeu/dau-cham, line 11) and a doubled space. */
const PLAN = MINIMAL.replace('thi đua năm 2025\n', 'thi đua năm 2025.\n').replace('Phát huy tinh thần', 'Phát huy  tinh thần');
/**
 * PLAN with a comment that suppresses trich-yeu/dau-cham (used: the finding is on the next line), and one naming
 * van-ban/khoang-trang above `dia_danh` (the comment on line 9), where nothing is found: reported as unused.
 */
const COMMENTED = PLAN
  .replace('trich_yeu:', '# kehoach-disable-next-line trich-yeu/dau-cham -- the original ends with a dot\ntrich_yeu:')
  .replace('dia_danh:', '# kehoach-disable-next-line van-ban/khoang-trang\ndia_danh:');
/** What COMMENTED gives: the doubled space still reported, the dot suppressed, the second comment unused. */
const EXPECTED = ['config/unused-suppression:warning', 'van-ban/khoang-trang:warning'];

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kh-config-run-'));
  mkdirSync(join(root, '.git'));
  for (const [f, s] of Object.entries(files)) { mkdirSync(join(root, f, '..'), { recursive: true }); writeFileSync(join(root, f), s); }
  return root;
}
const rules = (ds: { rule: string; severity: string }[]) => ds.map((d) => `${d.rule}:${d.severity}`).sort();

/** The paths node:fs `openSync` is called with while `fn` runs (the plan readers open files with it: src/load.ts). */
async function opened<T>(fn: () => Promise<T>): Promise<{ value: T; paths: string[] }> {
  const spy = vi.spyOn(fs, 'openSync');
  syncBuiltinESMExports(); // the named import the modules hold follows the spied default export
  try {
    const value = await fn();
    return { value, paths: spy.mock.calls.map((c) => resolve(String(c[0]))) };
  } finally {
    spy.mockRestore();
    syncBuiltinESMExports();
  }
}

describe('suppression comments read from the loaded text', () => {
  it('validate: a comment still suppresses, an unused one is still reported, and the plan file is opened once', async () => {
    const root = project({ 'kh.yaml': COMMENTED });
    const plan = join(root, 'kh.yaml');
    const { value: ds, paths } = await opened(() => validateFile(plan));
    expect(rules(ds)).toEqual(EXPECTED);
    expect(ds.find((d) => d.rule === 'config/unused-suppression')).toMatchObject({ line: 9, column: 29 });
    // before, applyRuleConfig read the comments from the file a second time (unused: true on a schema-valid plan)
    expect(paths.filter((p) => p === plan)).toHaveLength(1);
  });

  it('batch (in process): the same findings per plan, each plan file opened once', async () => {
    const root = project({ 'plans/a.yaml': COMMENTED, 'plans/b.yaml': COMMENTED.replace('so: 12', 'so: 13') });
    const { value: s, paths } = await opened(() => runBatch([join(root, 'plans')], { outdir: join(root, 'out'), jobs: 1, lang: 'vi' }));
    expect(s.results.map((r) => [r.status, rules(r.diagnostics)])).toEqual([['rendered', EXPECTED], ['rendered', EXPECTED]]);
    for (const f of ['a.yaml', 'b.yaml']) expect(paths.filter((p) => p === join(root, 'plans', f)), f).toHaveLength(1);
  });

  it('batch and validate on worker threads (the build): the same findings', () => {
    // 30 plans: more than a batch renders in process (IN_PROCESS_MAX); validate of a folder checks them in one run
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`plans/kh-${String(i).padStart(2, '0')}.yaml`] = COMMENTED.replace('so: 12', `so: ${i + 1}`);
    const root = project(files);
    const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    const b = run(['batch', 'plans', '-o', 'out', '--jobs', '2', '--format', 'json']);
    expect(b.status, b.stderr).toBe(0);
    const bd = JSON.parse(b.stdout) as { file: string; rule: string; severity: string }[];
    expect(new Set(bd.map((d) => d.file)).size).toBe(30);
    for (const f of new Set(bd.map((d) => d.file))) expect(rules(bd.filter((d) => d.file === f)), f).toEqual(EXPECTED);
    const v = run(['validate', 'plans', '--jobs', '2', '--format', 'json']);
    const vd = JSON.parse(v.stdout) as { file: string; rule: string; severity: string }[];
    expect(rules(vd.filter((d) => d.rule !== 'register/thieu'))).toEqual(Array.from({ length: 30 }, () => EXPECTED).flat().sort());
  }, 120_000);

  it('the source carries the text the loader read; a source without it still has its comments read from the file', async () => {
    const root = project({ 'kh.yaml': COMMENTED });
    const plan = join(root, 'kh.yaml');
    const { source } = await loadPlanWithInheritance(plan);
    expect(source.text).toBe(COMMENTED);
    // the comments come from the loaded text, not the file: a text without them, under the same name, suppresses nothing
    const diags = (s: typeof source) => rules(checkSource(s).diagnostics);
    expect(diags(source)).toEqual(EXPECTED);
    expect(diags({ ...source, text: PLAN })).toEqual(['trich-yeu/dau-cham:warning', 'van-ban/khoang-trang:warning']);
    // without a text (a caller that built its own source), the file's comments apply, as before
    const { text: _t, ...bare } = source;
    expect(diags(bare)).toEqual(EXPECTED);
  });
});

describe('findConfig: one search per plan folder in a run, a fresh one in the next', () => {
  it('a config created (then deleted) between two validate runs in one process is seen', async () => {
    const root = project({ 'a/kh.yaml': PLAN });
    const plan = join(root, 'a/kh.yaml');
    const run = () => configRun(() => checkFiles([plan], { lang: 'vi', jobs: 1 })).then(([r]) => rules(r.diagnostics));
    expect(await run()).toEqual(['trich-yeu/dau-cham:warning', 'van-ban/khoang-trang:warning']);
    writeFileSync(join(root, CONFIG_FILE), 'rules:\n  trich-yeu/dau-cham: off\n');
    expect(await run()).toEqual(['van-ban/khoang-trang:warning']);
    rmSync(join(root, CONFIG_FILE));
    expect(await run()).toEqual(['trich-yeu/dau-cham:warning', 'van-ban/khoang-trang:warning']);
  });

  it('a config created between two batch runs in one process is seen', async () => {
    const root = project({ 'plans/kh.yaml': PLAN });
    const batch = async (out: string) => rules((await runBatch([join(root, 'plans')], { outdir: join(root, out), jobs: 1, lang: 'vi' })).results[0].diagnostics);
    expect(await batch('out1')).toEqual(['trich-yeu/dau-cham:warning', 'van-ban/khoang-trang:warning']);
    writeFileSync(join(root, CONFIG_FILE), 'rules:\n  van-ban/khoang-trang: error\n');
    expect(await batch('out2')).toEqual(['trich-yeu/dau-cham:warning', 'van-ban/khoang-trang:error']);
  });

  it('within a run the answer is kept (the search is made once); outside any run every lookup searches again', async () => {
    const root = project({ 'a/kh.yaml': PLAN });
    const plan = join(root, 'a/kh.yaml');
    const config = join(root, CONFIG_FILE);
    await configRun(async () => {
      expect(findConfig(plan)).toBeUndefined();
      writeFileSync(config, 'rules:\n  trich-yeu/dau-cham: off\n');
      expect(findConfig(plan)).toBeUndefined(); // kept for this run
      // nested runs (a small batch renders in the batch's thread) share the answers
      await configRun(() => expect(findConfig(plan)).toBeUndefined());
    });
    // the run over: found; and without a run (the language server, render --watch) a deletion is seen at once
    expect(findConfig(plan)).toBe(config);
    rmSync(config);
    expect(findConfig(plan)).toBeUndefined();
    writeFileSync(config, 'rules:\n  trich-yeu/dau-cham: off\n');
    expect(rules(await validateFile(plan))).toEqual(['van-ban/khoang-trang:warning']);
    // a run ends (its answers dropped) even when what it runs throws
    await expect(configRun(() => { findConfig(plan); throw new Error('x'); })).rejects.toThrow('x');
    rmSync(config);
    expect(findConfig(plan)).toBeUndefined();
  });

  it('render outside a run (as render --watch does) sees a config created after a first render', async () => {
    const root = project({ 'kh.yaml': PLAN });
    const plan = join(root, 'kh.yaml');
    const first = await renderPlanFile(plan);
    expect(rules(first.check.diagnostics)).toEqual(['trich-yeu/dau-cham:warning', 'van-ban/khoang-trang:warning']);
    writeFileSync(join(root, CONFIG_FILE), 'rules:\n  trich-yeu/dau-cham: off\n');
    expect(rules((await renderPlanFile(plan)).check.diagnostics)).toEqual(['van-ban/khoang-trang:warning']);
  });
});

describe('defaultsFor: each folder looked in once in a run (the same run as findConfig), afresh outside any run', () => {
  it('within a run a _defaults.yaml created later is unseen; after the run, and outside any run, it is seen at once', async () => {
    const root = project({ 'a/b/kh.yaml': PLAN, 'a/c/kh.yaml': PLAN });
    const plan = join(root, 'a/b/kh.yaml');
    const upper = join(root, 'a', DEFAULTS_FILE);
    const lower = join(root, 'a/b', DEFAULTS_FILE);
    writeFileSync(lower, 'dia_danh: Huế\n');
    await configRun(async () => {
      expect(defaultsFor(plan)).toEqual([lower]);
      writeFileSync(upper, 'dia_danh: Hà Nội\n');
      expect(defaultsFor(plan)).toEqual([lower]); // kept for this run
      // a sibling folder shares the answer of the folders above it, as kept in this run
      expect(defaultsFor(join(root, 'a/c/kh.yaml'))).toEqual([]);
      // the answer is the caller's own: changing it changes nothing kept
      defaultsFor(plan).push('x');
      await configRun(() => expect(defaultsFor(plan)).toEqual([lower])); // nested runs share the answers
    });
    expect(defaultsFor(plan)).toEqual([lower, upper]);
    expect(defaultsFor(join(root, 'a/c/kh.yaml'))).toEqual([upper]);
    // outside any run (render --watch, the language server) a deletion and a creation are seen at once
    rmSync(lower);
    expect(defaultsFor(plan)).toEqual([upper]);
    writeFileSync(lower, 'dia_danh: Huế\n');
    expect(defaultsFor(plan)).toEqual([lower, upper]);
    // the walk stops at the project's root (.git): nothing above it is looked at
    expect(defaultsFor(plan).every((f) => f.startsWith(root + '/'))).toBe(true);
  });

  it('a _defaults.yaml created between two batch runs in one process is seen by the second', async () => {
    const root = project({ 'plans/kh.yaml': PLAN });
    const batch = async (out: string) => (await runBatch([join(root, 'plans')], { outdir: join(root, out), jobs: 1, lang: 'vi' })).results[0];
    const first = await batch('out1');
    expect(first.status).toBe('rendered');
    writeFileSync(join(root, 'plans', DEFAULTS_FILE), 'bad: [\n'); // unreadable YAML: the second run fails if it reads it
    const second = await batch('out2');
    expect(second.status).toBe('failed');
    expect(second.diagnostics[0].file.endsWith(DEFAULTS_FILE), second.diagnostics[0].file).toBe(true);
  });
});
