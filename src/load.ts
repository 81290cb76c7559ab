/**
 * Stage 1: read a plan file and parse its YAML, keeping the source positions of every node.
 */
import { closeSync, constants as fsConstants, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, visit, type Document, type Node as YamlNode, type YAMLError, type YAMLMap, type Pair } from 'yaml';
import { KehoachError, type Diagnostic } from './errors.js';
import { msg, type Lang } from './i18n/messages.js';
import { CODE_KEYS, MAX_DEPTH, XML_ILLEGAL, YAML_OPTIONS, looksCut } from './load-rules.js';
import { readFast, type PosNode } from './load-fast.js';

export { CODE_KEYS, MAX_DEPTH } from './load-rules.js';

/** Largest plan file accepted, in bytes (2 MiB: a real plan is 10–50 KB). */
export const MAX_PLAN_BYTES = 2 * 1024 * 1024;
/** Largest number of alias expansions accepted (guards against "billion laughs" alias bombs). */
export const MAX_ALIAS_COUNT = 100;

/** A parsed plan with the means to map a data path back to a YAML line and column. */
export interface LoadedPlan {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain JS value of the document (what the schema validates). */
  data: unknown;
  /** Warnings found while reading (a comment that cuts a text short), reported with the plan's diagnostics. */
  notes?: Diagnostic[];
  /** Where the nodes start, for a plan read by the fast path (src/load-fast.ts): positions without `doc`. */
  positions?: PosNode;
}

/** Options shared by the loading functions. */
export interface LoadOptions {
  /** Language of messages: "vi" (default) or "en". */
  lang?: Lang;
}

function diag(file: string, line: number, column: number, rule: string, message: string, hint?: string): Diagnostic {
  return { file, line, column, severity: 'error', rule, message, ...(hint ? { hint } : {}) };
}

/**
 * Decodes raw bytes as UTF-8 text. Accepts and strips a UTF-8 BOM.
 * @throws KehoachError (rules file/too-large, file/utf16, file/binary, file/not-utf8)
 */
