/**
 * Seeded fuzzing (scripts/fuzz-lib.mjs): mutants of the examples and fixtures (YAML-level and byte-level; odd keys,
 * deep nesting, huge strings, bad dates …). Through the library: a few hundred cases, each either rendered (with
 * every text on the page or reported) or rejected with positioned diagnostics — no other error, no stack trace.
 * Through the CLI (spawned sparingly: one batch over a folder of mutants, and 8 single renders): never exit 3,
 * never a stack trace, nothing written for an invalid plan. A quick bounded smoke of the other surfaces of
 * `npm run fuzz` (scripts/fuzz.mjs): mutated .docx files through import and check (scripts/fuzz-docx.mjs), `fix`
 * with the data compared (scripts/fuzz-fix.mjs), the pool's time and memory limits and the minimiser
 * (scripts/fuzz-pool.mjs), and the script itself on a few cases. The long run is `npm run fuzz` (10,000 cases a seed).
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { CLI, ROOT } from './helpers.js';
import * as index from '../src/index.js';
import { decodePlanBytes, CODE_KEYS } from '../src/load.js';
import { readDocument } from '../src/docx-read/index.js';
import { paragraphs, fullText } from '../src/docx-read/model.js';
import { importDocument, importToYaml } from '../src/import/index.js';
import { roundTrip } from '../src/import/roundtrip.js';
import { formatFidelity } from '../src/import/fidelity.js';
import { checkDocument } from '../src/check/index.js';
import { fixPlan } from '../src/fix.js';
// plain ES module scripts (no types)
import { corpus, rng, fuzzCase, runLibraryCase } from '../scripts/fuzz-lib.mjs';
import { docxSeeds, docxCase, applyDocxMutations, runDocxCase } from '../scripts/fuzz-docx.mjs';
import { fixCase, runFixCase } from '../scripts/fuzz-fix.mjs';
import { Pool, ddmin } from '../scripts/fuzz-pool.mjs';

const SEEDS = corpus(ROOT);
const STACK = /\n\s+at |\bat .+\.(?:js|ts):\d+/;
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' } });

describe('fuzz (seeded)', () => {
  it('library: 200 mutants are rendered or rejected with diagnostics, never another error', async () => {
    const lib = { ...index, decodePlanBytes, CODE_KEYS };
    const r = rng(20260522);
    const outcomes = { rendered: 0, invalid: 0, finding: 0 };
    const unknown: string[] = [];
    for (let i = 0; i < 200; i++) {
      const c = fuzzCase(SEEDS, r, 0.05);
      const res = await runLibraryCase(lib, c);
      outcomes[res.outcome as keyof typeof outcomes]++;
      // Classes being fixed by h4 (odd keys such as toString / __proto__, template errors, yaml warnings in
      // load.ts) are excluded here; the integrator removes this exclusion after merging h4's branch.
      if (res.outcome === 'finding') unknown.push(`case ${i} (${c.seed}, ${c.tags.join('+')}): ${res.detail}`);
    }
    expect(unknown).toEqual([]);
    // the mutants exercise both paths
    expect(outcomes.rendered).toBeGreaterThan(20);
    expect(outcomes.invalid).toBeGreaterThan(100);
  }, 180_000);

  it('CLI: no exit 3, no stack trace, nothing written for an invalid plan (batch of 30 mutants, 8 renders)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-fuzz-'));
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'plans'));
    const r = rng(7);
    const cases = Array.from({ length: 38 }, () => fuzzCase(SEEDS, r, 0.02));
    cases.slice(0, 30).forEach((c, i) => writeFileSync(join(dir, 'plans', `m${String(i).padStart(2, '0')}.yaml`), c.text));
    const b = run(['batch', 'plans', '-o', 'out', '-j', '2'], dir);
    expect([0, 1], b.stderr).toContain(b.status);
    expect(b.stderr).not.toMatch(STACK);
    expect(b.stderr).not.toMatch(/lỗi nội bộ/);
    const manifest = JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8')) as { plans: { input: string; status: string; output: string }[] };
    expect(manifest.plans).toHaveLength(30);
    for (const p of manifest.plans) expect(existsSync(p.output), `${p.input} ${p.status}`).toBe(p.status === 'rendered');
    cases.slice(30).forEach((c, i) => {
      const f = join(dir, `r${i}.yaml`);
      writeFileSync(f, c.text);
      const out = join(dir, `r${i}`);
      const res = run(['render', f, '-o', `${out}/`], dir);
      expect([0, 1], `${c.seed} ${c.tags.join('+')}: ${res.stderr}`).toContain(res.status);
      expect(res.stderr).not.toMatch(STACK);
      const written = existsSync(out) ? readdirSync(out) : [];
      expect(written, res.stderr).toEqual(res.status === 0 ? [`r${i}.docx`] : []);
    });
  }, 240_000);
});

/** The library as the fuzzer's children see it (scripts/fuzz-run.mjs loadLibrary), from the sources. */
const LIB = { ...index, decodePlanBytes, CODE_KEYS, readDocument, paragraphs, fullText, importDocument, importToYaml, roundTrip, formatFidelity, checkDocument, fixPlan };
const workDir = () => { const d = mkdtempSync(join(tmpdir(), 'kh-fuzz-')); mkdirSync(join(d, '.git')); return d; };

