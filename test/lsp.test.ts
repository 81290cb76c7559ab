/**
 * The language server (`kehoach lsp`, src/lsp/server.ts), driven over stdio as an editor drives it
 * (scripts/lsp-client.mjs on vscode-jsonrpc): its diagnostics are `validate --format json`'s (ids, lines, columns,
 * messages) in both languages, on a plan with mistakes and on a _defaults.yaml, with kehoach.config.yaml, a
 * suppression comment, _defaults.yaml and ke_thua applied, and follow unsaved edits; a quick fix applies; completion
 * offers the family's signing forms, families, numbering and rule ids; hover gives the field's description and the
 * rule's source. Also: `validate` never loads the LSP library; `init` recommends the extension; the .vsix builds.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { startLsp, applyEdits, type LspClient, type LspDiagnostic } from '../scripts/lsp-client.mjs';
import { CLI, ROOT } from './helpers.js';
import { RULES } from '../src/rules/index.js';
import { msg, type Lang } from '../src/i18n/messages.js';

const FIX = join(ROOT, 'test', 'fixtures', 'lsp');
const PLAN = join(FIX, 'don-vi', 'ke-hoach.yaml');
const DEFAULTS = join(FIX, 'don-vi', '_defaults.yaml');

/** The package's families: the folders of templates/ holding a layout.yaml. */
const FAMILIES = readdirSync(join(ROOT, 'templates')).filter((d) => existsSync(join(ROOT, 'templates', d, 'layout.yaml'))).sort();

interface JsonDiag { file: string; line: number; column: number; severity: string; rule: string; message: string; hint?: string }

