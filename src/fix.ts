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
 * Findings suppressed by a kehoach.config.yaml or a `# kehoach-disable-next-line` comment are left alone (the comments
 * are read from the text being fixed, so a line fix inserted above one does not move it off its line; an inserted key
 * goes above the comments of the key it is inserted for), and so is a text the fix would leave empty (a text of spaces,
 * or a number with nothing after it): the plan stays valid. A value shared through a YAML anchor that an alias uses
 * (`&a` … `*a`, or a path through an alias) is not changed: the fix is refused with a note naming the anchor and every
 * line the change would reach (FixResult.notes), since the change may be wrong at a place the user did not see. The file is
 * read as a plan is (regular files only, bounded: src/load.ts readPlanText), and written only when something changed,
 * through src/write-file.cts: never half-written, a symbolic link's target written (the link kept), the mode and owner
 * kept, and a file with several hard links written in place once the whole text is on disk, so every name sees it.
 */
import { LineCounter, parseDocument, visit, isAlias, isMap, isScalar, isPair, Scalar, type Alias, type Document, type Node, type YAMLMap, type Pair } from 'yaml';
import type { Diagnostic } from './errors.js';
import { KehoachError } from './errors.js';
import { msg, ioReason, type Lang } from './i18n/messages.js';
import { isDefaultsFile, loadMerged as merged } from './inherit.js';
export { isDefaultsFile } from './inherit.js';
import { loadPlanFile, loadPlanText, layeredLocator, readPlanText, type LoadedPlan } from './load.js';
import { isFamily } from './form/families.js';
import { readdirSync } from 'node:fs';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { dirname, join, resolve } from 'node:path';
import { deepMerge } from './merge.js';
import { checkSource } from './pipeline.js';
import { loadProfile } from './profile.js';
import { RULES, CONFIGURABLE_RULE_IDS, onDocument } from './rules/index.js';
import { applyRuleConfig, templatesFor, parseDirectives, DISABLE_NEXT_LINE } from './config.js';
import type { Finding, Path, PlanRule } from './rules/types.js';
import type { KeHoach } from './types/plan.js';
import { writeFileAtomic } from './write.js';
import { dateFieldFormat, isoFor, readDate, type DateFormatName } from './form/dates.js';

/** One change made by the fixer, at the position of the value in the original file. */
export interface FixChange { file: string; line: number; column: number; rule: string; before: string; after: string }

/**
 * A fix not made, with why (today: the value is shared through a YAML anchor, issue 23 item 21), at the position of
 * the value in the fixed text.
 */
export interface FixNote { file: string; line: number; column: number; rule: string; message: string }

/**
 * Result of fixing one file: the changes, the fixes refused (`notes`), the new text and the text read, whether errors
 * kept the rules from running (`blocked`: only dates were fixed), and the errors left after fixing.
 */
export interface FixResult { file: string; changes: FixChange[]; notes: FixNote[]; text: string; original: string; blocked: boolean; errors: Diagnostic[] }

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

/**
 * The value node at a data path in one YAML document (undefined when this file does not hold it). A path through an
 * alias (`*a`) leads into its anchor's node; `via` is the first alias passed (where the path's value is written).
 */
function nodeAt(doc: Document, path: Path): { node: Node; parent: YAMLMap | undefined; pair: Pair | undefined; inFlow: boolean; via?: Alias } | undefined {
  let node: unknown = doc.contents;
  let parent: YAMLMap | undefined;
  let pair: Pair | undefined;
  let inFlow = false;
  let via: Alias | undefined;
  const deref = () => {
    for (let i = 0; isAlias(node) && i < 64; i++) { via ??= node; node = node.resolve(doc); }
  };
  deref();
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
    deref();
    if (node === undefined || node === null || isAlias(node)) return undefined;
  }
  return { node: node as Node, parent, pair, inFlow, via };
}

