// Build step after tsc: bundles the command line (dist/cli/main.js and everything it imports, dependencies included)
// into one CommonJS file, dist/bundle/cli.cjs (its identity is in the build's id, scripts/build-id.mjs). The bin,
// dist/cli.cjs (src/cli.cts), runs it with V8's code cache (made by scripts/build-cli-cache.mjs).
// Why: a cold `kehoach` spent most of its start resolving, reading, parsing and compiling ~200 module files (yaml
// alone is ~80). One file compiled from a code cache starts in about 0.6× the time of the ESM bundle of before.
// One file, CommonJS, with the lazy stages inlined (they still run only when first needed): V8 caches the compiled
// code of one script, and a vm.Script (how the launcher compiles with a cache) cannot hold ES modules in Node 20.
//
// The thread pools' functions (dist/batch/workers.js) are bundled the same way into dist/bundle/workers.cjs, which
// src/worker-entry.cts runs in each worker with its own code cache (issue 22: workers start warm).
// What stays unbundled: the library (dist/index.js and its modules, for `import 'kehoach'`), piscina (it finds its own
// worker file),
// docx (required from node_modules only to build a package skeleton, see LAZY_PACKAGES), and the files read at run
// time (package.json, templates/, schemas/, the profiles' table). The templates' table and the schema validator are
// bundled (src/render/precompiled.ts, src/validate/schema.ts), so their code is in the bundle's code cache.
//
// Each dist module's `import.meta.url` is rewritten to the URL of its original file, and each CommonJS dist module's
// `__dirname` to its original folder, so every path it builds from them (../templates, ../../schemas, ./worker.js,
// createRequire, the build's id beside src/cache.cts) resolves exactly as unbundled.
// When the bundler is not installed (an install without devDependencies) or fails, there is no bundle and the bin
// runs tsc's modules: the command works the same, only slower to start.
import { rmSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const OUT = `${DIST}bundle`;

let rolldown;
try {
  ({ rolldown } = await import('rolldown'));
} catch {
  console.warn('bundle: rolldown not installed; the command runs unbundled');
  process.exit(0);
}

const keepModuleUrls = {
  name: 'keep-module-urls',
  transform(code, id) {
    const cjsDir = id.endsWith('.cjs') && code.includes('__dirname');
    if (!id.startsWith(DIST) || !(code.includes('import.meta.url') || cjsDir)) return null;
    // The bundle lies in dist/bundle/, so the original file is "../<its path under dist>" from there.
    const original = `../${relative(DIST, id).split(sep).join('/')}`;
    let out = code.replaceAll('import.meta.url', `new URL(${JSON.stringify(original)}, __kehoachBundleUrl).href`);
    if (cjsDir) out = out.replaceAll('__dirname', `require("node:path").join(__dirname, ${JSON.stringify(relative(join(DIST, 'bundle'), dirname(id)).split(sep).join('/') || '.')})`);
    return { code: out, map: null };
  },
};

// Node's own modules that a run may not need are loaded when the module importing them is first initialised, not when
// the bundle loads (rolldown puts an external's require at the top of the file): each costs 1–5 ms to load.
const LAZY_BUILTINS = new Set(['child_process', 'worker_threads', 'readline', 'stream', 'tty', 'fs/promises', 'zlib', 'events', 'util', 'process', 'os', 'vm', 'module', 'crypto']);
const PROXIED_BUILTINS = new Set(['child_process', 'crypto']);
// Packages left out of the bundle and required from node_modules when the module importing them is first initialised:
// docx (600 KB, a third of the bundle) only builds a package skeleton, which a render does only for a shape it has
// not cached (src/render/pack.ts), so no cold command reads or keeps its text otherwise.
// The language server's library (vscode-languageserver, ~400 KB) serves `kehoach lsp` only: left out of the bundle and
// its code cache, so no other command reads or compiles it.
const LAZY_PACKAGES = new Set(['docx', 'vscode-languageserver/node', 'vscode-languageserver-textdocument']);
const lazyBuiltins = {
  name: 'lazy-builtins',
  resolveId(id, importer) {
    if (importer?.startsWith('\0lazy-package:')) return { id, external: true }; // its own require
    if (LAZY_PACKAGES.has(id)) return `\0lazy-package:${id}`;
    const name = id.replace(/^node:/, '');
    if (importer?.startsWith('\0lazy-builtin:')) return { id: `node:${name}`, external: true }; // its own require
    return LAZY_BUILTINS.has(name) ? `\0lazy-builtin:${name}` : null;
  },
  load(id) {
    if (id.startsWith('\0lazy-package:')) return `module.exports = require(${JSON.stringify(id.slice(14))});`;
    if (!id.startsWith('\0lazy-builtin:')) return null;
    const name = JSON.stringify(`node:${id.slice(14)}`);
    // commander requires child_process when it loads, for subcommands run as programs (kehoach has none), and the
    // template and batch modules import crypto for hashes that a render of the package's templates never computes
    // (~7 ms to load): these modules are loaded only when a property of them is first read.
    if (PROXIED_BUILTINS.has(id.slice(14))) {
      return `let m; const load = () => (m ??= require(${name}));
module.exports = new Proxy({}, { get: (_, k) => load()[k], has: (_, k) => k in load(), ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, k) => { const d = Reflect.getOwnPropertyDescriptor(load(), k); return d && { ...d, configurable: true }; } });`;
    }
    return `module.exports = require(${name});`;
  },
};

rmSync(OUT, { recursive: true, force: true });

// The command line's bundle is split in chunks, so that a cold command reads, deserialises and runs only the code it
// needs (issue 22, T1 and T2): cli.cjs (the entry: it requires runtime.cjs, the bundler's helpers, and core.cjs),
// core.cjs (the command line, loading, checking: what `validate` runs), render.cjs (writing a document: the templates,
// the markup, the WordprocessingML body, the package; and the library's index), and rest.cjs (what only the other
// commands need: watch, init, import, fix, batch, the Word readers, globbing, the language server). core.cjs requires
// render.cjs and rest.cjs when a command first needs them (src/code-cache.cts runBundle). Paired against one chunk:
// rest.cjs apart, 0.97x the CPU of a cold validate and of a cold render. Each pattern of LAZY names modules (of dist/
// or of a package) of a chunk; `npm test` checks which chunks each command loads (test/precompiled.test.ts), and the
// build fails when a module of core.cjs imports one of render.cjs or rest.cjs statically (which would make core.cjs
// require it at every start), or one of render.cjs imports one of rest.cjs.
const LAZY = {
  rest: [
    // packages of other commands: watch, init's prompts, batch's progress, fix's diff, the Word readers, globbing
    /node_modules[\\/](chokidar|readdirp|@clack|sisteransi|fast-string-truncated-width|fast-string-width|fast-wrap-ansi|cli-progress|diff|fast-xml-parser|fast-xml-builder|path-expression-matcher|@nodable|strnum|is-unsafe|fflate|picomatch|fdir|tinyglobby)[\\/]/,
    // kehoach's own modules of those commands
    /dist[\\/](import|docx-read|lsp)[\\/]/,
    /dist[\\/](fix|doctor|show|roundtrip)\.js$/,
    /dist[\\/]check[\\/]index\.js$/,
    /dist[\\/]cli[\\/](init|watch|batch|completion|import-check)\.js$/,
    /dist[\\/]batch[\\/](index|worker|workers|lock|plan-set|progress)\.js$/,
  ],
  render: [
    /node_modules[\\/](handlebars|saxes|xmlchars)[\\/]/,
    (id) => id.startsWith(`${DIST}render${sep}`) || id === `${DIST}index.js`,
  ],
};
/** The lazy chunk a module belongs to, or undefined (core). */
const lazyChunk = (id) => Object.keys(LAZY).find((c) => LAZY[c].some((t) => (typeof t === 'function' ? t(id) : t.test(id))));
/** The chunks a module of each chunk may import statically (what its loading loads at once). */
const MAY_IMPORT = { core: new Set(['core']), render: new Set(['core', 'render']), rest: new Set(['core', 'render', 'rest']) };

/**
 * Bundles one entry of dist/ into dist/bundle/<name>.cjs (ASCII, no comments, names kept); with `split`, into the
 * chunks described above.
 * @throws when rolldown fails, a module imports statically one of a chunk it may not load at once (MAY_IMPORT), or a
 * chunk holds a non-ASCII byte or a dynamic import()
 */
async function bundle(entry, name, split = false) {
  const eager = [];
  const build = await rolldown({
    input: { [name]: `${DIST}${entry}` },
    platform: 'node',
    external: ['piscina'],
    plugins: [keepModuleUrls, lazyBuiltins, ...(split ? [{
      name: 'chunks-stay-lazy',
      generateBundle() {
        for (const id of this.getModuleIds()) {
          const from = lazyChunk(id) ?? 'core';
          for (const imp of this.getModuleInfo(id)?.importedIds ?? []) {
            const to = lazyChunk(imp) ?? 'core';
            if (!MAY_IMPORT[from].has(to)) eager.push(`${relative(DIST, id)} (${from}) imports ${relative(DIST, imp)} (${to})`);
          }
        }
      },
    }] : [])],
    logLevel: 'silent',
  });
  // ASCII only (non-ASCII characters escaped) and without comments or whitespace: V8 reads a one-byte source faster,
  // and 1.5 MB instead of 2.1. Names are kept (no mangling), so a --debug stack still names the functions.
  // The chunks' names are fixed (rolldown names a group's chunk after one of its modules).
  const chunkFileNames = (c) => {
    if (c.name === 'rolldown-runtime') return 'runtime.cjs';
    const lazy = new Set(c.moduleIds.map((id) => lazyChunk(id) ?? 'core'));
    return `${lazy.size === 1 ? [...lazy][0] : 'mixed'}.cjs`;
  };
  const { output } = await build.write({ dir: OUT, entryFileNames: '[name].cjs', chunkFileNames, format: 'cjs',
    // Each module stays behind its init function, run when first imported (as a bundle of one chunk does): without it,
    // splitting would run every module of cli.cjs at start, the lazy stages and commands included.
    ...(split ? { strictExecutionOrder: true } : {}),
    codeSplitting: split ? { includeDependenciesRecursively: false, groups: [
      ...Object.keys(LAZY).map((c) => ({ name: c, test: (id) => lazyChunk(id) === c, priority: 2 })),
      { name: 'core', test: () => true, priority: 1 }] } : false,
    dynamicImportInCjs: false, charset: 'ascii', comments: false,
    minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
    // The bundle's own URL, taken before any module can shadow `require` with a local of its own.
    banner: 'var __kehoachBundleUrl = require("node:url").pathToFileURL(__filename).href;' });
  await build.close();
  if (eager.length) throw new Error(`a chunk would load another at once: ${eager.join('; ')}`);
  const files = output.map((o) => o.fileName).sort();
  const expected = split ? [`${name}.cjs`, 'core.cjs', ...Object.keys(LAZY).map((c) => `${c}.cjs`), 'runtime.cjs'] : [`${name}.cjs`];
  if (files.join() !== expected.sort().join()) throw new Error(`${name}: chunks ${files.join(', ')}, expected ${expected.join(', ')}`);
  for (const f of files) {
    const bytes = readFileSync(join(OUT, f)); // comments are stripped, so any "import(" left is code
    if (bytes.some((b) => b > 0x7f)) throw new Error(`a non-ASCII byte is left in ${f} (the launcher reads it as Latin-1)`);
    if (/\bimport\(/.test(bytes.toString('latin1'))) throw new Error(`a dynamic import() is left in ${f} (a vm.Script cannot run it)`);
  }
}

try {
  await bundle('cli/main.js', 'cli', true);
  // The functions the thread pools run (src/batch/workers.ts), loaded by src/worker-entry.cts in each worker.
  await bundle('batch/workers.js', 'workers');
} catch (e) {
  rmSync(OUT, { recursive: true, force: true });
  console.warn(`bundle: failed (${e instanceof Error ? e.message.split('\n')[0] : e}); the command runs unbundled`);
  process.exit(0);
}