/** `kehoach validate --format json` of a file, run from the repository (the server's folder too). */
function validateJson(file: string, lang: Lang): JsonDiag[] {
  const r = spawnSync(process.execPath, [CLI, '--lang', lang, 'validate', '--format', 'json', file], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBeLessThanOrEqual(1);
  return JSON.parse(r.stdout) as JsonDiag[];
}

/**
 * What the server must publish for validate's findings on `file`: each at its line and column (0-based in LSP), its
 * rule as the code, its message (and hint, on the next line) as the message; one in another file on line 1, naming
 * its place, with that place as related information.
 */
function expected(ds: JsonDiag[], file: string, lang: Lang) {
  return ds.map((d) => {
    const text = d.hint ? `${d.message}\n${d.hint}` : d.message;
    const here = resolve(ROOT, d.file) === file;
    return {
      line: here ? d.line - 1 : 0, character: here ? d.column - 1 : 0, code: d.rule, severity: d.severity === 'error' ? 1 : 2,
      message: here ? text : msg('lsp/other-file', lang, { file: d.file, line: d.line, column: d.column, message: text }),
      related: here ? undefined : { uri: pathToFileURL(resolve(ROOT, d.file)).href, line: d.line - 1, character: d.column - 1 },
    };
  });
}
const got = (ds: LspDiagnostic[]) => ds.map((d) => ({
  line: d.range.start.line, character: d.range.start.character, code: d.code, severity: d.severity, message: d.message,
  related: d.relatedInformation?.[0] ? { uri: d.relatedInformation[0].location.uri, line: d.relatedInformation[0].location.range.start.line, character: d.relatedInformation[0].location.range.start.character } : undefined,
}));

describe.each(['vi', 'en'] as const)('diagnostics = validate --format json (%s)', (lang) => {
  let client: LspClient;
  beforeAll(async () => {
    // the language from initializationOptions for vi, from the editor's locale for en
    client = await startLsp(lang === 'vi' ? { initializationOptions: { lang: 'vi' }, locale: 'en' } : { locale: 'en-GB' });
  });
  afterAll(async () => { expect(await client.stop()).toBe(0); });

  it('on a plan with mistakes (config, suppression comment, _defaults.yaml applied)', async () => {
    const want = validateJson(PLAN, lang);
    // the fixture's mistakes, as validate sees them: a date, the config's severity, the suppressed line left out, an
    // unknown id in the comment, a finding in _defaults.yaml, the rules on the merged plan (the family from _defaults)
    const ids = want.map((d) => `${d.file.split('/').pop()}:${d.line}:${d.rule}:${d.severity}`);
    expect(ids).toEqual(expect.arrayContaining([
      'ke-hoach.yaml:2:schema/date:error', 'ke-hoach.yaml:3:trich-yeu/dau-cham:error', 'ke-hoach.yaml:8:config/unknown-suppression:warning',
      '_defaults.yaml:13:schema/unknown-key:error', 'ke-hoach.yaml:14:chu-ky/tien-to:error',
    ]));
    expect(ids.some((x) => x.startsWith('ke-hoach.yaml:9:'))).toBe(false);
    const uri = await client.open(PLAN, readFileSync(PLAN, 'utf8'));
    const p = await client.diagnostics(uri, 1);
    expect(got(p.diagnostics)).toEqual(expected(want, PLAN, lang));
    expect(p.diagnostics.every((d) => d.source === 'kehoach')).toBe(true);
    await client.close(uri);
  });

  it('on a _defaults.yaml', async () => {
    const want = validateJson(DEFAULTS, lang);
    expect(want.some((d) => d.rule === 'schema/unknown-key' && d.line === 13 && d.column === 3)).toBe(true);
    const uri = await client.open(DEFAULTS, readFileSync(DEFAULTS, 'utf8'));
    const p = await client.diagnostics(uri, 1);
    expect(got(p.diagnostics)).toEqual(expected(want, DEFAULTS, lang));
    await client.close(uri);
  });
});

describe('as you type', () => {
  let client: LspClient;
  beforeAll(async () => { client = await startLsp({ initializationOptions: { lang: 'vi', debounceMs: 0 } }); });
  afterAll(async () => { await client.stop(); });

  it('unsaved edits of the plan and of its _defaults.yaml are what is checked', async () => {
    const text = readFileSync(PLAN, 'utf8');
    const uri = await client.open(PLAN, text);
    const first = await client.diagnostics(uri, 1);
    expect(first.diagnostics.some((d) => d.code === 'schema/date')).toBe(true);
    // the date typed right, never saved
    const v = await client.change(uri, text.replace('30/06/2025', '2025-06-30'));
    const second = await client.diagnostics(uri, v);
    expect(second.diagnostics.some((d) => d.code === 'schema/date')).toBe(false);
    expect(second.diagnostics.length).toBe(first.diagnostics.length - 1);
    // the _defaults.yaml opened and its misspelt key removed in the editor: the plan's finding there goes
    const defaults = readFileSync(DEFAULTS, 'utf8');
    const du = await client.open(DEFAULTS, defaults);
    await client.diagnostics(du, 1);
    expect((await client.diagnostics(uri, v)).diagnostics.some((d) => d.code === 'schema/unknown-key')).toBe(true);
    // (the plan is checked again after each check of the _defaults.yaml: its last diagnostics lose the finding)
    await client.change(du, defaults.replace(/^\s+trich_yue:.*\n/m, ''));
    await waitFor(() => !client.published.get(uri)!.at(-1)!.diagnostics.some((d) => d.code === 'schema/unknown-key'));
    expect(client.published.get(uri)!.at(-1)!.diagnostics.length).toBe(second.diagnostics.length - 1);
    // a suppression comment typed in the buffer applies at once
    const commented = text.replace('30/06/2025', '2025-06-30').replace('  - tieu_de: MỤC ĐÍCH', '  - tieu_de: MỤC ĐÍCH').replace('      - doan: 1. Nắm', '      # kehoach-disable-next-line so-thu-tu/tu-viet -- như bản gốc\n      - doan: 1. Nắm');
    const v3 = await client.change(uri, commented);
    expect((await client.diagnostics(uri, v3)).diagnostics.some((d) => d.code === 'so-thu-tu/tu-viet')).toBe(false);
    await client.close(du);
    await client.close(uri);
    // the files themselves were never written
    expect(readFileSync(PLAN, 'utf8')).toBe(text);
    expect(readFileSync(DEFAULTS, 'utf8')).toBe(defaults);
  });

  it.each(FAMILIES)('the plan init writes for %s: no finding', async (khoi) => {
    const dir = mkdtempSync(join(tmpdir(), `kh-lsp-init-${khoi}-`));
    const r = spawnSync(process.execPath, [CLI, 'init', dir, '--khoi', khoi, '--yes'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const plan = join(dir, 'ke-hoach.yaml');
    const uri = await client.open(plan, readFileSync(plan, 'utf8'));
    expect((await client.diagnostics(uri, 1)).diagnostics).toEqual([]);
    await client.close(uri);
  });

  it('a YAML file that is no plan gets no findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-lsp-'));
    const f = join(dir, 'ci.yml');
    const uri = await client.open(f, 'name: CI\non: [push]\njobs: {}\n');
    expect((await client.diagnostics(uri, 1)).diagnostics).toEqual([]);
  });
});