/**
 * Where the anchored nodes of a document are used through aliases (issue 23, item 21): for a node, the anchors of
 * the anchored nodes holding it (itself included) that some alias uses, and the lines of the node and of every such
 * alias; undefined when no alias reaches it. An edit of such a node changes the value at every one of these lines.
 */
function sharing(doc: Document, lc: LineCounter): (node: Node) => { anchors: string; lines: string } | undefined {
  const uses: { target: Node; alias: Alias }[] = [];
  visit(doc, {
    Alias(_, a) {
      const t = a.resolve(doc) as Node | undefined;
      if (t?.range) uses.push({ target: t, alias: a });
    },
  });
  return (node) => {
    if (!uses.length || !node.range) return undefined;
    const [s, e] = node.range;
    const hits = uses.filter((u) => u.target.range![0] <= s && e <= u.target.range![1]);
    if (!hits.length) return undefined;
    const anchors = [...new Set(hits.map((h) => `&${(h.target as { anchor?: string }).anchor}`))].join(', ');
    const lines = [...new Set([lc.linePos(s).line, ...hits.map((h) => lc.linePos(h.alias.range![0]).line)])].sort((a, b) => a - b);
    return { anchors, lines: lines.join(', ') };
  };
}

/** Sets a value at a data path of plain data whose parent exists. */
function setAt(data: unknown, path: Path, value: unknown): void {
  const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], data);
  if (parent && typeof parent === 'object') (parent as Record<string, unknown>)[path[path.length - 1]] = value;
}

/**
 * The start of the run of comment lines directly above a line (offset `lineStart`), written at the line's own
 * indentation `indent` (a line indented more may be a block scalar's text, not a comment); `lineStart` when none.
 */
function commentsAbove(text: string, lineStart: number, indent: string): number {
  let start = lineStart;
  while (start > 0) {
    const prev = text.lastIndexOf('\n', start - 2) + 1;
    const line = text.slice(prev, start - 1);
    if (!line.startsWith(`${indent}#`) || /^\s/.test(line.slice(indent.length))) break;
    start = prev;
  }
  return start;
}

const apply = (text: string, edits: Edit[]) => [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);

/** Pass 1: date fields written another way than YYYY-MM-DD. Works on any YAML (the plan need not be valid yet). */
function fixDates(file: string, text: string, changes: FixChange[], notes: FixNote[], lang: Lang, only?: FixOptions['only']): string {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) return text;
  const shared = sharing(doc, lc);
  const edits: Edit[] = [];
  const walk = (node: unknown, inFlow: boolean, parentKey?: string) => {
    if (isMap(node)) {
      for (const p of node.items) {
        const key = isScalar(p.key) ? String(p.key.value) : undefined;
        const format = key === undefined ? undefined : dateFieldFormat(key, parentKey);
        if (format && isScalar(p.value) && typeof p.value.value === 'string') {
          const iso = planDate(p.value.value, format);
          const [start, end] = p.value.range ?? [0, 0];
          const pos = lc.linePos(start);
          if (iso && (!only || only({ line: pos.line, column: pos.col, rule: 'schema/date' }))) {
            const sh = shared(p.value);
            if (sh) notes.push({ file, line: pos.line, column: pos.col, rule: 'schema/date', message: msg('fix/shared', lang, { before: p.value.value, after: iso, ...sh }) });
            else {
              edits.push({ start, end, text: iso });
              changes.push({ file, line: pos.line, column: pos.col, rule: 'schema/date', before: p.value.value, after: iso });
            }
          }
        } else walk(p.value, inFlow || !!node.flow, key);
      }
    } else if (node && typeof node === 'object' && 'items' in node) for (const x of (node as { items: unknown[] }).items) walk(x, inFlow, parentKey);
  };
  walk(doc.contents, false);
  return apply(text, edits);
}

/**
 * Options of fix: `templatesDir`, the office's templates folder (--templates; default: the plan's config's); `only`,
 * the findings to fix (by the position of the value fixed, 1-based, and the rule; `schema/date` for a date written
 * another way): the language server's quick fix of one diagnostic (src/lsp/server.ts). Default: every finding.
 */
