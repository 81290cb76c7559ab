/**
 * kehoach batch on a folder tree with _defaults.yaml, one broken plan and one name clash: the good plans are
 * written and byte-identical to single `render` output, the broken one is reported at file:line:col, the clash is
 * reported, the exit code is 1, the manifest lists every plan. Then --incremental and --shard.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { CLI, docxParagraphs } from './helpers.js';
import { discover, inShard, outputFor, globBase } from '../src/batch/plan-set.js';
import { checkRegister } from '../src/batch/register.js';
import { manifestBytes, type Manifest, type TaskResult } from '../src/batch/index.js';

const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' } });

const DEFAULTS = `khoi: nha_nuoc
co_quan_chu_quan: UBND TỈNH BÌNH THUẬN
co_quan_ban_hanh: SỞ NỘI VỤ
so_ky_hieu: { viet_tat_co_quan: SNV }
dia_danh: Bình Thuận
noi_nhan: { cac_noi: [UBND tỉnh, Các phòng thuộc Sở], luu: [VT, VP] }
nguoi_ky: { quyen_han: KT, thu_truong: GIÁM ĐỐC, chuc_vu: PHÓ GIÁM ĐỐC, ho_ten: Nguyễn Văn An }
`;
const plan = (so: number, date: string, extra = '') => `so_ky_hieu: { so: ${so} }
ngay_ban_hanh: ${date}
trich_yeu: Kế hoạch số ${so} năm 2025
noi_dung:
  - tieu_de: MỤC ĐÍCH, YÊU CẦU
    noi_dung: [{ doan: Nội dung của kế hoạch ${so}. }]
${extra}`;

let root: string;
let first: ReturnType<typeof run>;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kh-batch-'));
  mkdirSync(join(root, '.git')); // a repository root: _defaults.yaml are not looked up above it
  const p = (f: string, s: string) => { mkdirSync(join(root, f, '..'), { recursive: true }); writeFileSync(join(root, f), s); };
  p('plans/_defaults.yaml', DEFAULTS);
  p('plans/phong-a/kh-01.yaml', plan(1, '2025-01-10'));
  p('plans/phong-a/kh-02.yaml', plan(2, '2025-02-03'));
  p('plans/phong-b/_defaults.yaml', 'nguoi_ky: { quyen_han: null, thu_truong: null, chuc_vu: GIÁM ĐỐC, ho_ten: Trần Thị Bình }\n');
  p('plans/phong-b/kh-04.yaml', plan(4, '2025-03-01', 'dia_danh: Phan Thiết\n'));
  p('plans/phong-b/hong.yaml', plan(5, '2025-02-30'));
  p('plans/phong-c/trung.yaml', plan(6, '2025-04-01'));
  p('plans/phong-c/trung.yml', plan(7, '2025-04-02'));
  first = run(['batch', 'plans', '-o', 'out', '--jobs', '2', '--check-register'], root);
}, 120_000); // spawns processes: generous on a busy machine

describe('kehoach batch', () => {
  it('exits 1, writes the good plans, reports the broken one and the clash', () => {
    expect(first.status, first.stderr).toBe(1);
    const written = readdirSync(join(root, 'out'), { recursive: true }).map(String).filter((f) => f.endsWith('.docx')).sort();
    expect(written).toEqual(['phong-a/kh-01.docx', 'phong-a/kh-02.docx', 'phong-b/kh-04.docx']);
    const line = plan(5, '2025-02-30').split('\n').findIndex((l) => l.startsWith('ngay_ban_hanh')) + 1;
    expect(first.stderr).toContain(`plans/phong-b/hong.yaml:${line}:16  error  "2025-02-30" không phải ngày có thật`);
    expect(first.stderr).toMatch(/plans\/phong-c\/trung\.yaml:1:1  error  .*trung\.yml.*\[batch\/clash\]/);
    expect(first.stderr).toMatch(/plans\/phong-c\/trung\.yml:1:1  error  .*\[batch\/clash\]/);
    expect(first.stderr).toContain('đã kết xuất 3, lỗi 3, bỏ qua 0');
  });

  it('register check lists the gap in the SNV numbers', () => {
    expect(first.stderr).toMatch(/kh-04\.yaml:\d+:\d+  warning  .*thiếu số: 3  \[register\/thieu\]/);
  });

  it('validate over a folder runs the register check too', () => {
    const r = run(['validate', 'plans/phong-a', 'plans/phong-b/kh-04.yaml'], root);
    expect(r.stdout).toMatch(/kh-04\.yaml:\d+:\d+  warning  .*thiếu số: 3  \[register\/thieu\]/);
  }, 120_000); // spawns processes: generous on a busy machine

  it('the manifest lists every plan with status, hashes, số và ký hiệu and errors', () => {
    const m = JSON.parse(readFileSync(join(root, 'out', 'manifest.json'), 'utf8'));
    const by = Object.fromEntries(m.plans.map((p: any) => [relative('plans', p.input), p]));
    expect(Object.keys(by).sort()).toEqual(['phong-a/kh-01.yaml', 'phong-a/kh-02.yaml', 'phong-b/hong.yaml', 'phong-b/kh-04.yaml', 'phong-c/trung.yaml', 'phong-c/trung.yml']);
    expect(by['phong-a/kh-01.yaml']).toMatchObject({ status: 'rendered', so_ky_hieu: '01/KH-SNV', ngay: '2025-01-10' });
    expect(by['phong-a/kh-01.yaml'].content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(by['phong-b/hong.yaml'].status).toBe('failed');
    expect(by['phong-b/hong.yaml'].errors ?? by['phong-b/hong.yaml'].diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'schema/date' })]));
    expect(by['phong-c/trung.yml'].status).toBe('failed');
  });

  it('batch output is byte-identical to `kehoach render` of the same plan (defaults applied in both)', () => {
    for (const f of ['phong-a/kh-01', 'phong-b/kh-04']) {
      const single = join(root, 'single.docx');
      const r = run(['render', join('plans', f + '.yaml'), '-o', single], root);
      expect(r.status, r.stderr).toBe(0);
      expect(Buffer.compare(readFileSync(single), readFileSync(join(root, 'out', f + '.docx'))), f).toBe(0);
    }
    // phong-b's own _defaults.yaml wins over the parent's: its signer is Trần Thị Bình, signing directly (its nulls
    // removed the inherited KT.); phong-a keeps the parent's KT. GIÁM ĐỐC / Nguyễn Văn An.
    const b = docxParagraphs(readFileSync(join(root, 'out', 'phong-b/kh-04.docx')));
    expect(b).toContain('Trần Thị Bình');
    expect(b.some((p) => p.startsWith('KT.'))).toBe(false);
    const a = docxParagraphs(readFileSync(join(root, 'out', 'phong-a/kh-01.docx')));
    expect(a).toEqual(expect.arrayContaining(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn An']));
  }, 120_000); // spawns processes: generous on a busy machine

  it('an error in a _defaults.yaml is reported in that file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-def-'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '_defaults.yaml'), DEFAULTS.replace('dia_danh:', 'dia_danhh:'));
    writeFileSync(join(dir, 'kh.yaml'), plan(1, '2025-01-10'));
    const r = run(['validate', 'kh.yaml'], dir);
    expect(r.status).toBe(1);
    const line = DEFAULTS.split('\n').findIndex((l) => l.startsWith('dia_danh')) + 1;
    expect(r.stdout).toContain(`_defaults.yaml:${line}:1  error  khóa không hợp lệ "dia_danhh"`);
    // one message per mistake: the misspelt key, not also the "missing" dia_danh it was meant to be
    expect(r.stdout).not.toContain('thiếu trường bắt buộc "dia_danh"');
  }, 120_000); // spawns processes: generous on a busy machine

  it('--incremental renders nothing when nothing changed, and one plan after one is edited', () => {
    const hashes = (m: any) => Object.fromEntries(m.plans.filter((p: any) => p.content_hash).map((p: any) => [p.input, p.content_hash]));
    const before = hashes(JSON.parse(readFileSync(join(root, 'out', 'manifest.json'), 'utf8')));
    const again = run(['batch', 'plans', '-o', 'out', '--incremental'], root);
    expect(again.stderr).toContain('đã kết xuất 0, lỗi 3, bỏ qua 3');
    // skipped plans keep their content hash in the new manifest
    expect(hashes(JSON.parse(readFileSync(join(root, 'out', 'manifest.json'), 'utf8')))).toEqual(before);
    expect(Object.keys(before)).toHaveLength(3);
    writeFileSync(join(root, 'plans/phong-a/kh-02.yaml'), plan(2, '2025-02-04'));
    const edited = run(['batch', 'plans', '-o', 'out', '--incremental'], root);
    expect(edited.stderr).toContain('đã kết xuất 1, lỗi 3, bỏ qua 2');
    const m = JSON.parse(readFileSync(join(root, 'out', 'manifest.json'), 'utf8'));
    expect(m.plans.find((p: any) => p.input.endsWith('kh-02.yaml')).status).toBe('rendered');
  }, 120_000); // spawns processes: generous on a busy machine

  it('a changed _defaults.yaml or template invalidates the plans under it', () => {
    writeFileSync(join(root, 'plans/phong-b/_defaults.yaml'), 'nguoi_ky: { quyen_han: null, thu_truong: null, chuc_vu: GIÁM ĐỐC, ho_ten: Trần Thị Bình An }\n');
    const r = run(['batch', 'plans', '-o', 'out', '--incremental'], root);
    expect(r.stderr).toContain('đã kết xuất 1, lỗi 3, bỏ qua 2');
  }, 120_000); // spawns processes: generous on a busy machine
});

describe('plan set', () => {
  it('--shard slices cover all plans exactly once, and are stable', async () => {
    const { plans } = await discover([join(root, 'plans')]);
    for (const n of [1, 2, 3, 5]) {
      const counts = plans.map((p) => Array.from({ length: n }, (_, i) => inShard(p.rel, { i: i + 1, n })).filter(Boolean).length);
      expect(counts.every((c) => c === 1), `n=${n}`).toBe(true);
    }
    const r1 = run(['batch', 'plans', '-o', 'sh1', '--shard', '1/2'], root);
    const r2 = run(['batch', 'plans', '-o', 'sh2', '--shard', '2/2'], root);
    const listed = (d: string) => JSON.parse(readFileSync(join(root, d, 'manifest.json'), 'utf8')).plans.map((p: any) => p.input);
    expect([...listed('sh1'), ...listed('sh2')].sort()).toEqual(plans.map((p) => relative(root, p.input)).sort());
    expect(r1.status === 1 || r2.status === 1).toBe(true);
    expect(run(['batch', 'plans', '-o', 'x', '--shard', '3/2'], root).status).toBe(2);
  }, 120_000); // spawns processes: generous on a busy machine

  it('output paths never leave outdir', () => {
    expect(outputFor('/tmp/out', '../evil.docx')).toBeNull();
    expect(outputFor('/tmp/out', '/etc/evil.docx')).toBeNull();
    expect(outputFor('/tmp/out', 'a/../../evil.docx')).toBeNull();
    expect(outputFor('/tmp/out', 'a/b.docx')).toBe('/tmp/out/a/b.docx');
    expect(globBase('plans/2025/**/*.yaml')).toBe('plans/2025');
    expect(globBase('*.yaml')).toBe('.');
  });

  it('a glob that reaches outside its base is mirrored under its own base, never above outdir', async () => {
    const { plans } = await discover([join(root, 'plans/phong-a/../phong-a/*.yaml')]);
    expect(plans.length).toBe(2);
    for (const p of plans) expect(p.rel.startsWith('..')).toBe(false);
  });
});