describe('fuzz surfaces of npm run fuzz (a bounded smoke)', () => {
  it('docx: 16 mutated .docx files through import and check end normally or with a message, never an internal error', async () => {
    const seeds = await docxSeeds(ROOT, index.renderPlan);
    expect(seeds.length).toBeGreaterThan(10); // nine renders and the fixtures' files
    const dir = workDir();
    const outcomes: Record<string, number> = {};
    const unknown: string[] = [];
    for (let i = 0; i < 16; i++) {
      const c = docxCase(seeds, rng(1000 + i));
      const bytes = applyDocxMutations(seeds.find((s: { name: string }) => s.name === c.seed).bytes, c.mutations, rng, 0.01);
      const res = await runDocxCase(LIB, bytes, join(dir, 'case.docx'));
      outcomes[res.outcome] = (outcomes[res.outcome] ?? 0) + 1;
      if (res.outcome === 'finding') unknown.push(`${c.seed} ${JSON.stringify(c.mutations)}: ${res.detail}`);
    }
    expect(unknown).toEqual([]);
    expect(outcomes.imported).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 240_000);

  it('docx: the structure-aware mutations change what they name (ilvl, start, sizes, nesting, ZIP sizes)', async () => {
    const seeds = await docxSeeds(ROOT, index.renderPlan);
    const seed = seeds[0].bytes;
    const { unzipSync, strFromU8 } = await import('fflate');
    const doc = (b: Uint8Array) => unzipSync(b);
    const xml = (b: Uint8Array, n: string) => strFromU8(doc(b)[n]);
    // each mutation differs from the seed where it says, whatever its draw
    for (let k = 0; k < 6; k++) {
      expect(xml(applyDocxMutations(seed, [{ kind: 'nest', seed: k }], rng, 1), 'word/document.xml')).toMatch(/<w:tbl>/);
      const st = applyDocxMutations(seed, [{ kind: 'start', seed: k }], rng, 1);
      expect(xml(st, 'word/numbering.xml')).not.toBe(xml(seed, 'word/numbering.xml'));
      expect(xml(applyDocxMutations(seed, [{ kind: 'textbox', seed: k }], rng, 1), 'word/document.xml')).toMatch(/<w:txbxContent>/);
      expect(Buffer.compare(applyDocxMutations(seed, [{ kind: 'zip-field', seed: k }], rng, 1), Buffer.from(seed))).not.toBe(0);
      const both = (b: Uint8Array, a: string, c: string) => xml(b, a) + (doc(b)[c] ? xml(b, c) : '');
      expect(both(applyDocxMutations(seed, [{ kind: 'ilvl', seed: k }], rng, 1), 'word/document.xml', 'word/numbering.xml')).not.toBe(both(seed, 'word/document.xml', 'word/numbering.xml'));
      expect(both(applyDocxMutations(seed, [{ kind: 'size', seed: k }], rng, 1), 'word/document.xml', 'word/styles.xml')).not.toBe(both(seed, 'word/document.xml', 'word/styles.xml'));
    }
  }, 120_000);

  it('fix: 40 plans given fixable findings: only the documented changes, each listed', async () => {
    const dir = workDir();
    const outcomes: Record<string, number> = {};
    const unknown: string[] = [];
    for (let i = 0; i < 40; i++) {
      const c = fixCase(SEEDS, rng(2000 + i), (text: string, rr: ReturnType<typeof rng>) => fuzzCase([{ name: 'x', text }], rr, 0.02));
      const res = await runFixCase(LIB, c.text, join(dir, 'plan.yaml'));
      outcomes[res.outcome] = (outcomes[res.outcome] ?? 0) + 1;
      if (res.outcome === 'finding') unknown.push(`${c.seed} ${c.tags.join('+')}: ${res.detail}\n${c.text}`);
    }
    expect(unknown).toEqual([]);
    expect(outcomes.fixed).toBeGreaterThan(5);
  }, 240_000);

  it('the oracles fail on what they look for: a text left off the page, a change fix did not document', async () => {
    const dir = workDir();
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'minimal.yaml'));
    // a renderer that loses the body's first paragraph
    const lossy = { ...LIB, renderView: async (view: unknown, khoi: string, o: object) => {
      const { unzipSync, zipSync, strToU8, strFromU8 } = await import('fflate');
      const files = unzipSync(await index.renderView(view as never, khoi, o as never));
      files['word/document.xml'] = strToU8(strFromU8(files['word/document.xml']).replace('Phát huy tinh thần thi đua.', ''));
      return Buffer.from(zipSync(files));
    } };
    expect((await runLibraryCase(LIB, { text })).outcome).toBe('rendered');
    expect(await runLibraryCase(lossy, { text })).toMatchObject({ outcome: 'finding', detail: expect.stringMatching(/^silent drop: .*Phát huy tinh thần thi đua/) });
    // a fixer that changes a name, one that removes a "KT." without setting quyen_han, one that lists nothing
    const plan = Buffer.from(String(text).replace('chuc_vu: PHÓ GIÁM ĐỐC', 'chuc_vu: PHÓ  GIÁM ĐỐC'));
    const fixer = (edit: (t: string) => string, changes = [{ line: 1 }]) => ({ ...LIB, fixPlan: async () => ({ text: edit(String(plan)), changes, blocked: false }) });
    const lineOf = (t: string, s: string) => t.slice(0, t.indexOf(s)).split('\n').length;
    const all = String(plan).split('\n').map((_, i) => ({ line: i + 1 }));
    expect((await runFixCase(LIB, plan, join(dir, 'p.yaml'))).outcome).toBe('fixed');
    expect((await runFixCase(fixer((t) => t.replace('Nguyễn Văn An', 'Nguyễn Văn Án'), all), plan, join(dir, 'p.yaml'))).detail).toMatch(/undocumented change/);
    const kt = Buffer.from(String(plan).replace('  quyen_han: KT\n', '').replace('thu_truong: GIÁM ĐỐC', 'thu_truong: KT. GIÁM ĐỐC'));
    expect((await runFixCase({ ...LIB, fixPlan: async () => ({ text: String(kt).replace('KT. GIÁM ĐỐC', 'GIÁM ĐỐC'), changes: all, blocked: false }) }, kt, join(dir, 'p.yaml'))).detail).toMatch(/signing form KT removed/);
    expect((await runFixCase(fixer((t) => t.replace('PHÓ  GIÁM', 'PHÓ GIÁM'), [{ line: lineOf(String(plan), 'chuc_vu') + 5 }]), plan, join(dir, 'p.yaml'))).detail).toMatch(/change not listed/);
  }, 120_000);

  it('the pool: a case over its time or memory limit, or a process that aborts, is a finding; the pool goes on', async () => {
    const pool = new Pool({ jobs: 1, timeoutMs: 15_000, memoryMb: 160, dir: workDir() });
    try {
      expect(await pool.run({ surface: 'probe', action: 'ok' })).toMatchObject({ outcome: 'ok' });
      expect(await pool.run({ surface: 'probe', action: 'alloc' })).toMatchObject({ outcome: 'finding', kind: 'memory' });
      expect(await pool.run({ surface: 'probe', action: 'buffers' })).toMatchObject({ outcome: 'finding', kind: 'memory' });
      expect(await pool.run({ surface: 'probe', action: 'abort' })).toMatchObject({ outcome: 'finding', kind: 'crash' });
      const slow = new Pool({ jobs: 1, timeoutMs: 1500, memoryMb: 160, dir: workDir() });
      try { expect(await slow.run({ surface: 'probe', action: 'hang' })).toMatchObject({ outcome: 'finding', kind: 'timeout' }); } finally { slow.close(); }
      expect(await pool.run({ surface: 'probe', action: 'ok' })).toMatchObject({ outcome: 'ok' });
    } finally { pool.close(); }
  }, 180_000);

  it('ddmin finds the smallest failing part', async () => {
    const items = Array.from({ length: 40 }, (_, i) => i);
    const r = await ddmin(items, async (xs: number[]) => xs.includes(7) && xs.includes(31));
    expect(r.items).toEqual([7, 31]);
  });

  it('npm run fuzz (scripts/fuzz.mjs) runs each surface, bounded, and reports its figures', () => {
    const dir = workDir();
    const res = spawnSync(process.execPath, [join(ROOT, 'scripts', 'fuzz.mjs'), '--seed', '5', '--cases', '6', '--scale', '0.02', '--out', join(dir, 'findings'), '--quiet'], { cwd: dir, encoding: 'utf8' });
    expect(res.status, res.stdout + res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^fuzz: 6 cases, seed 5, surfaces plans\+docx\+fix, .*findings 0 \(0 distinct\)/m);
    for (const s of ['plans', 'docx', 'fix']) expect(res.stdout).toMatch(new RegExp(`^  ${s}: 2 cases`, 'm'));
  }, 240_000);
});