describe('quick fixes, completion, hover', () => {
  let client: LspClient;
  let dir: string;
  beforeAll(async () => {
    client = await startLsp({ initializationOptions: { lang: 'vi', debounceMs: 0 } });
    dir = mkdtempSync(join(tmpdir(), 'kh-lsp-'));
  });
  afterAll(async () => { await client.stop(); });

  it('the quick fix of a date applies, and the finding goes', async () => {
    const text = readFileSync(PLAN, 'utf8');
    const uri = await client.open(PLAN, text);
    const p = await client.diagnostics(uri, 1);
    const date = p.diagnostics.find((d) => d.code === 'schema/date')!;
    const actions = await client.request<{ title: string; kind: string; edit: { changes: Record<string, { range: LspDiagnostic['range']; newText: string }[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: date.range, context: { diagnostics: [date] } });
    expect(actions.map((a) => a.title)).toEqual(['Sửa: 30/06/2025 → 2025-06-30']);
    const fixed = applyEdits(text, actions[0].edit.changes[uri]);
    expect(fixed).toBe(text.replace('ngay_ban_hanh: 30/06/2025', 'ngay_ban_hanh: 2025-06-30'));
    const v = await client.change(uri, fixed);
    expect((await client.diagnostics(uri, v)).diagnostics.some((d) => d.code === 'schema/date')).toBe(false);
    await client.close(uri);
  });

  it("a rule's fix applies (one finding, then every fix of the file)", async () => {
    const plan = join(dir, 'ke-hoach.yaml');
    const text = readFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), 'utf8')
      .replace('trich_yeu: Tổ chức phong trào thi đua năm 2025', 'trich_yeu: Tổ chức phong trào thi đua năm 2025.')
      .replace('- doan: Phát huy tinh thần thi đua.', '- doan: 1. Phát huy tinh thần  thi đua.');
    writeFileSync(plan, text);
    const uri = await client.open(plan, text);
    const p = await client.diagnostics(uri, 1);
    expect(p.diagnostics.map((d) => d.code).sort()).toEqual(['so-thu-tu/tu-viet', 'trich-yeu/dau-cham', 'van-ban/khoang-trang']);
    const dot = p.diagnostics.find((d) => d.code === 'trich-yeu/dau-cham')!;
    const actions = await client.request<{ title: string; kind: string; edit: { changes: Record<string, { range: LspDiagnostic['range']; newText: string }[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: dot.range, context: { diagnostics: [dot] } });
    expect(actions.map((a) => a.kind)).toEqual(['quickfix', 'quickfix']);
    const one = applyEdits(text, actions[0].edit.changes[uri]);
    expect(one).toBe(text.replace('năm 2025.', 'năm 2025'));
    expect(actions[1].title).toBe(msg('lsp/fix-all', 'vi', { count: 3 }));
    const all = applyEdits(text, actions[1].edit.changes[uri]);
    expect(all).toContain('- doan: Phát huy tinh thần thi đua.\n');
    const v = await client.change(uri, all);
    expect((await client.diagnostics(uri, v)).diagnostics).toEqual([]);
    // the editor's fix-all request
    await client.change(uri, text);
    const fixAll = await client.request<{ kind: string; edit: { changes: Record<string, { range: LspDiagnostic['range']; newText: string }[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: dot.range, context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(fixAll.map((a) => a.kind)).toEqual(['source.fixAll.kehoach']);
    expect(applyEdits(text, fixAll[0].edit.changes[uri])).toBe(all);
    expect(readFileSync(plan, 'utf8')).toBe(text); // an edit for the editor, the file untouched
    await client.close(uri);
  });

  it("completion offers the family's signing forms (the family from _defaults.yaml)", async () => {
    const text = readFileSync(PLAN, 'utf8').replace('nguoi_ky:\n', 'nguoi_ky:\n  quyen_han: \n');
    const uri = await client.open(PLAN, text);
    const row = text.split('\n').indexOf('  quyen_han: ');
    const items = await client.request<{ label: string; detail?: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: row, character: 13 } });
    // the Party (dang): K/T and T/L; its guidance uses no T/UQ nor Q. (layout.yaml quyen_han_khong_dung)
    expect(items.map((i) => [i.label, i.detail])).toEqual([['KT', 'in ra "K/T" (khối dang)'], ['TL', 'in ra "T/L" (khối dang)']]);
    await client.close(uri);
    // the state's: KT., TL., TUQ., Q.
    const plan = join(dir, 'nha-nuoc.yaml');
    const state = readFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), 'utf8');
    writeFileSync(plan, state);
    const u2 = await client.open(plan, state);
    const r2 = state.split('\n').indexOf('  quyen_han: KT');
    const items2 = await client.request<{ label: string; detail?: string }[]>('textDocument/completion', { textDocument: { uri: u2 }, position: { line: r2, character: 14 } });
    expect(items2.map((i) => i.detail)).toEqual(['KT.', 'TL.', 'TUQ.', 'Q.'].map((form) => `in ra "${form}" (khối nha_nuoc)`));
    await client.close(u2);
    // the Front's collective (mau.tm_tap_the of templates/mat_tran/layout.yaml), printed with its TM. form
    const front = join(dir, 'mat-tran.yaml');
    const ft = state.replace('khoi: nha_nuoc', 'khoi: mat_tran').replace('  quyen_han: KT\n', '  thay_mat: \n');
    writeFileSync(front, ft);
    const u3 = await client.open(front, ft);
    const items3 = await client.request<{ label: string; detail?: string }[]>('textDocument/completion', { textDocument: { uri: u3 }, position: { line: ft.split('\n').indexOf('  thay_mat: '), character: 12 } });
    expect(items3.map((i) => [i.label, i.detail])).toEqual([['BAN THƯỜNG TRỰC', 'in ra "TM. BAN THƯỜNG TRỰC" (khối mat_tran)']]);
    await client.close(u3);
  });

  it('completion offers the families, the numbering, the keys and the rule ids of a suppression comment', async () => {
    const plan = join(dir, 'khac.yaml');
    const text = 'khoi: \ndanh_so: \ntrinh_bay:\n  \n# kehoach-disable-next-line van-ban/khoang-trang, \ntrich_yeu: x\n';
    writeFileSync(plan, text);
    const uri = await client.open(plan, text);
    const at = async (line: number, character: number) => client.request<{ label: string; detail?: string; textEdit?: { newText: string } }[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    const families = await at(0, 6);
    expect(families.map((i) => i.label)).toEqual(expect.arrayContaining(['nha_nuoc', 'dang', 'cong_doan', 'mat_tran']));
    expect(families.every((i) => i.detail)).toBe(true);
    // the numbering of the family: none without one; with khoi: dang, its ['I-', '1.', 'a)']
    expect(await at(1, 9)).toEqual([]);
    const withKhoi = text.replace('khoi: \n', 'khoi: dang\n');
    const v = await client.change(uri, withKhoi);
    await client.diagnostics(uri, v);
    expect((await at(1, 9)).map((i) => i.label)).toEqual(['["I-", "1.", "a)"]']);
    const keys = await at(3, 2);
    expect(keys.map((i) => i.label)).toContain('co_chu');
    const ids = await at(4, 50);
    expect(ids.map((i) => i.label)).toEqual(expect.arrayContaining(['chu-ky/tien-to', 'so-thu-tu/tu-viet', 'register/trung']));
    expect(ids.map((i) => i.label)).not.toContain('trang/kho-giay'); // a Word document's rule: no comment in a .docx
    expect(ids.find((i) => i.label === 'chu-ky/tien-to')!.detail).toBe(RULES.find((r) => r.id === 'chu-ky/tien-to')!.description.vi);
    await client.close(uri);
  });

  it("hover gives the field's description, and on a finding its rule's source", async () => {
    const text = readFileSync(PLAN, 'utf8');
    const uri = await client.open(PLAN, text);
    await client.diagnostics(uri, 1);
    const lines = text.split('\n');
    const hover = async (line: number, character: number) => (await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } }))?.contents.value ?? '';
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/ke-hoach.schema.json'), 'utf8'));
    expect(await hover(2, 3)).toContain(schema.properties.trich_yeu.description);
    // nested: nguoi_ky.chuc_vu, with the finding of chu-ky/tien-to there and its legal source
    const row = lines.indexOf('  chuc_vu: KT. PHÓ TRƯỞNG BAN');
    const h = await hover(row, 14);
    expect(h).toContain(schema.properties.nguoi_ky.properties.chuc_vu.description);
    const rule = RULES.find((r) => r.id === 'chu-ky/tien-to')!;
    expect(h).toContain(`Căn cứ: ${rule.source}`);
    expect(h).toContain('[chu-ky/tien-to]');
    await client.close(uri);
  });
});

