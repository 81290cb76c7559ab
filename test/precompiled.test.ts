/**
 * Speed without staleness: the package's templates are precompiled at build time, the layout profiles resolved, and the command line is bundled
 * and started from V8's code cache;
 * an office's changed template is compiled once and cached by content hash. Every path must give the same bytes.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, cpSync, appendFileSync, existsSync, symlinkSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { ROOT, CLI, EXAMPLES, EXAMPLES_DIR, renderExample } from './helpers.js';
import { familyPlan } from './support/family-plan.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'kh-precompiled-'));
const env = (extra: Record<string, string>) => {
  const e: Record<string, string | undefined> = { ...process.env, CI: '1', ...extra };
  delete e.NODE_EXTRA_CA_CERTS;
  return e as NodeJS.ProcessEnv;
};
/** A copy of the built package (dist, templates, schemas, package.json; node_modules linked) to break parts of. */
const copyPackage = () => {
  const pkg = tmp();
  for (const p of ['dist', 'templates', 'schemas', 'package.json']) cpSync(join(ROOT, p), join(pkg, p), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
  return pkg;
};
const render = (args: string[], extra: Record<string, string> = {}) => spawnSync(process.execPath, [CLI, ...args], { env: env(extra), encoding: 'utf8' });
/** A renderer of one plan into `out/<name>` with these leading options (e.g. --templates): returns the bytes. */
const renderer = (out: string, plan: string, lead: string[] = [], base: Record<string, string> = {}) => (name: string, extra: Record<string, string> = {}) => {
  const r = render([...lead, 'render', plan, '-o', join(out, name)], { ...base, ...extra });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(join(out, name));
};

describe('templates precompiled at build time', () => {
  it('every template of templates/ has its precompiled code under its text, with the Handlebars version', async () => {
    const { SPECS, VERSION } = (await import(join(ROOT, 'dist/render/templates.precompiled.cjs'))).default as { SPECS: Map<string, object>; VERSION: string };
    const { default: hb } = await import('handlebars');
    expect(VERSION).toBe(hb.VERSION);
    const files: string[] = [];
    const walk = (d: string) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.hbs') && files.push(join(d, e.name))));
    walk(join(ROOT, 'templates'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(SPECS.has(readFileSync(f, 'utf8')), f).toBe(true);
    expect(SPECS.size).toBe(files.length);
  });

  it('the bundled command line renders every example byte-identical to the library', { timeout: 300_000 }, async () => {
    const dir = tmp();
    const cache = tmp();
    for (const ex of EXAMPLES) {
      const out = join(dir, ex.replace(/\.yaml$/, '.docx'));
      const r = render(['render', join(EXAMPLES_DIR, ex), '-o', out], { KEHOACH_CACHE_DIR: cache });
      expect(r.status, r.stderr).toBe(0);
      expect(Buffer.compare(readFileSync(out), await renderExample(ex)), ex).toBe(0);
    }
    expect(existsSync(join(cache, 'templates')), 'the package templates never go to the cache').toBe(false);
    expect(existsSync(join(cache, 'skeletons')), "every example's skeleton is the build's (dist/render/skeletons.precompiled.json)").toBe(false);
  });
});

describe('an office template (--templates) is compiled once and cached by content hash', () => {
  it('changed template: compiled, cached, read back; same bytes by every path; a bad cache file is ignored', { timeout: 300_000 }, () => {
    const tpl = tmp();
    cpSync(join(ROOT, 'templates'), tpl, { recursive: true });
    appendFileSync(join(tpl, 'common', 'title.hbs'), '\n');
    const cache = tmp();
    const out = tmp();
    const ex = join(EXAMPLES_DIR, EXAMPLES[1]);
    const run = renderer(out, ex, ['--templates', tpl]);
    const uncached = run('a.docx', { KEHOACH_CACHE: '0', KEHOACH_CACHE_DIR: cache });
    expect(existsSync(join(cache, 'templates')), 'KEHOACH_CACHE=0 writes nothing').toBe(false);
    const first = run('b.docx', { KEHOACH_CACHE_DIR: cache });
    const cached = readdirSync(join(cache, 'templates'));
    expect(cached).toHaveLength(1); // only the changed template: the others match the build's table
    const second = run('c.docx', { KEHOACH_CACHE_DIR: cache });
    writeFileSync(join(cache, 'templates', cached[0]), 'this is not a template {');
    const afterBad0 = run('e.docx', { KEHOACH_CACHE_DIR: cache });
    writeFileSync(join(cache, 'templates', cached[0]), '{}');
    const afterBad = run('d.docx', { KEHOACH_CACHE_DIR: cache });
    for (const b of [first, second, afterBad0, afterBad]) expect(Buffer.compare(b, uncached)).toBe(0);
  });
});

/** A copy of templates/ whose state body size is 13 pt (not 14): a profile, so a skeleton, none of the build's tables hold. */
const officeLayout = () => {
  const tpl = tmp();
  cpSync(join(ROOT, 'templates'), tpl, { recursive: true });
  const layout = join(tpl, 'nha_nuoc', 'layout.yaml');
  const text = readFileSync(layout, 'utf8');
  writeFileSync(layout, text.replace('  than: { co: 14,', '  than: { co: 13,'));
  expect(readFileSync(layout, 'utf8')).not.toBe(text);
  return tpl;
};

describe('the package skeleton (docx-assembled parts) is built once per shape and cached by content hash', () => {
  it('first render writes it, later renders read it; same bytes with, without and after a broken cache file', { timeout: 300_000 }, () => {
    const cache = tmp();
    const out = tmp();
    const ex = join(EXAMPLES_DIR, EXAMPLES[5]);
    const run = renderer(out, ex, ['--templates', officeLayout()]); // a skeleton the build's table does not hold
    const uncached = run('a.docx', { KEHOACH_CACHE: '0', KEHOACH_CACHE_DIR: cache });
    expect(existsSync(join(cache, 'skeletons')), 'KEHOACH_CACHE=0 writes nothing').toBe(false);
    const first = run('b.docx', { KEHOACH_CACHE_DIR: cache });
    const files = readdirSync(join(cache, 'skeletons'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{16}\.entry$/);
    const second = run('c.docx', { KEHOACH_CACHE_DIR: cache });
    // The entry holds its whole key on its first line (it is named by a quick hash, src/cache.cts readKeyed), then its
    // content's length and digest: it is served while that key is the render's and its content whole, and never under
    // another key that happens to share its name.
    const file = join(cache, 'skeletons', files[0]);
    const entry = readFileSync(file, 'utf8');
    const nl = entry.indexOf('\n');
    const key = (JSON.parse(entry.slice(0, nl)) as string[])[3];
    const sk = JSON.parse(entry.slice(nl + 1)) as { docTail: string };
    sk.docTail = `<w:p><w:r><w:t>SERVED FROM THE CACHE</w:t></w:r></w:p>${sk.docTail}`;
    const documentXml = (b: Buffer) => strFromU8(unzipSync(new Uint8Array(b))['word/document.xml']);
    const writeKeyed = (k: string, text: string) => {
      const saved = process.env.KEHOACH_CACHE_DIR;
      process.env.KEHOACH_CACHE_DIR = cache;
      // the whole key is [kind, build id, ...inputs] (src/cache.cts cacheKey): the same inputs under this build
      try { (createRequire(import.meta.url)(join(ROOT, 'dist/cache.cjs')) as typeof import('../src/cache.cjs')).writeKeyed('skeletons', (JSON.parse(k) as string[]).slice(2), text); } finally {
        if (saved === undefined) delete process.env.KEHOACH_CACHE_DIR; else process.env.KEHOACH_CACHE_DIR = saved;
      }
    };
    writeKeyed(key, JSON.stringify(sk));
    expect(documentXml(run('e.docx', { KEHOACH_CACHE_DIR: cache })), 'the entry is what a render reads').toContain('SERVED FROM THE CACHE');
    writeFileSync(file, `${entry.slice(0, nl)}\n${JSON.stringify(sk)}`);
    expect(Buffer.compare(run('g.docx', { KEHOACH_CACHE_DIR: cache }), uncached), 'an entry whose content is not the one its header names is not served').toBe(0);
    writeKeyed(JSON.stringify([...(JSON.parse(key) as string[]), 'another key']), JSON.stringify(sk));
    const other = readdirSync(join(cache, 'skeletons')).find((f) => f !== files[0] && f.endsWith('.entry'))!;
    writeFileSync(file, readFileSync(join(cache, 'skeletons', other)));
    expect(Buffer.compare(run('f.docx', { KEHOACH_CACHE_DIR: cache }), uncached), 'an entry of another key is not served').toBe(0);
    for (const bad of ['{"order":', '{}', 'null']) {
      writeFileSync(join(cache, 'skeletons', files[0]), bad);
      expect(Buffer.compare(run('d.docx', { KEHOACH_CACHE_DIR: cache }), uncached), `after a cache file of ${bad}`).toBe(0);
    }
    for (const b of [first, second]) expect(Buffer.compare(b, uncached)).toBe(0);
  });
});

describe('an office layout profile is cached with the hash of each layout.yaml it came from', () => {
  it('an edited layout.yaml is read again (never a stale profile); a broken cache file is ignored', { timeout: 300_000 }, () => {
    const tpl = tmp();
    cpSync(join(ROOT, 'templates'), tpl, { recursive: true });
    // An office's copy (a comment added) misses the build's table, so the user's cache serves it.
    appendFileSync(join(tpl, 'nha_nuoc', 'layout.yaml'), '\n# our office\n');
    const cache = tmp();
    const out = tmp();
    const ex = join(EXAMPLES_DIR, EXAMPLES[1]);
    const run = renderer(out, ex, ['--templates', tpl], { KEHOACH_CACHE_DIR: cache });
    const before = run('a.docx');
    expect(readdirSync(join(cache, 'profiles'))).toHaveLength(1);
    expect(Buffer.compare(run('b.docx'), before), 'read back from the cache').toBe(0);
    // the body size of the state family: 14 → 13 pt (w:sz 28 → 26 in the style "than")
    const layout = join(tpl, 'nha_nuoc', 'layout.yaml');
    const text = readFileSync(layout, 'utf8');
    const edited = text.replace('  than: { co: 14,', '  than: { co: 13,');
    expect(edited).not.toBe(text);
    writeFileSync(layout, edited);
    const after = run('c.docx');
    const styles = (b: Buffer) => strFromU8(unzipSync(new Uint8Array(b))['word/styles.xml']);
    expect(styles(after)).not.toBe(styles(before));
    expect(Buffer.compare(run('d.docx', { KEHOACH_CACHE: '0' }), after), 'same as with no cache').toBe(0);
    const [entry] = readdirSync(join(cache, 'profiles'));
    writeFileSync(join(cache, 'profiles', entry), '{"files":[],"profile":{}}');
    expect(Buffer.compare(run('e.docx'), after), 'a broken entry is ignored').toBe(0);
  });
});

describe('layout profiles resolved at build time', () => {
  it('each family is in the table, equal to its layout.yaml files loaded; an edited layout.yaml is read, never the table', async () => {
    const table = JSON.parse(readFileSync(join(ROOT, 'dist/profiles.precompiled.json'), 'utf8')) as { texts: Record<string, string>; profiles: Record<string, { chain: string[] }> };
    const families = readdirSync(join(ROOT, 'templates')).filter((d) => existsSync(join(ROOT, 'templates', d, 'layout.yaml'))).sort();
    expect(Object.keys(table.profiles).sort()).toEqual(families);
    expect(Object.keys(table.texts).sort(), 'each layout.yaml once').toEqual(families);
    const { loadProfile } = await import(join(ROOT, 'dist/profile.js'));
    process.env.KEHOACH_CACHE = '0'; // the copies below are parsed, not kept in the user's cache
    try {
      // A copy whose layout.yaml files differ by a comment misses the table: the profiles are parsed from the files.
      const dir = tmp();
      cpSync(join(ROOT, 'templates'), dir, { recursive: true });
      for (const f of families) appendFileSync(join(dir, f, 'layout.yaml'), '\n# edited by the test\n');
      for (const f of families) {
        for (const name of table.profiles[f].chain) expect(table.texts[name]).toBe(readFileSync(join(ROOT, 'templates', name, 'layout.yaml'), 'utf8'));
        expect(loadProfile(f, join(ROOT, 'templates'))).toEqual(loadProfile(f, dir));
      }
      // A changed value in the copy reaches the profile (nha_nuoc is the parent of every other family).
      const other = tmp();
      cpSync(join(ROOT, 'templates'), other, { recursive: true });
      const file = join(other, 'nha_nuoc', 'layout.yaml');
      const text = readFileSync(file, 'utf8');
      const m = /^(\s*le_tren:\s*)(\d+)/m.exec(text)!;
      writeFileSync(file, text.slice(0, m.index) + m[1] + String(Number(m[2]) + 1) + text.slice(m.index + m[0].length));
      expect(JSON.stringify(loadProfile('dang', other))).not.toBe(JSON.stringify(loadProfile('dang', join(ROOT, 'templates'))));
    } finally {
      delete process.env.KEHOACH_CACHE;
    }
  });

  it('the table is what a cold process serves while the files are unchanged', async () => {
    const pkg = copyPackage();
    const file = join(pkg, 'dist/profiles.precompiled.json');
    const table = JSON.parse(readFileSync(file, 'utf8'));
    table.profiles.dang.served_by = 'the table';
    writeFileSync(file, JSON.stringify(table));
    process.env.KEHOACH_CACHE = '0';
    try {
      const { loadProfile } = await import(join(pkg, 'dist/profile.js'));
      expect(loadProfile('dang').served_by).toBe('the table');
      expect(loadProfile('mat_tran').served_by, 'another family').toBeUndefined();
    } finally {
      delete process.env.KEHOACH_CACHE;
    }
  });
});

describe('one build id keys every cache entry (dist/build-id.json, scripts/build-id.mjs)', () => {
  it('the id covers the package version, docx, Handlebars and every code file of dist/; no other stamp is written', () => {
    const b = JSON.parse(readFileSync(join(ROOT, 'dist/build-id.json'), 'utf8')) as Record<string, string>;
    const pkgVersion = (dir: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', dir, 'package.json'), 'utf8')) as { version: string }).version;
    expect(b.version).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    expect(b.docx).toBe(pkgVersion('docx'));
    expect(b.handlebars).toBe(pkgVersion('handlebars'));
    const files = (readdirSync(join(ROOT, 'dist'), { recursive: true }) as string[]).map((f) => f.split('\\').join('/')).filter((f) => /\.(c|m)?js$/.test(f)).sort();
    expect(files).toContain('bundle/cli.cjs');
    const h = createHash('sha256');
    for (const f of files) h.update(f).update('\0').update(readFileSync(join(ROOT, 'dist', f))).update('\0');
    expect(b.code).toBe(h.digest('hex'));
    const { id, ...fields } = b;
    expect(id).toBe(createHash('sha256').update(JSON.stringify(fields)).digest('hex'));
    expect(existsSync(join(ROOT, 'dist/bundle/cli.id')) || existsSync(join(ROOT, 'dist/render/skeleton.stamp.json')), 'the old stamps').toBe(false);
  });

  it('another build never meets an entry of this one: a changed id makes new entries, with the same bytes', { timeout: 300_000 }, async () => {
    const want = await renderExample(EXAMPLES[6]);
    const pkg = copyPackage();
    rmSync(join(pkg, 'dist/render/skeletons.precompiled.json')); // skeletons through the user's cache
    const cli = join(pkg, 'dist/cli.cjs');
    const cache = tmp();
    const out = tmp();
    const run = (name: string) => {
      const r = spawnSync(process.execPath, [cli, 'render', join(EXAMPLES_DIR, EXAMPLES[6]), '-o', join(out, name)], { env: env({ KEHOACH_CACHE_DIR: cache }), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(join(out, name));
    };
    expect(Buffer.compare(run('a.docx'), want)).toBe(0);
    const first = readdirSync(join(cache, 'skeletons'));
    expect(first).toHaveLength(1);
    expect(Buffer.compare(run('b.docx'), want)).toBe(0);
    expect(readdirSync(join(cache, 'skeletons')), 'same build: the entry is read, none added').toEqual(first);
    const idFile = join(pkg, 'dist/build-id.json');
    const b = JSON.parse(readFileSync(idFile, 'utf8')) as { id: string };
    writeFileSync(idFile, JSON.stringify({ ...b, id: createHash('sha256').update('another build').digest('hex') }));
    expect(Buffer.compare(run('c.docx'), want)).toBe(0);
    expect(readdirSync(join(cache, 'skeletons')), 'a new build: a new entry').toHaveLength(2);
    rmSync(idFile);
    const off = tmp();
    const r = spawnSync(process.execPath, [cli, 'render', join(EXAMPLES_DIR, EXAMPLES[6]), '-o', join(out, 'd.docx')], { env: env({ KEHOACH_CACHE_DIR: off }), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(Buffer.compare(readFileSync(join(out, 'd.docx')), want)).toBe(0);
    expect(readdirSync(off), 'without a build id nothing is cached').toEqual([]);
  });
});

describe('the command line starts from its bundle with V8 code cache (dist/cli.cjs, src/cli.cts)', () => {
  const plan = join(EXAMPLES_DIR, EXAMPLES[6]);
  const run = (cli: string, out: string, extra: Record<string, string>) => {
    const r = spawnSync(process.execPath, [cli, 'render', plan, '-o', out], { env: env(extra), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return readFileSync(out);
  };
  const requireCjs = createRequire(import.meta.url);

  it('the build made the bundle, its id and a code cache that V8 accepts', () => {
    const { loadBundle } = requireCjs(join(ROOT, 'dist/cli.cjs')) as typeof import('../src/cli.cjs');
    const file = join(ROOT, 'dist/bundle/cli.cjs');
    const loaded: Array<[string, number]> = [];
    expect(loadBundle(file, (c) => loaded.push([basename(c.file), c.accepted])).cache).toBe('build');
    // The entry loads the bundler's helpers and the core at once, each from its own build cache (index 0).
    expect(loaded.sort()).toEqual([['cli.cjs', 0], ['core.cjs', 0], ['runtime.cjs', 0]]);
    const chunks = readdirSync(join(ROOT, 'dist/bundle')).filter((f) => f.endsWith('.cjs')).sort();
    expect(chunks).toEqual(['cli.cjs', 'core.cjs', 'render.cjs', 'rest.cjs', 'runtime.cjs', 'workers.cjs']);
    for (const f of chunks) expect(/[^\x00-\x7f]/.test(readFileSync(join(ROOT, 'dist/bundle', f), 'latin1')), `${f} is ASCII`).toBe(false);
  });

  it('validate runs from core.cjs alone, render adds render.cjs; the other commands load rest.cjs when they need it', { timeout: 300_000 }, () => {
    // scripts/bundle.mjs puts what writing a document needs in render.cjs and what only the other commands need in
    // rest.cjs, so that a cold validate reads and deserialises neither, and a cold render no rest.cjs (issue 22);
    // NODE_DEBUG=kehoach names each chunk as the launcher loads it.
    const dir = tmp();
    const chunks = (args: string[]) => {
      const r = spawnSync(process.execPath, [CLI, ...args], { env: env({ NODE_DEBUG: 'kehoach', KEHOACH_CACHE_DIR: join(dir, 'cache') }), encoding: 'utf8', cwd: dir });
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return [...r.stderr.matchAll(/loaded (\S+\.cjs) \(code cache: (\w+)\)/g)].map((m) => `${m[1]}:${m[2]}`).sort();
    };
    const core = ['cli.cjs:build', 'core.cjs:build', 'runtime.cjs:build'];
    expect(chunks(['render', plan, '-o', join(dir, 'a.docx')])).toEqual([...core, 'render.cjs:build'].sort());
    expect(chunks(['validate', plan])).toEqual(core);
    expect(chunks(['check', join(dir, 'a.docx')])).toEqual([...core, 'render.cjs:build', 'rest.cjs:build'].sort());
    expect(chunks(['completion', 'bash'])).toEqual([...core, 'render.cjs:build', 'rest.cjs:build'].sort());
  });

  it('a cold render (its skeleton from the build\'s table, even with an empty cache) or validate loads no crypto, docx or Handlebars compiler, and reads no table or validator file beside the bundle (nor the layout validator)', { timeout: 300_000 }, () => {
    // What a cold command must not pay for (each costs milliseconds to load): a preload records, at exit, Node's own
    // modules loaded and the files the CommonJS loader read.
    const dir = tmp();
    const preload = join(dir, 'record.cjs');
    writeFileSync(preload, `const base = new Set(process.moduleLoadList);
process.on('exit', () => require('fs').writeFileSync(process.env.RECORD, JSON.stringify({ builtins: process.moduleLoadList.filter((m) => !base.has(m)), files: Object.keys(require.cache) })));`);
    for (const args of [['render', plan, '-o', join(dir, 'a.docx')], ['render', plan, '-o', join(dir, 'b.docx')], ['validate', plan]]) {
      const record = join(dir, 'record.json');
      const r = spawnSync(process.execPath, ['-r', preload, CLI, ...args], { env: env({ RECORD: record, KEHOACH_CACHE_DIR: join(dir, 'cache') }), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const { builtins, files } = JSON.parse(readFileSync(record, 'utf8')) as { builtins: string[]; files: string[] };
      expect(builtins.includes('NativeModule crypto'), `${args.join(' ')}: crypto`).toBe(false);
      // Output to a pipe is written to the descriptor (src/cli/stdio.ts) and chalk loads only for colour: no stream
      // objects, so none of Node's tty or net modules; nor fs/promises (issue 22: ~11 ms of a cold command). Only a
      // render loads zlib, and with it Node's stream module.
      const streams = args[0] === 'render' ? /^NativeModule (tty|net|fs\/promises)$/ : /^NativeModule (tty|net|stream|fs\/promises)$/;
      expect(builtins.filter((m) => streams.test(m)), `${args.join(' ')}: streams`).toEqual([]);
      // Even the first render, with an empty cache: its skeleton is the build's (dist/render/skeletons.precompiled.json).
      expect(files.filter((f) => /node_modules[\\/](docx|handlebars[\\/]dist[\\/]cjs[\\/]handlebars\.js)/.test(f)), args.join(' ')).toEqual([]);
      expect(existsSync(join(dir, 'cache', 'skeletons')), `${args.join(' ')}: no skeleton written to the user's cache`).toBe(false);
      expect(files.filter((f) => /templates\.precompiled|plan-validator|formats\.cjs/.test(f)), `${args.join(' ')}: in the bundle`).toEqual([]);
      // The layout schema's validator (and ajv) only when a layout.yaml is parsed, never for a profile of the build's table.
      expect(files.filter((f) => /layout-validator|node_modules[\\/]ajv[\\/]/.test(f)), `${args.join(' ')}: no layout validator, no ajv`).toEqual([]);
    }
    if (process.platform === 'linux') {
      // Output to /dev/null (a character device, as a terminal is) is told from a terminal without Node's tty module.
      const record = join(dir, 'record-null.json');
      const nul = openSync('/dev/null', 'w');
      try {
        const r = spawnSync(process.execPath, ['-r', preload, CLI, 'validate', plan], { env: env({ RECORD: record }), stdio: ['ignore', nul, nul] });
        expect(r.status).toBe(0);
      } finally { closeSync(nul); }
      const { builtins } = JSON.parse(readFileSync(record, 'utf8')) as { builtins: string[] };
      expect(builtins.filter((m) => /^NativeModule (tty|net|stream)$/.test(m)), 'validate > /dev/null').toEqual([]);
    }
    // An edited layout.yaml is parsed: the precompiled layout validator checks it, still without ajv's compiler.
    const tpl = join(dir, 'templates');
    cpSync(join(ROOT, 'templates'), tpl, { recursive: true });
    appendFileSync(join(tpl, 'nha_nuoc', 'layout.yaml'), '\n# our office\n');
    const record = join(dir, 'record-office.json');
    const r = spawnSync(process.execPath, ['-r', preload, CLI, '--templates', tpl, 'validate', plan], { env: env({ RECORD: record, KEHOACH_CACHE: '0' }), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const { files } = JSON.parse(readFileSync(record, 'utf8')) as { files: string[] };
    expect(files.filter((f) => /layout-validator\.cjs$/.test(f)), 'the layout was validated').toHaveLength(1);
    expect(files.filter((f) => /node_modules[\\/]ajv[\\/]dist[\\/](2020|core|compile)/.test(f)), "no ajv compiler").toEqual([]);
  });

  it('a cache V8 rejects is ignored, the user cache is made and then used; without the bundle the command still runs; same bytes every way', { timeout: 300_000 }, async () => {
    const want = await renderExample(EXAMPLES[6]);
    const pkg = copyPackage();
    const cli = join(pkg, 'dist/cli.cjs');
    const out = tmp();
    const cache = tmp();
    writeFileSync(join(pkg, 'dist/bundle/core.cjs.v8cache'), Buffer.alloc(4096, 7)); // not a cache of this bundle
    expect(Buffer.compare(run(cli, join(out, 'a.docx'), { KEHOACH_CACHE_DIR: cache }), want)).toBe(0);
    const made = readdirSync(join(cache, 'code'));
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(/^[0-9a-f]{16}\.entry$/);
    // The second run compiles from the user's cache: a run whose cache was accepted writes none (the file is untouched).
    const userCache = join(cache, 'code', made[0]);
    const before = statSync(userCache).mtimeMs;
    writeFileSync(join(pkg, 'dist/bundle/core.cjs.v8cache'), ''); // no build cache at all
    expect(Buffer.compare(run(cli, join(out, 'b.docx'), { KEHOACH_CACHE_DIR: cache }), want)).toBe(0);
    expect(statSync(userCache).mtimeMs, 'the user cache was used, not made again').toBe(before);
    const off = tmp();
    expect(Buffer.compare(run(cli, join(out, 'c.docx'), { KEHOACH_CACHE_DIR: off, KEHOACH_CACHE: '0' }), want)).toBe(0);
    expect(readdirSync(off), 'KEHOACH_CACHE=0 writes nothing').toEqual([]);
    rmSync(join(pkg, 'dist/bundle'), { recursive: true });
    expect(Buffer.compare(run(cli, join(out, 'd.docx'), { KEHOACH_CACHE_DIR: cache }), want), 'from tsc modules').toBe(0);
  });
});

describe("package skeletons are build data (dist/render/skeletons.precompiled.json, scripts/precompile-skeletons.mjs)", () => {
  it("each family's minimal plan takes its skeleton from the table: a cold render with an empty cache writes none", { timeout: 300_000 }, () => {
    const dir = tmp();
    const families = readdirSync(join(ROOT, 'templates')).filter((d) => existsSync(join(ROOT, 'templates', d, 'layout.yaml'))).sort();
    expect(families.length).toBeGreaterThan(4);
    for (const khoi of families) {
      const plan = join(dir, `${khoi}.yaml`);
      writeFileSync(plan, familyPlan(khoi));
      const cache = tmp();
      const r = render(['render', plan, '-o', join(dir, `${khoi}.docx`)], { KEHOACH_CACHE_DIR: cache });
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(join(cache, 'skeletons')), khoi).toBe(false);
    }
  });

  it('the table is what a cold process serves for a key it holds exactly; under another zlib it is not used', { timeout: 300_000 }, async () => {
    const want = await renderExample(EXAMPLES[6]);
    const pkg = copyPackage();
    const file = join(pkg, 'dist/render/skeletons.precompiled.json');
    const table = JSON.parse(readFileSync(file, 'utf8')) as { zlib: string; skeletons: Record<string, { docTail: string }> };
    expect(table.zlib).toBe(`zlib@${process.versions.zlib}`);
    for (const sk of Object.values(table.skeletons)) sk.docTail = `<w:p><w:r><w:t>SERVED FROM THE TABLE</w:t></w:r></w:p>${sk.docTail}`;
    writeFileSync(file, JSON.stringify(table));
    const out = tmp();
    const run = (name: string, cache: string) => {
      const r = spawnSync(process.execPath, [join(pkg, 'dist/cli.cjs'), 'render', join(EXAMPLES_DIR, EXAMPLES[6]), '-o', join(out, name)], { env: env({ KEHOACH_CACHE_DIR: cache }), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(join(out, name));
    };
    const documentXml = (b: Buffer) => strFromU8(unzipSync(new Uint8Array(b))['word/document.xml']);
    const cache = tmp();
    expect(documentXml(run('a.docx', cache))).toContain('SERVED FROM THE TABLE');
    expect(readdirSync(cache), 'nothing written to the user cache').toEqual([]);
    writeFileSync(file, JSON.stringify({ ...table, zlib: 'zlib@0.0.0' }));
    const other = tmp();
    expect(Buffer.compare(run('b.docx', other), want), 'another zlib: built, the same bytes').toBe(0);
    expect(readdirSync(join(other, 'skeletons')), 'and kept in the user cache').toHaveLength(1);
    writeFileSync(file, '{"zlib":');
    expect(Buffer.compare(run('c.docx', tmp()), want), 'a broken table is ignored').toBe(0);
  });
});