describe('register check', () => {
  it('an entry takes its ký hiệu and numbering period from the family\'s layout data (mau.so_ky_hieu, mau.so_theo)', async () => {
    const { loadPlanText, sourceOf } = await import('../src/load.js');
    const { loadProfile } = await import('../src/profile.js');
    const { registerEntry } = await import('../src/batch/register.js');
    const { readFileSync } = await import('node:fs');
    const { EXAMPLES_DIR } = await import('./helpers.js');
    const entry = (ex: string) => { const src = sourceOf(loadPlanText(readFileSync(join(EXAMPLES_DIR, ex), 'utf8'), ex)); return registerEntry(src, loadProfile((src.data as { khoi: string }).khoi)); };
    expect(entry('002-ban-dan-van-binh-thuan-2024.yaml')).toMatchObject({ ky_hieu: 'KH/BDVTU', theo_nhiem_ky: true });
    const state = entry('001-ubnd-binh-thuan-2023.yaml');
    expect(state.ky_hieu).toMatch(/^KH-/);
    expect(state.theo_nhiem_ky).toBeUndefined();
  });
  const e = (so: number, ngay: string, extra: object = {}) => ({ khoi: 'nha_nuoc', loai: 'KH', co_quan: 'SNV', ky_hieu: 'KH-SNV', so, ngay, file: `kh-${so}-${ngay}.yaml`, line: 3, column: 7, ...extra });
  it('duplicates are errors, numbers out of date order and gaps are warnings; years and terms are separate', () => {
    const d = checkRegister([e(1, '2025-01-02'), e(2, '2025-03-01'), e(2, '2025-03-02'), e(3, '2025-02-01'), e(6, '2025-05-01'), e(1, '2026-01-05')]);
    expect(d.map((x) => `${x.rule}:${x.severity}`).sort()).toEqual(['register/thieu:warning', 'register/thu-tu:warning', 'register/trung:error']);
    const party = checkRegister([e(1, '2021-01-02', { khoi: 'dang', ky_hieu: 'KH/SNV', theo_nhiem_ky: true, nhiem_ky: '2020-2025' }), e(2, '2024-01-02', { khoi: 'dang', ky_hieu: 'KH/SNV', theo_nhiem_ky: true, nhiem_ky: '2020-2025' }), e(1, '2025-12-01', { khoi: 'dang', ky_hieu: 'KH/SNV', theo_nhiem_ky: true, nhiem_ky: '2025-2030' })]);
    expect(party).toEqual([]);
  });
});

