/**
 * Which plans a batch renders and where each output goes: inputs (folders or globs) → plan files with the root
 * they are mirrored from; outputs under `outdir`, never outside it; stable shards.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep, dirname } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export interface PlanEntry {
  /** Path of the plan as found (relative to the working directory when the input was). */
  input: string;
  /** The folder its path is mirrored from. */
  root: string;
  /** Path of the output relative to outdir, e.g. "2025/ubnd/kh-01.docx". */
  rel: string;
}

import { IGNORE, HIDDEN_GLOB } from '../batch/validate.js';

/** The static folder in front of a glob pattern: "plans/2025/*.yaml" → "plans/2025". */
export function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const i = parts.findIndex((p) => isDynamicPattern(p));
  return i <= 0 ? '.' : parts.slice(0, i).join('/');
}

/**
 * Finds the plans of the given folders, globs or files, sorted by output path.
 * @returns plans, the arguments that matched nothing, and the dot-named *.yaml files of the folders, left out as
 *   `validate` leaves them out (src/batch/validate.ts)
 */
export async function discover(args: string[]): Promise<{ plans: PlanEntry[]; unmatched: string[]; hidden: string[] }> {
  const plans: PlanEntry[] = [];
  const unmatched: string[] = [];
  const hidden: string[] = [];
  for (const arg of args) {
    const st = await stat(arg).catch(() => null);
    let root: string;
    let files: string[];
    if (st?.isDirectory()) {
      root = arg;
      files = (await glob('**/*.{yaml,yml}', { cwd: arg, ignore: IGNORE })).map((f) => join(arg, f));
      hidden.push(...(await glob(HIDDEN_GLOB, { cwd: arg, ignore: IGNORE, dot: true })).map((f) => join(arg, f)));
    }
    else if (st?.isFile()) { root = dirname(arg); files = [arg]; }
    else if (isDynamicPattern(arg)) { root = globBase(arg); files = await glob(arg, { ignore: IGNORE }); }
    else { unmatched.push(arg); continue; }
    if (!files.length) unmatched.push(arg);
    for (const f of files) plans.push({ input: f, root, rel: relative(root, f).replace(/\.ya?ml$/, '.docx') });
  }
  // The same file reached twice (two arguments, or through a symbolic link, even a loop) is one plan.
  const seen = new Set<string>();
  const real = (f: string) => { try { return realpathSync(f); } catch { return resolve(f); } };
  const sorted = plans.sort((a, b) => a.input.length - b.input.length || (a.input < b.input ? -1 : 1));
  const unique = sorted.filter((p) => { const k = real(p.input); if (seen.has(k)) return false; seen.add(k); return true; });
  const named = new Set(plans.map((p) => p.input));
  return { plans: unique.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : a.input < b.input ? -1 : 1)), unmatched, hidden: [...new Set(hidden)].filter((f) => !named.has(f)).sort() };
}

/**
 * The output file of a plan under outdir.
 * @returns the absolute path, or null when it would leave outdir (a ".." or absolute name)
 */
export function outputFor(outdir: string, rel: string): string | null {
  if (isAbsolute(rel) || rel.split(/[\\/]/).includes('..')) return null;
  const base = resolve(outdir);
  const out = resolve(base, rel);
  return out.startsWith(base + sep) ? out : null;
}

/**
 * True when writing `output` stays inside `outdir` once symbolic links are followed: the nearest existing folder
 * on its way resolves inside the real outdir (a sub-folder that is a link to elsewhere is refused).
 */
export function staysInside(outdir: string, output: string): boolean {
  // The system's realpath(3): one call, where Node's own realpathSync lstat's every component of the path in
  // JavaScript (twice a plan in a batch worker: 1.4 % of its time, issue 22).
  let base: string;
  try { base = realpathSync.native(outdir); } catch { return true; }
  for (let dir = dirname(resolve(output)); ; dir = dirname(dir)) {
    let real: string;
    try { real = realpathSync.native(dir); } catch { if (dirname(dir) === dir) return true; continue; }
    return real === base || real.startsWith(base + sep);
  }
}

/** Parses "--shard i/n" (1 ≤ i ≤ n). */
export function parseShard(s: string): { i: number; n: number } | null {
  const m = /^(\d+)\/(\d+)$/.exec(s);
  if (!m) return null;
  const i = Number(m[1]);
  const n = Number(m[2]);
  return n >= 1 && i >= 1 && i <= n ? { i, n } : null;
}

/** Stable slice: a plan belongs to shard 1 + (hash of its output path mod n), whatever else is in the batch. */
export function inShard(rel: string, shard: { i: number; n: number }): boolean {
  const h = createHash('sha1').update(rel.split(sep).join('/')).digest().readUInt32BE(0);
  return (h % shard.n) + 1 === shard.i;
}
