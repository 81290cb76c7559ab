/**
 * Batch under faults (each case reproduced first, then fixed): a full disk or read-only output folder (injected:
 * tests run as root, where chmod does not stop writes), a truncated output under --incremental, a symlinked
 * sub-folder of -o, a killed run (stale temp files, manifest written as the batch goes), a symlink loop in the
 * input, and two batches into one folder at once.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, readdirSync, symlinkSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { CLI, ROOT, docxParagraphs } from './helpers.js';
import { discover } from '../src/batch/plan-set.js';

type BatchModule = typeof import('../src/batch/index.js');
// The batch runs its plans on worker threads from dist/ (built by `npm test`).
const batch = (): Promise<BatchModule> => import(join(ROOT, 'dist/batch/index.js'));

const MINIMAL = readFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), 'utf8');
const plan = (so: number) => MINIMAL.replace('so: 12', `so: ${so}`).replace('Phát huy tinh thần thi đua.', `Phát huy tinh thần thi đua ${so}.`);

function project(n = 3): string {
  const root = mkdtempSync(join(tmpdir(), 'kh-robust-'));
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'plans/phong-a'), { recursive: true });
  for (let i = 1; i <= n; i++) writeFileSync(join(root, `plans/phong-a/kh-0${i}.yaml`), plan(i));
  return root;
}
const run = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1', ...env } });
const files = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : []);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('batch on a failing disk', () => {
  it('full disk for the .docx files: each plan is reported, the manifest is written, exit 1, no temp file left', () => {
    const root = project();
    const r = run(['batch', 'plans', '-o', 'out', '-j', '1'], root, { KEHOACH_FAULT_WRITE: 'ENOSPC', KEHOACH_FAULT_WRITE_MATCH: '\\.docx$' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).not.toMatch(/lỗi nội bộ|internal error|\n\s+at /);
    for (let i = 1; i <= 3; i++) expect(r.stderr).toMatch(new RegExp(`kh-0${i}\\.yaml:1:1  error  không ghi được .*kh-0${i}\\.docx: ổ đĩa đầy  \\[batch/write\\]`));
    const m = JSON.parse(readFileSync(join(root, 'out/manifest.json'), 'utf8'));
    expect(m.plans.map((p: { status: string }) => p.status)).toEqual(['failed', 'failed', 'failed']);
    expect(files(join(root, 'out')).filter((f) => f.endsWith('.tmp') || f.endsWith('.docx'))).toEqual([]);
  }, 60_000);

  it('read-only output folder (every write fails): each plan and the manifest are reported, exit 1 (not 3)', () => {
    const root = project(2);
    const r = run(['batch', 'plans', '-o', 'out', '-j', '1', '--lang', 'en'], root, { KEHOACH_FAULT_WRITE: 'EROFS' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.stderr).toMatch(/kh-01\.yaml:1:1  error  cannot write .*kh-01\.docx: read-only file system/);
    expect(r.stderr).toMatch(/kh-02\.yaml:1:1  error  cannot write .*kh-02\.docx: read-only file system/);
    expect(r.stderr).toMatch(/cannot write the manifest .*manifest\.json: read-only file system/);
  }, 60_000);
});

describe('batch resumes safely', () => {
  it('--incremental re-renders an output that was truncated (its hash is checked, not just its presence)', async () => {
    const root = project(2);
    const { runBatch } = await batch();
    const out = join(root, 'out');
    await runBatch([join(root, 'plans')], { outdir: out, jobs: 1 });
    const good = readFileSync(join(out, 'phong-a/kh-01.docx'));
    truncateSync(join(out, 'phong-a/kh-01.docx'), 100);
    const s = await runBatch([join(root, 'plans')], { outdir: out, jobs: 1, incremental: true });
    expect(s.results.map((x) => x.status)).toEqual(['rendered', 'skipped']);
    expect(Buffer.compare(readFileSync(join(out, 'phong-a/kh-01.docx')), good)).toBe(0);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.plans[0].content_hash).toBe(sha(good));
  }, 60_000);

  it('after a killed run: stale temp files are removed, and the manifest is written as the batch goes', async () => {
    const root = project(3);
    const out = join(root, 'out');
    mkdirSync(join(out, 'phong-a'), { recursive: true });
    const stale = join(out, 'phong-a/.kh-01.docx.4242.k3j2h1.tmp');
    writeFileSync(stale, 'half a file');
    const { runBatch } = await batch();
    const seen: number[] = [];
    await runBatch([join(root, 'plans')], {
      outdir: out, jobs: 1,
      onProgress: (p) => {
        // a kill -9 here would leave this manifest: the plans done so far are in it
        const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
        seen.push(m.plans.filter((x: { status: string }) => x.status === 'rendered').length);
        expect(p.done).toBeGreaterThan(0);
      },
    });
    expect(seen[0]).toBeGreaterThanOrEqual(1);
    expect(existsSync(stale)).toBe(false);
    expect(files(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});

describe('batch stays inside its folders', () => {
  it('refuses to write through a symlinked sub-folder of -o that leads outside it', async () => {
    const root = project(1);
    const elsewhere = mkdtempSync(join(tmpdir(), 'kh-elsewhere-'));
    mkdirSync(join(root, 'out'));
    symlinkSync(elsewhere, join(root, 'out/phong-a'));
    const { runBatch } = await batch();
    const s = await runBatch([join(root, 'plans')], { outdir: join(root, 'out'), jobs: 1 });
    expect(s.results[0]).toMatchObject({ status: 'failed', diagnostics: [expect.objectContaining({ rule: 'batch/outside' })] });
    expect(s.results[0].diagnostics[0].message).toContain('liên kết (symlink)');
    expect(readdirSync(elsewhere)).toEqual([]);
  }, 60_000);

  it('a symlink loop in the input finds each plan once', async () => {
    const root = project(2);
    symlinkSync(join(root, 'plans'), join(root, 'plans/phong-a/loop'));
    const { plans } = await discover([join(root, 'plans')]);
    expect(plans.map((p) => p.rel)).toEqual(['phong-a/kh-01.docx', 'phong-a/kh-02.docx']);
  });
});

describe('one batch per output folder', () => {
  it('a second batch into a folder being written is refused; a lock left by a dead process is taken over', async () => {
    const root = project(2);
    const out = join(root, 'out');
    const { runBatch } = await batch();
    // The second batch starts while the first holds the folder (from its whileLocked: a small batch renders in its own
    // thread, fast enough to be done before a second one started beside it would ask for the lock).
    let second: PromiseSettledResult<unknown> | undefined;
    const first = await runBatch([join(root, 'plans')], { outdir: out, jobs: 1, whileLocked: async () => {
      [second] = await Promise.allSettled([runBatch([join(root, 'plans')], { outdir: out, jobs: 1 })]);
    } });
    expect(first.rendered).toBe(2);
    expect(second?.status).toBe('rejected');
    expect((second as PromiseRejectedResult).reason.message).toMatch(/đang được một lệnh batch khác ghi/);
    // a lock held by another live process
    const other = spawn('sleep', ['60']);
    try {
      writeFileSync(join(out, '.kehoach-batch.lock'), `${other.pid}\n`);
      const r = run(['batch', 'plans', '-o', 'out'], root);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`tiến trình ${other.pid}`);
    } finally {
      other.kill();
    }
    // a lock from a process that is gone (kill -9) does not block
    await new Promise((res) => other.once('exit', res));
    const again = run(['batch', 'plans', '-o', 'out'], root);
    expect(again.status, again.stderr).toBe(0);
    expect(existsSync(join(out, '.kehoach-batch.lock'))).toBe(false);
    expect(docxParagraphs(readFileSync(join(out, 'phong-a/kh-02.docx'))).some((p) => p.includes('Phát huy tinh thần thi đua 2.'))).toBe(true);
  }, 90_000);
});
