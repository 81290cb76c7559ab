/**
 * `kehoach fix` / `validate --fix`: rewrites a plan's YAML for the mechanical findings, editing only the source
 * text of the values concerned (comments, key order, quoting and layout stay as written):
 *
 * - dates in a date field written another way than the plan's (read by src/form/dates.ts): `dd/mm/yyyy` (or with
 *   "." or "-"; NĐ 30/2020 writes the day first), ISO without a leading zero (`2026-12-7`), the date line
 *   ("ngày 05 tháng 02 năm 2025") → `yyyy-mm-dd` (or what the field holds: a draft's year, a phase's month);
 * - the findings of every rule that offers a fix (`fix` on the rule, src/rules/types.ts; the fixer only applies what
 *   the rules give): today `so-thu-tu/tu-viet` (a number or "-" typed in front of a heading, numbered paragraph or
 *   bullet is removed), `trich-yeu/dau-cham` (the trích yếu's final full stop is removed), `van-ban/khoang-trang`
 *   (doubled spaces become one; spaces at the start or end go) and `chu-ky/tien-to` (`KT.`/`K/T`, `TL.`/`T/L`,
 *   `TUQ.`/`T/UQ`, `Q.` typed in the signing form is removed and given as `quyen_han` when it is not already set
 *   otherwise; `TM.`/`T/M` typed in thay_mat is removed).
 *
 * Findings suppressed by a kehoach.config.yaml or a `# kehoach-disable-next-line` comment are left alone, and so is
 * a text the fix would leave empty (a text of spaces, or a number with nothing after it): the plan stays valid. The file is
 * read as a plan is (regular files only, bounded: src/load.ts readPlanText), and written only when something changed,
 * through src/write-file.cts: never half-written, a symbolic link's target written (the link kept), the mode and owner
 * kept, and a file with several hard links written in place once the whole text is on disk, so every name sees it.
 */
import { LineCounter, parseDocument, isMap, isScalar, isPair, Scalar, type Document, type Node, type YAMLMap, type Pair } from 'yaml';
import type { Diagnostic } from './errors.js';
import { KehoachError } from './errors.js';
import { msg, ioReason, type Lang } from './i18n/messages.js';
import { loadPlanWithInheritance } from './inherit.js';
import { loadPlanText, layeredLocator, readPlanText } from './load.js';
import { deepMerge } from './merge.js';
import { checkSource } from './pipeline.js';
import { loadProfile } from './profile.js';
import { RULES, CONFIGURABLE_RULE_IDS, onDocument } from './rules/index.js';
import { applyRuleConfig, templatesFor } from './config.js';
import type { Path, PlanRule } from './rules/types.js';
import type { KeHoach } from './types/plan.js';
import { writeFileAtomic } from './write.js';
import { dateFieldFormat, isoFor, readDate, type DateFormatName } from './form/dates.js';

/** One change made by the fixer, at the position of the value in the original file. */
export interface FixChange { file: string; line: number; column: number; rule: string; before: string; after: string }

/** Result of fixing one file: the changes, the new text, and whether errors remain that kept rules from running. */
export interface FixResult { file: string; changes: FixChange[]; text: string; blocked: boolean }

/** The rules that offer a fix (`fix` of src/rules/types.ts), in the registry's order. */
export const FIXABLE_RULES: readonly PlanRule[] = RULES.filter((r): r is PlanRule => !onDocument(r) && !!r.fix);
const fixable = new Set(FIXABLE_RULES.map((r) => r.id));


/**
 * The plan form of a date written another way (30/6/2027, 2026-12-7, "ngày 05 tháng 02 năm 2025") for a field of
 * this schema format; undefined when it is already in the plan's form, or is not a real date.
 */
export function planDate(value: string, format: DateFormatName): string | undefined {
  const r = readDate(value);
  return r.ok && r.form !== 'iso' ? isoFor(r, format) : undefined;
}

interface Edit { start: number; end: number; text: string }

/** The source text of a flow scalar holding `value`, in the style of the original where YAML allows it. */
function scalarSource(node: Scalar, value: string, inFlow: boolean): string {
  if (node.type === Scalar.QUOTE_SINGLE && !value.includes('\n')) return `'${value.replace(/'/g, "''")}'`;
  if (node.type === Scalar.PLAIN && value && !value.includes('\n') && !(inFlow && /[,[\]{}]/.test(value))) {
    try {
      const back = parseDocument(`k: ${value}\n`);
      if (!back.errors.length && (back.get('k') as unknown) === value) return value;
    } catch { /* quote it */ }
  }
  return JSON.stringify(value); // a valid YAML double-quoted scalar
}

