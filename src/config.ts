/**
 * Configuration found upward from each plan: the office's templates folder, and the rules' settings.
 *
 * - `templates: ./mau-co-quan` names the office's templates folder (relative to the config file), used by every
 *   command when `--templates` is not given: it adds its families to the package's (src/profile.ts templateRoots).
 *
 * Rule configuration (ESLint's model), so that `validate --strict` can be adopted in CI:
 *
 * - a `kehoach.config.yaml` found upward from each plan (the nearest one wins; the search stays inside the project:
 *   see findConfig), giving each rule a severity: `off`, `warning` or `error`; `validate` names on stderr each
 *   config that sets a rule's level (configNotes), so a severity is never changed unseen;
 * - an inline comment that suppresses the named rules on the next line of YAML, with the reason after "--":
 *   `# kehoach-disable-next-line chu-ky/tm-pho -- kept as the original was signed`.
 *
 * Mistakes in either are reported at file:line:col (unknown rule id with a suggestion, bad severity, unknown key).
 */
import { existsSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { DEFAULT_TEMPLATES_DIR } from './profile.js';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, type Pair, type Scalar } from 'yaml';
import { KehoachError, type Diagnostic, type Severity } from './errors.js';
import { openTextKey, readPlanText } from './load.js';
import { msg, type Lang } from './i18n/messages.js';
import { suggest } from './validate/schema.js';

/** File name of the rule configuration. */
export const CONFIG_FILE = 'kehoach.config.yaml';
/** The inline suppression directive (in a YAML comment on the line(s) just above the value). */
export const DISABLE_NEXT_LINE = 'kehoach-disable-next-line';
/** The rule id of a suppression comment naming a rule that does not exist (a warning, with the nearest id). */
export const UNKNOWN_SUPPRESSION = 'config/unknown-suppression';
/** The rule id of a suppression comment naming a rule that finds nothing on the line it applies to (a warning). */
export const UNUSED_SUPPRESSION = 'config/unused-suppression';

export type RuleSetting = Severity | 'off';
const SETTINGS: readonly RuleSetting[] = ['off', 'warning', 'error'];

/**
 * A loaded configuration: rule id → setting, the office's templates folder (absolute, an existing folder; absent
 * when the file names none or names it wrongly), and the problems found in the file itself.
 */
export interface RuleConfig { file: string; rules: Map<string, RuleSetting>; templates?: string; diagnostics: Diagnostic[] }

/** The key naming the office's templates folder (as the command line's `--templates`). */
export const TEMPLATES_KEY = 'templates';
const KEYS = ['rules', TEMPLATES_KEY];

const shown = (p: string) => { const r = relative(process.cwd(), p); return r && !r.startsWith('..') && !isAbsolute(r) ? r : p; };

/** The folders that hold .git or package.json mark a project's root: the config search goes no higher. */
const PROJECT_MARKERS = ['.git', 'package.json'];

/**
 * Folders shared by unrelated work (the home folder, the system's temporary folder, the filesystem root): a config
 * lying there would silently apply to every plan below it, so the search never climbs into them.
 */
function sharedFolders(): Set<string> {
  const out = new Set<string>();
  for (const f of [() => homedir(), () => tmpdir()]) { try { const d = f(); if (d) out.add(resolve(d)); } catch { /* no home */ } }
  return out;
}

/**
 * The configuration file that applies to a plan: the nearest kehoach.config.yaml in its folder or above, within its
 * project. The plan's own folder is always looked in; climbing then stops after the first folder holding `.git` or
 * `package.json` (the project's root, whose config is used), and never enters the home folder, the system's
 * temporary folder or the filesystem root: a config forgotten there, or left in the shared /tmp by someone else,
 * turned error rules off for every plan below it (issue 23, item 6). Within a run (configRun) a plan folder is
 * searched once and its answer kept until the run ends; outside any run every call searches.
 * @returns the absolute path, or undefined
 */
export function findConfig(planPath: string): string | undefined {
  const folder = dirname(resolve(planPath));
  return runMemo('config', folder, () => searchUp(folder));
}