export function decodePlanBytes(bytes: Uint8Array, file: string, lang: Lang = 'vi'): string {
  const fail = (rule: string, message: string) => {
    throw new KehoachError(message, [diag(file, 1, 1, rule, message)]);
  };
  if (bytes.length > MAX_PLAN_BYTES) fail('file/too-large', msg('file/too-large', lang, { size: bytes.length, limit: MAX_PLAN_BYTES }));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) fail('file/utf16', msg('file/utf16', lang));
  const probe = bytes.subarray(0, 8000);
  if (probe.indexOf(0) >= 0) {
    // UTF-16 text without a BOM has its NULs on one parity (the high bytes of ASCII letters); anything else is binary.
    let even = 0;
    let odd = 0;
    for (let i = 0; i < probe.length; i++) if (probe[i] === 0) (i % 2 ? odd++ : even++);
    const half = probe.length / 2;
    const utf16 = Math.max(even, odd) > half * 0.6 && Math.min(even, odd) < Math.max(even, odd) * 0.05;
    fail(utf16 ? 'file/utf16' : 'file/binary', msg(utf16 ? 'file/utf16' : 'file/binary', lang));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('file/not-utf8', msg('file/not-utf8', lang)) as never;
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Where a construct left open before `end` starts: an unclosed quote, or the innermost unclosed [ or {.
 * The parser notices such mistakes only where the file ends; a person looks for them where they begin.
 */
function openedAt(text: string, end: number): number | null {
  const stack: number[] = [];
  let quote: { ch: string; at: number } | null = null;
  for (let i = 0; i < end && i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (quote.ch === '"' && c === '\\') i++;
      else if (c === quote.ch) { if (quote.ch === "'" && text[i + 1] === "'") i++; else quote = null; }
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) { while (i < end && text[i] !== '\n') i++; continue; }
    if ((c === '"' || c === "'") && (i === 0 || /[\s:\[{,-]/.test(text[i - 1]))) quote = { ch: c, at: i };
    else if (c === '[' || c === '{') stack.push(i);
    else if ((c === ']' || c === '}') && stack.length) stack.pop();
  }
  return quote ? quote.at : stack.length ? stack[stack.length - 1] : null;
}

/** A YAML error in the chosen language: the common mistakes have their own words, the rest keep yaml's text. */
function yamlMessage(e: YAMLError, lang: Lang): string {
  const known: Record<string, Parameters<typeof msg>[0]> = {
    MISSING_CHAR: 'yaml/unclosed',
    BAD_INDENT: /Flow (sequence|mapping)/.test(e.message) ? 'yaml/unclosed' : 'yaml/indent',
    MULTILINE_IMPLICIT_KEY: 'yaml/indent',
    BLOCK_AS_IMPLICIT_KEY: 'yaml/colon',
    UNEXPECTED_TOKEN: 'yaml/unexpected',
    MULTIPLE_DOCS: 'yaml/many-docs',
  };
  const key = known[e.code];
  return key ? msg(key, lang) : msg('yaml/syntax', lang, { detail: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '') });
}

/** The offset a person should look at for a YAML error. */
function errorOffset(text: string, e: YAMLError): number {
  if (e.code === 'MISSING_CHAR' || (e.code === 'BAD_INDENT' && /Flow (sequence|mapping)/.test(e.message)) || e.code === 'UNEXPECTED_TOKEN') {
    const at = openedAt(text, e.pos[0]);
    if (at !== null) return at;
  }
  if (e.code === 'MULTILINE_IMPLICIT_KEY') {
    // The mistake is the over-indented line that the parser tried to join to the key above it.
    const lastLineStart = text.lastIndexOf('\n', e.pos[1] - 1) + 1;
    return lastLineStart + (/^\s*/.exec(text.slice(lastLineStart))?.[0].length ?? 0);
  }
  return e.pos[0];
}

/**
 * Parses YAML text into a LoadedPlan. Collects every YAML error (syntax, tabs, duplicate keys)
 * and characters that cannot appear in a .docx, each with its line and column.
 * A text with nothing to report is read by the fast path (src/load-fast.ts: js-yaml's events, the same data), and
 * `doc` is then made by yaml on first use; any other text is read by yaml (loadWithYaml).
 * @throws KehoachError with all diagnostics when the YAML is not usable.
 */
export function loadPlanText(text: string, file = '<input>', opts: LoadOptions = {}): LoadedPlan {
  const fast = readFast(text);
  if (!fast) return loadWithYaml(text, file, opts);
  // Read by the fast path: its diagnostics are placed by `positions` and a line index of the text; yaml reads the
  // text only for a position the events did not give (see positionOf), or for a caller that asks for `doc`.
  let doc: Document.Parsed | undefined;
  let lineCounter: LineCounter | undefined;
  return {
    file, text, data: fast.data, positions: fast.positions,
    get doc() { return (doc ??= parseWithPositions(text).doc); },
    get lineCounter() { return (lineCounter ??= lineCounterOf(text)); },
  };
}

/** yaml's reading of a plan's text, with its nodes' positions. */
function parseWithPositions(text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  return { doc: parseDocument(text, { lineCounter, ...YAML_OPTIONS }), lineCounter };
}

/**
 * loadPlanText with yaml's reader alone: every YAML error, and every finding, at its line and column. (loadPlanText
 * reads a text this way whenever the fast path, src/load-fast.ts, leaves it; tests compare the two.)
 * @throws KehoachError with all diagnostics when the YAML is not usable.
 */
export function loadWithYaml(text: string, file = '<input>', opts: LoadOptions = {}): LoadedPlan {
  const lang = opts.lang ?? 'vi';
  const { doc, lineCounter } = parseWithPositions(text);
  const diags: Diagnostic[] = [];
  const at = (offset: number) => lineCounter.linePos(offset);
  // After the first syntax error the rest are usually its echoes: report one (a tab, else the over-indented line, else the first).
  const syntax = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  const firstSyntax = syntax.find((e) => e.code === 'TAB_AS_INDENT') ?? syntax.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY') ?? syntax[0];
  const cause = firstSyntax && !/call stack/i.test(firstSyntax.message) && firstSyntax.code !== 'TAB_AS_INDENT' ? likelyCause(text, at(firstSyntax.pos[0]).line, lang) : null;
  if (cause) diags.push(diag(file, cause.line, cause.column, cause.rule, cause.message));
  else if (firstSyntax) {
    const e = firstSyntax;
    const p = at(errorOffset(text, e));
    let rule = 'yaml/syntax';
    let message: string;
    if (/call stack/i.test(e.message)) message = msg('yaml/too-deep', lang, { limit: MAX_DEPTH });
    else if (e.code === 'TAB_AS_INDENT') { rule = 'yaml/tab'; message = msg('yaml/tab', lang); }
    else message = yamlMessage(e, lang);
    if (/call stack/i.test(e.message)) {
      const lineStart = text.lastIndexOf('\n', e.pos[0] - 1) + 1;
      const bracket = text.slice(lineStart).search(/[[{]/);
      diags.push(diag(file, p.line, bracket >= 0 ? bracket + 1 : p.col, rule, message));
    } else diags.push(diag(file, p.line, p.col, rule, message));
  }
  if (!firstSyntax) diags.push(...duplicateKeys(doc, file, at, lang), ...tooDeep(doc, file, at, lang), ...protoKeys(doc, file, at, lang));
  if (diags.length === 0 && (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null))) {
    diags.push(diag(file, 1, 1, 'yaml/empty', msg('yaml/empty', lang)));
  }
  if (diags.length === 0 && !isMap(doc.contents)) {
    const p = lineCounter.linePos((doc.contents as YamlNode).range?.[0] ?? 0);
    diags.push(diag(file, p.line, p.col, 'yaml/not-a-map', msg('yaml/not-a-map', lang)));
  }
  if (diags.length) throw new KehoachError(diags[0].message, diags);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    let first: YamlNode | null = null;
    visit(doc, { Alias: (_, n) => { first = n as unknown as YamlNode; return visit.BREAK; } });
    const p = at((first as YamlNode | null)?.range?.[0] ?? 0);
    const d = diag(file, p.line, p.col, 'yaml/alias-limit', msg('yaml/alias-limit', lang));
    throw new KehoachError(d.message, [d]);
  }
  const loaded: LoadedPlan = { file, text, doc, lineCounter, data };
  const illegal = findIllegalChars(loaded, lang);
  if (illegal.length) throw new KehoachError(illegal[0].message, illegal);
  const notes = commentsInText(loaded, lang);
  if (notes.length) loaded.notes = notes;
  return loaded;
}

/** Every key the plan schema knows (read only when a syntax error needs explaining). */
let schemaKeys: Set<string> | undefined;
function knownKeys(): Set<string> {
  if (schemaKeys) return schemaKeys;
  const keys = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { if (k === 'properties' && x && typeof x === 'object') for (const p of Object.keys(x)) keys.add(p); walk(x); }
  };
  walk(JSON.parse(readFileSync(new URL('../schemas/ke-hoach.schema.json', import.meta.url), 'utf8')));
  return (schemaKeys = keys);
}

/**
 * The usual typing slips behind a YAML syntax error, which the parser reports elsewhere or in other words:
 * `key:value` without a space (seen lines later, as a bad indent or an unclosed bracket) and a key without its colon
 * (`luu [VT, VP]`, `dia_danh Bình Thuận`). Looks at the lines up to two after the reported one, for a key of the
 * schema; null when none is found (yaml's own message is kept).
 */
function likelyCause(text: string, errorLine: number, lang: Lang): { line: number; column: number; rule: string; message: string } | null {
  const lines = text.split(/\r?\n/);
  const keys = knownKeys();
  for (let i = 0; i < Math.min(lines.length, errorLine + 2); i++) {
    const l = lines[i];
    let m = /^(\s*(?:-\s+)?)([a-z_][a-z0-9_]*):(?![\s/]|$)(.*)$/.exec(l);
    if (m && keys.has(m[2])) return { line: i + 1, column: m[1].length + m[2].length + 2, rule: 'yaml/colon-space', message: msg('input/colon-no-space', lang, { key: m[2], value: m[3] }) };
    m = /^(\s*(?:-\s+)?)([a-z_][a-z0-9_]*)(?:\s+(\S.*))?$/.exec(l);
    if (m && keys.has(m[2]) && !/^#/.test(m[3] ?? '')) return { line: i + 1, column: m[1].length + m[2].length + 1, rule: 'yaml/missing-colon', message: msg('input/missing-colon', lang, { key: m[2] }) };
  }
  return null;
}

/** Keys that would reach a plan object's prototype rather than be data. Refused wherever they appear. */
const PROTO_KEYS = new Set(['__proto__']);

/** Reports `__proto__` keys (yaml and JSON treat them differently; a plan never needs one). */
function protoKeys(doc: Document.Parsed, file: string, at: (o: number) => { line: number; col: number }, lang: Lang): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Pair: (_, pair) => {
      const p = pair as Pair;
      if (isScalar(p.key) && PROTO_KEYS.has(String(p.key.value))) {
        const pos = at((p.key as YamlNode).range?.[0] ?? 0);
        out.push(diag(file, pos.line, pos.col, 'yaml/reserved-key', msg('input/proto-key', lang, { key: String(p.key.value) })));
      }
    },
  });
  return out;
}