describe('the manifest written during a run', () => {
  it('is exactly JSON.stringify(manifest, null, 2) and a line break in UTF-8, with each entry serialised once', () => {
    const plans: TaskResult[] = [
      { input: 'a/kế hoạch.yaml', output: 'out/a.docx', status: 'rendered', input_hash: 'ab', content_hash: 'cd', so_ky_hieu: '12/KH-UBND', ngay: '2026-01-02', register: { issuer: 'UBND', so: 12 } as unknown as TaskResult['register'], diagnostics: [] },
      { input: 'b.yaml', output: 'out/b.docx', status: 'failed', ngay: null, diagnostics: [{ file: 'b.yaml', line: 3, column: 1, severity: 'error', rule: 'schema', message: 'hai dòng\nvà "ngoặc" \\ tab\t' }] },
      { input: 'c.yaml', output: 'out/c.docx', status: 'skipped', diagnostics: [{ file: 'c.yaml', line: 1, column: 1, severity: 'warning', rule: 'x', message: 'm', nested: { deep: [1, [2, {}], []] } } as unknown as TaskResult['diagnostics'][number]] },
    ];
    const cache = new WeakMap<TaskResult, Buffer>();
    for (const n of [0, 1, 3]) {
      const m: Manifest = { tool: 'kehoach', version: '0.1.0', plans: plans.slice(0, n) };
      expect(manifestBytes(m, cache).toString('utf8')).toBe(`${JSON.stringify(m, null, 2)}\n`);
      expect(manifestBytes(m, cache).toString('utf8'), 'from the cached entries').toBe(`${JSON.stringify(m, null, 2)}\n`);
    }
  });
});