/** findConfig's walk from a plan's folder (every folder's existsSync of the config and the project markers). */
function searchUp(folder: string): string | undefined {
  let dir = folder;
  const shared = sharedFolders();
  for (;;) {
    const f = join(dir, CONFIG_FILE);
    if (existsSync(f)) return f;
    if (PROJECT_MARKERS.some((m) => existsSync(join(dir, m)))) return undefined;
    const up = dirname(dir);
    if (up === dir || shared.has(up) || dirname(up) === up) return undefined;
    dir = up;
  }
}

/** The answers of the lookups a run keeps (runMemo), by lookup then key; undefined outside any run. */
let memo: Map<string, Map<string, unknown>> | undefined;
/** How many configRun calls are under way in this thread (nested or overlapping: they share one set of answers). */
let runs = 0;

/**
 * Runs `fn` as one run of a command over many plans (`validate` of files, a `batch`, a worker's chunk of either), in
 * which the lookups of what lies around a plan on disk are made once per folder (runMemo): findConfig walks up from
 * each plan folder once, src/inherit.ts defaultsFor looks for _defaults.yaml and .git in each folder once. Their
 * answers are kept until the last run under way ends, so a folder of 1,000 plans costs one search instead of several
 * per plan (the templates folder, the rules' settings, each finding, the shared values). A config or _defaults.yaml
 * created or deleted while a run is under way may go unseen by that run; the next run sees it.
 * Long-lived sessions (`render --watch`, the language server) call these lookups outside any run: each then walks the
 * folders again, so a file created later is seen at once.
 * @returns what `fn` returns (its exceptions passed on; the answers are dropped either way)
 */
export async function configRun<T>(fn: () => T | Promise<T>): Promise<T> {
  if (runs++ === 0) memo = new Map();
  try {
    return await fn();
  } finally {
    if (--runs === 0) memo = undefined;
  }
}

/**
 * The answer of lookup `table` for `key` (a folder): within a run (configRun) computed once and kept until the run
 * ends; outside any run computed on every call. The answer is shared by every caller in the run: never mutate it.
 * @param table the lookup's name (each lookup its own answers)
 * @param compute the lookup itself (its exceptions passed on, nothing kept)
 */
export function runMemo<T>(table: string, key: string, compute: () => T): T {
  if (!memo) return compute();
  let answers = memo.get(table);
  if (!answers) memo.set(table, (answers = new Map()));
  if (answers.has(key)) return answers.get(key) as T;
  const value = compute();
  answers.set(key, value);
  return value;
}

const configCache = new Map<string, { key: string; config: RuleConfig }>();

/**
 * Reads and checks a configuration file (cached per path, size and mtime). It is read as a plan file is (src/load.ts
 * readPlanText: regular files only, bounded): a folder, FIFO or device of that name is an error at its path
 * (rule config/file), never read.
 * @param known the rule ids that may be configured
 * @returns the settings and diagnostics (errors) for an unreadable file, unknown keys, unknown rule ids and bad
 *   severities
 */