/**
 * A " #" inside an unquoted text starts a YAML comment: `(khu #2, cạnh chợ)` keeps only "(khu". Reports, on text
 * values only, a comment that looks like part of the text: "#" followed by a letter or digit ("#2"), a single space
 * before it, or an opening bracket or quote left unclosed by the cut. A comment written as comments usually are
 * (two spaces, "# ", after a complete text) is left alone.
 */
function commentsInText(plan: LoadedPlan, lang: Lang): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { text } = plan;
  const check = (node: unknown, key: string | null, path: (string | number)[]) => {
    if (!isScalar(node) || typeof node.value !== 'string' || node.type !== 'PLAIN' || !node.range) return;
    if (key !== null && CODE_KEYS.has(key)) return;
    const end = node.range[1];
    const eol = text.indexOf('\n', end);
    const rest = text.slice(end, eol < 0 ? text.length : eol).replace(/\r$/, '');
    const m = /^([ \t]+)#(.*)$/.exec(rest);
    if (!m) return;
    const value = node.value;
    if (!looksCut(value, m[1], m[2])) return;
    const p = plan.lineCounter.linePos(end + m[1].length);
    const shown = m[2].length > 40 ? `${m[2].slice(0, 40)}…` : m[2];
    const whole = `${value}${m[1]}#${m[2]}`.replace(/"/g, '\\"');
    out.push({
      file: plan.file, line: p.line, column: p.col, severity: 'warning', rule: 'yaml/comment-in-text', path,
      message: msg('input/comment-in-text', lang, { rest: shown }),
      hint: msg('input/comment-hint', lang, { example: `${key ?? '-'}${key === null ? '' : ':'} "${whole.length > 60 ? `${whole.slice(0, 60)}…` : whole}"` }),
    });
  };
  const walk = (node: unknown, key: string | null, path: (string | number)[]): void => {
    if (isMap(node)) {
      for (const p of node.items as Pair[]) {
        const k = isScalar(p.key) ? String(p.key.value) : null;
        if (isMap(p.value) || isSeq(p.value)) walk(p.value, k, [...path, k ?? '']);
        else check(p.value, k, [...path, k ?? '']);
      }
    } else if (isSeq(node)) node.items.forEach((it, i) => (isMap(it) || isSeq(it) ? walk(it, key, [...path, i]) : check(it, key, [...path, i])));
  };
  walk(plan.doc.contents, null, []);
  return out;
}

