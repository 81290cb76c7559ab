/**
 * Installable anywhere (issue 21 item 2): the tarball `npm pack` makes installs into an empty folder, locally and
 * globally, and runs there as the `kehoach` command (render, validate, import, init) and as a library, from an ES
 * module and from CommonJS (`require` of an ES module: Node ≥ 22.12). Schemas are named by relative paths to the
 * installed copy, never by a URL.
 * Uses the build the suite made (`npm pack --ignore-scripts`); dependencies come from npm's cache when it has them
 * (`--prefer-offline`: after `npm ci` it has them all), else from the registry.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { EXAMPLES, EXAMPLES_DIR, ROOT } from './helpers.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const env = { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
const sh = (cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> => spawnSync(cmd, args, { cwd, encoding: 'utf8', env, timeout: 600_000 });
const ok = (r: SpawnSyncReturns<string>) => { expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0); return r; };

let work: string;
let tarball: string;
let app: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kh-pack-'));
  const packed = ok(sh(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT));
  tarball = join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0].filename);
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'plans', private: true, type: 'commonjs' }));
  ok(sh(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], app));
  copyFileSync(join(EXAMPLES_DIR, EXAMPLES[1]), join(app, 'kh.yaml'));
}, 900_000);

describe('the package installed from its tarball into an empty folder (issue 21)', () => {
  it('holds only what it needs: dist, templates, schemas, README, LICENCE, package.json', () => {
    const listed = ok(sh('tar', ['-tzf', tarball], work)).stdout.trim().split('\n').map((f) => f.replace(/^package\//, '').split('/')[0]);
    expect([...new Set(listed)].sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json', 'schemas', 'templates']);
  });

  it('npx kehoach render and validate run there', () => {
    const r = ok(sh(npm, ['exec', '--', 'kehoach', 'render', 'kh.yaml'], app));
    expect(r.stdout).toMatch(/kh\.docx/);
    expect(readFileSync(join(app, 'kh.docx')).subarray(0, 2).toString()).toBe('PK');
    const v = ok(sh(npm, ['exec', '--', 'kehoach', 'validate', 'kh.yaml'], app));
    expect(v.stdout + v.stderr).toMatch(/1 tệp: 0 lỗi/);
  }, 300_000);

  it('the library: import from an ES module, and require() from CommonJS (node -e)', () => {
    const esm = ok(sh(process.execPath, ['--input-type=module', '-e', "import { renderPlanFile } from 'kehoach'; const r = await renderPlanFile('kh.yaml'); console.log(r.bytes.subarray(0, 2).toString())"], app));
    expect(esm.stdout.trim()).toBe('PK');
    const dyn = ok(sh(process.execPath, ['-e', "import('kehoach').then((k) => console.log(typeof k.renderPlan))"], app));
    expect(dyn.stdout.trim()).toBe('function');
    const [major, minor] = process.versions.node.split('.').map(Number);
    if (major > 22 || (major === 22 && minor >= 12)) {
      const cjs = ok(sh(process.execPath, ['-e', "const k = require('kehoach'); console.log(typeof k.renderPlan, typeof k.validatePlan)"], app));
      expect(cjs.stdout.trim()).toBe('function function');
    }
  }, 300_000);

  it('import names the installed editor schema by a relative path; init wires the partial schema, relative, and its plan passes --strict', () => {
    ok(sh(npm, ['exec', '--', 'kehoach', 'render', 'kh.yaml', '-o', 'goc.docx'], app));
    ok(sh(npm, ['exec', '--', 'kehoach', 'import', 'goc.docx', '-o', 'nhap.yaml'], app));
    expect(readFileSync(join(app, 'nhap.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/node_modules\/kehoach\/schemas\/ke-hoach\.editor\.schema\.json$/m);
    ok(sh(npm, ['exec', '--', 'kehoach', 'init', 'plans', '--yes'], app));
    const settings = readFileSync(join(app, 'plans', '.vscode', 'settings.json'), 'utf8');
    expect(settings).toContain('"../node_modules/kehoach/schemas/ke-hoach.partial.schema.json"');
    for (const f of ['ke-hoach.yaml', '_defaults.yaml']) {
      expect(readFileSync(join(app, 'plans', f), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/node_modules\/kehoach\/schemas\/ke-hoach\.partial\.schema\.json$/m);
    }
    ok(sh(npm, ['exec', '--', 'kehoach', 'validate', 'plans/ke-hoach.yaml', '--strict'], app));
  }, 300_000);

  it('installed globally, `kehoach` runs from any folder', () => {
    const prefix = join(work, 'global');
    ok(sh(npm, ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], work));
    const bin = process.platform === 'win32' ? join(prefix, 'kehoach.cmd') : join(prefix, 'bin', 'kehoach');
    const elsewhere = mkdtempSync(join(tmpdir(), 'kh-anywhere-'));
    copyFileSync(join(EXAMPLES_DIR, EXAMPLES[2]), join(elsewhere, 'p.yaml'));
    ok(sh(bin, ['render', 'p.yaml'], elsewhere));
    expect(existsSync(join(elsewhere, 'p.docx'))).toBe(true);
    expect(readdirSync(elsewhere).sort()).toEqual(['p.docx', 'p.yaml']);
  }, 600_000);
});
