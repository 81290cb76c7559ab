/**
 * Issue 23, items 12 and 13: the user's cache folder (src/cache.cts) under hostile files. A planted compiled-template
 * entry must never run, a planted skeleton must never reach a document, an entry that is a FIFO or a link to
 * /dev/zero must not hang a render, and a folder others can write (or that another user owns) is not used at all.
 * Every render here must give the bytes of a render without cache.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, EXAMPLES, EXAMPLES_DIR } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'kh-hostile-cache-'));
const env = (extra: Record<string, string>) => {
  const e: Record<string, string | undefined> = { ...process.env, CI: '1', ...extra };
  delete e.NODE_EXTRA_CA_CERTS;
  delete e.KEHOACH_CACHE;
  return e as NodeJS.ProcessEnv;
};
/** Renders a plan with the bin; a render that hangs is stopped after 40 s (status null). */
const render = (plan: string, out: string, lead: string[], extra: Record<string, string>) => {
  const r = spawnSync(process.execPath, [CLI, ...lead, 'render', plan, '-o', out], { env: env(extra), encoding: 'utf8', timeout: 40_000, killSignal: 'SIGKILL' });
  expect(r.status, `${r.signal ?? ''} ${r.stderr}`).toBe(0);
  return readFileSync(out);
};
const cacheModule = () => createRequire(import.meta.url)(join(ROOT, 'dist/cache.cjs')) as typeof import('../src/cache.cjs');
/** An entry's first line, parsed: [format, kind, Node version, key, size, digest] (src/cache.cts). */
const header = (file: string): unknown[] => {
  const text = readFileSync(file, 'utf8');
  return JSON.parse(text.slice(0, text.indexOf('\n'))) as unknown[];
};
/** Writes an entry as kehoach itself would (the module's own writer), in the cache folder `dir`, under the whole key
 * read from an entry's header (`[kind, build id, ...inputs]`, src/cache.cts cacheKey). */
const plant = (dir: string, kind: string, key: string, text: string) => {
  const saved = process.env.KEHOACH_CACHE_DIR;
  process.env.KEHOACH_CACHE_DIR = dir;
  try { cacheModule().writeKeyed(kind, (JSON.parse(key) as string[]).slice(2), text); } finally {
    if (saved === undefined) delete process.env.KEHOACH_CACHE_DIR;
    else process.env.KEHOACH_CACHE_DIR = saved;
  }
};

/** An office's templates folder whose title template differs from the package's: it is compiled and cached. */
function officeTemplates(): string {
  const tpl = tmp();
  cpSync(join(ROOT, 'templates'), tpl, { recursive: true });
  appendFileSync(join(tpl, 'common', 'title.hbs'), '\n');
  // A body size of its own (14 → 13 pt): the office's profile, and so its package skeleton, is none of the build's
  // table (dist/render/skeletons.precompiled.json), so its skeleton goes through the user's cache.
  const layout = join(tpl, 'nha_nuoc', 'layout.yaml');
  const text = readFileSync(layout, 'utf8');
  writeFileSync(layout, `${text.replace('  than: { co: 14,', '  than: { co: 13,')}\n# our office\n`);
  expect(readFileSync(layout, 'utf8')).toContain('  than: { co: 13,');
  return tpl;
}