/** Reports keys given twice in the same mapping (at the second one), in one pass per mapping. */
function duplicateKeys(doc: Document.Parsed, file: string, at: (o: number) => { line: number; col: number }, lang: Lang): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Map: (_, map) => {
      const seen = new Set<string>();
      for (const pair of (map as YAMLMap).items as Pair[]) {
        const key = isScalar(pair.key) ? String(pair.key.value) : null;
        if (key === null) continue;
        if (seen.has(key)) {
          const p = at((pair.key as YamlNode).range?.[0] ?? 0);
          out.push(diag(file, p.line, p.col, 'yaml/duplicate-key', msg('yaml/duplicate-key', lang, { key })));
        }
        seen.add(key);
      }
    },
  });
  return out;
}

/** Reports nesting deeper than MAX_DEPTH (once), before anything recursive walks the tree. */
function tooDeep(doc: Document.Parsed, file: string, at: (o: number) => { line: number; col: number }, lang: Lang): Diagnostic[] {
  const stack: [unknown, number][] = [[doc.contents, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) {
      const p = at((node as YamlNode).range?.[0] ?? 0);
      return [diag(file, p.line, p.col, 'yaml/syntax', msg('yaml/too-deep', lang, { limit: MAX_DEPTH }))];
    }
    if (isMap(node) || isSeq(node)) for (const it of node.items) stack.push([isPair(it) ? it.value : it, depth + 1]);
  }
  return [];
}