describe('the command line around it', () => {
  it('render and validate never load the LSP library; lsp does', async () => {
    const hook = join(mkdtempSync(join(tmpdir(), 'kh-lsp-')), 'hook.cjs');
    writeFileSync(hook, `const M = require('module'); const load = M._load; M._load = function (r, ...a) { if (/vscode-languageserver/.test(r)) process.stderr.write('LOADED ' + r + '\\n'); return load.call(this, r, ...a); };\n`);
    const env = { ...process.env, NODE_OPTIONS: `--require ${hook}` };
    const v = spawnSync(process.execPath, [CLI, 'validate', join(ROOT, 'test/fixtures/minimal.yaml')], { encoding: 'utf8', env });
    expect(v.status).toBe(0);
    expect(v.stderr).not.toContain('LOADED');
    const client = await startLsp({ env });
    expect(await client.stop()).toBe(0);
    expect(client.stderr).toContain('LOADED vscode-languageserver/node');
  });

  it('init recommends the extension the folder editors/vscode packages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-lsp-init-'));
    const r = spawnSync(process.execPath, [CLI, 'init', dir, '--yes'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const ext = JSON.parse(readFileSync(join(dir, '.vscode', 'extensions.json'), 'utf8'));
    const manifest = JSON.parse(readFileSync(join(ROOT, 'editors/vscode/package.json'), 'utf8'));
    expect(ext).toEqual({ recommendations: [`${manifest.publisher}.${manifest.name}`] });
  });

  it('npm run build:vsix packages the extension with vsce', () => {
    const r = spawnSync('npm', ['run', 'build:vsix'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const files = unzipSync(readFileSync(join(ROOT, 'editors/vscode/dist/kehoach-vscode.vsix')));
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', 'extension.vsixmanifest', 'extension/LICENSE.txt', 'extension/dist/extension.js', 'extension/package.json', 'extension/readme.md']);
    const manifest = JSON.parse(strFromU8(files['extension/package.json']));
    expect(manifest.main).toBe('./dist/extension.js');
    const code = strFromU8(files['extension/dist/extension.js']);
    expect(code).toMatch(/args:\[[`"']lsp[`"']\]/); // starts `kehoach lsp`
    expect(code).toMatch(/node_modules/); // the workspace's own command first
  });
});

async function waitFor(ok: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