export interface FixOptions { templatesDir?: string; only?: (finding: { line: number; column: number; rule: string }) => boolean }

/** Whether a file is a shared defaults file (`_defaults.yaml`, src/inherit.ts): it holds part of many plans. */

/**
 * Computes the fixes of one plan file, or of a `_defaults.yaml` (without writing). A `_defaults.yaml` is fixed as the
 * shared part of its plans: merged with the `_defaults.yaml` files above it, its missing fields are expected (never
 * block), and the family its rules read is its `khoi`, else that of the first plan of its folder that names one.
 * @returns the changes, the fixed text, and the errors left in it (`errors`: as `validate` would report them on the
 *   fixed text; for a `_defaults.yaml` its schema errors other than missing fields)
 * @throws KehoachError when the file cannot be read as YAML (as `validate` reports it), or its kehoach.config.yaml
 *   names no templates folder
 */
export async function fixPlan(file: string, lang: Lang = 'vi', opts: FixOptions = {}): Promise<FixResult> {
  const changes: FixChange[] = [];
  const original = readPlanText(file, lang);
  let text = fixDates(file, original, changes, [], lang, opts.only);
  // A value with two findings (a typed number and a doubled space) is fixed over successive passes. The fixes refused
  // are those of the last pass (each pass meets them again), at the lines of the text it read.
  let notes: FixNote[] = [];
  let blocked = false;
  for (let pass = 0; pass < 4; pass++) {
    const before = changes.length;
    const r = await fixRules(file, text, changes, lang, opts);
    text = r.text;
    notes = r.notes;
    if (r.blocked) { blocked = true; break; }
    if (changes.length === before) break;
  }
  // The dates refused, at their lines in the final text (a rule's fix may have inserted a line above them).
  const dateNotes: FixNote[] = [];
  fixDates(file, text, [], dateNotes, lang, opts.only);
  const sortedNotes = [...dateNotes, ...notes].sort((a, b) => a.line - b.line || a.column - b.column);
  return { file, changes, notes: sortedNotes, text, original, blocked, errors: await errorsLeft(file, text, lang, opts) };
}

/** The family a _defaults.yaml's rules read: its own (merged) khoi, else the first plan of its folder naming one. */
function sharedFamily(file: string, data: unknown, templatesDir: string): string | undefined {
  const ok = (k: unknown): k is string => typeof k === 'string' && isFamily(k, templatesDir);
  const own = (data as Record<string, unknown> | null)?.khoi;
  if (ok(own)) return own;
  const dir = dirname(resolve(file));
  let names: string[] = [];
  try { names = readdirSync(dir).filter((n) => /\.ya?ml$/u.test(n) && !n.startsWith('_') && !n.startsWith('.')).sort(); } catch { /* unreadable folder */ }
  for (const n of names) {
    try {
      const k = (loadPlanText(readPlanText(join(dir, n)), n).data as Record<string, unknown> | null)?.khoi;
      if (ok(k)) return k;
    } catch { /* not a plan */ }
  }
  return undefined;
}

/** The errors `validate` reports on the fixed text (a _defaults.yaml: its schema errors other than missing fields). */
async function errorsLeft(file: string, text: string, lang: Lang, opts: FixOptions): Promise<Diagnostic[]> {
  let m;
  try { m = await merged(file, text, lang); } catch (e) {
    if (e instanceof KehoachError && e.diagnostics.length) return e.diagnostics.filter((d) => d.severity === 'error');
    throw e;
  }
  const check = checkSource({ file: m.own.file, data: m.data, locate: m.locate }, { lang, templatesDir: templatesFor(opts.templatesDir, file, lang) });
  const errors = check.diagnostics.filter((d) => d.severity === 'error');
  return m.shared ? errors.filter((d) => d.file === m.own.file && d.rule !== 'schema/required') : errors;
}

