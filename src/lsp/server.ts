/**
 * `kehoach lsp`: a language server for plans (Language Server Protocol over stdio, on vscode-languageserver), so an
 * editor shows what `kehoach validate` says as the clerk types, in the clerk's language.
 *
 * - Diagnostics: `validate`'s own path (src/batch/validate.ts checkFiles → checkFile → loadPlanWithInheritance →
 *   checkSource): the schema and every rule, kehoach.config.yaml, the suppression comments, _defaults.yaml and
 *   ke_thua. The editor's unsaved text of each open file is read instead of the file (src/load.ts setOpenText), so a
 *   plan, its _defaults.yaml and its config are judged as typed. Each diagnostic is placed by the same locator
 *   (file:line:col; LSP positions are 0-based, in UTF-16 code units as yaml's columns are); one in another file (a
 *   _defaults.yaml, the config) is shown on the plan's first line with that place.
 * - Quick fixes: the rules' fixes, applied by src/fix.ts (`kehoach fix`): one finding, or every fix of the file.
 * - Completion: the families (src/form/families.ts), the family's signing forms (src/form/signing.ts over its
 *   layout.yaml) and the collective its head signs for (`thay_mat`), its numbering (`danh_so` of its layout), the schema's listed values and keys, and rule ids in a
 *   `# kehoach-disable-next-line` comment (src/config.ts).
 * - Hover: the field's title and description (schemas/ke-hoach.schema.json) and, on a finding, its rule's
 *   description and legal source (src/rules/).
 *
 * The plans among the YAML files an editor opens: see isPlanDocument (others get no findings).
 *
 * Language: `initializationOptions.lang` ("vi" or "en"), else `--lang` / KEHOACH_LANG given to the command, else the
 * editor's `locale` (vi… → Vietnamese, any other → English), else Vietnamese.
 *
 * The command line loads this module (and the LSP library) only for `kehoach lsp` (src/cli/main.ts).
 */
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DiagnosticSeverity, CodeActionKind, CompletionItemKind, MarkupKind,
  StreamMessageReader, StreamMessageWriter,
  type Connection, type Diagnostic as LspDiagnostic, type CodeAction, type CompletionItem, type InitializeParams, type Hover, type Range, type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { basename, resolve } from 'node:path';
import type { Diagnostic } from '../errors.js';
import { msg, type Lang } from '../i18n/messages.js';
import { setOpenText } from '../load.js';
import { checkFiles } from '../batch/validate.js';
import { validatePlan } from '../index.js';
import { fixPlan, FIXABLE_RULES, type FixChange } from '../fix.js';
import { RULES, CONFIGURABLE_RULE_IDS, onDocument } from '../rules/index.js';
import { CONFIG_FILE, DISABLE_NEXT_LINE, templatesFor } from '../config.js';
import { DEFAULTS_FILE, defaultsFor, loadPlanWithInheritance } from '../inherit.js';
import { loadProfile, type LayoutProfile } from '../profile.js';
import { listFamilies, loadFamily } from '../form/families.js';
import { SIGNING_CODES, signingAllowed, signingForm, signingLine, type SigningCode } from '../form/signing.js';
import { keyPathAt, describe, enumAt, keysAt, type KeyPath } from './context.js';

