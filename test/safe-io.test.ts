/**
 * Hostile files and unlucky machines (issue 23), writing and reading side: outputs that are devices, FIFOs or
 * symbolic links are written through and never replaced; fix keeps the plan's link, hard links and mode; a closed
 * or full stdout is a clean message; a .docx is not poured onto a terminal; users' files (plans, stdin,
 * kehoach.config.yaml) are read bounded and only when they are regular files; --watch survives a plan that becomes a
 * folder or a device; skipped dotfiles are counted; a Word file kehoach did not write is never replaced (issue 19).
 *
 * Runs as root in CI: device nodes are made with mknod in a temporary folder, never the system's /dev ones.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import {
  readFileSync, writeFileSync, mkdtempSync, mkdirSync, symlinkSync, rmSync, existsSync, lstatSync, statSync, linkSync,
  chmodSync, readlinkSync, openSync, closeSync, unlinkSync, readdirSync,
} from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { zipSync, unzipSync, strToU8, strFromU8 } from 'fflate';
import { ROOT, CLI, EXAMPLES_DIR, EXAMPLES, hasCommand } from './helpers.js';
import { createRequire } from 'node:module';
import { writeFileAtomic } from '../src/write.js';

const isRoot = process.getuid?.() === 0;
const hasSoffice = hasCommand('soffice') && hasCommand('pdfinfo') && hasCommand('pdftotext');
const MINIMAL = readFileSync(join(ROOT, 'test', 'fixtures', 'minimal.yaml'), 'utf8');
const EXAMPLE = join(EXAMPLES_DIR, EXAMPLES[0]);

let dir: string;
let n = 0;
/** A fresh folder under the test's temporary folder. */
const sub = (name: string) => { const d = join(dir, `${name}-${n++}`); mkdirSync(d, { recursive: true }); return d; };
/** A device node like /dev/null (1,3), /dev/zero (1,5) or /dev/full (1,7), made here: never the system's own. */
const mknod = (path: string, minor: 3 | 5 | 7) => { execFileSync('mknod', [path, 'c', '1', String(minor)]); return path; };
const mkfifo = (path: string) => { execFileSync('mkfifo', [path]); return path; };
const run = (args: string[], o: { cwd?: string; input?: string | Buffer; stdio?: unknown; timeout?: number } = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: o.cwd ?? dir, env: { ...process.env, NO_COLOR: '1' }, timeout: o.timeout ?? 60_000, ...(o.input !== undefined ? { input: o.input } : {}), ...(o.stdio ? { stdio: o.stdio as never } : {}), maxBuffer: 64 * 1024 * 1024 });
const STACK = /\n\s+at |throw er|node:events/;

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'kehoach-safe-io-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(isRoot)('outputs that exist and are not regular files (0, 16)', () => {
  it('render -o <a null device> writes through it and leaves the device in place', () => {
    const d = sub('null');
    const dev = mknod(join(d, 'null'), 3);
    const r = run(['render', EXAMPLE, '-o', dev]);
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
    expect(readdirSync(d)).toEqual(['null']); // no temp file left
  }, 60_000);

  it('render -o <a FIFO> streams the document to its reader; the FIFO stays a FIFO', async () => {
    const d = sub('fifo');
    const fifo = mkfifo(join(d, 'pipe'));
    const reader = spawn('sh', ['-c', `exec cat "${fifo}" > "${join(d, 'got.docx')}"`]);
    const done = new Promise<void>((res) => reader.on('exit', () => res()));
    const r = run(['render', EXAMPLE, '-o', fifo], { timeout: 30_000 });
    // a FIFO replaced by a regular file leaves the reader waiting: stop it (the test fails below)
    const timer = setTimeout(() => reader.kill('SIGKILL'), 5000);
    await done;
    clearTimeout(timer);
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    const ref = run(['render', EXAMPLE, '-o', join(d, 'ref.docx')]);
    expect(ref.status, ref.stderr).toBe(0);
    expect(readFileSync(join(d, 'got.docx')).equals(readFileSync(join(d, 'ref.docx')))).toBe(true);
  }, 60_000);

  it('render -o <a symbolic link to a device> (like /dev/stdout) keeps the link and the device', () => {
    const d = sub('link-dev');
    const dev = mknod(join(d, 'null'), 3);
    const link = join(d, 'stdout');
    symlinkSync(dev, link);
    const r = run(['render', EXAMPLE, '-o', link]);
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(dev);
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
  }, 60_000);

  it('render -o <a symbolic link to a file> writes the link\'s target; the link stays a link', () => {
    const d = sub('link-file');
    mkdirSync(join(d, 'real'));
    const link = join(d, 'out.docx');
    symlinkSync('real/target.docx', link); // relative and dangling at first
    expect(run(['render', EXAMPLE, '-o', link]).status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync(join(d, 'real', 'target.docx')).size).toBeGreaterThan(1000);
    expect(run(['render', EXAMPLE, '-o', link]).status).toBe(0); // and again, over kehoach's own file
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  }, 60_000);

  it('a folder as the output of a writer is refused with the reason; nothing is replaced', async () => {
    const d = sub('dir');
    mkdirSync(join(d, 'x.json'));
    const e = await writeFileAtomic(join(d, 'x.json'), Buffer.from('{}')).then(() => undefined, (x: NodeJS.ErrnoException) => x);
    expect(e?.code).toBe('EISDIR');
    expect(statSync(join(d, 'x.json')).isDirectory()).toBe(true);
  });

  it('every writer goes through the same function: the batch manifest, init and the cache keep a device in place', () => {
    const d = sub('writers');
    const dev = mknod(join(d, 'null'), 3);
    const plans = join(d, 'plans');
    mkdirSync(plans);
    writeFileSync(join(plans, 'a.yaml'), MINIMAL);
    const b = run(['batch', plans, '-o', join(d, 'out'), '--manifest', dev, '-j', '1']);
    expect(b.status, b.stderr).toBe(0);
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
    // init writes _defaults.yaml through a link to the device
    const init = join(d, 'init');
    mkdirSync(init);
    symlinkSync(dev, join(init, '_defaults.yaml'));
    const i = run(['init', init, '--yes', '--force']);
    // written through, or refused with a message (init checks what is in the way first: issue 23, item 24)
    expect([0, 2], i.stderr).toContain(i.status);
    expect(lstatSync(join(init, '_defaults.yaml')).isSymbolicLink()).toBe(true);
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
    // the cache writes an entry whose file is a link to the device: the link is replaced, the device kept in place
    const cache = createRequire(import.meta.url)(join(ROOT, 'dist/cache.cjs')) as typeof import('../src/cache.cjs');
    const saved = process.env.KEHOACH_CACHE_DIR;
    process.env.KEHOACH_CACHE_DIR = join(d, 'cache');
    try {
      const entry = cache.keyedFile('profiles', cache.cacheKey('profiles', ['safe-io'])!);
      mkdirSync(join(entry, '..'), { recursive: true, mode: 0o700 });
      chmodSync(join(d, 'cache'), 0o700);
      symlinkSync(dev, entry);
      cache.writeKeyed('profiles', ['safe-io'], 'cache text');
      expect(lstatSync(entry).isFile()).toBe(true);
      expect(cache.readKeyed('profiles', ['safe-io'])?.toString()).toBe('cache text');
    } finally {
      if (saved === undefined) delete process.env.KEHOACH_CACHE_DIR; else process.env.KEHOACH_CACHE_DIR = saved;
    }
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
  }, 120_000);

  it('a full device as the output is a clean "disk is full" message (exit 3), no stack trace', () => {
    const d = sub('full');
    const full = mknod(join(d, 'full'), 7);
    const r = run(['render', EXAMPLE, '-o', full]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/ổ đĩa đầy/);
    expect(r.stderr).not.toMatch(STACK);
    expect(lstatSync(full).isCharacterDevice()).toBe(true);
  }, 60_000);
});

