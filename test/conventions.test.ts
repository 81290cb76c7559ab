/**
 * The conventions of a linter and a document tool (issue 21, item 5): --quiet, --max-warnings, --format sarif
 * (validated against the OASIS SARIF 2.1.0 schema), suppressions reported, fix --dry-run, show, doctor, completion.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { CLI, ROOT } from './helpers.js';

const run = (args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: opts.cwd, env: { ...process.env, NO_COLOR: '1', ...opts.env }, timeout: 60_000 });
const tmp = () => { const d = mkdtempSync(join(tmpdir(), 'kh-conv-')); mkdirSync(join(d, '.git')); return d; };
const MINIMAL = readFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), 'utf8');
const WORD = join(ROOT, 'test/fixtures/word/ubnd-word-habits.docx');

/** A plan with three warnings (a final dot and a doubled space in the trích yếu, a typed "1.") and no error. */
function warningsPlan(dir: string): string {
  const file = join(dir, 'canh-bao.yaml');
  writeFileSync(file, MINIMAL.replace(/^trich_yeu: .*$/m, 'trich_yeu: Tổ chức  phong trào thi đua năm 2025.').replace('doan: Phát huy', 'doan: 1. Phát huy'));
  return file;
}
/** The same with an error too (a date that does not exist). */
function errorPlan(dir: string): string {
  const file = join(dir, 'loi.yaml');
  writeFileSync(file, readFileSync(warningsPlan(dir), 'utf8').replace('ngay_ban_hanh: 2025-03-05', 'ngay_ban_hanh: 2025-02-30'));
  return file;
}