/** Reports every scalar that holds a character forbidden in XML 1.0 (it would corrupt the .docx). */
function findIllegalChars(plan: LoadedPlan, lang: Lang): Diagnostic[] {
  const out: Diagnostic[] = [];
  // A scalar can hold such a character only when the text does, or through a "\\" escape in a double-quoted string.
  if (!XML_ILLEGAL.test(plan.text) && !plan.text.includes('\\')) return out;
  const visit = (node: unknown): void => {
    if (isMap(node) || isSeq(node)) for (const it of node.items) visit(it);
    else if (isPair(node)) { visit(node.key); visit(node.value); }
    else if (isScalar(node) && typeof node.value === 'string') {
      const mch = XML_ILLEGAL.exec(node.value);
      if (mch) {
        const p = plan.lineCounter.linePos(node.range?.[0] ?? 0);
        const code = 'U+' + mch[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        out.push(diag(plan.file, p.line, p.col, 'yaml/xml-char', msg('yaml/xml-char', lang, { code })));
      }
    }
  };
  visit(plan.doc.contents);
  return out;
}

/**
 * Reads and parses a plan file. (Plans are small: the file is read synchronously, which is faster than a trip
 * through the thread pool; the function stays async for callers.)
 * @throws KehoachError (kind "io" when the file cannot be read; "invalid" for bad content)
 */
export async function loadPlanFile(path: string, opts: LoadOptions = {}): Promise<LoadedPlan> {
  const lang = opts.lang ?? 'vi';
  return loadPlanText(readPlanText(path, lang), path, opts);
}

/**
 * Reads a plan file's bytes: regular files only (a device, FIFO or folder — directly or through a symlink — is
 * refused, never read), and never more than MAX_PLAN_BYTES + 1 bytes whatever the file claims its size is.
 * @throws KehoachError (file/not-a-file: kind "usage"; file/too-large: kind "invalid"; file/unreadable: kind "io")
 */
export function readPlanBytes(path: string, lang: Lang = 'vi'): Uint8Array {
  let fd: number | undefined;
  try {
    const st = statSync(path);
    if (!st.isFile()) {
      const d = diag(path, 1, 1, 'file/not-a-file', msg('input/not-a-file', lang, { file: path }));
      throw new KehoachError(d.message, [d], 'usage');
    }
    if (st.size > MAX_PLAN_BYTES) {
      const d = diag(path, 1, 1, 'file/too-large', msg('file/too-large', lang, { size: st.size, limit: MAX_PLAN_BYTES }));
      throw new KehoachError(d.message, [d]);
    }
    // Opened without following a swap to a FIFO (O_NONBLOCK) and checked again on the descriptor.
    fd = openSync(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const fst = fstatSync(fd);
    if (!fst.isFile()) {
      const d = diag(path, 1, 1, 'file/not-a-file', msg('input/not-a-file', lang, { file: path }));
      throw new KehoachError(d.message, [d], 'usage');
    }
    // Sized by what the file claims plus one byte (to see it grew), grown while it keeps giving bytes, never past the
    // limit: a plan of 12 KB no longer allocates (and zero-fills) 2 MiB, which in a batch was 4 % of a worker's time.
    const limit = MAX_PLAN_BYTES + 1;
    let buf = Buffer.allocUnsafe(Math.min(limit, fst.size + 1));
    let n = 0;
    for (let r; (r = readSync(fd, buf, n, buf.length - n, null)) > 0; ) {
      n += r;
      if (n < buf.length) continue;
      if (buf.length === limit) break;
      const grown = Buffer.allocUnsafe(Math.min(limit, buf.length * 2));
      buf.copy(grown, 0, 0, n);
      buf = grown;
    }
    return buf.subarray(0, n);
  } catch (e) {
    if (e instanceof KehoachError) throw e;
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    const d = diag(path, 1, 1, 'file/unreadable', msg('file/not-found', lang, { reason }));
    throw new KehoachError(d.message, [d], 'io');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Reads a plan from a stream (stdin, for "-") with the same bound as a plan file: never more than MAX_PLAN_BYTES + 1
 * bytes (a stream from /dev/zero stops there), then decoded as a plan file is (decodePlanBytes).
 * @param name the name diagnostics give (e.g. "<stdin>")
 * @throws KehoachError (file/too-large and the decoding rules, kind "invalid"; file/unreadable, kind "io")
 */
export async function readPlanStream(stream: NodeJS.ReadableStream, name: string, lang: Lang = 'vi'): Promise<string> {
  const chunks: Buffer[] = [];
  let n = 0;
  try {
    for await (const c of stream) {
      const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
      chunks.push(b);
      n += b.length;
      if (n > MAX_PLAN_BYTES) break; // leaving the loop destroys the stream: nothing more is read
    }
  } catch (e) {
    const d = diag(name, 1, 1, 'file/unreadable', msg('file/not-found', lang, { reason: (e as NodeJS.ErrnoException).code ?? String(e) }));
    throw new KehoachError(d.message, [d], 'io');
  }
  if (n > MAX_PLAN_BYTES) {
    const d = diag(name, 1, 1, 'file/too-large', msg('file/too-large', lang, { size: `> ${MAX_PLAN_BYTES}`, limit: MAX_PLAN_BYTES }));
    throw new KehoachError(d.message, [d]);
  }
  return decodePlanBytes(Buffer.concat(chunks), name, lang);
}

/**
 * Reads a user's YAML file (a plan, _defaults.yaml, kehoach.config.yaml, a file to fix) as text, bounded and regular
 * files only: readPlanBytes then decodePlanBytes.
 * @throws KehoachError as those do
 */
export function readPlanText(path: string, lang: Lang = 'vi'): string {
  const open = openTexts.size ? openTexts.get(resolvePath(path)) : undefined;
  if (open) return decodePlanBytes(Buffer.from(open.text, 'utf8'), path, lang);
  return decodePlanBytes(readPlanBytes(path, lang), path, lang);
}

/**
 * The texts of files open in an editor, by absolute path (the language server, src/lsp/server.ts): while a file is
 * open, readPlanText gives its text as typed instead of the file's, so every stage that reads a user's YAML (the plan,
 * its _defaults.yaml and ke_thua files, kehoach.config.yaml, the suppression comments, `fix`) sees the editor's
 * buffer through the one path `validate` uses. Empty in every other command.
 */
const openTexts = new Map<string, { text: string; version: number }>();
let openSerial = 0;

/**
 * Sets (or, with `text` undefined, removes) the editor's text of a file: read instead of the file's until removed.
 * @param path the file's path (made absolute)
 */
export function setOpenText(path: string, text: string | undefined): void {
  if (text === undefined) openTexts.delete(resolvePath(path));
  else if (openTexts.get(resolvePath(path))?.text !== text) openTexts.set(resolvePath(path), { text, version: ++openSerial });
}

/**
 * A key for a cache of what a file holds (the readers of shared files key by size and mtime): the version of its
 * editor text while open (a new one on every change), else undefined (the file's own size and mtime apply).
 */
export function openTextKey(path: string): string | undefined {
  const open = openTexts.size ? openTexts.get(resolvePath(path)) : undefined;
  return open ? `open:${open.version}` : undefined;
}

/** Whether an editor holds a file open (its text read instead of the file's). */
export const isOpenText = (path: string): boolean => openTexts.has(resolvePath(path));

/** Maps a data path to a file, line and column (1-based). */
export type Locator = (path: readonly (string | number)[], q?: PositionQuery) => { file: string; line: number; column: number };

/** A plan's data with the means to position diagnostics in the YAML it came from. */
export interface PlanSource {
  /** The plan file (diagnostics that cannot be placed elsewhere name it). */
  file: string;
  data: unknown;
  locate: Locator;
  /** Warnings found while reading (e.g. a comment that cuts a text), reported with the plan's diagnostics. */
  notes?: Diagnostic[];
  /**
   * The text of `file` as the loader read it (readPlanText: the editor's text while open), when the loader read the
   * file itself: its suppression comments are read from it (src/config.ts applyRuleConfig), not from the file again.
   * Absent for a text given by the caller under a file's name (the file's own comments are then read from the file).
   */
  text?: string;
}

/** True when every segment of `path` exists in the YAML document. */
export function hasPath(plan: LoadedPlan, path: readonly (string | number)[]): boolean {
  let node = plan.positions ?? yamlPositions(plan);
  for (const seg of path) {
    const next = node.keys ? node.keys.get(String(seg))?.node : node.items?.[Number(seg)];
    if (!next) return false;
    node = next;
  }
  return true;
}

/**
 * A locator over layered sources (the plan first, then what it inherits, nearest first): a path is placed in the
 * first layer that holds all of it, else in the plan as deep as it goes.
 */
export function layeredLocator(layers: LoadedPlan[]): Locator {
  return (path, q = {}) => {
    const probe = q.childKey !== undefined ? [...path, q.childKey] : path;
    const layer = layers.find((l) => hasPath(l, probe)) ?? layers.find((l) => hasPath(l, path)) ?? layers[0];
    return { file: layer.file, ...positionOf(layer, path, q) };
  };
}

/** The source of a single plan file. */
export const sourceOf = (plan: LoadedPlan): PlanSource => ({ file: plan.file, data: plan.data, locate: layeredLocator([plan]), ...(plan.notes ? { notes: plan.notes } : {}) });

/** Where a path points: the value node, or (for `key: true`) the key of the last step. */
export interface PositionQuery {
  /** Point at the key named by the last path segment instead of its value. */
  key?: boolean;
  /** Point at this key inside the map at `path` (used for unknown keys). */
  childKey?: string;
}

/**
 * Maps a data path (as in ajv's instancePath, split) to a 1-based line and column in the YAML.
 * Walks as far as the path exists; a missing tail points at the deepest node found. A plan read by the fast path is
 * placed by the offsets its events gave; where one is unknown, by yaml's nodes.
 */
export function positionOf(plan: LoadedPlan, path: readonly (string | number)[], q: PositionQuery = {}): { line: number; column: number } {
  let offset = plan.positions ? offsetOf(plan.positions, path, q) : -1;
  if (offset < 0) offset = offsetOf(yamlPositions(plan), path, q);
  const p = plan.lineCounter.linePos(offset);
  return { line: p.line, column: p.col };
}

/** The walk of positionOf over a tree of positions: -1 where the offset is unknown. */
function offsetOf(root: PosNode, path: readonly (string | number)[], q: PositionQuery): number {
  let node = root;
  let keyAt: number | null = null;
  for (const seg of path) {
    if (node.keys) {
      const e = node.keys.get(String(seg));
      if (!e) break;
      keyAt = e.at;
      node = e.node;
    } else if (node.items) {
      const item = node.items[Number(seg)];
      if (item === undefined) break;
      keyAt = null;
      node = item;
    } else break;
  }
  if (q.childKey !== undefined && node.keys) return node.keys.get(q.childKey)?.at ?? node.at;
  return q.key && keyAt !== null ? keyAt : node.at;
}

const yamlTrees = new WeakMap<LoadedPlan, PosNode>();
/**
 * Where yaml's nodes start, as a tree of positions (made once a plan, on first use): a mapping's keys by their text
 * (a key that is not a scalar is left out; a plan with a repeated key never loads), a value-less key's value at its
 * key.
 */
function yamlPositions(plan: LoadedPlan): PosNode {
  let root = yamlTrees.get(plan);
  if (!root) yamlTrees.set(plan, (root = treeOf(plan.doc.contents)));
  return root;
}

const startOf = (node: unknown): number => (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;

function treeOf(node: unknown): PosNode {
  if (isMap(node)) {
    const keys = new Map<string, { at: number; node: PosNode }>();
    for (const p of node.items as Pair[]) {
      if (!isScalar(p.key)) continue;
      keys.set(String(p.key.value), { at: startOf(p.key), node: p.value == null ? { at: startOf(p.key) } : treeOf(p.value) });
    }
    return { at: startOf(node), keys };
  }
  if (isSeq(node)) return { at: startOf(node), items: node.items.map(treeOf) };
  return { at: startOf(node) };
}

/** A LineCounter for a text, as yaml's lexer fills it (a line starts at 0 and after each "\n"). */
function lineCounterOf(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}