export function loadConfig(path: string, known: readonly string[], lang: Lang = 'vi'): RuleConfig {
  const file = shown(path);
  let st;
  try { st = statSync(path); } catch { st = undefined; }
  const key = `${openTextKey(path) ?? `${st?.size}:${st?.mtimeMs}:${st?.isFile()}`}:${lang}`;
  const hit = configCache.get(`${path}\0${known.length}`);
  if (hit?.key === key) return hit.config;
  const lc = new LineCounter();
  let text: string;
  try {
    text = readPlanText(path, lang);
  } catch (e) {
    if (!(e instanceof KehoachError && e.diagnostics.length)) throw e;
    const config: RuleConfig = { file, rules: new Map<string, RuleSetting>(), diagnostics: e.diagnostics.map((d) => ({ ...d, file, rule: 'config/file' })) };
    configCache.set(`${path}\0${known.length}`, { key, config });
    return config;
  }
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const rules = new Map<string, RuleSetting>();
  let templates: string | undefined;
  const diagnostics: Diagnostic[] = [];
  const at = (node: { range?: [number, number, number] | null } | null | undefined, rule: string, message: string, hint?: string) => {
    const p = lc.linePos(node?.range?.[0] ?? 0);
    diagnostics.push({ file, line: p.line, column: p.col, severity: 'error', rule, message, ...(hint ? { hint } : {}) });
  };
  const hint = (word: string, candidates: readonly string[]) => {
    const s = suggest(word, candidates);
    return s ? msg('hint/did-you-mean', lang, { suggestion: s }) : undefined;
  };
  if (doc.errors.length) {
    const e = doc.errors[0];
    const p = lc.linePos(e.pos[0]);
    diagnostics.push({ file, line: p.line, column: p.col, severity: 'error', rule: 'config/syntax', message: msg('config/syntax', lang, { detail: e.message.split('\n')[0] }) });
  } else if (doc.contents !== null && !isMap(doc.contents)) {
    at(doc.contents, 'config/shape', msg('config/shape', lang));
  } else if (isMap(doc.contents)) {
    for (const pair of doc.contents.items as Pair[]) {
      const k = isScalar(pair.key) ? String(pair.key.value) : '';
      if (k === TEMPLATES_KEY) {
        const v = isScalar(pair.value) ? pair.value.value : undefined;
        const dir = typeof v === 'string' && v.trim() ? resolve(dirname(path), v.trim()) : undefined;
        if (!dir) at((pair.value ?? pair.key) as Scalar, 'config/templates', msg('config/templates-shape', lang));
        else if (!isFolder(dir)) at(pair.value as Scalar, 'config/templates', msg('config/templates-missing', lang, { dir: shown(dir) }));
        else templates = dir;
        continue;
      }
      if (k !== 'rules') { at(pair.key as Scalar, 'config/unknown-key', msg('config/unknown-key', lang, { key: k }), hint(k, KEYS)); continue; }
      if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) continue;
      if (!isMap(pair.value)) { at(pair.value as Scalar, 'config/shape', msg('config/shape', lang)); continue; }
      for (const r of pair.value.items as Pair[]) {
        const id = isScalar(r.key) ? String(r.key.value) : '';
        const v = isScalar(r.value) ? String(r.value.value) : '';
        if (!known.includes(id)) { at(r.key as Scalar, 'config/unknown-rule', msg('config/unknown-rule', lang, { id }), hint(id, known)); continue; }
        if (!(SETTINGS as readonly string[]).includes(v)) { at((r.value ?? r.key) as Scalar, 'config/bad-severity', msg('config/bad-severity', lang, { value: v, id }), hint(v, SETTINGS)); continue; }
        rules.set(id, v as RuleSetting);
      }
    }
  }
  const config: RuleConfig = { file, rules, ...(templates ? { templates } : {}), diagnostics };
  configCache.set(`${path}\0${known.length}`, { key, config });
  return config;
}

const isFolder = (dir: string) => { try { return statSync(dir).isDirectory(); } catch { return false; } };

/**
 * The office's templates folder for a plan (or a document, or the folder `init` writes into: pass a file inside it):
 * `templates:` of the kehoach.config.yaml that applies to it (findConfig), resolved against the config's folder.
 * Callers use it when no `--templates` is given.
 * @returns the absolute folder; undefined for no config, a config naming none, or a name without a file ("<stdin>")
 * @throws KehoachError (usage, rule config/templates, at the config's file:line:col) when the key is not a path or
 *   names no folder: a command never silently falls back to the package's families
 */
export function configuredTemplates(file: string | undefined, lang: Lang = 'vi'): string | undefined {
  if (!file || file.startsWith('<')) return undefined;
  const path = findConfig(file);
  if (!path) return undefined;
  const config = loadConfig(path, [], lang);
  const bad = config.diagnostics.find((d) => d.rule === 'config/templates');
  if (bad) throw new KehoachError(`${bad.file}:${bad.line}:${bad.column}: ${bad.message}`, [bad], 'usage');
  return config.templates;
}

/**
 * The templates folder a command uses for a file: `templatesDir` (`--templates`) when given, else the config's
 * (configuredTemplates), else the package's.
 * @throws KehoachError as configuredTemplates
 */
export function templatesFor(templatesDir: string | undefined, file: string | undefined, lang: Lang = 'vi'): string {
  return templatesDir ?? configuredTemplates(file, lang) ?? DEFAULT_TEMPLATES_DIR;
}

