/**
 * The code caches the build ships (dist/bundle/cli.cjs.v8cache, dist/validate/plan-validator.cjs.v8cache) are
 * accepted by the Node that runs the tests: a cache made by another V8 (or with other flags) is rejected and every
 * cold command then recompiles the whole bundle (issue 22: 1.9–2.2× the CPU on Node 22/24/26 with a Node 20 cache).
 * Each check runs in a fresh process, as a cold command does.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

const probe = (file: string) => `
const { readFileSync } = require('node:fs');
const { Script } = require('node:vm');
const { Module } = require('node:module');
const source = readFileSync(${JSON.stringify(file)}, 'utf8');
const cachedData = readFileSync(${JSON.stringify(file)} + '.v8cache');
const script = new Script(Module.wrap(source), { filename: ${JSON.stringify(file)}, cachedData });
process.stdout.write(JSON.stringify({ rejected: script.cachedDataRejected, bytes: cachedData.length, node: process.version }));
`;

describe('the shipped code caches fit the running Node', () => {
  for (const rel of ['dist/bundle/cli.cjs', 'dist/validate/plan-validator.cjs']) {
    it(rel, () => {
      const file = join(ROOT, rel);
      expect(existsSync(`${file}.v8cache`), `${rel}.v8cache (npm run build makes it)`).toBe(true);
      const r = spawnSync(process.execPath, ['-e', probe(file)], { encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { rejected: boolean; bytes: number; node: string };
      expect(out.bytes).toBeGreaterThan(1000);
      expect(out, `V8 of ${out.node} rejects ${rel}.v8cache`).toMatchObject({ rejected: false });
    }, 120_000);
  }
});
