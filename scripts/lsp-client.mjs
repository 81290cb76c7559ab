// A small client of the language server (`kehoach lsp`, src/lsp/server.ts) over stdio, on vscode-jsonrpc: the tests
// (test/lsp.test.ts) and the bench (bench/lsp.mjs, T7) drive the server as an editor does.
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = `${ROOT}dist/cli.cjs`;

/**
 * Starts `node dist/cli.cjs lsp --stdio` and initialises it.
 * @param o.initializationOptions what the client passes (lang, debounceMs …); o.locale the editor's locale;
 *   o.args arguments before `lsp` (e.g. ['--lang', 'en']); o.cwd, o.env of the server's process
 * @returns the client: open/change/close documents, wait for a document's diagnostics, send requests, stop
 */
export async function startLsp(o = {}) {
  const child = spawn(process.execPath, [CLI, ...(o.args ?? []), 'lsp', '--stdio'], { cwd: o.cwd ?? ROOT, env: o.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b) => { stderr += b; });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  /** Every publishDiagnostics, in order, by URI. */
  const published = new Map();
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const list = published.get(p.uri) ?? [];
    list.push({ ...p, at: performance.now() });
    published.set(p.uri, list);
    for (const w of [...waiters]) if (w.test(p)) { waiters.splice(waiters.indexOf(w), 1); w.done({ ...p, at: performance.now() }); }
  });
  conn.listen();
  const init = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, ...(o.locale ? { locale: o.locale } : {}), ...(o.initializationOptions ? { initializationOptions: o.initializationOptions } : {}) });
  await conn.sendNotification('initialized', {});
  const versions = new Map();
  const uriOf = (path) => pathToFileURL(path).href;
  const client = {
    child, conn, init, published,
    get stderr() { return stderr; },
    uriOf,
    /** Resolves with the first diagnostics of `uri` at `version` or later published from now on (or already). */
    diagnostics(uri, version = versions.get(uri) ?? 0, timeoutMs = 60_000) {
      const ok = (p) => p.uri === uri && (p.version ?? 0) >= version;
      const have = (published.get(uri) ?? []).filter(ok).pop();
      if (have) return Promise.resolve(have);
      return new Promise((done, fail) => {
        const w = { test: ok, done: (p) => { clearTimeout(t); done(p); } };
        const t = setTimeout(() => { waiters.splice(waiters.indexOf(w), 1); fail(new Error(`no diagnostics for ${uri} v${version}; stderr: ${stderr}`)); }, timeoutMs);
        waiters.push(w);
      });
    },
    /** Opens a document with its text (version 1); returns its URI. */
    async open(path, text, languageId = 'yaml') {
      const uri = uriOf(path);
      versions.set(uri, 1);
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return uri;
    },
    /** Replaces a document's whole text (the next version); returns that version. */
    async change(uri, text) {
      const version = (versions.get(uri) ?? 0) + 1;
      versions.set(uri, version);
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      return version;
    },
    /** Inserts text at a position (the next version); returns that version. */
    async insert(uri, line, character, text) {
      const version = (versions.get(uri) ?? 0) + 1;
      versions.set(uri, version);
      const at = { line, character };
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text }] });
      return version;
    },
    async close(uri) { await conn.sendNotification('textDocument/didClose', { textDocument: { uri } }); },
    request: (method, params) => conn.sendRequest(method, params),
    /** Shuts the server down; resolves with its exit code. */
    async stop() {
      const exited = new Promise((done) => child.once('exit', (code) => done(code)));
      try { await conn.sendRequest('shutdown'); await conn.sendNotification('exit'); } catch { child.kill(); }
      const code = await Promise.race([exited, new Promise((done) => setTimeout(() => { child.kill(); done(null); }, 10_000))]);
      conn.dispose();
      return code;
    },
  };
  return client;
}

/** Applies LSP text edits to a text (offsets by line and UTF-16 character). */
export function applyEdits(text, edits) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const off = (p) => (starts[p.line] ?? text.length) + p.character;
  return [...edits].sort((a, b) => off(b.range.start) - off(a.range.start)).reduce((t, e) => t.slice(0, off(e.range.start)) + e.newText + t.slice(off(e.range.end)), text);
}