/** Applies a text change to a scalar's source: block scalars (| >) are edited line by line in place. */
function editScalar(text: string, node: Scalar, inFlow: boolean, change: (v: string) => string, blockChange: (src: string) => string): Edit | undefined {
  const [start, end] = node.range ?? [0, 0];
  const before = String(node.value);
  const after = change(before);
  if (after === before) return undefined;
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    const src = text.slice(start, end);
    const nl = src.indexOf('\n');
    const body = blockChange(src.slice(nl + 1));
    return body === src.slice(nl + 1) ? undefined : { start: start + nl + 1, end, text: body };
  }
  return { start, end, text: scalarSource(node, after, inFlow) };
}

/** The value node at a data path in one YAML document (undefined when this file does not hold it). */
function nodeAt(doc: Document, path: Path): { node: Node; parent: YAMLMap | undefined; pair: Pair | undefined; inFlow: boolean } | undefined {
  let node: unknown = doc.contents;
  let parent: YAMLMap | undefined;
  let pair: Pair | undefined;
  let inFlow = false;
  for (const seg of path) {
    if (isMap(node)) {
      inFlow ||= !!node.flow;
      parent = node;
      pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg)) as Pair | undefined;
      node = pair?.value;
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
      inFlow ||= !!(node as { flow?: boolean }).flow;
      parent = undefined;
      node = (node as { items: unknown[] }).items[Number(seg)];
    } else return undefined;
    if (node === undefined || node === null) return undefined;
  }
  return { node: node as Node, parent, pair, inFlow };
}

/** Sets a value at a data path of plain data whose parent exists. */
function setAt(data: unknown, path: Path, value: unknown): void {
  const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], data);
  if (parent && typeof parent === 'object') (parent as Record<string, unknown>)[path[path.length - 1]] = value;
}

const apply = (text: string, edits: Edit[]) => [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);

/** Pass 1: date fields written another way than YYYY-MM-DD. Works on any YAML (the plan need not be valid yet). */
function fixDates(file: string, text: string, changes: FixChange[]): string {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) return text;
  const edits: Edit[] = [];
  const walk = (node: unknown, inFlow: boolean, parentKey?: string) => {
    if (isMap(node)) {
      for (const p of node.items) {
        const key = isScalar(p.key) ? String(p.key.value) : undefined;
        const format = key === undefined ? undefined : dateFieldFormat(key, parentKey);
        if (format && isScalar(p.value) && typeof p.value.value === 'string') {
          const iso = planDate(p.value.value, format);
          if (iso) {
            const [start, end] = p.value.range ?? [0, 0];
            edits.push({ start, end, text: iso });
            const pos = lc.linePos(start);
            changes.push({ file, line: pos.line, column: pos.col, rule: 'schema/date', before: p.value.value, after: iso });
          }
        } else walk(p.value, inFlow || !!node.flow, key);
      }
    } else if (node && typeof node === 'object' && 'items' in node) for (const x of (node as { items: unknown[] }).items) walk(x, inFlow, parentKey);
  };
  walk(doc.contents, false);
  return apply(text, edits);
}

/** Options of fix: `templatesDir`, the office's templates folder (--templates; default: the plan's config's). */
export interface FixOptions { templatesDir?: string }

/**
 * Computes the fixes of one plan file (without writing).
 * @throws KehoachError when the file cannot be read as YAML (as `validate` reports it), or its kehoach.config.yaml
 *   names no templates folder
 */
export async function fixPlan(file: string, lang: Lang = 'vi', opts: FixOptions = {}): Promise<FixResult> {
  const changes: FixChange[] = [];
  let text = fixDates(file, readPlanText(file, lang), changes);
  // A value with two findings (a typed number and a doubled space) is fixed over successive passes.
  for (let pass = 0; pass < 4; pass++) {
    const before = changes.length;
    const r = await fixRules(file, text, changes, lang, opts);
    text = r.text;
    if (r.blocked) return { file, changes, text, blocked: true };
    if (changes.length === before) break;
  }
  return { file, changes, text, blocked: false };
}

