/**
 * The code caches the build ships (dist/bundle/<chunk>.cjs.v8cache for each chunk of the command line, the thread pools' dist/bundle/workers.cjs.v8cache,
 * dist/validate/plan-validator.cjs.v8cache) are
 * accepted by the Node that runs the tests: a cache made by another V8 (or with other flags) is rejected and every
 * cold command then recompiles the whole bundle (issue 22: 1.9–2.2× the CPU on Node 22/24/26 with a Node 20 cache).
 * Each check runs in a fresh process, as a cold command does.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
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
  // Every chunk of the command line's bundle (cli, core, render, rest, runtime: scripts/bundle.mjs) and the workers' bundle.
  const chunks = existsSync(join(ROOT, 'dist/bundle')) ? readdirSync(join(ROOT, 'dist/bundle')).filter((f) => f.endsWith('.cjs')).map((f) => `dist/bundle/${f}`) : [];
  it('the build made the chunks', () => expect(chunks.sort()).toEqual(['cli', 'core', 'render', 'rest', 'runtime', 'workers'].map((c) => `dist/bundle/${c}.cjs`)));
  for (const rel of [...chunks, 'dist/validate/plan-validator.cjs']) {
    it(rel, () => {
      const file = join(ROOT, rel);
      expect(existsSync(`${file}.v8cache`), `${rel}.v8cache (npm run build makes it)`).toBe(true);
      const r = spawnSync(process.execPath, ['-e', probe(file)], { encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { rejected: boolean; bytes: number; node: string };
      expect(out.bytes).toBeGreaterThan(500);
      expect(out, `V8 of ${out.node} rejects ${rel}.v8cache`).toMatchObject({ rejected: false });
    }, 120_000);
  }
});

describe('the thread pools\' workers start from their bundle with the build\'s cache (issue 22)', () => {
  it('a worker thread (with the batch\'s resource limits) loads dist/bundle/workers.cjs and V8 accepts its cache', () => {
    const entry = join(ROOT, 'dist', 'worker-entry.cjs');
    const code = `
const { Worker } = require('node:worker_threads');
const body = 'require(' + JSON.stringify(${JSON.stringify(entry)}) + ').loadWorkers().then((l) => require("node:worker_threads").parentPort.postMessage({ cached: l.cached, bundle: !!l.script }))';
const w = new Worker(body, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
w.on('message', (m) => { process.stdout.write(JSON.stringify(m)); process.exit(0); });
w.on('error', (e) => { console.error(e); process.exit(1); });`;
    const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, KEHOACH_CACHE: '0' } });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ cached: true, bundle: true });
  }, 120_000);
});
