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
import { fixPlan, isoFromDmy } from '../src/fix.js';
import { validateFile } from '../src/validate/files.js';
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

  it('dd/mm/yyyy dates: only real dates', () => {
    expect(isoFromDmy('5/3/2025')).toBe('2025-03-05');
    expect(isoFromDmy('30.06.2025')).toBe('2025-06-30');
    expect(isoFromDmy('31/02/2025')).toBeUndefined();
    expect(isoFromDmy('2025-03-05')).toBeUndefined();
  });
});