/** One suppression comment: the line it applies to and the rules it names. */
interface Directive { line: number; commentLine: number; column: number; rules: string[]; ruleColumns: number[] }

/**
 * Suppression comments per plan file (by size and mtime), for --watch and the files a run reads more than once.
 * Bounded (oldest dropped first): a batch reads thousands of plans once each, and a directive's rule ids are slices
 * of the file's whole text, so an unbounded cache kept every plan's text alive (memory grew with the plan count).
 */
const directiveCache = new Map<string, { key: string; directives: Directive[] }>();
const DIRECTIVE_CACHE_SIZE = 64;

/**
 * The `# kehoach-disable-next-line rule[, rule] [-- reason]` comments of a YAML text. A run of comment lines
 * directly above a line all apply to it.
 */
export function parseDirectives(text: string): Directive[] {
  const lines = text.split(/\r?\n/);
  const out: Directive[] = [];
  const re = new RegExp(`#\\s*${DISABLE_NEXT_LINE}\\b(.*)$`, 'u');
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i]);
    if (!m || lines[i].slice(0, m.index).trim() !== '') continue;
    const list = m[1].split(/\s--\s?/u)[0];
    const start = m.index + m[0].length - m[1].length; // offset of the list in the line
    const rules: string[] = [];
    const ruleColumns: number[] = [];
    for (const r of list.matchAll(/[^\s,]+/gu)) { rules.push(r[0]); ruleColumns.push(start + r.index + 1); }
    let target = i + 1;
    while (target < lines.length && /^\s*(#.*)?$/u.test(lines[target])) target++;
    out.push({ line: target + 1, commentLine: i + 1, column: m.index + 1, rules, ruleColumns });
  }
  return out;
}

/** The suppression comments of a text (none to look for without the directive's name: no parse). */
const directivesIn = (text: string): Directive[] => (text.includes(DISABLE_NEXT_LINE) ? parseDirectives(text) : []);

/**
 * The suppression comments of a plan file: from the editor's text while it is open, else from the file (read again
 * only when its size or mtime changed: directiveCache). A caller that holds the text it loaded passes it to
 * applyRuleConfig (`opts.text`) instead, and the file is neither stat'ed nor read here.
 * @returns undefined for a name without a file ("<stdin>"), a missing or unreadable file, or not a regular file
 */
function directivesOf(file: string): { directives: Directive[] } | undefined {
  if (!file || file.startsWith('<')) return undefined;
  // a file open in the editor (src/lsp/server.ts): its comments as typed
  let key = openTextKey(file);
  if (!key) {
    if (!existsSync(file)) return undefined;
    let st;
    try { st = statSync(file); } catch { return undefined; }
    if (!st.isFile()) return undefined;
    key = `${st.size}:${st.mtimeMs}`;
  }
  let hit = directiveCache.get(file);
  if (hit?.key !== key) {
    let text: string;
    try { text = readPlanText(file); } catch { return undefined; }
    hit = { key, directives: directivesIn(text) };
    directiveCache.delete(file);
    if (directiveCache.size >= DIRECTIVE_CACHE_SIZE) directiveCache.delete(directiveCache.keys().next().value!);
    directiveCache.set(file, hit);
  }
  return { directives: hit.directives };
}

/**
 * Applies the configuration and the suppression comments to diagnostics of configurable rules: drops those set
 * `off` or suppressed on their line, sets the configured severity on the others, and adds the problems of the
 * configuration files and comments involved (each once). Diagnostics of other rules pass unchanged.
 * @param known ids of the configurable rules (the rules of src/rules and the register's)
 * @param files plan files whose configuration is checked even without a finding (and whose suppression comments are
 *   checked for unknown rule ids when the file has a finding)
 * @param opts `comments: false` for files that are not YAML (a Word document judged by `kehoach check`): no
 *   suppression comment is looked for in them, only the configuration applies. `unused: true` when `diags` holds
 *   every finding every rule made on `files` (the plan was schema-valid, all rules ran): the comments of `files` are
 *   then always read, and each rule id a comment names without a finding of that rule on its line is reported
 *   (warning `config/unused-suppression`; the register's ids excepted: the register is judged over many plans).
 *   `text`: the text the plan of `files` (its only file) was loaded from (src/load.ts PlanSource.text): its comments
 *   are read from it, and the file is not read a second time; without it they are read from the file (directivesOf)
 */
