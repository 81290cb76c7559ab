/**
 * The invalid corpus: every file in test/fixtures/invalid holds ONE deliberate mistake and says, on its first
 * lines, what the tool must report:
 *
 *   # expect: <rule> <line>:<col> [error|warning]   a diagnostic with exactly this rule and position (default: error)
 *   # expect-message: <text>                        some diagnostic's message contains <text>
 *   # expect-hint: <text>                           some diagnostic's hint contains <text>
 *   # reject-message: <text>                        no diagnostic's message contains <text>
 *
 * Then the cases that cannot be committed (encodings, binary, huge files) are generated in a temp dir, and a few
 * corpus files go through the CLI (text, json, github output; exit codes).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, openSync, ftruncateSync, closeSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { validateFile } from '../src/batch/validate.js';
import { MAX_PLAN_BYTES, readPlanBytes } from '../src/load.js';
import { RULES as ALL_RULES, onDocument } from '../src/rules/index.js';

/** The plan rules (the document rules of `kehoach check` judge .docx files: test/check.test.ts). */
const RULES = ALL_RULES.filter((r) => !onDocument(r));
import type { Diagnostic } from '../src/errors.js';
import { ROOT, CLI } from './helpers.js';

const CORPUS_DIR = join(ROOT, 'test', 'fixtures', 'invalid');
const MINIMAL = join(ROOT, 'test', 'fixtures', 'minimal.yaml');
const BOM_FILE = join(ROOT, 'test', 'fixtures', 'valid-bom.yaml');

interface Expected { rule: string; line: number; column: number; severity: 'error' | 'warning' }
interface Fixture {
  name: string;
  path: string;
  expects: Expected[];
  messages: string[];
  hints: string[];
  rejected: string[];
}

