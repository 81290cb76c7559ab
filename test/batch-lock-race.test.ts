/**
 * Issue 23, items 10 and 11: one batch per output folder, also when several start at once on a stale lock (left by a
 * killed run), and through the PDF phase of `batch --pdf`.
 */
import { describe, it, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI, ROOT } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'kh-lock-race-'));

/** The pid of a process that has exited (a lock holding it is stale). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('a stale lock is taken over by one batch only', () => {
  it('processes starting together on a stale lock: exactly one of them holds it, round after round', { timeout: 300_000 }, async () => {
    const base = tmp();
    const ROUNDS = 30;
    const PROCS = 6;
    const INTERVAL = 200;
    const stale = deadPid();
    for (let r = 0; r < ROUNDS; r++) {
      mkdirSync(join(base, String(r)));
      writeFileSync(join(base, String(r), '.kehoach-batch.lock'), `${stale}\n`);
    }
    const script = join(base, 'racer.mjs');
    // Each racer waits for the round's start time, then takes the lock on that round's folder; a winner marks it and
    // keeps it (never releases it) and stays alive until every racer is done with every round.
    writeFileSync(script, `
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
const { acquireLock } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/batch/lock.js')).href)});
const [base, t0s, rounds, interval] = process.argv.slice(2);
const t0 = Number(t0s);
for (let r = 0; r < Number(rounds); r++) {
  const at = t0 + r * Number(interval);
  while (Date.now() < at - 15) await new Promise((res) => setTimeout(res, 5));
  while (Date.now() < at) { /* spin to start together */ }
  try {
    await acquireLock(join(base, String(r)), 'en');
    writeFileSync(join(base, String(r), 'won-' + process.pid), '');
  } catch (e) {
    if (!/another batch/.test(e.message)) writeFileSync(join(base, String(r), 'error-' + process.pid), String(e.stack));
  }
}
await new Promise((res) => setTimeout(res, 3000));
`);
    const t0 = Date.now() + 4000;
    const racers = Array.from({ length: PROCS }, () => spawn(process.execPath, [script, base, String(t0), String(ROUNDS), String(INTERVAL)], { stdio: 'inherit' }));
    await Promise.all(racers.map((p) => new Promise((res) => p.once('exit', res))));
    const winners = Array.from({ length: ROUNDS }, (_, r) => readdirSync(join(base, String(r))).filter((f) => f.startsWith('won-')).length);
    const errors = Array.from({ length: ROUNDS }, (_, r) => readdirSync(join(base, String(r))).filter((f) => f.startsWith('error-'))).flat();
    expect(errors, 'no racer failed otherwise than "locked"').toEqual([]);
    expect(winners.filter((n) => n > 1), `rounds with more than one holder: ${winners.join(' ')}`).toEqual([]);
    expect(winners.filter((n) => n === 0), 'every round has a holder').toEqual([]);
    // no takeover file is left behind
    for (let r = 0; r < ROUNDS; r++) expect(readdirSync(join(base, String(r))).filter((f) => f !== '.kehoach-batch.lock' && !f.startsWith('won-'))).toEqual([]);
  });
});

describe('the takeover guard', () => {
  const lockModule = (): Promise<typeof import('../src/batch/lock.js')> => import(pathToFileURL(join(ROOT, 'dist/batch/lock.js')).href);
  it('a guard left by a takeover that was killed does not block: the stale lock is taken, the guard removed', { timeout: 60_000 }, async () => {
    const { acquireLock } = await lockModule();
    const dir = tmp();
    const dead = deadPid();
    writeFileSync(join(dir, '.kehoach-batch.lock'), `${dead}\n`);
    writeFileSync(join(dir, '.kehoach-batch.lock.takeover'), `${dead}\n`);
    const release = await acquireLock(dir, 'en');
    expect(readFileSync(join(dir, '.kehoach-batch.lock'), 'utf8').trim()).toBe(String(process.pid));
    expect(readdirSync(dir)).toEqual(['.kehoach-batch.lock']);
    await release();
    expect(readdirSync(dir)).toEqual([]);
  });
  it('while a live process holds the guard, a starter waits and then is refused, naming the lock', { timeout: 60_000 }, async () => {
    const { acquireLock } = await lockModule();
    const dir = tmp();
    const other = spawn('sleep', ['60']);
    try {
      writeFileSync(join(dir, '.kehoach-batch.lock'), `${deadPid()}\n`);
      writeFileSync(join(dir, '.kehoach-batch.lock.takeover'), `${other.pid}\n`);
      const err = await acquireLock(dir, 'en').then(() => null, (e: Error) => e);
      expect(err?.message).toMatch(/another batch/);
    } finally {
      other.kill();
    }
  });
});

describe('batch --pdf holds its lock to the end', () => {
  it.skipIf(process.platform === 'win32')('the output folder is still locked by the batch while LibreOffice converts', { timeout: 300_000 }, () => {
    const root = tmp();
    mkdirSync(join(root, 'plans'));
    writeFileSync(join(root, 'plans', 'kh-01.yaml'), readFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), 'utf8'));
    const bin = join(root, 'bin');
    mkdirSync(bin);
    const out = join(root, 'out');
    const seen = join(root, 'seen');
    // A fake soffice: notes the lock's content and whether it is its parent's (the batch's) pid, then makes the PDFs.
    writeFileSync(join(bin, 'soffice'), `#!/bin/sh
lock="${out}/.kehoach-batch.lock"
if [ -f "$lock" ] && [ "$(cat "$lock")" = "$PPID" ]; then echo held > "${seen}"; else echo free > "${seen}"; fi
outdir=""
prev=""
for a in "$@"; do
  if [ "$prev" = "--outdir" ]; then outdir="$a"; fi
  prev="$a"
done
mkdir -p "$outdir"
for a in "$@"; do
  case "$a" in *.docx) b=$(basename "$a" .docx); printf '%%PDF-1.4 fake\\n' > "$outdir/$b.pdf";; esac
done
`);
    chmodSync(join(bin, 'soffice'), 0o755);
    const r = spawnSync(process.execPath, [CLI, 'batch', join(root, 'plans'), '-o', out, '--pdf', '-j', '1'], {
      encoding: 'utf8', env: { ...process.env, CI: '1', PATH: `${bin}:${process.env.PATH}`, KEHOACH_SOFFICE: '' }, timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(out, 'kh-01.pdf'))).toBe(true);
    expect(readFileSync(seen, 'utf8').trim(), 'the lock during the PDF phase').toBe('held');
    expect(existsSync(join(out, '.kehoach-batch.lock')), 'released at the end').toBe(false);
  });
});