describe('the writer remembers the folders it made (issue 22, T4: no mkdir per plan of a batch)', () => {
  it('a folder deleted after a write is made again; one replaced by a file gives the error a first write gives', async () => {
    const d = sub('made');
    const out = join(d, 'out', 'x.docx');
    await writeFileAtomic(out, Buffer.from('one'));
    expect(readFileSync(out, 'utf8')).toBe('one');
    rmSync(join(d, 'out'), { recursive: true }); // the folder the writer remembers is gone
    await writeFileAtomic(out, Buffer.from('two'));
    expect(readFileSync(out, 'utf8')).toBe('two');
    await writeFileAtomic(join(d, 'out', 'y.docx'), Buffer.from('three')); // the remembered folder, still there
    expect(readdirSync(join(d, 'out')).sort()).toEqual(['x.docx', 'y.docx']);
    // the folder replaced by a file: the same error as for a folder never written to (ENOTDIR), no temp file
    rmSync(join(d, 'out'), { recursive: true });
    writeFileSync(join(d, 'out'), 'a file');
    writeFileSync(join(d, 'other'), 'a file');
    const code = (p: string) => writeFileAtomic(p, Buffer.from('x')).then(() => undefined, (e: NodeJS.ErrnoException) => e.code);
    expect(await code(join(d, 'other', 'x.docx'))).toBe('ENOTDIR');
    expect(await code(out)).toBe('ENOTDIR');
    expect(readFileSync(join(d, 'out'), 'utf8')).toBe('a file');
    expect(readdirSync(d).sort()).toEqual(['other', 'out']);
  });
});

