/**
 * Shared values for many plans: a `_defaults.yaml` applies to the plans of its folder and every folder below it;
 * a plan may also name a file to inherit with `ke_thua: <path>` (relative to the plan). Merge: maps merge deeply,
 * lists replace, the plan wins; order from weakest: farthest _defaults.yaml … nearest, then the ke_thua chain
 * (farthest first), then the plan. Validation runs on the merged plan and places each diagnostic in the file that
 * gave the value.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { runMemo } from './config.js';
import { KehoachError } from './errors.js';
import { msg, type Lang } from './i18n/messages.js';
import { loadPlanFile, loadPlanText, layeredLocator, openTextKey, positionOf, type LoadedPlan, type PlanSource } from './load.js';
import { deepMerge } from './merge.js';

/** Name of the per-folder defaults file. */
export const DEFAULTS_FILE = '_defaults.yaml';

/** True for a folder's shared values (`_defaults.yaml`): a part of its plans, not a plan. */
export const isDefaultsFile = (file: string): boolean => basename(file) === DEFAULTS_FILE;

/**
 * The _defaults.yaml files that apply to a plan, nearest first: its folder and each parent, stopping after the
 * repository root (a folder holding .git) or at the filesystem root. Within a run (src/config.ts configRun) each
 * folder is looked in once and its answer kept until the run ends; outside any run (render --watch, the language
 * server) every call looks again, so a _defaults.yaml created later is seen at once.
 * @returns absolute paths (a new array: the caller may change it)
 */
export function defaultsFor(planPath: string): string[] {
  return defaultsFrom(dirname(resolve(planPath))).slice();
}

/** defaultsFor from folder `dir` (absolute) upward; within a run, one answer per folder (shared: never mutated). */
function defaultsFrom(dir: string): readonly string[] {
  return runMemo('defaults', dir, () => {
    const f = join(dir, DEFAULTS_FILE);
    const own = existsSync(f) ? [f] : [];
    if (existsSync(join(dir, '.git'))) return own;
    const up = dirname(dir);
    return up === dir ? own : own.concat(defaultsFrom(up));
  });
}

const cache = new Map<string, { key: string; plan: LoadedPlan }>();
/** Loads a shared file, cached per process by path, size and mtime (batch workers read the same defaults often). */
async function loadShared(path: string, lang: Lang, shown: string): Promise<LoadedPlan> {
  const open = openTextKey(path); // a file open in the editor (src/lsp/server.ts): its text as typed
  const st = open ? undefined : statSync(path);
  if (st && !st.isFile()) return loadPlanFile(path, { lang }); // refused there, with its message
  const key = `${open ?? `${st!.size}:${st!.mtimeMs}`}:${lang}`;
  const hit = cache.get(path);
  if (hit && hit.key === key) return hit.plan;
  const plan = await loadPlanFile(path, { lang });
  plan.file = shown;
  for (const n of plan.notes ?? []) n.file = shown;
  cache.set(path, { key, plan });
  return plan;
}

/** A plan with what it inherits: the merged source, and every loaded file it was made from (plan first). */
export interface InheritedPlan { source: PlanSource; layers: LoadedPlan[] }

/**
 * Loads a plan file with its _defaults.yaml files and ke_thua chain, and merges them.
 * @throws KehoachError for unreadable YAML in any of the files, a missing ke_thua file or a ke_thua cycle
 */
export async function loadPlanWithInheritance(path: string, opts: { lang?: Lang } = {}): Promise<InheritedPlan> {
  const lang = opts.lang ?? 'vi';
  const plan = await loadPlanFile(path, { lang });
  const layers: LoadedPlan[] = [plan];
  // ke_thua chain (nearest first); `real` is where the current file is on disk, `cur.file` the name shown
  const seen = new Set([resolve(path)]);
  for (let cur = plan, real = resolve(path); ; ) {
    const ref = (cur.data as Record<string, unknown>)?.ke_thua;
    if (ref === undefined || ref === null) break;
    const at = positionOf(cur, ['ke_thua']);
    const refuse = (message: string): never => {
      throw new KehoachError(message, [{ file: cur.file, line: at.line, column: at.column, severity: 'error', rule: 'plan/ke-thua', message, path: ['ke_thua'] }]);
    };
    if (typeof ref !== 'string' || !ref.trim()) refuse(msg('input/ke-thua-type', lang));
    const target = resolve(dirname(real), ref as string);
    if (seen.has(target)) refuse(msg('plan/inherit-cycle', lang, { file: ref as string }));
    if (!existsSync(target)) refuse(msg('plan/inherit-missing', lang, { file: ref as string }));
    seen.add(target);
    if (!statSync(target).isFile()) refuse(msg('input/not-a-file', lang, { file: ref as string }));
    cur = await loadShared(target, lang, isAbsolute(ref as string) ? (ref as string) : join(dirname(cur.file), ref as string));
    real = target;
    layers.push(cur);
  }
  for (const d of defaultsFor(path)) layers.push(await loadShared(d, lang, d.startsWith(resolve('.') + '/') ? d.slice(resolve('.').length + 1) : d));
  let data: unknown = {};
  for (const l of [...layers].reverse()) data = deepMerge(data, l.data);
  if (data && typeof data === 'object') delete (data as Record<string, unknown>).ke_thua;
  const notes = layers.flatMap((l) => l.notes ?? []);
  // The plan's own text (read once, here) goes with the source: its suppression comments are read from it.
  return { source: { file: plan.file, data, locate: layeredLocator(layers), ...(notes.length ? { notes } : {}), text: plan.text }, layers };
}

/**
 * The plan as merged from `text` (the file's text, possibly fixed or unsaved in an editor) and what it inherits: a
 * plan's ke_thua chain and _defaults.yaml files; a _defaults.yaml's own parents (the _defaults.yaml files above it).
 * @returns `own` (this file's layer), the merged `data` (ke_thua removed), a locator over the layers, and `shared`:
 *   true for a _defaults.yaml, which is only a part of its plans (missing fields expected)
 * @throws KehoachError for YAML that cannot be read (at its file:line:col)
 */
export async function loadMerged(file: string, text: string, lang: Lang) {
  const shared = isDefaultsFile(file);
  let layers: LoadedPlan[];
  let ownName: string;
  if (shared) {
    const self = resolve(file);
    const parents = defaultsFor(file).filter((f) => f !== self);
    layers = [];
    for (const f of parents) layers.push(await loadPlanFile(f, { lang }));
    ownName = file;
  } else {
    const inherited = await loadPlanWithInheritance(file, { lang });
    layers = inherited.layers.slice(1);
    ownName = inherited.layers[0].file;
  }
  const own = loadPlanText(text, ownName, { lang });
  layers = [own, ...layers];
  let data: unknown = {};
  for (const l of [...layers].reverse()) data = deepMerge(data, l.data);
  if (data && typeof data === 'object') delete (data as Record<string, unknown>).ke_thua;
  return { own, data, locate: layeredLocator(layers), shared };
}
