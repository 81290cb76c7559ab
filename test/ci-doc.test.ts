/**
 * The commands of docs/ci.md's workflow, run locally: validate --format github --strict, and the export as
 * `batch --shard i/n` jobs whose outputs together are the full set, each plan exactly once.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { CLI, EXAMPLES, EXAMPLES_DIR, ROOT } from './helpers.js';

const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
const doc = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

describe('docs/ci.md', () => {
  it('uses the commands tested here', () => {
    expect(doc).toContain('npx kehoach validate plans/ --format github --strict');
    expect(doc).toMatch(/npx kehoach batch plans\/ -o out\/ --shard \$\{\{ matrix\.shard \}\}\/4/);
  });

  it('validate --format github --strict: annotations, exit 1 on a warning, 0 on a clean folder', () => {
    const repo = mkdtempSync(join(tmpdir(), 'kh-ci-'));
    mkdirSync(join(repo, 'plans'));
    expect(run(['init', 'plans', '--yes'], repo).status).toBe(0);
    expect(run(['validate', 'plans/', '--format', 'github', '--strict'], repo).status).toBe(0);
    // an example with a warning: its deliberate departure without the comment that suppresses it
    writeFileSync(join(repo, 'plans', 'x.yaml'), readFileSync(join(EXAMPLES_DIR, EXAMPLES[0]), 'utf8').replace(/^\s*# kehoach-disable-next-line.*\n/gm, ''));
    const r = run(['validate', 'plans/x.yaml', '--format', 'github', '--strict'], repo);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::warning file=plans\/x\.yaml,line=\d+,col=\d+/m);
  });

  it('batch --shard i/4: the union of the four shards is every plan, each once', () => {
    const repo = mkdtempSync(join(tmpdir(), 'kh-ci-'));
    const plans = join(repo, 'plans');
    for (const [i, ex] of EXAMPLES.entries()) {
      mkdirSync(join(plans, `don-vi-${i % 2}`), { recursive: true });
      for (const copy of [1, 2]) copyFileSync(join(EXAMPLES_DIR, ex), join(plans, `don-vi-${i % 2}`, `${copy}-${ex}`));
    }
    const all: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const r = run(['batch', 'plans/', '-o', `out-${i}/`, '--shard', `${i}/4`, '--jobs', '1'], repo);
      expect(r.status, r.stderr).toBe(0);
      all.push(...files(join(repo, `out-${i}`)).filter((f) => f.endsWith('.docx')).map((f) => relative(join(repo, `out-${i}`), f)));
    }
    const expected = files(plans).map((f) => relative(plans, f).replace(/\.yaml$/, '.docx')).sort();
    expect(all.sort()).toEqual(expected);
    expect(new Set(all).size).toBe(all.length);
  });
});