describe('a planted compiled-template entry never runs', () => {
  it('plain JavaScript written over the entry is ignored: it does not run and the bytes are the uncached ones', { timeout: 300_000 }, () => {
    const tpl = officeTemplates();
    const cache = tmp();
    const out = tmp();
    const plan = join(EXAMPLES_DIR, EXAMPLES[1]);
    const lead = ['--templates', tpl];
    const want = render(plan, join(out, 'a.docx'), lead, { KEHOACH_CACHE: '0', KEHOACH_CACHE_DIR: cache });
    expect(Buffer.compare(render(plan, join(out, 'b.docx'), lead, { KEHOACH_CACHE_DIR: cache }), want)).toBe(0);
    const [entry] = readdirSync(join(cache, 'templates'));
    const file = join(cache, 'templates', entry);
    const code = readFileSync(file, 'utf8');
    const spec = code.slice(code.indexOf('{')); // the precompiled spec (after the header, when there is one)
    const marker = join(out, 'PWNED');
    // Runs when evaluated, then returns a working spec: before the fix the output even looked unchanged.
    writeFileSync(file, `(function(){ process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); return ${spec}; })()`);
    expect(Buffer.compare(render(plan, join(out, 'c.docx'), lead, { KEHOACH_CACHE_DIR: cache }), want)).toBe(0);
    expect(existsSync(marker), 'the planted code ran').toBe(false);
  });

  it('a well-formed planted entry is used only in a folder that only the user can write', { timeout: 300_000 }, () => {
    const tpl = officeTemplates();
    const cache = tmp();
    const out = tmp();
    const plan = join(EXAMPLES_DIR, EXAMPLES[1]);
    const lead = ['--templates', tpl];
    chmodSync(cache, 0o700);
    const want = render(plan, join(out, 'a.docx'), lead, { KEHOACH_CACHE_DIR: cache });
    const [entry] = readdirSync(join(cache, 'templates'));
    const file = join(cache, 'templates', entry);
    const [, kind, , key] = header(file) as string[];
    expect(kind).toBe('templates');
    const payload = readFileSync(file, 'utf8').split('\n').slice(1).join('\n');
    const marker = join(out, 'PWNED');
    const evil = `(function(){ process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); return ${payload}; })()`;
    plant(cache, 'templates', key, evil);
    // Group- or world-writable: another user could have planted it; the cache is not used (read or written).
    for (const mode of [0o777, 0o770, 0o707]) {
      chmodSync(cache, mode);
      expect(Buffer.compare(render(plan, join(out, 'b.docx'), lead, { KEHOACH_CACHE_DIR: cache }), want), mode.toString(8)).toBe(0);
      expect(existsSync(marker), `planted code ran in a folder of mode ${mode.toString(8)}`).toBe(false);
    }
    chmodSync(cache, 0o700);
    chmodSync(join(cache, 'templates'), 0o777);
    expect(Buffer.compare(render(plan, join(out, 'b.docx'), lead, { KEHOACH_CACHE_DIR: cache }), want)).toBe(0);
    expect(existsSync(marker), 'planted code ran from a world-writable kind folder').toBe(false);
    if (process.getuid?.() === 0) {
      // Owned by another user (root can give it away): not used either.
      chmodSync(join(cache, 'templates'), 0o700);
      chownSync(cache, 4242, 4242);
      expect(Buffer.compare(render(plan, join(out, 'b.docx'), lead, { KEHOACH_CACHE_DIR: cache }), want)).toBe(0);
      expect(existsSync(marker), 'planted code ran from a folder another user owns').toBe(false);
      chownSync(cache, 0, 0);
    }
    // The user's own folder is trusted: the same entry is then read (this is what the checks above protect).
    chmodSync(join(cache, 'templates'), 0o700);
    render(plan, join(out, 'c.docx'), lead, { KEHOACH_CACHE_DIR: cache });
    expect(existsSync(marker), 'an entry of a trusted folder is read').toBe(true);
  });

  it('a world-writable cache folder gets no entry written', { timeout: 300_000 }, () => {
    const tpl = officeTemplates();
    const cache = tmp();
    chmodSync(cache, 0o777);
    const out = tmp();
    render(join(EXAMPLES_DIR, EXAMPLES[1]), join(out, 'a.docx'), ['--templates', tpl], { KEHOACH_CACHE_DIR: cache });
    expect(readdirSync(cache)).toEqual([]);
  });
});

describe('a planted skeleton never reaches a document', () => {
  it('an entry whose text was changed (header kept) is rebuilt; a corrupt or truncated one too', { timeout: 300_000 }, () => {
    const cache = tmp();
    const out = tmp();
    const plan = join(EXAMPLES_DIR, EXAMPLES[5]);
    const lead = ['--templates', officeTemplates()]; // a skeleton the build's table does not hold
    const want = render(plan, join(out, 'a.docx'), lead, { KEHOACH_CACHE: '0', KEHOACH_CACHE_DIR: cache });
    render(plan, join(out, 'b.docx'), lead, { KEHOACH_CACHE_DIR: cache });
    const [entry] = readdirSync(join(cache, 'skeletons'));
    const file = join(cache, 'skeletons', entry);
    const text = readFileSync(file, 'utf8');
    const nl = text.indexOf('\n');
    const planted = text.slice(0, nl + 1) + text.slice(nl + 1).replace('"docTail":"', '"docTail":"<w:p><w:r><w:t>PLANTED</w:t></w:r></w:p>');
    expect(planted).not.toBe(text);
    writeFileSync(file, planted);
    expect(Buffer.compare(render(plan, join(out, 'c.docx'), lead, { KEHOACH_CACHE_DIR: cache }), want), 'planted text').toBe(0);
    writeFileSync(file, text.slice(0, Math.floor(text.length * 0.7)));
    expect(Buffer.compare(render(plan, join(out, 'd.docx'), lead, { KEHOACH_CACHE_DIR: cache }), want), 'truncated').toBe(0);
  });
});

describe('an entry that is not a regular file does not hang a render', () => {
  const mkfifo = (p: string) => spawnSync('mkfifo', [p]).status === 0;
  it.skipIf(process.platform === 'win32')('a FIFO or a link to /dev/zero as a skeleton, template or profile entry: the render finishes with the uncached bytes', { timeout: 600_000 }, () => {
    const tpl = officeTemplates();
    const plan = join(EXAMPLES_DIR, EXAMPLES[1]);
    const lead = ['--templates', tpl];
    const out = tmp();
    const want = render(plan, join(out, 'a.docx'), lead, { KEHOACH_CACHE: '0' });
    for (const kind of ['skeletons', 'templates', 'profiles']) {
      for (const hostile of ['fifo', 'zero']) {
        const cache = tmp();
        chmodSync(cache, 0o700);
        render(plan, join(out, 'b.docx'), lead, { KEHOACH_CACHE_DIR: cache });
        const entries = readdirSync(join(cache, kind));
        expect(entries, kind).toHaveLength(1);
        const file = join(cache, kind, entries[0]);
        rmSync(file);
        if (hostile === 'fifo') expect(mkfifo(file)).toBe(true);
        else symlinkSync('/dev/zero', file);
        expect(Buffer.compare(render(plan, join(out, 'c.docx'), lead, { KEHOACH_CACHE_DIR: cache }), want), `${kind} ${hostile}`).toBe(0);
      }
    }
  });
});
