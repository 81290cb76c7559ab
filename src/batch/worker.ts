/**
 * Batch worker (runs in a worker thread): for one plan, hash its inputs, skip it when unchanged (--incremental),
 * otherwise load with inheritance, validate, render and write the .docx atomically. Returns a serialisable result.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { loadPlanWithInheritance } from '../inherit.js';
import { checkSource, renderView } from '../pipeline.js';
import { writeFileAtomic } from '../write.js';
import { mayReplace } from '../own-output.js';
import { KehoachError, type Diagnostic } from '../errors.js';
import { msg, ioReason, type Lang } from '../i18n/messages.js';
import type { KeHoach } from '../types/plan.js';
import { registerEntry } from './register.js';
import { staysInside } from './plan-set.js';

export interface Task {
  input: string;
  output: string;
  /** The batch's output folder: nothing is written outside it, symbolic links followed. */
  outdir: string;
  lang: Lang;
  templatesDir?: string;
  /** Hash of the templates folder and the tool version (computed once by the main thread). */
  environmentHash: string;
  /** The previous run's manifest entry: with an equal input hash and the output's bytes still hashing to its
   * content hash (not truncated, not edited), the plan is skipped. */
  previous?: { input_hash: string; content_hash?: string };
  /** Replace an existing output kehoach did not write (src/own-output.ts); without it the plan fails. */
  forceOverwrite?: boolean;
}

/** What the manifest records for a plan. */
export interface TaskResult {
  input: string;
  output: string;
  status: 'rendered' | 'skipped' | 'failed';
  input_hash?: string;
  content_hash?: string;
  so_ky_hieu?: string;
  ngay?: string | null;
  /** Facts for the register check. */
  register?: ReturnType<typeof registerEntry>;
  diagnostics: Diagnostic[];
}

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** SHA-256 of an existing output, or undefined when it cannot be read. */
async function outputHash(path: string): Promise<string | undefined> {
  try { return sha256(await readFile(path)); } catch { return undefined; }
}

export default async function run(task: Task): Promise<TaskResult> {
  const base = { input: task.input, output: task.output };
  try {
    const inherited = await loadPlanWithInheritance(task.input, { lang: task.lang });
    const h = createHash('sha256').update(task.environmentHash);
    for (const l of inherited.layers) h.update(l.file).update('\0').update(l.text).update('\0');
    const inputHash = h.digest('hex');
    const check = checkSource(inherited.source, { lang: task.lang, ...(task.templatesDir ? { templatesDir: task.templatesDir } : {}) });
    const data = inherited.source.data as KeHoach;
    const errors = check.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length || !check.view) return { ...base, status: 'failed', input_hash: inputHash, diagnostics: check.diagnostics };
    const meta = check.view.meta;
    const facts = { input_hash: inputHash, so_ky_hieu: meta.so_ky_hieu, ngay: meta.ngay, register: registerEntry(inherited.source, check.profile!) };
    const prev = task.previous;
    if (prev?.input_hash === inputHash && prev.content_hash && (await outputHash(task.output)) === prev.content_hash) {
      return { ...base, status: 'skipped', ...facts, content_hash: prev.content_hash, diagnostics: check.diagnostics };
    }
    const bytes = await renderView(check.view, data.khoi, { lang: task.lang, ...(task.templatesDir ? { templatesDir: task.templatesDir } : {}) });
    const at = { file: task.input, line: 1, column: 1, severity: 'error' as const };
    if (!staysInside(task.outdir, task.output)) {
      return { ...base, status: 'failed', ...facts, diagnostics: [...check.diagnostics, { ...at, rule: 'batch/outside', message: msg('batch/outside-link', task.lang, { output: task.output }) }] };
    }
    // An output the previous manifest lists is kehoach's own, even when damaged since (truncated: re-rendered).
    if (!task.forceOverwrite && !task.previous && !mayReplace(task.output)) {
      return { ...base, status: 'failed', ...facts, diagnostics: [...check.diagnostics, { ...at, rule: 'batch/not-ours', message: msg('cli/not-ours', task.lang, { file: task.output }) }] };
    }
    try {
      await writeFileAtomic(task.output, bytes);
    } catch (e) {
      // A full disk or a read-only folder fails this plan with a clear message; the batch goes on and reports it.
      return { ...base, status: 'failed', ...facts, diagnostics: [...check.diagnostics, { ...at, rule: 'batch/write', message: msg('batch/write-failed', task.lang, { file: task.output, reason: ioReason(e, task.lang) }) }] };
    }
    return { ...base, status: 'rendered', ...facts, content_hash: sha256(bytes), diagnostics: check.diagnostics };
  } catch (e) {
    if (e instanceof KehoachError) return { ...base, status: 'failed', diagnostics: e.diagnostics.length ? e.diagnostics : [{ file: task.input, line: 1, column: 1, severity: 'error', rule: 'batch/io', message: e.message }] };
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ...base, status: 'failed', diagnostics: [{ file: task.input, line: 1, column: 1, severity: 'error', rule: 'internal', message }] };
  }
}
