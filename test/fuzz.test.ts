/**
 * Seeded fuzzing (scripts/fuzz-lib.mjs): mutants of the examples and fixtures (YAML-level and byte-level; odd keys,
 * deep nesting, huge strings, bad dates …). Through the library: a few hundred cases, each either rendered or
 * rejected with positioned diagnostics — no other error, no stack trace. Through the CLI (spawned sparingly: one
 * batch over a folder of mutants, and 8 single renders): never exit 3, never a stack trace, nothing written
 * for an invalid plan. The long run is `npm run fuzz` (10,000 cases).
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { CLI, ROOT } from './helpers.js';
import * as index from '../src/index.js';
import { decodePlanBytes } from '../src/load.js';
// a plain ES module script (no types)
import { corpus, rng, fuzzCase, runLibraryCase } from '../scripts/fuzz-lib.mjs';

const SEEDS = corpus(ROOT);
const STACK = /\n\s+at |\bat .+\.(?:js|ts):\d+/;
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' } });

describe('fuzz (seeded)', () => {
  it('library: 200 mutants are rendered or rejected with diagnostics, never another error', async () => {
    const lib = { ...index, decodePlanBytes };
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