describe('plans per worker task (issue 22: a task carries several plans)', () => {
  it('up to 8 a task on a large batch, one a task when the batch is small, never 0', async () => {
    const { chunkSize, MAX_CHUNK } = await import('../src/batch/index.js');
    expect(MAX_CHUNK).toBe(8);
    expect(chunkSize(5000, 8)).toBe(8);
    expect(chunkSize(1000, 8)).toBe(8);
    expect(chunkSize(100, 8)).toBe(3);
    expect(chunkSize(10, 8)).toBe(1);
    expect(chunkSize(1, 1)).toBe(1);
    expect(chunkSize(0, 0)).toBe(1);
  });
});

describe('a small batch renders in its own thread, a larger one on workers (issue 22, T5)', () => {
  it('both give the bytes `kehoach render` gives, and a broken plan fails alone on either side of IN_PROCESS_MAX', async () => {
    const { IN_PROCESS_MAX } = await import('../src/batch/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'kh-batch-size-'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '_defaults.yaml'), DEFAULTS);
    const single = join(dir, 'single.docx');
    const r = (writeFileSync(join(dir, 'one.yaml'), plan(1, '2025-01-10')), run(['render', 'one.yaml', '-o', single], dir));
    expect(r.status, r.stderr).toBe(0);
    for (const n of [IN_PROCESS_MAX, IN_PROCESS_MAX + 1]) {
      const folder = join(dir, `p${n}`);
      mkdirSync(folder);
      for (let i = 0; i < n - 1; i++) writeFileSync(join(folder, `kh-${String(i).padStart(3, '0')}.yaml`), plan(1, '2025-01-10'));
      writeFileSync(join(folder, 'zz-hong.yaml'), plan(5, '2025-02-30'));
      const b = run(['batch', `p${n}`, '-o', `out${n}`, '--jobs', '2'], dir);
      expect(b.status, b.stderr).toBe(1);
      expect(b.stderr).toContain(`đã kết xuất ${n - 1}, lỗi 1, bỏ qua 0`);
      for (let i = 0; i < n - 1; i++) {
        expect(Buffer.compare(readFileSync(single), readFileSync(join(dir, `out${n}`, `kh-${String(i).padStart(3, '0')}.docx`))), `${n}: ${i}`).toBe(0);
      }
      const manifest = JSON.parse(readFileSync(join(dir, `out${n}`, 'manifest.json'), 'utf8')) as Manifest;
      expect(manifest.plans.map((p) => p.status).filter((s) => s === 'failed')).toEqual(['failed']);
    }
  }, 180_000); // renders ~50 plans in two processes: generous on a busy machine
});