/** Options of the server from the command line. */
export interface ServerOptions {
  /** The language given on the command line (--lang, KEHOACH_LANG); undefined when none was. */
  lang?: Lang;
  /** The office's templates folder (--templates); default: each plan's kehoach.config.yaml's, else the package's. */
  templatesDir?: string;
  /** Streams (default: stdin and stdout). */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** What the client may pass in `initializationOptions`. */
interface InitOptions { lang?: string; locale?: string; debounceMs?: number }

/** The server's language from the client's options, the command line and the editor's locale. */
export function serverLang(params: Pick<InitializeParams, 'locale' | 'initializationOptions'>, cli?: Lang): Lang {
  const o = (params.initializationOptions ?? {}) as InitOptions;
  const pick = (v: unknown): Lang | undefined => (typeof v === 'string' && v ? (v.toLowerCase().startsWith('vi') ? 'vi' : 'en') : undefined);
  return pick(o.lang) ?? cli ?? pick(o.locale) ?? pick(params.locale) ?? 'vi';
}

/** The rule ids a suppression comment can use in a plan: every configurable one but a Word document's layout rules. */
const COMMENT_RULE_IDS = CONFIGURABLE_RULE_IDS.filter((id) => { const r = RULES.find((x) => x.id === id); return !r || !onDocument(r); });

/**
 * Whether an open YAML file is a plan the server checks (an editor opens every YAML file of a folder with it: a CI
 * workflow or a layout.yaml is not a plan): a `_defaults.yaml`, a file whose top level names `khoi:` or `ke_thua:`
 * or whose `# yaml-language-server: $schema=` names the plan schema, or a file a _defaults.yaml applies to (it takes
 * its `khoi` from there). kehoach.config.yaml is never a plan.
 */
export function isPlanDocument(path: string | undefined, text: string): boolean {
  const name = path ? basename(path) : '';
  if (name === CONFIG_FILE) return false;
  if (name === DEFAULTS_FILE) return true;
  if (/^(khoi|ke_thua)\s*:/mu.test(text) || /\$schema=\S*ke-hoach[\w.-]*schema\.json/u.test(text)) return true;
  return !!path && defaultsFor(path).length > 0;
}

const FIXABLE = new Set([...FIXABLE_RULES.map((r) => r.id), 'schema/date']);
const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** The data a diagnostic carries back to the server for its quick fix. */
interface DiagData { rule: string; line: number; column: number }

/**
 * An LSP diagnostic of a kehoach diagnostic of the document at `path` (lines of `lines`): at its line and column, to
 * the end of that line's text; one in another file on the first line, naming its place.
 */
export function toLspDiagnostic(d: Diagnostic, path: string, lines: readonly string[], lang: Lang): LspDiagnostic {
  const here = resolve(d.file) === path;
  const severity = d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
  const text = d.hint ? `${d.message}\n${d.hint}` : d.message;
  if (!here) {
    const other = { start: { line: d.line - 1, character: d.column - 1 }, end: { line: d.line - 1, character: d.column - 1 } };
    return {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: (lines[0] ?? '').length } },
      severity, code: d.rule, source: 'kehoach',
      message: msg('lsp/other-file', lang, { file: d.file, line: d.line, column: d.column, message: text }),
      relatedInformation: [{ location: { uri: pathToFileURL(resolve(d.file)).href, range: other }, message: d.message }],
    };
  }
  const line = Math.max(0, d.line - 1);
  const start = Math.max(0, d.column - 1);
  const lineText = lines[line] ?? '';
  const end = Math.max(start + 1, lineText.trimEnd().length);
  const data: DiagData = { rule: d.rule, line: d.line, column: d.column };
  return { range: { start: { line, character: start }, end: { line, character: end } }, severity, code: d.rule, source: 'kehoach', message: text, data };
}

/** The one edit turning `before` into `after`: the changed middle, the common start and end kept. */
function minimalEdit(doc: TextDocument, after: string): TextEdit {
  const before = doc.getText();
  let a = 0;
  while (a < before.length && a < after.length && before[a] === after[a]) a++;
  let b = 0;
  while (b < before.length - a && b < after.length - a && before[before.length - 1 - b] === after[after.length - 1 - b]) b++;
  return { range: { start: doc.positionAt(a), end: doc.positionAt(before.length - b) }, newText: after.slice(a, after.length - b) };
}

const pathOf = (uri: string): string | undefined => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);

/**
 * Starts the server on stdio (or the given streams) and serves until the client says exit.
 * @returns the connection (listening)
 */
