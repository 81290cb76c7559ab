/**
 * Batch worker (runs in a worker thread): for one plan, hash its inputs, skip it when unchanged (--incremental),
 * otherwise load with inheritance, validate, render and write the .docx atomically. Returns a serialisable result.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { loadPlanWithInheritance } from '../inherit.js';
import { checkSource, renderView } from '../pipeline.js';
import { writeFileAtomic } from '../write.js';
import { KehoachError, type Diagnostic } from '../errors.js';
import type { Lang } from '../i18n/messages.js';
import type { KeHoach } from '../types/plan.js';
import { registerEntry } from './register.js';

export interface Task {
  input: string;
  output: string;
  lang: Lang;
  templatesDir?: string;
  /** Hash of the templates folder and the tool version (computed once by the main thread). */
  environmentHash: string;
  /** The previous run's manifest entry: with the output present and an equal input hash, the plan is skipped. */
  previous?: { input_hash: string; content_hash?: string };
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
    const facts = { input_hash: inputHash, so_ky_hieu: meta.so_ky_hieu, ngay: meta.ngay, register: registerEntry(inherited.source) };
    if (task.previous?.input_hash === inputHash && existsSync(task.output)) {
      return { ...base, status: 'skipped', ...facts, ...(task.previous.content_hash ? { content_hash: task.previous.content_hash } : {}), diagnostics: check.diagnostics };
    }
    const bytes = await renderView(check.view, data.khoi, { lang: task.lang, ...(task.templatesDir ? { templatesDir: task.templatesDir } : {}) });
    await writeFileAtomic(task.output, bytes);
    return { ...base, status: 'rendered', ...facts, content_hash: sha256(bytes), diagnostics: check.diagnostics };
  } catch (e) {
    if (e instanceof KehoachError) return { ...base, status: 'failed', diagnostics: e.diagnostics.length ? e.diagnostics : [{ file: task.input, line: 1, column: 1, severity: 'error', rule: 'batch/io', message: e.message }] };
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ...base, status: 'failed', diagnostics: [{ file: task.input, line: 1, column: 1, severity: 'error', rule: 'internal', message }] };
  }
}