/** Pass 2: the rules' own findings on the merged plan (with _defaults.yaml, ke_thua), fixed where this file holds them. */
async function fixRules(file: string, text: string, changes: FixChange[], lang: Lang, opts: FixOptions): Promise<{ text: string; notes: FixNote[]; blocked: boolean }> {
  const { own, data, locate, shared: partial } = await merged(file, text, lang);
  const templatesDir = templatesFor(opts.templatesDir, file, lang);
  let khoi: string | undefined;
  if (partial) {
    // a shared file is only part of a plan: its missing fields are expected, the rules see what it holds
    khoi = sharedFamily(file, data, templatesDir);
    if (!khoi) return { text, notes: [], blocked: true };
  } else {
    const check = checkSource({ file: own.file, data, locate }, { lang, templatesDir });
    if (check.diagnostics.some((d) => d.severity === 'error' && !fixable.has(d.rule))) {
      return { text, notes: [], blocked: true };
    }
    khoi = (data as KeHoach).khoi;
  }
  const plan = data as KeHoach;
  const profile = loadProfile(khoi, templatesDir, lang);
  const ctx = { plan, profile, lang, lineOf: (p: Path) => locate(p).line };
  const edits: Edit[] = [];
  const taken = new Set<number>();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const shared = sharing(doc, lineCounter);
  const notes: FixNote[] = [];
  const noted = new Set<string>();
  // The suppression comments of the text as it is now (issue 23, item 8): after an earlier pass inserted a line, the
  // file on disk (which applyRuleConfig would read) no longer has the comments at the lines of this text.
  const directives = text.includes(DISABLE_NEXT_LINE) ? parseDirectives(text) : [];
  const suppressed = (line: number, id: string) => directives.some((x) => x.line === line && x.rules.includes(id));
  for (const rule of FIXABLE_RULES) {
    let found: Finding[];
    // a shared file's data is a partial plan: a rule that needs a part it lacks finds nothing there
    try { found = rule.check(ctx); } catch (e) { if (!partial) throw e; found = []; }
    for (const f of found) {
      const at = nodeAt(doc, f.path);
      if (!at || !isScalar(at.node) || typeof at.node.value !== 'string' || taken.has(at.node.range![0])) continue;
      const pos = lineCounter.linePos((at.via ?? at.node).range![0]);
      if (opts.only && !opts.only({ line: pos.line, column: pos.col, rule: rule.id })) continue;
      const diag: Diagnostic = { file: own.file, line: pos.line, column: pos.col, severity: rule.severity, rule: rule.id, message: '' };
      if (suppressed(pos.line, rule.id)) continue;
      if (!applyRuleConfig([diag], CONFIGURABLE_RULE_IDS, lang, [], { comments: false }).some((d) => d.rule === rule.id)) continue; // off
      const node = at.node as Scalar;
      const fix = rule.fix!(f, { plan, profile, lang });
      if (!fix) continue; // ambiguous: left to the clerk
      // A fix that would leave the text empty (" " with its spaces removed, "1. " without its number) would make a
      // valid plan invalid (a text is never empty): left to the clerk too.
      if (!fix.value(String(node.value)).trim()) continue;
      const edit = editScalar(text, node, at.inFlow, fix.value, fix.block);
      if (!edit) continue;
      const before = JSON.stringify(node.value);
      const after = JSON.stringify(fix.value(String(node.value)));
      // A value an alias shares (issue 23, item 21): editing it would change every place that uses it, some of them
      // perhaps where the change is wrong; refused, naming the anchor and every line it reaches.
      const sh = shared(node);
      if (sh) {
        const key = `${node.range![0]}:${rule.id}`;
        if (!noted.has(key)) {
          noted.add(key);
          const np = lineCounter.linePos(node.range![0]);
          notes.push({ file: own.file, line: np.line, column: np.col, rule: rule.id, message: msg('fix/shared', lang, { before, after, ...sh }) });
        }
        continue;
      }
      let extra = '';
      if (fix.insert && at.parent && at.pair) {
        // A sibling key the fix gives (e.g. quyen_han), before the fixed one, in the mapping's style; set in the data
        // too, so that the same signer's other fields see it (one insertion even when two fields carry the prefix).
        const keyStart = (at.pair.key as Scalar).range![0];
        const lead = text.slice(text.lastIndexOf('\n', keyStart - 1) + 1, keyStart);
        const indent = lead.replace(/\S/g, ' '); // `  - thu_truong:` (a list's item): the next key under the first
        const { key, value, note } = fix.insert;
        // Above the comment lines that belong to the key (a suppression comment keeps the line it names).
        const above = at.parent.flow || lead !== indent ? keyStart : commentsAbove(text, keyStart - lead.length, indent) + indent.length;
        edits.push({ start: above, end: above, text: at.parent.flow ? `${key}: ${value}, ` : `${key}: ${value}\n${indent}` });
        extra = `, ${note}`;
        setAt(plan, [...f.path.slice(0, -1), key], value);
      }
      taken.add(node.range![0]);
      edits.push(edit);
      changes.push({ file: own.file, line: pos.line, column: pos.col, rule: rule.id, before, after: after + extra });
    }
  }
  return { text: apply(text, edits), notes, blocked: false };
}