export function startServer(opts: ServerOptions = {}): Connection {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(opts.input ?? process.stdin), new StreamMessageWriter(opts.output ?? process.stdout));
  const documents = new TextDocuments(TextDocument);
  let lang: Lang = opts.lang ?? 'vi';
  // The pause for more typing before a check: the checks of the largest example take ~4 ms on a warm server, so a
  // short pause only saves checking text that is already stale (bench/lsp.mjs measures keystroke → diagnostics).
  let debounceMs = 15;
  /** The last findings of each open document (for hover and the quick fixes). */
  const findings = new Map<string, LspDiagnostic[]>();
  const timers = new Map<string, NodeJS.Timeout>();

  connection.onInitialize((params) => {
    lang = serverLang(params, opts.lang);
    const o = (params.initializationOptions ?? {}) as InitOptions;
    if (typeof o.debounceMs === 'number' && o.debounceMs >= 0) debounceMs = o.debounceMs;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.kehoach`] },
        completionProvider: { triggerCharacters: [':', ' ', '-', ',', '/', '['] },
        hoverProvider: true,
      },
      serverInfo: { name: 'kehoach' },
    };
  });

  /** Checks one document as `validate` checks its file, and publishes the findings (skipped when it changed since). */
  async function check(doc: TextDocument): Promise<void> {
    const path = pathOf(doc.uri);
    const version = doc.version;
    let diags: Diagnostic[];
    if (path) setOpenText(path, doc.getText()); // a plan, or a file plans read (a config, a ke_thua file)
    if (!isPlanDocument(path, doc.getText())) diags = [];
    else if (path) {
      const [r] = await checkFiles([path], { lang, jobs: 1, ...(opts.templatesDir ? { templatesDir: opts.templatesDir } : {}) });
      diags = r.diagnostics;
    } else diags = validatePlan(doc.getText(), { lang, file: '<untitled>' });
    const current = documents.get(doc.uri);
    if (!current || current.version !== version) return;
    const lines = doc.getText().split(/\r?\n/);
    const out = diags.map((d) => toLspDiagnostic(d, path ?? resolve(d.file), lines, lang));
    findings.set(doc.uri, out);
    await connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: out });
  }

  /**
   * Checks the changed document soon (after `debounceMs` of quiet), then the other open plans it may change: all of
   * them after a change to a shared file (a _defaults.yaml or another `_` file, kehoach.config.yaml, a YAML file that
   * is no plan of its own), and those naming a `ke_thua` after any change.
   */
  function schedule(doc: TextDocument): void {
    clearTimeout(timers.get(doc.uri));
    timers.set(doc.uri, setTimeout(() => {
      timers.delete(doc.uri);
      void (async () => {
        try {
          await check(doc);
          const path = pathOf(doc.uri);
          const shared = !path || basename(path).startsWith('_') || basename(path) === CONFIG_FILE || !isPlanDocument(path, doc.getText());
          for (const other of documents.all()) {
            if (other.uri === doc.uri || timers.has(other.uri)) continue;
            if (shared || /^ke_thua\s*:/mu.test(other.getText())) await check(other);
          }
        } catch (e) {
          connection.console.error(`kehoach: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        }
      })();
    }, debounceMs));
  }

  documents.onDidOpen((e) => schedule(e.document));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    const path = pathOf(e.document.uri);
    if (path) setOpenText(path, undefined);
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    findings.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const path = doc && pathOf(doc.uri);
    if (!doc || !path) return [];
    setOpenText(path, doc.getText());
    const actions: CodeAction[] = [];
    const tried = new Set<string>();
    const wanted = params.context.only;
    const wants = (kind: string) => !wanted || wanted.some((k) => kind === k || kind.startsWith(`${k}.`));
    if (wants(CodeActionKind.QuickFix)) {
      for (const d of params.context.diagnostics) {
        const data = d.data as DiagData | undefined;
        if (d.source !== 'kehoach' || !data || !FIXABLE.has(data.rule)) continue;
        const key = `${data.rule}:${data.line}`;
        if (tried.has(key)) continue;
        tried.add(key);
        const r = await fixPlan(path, lang, { ...(opts.templatesDir ? { templatesDir: opts.templatesDir } : {}), only: (f) => f.rule === data.rule && f.line === data.line });
        if (!r.changes.length) continue;
        actions.push({
          title: r.changes.map((c: FixChange) => msg('lsp/fix-one', lang, { before: c.before, after: c.after })).join('; '),
          kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true,
          edit: { changes: { [doc.uri]: [minimalEdit(doc, r.text)] } },
        });
      }
    }
    const fixAllKind = `${CodeActionKind.SourceFixAll}.kehoach`;
    if ((actions.length && !wanted) || (wanted && wants(fixAllKind))) {
      const all = await fixPlan(path, lang, opts.templatesDir ? { templatesDir: opts.templatesDir } : {});
      if (all.changes.length > 1 || (wanted && all.changes.length)) {
        actions.push({ title: msg('lsp/fix-all', lang, { count: all.changes.length }), kind: wanted ? fixAllKind : CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: [minimalEdit(doc, all.text)] } } });
      }
    }
    return actions;
  });

  /** The family a document's plan names (with its _defaults.yaml and ke_thua), and its layout; undefined when none. */
  async function familyOf(doc: TextDocument): Promise<{ khoi: string; profile: LayoutProfile; templatesDir: string } | undefined> {
    const path = pathOf(doc.uri);
    const templatesDir = safe(() => templatesFor(opts.templatesDir, path, lang));
    if (!templatesDir) return undefined;
    let khoi: unknown;
    if (path) {
      setOpenText(path, doc.getText());
      khoi = await loadPlanWithInheritance(path, { lang }).then((p) => (p.source.data as { khoi?: unknown })?.khoi, () => undefined);
    } else khoi = /^khoi:\s*([\w-]+)/mu.exec(doc.getText())?.[1];
    if (typeof khoi !== 'string') return undefined;
    const profile = safe(() => loadProfile(khoi as string, templatesDir, lang));
    return profile ? { khoi, profile, templatesDir } : undefined;
  }

  connection.onCompletion(async (params): Promise<CompletionItem[]> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const lines = doc.getText().split(/\r?\n/);
    const row = params.position.line;
    const before = (lines[row] ?? '').slice(0, params.position.character);
    // a rule id in a suppression comment
    const directive = new RegExp(`^\\s*#\\s*${DISABLE_NEXT_LINE}\\b(.*)$`, 'u').exec(before);
    if (directive) {
      if (/\s--(\s|$)/u.test(directive[1])) return [];
      const word = /[^\s,]*$/u.exec(before)![0];
      const range: Range = { start: { line: row, character: params.position.character - word.length }, end: params.position };
      return COMMENT_RULE_IDS.map((id) => {
        const rule = RULE_BY_ID.get(id);
        return { label: id, kind: CompletionItemKind.EnumMember, textEdit: { range, newText: id }, filterText: id, ...(rule ? { detail: rule.description[lang], documentation: msg('lsp/rule-source', lang, { source: rule.source }) } : {}) };
      });
    }
    if (/^\s*#/u.test(before)) return [];
    const kv = /^(\s*)((?:-\s+)*)([A-Za-z_]\w*)\s*:(?:\s+([^#]*))?$/u.exec(before);
    if (kv) {
      const path = keyPathAt([...lines.slice(0, row), `${kv[1]}${kv[2]}${kv[3]}:`], row);
      if (!path) return [];
      const value = kv[4] ?? '';
      const inList = value.startsWith('[');
      const partial = inList ? /[^[,]*$/u.exec(value)![0].trimStart() : value;
      const range: Range = { start: { line: row, character: params.position.character - partial.length }, end: params.position };
      return valueItems(doc, inList ? [...path, '*'] : path, range, inList);
    }
    // a list item under a key (danh_so: - "I.")
    const item = /^(\s*)-\s+([^#]*)$/u.exec(before);
    if (item) {
      const path = keyPathAt([...lines.slice(0, row), `${item[1]}- x`], row);
      if (!path) return [];
      const partial = item[2];
      const range: Range = { start: { line: row, character: params.position.character - partial.length }, end: params.position };
      return valueItems(doc, path.slice(0, -1).concat('*'), range, true);
    }
    // a key of the mapping the line belongs to
    const key = /^(\s*)((?:-\s+)*)([A-Za-z_]\w*)?$/u.exec(before);
    if (key) {
      const probe = `${key[1]}${key[2]}__kehoach_probe__:`;
      const path = keyPathAt([...lines.slice(0, row), probe], row);
      if (!path) return [];
      const range: Range = { start: { line: row, character: params.position.character - (key[3] ?? '').length }, end: params.position };
      return keysAt(path.slice(0, -1)).map((k) => ({ label: k.key, kind: CompletionItemKind.Property, ...(k.title ? { detail: k.title } : {}), textEdit: { range, newText: `${k.key}: ` } }));
    }
    return [];
  });

  /** The values offered for the key path: the family's where the standard gives them, else the schema's list. */
  async function valueItems(doc: TextDocument, path: KeyPath, range: Range, inList: boolean): Promise<CompletionItem[]> {
    const last = path[path.length - 1];
    const parentKey = path[path.length - 2];
    const item = (label: string, detail?: string, sort?: number, documentation?: string): CompletionItem => ({
      label, kind: CompletionItemKind.Value, textEdit: { range, newText: label }, ...(detail ? { detail } : {}), ...(documentation ? { documentation } : {}),
      ...(sort !== undefined ? { sortText: String(sort).padStart(3, '0') } : {}),
    });
    if (path.length === 1 && last === 'khoi') {
      const path0 = pathOf(doc.uri);
      const dir = safe(() => templatesFor(opts.templatesDir, path0, lang));
      return (safe(() => listFamilies(dir, lang)) ?? []).map((f, i) => item(f.khoi, f.ten, i));
    }
    if (last === 'quyen_han' || last === 'thay_mat' || (last === '*' && parentKey === 'danh_so') || last === 'danh_so') {
      const fam = await familyOf(doc);
      if (last === 'quyen_han') {
        const codes = SIGNING_CODES.filter((c) => c !== 'TM' && (!fam || signingAllowed(fam.profile, c)));
        return codes.map((c: SigningCode, i) => item(c, fam ? msg('lsp/signing-form', lang, { form: signingForm(fam.profile, c), khoi: fam.khoi }) : undefined, i));
      }
      if (last === 'thay_mat') {
        // the collective the family's head signs for (mau.tm_tap_the) and its init sample (khoi_tao.thay_mat)
        if (!fam) return [];
        const sample = safe(() => loadFamily(fam.khoi, fam.templatesDir, lang).khoi_tao.thay_mat);
        const names = [...new Set([fam.profile.mau.tm_tap_the, sample].filter((v): v is string => typeof v === 'string' && !!v.trim()))];
        return names.map((v, i) => item(v, msg('lsp/signing-form', lang, { form: signingLine(fam.profile, 'TM', v), khoi: fam.khoi }), i));
      }
      const danhSo = fam?.profile.danh_so ?? [];
      if (!fam || !danhSo.length) return [];
      if (last === 'danh_so' && !inList) {
        const all = `[${danhSo.map((s) => JSON.stringify(s)).join(', ')}]`;
        return [item(all, msg('lsp/numbering', lang, { khoi: fam.khoi }), 0)];
      }
      return danhSo.map((s, i) => ({ ...item(JSON.stringify(s), msg('lsp/numbering-level', lang, { level: i + 1, khoi: fam.khoi }), i), filterText: s }));
    }
    return enumAt(path).map((v, i) => item(typeof v === 'string' ? (v === '' || /[:#"'[\]{},]|^\s|\s$/u.test(v) ? JSON.stringify(v) : v) : String(v), undefined, i));
  }

  connection.onHover((params): Hover | null => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const lines = doc.getText().split(/\r?\n/);
    const row = params.position.line;
    const parts: string[] = [];
    const line = lines[row] ?? '';
    // a rule id under the cursor in a suppression comment
    if (new RegExp(`#\\s*${DISABLE_NEXT_LINE}\\b`, 'u').test(line)) {
      for (const m of line.matchAll(/[a-z][\w-]*\/[\w-]+/gu)) {
        if (params.position.character < m.index! || params.position.character > m.index! + m[0].length) continue;
        const rule = RULE_BY_ID.get(m[0]);
        if (rule) parts.push(`**${rule.id}**: ${rule.description[lang]}\n\n${msg('lsp/rule-source', lang, { source: rule.source })}`);
      }
    } else {
      const path = keyPathAt(lines, row);
      const about = path && describe(path);
      if (path && about) {
        const note = msg('lsp/schema-only-vi', lang);
        parts.push(`**${about.title ?? path[path.length - 1]}** (\`${path.filter((s) => s !== '*').join('.')}\`)${about.description ? `\n\n${about.description}` : ''}${note ? `\n\n_${note}_` : ''}`);
      }
    }
    for (const d of findings.get(doc.uri) ?? []) {
      if (d.range.start.line !== row || params.position.character < d.range.start.character || params.position.character > d.range.end.character) continue;
      const rule = RULE_BY_ID.get(String(d.code));
      parts.push(`**[${d.code}]** ${d.message}${rule ? `\n\n${rule.description[lang]} ${msg('lsp/rule-source', lang, { source: rule.source })}` : ''}`);
    }
    return parts.length ? { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } } : null;
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

/** The value of `f`, or undefined when it throws (a broken config or layout is reported by the diagnostics). */
function safe<T>(f: () => T): T | undefined {
  try { return f(); } catch { return undefined; }
}
