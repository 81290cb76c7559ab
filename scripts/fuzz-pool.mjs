// The fuzzer's bounded runner: a pool of long-lived child processes (scripts/fuzz-worker.mjs), each running one case
// at a time under a time limit (the child is killed and replaced when a case runs over) and a memory limit (the V8
// heap bounded with --max-old-space-size, and the child's resident memory, heap and buffers, read from /proc and
// killed over the limit). A case over either limit, or a child that dies (a native abort, an exit of its own), is a
// finding. Also: ddmin, the delta-debugging minimiser the fuzzer shrinks its findings with.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const WORKER = join(dirname(fileURLToPath(import.meta.url)), 'fuzz-worker.mjs');

/** Resident memory of a process in MB (Linux /proc), or 0 when it cannot be read. */
function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch { return 0; }
}

/**
 * A pool of `jobs` workers.
 * @param o.jobs number of children (default 2)
 * @param o.timeoutMs a case's time limit (default 30 s)
 * @param o.memoryMb a case's memory limit: the V8 heap's and the resident memory's (default 1024 MB)
 * @param o.dir a folder the workers write their inputs to (each its own subfolder)
 * @param o.recycle cases a child runs before it is replaced (default 200: a slow leak is not blamed on one case)
 */
export class Pool {
  constructor(o = {}) {
    this.jobs = o.jobs ?? 2;
    this.timeoutMs = o.timeoutMs ?? 30_000;
    this.memoryMb = o.memoryMb ?? 1024;
    this.dir = o.dir;
    this.recycle = o.recycle ?? 200;
    this.idle = [];
    this.waiting = [];
    this.all = new Set();
    this.n = 0;
    this.maxRss = 0;
  }

  spawn() {
    const id = this.n++;
    const child = fork(WORKER, [], {
      execArgv: [`--max-old-space-size=${this.memoryMb}`],
      env: { ...process.env, KEHOACH_FUZZ_DIR: join(this.dir, `w${id}`), NO_COLOR: '1' },
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const w = { child, id, runs: 0, stderr: '', ready: null };
    child.stderr.on('data', (d) => { w.stderr = (w.stderr + d).slice(-4000); });
    w.ready = new Promise((resolve, reject) => {
      child.once('message', (m) => (m === 'ready' ? resolve() : reject(new Error(`worker: ${JSON.stringify(m)}`))));
      child.once('exit', (code, sig) => reject(new Error(`worker exited on start (${code ?? sig}): ${w.stderr}`)));
    });
    w.ready.catch(() => {});
    this.all.add(w);
    return w;
  }

  async take() {
    const w = this.idle.pop();
    if (w) return w;
    if (this.all.size < this.jobs) { const x = this.spawn(); await x.ready; return x; }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  give(w) {
    if (w && w.runs >= this.recycle) { this.retire(w); w = null; }
    const next = this.waiting.shift();
    if (!next) { if (w) this.idle.push(w); return; }
    if (w) next(w);
    else { const x = this.spawn(); x.ready.then(() => next(x), () => next(this.spawn())); }
  }

  retire(w) {
    this.all.delete(w);
    w.child.removeAllListeners('exit');
    w.child.kill('SIGKILL');
  }

  /**
   * Runs one case in a child: { surface, ...payload } → the worker's result ({ outcome, detail? }), or
   * { outcome: 'finding', kind: 'timeout' | 'memory' | 'crash', detail } when the child was killed or died;
   * `ms`: the time the case took.
   */
  async run(task) {
    const w = await this.take();
    w.runs++;
    const start = performance.now();
    const res = await new Promise((resolve) => {
      let done = false;
      const finish = (r, kill) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        clearInterval(poll);
        w.child.off('message', onMessage);
        w.child.off('exit', onExit);
        if (kill) this.retire(w);
        resolve(r);
      };
      const onMessage = (m) => finish(m, false);
      const onExit = (code, sig) => {
        const tail = w.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300);
        const oom = /heap out of memory|Reached heap limit|ERR_WORKER_OUT_OF_MEMORY|Allocation failed/.test(w.stderr);
        finish({ outcome: 'finding', kind: oom ? 'memory' : 'crash', detail: oom ? `memory: V8 heap over ${this.memoryMb} MB (exit ${code ?? sig})` : `crash: the process ended (exit ${code ?? sig}): ${tail}` }, true);
      };
      const timer = setTimeout(() => finish({ outcome: 'finding', kind: 'timeout', detail: `timeout: over ${this.timeoutMs / 1000} s` }, true), this.timeoutMs);
      const poll = setInterval(() => {
        const mb = rssMb(w.child.pid);
        this.maxRss = Math.max(this.maxRss, mb);
        if (mb > this.memoryMb * 1.25) finish({ outcome: 'finding', kind: 'memory', detail: `memory: resident ${Math.round(mb)} MB, over ${Math.round(this.memoryMb * 1.25)} MB` }, true);
      }, 50);
      w.child.on('message', onMessage);
      w.child.once('exit', onExit);
      w.stderr = '';
      w.child.send(task);
    });
    res.ms = performance.now() - start;
    if (this.all.has(w)) this.give(w);
    else this.give(null);
    return res;
  }

  /** Ends every child. */
  close() {
    for (const w of [...this.all]) this.retire(w);
    this.idle = [];
  }
}

/**
 * Delta debugging (Zeller and Hildebrandt, "Simplifying and isolating failure-inducing input", 2002, ddmin): a
 * smallest-found subsequence of `items` for which `fails` still holds (1-minimal when the budget allows).
 * @param items the input as a list (lines of a YAML, mutations of a .docx)
 * @param fails async (subsequence) → boolean: whether the same finding still happens
 * @param budget the most `fails` calls
 * @returns { items, tests } the smallest failing subsequence found and the calls made
 */
export async function ddmin(items, fails, budget = 200) {
  let cur = items;
  let n = 2;
  let tests = 0;
  const test = async (xs) => { tests++; return fails(xs); };
  while (cur.length >= 2 && tests < budget) {
    const size = Math.ceil(cur.length / n);
    const chunks = [];
    for (let i = 0; i < cur.length; i += size) chunks.push([i, Math.min(cur.length, i + size)]);
    let reduced = false;
    for (const [a, b] of chunks) {
      if (tests >= budget) break;
      const sub = cur.slice(a, b);
      if (chunks.length > 2 && await test(sub)) { cur = sub; n = 2; reduced = true; break; }
    }
    if (!reduced) {
      for (const [a, b] of chunks) {
        if (tests >= budget) break;
        const comp = [...cur.slice(0, a), ...cur.slice(b)];
        if (await test(comp)) { cur = comp; n = Math.max(n - 1, 2); reduced = true; break; }
      }
    }
    if (!reduced) {
      if (n >= cur.length) break;
      n = Math.min(cur.length, n * 2);
    }
  }
  if (cur.length === 1 && tests < budget && await test([])) cur = [];
  return { items: cur, tests };
}