describe('defects npm run fuzz found (each failed before its fix)', () => {
  it('seed 1 case 5362 (a real plan with a paragraph repeated ~1,000 times): import and check stay inside the case limit', () => {
    // The run of free-label bullets was scanned again from every line (quadratic: 12 s CPU for check, 19 s for
    // import, over the fuzzer's 30 s a case on a busy machine); body.ts now keeps each line's answer.
    const dir = workDir();
    const res = spawnSync(process.execPath, [join(ROOT, 'scripts', 'fuzz.mjs'), '--seed', '1', '--case', '5362', '--out', join(dir, 'findings'), '--no-minimise'], { cwd: dir, encoding: 'utf8' });
    expect(res.status, res.stdout + res.stderr).toBe(0);
    expect(res.stdout).toMatch(/findings 0/);
  }, 240_000);

  it('fix leaves a text it would empty (" " without its spaces): the valid plan stays valid', async () => {
    const dir = workDir();
    const minimal = readFileSync(join(ROOT, 'test', 'fixtures', 'minimal.yaml'), 'utf8');
    for (const [from, to] of [['dia_danh: Bình Thuận', 'dia_danh: " "'], ['ho_ten: Nguyễn Văn An', 'ho_ten: "  "']]) {
      const text = minimal.replace(from, to);
      expect(index.validatePlan(text, { file: 'p.yaml' }).filter((d) => d.severity === 'error')).toEqual([]);
      const file = join(dir, 'p.yaml');
      writeFileSync(file, text);
      const r = await fixPlan(file);
      expect(r.text).toContain(to);
      expect(index.validatePlan(r.text, { file: 'p.yaml' }).filter((d) => d.severity === 'error')).toEqual([]);
      expect(await runFixCase(LIB, Buffer.from(text), file)).toMatchObject({ outcome: expect.stringMatching(/^(fixed|unchanged)$/) });
    }
  }, 120_000);
});
