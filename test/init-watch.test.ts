/**
 * `kehoach init` writes a plan that validates and renders (off a terminal: no question; on a terminal: the
 * questions, answered through tmux), keeps existing files and says so; `render --watch` re-renders when the plan's
 * _defaults.yaml is saved (in place or by an editor's rename); a render overtaken by a newer save stays silent.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync, statSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawn, spawnSync } from 'node:child_process';
import { CLI, hasCommand, docxParagraphs } from './helpers.js';
import { renderOnce } from '../src/cli/render.js';
import { writeThroughStreams } from '../src/cli/stdio.js';
import { familyNames, listFamilies } from '../src/form/families.js';

const run = (args: string[], cwd?: string) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
const tmp = () => mkdtempSync(join(tmpdir(), 'kh-init-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(what: () => boolean, ms = 90_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(200)) if (what()) return;
  throw new Error('timed out waiting');
}

describe('kehoach init off a terminal', () => {
  it.each(familyNames())('--khoi %s: asks nothing; the plan validates and renders', (khoi) => {
    const dir = tmp();
    const r = run(['init', '--khoi', khoi], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['.vscode', '_defaults.yaml', 'ke-hoach.yaml']);
    const settings = JSON.parse(readFileSync(join(dir, '.vscode', 'settings.json'), 'utf8'));
    const [schema, globs] = Object.entries(settings['yaml.schemas'])[0] as [string, string[]];
    expect(existsSync(schema.startsWith('/') ? schema : join(dir, schema))).toBe(true);
    expect(globs).toContain('*.yaml');
    expect(readFileSync(join(dir, 'ke-hoach.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=/);
    expect(readFileSync(join(dir, '_defaults.yaml'), 'utf8')).toContain(`khoi: ${khoi}`);
    const v = run(['validate', 'ke-hoach.yaml', '--strict'], dir);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    const rr = run(['render', 'ke-hoach.yaml'], dir);
    expect(rr.status, rr.stderr).toBe(0);
    expect(docxParagraphs(readFileSync(join(dir, 'ke-hoach.docx'))).join('\n')).toContain('KẾ HOẠCH');
  });

  it('never overwrites an existing file without saying so; --force overwrites and says so', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'ke-hoach.yaml'), 'mine\n');
    const r = run(['init', '--yes'], dir);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'ke-hoach.yaml'), 'utf8')).toBe('mine\n');
    expect(r.stderr).toMatch(/giữ nguyên .*ke-hoach\.yaml/);
    const f = run(['init', '--yes', '--force'], dir);
    expect(f.stdout).toMatch(/đã ghi đè .*ke-hoach\.yaml/);
    expect(readFileSync(join(dir, 'ke-hoach.yaml'), 'utf8')).not.toBe('mine\n');
  });

  it('a file in the way (ke-hoach.yaml a folder, .vscode a file, the target a file) is a clear usage error, nothing written', () => {
    for (const force of [[], ['--force']]) {
      const dir = tmp();
      mkdirSync(join(dir, 'ke-hoach.yaml'));
      const r = run(['init', '--yes', ...force], dir);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).not.toMatch(/lỗi nội bộ/);
      expect(r.stderr).toMatch(/ke-hoach\.yaml.*không phải tệp thường/);
      expect(existsSync(join(dir, '_defaults.yaml'))).toBe(false);
    }
    const v = tmp();
    writeFileSync(join(v, '.vscode'), '');
    const rv = run(['--lang', 'en', 'init', '--yes'], v);
    expect(rv.status, rv.stderr).toBe(2);
    expect(rv.stderr).toMatch(/\.vscode.*is not a folder/);
    expect(existsSync(join(v, 'ke-hoach.yaml'))).toBe(false);
    const f = join(tmp(), 'file');
    writeFileSync(f, '');
    const rf = run(['init', '--yes', f]);
    expect(rf.status, rf.stderr).toBe(2);
    expect(rf.stderr).toMatch(/file.*không phải thư mục/);
  });

  it('a wrong --khoi is a usage error', () => {
    expect(run(['init', '--khoi', 'xyz'], tmp()).status).toBe(2);
  });
});

describe.skipIf(!hasCommand('tmux'))('kehoach init on a terminal (tmux)', () => {
  it('asks the family, the body and the signer; the answers reach the files', async () => {
    const dir = tmp();
    const session = `kh-init-${process.pid}`;
    const tm = (...a: string[]) => spawnSync('tmux', a, { encoding: 'utf8' });
    const screen = () => tm('capture-pane', '-p', '-t', session).stdout ?? '';
    tm('new-session', '-d', '-s', session, '-x', '120', '-y', '40', '-c', dir, `${process.execPath} ${CLI} init; sleep 30`);
    try {
      await until(() => screen().includes('Khối cơ quan'));
      // the families in the order init offers them (src/form/families.ts): down to dang
      for (let i = listFamilies().findIndex((f) => f.khoi === 'dang'); i > 0; i--) tm('send-keys', '-t', session, 'Down', '');
      tm('send-keys', '-t', session, 'Enter', '');
      const answers = ['BAN TUYÊN GIÁO', '', 'BTGTU', 'Phan Thiết', 'Trần Thị B', 'TRƯỞNG BAN'];
      const prompts = ['Tên cơ quan', 'Cơ quan chủ quản', 'viết tắt', 'Địa danh', 'Họ tên', 'Chức vụ'];
      for (let i = 0; i < answers.length; i++) {
        await until(() => screen().includes(prompts[i]));
        if (answers[i]) tm('send-keys', '-t', session, '-l', answers[i]);
        tm('send-keys', '-t', session, 'Enter', '');
      }
      await until(() => existsSync(join(dir, '.vscode', 'settings.json')) && statSync(join(dir, '.vscode', 'settings.json')).size > 0);
    } finally {
      tm('kill-session', '-t', session);
    }
    const defaults = readFileSync(join(dir, '_defaults.yaml'), 'utf8');
    expect(defaults).toContain('khoi: dang');
    expect(defaults).toContain('BAN TUYÊN GIÁO');
    expect(defaults).toContain('Trần Thị B');
    expect(defaults).toContain('BTGTU');
    // Enter on the optional parent body leaves it out (the family's sample is only shown as an example)
    expect(defaults).not.toMatch(/^co_quan_chu_quan:/m);
    const v = run(['validate', 'ke-hoach.yaml'], dir);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(run(['render', 'ke-hoach.yaml'], dir).status).toBe(0);
  });
});

describe('render --watch', () => {
  it('re-renders when _defaults.yaml is saved, printing diagnostics each time', async () => {
    const dir = tmp();
    expect(run(['init', '--yes'], dir).status).toBe(0);
    const child = spawn(process.execPath, [CLI, 'render', 'ke-hoach.yaml', '--watch'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      await until(() => out.includes('đang theo dõi'));
      expect(out.match(/đã ghi/g)).toHaveLength(1);
      const docx = join(dir, 'ke-hoach.docx');
      expect(docxParagraphs(readFileSync(docx)).join('\n')).toContain('Nguyễn Văn A');
      // the office's signer changes in _defaults.yaml: the plan is re-rendered with it
      writeFileSync(join(dir, '_defaults.yaml'), readFileSync(join(dir, '_defaults.yaml'), 'utf8').replace('Nguyễn Văn A', 'Lê Thị C'));
      await until(() => (out.match(/đã ghi/g) ?? []).length >= 2);
      expect(docxParagraphs(readFileSync(docx)).join('\n')).toContain('Lê Thị C');
      // a broken save prints the diagnostics and keeps the last good file
      writeFileSync(join(dir, 'ke-hoach.yaml'), readFileSync(join(dir, 'ke-hoach.yaml'), 'utf8').replace(/^ngay_ban_hanh: .*$/m, 'ngay_ban_hanh: 2025-02-30'));
      await until(() => out.includes('không phải ngày có thật'));
      expect(docxParagraphs(readFileSync(docx)).join('\n')).toContain('Lê Thị C');
      // an editor's safe save (a temporary file renamed over the plan) that fixes the date is rendered too
      const written = (out.match(/đã ghi/g) ?? []).length;
      const fixed = readFileSync(join(dir, 'ke-hoach.yaml'), 'utf8').replace('2025-02-30', '2025-02-28').replace('Tổ chức phong trào thi đua', 'Tổ chức phong trào thi đua (bản lưu kiểu trình soạn thảo)');
      writeFileSync(join(dir, '.ke-hoach.yaml.tmp'), fixed);
      renameSync(join(dir, '.ke-hoach.yaml.tmp'), join(dir, 'ke-hoach.yaml'));
      await until(() => (out.match(/đã ghi/g) ?? []).length > written);
      expect(docxParagraphs(readFileSync(docx)).join('\n')).toContain('bản lưu kiểu trình soạn thảo');
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('a render overtaken by a newer save (the plan still being written) prints nothing and writes nothing', async () => {
    const dir = tmp();
    expect(run(['init', '--yes'], dir).status).toBe(0);
    const plan = join(dir, 'ke-hoach.yaml');
    const docx = join(dir, 'ke-hoach.docx');
    const stderr: string[] = [];
    const stdout: string[] = [];
    const write = (to: string[]) => ((s: string | Uint8Array) => { to.push(String(s)); return true; });
    const [e, o] = [process.stderr.write, process.stdout.write];
    process.stderr.write = write(stderr) as typeof process.stderr.write;
    process.stdout.write = write(stdout) as typeof process.stdout.write;
    writeThroughStreams(true); // the command's output, caught here (src/cli/stdio.ts writes to the descriptors)
    try {
      // a valid plan: not written while overtaken, written when not
      expect(await renderOnce(plan, { lang: 'vi', superseded: () => true })).toBe(1);
      expect(existsSync(docx)).toBe(false);
      // half a plan (cut mid-write): no diagnostics printed for it
      writeFileSync(plan, readFileSync(plan, 'utf8').slice(0, 300));
      expect(await renderOnce(plan, { lang: 'vi', superseded: () => true })).toBe(1);
      expect(existsSync(docx)).toBe(false);
      expect(stderr.join('') + stdout.join('')).toBe('');
      // the same half plan when no newer save came: its errors are printed, nothing written
      expect(await renderOnce(plan, { lang: 'vi', superseded: () => false })).toBe(1);
      expect(stderr.join('')).toContain('không ghi tệp');
      expect(existsSync(docx)).toBe(false);
    } finally {
      writeThroughStreams(false);
      process.stderr.write = e;
      process.stdout.write = o;
    }
  });
});