export function applyRuleConfig(diags: Diagnostic[], known: readonly string[], lang: Lang = 'vi', files: string[] = [], opts: { comments?: boolean; unused?: boolean; text?: string } = {}): Diagnostic[] {
  const comments = opts.comments ?? true;
  // The comments of each file, looked up once per call (a plan with many findings is not stat'ed once a finding).
  const loaded = opts.text !== undefined && files.length === 1 && files[0] && !files[0].startsWith('<') ? files[0] : undefined;
  const comm = new Map<string, Directive[] | undefined>();
  const directives = (file: string): Directive[] | undefined => {
    if (comm.has(file)) return comm.get(file);
    const ds = file === loaded ? directivesIn(opts.text!) : directivesOf(file)?.directives;
    comm.set(file, ds);
    return ds;
  };
  const out: Diagnostic[] = [];
  const extra = new Map<string, Diagnostic>();
  const addExtra = (d: Diagnostic) => extra.set(`${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`, d);
  const configFor = (file: string): RuleConfig | undefined => {
    if (!file || file.startsWith('<')) return undefined;
    const path = findConfig(file);
    if (!path) return undefined;
    const c = loadConfig(path, known, lang);
    c.diagnostics.forEach(addExtra);
    return c;
  };
  const checkDirectives = (file: string, unusedToo: boolean) => {
    for (const d of directives(file) ?? []) {
      // each unknown id at its own column: reports are told apart by file:line:col and rule (issue 23, item 22)
      for (const [i, id] of d.rules.entries()) {
        const column = d.ruleColumns[i] ?? d.column;
        if (!known.includes(id)) {
          const s = suggest(id, known);
          addExtra({ file, line: d.commentLine, column, severity: 'warning', rule: UNKNOWN_SUPPRESSION, message: msg('config/unknown-suppression', lang, { id }), ...(s ? { hint: msg('hint/did-you-mean', lang, { suggestion: s }) } : {}) });
        } else if (unusedToo && !id.startsWith('register/') && !diags.some((x) => x.file === file && x.line === d.line && x.rule === id)) {
          addExtra({ file, line: d.commentLine, column, severity: 'warning', rule: UNUSED_SUPPRESSION, message: msg('config/unused-suppression', lang, { id, line: d.line }), hint: msg('config/unused-suppression-hint', lang, { id }) });
        }
      }
    }
  };
  // Without `unused`, comments are read only in files with findings (a clean plan is not read twice): a misspelt rule
  // in a comment matters only where it fails to suppress something.
  for (const f of files) {
    configFor(f);
    if (comments && (opts.unused || diags.some((d) => d.file === f && known.includes(d.rule)))) checkDirectives(f, !!opts.unused);
  }
  for (const d of diags) {
    if (!known.includes(d.rule)) { out.push(d); continue; }
    const setting = configFor(d.file)?.rules.get(d.rule);
    if (setting === 'off') continue;
    if (comments && directives(d.file)?.some((x) => x.line === d.line && x.rules.includes(d.rule))) continue;
    out.push(setting ? { ...d, severity: setting } : d);
  }
  return [...out, ...extra.values()];
}

/**
 * The configuration files that set a rule's level for the given plan files, one line each for `validate` to show
 * on stderr (so that a severity is never changed by a file the user does not see; stdout stays parseable in the
 * json and github formats). A config that sets no rule, or has only mistakes, gives no line (its mistakes are
 * reported as diagnostics).
 * @returns the lines, one per config file, in the order first met
 */
export function configNotes(files: readonly string[], known: readonly string[], lang: Lang = 'vi'): string[] {
  const seen = new Map<string, string>();
  for (const f of files) {
    if (!f || f.startsWith('<')) continue;
    const path = findConfig(f);
    if (!path || seen.has(path)) continue;
    const c = loadConfig(path, known, lang);
    seen.set(path, c.rules.size ? msg('config/used', lang, { file: c.file, rules: [...c.rules].map(([id, v]) => `${id}: ${v}`).join(', ') }) : '');
  }
  return [...seen.values()].filter(Boolean);
}