describe('fix keeps the plan\'s link, hard links and mode (17)', () => {
  const broken = MINIMAL.replace(/^ngay_ban_hanh: .*$/m, 'ngay_ban_hanh: 05/03/2025');
  it('a symbolic link to the plan stays a link; its target is fixed', () => {
    const d = sub('fix-link');
    mkdirSync(join(d, 'real'));
    writeFileSync(join(d, 'real', 'plan.yaml'), broken);
    symlinkSync('real/plan.yaml', join(d, 'plan.yaml'));
    const r = run(['fix', join(d, 'plan.yaml')]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(lstatSync(join(d, 'plan.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, 'real', 'plan.yaml'), 'utf8')).toMatch(/^ngay_ban_hanh: 2025-03-05$/m);
  }, 60_000);

  it('hard links keep sharing the fixed text, and the mode (0600) is kept', () => {
    const d = sub('fix-hard');
    writeFileSync(join(d, 'plan.yaml'), broken);
    chmodSync(join(d, 'plan.yaml'), 0o600);
    linkSync(join(d, 'plan.yaml'), join(d, 'other-name.yaml.bak'));
    const ino = statSync(join(d, 'plan.yaml')).ino;
    const r = run(['fix', join(d, 'plan.yaml')]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const st = statSync(join(d, 'plan.yaml'));
    expect(st.ino).toBe(ino);
    expect(st.nlink).toBe(2);
    expect(st.mode & 0o777).toBe(0o600);
    expect(readFileSync(join(d, 'other-name.yaml.bak'), 'utf8')).toMatch(/^ngay_ban_hanh: 2025-03-05$/m);
    expect(readdirSync(d).sort()).toEqual(['other-name.yaml.bak', 'plan.yaml']); // no temp file left
  }, 60_000);

  it('a single-link plan keeps its mode too (written to a temporary file, renamed)', () => {
    const d = sub('fix-mode');
    writeFileSync(join(d, 'plan.yaml'), broken);
    chmodSync(join(d, 'plan.yaml'), 0o640);
    expect(run(['fix', join(d, 'plan.yaml')]).status).toBe(0);
    expect(statSync(join(d, 'plan.yaml')).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(d, 'plan.yaml'), 'utf8')).toMatch(/^ngay_ban_hanh: 2025-03-05$/m);
  }, 60_000);
});

describe('a closed or full stdout (19) and a terminal (23)', () => {
  /** Runs the command with stdout a pipe whose reader has already gone. */
  const closedPipe = (args: string) => spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" ${args} | (exec 0<&-; sleep 1)`], { encoding: 'utf8', cwd: dir, timeout: 60_000 });
  it.each([
    [`render "${EXAMPLE}" -o -`],
    ['schema'],
    [`validate "${EXAMPLE}" --format json`],
  ])('kehoach %s into a closed pipe: quiet, no stack trace', (args) => {
    const r = closedPipe(args);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).toBe('');
  }, 60_000);

  it.runIf(isRoot)('stdout on a full device: one clean message, exit 3', () => {
    const d = sub('stdout-full');
    const full = mknod(join(d, 'full'), 7);
    for (const args of [['render', EXAMPLE, '-o', '-'], ['schema']]) {
      const fd = openSync(full, 'w');
      try {
        const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', stdio: ['ignore', fd, 'pipe'], timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
        expect(r.stderr).not.toMatch(STACK);
        expect(r.stderr).toMatch(/stdout.*ổ đĩa đầy/);
        expect(r.status).toBe(3);
      } finally { closeSync(fd); }
    }
  }, 60_000);

  // The terminal is told by src/cli/stdio.ts isTerminal (fstat, then tty.isatty for a character device only): a real
  // pseudo-terminal, through script(1) of util-linux.
  it.runIf(spawnSync('sh', ['-c', 'command -v script']).status === 0)('a .docx is not written to a terminal (through script(1), a real pseudo-terminal)', () => {
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" render "${EXAMPLE}" -o - --lang en`, join(dir, 'typescript')], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toMatch(/terminal/);
    expect(r.stdout).not.toContain('PK\u0003\u0004');
    expect(r.status).toBe(2);
  }, 60_000);
});

describe('users\' files are read bounded, regular files only (4, 5, 9)', () => {
  it.runIf(isRoot)('fix <folder> and validate --fix with a *.yaml linked to a zero device: refused at once', () => {
    const d = sub('fix-zero');
    const zero = mknod(join(dir, `zero-${n++}`), 5);
    writeFileSync(join(d, 'a.yaml'), MINIMAL);
    symlinkSync(zero, join(d, 'zero.yaml'));
    const f = run(['fix', d], { timeout: 30_000 });
    expect(f.signal, 'fix hung on the device').toBeNull();
    expect(f.stdout + f.stderr).toMatch(/zero\.yaml.*không phải tệp thường/);
    expect(f.status).toBe(1);
    const v = run(['validate', '--fix', d], { timeout: 30_000 });
    expect(v.signal, 'validate --fix hung on the device').toBeNull();
    expect(v.stdout).toMatch(/zero\.yaml:1:1.*file\/not-a-file/);
    expect(v.status).toBe(1);
  }, 90_000);

  it('kehoach.config.yaml as a folder: a clear error at its path, not an internal error', () => {
    const d = sub('config-dir');
    writeFileSync(join(d, 'a.yaml'), MINIMAL);
    mkdirSync(join(d, 'kehoach.config.yaml'));
    mkdirSync(join(d, '.git'));
    const r = run(['validate', join(d, 'a.yaml')]);
    expect(r.stdout + r.stderr).not.toMatch(/lỗi nội bộ|internal/);
    expect(r.stdout).toMatch(/kehoach\.config\.yaml:1:1 .*không phải tệp thường/);
    expect(r.status).toBe(1);
  }, 60_000);

  it('kehoach.config.yaml as a FIFO: no command hangs', () => {
    const d = sub('config-fifo');
    writeFileSync(join(d, 'a.yaml'), MINIMAL);
    mkfifo(join(d, 'kehoach.config.yaml'));
    mkdirSync(join(d, '.git'));
    for (const args of [['validate', join(d, 'a.yaml')], ['render', join(d, 'a.yaml'), '-o', join(d, 'a.docx')], ['fix', join(d, 'a.yaml')]]) {
      const r = run(args, { timeout: 30_000 });
      expect(r.signal, `${args[0]} hung on the FIFO`).toBeNull();
      expect(r.status, args[0]).toBe(1);
      // fix says the plan has errors left; validate and render name the configuration file
      if (args[0] !== 'fix') expect(r.stdout + r.stderr, args[0]).toMatch(/kehoach\.config\.yaml:1:1 .*không phải tệp thường/);
    }
  }, 120_000);

  it.runIf(isRoot)('kehoach.config.yaml linked to a zero device: refused, never read', () => {
    const d = sub('config-zero');
    writeFileSync(join(d, 'a.yaml'), MINIMAL);
    symlinkSync(mknod(join(d, 'zero'), 5), join(d, 'kehoach.config.yaml'));
    mkdirSync(join(d, '.git'));
    const r = run(['validate', join(d, 'a.yaml')], { timeout: 30_000 });
    expect(r.signal).toBeNull();
    expect(r.stdout).toMatch(/kehoach\.config\.yaml:1:1 .*không phải tệp thường/);
  }, 60_000);

  it('stdin ("-") is bounded like a plan file: same limit, same message', () => {
    const big = `${MINIMAL}\n# ${'x'.repeat(3 * 1024 * 1024)}\n`;
    for (const args of [['validate', '-'], ['render', '-', '-o', join(dir, 'stdin.docx')]]) {
      const r = run(args, { input: big });
      expect(r.stdout + r.stderr, args[0]).toMatch(/<stdin>:1:1 .*tệp quá lớn.*giới hạn là 2097152 byte/);
      expect(r.status).toBe(1);
    }
  }, 60_000);

  it.runIf(isRoot)('stdin from a zero device stops at the limit', () => {
    const zero = mknod(join(dir, `zero-${n++}`), 5);
    const fd = openSync(zero, 'r');
    try {
      const r = spawnSync(process.execPath, [CLI, 'validate', '-'], { encoding: 'utf8', stdio: [fd, 'pipe', 'pipe'], timeout: 30_000 });
      expect(r.signal).toBeNull();
      expect(r.stdout).toMatch(/<stdin>:1:1 .*tệp quá lớn/);
    } finally { closeSync(fd); }
  }, 60_000);
});

describe('--watch survives a plan that becomes a folder or a device (14)', () => {
  it('reports and keeps watching; a good save renders again', async () => {
    const d = sub('watch');
    const plan = join(d, 'p.yaml');
    writeFileSync(plan, MINIMAL);
    mkdirSync(join(d, '.git'));
    const child = spawn(process.execPath, [CLI, 'render', plan, '--watch', '-o', join(d, 'p.docx')], { cwd: d, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let exited: number | null = null;
    child.stdout.on('data', (x) => (out += x));
    child.stderr.on('data', (x) => (out += x));
    child.on('exit', (c) => { exited = c ?? -1; });
    const until = async (f: () => boolean, ms = 40_000) => {
      const end = Date.now() + ms;
      while (!f()) { if (Date.now() > end || exited !== null) throw new Error(`timed out or exited (${exited}):\n${out}`); await new Promise((r) => setTimeout(r, 50)); }
    };
    const written = () => (out.match(/đã ghi/g) ?? []).length;
    try {
      await until(() => out.includes('đang theo dõi'));
      expect(written()).toBe(1);
      rmSync(plan);
      mkdirSync(plan);
      await until(() => /không phải tệp thường/.test(out));
      await new Promise((r) => setTimeout(r, 500));
      expect(exited).toBeNull();
      rmSync(plan, { recursive: true });
      writeFileSync(plan, MINIMAL);
      await until(() => written() >= 2);
      if (isRoot) {
        const before = (out.match(/không phải tệp thường/g) ?? []).length;
        rmSync(plan);
        symlinkSync(mknod(join(d, 'zero'), 5), plan);
        await until(() => (out.match(/không phải tệp thường/g) ?? []).length > before);
        await new Promise((r) => setTimeout(r, 500));
        expect(exited).toBeNull();
        unlinkSync(plan);
        writeFileSync(plan, MINIMAL);
        await until(() => written() >= 3);
      }
      expect(out).not.toMatch(STACK);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});

describe('dotfiles in a folder are counted, not skipped silently (25)', () => {
  it('validate <folder> and batch <folder> say how many files beginning with a dot were left out', () => {
    const d = sub('dots');
    const plans = join(d, 'plans');
    mkdirSync(join(plans, '.drafts'), { recursive: true });
    writeFileSync(join(plans, 'a.yaml'), MINIMAL);
    writeFileSync(join(plans, '.b.yaml'), MINIMAL);
    writeFileSync(join(plans, '.drafts', 'c.yaml'), MINIMAL);
    const v = run(['validate', plans, '--lang', 'en']);
    expect(v.status, v.stderr).toBe(0);
    // the dot-named file is named; a dot-named folder (.git, .github, .vscode, .drafts) is a tool's, not counted
    expect(v.stderr).toMatch(/skipped 1 \.yaml file\(s\) whose name \(or folder\) begins with a dot: \S*\.b\.yaml;/);
    const b = run(['batch', plans, '-o', join(d, 'out'), '-j', '1', '--lang', 'en']);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout + b.stderr).toMatch(/skipped 1 \.yaml file\(s\) .*begins with a dot/);
    // named explicitly, a dotfile is checked
    const one = run(['validate', join(plans, '.b.yaml')]);
    expect(one.status).toBe(0);
    expect(one.stderr).not.toMatch(/dot|dấu chấm/);
  }, 90_000);
});

describe('a Word or PDF file kehoach did not write is never replaced without --force-overwrite (issue 19)', () => {
  /** A .docx as Word writes it: no kehoach mark in docProps/core.xml. */
  const wordDocx = () => Buffer.from(zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'docProps/core.xml': strToU8('<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Văn thư</dc:creator><dc:description>bản gốc</dc:description></cp:coreProperties>'),
    'docProps/app.xml': strToU8('<?xml version="1.0"?><Properties><Application>Microsoft Office Word</Application></Properties>'),
    'word/document.xml': strToU8('<w:document/>'),
  }));

  it('render over the office\'s original .docx is refused, the file untouched; --force-overwrite replaces it', () => {
    const d = sub('own');
    const plan = join(d, 'kh.yaml');
    writeFileSync(plan, MINIMAL);
    const original = wordDocx();
    writeFileSync(join(d, 'kh.docx'), original);
    const r = run(['render', plan, '--lang', 'en']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/kh\.docx.*not written by kehoach.*--force-overwrite/s);
    expect(readFileSync(join(d, 'kh.docx')).equals(original)).toBe(true);
    const f = run(['render', plan, '--force-overwrite']);
    expect(f.status, f.stderr).toBe(0);
    expect(readFileSync(join(d, 'kh.docx')).equals(original)).toBe(false);
    // now it is kehoach's own: rendered again without a question
    const again = run(['render', plan]);
    expect(again.status, again.stderr).toBe(0);
  }, 90_000);

  it('a file that is not a ZIP at all (or empty) is not kehoach\'s either', () => {
    const d = sub('own-junk');
    writeFileSync(join(d, 'kh.yaml'), MINIMAL);
    writeFileSync(join(d, 'kh.docx'), 'notes typed by hand\n');
    const r = run(['render', join(d, 'kh.yaml')]);
    expect(r.status).toBe(2);
    expect(readFileSync(join(d, 'kh.docx'), 'utf8')).toBe('notes typed by hand\n');
  }, 60_000);

  it('a PDF from elsewhere is not replaced by render --pdf (checked before LibreOffice runs)', () => {
    const d = sub('own-pdf');
    writeFileSync(join(d, 'kh.yaml'), MINIMAL);
    const pdf = '%PDF-1.7\n1 0 obj <</Producer (Microsoft Word for Microsoft 365)/Creator (Microsoft Word)>> endobj\ntrailer <</Info 1 0 R>>\n%%EOF\n';
    writeFileSync(join(d, 'kh.pdf'), pdf);
    const r = run(['render', join(d, 'kh.yaml'), '-o', join(d, 'kh.pdf'), '--lang', 'en']);
    if (r.stderr.includes('LibreOffice')) return; // no converter on this machine: refused before our check
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/kh\.pdf.*--force-overwrite/s);
    expect(readFileSync(join(d, 'kh.pdf'), 'utf8')).toBe(pdf);
  }, 60_000);

  /** The kehoach .docx of `plan`, with its docProps/app.xml replaced by `app` (undefined: app.xml as it is). */
  const ownDocx = (d: string, app?: string) => {
    const plan = join(d, 'kh.yaml');
    writeFileSync(plan, MINIMAL);
    expect(run(['render', plan]).status).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(join(d, 'kh.docx'))));
    expect(strFromU8(files['docProps/app.xml'])).toMatch(/<Application>kehoach\/\d+\.\d+\.\d+<\/Application>/);
    if (app !== undefined) files['docProps/app.xml'] = strToU8(app);
    return { plan, bytes: Buffer.from(zipSync(files)) };
  };

  it('kehoach marks its .docx in docProps/app.xml; the file a clerk saved from Word (app.xml rewritten, core.xml kept) is not replaced', () => {
    const d = sub('own-edited');
    const { plan, bytes } = ownDocx(d, '<?xml version="1.0"?><Properties><Application>Microsoft Office Word</Application></Properties>');
    writeFileSync(join(d, 'kh.docx'), bytes);
    const r = run(['render', plan, '--lang', 'en']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/kh\.docx.*not written by kehoach/s);
    expect(readFileSync(join(d, 'kh.docx')).equals(bytes)).toBe(true);
  }, 90_000);

  it('a .docx of an earlier kehoach (app.xml naming no application, core.xml marked) is still replaced', () => {
    const d = sub('own-earlier');
    const { plan, bytes } = ownDocx(d, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>');
    writeFileSync(join(d, 'kh.docx'), bytes);
    const r = run(['render', plan]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(d, 'kh.docx')).equals(bytes)).toBe(false);
  }, 90_000);

  it.skipIf(!hasSoffice)('kehoach marks its PDF\'s Producer; a PDF LibreOffice exported by hand is not replaced, kehoach\'s own is', () => {
    const d = sub('own-lo-pdf');
    const plan = join(d, 'kh.yaml');
    writeFileSync(plan, MINIMAL);
    expect(run(['render', plan, '--pdf'], { timeout: 180_000 }).status).toBe(0);
    const producer = execFileSync('pdfinfo', [join(d, 'kh.pdf')], { encoding: 'utf8' });
    expect(producer).toMatch(/Producer:\s+kehoach\/\d+\.\d+\.\d+ \+ LibreOffice/);
    expect(execFileSync('pdftotext', [join(d, 'kh.pdf'), '-'], { encoding: 'utf8' })).toMatch(/KẾ HOẠCH/);
    // kehoach's own PDF: replaced without a question
    expect(run(['render', plan, '--pdf'], { timeout: 180_000 }).status).toBe(0);
    // the same document exported by hand with LibreOffice: Producer "LibreOffice …", no kehoach mark
    const hand = sub('own-lo-hand');
    execFileSync('soffice', [`-env:UserInstallation=file://${join(hand, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', hand, join(d, 'kh.docx')], { timeout: 180_000 });
    const handPdf = readFileSync(join(hand, 'kh.pdf'));
    writeFileSync(join(d, 'kh.pdf'), handPdf);
    const r = run(['render', plan, '--pdf', '--lang', 'en'], { timeout: 180_000 });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/kh\.pdf.*--force-overwrite/s);
    expect(readFileSync(join(d, 'kh.pdf')).equals(handPdf)).toBe(true);
  }, 400_000);

  it('import of kh.docx suggests kh.kehoach.yaml, whose render cannot be the original; -o kh.yaml is warned', () => {
    const d = sub('own-import');
    const { bytes } = ownDocx(d);
    rmSync(join(d, 'kh.yaml'));
    writeFileSync(join(d, 'kh.docx'), bytes);
    const i = run(['import', join(d, 'kh.docx')]);
    expect(i.status, i.stderr).toBe(0);
    expect(existsSync(join(d, 'kh.kehoach.yaml'))).toBe(true);
    expect(existsSync(join(d, 'kh.yaml'))).toBe(false);
    const r = run(['render', join(d, 'kh.kehoach.yaml')]);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(d, 'kh.kehoach.docx'))).toBe(true);
    expect(readFileSync(join(d, 'kh.docx')).equals(bytes)).toBe(true);
    const named = run(['import', join(d, 'kh.docx'), '-o', join(d, 'kh.yaml'), '--lang', 'en']);
    expect(named.status, named.stderr).toBe(0);
    expect(named.stderr).toMatch(/rendering .*kh\.yaml would write .*kh\.docx.*-o .*kh\.kehoach\.yaml/s);
  }, 120_000);

  it('batch does not replace a foreign .docx in its output folder: that plan fails with the reason', () => {
    const d = sub('own-batch');
    mkdirSync(join(d, 'plans'));
    writeFileSync(join(d, 'plans', 'kh.yaml'), MINIMAL);
    mkdirSync(join(d, 'out'));
    const original = wordDocx(); // made once: a ZIP holds the time it was made
    writeFileSync(join(d, 'out', 'kh.docx'), original);
    const r = run(['batch', join(d, 'plans'), '-o', join(d, 'out'), '-j', '1', '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/not written by kehoach/);
    expect(readFileSync(join(d, 'out', 'kh.docx')).equals(original)).toBe(true);
  }, 60_000);

});