/**
 * Fixes plan files (and `_defaults.yaml` files) in place and reports each change (file:line:col  before → after
 * [rule]) to `out`; `quiet` leaves out the files with nothing to fix. `dryRun` writes nothing: it prints a unified
 * diff of each file that would change to `out` (`--- file` / `+++ file`, for `patch -p0` or `git apply`), and the
 * changes and notes to `notes`.
 * @returns the number of files with errors left after fixing (their YAML unreadable, errors that kept the rules from
 *   running, or errors no fix removes), each named with its count
 * @throws KehoachError (kind "io") when a fixed file cannot be written (the old file is left as it was)
 */
export async function fixFiles(files: string[], lang: Lang, out: NodeJS.WritableStream, opts: { quiet?: boolean; dryRun?: boolean; notes?: NodeJS.WritableStream } & FixOptions = {}): Promise<number> {
  let failed = 0;
  const notes = opts.dryRun ? opts.notes ?? out : out;
  for (const file of files) {
    let r: FixResult;
    try { r = await fixPlan(file, lang, opts); } catch (e) {
      if (!(e instanceof KehoachError)) throw e;
      failed++; // validate reports it; fix alone says why (a device, a folder, a file too large, broken YAML)
      if (!opts.quiet) for (const d of e.diagnostics) notes.write(`${d.file}:${d.line}:${d.column}  ${d.message}  [${d.rule}]\n`);
      continue;
    }
    if (r.changes.length) {
      if (opts.dryRun) {
        out.write(createTwoFilesPatch(file, file, r.original, r.text, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY }));
      } else {
        try {
          await writeFileAtomic(file, Buffer.from(r.text));
        } catch (e) {
          throw new KehoachError(msg('batch/write-failed', lang, { file, reason: ioReason(e, lang) }), [], 'io');
        }
      }
      notes.write(msg(opts.dryRun ? 'fix/would-change' : 'fix/changed', lang, { file, count: r.changes.length }) + '\n');
      for (const c of r.changes) notes.write(`  ${msg('fix/item', lang, c as unknown as Record<string, string | number>)}\n`);
    }
    if (r.blocked) notes.write(msg(isDefaultsFile(file) ? 'fix/defaults-no-khoi' : 'fix/has-errors', lang, { file }) + '\n');
    else if (!r.changes.length && !r.errors.length && !r.notes.length && !opts.quiet) notes.write(msg('fix/none', lang, { file }) + '\n');
    if (r.errors.length || r.blocked) {
      failed++;
      if (r.errors.length && !opts.quiet) notes.write(msg('fix/errors-left', lang, { file, count: r.errors.length }) + '\n');
    }
    // the fixes refused are said even when quiet: validate then reports the finding, this says why it stayed
    for (const n of r.notes) notes.write(`  ${n.file}:${n.line}:${n.column}  ${n.message}  [${n.rule}]\n`);
  }
  return failed;
}