describe('--quiet and --max-warnings (validate, check)', () => {
  it('--quiet prints the errors only; the warnings are still counted', () => {
    const dir = tmp();
    const file = errorPlan(dir);
    const all = run(['validate', file]);
    expect(all.stdout).toMatch(/warning/);
    const r = run(['validate', file, '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/error/);
    expect(r.stdout).not.toMatch(/warning/);
    expect(r.stderr).toContain('1 tệp: 1 lỗi, 3 cảnh báo');
    const json = JSON.parse(run(['validate', file, '-q', '--format', 'json']).stdout) as { severity: string }[];
    expect(json.map((d) => d.severity)).toEqual(['error']);
  });

  it('--max-warnings N: exit 1 above N, 0 at N; a bad N is a usage error', () => {
    const dir = tmp();
    const file = warningsPlan(dir);
    expect(run(['validate', file]).status).toBe(0);
    expect(run(['validate', file, '--max-warnings', '3']).status).toBe(0);
    const over = run(['validate', file, '--max-warnings', '2', '--lang', 'en']);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('3 warning(s), more than --max-warnings 2 allows');
    expect(run(['validate', file, '--quiet', '--max-warnings', '0']).status).toBe(1);
    const bad = run(['validate', file, '--max-warnings', 'ba']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--max-warnings');
  });

  it('check takes both', () => {
    const all = JSON.parse(run(['check', WORD, '--format', 'json']).stdout) as { severity: string }[];
    const warnings = all.filter((d) => d.severity === 'warning').length;
    expect(warnings).toBeGreaterThan(0);
    const quiet = JSON.parse(run(['check', WORD, '--format', 'json', '--quiet']).stdout) as { severity: string }[];
    expect(quiet.length).toBe(all.length - warnings);
    const r = run(['check', WORD, '--max-warnings', String(warnings - 1), '--lang', 'en']);
    expect(r.stderr).toContain(`more than --max-warnings ${warnings - 1}`);
  });
});

describe('--format sarif', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  type Sarif = { version: string; runs: { tool: { driver: { name: string; rules: { id: string; help: { text: string }; properties?: { source?: string } }[] } }; results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };

  it('validate: a SARIF 2.1.0 log that the schema accepts, with rules (help, legal source) and located results', () => {
    const dir = tmp();
    errorPlan(dir);
    const r = run(['validate', 'loi.yaml', '--format', 'sarif', '--lang', 'en'], { cwd: dir });
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout) as Sarif;
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(log.version).toBe('2.1.0');
    const run0 = log.runs[0];
    expect(run0.tool.driver.name).toBe('kehoach');
    const rules = run0.tool.driver.rules;
    const dot = rules.find((x) => x.id === 'trich-yeu/dau-cham')!;
    expect(dot.properties?.source).toMatch(/NĐ 30\/2020/);
    expect(dot.help.text).toContain('kehoach.config.yaml');
    const lines = MINIMAL.split('\n');
    const dateLine = lines.findIndex((l) => l.startsWith('ngay_ban_hanh')) + 1;
    const date = run0.results.find((x) => x.level === 'error')!;
    expect(date.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'loi.yaml' }, region: { startLine: dateLine, startColumn: 16 } });
    expect(rules[date.ruleIndex].id).toBe(date.ruleId);
    expect(run0.results.filter((x) => x.level === 'warning').length).toBe(3);
    // --quiet leaves the warnings out of the log too
    const quiet = JSON.parse(run(['validate', 'loi.yaml', '--format', 'sarif', '-q'], { cwd: dir }).stdout) as Sarif;
    expect(quiet.runs[0].results.map((x) => x.level)).toEqual(['error']);
    expect(validate(quiet)).toBe(true);
  });

  it('check, and a clean plan (no results): valid logs', () => {
    const c = JSON.parse(run(['check', WORD, '--format', 'sarif']).stdout) as Sarif;
    expect(validate(c), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(c.runs[0].results.length).toBeGreaterThan(0);
    const dir = tmp();
    writeFileSync(join(dir, 'ok.yaml'), MINIMAL);
    const ok = run(['validate', join(dir, 'ok.yaml'), '--format', 'sarif']);
    expect(ok.status).toBe(0);
    const log = JSON.parse(ok.stdout) as Sarif;
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
  });
});

describe('suppression comments that silence nothing', () => {
  it('an unused suppression and a misspelt id are warnings of their own, even in a plan with no other finding', () => {
    const dir = tmp();
    const file = join(dir, 'kh.yaml');
    writeFileSync(file, MINIMAL
      .replace('trich_yeu:', '# kehoach-disable-next-line trich-yeu/dau-cham -- kept\ntrich_yeu:')
      .replace('dia_danh:', '# kehoach-disable-next-line van-ban/khoang-trag\ndia_danh:'));
    const r = run(['validate', '--format', 'json', '--lang', 'en', file]);
    const ds = JSON.parse(r.stdout) as { rule: string; line: number; column: number; severity: string; message: string; hint?: string }[];
    expect(ds.map((d) => [d.rule, d.line, d.column, d.severity])).toEqual([
      ['config/unknown-suppression', 9, 29, 'warning'],
      ['config/unused-suppression', 12, 29, 'warning'],
    ]);
    expect(ds[0].hint).toContain('van-ban/khoang-trang');
    expect(ds[1].message).toBe('unused suppression of trich-yeu/dau-cham: the rule reports nothing on line 13');
    expect(r.status).toBe(0);
    expect(run(['validate', '--strict', file]).status).toBe(1);
  });

  it('a suppression that silences a finding is not reported', () => {
    const dir = tmp();
    const file = join(dir, 'kh.yaml');
    writeFileSync(file, MINIMAL.replace(/^trich_yeu: (.*)$/m, '# kehoach-disable-next-line trich-yeu/dau-cham -- kept\ntrich_yeu: $1.'));
    const r = run(['validate', '--format', 'json', file]);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});

describe('fix --dry-run, fix on _defaults.yaml, the exit code', () => {
  it('--dry-run prints a unified diff that patch applies, and changes nothing', () => {
    const dir = tmp();
    const file = warningsPlan(dir);
    const before = readFileSync(file, 'utf8');
    const r = run(['fix', '--dry-run', 'canh-bao.yaml'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(r.stdout).toMatch(/^--- canh-bao\.yaml\n\+\+\+ canh-bao\.yaml\n@@ /);
    expect(r.stdout).toContain('-trich_yeu: Tổ chức  phong trào thi đua năm 2025.\n+trich_yeu: Tổ chức phong trào thi đua năm 2025\n');
    expect(r.stdout).toContain('+      - doan: Phát huy tinh thần thi đua.');
    expect(r.stderr).toContain('canh-bao.yaml: sẽ sửa 3 chỗ (--dry-run: chưa ghi gì)');
    // the diff is the fix: applied by patch, it gives what fix writes
    const p = spawnSync('patch', ['-p0', '--quiet'], { cwd: dir, input: r.stdout, encoding: 'utf8' });
    expect(p.status, p.stderr).toBe(0);
    const patched = readFileSync(file, 'utf8');
    writeFileSync(file, before);
    expect(run(['fix', 'canh-bao.yaml'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(patched);
    expect(run(['validate', '--strict', 'canh-bao.yaml'], { cwd: dir }).status).toBe(0);
  });

  it('fixes a _defaults.yaml as the shared part of its plans (family from its folder\'s plan)', () => {
    const dir = tmp();
    writeFileSync(join(dir, '_defaults.yaml'), 'co_quan_chu_quan: UBND TỈNH  BÌNH THUẬN\nnguoi_ky:\n  chuc_vu: KT. PHÓ GIÁM ĐỐC\n  thu_truong: GIÁM ĐỐC\n  ho_ten: Nguyễn Văn An\n');
    writeFileSync(join(dir, 'kh.yaml'), MINIMAL.replace(/^co_quan_chu_quan: .*\n/m, '').replace(/^nguoi_ky:[\s\S]*$/m, ''));
    const r = run(['fix', '_defaults.yaml', '--lang', 'en'], { cwd: dir });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(join(dir, '_defaults.yaml'), 'utf8')).toBe('co_quan_chu_quan: UBND TỈNH BÌNH THUẬN\nnguoi_ky:\n  quyen_han: KT\n  chuc_vu: PHÓ GIÁM ĐỐC\n  thu_truong: GIÁM ĐỐC\n  ho_ten: Nguyễn Văn An\n');
    expect(r.stdout).toContain('_defaults.yaml: fixed 2 place(s)');
    expect(run(['validate', '--strict', 'kh.yaml'], { cwd: dir }).status).toBe(0);
  });

  it('exits 1 and says so when errors remain after fixing', () => {
    const dir = tmp();
    const file = join(dir, 'kh.yaml');
    // a "TM." typed in thu_truong is left to the clerk (an error of chu-ky/tien-to); the doubled space is fixed
    writeFileSync(file, MINIMAL.replace('thu_truong: GIÁM ĐỐC', 'thu_truong: TM. GIÁM ĐỐC').replace('dia_danh: Bình Thuận', 'dia_danh: Bình  Thuận'));
    const r = run(['fix', file, '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('fixed 1 place(s)');
    expect(r.stdout).toContain(`${file}: 1 error(s) left that no fix removes`);
    expect(readFileSync(file, 'utf8')).toContain('dia_danh: Bình Thuận');
  });
});

describe('kehoach show', () => {
  it('prints the plan merged with _defaults.yaml and ke_thua as YAML, the plan winning, in the schema\'s key order', async () => {
    const { parse } = await import('yaml');
    const dir = tmp();
    mkdirSync(join(dir, 'plans'));
    writeFileSync(join(dir, '_defaults.yaml'), 'co_quan_chu_quan: UBND TỈNH BÌNH THUẬN\nco_quan_ban_hanh: SỞ TÀI CHÍNH\nnguoi_ky:\n  quyen_han: KT\n  thu_truong: GIÁM ĐỐC\n  chuc_vu: PHÓ GIÁM ĐỐC\n  ho_ten: Trần Văn Bình\n');
    writeFileSync(join(dir, 'plans', 'chung.yaml'), 'noi_nhan:\n  cac_noi: [UBND tỉnh]\n  luu: [VT]\n');
    const own = MINIMAL.replace(/^co_quan_chu_quan: .*\n/m, '').replace(/^noi_nhan:[\s\S]*$/m, 'nguoi_ky:\n  ho_ten: Nguyễn Văn An\n').replace('khoi: nha_nuoc\n', '') + 'khoi: nha_nuoc\nke_thua: chung.yaml\n';
    writeFileSync(join(dir, 'plans', 'kh.yaml'), own);
    const r = run(['show', 'plans/kh.yaml', '--lang', 'en'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('# the plan as merged: plans/kh.yaml + plans/chung.yaml + _defaults.yaml');
    const data = parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(data).slice(0, 3)).toEqual(['khoi', 'co_quan_chu_quan', 'co_quan_ban_hanh']);
    expect(data.co_quan_ban_hanh).toBe('SỞ NỘI VỤ'); // the plan wins
    expect(data.co_quan_chu_quan).toBe('UBND TỈNH BÌNH THUẬN'); // from _defaults.yaml
    expect(data.noi_nhan).toEqual({ cac_noi: ['UBND tỉnh'], luu: ['VT'] }); // from ke_thua
    expect(data.nguoi_ky).toEqual({ quyen_han: 'KT', thu_truong: 'GIÁM ĐỐC', chuc_vu: 'PHÓ GIÁM ĐỐC', ho_ten: 'Nguyễn Văn An' }); // maps merge deeply
    expect(data).not.toHaveProperty('ke_thua');
    // what show prints is a plan that validates as the original does
    writeFileSync(join(dir, 'full.yaml'), r.stdout);
    expect(run(['validate', '--strict', 'full.yaml'], { cwd: dir }).status).toBe(0);
    const missing = run(['show', 'plans/nope.yaml'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('plans/nope.yaml');
  });
});

describe('kehoach doctor', () => {
  /** A folder of stand-in programs: soffice answering --version, fc-match naming a family. */
  function fakeBin(o: { soffice?: boolean; family: string }): string {
    const bin = mkdtempSync(join(tmpdir(), 'kh-doctor-bin-'));
    if (o.soffice) writeFileSync(join(bin, 'soffice'), '#!/bin/sh\necho "LibreOffice 7.6.4.1 40(Build:1)"\n', { mode: 0o755 });
    writeFileSync(join(bin, 'fc-match'), `#!/bin/sh\nprintf '%s' '${o.family}'\n`, { mode: 0o755 });
    return bin;
  }
  const env = (bin: string, cache: string) => ({ PATH: bin, KEHOACH_CACHE_DIR: cache, KEHOACH_SOFFICE: '', KEHOACH_CACHE: '' });

  it.skipIf(process.platform === 'win32')('all fine: each check ok, exit 0', () => {
    const cache = mkdtempSync(join(tmpdir(), 'kh-doctor-cache-'));
    const r = run(['--lang', 'en', 'doctor'], { env: env(fakeBin({ soffice: true, family: 'Liberation Serif' }), cache) });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ok {7}LibreOffice: LibreOffice 7\.6\.4\.1 40\(Build:1\) \(.*soffice\)$/m);
    expect(r.stdout).toContain('ok       Fonts: "Times New Roman" is drawn with Liberation Serif');
    expect(r.stdout).toContain(`ok       Node.js: ${process.version}`);
    expect(r.stdout).toContain(`ok       Cache folder: ${cache}`);
    expect(r.stdout).toContain('everything is ready');
  });

  it.skipIf(process.platform === 'win32')('no soffice, another serif, a cache others can write: each a problem with a hint, exit 1', async () => {
    const { chmodSync } = await import('node:fs');
    const cache = mkdtempSync(join(tmpdir(), 'kh-doctor-cache-'));
    chmodSync(cache, 0o777);
    const r = run(['--lang', 'en', 'doctor'], { env: env(fakeBin({ family: 'DejaVu Serif' }), cache) });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('problem  LibreOffice: the soffice command was not found');
    expect(r.stdout).toContain('problem  Fonts: neither Times New Roman nor Liberation Serif: "Times New Roman" is replaced by DejaVu Serif');
    expect(r.stdout).toContain('hint: Debian/Ubuntu: sudo apt-get install fonts-liberation2');
    expect(r.stdout).toContain(`problem  Cache folder: ${cache} is writable by others (mode 777): not used`);
    expect(r.stdout).toContain(`hint: chmod 700 ${cache}`);
    expect(r.stdout).toContain('3 item(s) need attention');
    const vi = run(['doctor'], { env: env(fakeBin({ family: 'DejaVu Serif' }), cache) });
    expect(vi.stdout).toContain('3 mục cần xử lý');
  });

  it('an old Node.js is a problem (library)', async () => {
    const { runDoctor } = await import('../src/doctor.js');
    const node = runDoctor({ lang: 'en', nodeVersion: 'v20.11.0' }).find((c) => c.name === 'Node.js')!;
    expect(node).toMatchObject({ ok: false, detail: 'v20.11.0, 22 or later is needed' });
  });
});

describe('kehoach completion', () => {
  const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
  const script = (shell: string) => { const r = run(['completion', shell]); expect(r.status, r.stderr).toBe(0); return r.stdout; };

  it.skipIf(!has('bash'))('bash: commands, options per command, choices, families, the shells', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-compl-'));
    writeFileSync(join(dir, 'c.bash'), script('bash'));
    const ask = (...words: string[]) => {
      const w = ['kehoach', ...words].map((x) => `'${x}'`).join(' ');
      const r = spawnSync('bash', ['-c', `source ./c.bash; COMP_WORDS=(${w}); COMP_CWORD=${words.length}; _kehoach; printf '%s\\n' "\${COMPREPLY[@]}"`], { cwd: dir, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.split('\n').filter(Boolean);
    };
    expect(ask('')).toEqual(expect.arrayContaining(['render', 'validate', 'fix', 'show', 'doctor', 'completion', 'check']));
    expect(ask('va')).toEqual(['validate']);
    expect(ask('validate', '--')).toEqual(expect.arrayContaining(['--format', '--quiet', '--max-warnings', '--strict', '--lang']));
    expect(ask('validate', '--format', '')).toEqual(['text', 'json', 'github', 'sarif']);
    expect(ask('batch', '--format', '')).toEqual(['text', 'json', 'github']);
    expect(ask('fix', '--d')).toEqual(['--dry-run', '--debug']);
    expect(ask('init', '--khoi', '')).toEqual(['cong_doan', 'dang', 'doan_thanh_nien', 'mat_tran', 'nha_nuoc']);
    expect(ask('completion', '')).toEqual(['bash', 'zsh', 'powershell']);
    expect(ask('render', 'x')).toEqual([]); // a plan file: left to bash's file names (complete -o default)
  });

  it.skipIf(!has('zsh'))('zsh: parses, and registers _kehoach for kehoach with compinit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-compl-'));
    const text = script('zsh');
    writeFileSync(join(dir, 'c.zsh'), text);
    expect(spawnSync('zsh', ['-n', 'c.zsh'], { cwd: dir }).status).toBe(0);
    const r = spawnSync('zsh', ['-f', '-c', `autoload -U compinit; compinit -u -d ${dir}/zcd; source ./c.zsh; print -r -- \${_comps[kehoach]}`], { cwd: dir, encoding: 'utf8', env: { ...process.env, HOME: dir } });
    expect(r.stdout.trim(), r.stderr).toBe('_kehoach');
    expect(text).toContain("'--format[định dạng kết quả]:value:(text json github sarif)'");
    expect(text).toContain("'--khoi[");
    expect(text).toContain(':value:(cong_doan dang doan_thanh_nien mat_tran nha_nuoc)');
  });

  it('powershell: a native argument completer holding every command and option of the program', () => {
    const text = script('powershell');
    expect(text).toContain('Register-ArgumentCompleter -Native -CommandName kehoach');
    for (const c of ['render', 'validate', 'fix', 'batch', 'init', 'import', 'check', 'show', 'doctor', 'completion', 'schema']) expect(text).toContain(`    '${c}' = @{`);
    expect(text).toContain("@{ n = '--dry-run';");
    expect(text).toContain("v = @('text', 'json', 'github', 'sarif')");
    expect(text).toContain("a = @('bash', 'zsh', 'powershell')");
  });

  it('a shell it does not know is a usage error', () => {
    const r = run(['completion', 'fish']);
    expect(r.status).toBe(2);
  });
});

describe('messages', async () => {
  const { validatePlan } = await import('../src/index.js');
  const find = (text: string, lang: 'vi' | 'en', rule: string) => validatePlan(text, { lang, file: 'kh.yaml' }).find((d) => d.rule === rule);

  it('"- - text" (a list inside a list item) is named as such, with how to write sub-items', () => {
    const d = find(MINIMAL.replace('      - doan: Phát huy tinh thần thi đua.', '      - - Phát huy tinh thần thi đua.'), 'en', 'schema/type')!;
    expect(d).toMatchObject({ line: 15, column: 9 });
    expect(d.message).toBe('this item is a list inside the list ("- - …"); each item must be text or a mapping');
    expect(d.hint).toBe('write sub-items under their parent: "- doan: <parent>", then noi_dung: or gach_dau_dong: with the sub-items indented below');
    expect(find(MINIMAL.replace('    - UBND tỉnh', '    - - UBND tỉnh'), 'vi', 'schema/type')!.message).toMatch(/^mục này là một danh sách nằm trong danh sách/);
  });

  it('so: 215/KH-UBND: the number alone, the ký hiệu being added by the tool', () => {
    const d = find(MINIMAL.replace('  so: 12', '  so: 215/KH-UBND'), 'vi', 'schema/type')!;
    expect(d.hint).toBe('chỉ ghi số: "so: 215"; ký hiệu "/KH-UBND" do kehoach tự ghép từ loai_van_ban và viet_tat_co_quan');
    expect(find(MINIMAL.replace('  so: 12', '  so: "Số: 05/KH-SNV"'), 'en', 'schema/type')!.hint).toBe('give the number alone: "so: 5"; the ký hiệu "/KH-SNV" is added by kehoach from loai_van_ban and viet_tat_co_quan');
  });

  it('a date without its leading zeros, or written as the printed line, gets the ISO form', () => {
    expect(find(MINIMAL.replace('ngay_ban_hanh: 2025-03-05', 'ngay_ban_hanh: 2026-12-7'), 'en', 'schema/date')!.hint).toBe('Did you mean 2026-12-07?');
    expect(find(MINIMAL.replace('ngay_ban_hanh: 2025-03-05', 'ngay_ban_hanh: ngày 07 tháng 12 năm 2026'), 'en', 'schema/date')!.hint).toBe('Did you mean 2026-12-07?');
  });

  it('a TM. typed in thay_mat is not printed twice in chu-ky/tm-pho ("TM. TM.")', () => {
    const d = find(MINIMAL.replace('  quyen_han: KT\n  thu_truong: GIÁM ĐỐC\n', '  thay_mat: TM. ỦY BAN NHÂN DÂN\n'), 'vi', 'chu-ky/tm-pho')!;
    expect(d.message).toContain('"TM. ỦY BAN NHÂN DÂN" / "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"');
    expect(d.message).not.toContain('TM. TM.');
  });
});

describe('--lang en: the schema\'s descriptions in English', () => {
  it('a missing field\'s description is English with --lang en, Vietnamese without', async () => {
    const { validatePlan } = await import('../src/index.js');
    const text = MINIMAL.replace(/^dia_danh: .*\n/m, '');
    const en = validatePlan(text, { lang: 'en' }).find((d) => d.rule === 'schema/required')!;
    expect(en.hint).toBe('dia_danh: Place where the issuing agency sits (box 4), e.g. "Bình Thuận", "Thành phố Hồ Chí Minh".');
    const vi = validatePlan(text, { lang: 'vi' }).find((d) => d.rule === 'schema/required')!;
    expect(vi.hint).toMatch(/^dia_danh: Địa danh nơi cơ quan ban hành/);
  });

  it('every description a message can show (a required field\'s, a pattern\'s) has its English in x-description-en', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/ke-hoach.schema.json'), 'utf8'));
    const missing: string[] = [];
    const walk = (n: unknown, at: string) => {
      if (Array.isArray(n)) return n.forEach((x, i) => walk(x, `${at}/${i}`));
      if (!n || typeof n !== 'object') return;
      const o = n as Record<string, unknown>;
      const props = (o.properties ?? {}) as Record<string, Record<string, unknown>>;
      for (const r of (o.required ?? []) as string[]) if (props[r]?.description && !props[r]['x-description-en']) missing.push(`${at}/properties/${r}`);
      if (typeof o.pattern === 'string' && o.description && !o['x-description-en']) missing.push(at);
      for (const [k, v] of Object.entries(o)) if (!['enum', 'examples', 'required', 'const', 'default'].includes(k)) walk(v, `${at}/${k}`);
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });
});

describe('the schema\'s top-level descriptions', () => {
  it('each has its English (hover and messages with --lang en)', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/ke-hoach.schema.json'), 'utf8')) as { properties: Record<string, Record<string, unknown>> };
    const missing = Object.entries(schema.properties).filter(([, v]) => v.description && !v['x-description-en']).map(([k]) => k);
    expect(missing).toEqual([]);
  });
});