/** Pass 2: the rules' own findings on the merged plan (with _defaults.yaml, ke_thua), fixed where this file holds them. */
async function fixRules(file: string, text: string, changes: FixChange[], lang: Lang, opts: FixOptions): Promise<{ text: string; blocked: boolean }> {  const inherited = await loadPlanWithInheritance(file, { lang });
  const own = loadPlanText(text, inherited.layers[0].file, { lang });
  const layers = [own, ...inherited.layers.slice(1)];
  let data: unknown = {};
  for (const l of [...layers].reverse()) data = deepMerge(data, l.data);
  if (data && typeof data === 'object') delete (data as Record<string, unknown>).ke_thua;
  const locate = layeredLocator(layers);
  const templatesDir = templatesFor(opts.templatesDir, file, lang);
  const check = checkSource({ file: own.file, data, locate }, { lang, templatesDir });
  if (check.diagnostics.some((d) => d.severity === 'error' && !fixable.has(d.rule))) {
    return { text, blocked: true };
  }
  const plan = data as KeHoach;
  const profile = loadProfile(plan.khoi, templatesDir, lang);
  const ctx = { plan, profile, lang, lineOf: (p: Path) => locate(p).line };
  const edits: Edit[] = [];
  const taken = new Set<number>();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  for (const rule of FIXABLE_RULES) {
    for (const f of rule.check(ctx)) {
      const at = nodeAt(doc, f.path);
      if (!at || !isScalar(at.node) || typeof at.node.value !== 'string' || taken.has(at.node.range![0])) continue;
      const pos = lineCounter.linePos(at.node.range![0]);
      const diag: Diagnostic = { file: own.file, line: pos.line, column: pos.col, severity: rule.severity, rule: rule.id, message: '' };
      if (!applyRuleConfig([diag], CONFIGURABLE_RULE_IDS, lang).some((d) => d.rule === rule.id)) continue; // suppressed or off
      const node = at.node as Scalar;
      const fix = rule.fix!(f, { plan, profile, lang });
      if (!fix) continue; // ambiguous: left to the clerk
      // A fix that would leave the text empty (" " with its spaces removed, "1. " without its number) would make a
      // valid plan invalid (a text is never empty): left to the clerk too.
      if (!fix.value(String(node.value)).trim()) continue;
      let extra = '';
      if (fix.insert && at.parent && at.pair) {
        // A sibling key the fix gives (e.g. quyen_han), before the fixed one, in the mapping's style; set in the data
        // too, so that the same signer's other fields see it (one insertion even when two fields carry the prefix).
        const keyStart = (at.pair.key as Scalar).range![0];
        const indent = text.slice(text.lastIndexOf('\n', keyStart - 1) + 1, keyStart);
        const { key, value, note } = fix.insert;
        edits.push({ start: keyStart, end: keyStart, text: at.parent.flow ? `${key}: ${value}, ` : `${key}: ${value}\n${indent}` });
        extra = `, ${note}`;
        setAt(plan, [...f.path.slice(0, -1), key], value);
      }
      const edit = editScalar(text, node, at.inFlow, fix.value, fix.block);
      if (!edit) continue;
      taken.add(node.range![0]);
      edits.push(edit);
      changes.push({ file: own.file, line: pos.line, column: pos.col, rule: rule.id, before: JSON.stringify(node.value), after: JSON.stringify(fix.value(String(node.value))) + extra });
    }
  }
  return { text: apply(text, edits), blocked: false };
}

/**
 * Fixes plan files in place and reports each change (file:line:col  before → after  [rule]) to `out`;
 * `quiet` leaves out the files with nothing to fix.
 * @returns the number of files that could not be fixed fully (their YAML unreadable, or errors left)
 * @throws KehoachError (kind "io") when a fixed file cannot be written (the old file is left as it was)
 */
export async function fixFiles(files: string[], lang: Lang, out: NodeJS.WritableStream, opts: { quiet?: boolean } & FixOptions = {}): Promise<number> {
  let blocked = 0;
  for (const file of files) {
    let r: FixResult;
    try { r = await fixPlan(file, lang, opts); } catch (e) {
      if (!(e instanceof KehoachError)) throw e;
      blocked++; // validate reports it; fix alone says why (a device, a folder, a file too large, broken YAML)
      if (!opts.quiet) for (const d of e.diagnostics) out.write(`${d.file}:${d.line}:${d.column}  ${d.message}  [${d.rule}]\n`);
      continue;
      throw e;
    }
    if (r.changes.length) {
      try {
        await writeFileAtomic(file, Buffer.from(r.text));
      } catch (e) {
        throw new KehoachError(msg('batch/write-failed', lang, { file, reason: ioReason(e, lang) }), [], 'io');
      }
      out.write(msg('fix/changed', lang, { file, count: r.changes.length }) + '\n');
      for (const c of r.changes) out.write(`  ${msg('fix/item', lang, c as unknown as Record<string, string | number>)}\n`);
    }
    if (r.blocked) { blocked++; out.write(msg('fix/has-errors', lang, { file }) + '\n'); }
    else if (!r.changes.length && !opts.quiet) out.write(msg('fix/none', lang, { file }) + '\n');
  }
  return blocked;
}