/** Reads the expectation header (the leading comment lines) of a corpus file. */
function readFixture(name: string): Fixture {
  const path = join(CORPUS_DIR, name);
  // Only the header is read as text: the rest may be deliberately broken (not UTF-8, control characters …).
  const bytes = readFileSync(path);
  const header: string[] = [];
  for (const line of bytes.toString('utf8').split(/\r?\n/)) {
    if (!line.startsWith('#')) break;
    header.push(line);
  }
  const f: Fixture = { name, path, expects: [], messages: [], hints: [], rejected: [] };
  for (const line of header) {
    let m: RegExpExecArray | null;
    if ((m = /^# expect: (\S+) (\d+):(\d+)(?: (error|warning))?\s*$/.exec(line))) {
      f.expects.push({ rule: m[1], line: Number(m[2]), column: Number(m[3]), severity: (m[4] as 'error' | 'warning') ?? 'error' });
    } else if ((m = /^# expect-message: (.+)$/.exec(line))) f.messages.push(m[1]);
    else if ((m = /^# expect-hint: (.+)$/.exec(line))) f.hints.push(m[1]);
    else if ((m = /^# reject-message: (.+)$/.exec(line))) f.rejected.push(m[1]);
    else if (/^# expect/.test(line)) throw new Error(`${name}: malformed expectation line: ${line}`);
  }
  return f;
}

const CORPUS = readdirSync(CORPUS_DIR).filter((f) => /\.ya?ml$/.test(f)).sort().map(readFixture);

const show = (ds: Diagnostic[]) => ds.map((d) => `${d.line}:${d.column} ${d.severity} [${d.rule}] ${d.message}`).join('\n') || '(no diagnostics)';

/** What every diagnostic must look like, whatever the input: positioned, no internal error text. */
function expectWellFormed(ds: Diagnostic[], file: string) {
  for (const d of ds) {
    expect(d.file, show([d])).toBe(file);
    expect(Number.isInteger(d.line) && d.line >= 1, show([d])).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, show([d])).toBe(true);
    expect(['error', 'warning']).toContain(d.severity);
    expect(d.rule).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
    for (const text of [d.message, d.hint ?? '']) {
      expect(text, show([d])).not.toMatch(/\n\s+at /);
      expect(text, show([d])).not.toMatch(/^\w*Error:/);
      expect(text, show([d])).not.toMatch(/\bat [\w.<>]+ \(.*:\d+:\d+\)/);
    }
    expect(d.message.trim().length).toBeGreaterThan(0);
  }
}

/** Runs validateFile and times it. */
async function validateTimed(path: string, lang: 'vi' | 'en' = 'vi'): Promise<{ ds: Diagnostic[]; ms: number }> {
  const t0 = performance.now();
  const ds = await validateFile(path, { lang });
  return { ds, ms: performance.now() - t0 };
}

describe('invalid corpus (test/fixtures/invalid)', () => {
  it('has at least 40 files, each with at least one expectation', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    for (const f of CORPUS) expect(f.expects.length, f.name).toBeGreaterThan(0);
  });

  it('triggers every rule of the standard at least once', () => {
    const covered = new Set(CORPUS.flatMap((f) => f.expects.map((e) => e.rule)));
    const missing = RULES.map((r) => r.id).filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
    // …with the rule's own severity
    for (const f of CORPUS) for (const e of f.expects) {
      const rule = RULES.find((r) => r.id === e.rule);
      if (rule) expect(e.severity, `${f.name}: ${e.rule}`).toBe(rule.severity);
    }
  });

  it.each(CORPUS.map((f) => [f.name, f] as const))('%s', async (_name, f) => {
    const { ds, ms } = await validateTimed(f.path);
    expectWellFormed(ds, f.path);
    for (const e of f.expects) {
      const hit = ds.find((d) => d.rule === e.rule && d.line === e.line && d.column === e.column);
      expect(hit, `expected [${e.rule}] at ${e.line}:${e.column}, got:\n${show(ds)}`).toBeDefined();
      expect(hit!.severity, show([hit!])).toBe(e.severity);
    }
    if (f.expects.some((e) => e.severity === 'error')) {
      expect(ds.some((d) => d.severity === 'error'), `expected at least one error, got:\n${show(ds)}`).toBe(true);
    }
    for (const text of f.messages) expect(ds.some((d) => d.message.includes(text)), `a message containing ${text}, got:\n${show(ds)}`).toBe(true);
    for (const text of f.hints) expect(ds.some((d) => d.hint?.includes(text)), `a hint containing ${text}, got:\n${ds.map((d) => d.hint ?? '-').join('\n')}`).toBe(true);
    for (const text of f.rejected) expect(ds.filter((d) => d.message.includes(text)), `no message may contain ${text}`).toEqual([]);
    expect(ms, `${f.name} took ${ms.toFixed(0)} ms`).toBeLessThan(2000);
  });

  it('the alias bomb is refused quickly with yaml/alias-limit', async () => {
    const { ds, ms } = await validateTimed(join(CORPUS_DIR, 'alias-bomb.yaml'));
    expect(ds.map((d) => d.rule)).toEqual(['yaml/alias-limit']);
    expect(ms).toBeLessThan(500);
  });
});

describe('generated inputs (encodings, binary, size)', () => {
  let dir: string;
  const minimal = readFileSync(MINIMAL, 'utf8');
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kh-corpus-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, bytes: Uint8Array | string) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  const only = async (path: string, rule: string) => {
    const { ds, ms } = await validateTimed(path);
    expectWellFormed(ds, path);
    expect(ds.map((d) => `${d.rule} ${d.line}:${d.column} ${d.severity}`), show(ds)).toEqual([`${rule} 1:1 error`]);
    return { ds, ms };
  };

  it('UTF-16 LE with a BOM: file/utf16', async () => {
    await only(write('utf16le-bom.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(minimal, 'utf16le')])), 'file/utf16');
  });

  it('UTF-16 LE without a BOM: file/utf16', async () => {
    await only(write('utf16le.yaml', Buffer.from(minimal, 'utf16le')), 'file/utf16');
  });

  it('UTF-16 BE with a BOM: file/utf16', async () => {
    const le = Buffer.from(minimal, 'utf16le');
    await only(write('utf16be-bom.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()])), 'file/utf16');
  });

  it('random bytes with NULs: file/binary', async () => {
    const bytes = Buffer.alloc(256);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 73 + 41) % 256 || 7;
    bytes[3] = 0;
    bytes[100] = 0;
    await only(write('random.yaml', bytes), 'file/binary');
  });

  it('a PNG image saved as .yaml: file/binary (not "UTF-16")', async () => {
    // A real 1×1 PNG: many NUL bytes, but it is an image, not UTF-16 text.
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
        '1f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082',
      'hex',
    );
    await only(write('image.yaml', png), 'file/binary');
  });

  it('Latin-1 bytes: file/not-utf8', async () => {
    // "café" in Latin-1 (0xE9 alone is not UTF-8) after an otherwise valid plan
    await only(write('latin1.yaml', Buffer.concat([Buffer.from(minimal), Buffer.from([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a])])), 'file/not-utf8');
  });

  it('a 0-byte file: yaml/empty', async () => {
    await only(write('empty.yaml', ''), 'yaml/empty');
  });

  it('a 50 MB file is refused with file/too-large before parsing, quickly', async () => {
    const line = 'trich_yeu: Tổ chức phong trào thi đua năm 2025\n';
    const big = Buffer.alloc(50 * 1024 * 1024, line);
    const p = write('big.yaml', big);
    const { ds, ms } = await only(p, 'file/too-large');
    expect(ds[0].message).toContain(String(MAX_PLAN_BYTES));
    expect(ms).toBeLessThan(1500);
    rmSync(p);
  });

  it('one byte over the limit is refused; the limit itself is not a size error', async () => {
    const pad = (n: number) => Buffer.concat([Buffer.from(minimal), Buffer.alloc(n - Buffer.byteLength(minimal), '#')]);
    await only(write('over.yaml', pad(MAX_PLAN_BYTES + 1)), 'file/too-large');
    const { ds } = await validateTimed(write('at-limit.yaml', pad(MAX_PLAN_BYTES)));
    expect(ds.filter((d) => d.rule === 'file/too-large')).toEqual([]);
  });

  it('a file is read whole whatever size it claims: exactly its bytes, and more than a size of 0 claims (/proc)', () => {
    for (const n of [0, 1, 4095, 4096, 12_345, 70_000]) {
      const bytes = Buffer.alloc(n, 'khoi: nha_nuoc\n');
      expect(Buffer.compare(readPlanBytes(write(`size-${n}.yaml`, bytes)), bytes), `${n} bytes`).toBe(0);
    }
    // Linux's /proc files are regular files that claim a size of 0 and still give their text.
    if (process.platform === 'linux') {
      const got = readPlanBytes('/proc/self/status').toString('utf8');
      expect(got).toMatch(/^Name:/);
      expect(got).toMatch(/\nPid:\s+\d+/);
    }
  });

  it('a 3 GiB (sparse) file is refused with file/too-large, not reported as unreadable', async () => {
    const p = join(dir, 'huge.yaml');
    const fd = openSync(p, 'w');
    try {
      ftruncateSync(fd, 3 * 1024 ** 3);
    } finally {
      closeSync(fd);
    }
    try {
      const { ms } = await only(p, 'file/too-large');
      expect(ms).toBeLessThan(1500);
    } finally {
      rmSync(p);
    }
  });

  it('a plan with 5 000 unknown keys (~85 KB, well under the size limit) is checked without blowing up', async () => {
    let text = minimal;
    for (let i = 0; i < 5_000; i++) text += `khoa_la_${i}: x\n`;
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_PLAN_BYTES / 10);
    const { ds, ms } = await validateTimed(write('many-keys.yaml', text));
    expect(ds.filter((d) => d.rule === 'schema/unknown-key').length).toBe(5_000);
    expect(ds.find((d) => d.message.includes('"khoa_la_4999"'))).toMatchObject({ line: 33 + 4_999, column: 1 });
    // A bound against quadratic blow-up, not a benchmark: ~0.5 s idle, 4.3 s on a 2-core machine at load 16.
    expect(ms, `took ${ms.toFixed(0)} ms`).toBeLessThan(60_000);
  }, 120_000);

  it('minimal.yaml with a UTF-8 BOM is accepted with no diagnostics', async () => {
    expect(readFileSync(BOM_FILE).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect((await validateFile(BOM_FILE, { lang: 'vi' }))).toEqual([]);
    expect((await validateFile(MINIMAL, { lang: 'vi' }))).toEqual([]);
  });
});

describe('the corpus through the CLI', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CI: '' } });
  const rel = (name: string) => `test/fixtures/invalid/${name}`;
  const REPRESENTATIVE: { name: string; en: string }[] = [
    { name: 'date-feb-30.yaml', en: 'is not a real calendar date' },
    { name: 'unknown-key-noi-nhan-typo.yaml', en: 'unknown key "noi_nhân"' },
    { name: 'yaml-tab-indent.yaml', en: 'does not allow tabs' },
  ];
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  it.each(REPRESENTATIVE.map((r) => [r.name, r] as const))('validate %s: exit 1, file:line:col  error  message  [rule]', (_n, r) => {
    const f = readFixture(r.name);
    const out = run(['validate', rel(r.name)]);
    expect(out.status, out.stderr).toBe(1);
    for (const e of f.expects) {
      expect(out.stdout).toMatch(new RegExp(`^${esc(rel(r.name))}:${e.line}:${e.column}  error  \\S.*  \\[${esc(e.rule)}\\]$`, 'm'));
    }
    expect(out.stdout + out.stderr).not.toMatch(/\n\s+at /);
    // English
    const en = run(['--lang', 'en', 'validate', rel(r.name)]);
    expect(en.status).toBe(1);
    expect(en.stdout).toContain(r.en);
    expect(en.stdout).not.toBe(out.stdout);
  }, 20_000);

  it('--format json gives an array of {file,line,column,severity,rule,message}', () => {
    const out = run(['validate', '--format', 'json', ...REPRESENTATIVE.map((r) => rel(r.name))]);
    expect(out.status, out.stderr).toBe(1);
    const arr = JSON.parse(out.stdout) as Record<string, unknown>[];
    expect(Array.isArray(arr)).toBe(true);
    for (const d of arr) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['file', 'line', 'column', 'severity', 'rule', 'message']));
      expect(typeof d.line).toBe('number');
      expect(typeof d.column).toBe('number');
    }
    for (const r of REPRESENTATIVE) {
      for (const e of readFixture(r.name).expects) {
        expect(arr).toContainEqual(expect.objectContaining({ file: rel(r.name), line: e.line, column: e.column, severity: e.severity, rule: e.rule }));
      }
    }
  }, 20_000);

  it('--format github gives ::error file=…,line=…,col=…:: lines', () => {
    const out = run(['validate', '--format', 'github', ...REPRESENTATIVE.map((r) => rel(r.name))]);
    expect(out.status, out.stderr).toBe(1);
    const lines = out.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^::(error|warning) file=[^,:]+,line=\d+,col=\d+(,title=[^:]+)?::\S/);
    for (const r of REPRESENTATIVE) {
      for (const e of readFixture(r.name).expects) expect(out.stdout).toContain(`::error file=${rel(r.name)},line=${e.line},col=${e.column}`);
    }
  }, 20_000);

  it('exit 2 for an unknown option, or a pattern that matches nothing', () => {
    expect(run(['validate', '--no-such-option', rel('date-feb-30.yaml')]).status).toBe(2);
    const none = run(['validate', 'test/fixtures/invalid/no-such-*.yaml']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no-such-*.yaml');
    expect(run(['validate', 'test/fixtures/no-such-file.yaml']).status).toBe(2);
  }, 20_000);

  it('validate examples/ exits 0, and --strict too (their deliberate departures carry suppression comments)', () => {
    const ok = run(['validate', 'examples/']);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).not.toMatch(/  error  /);
    const strict = run(['validate', '--strict', 'examples/']);
    expect(strict.status, strict.stdout).toBe(0);
  }, 20_000);
});
