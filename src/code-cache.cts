/**
 * Running a large CommonJS file with V8's code cache: the chunks of the command line's bundle (dist/bundle/*.cjs,
 * started by src/cli.cts), the thread pools' bundle (dist/bundle/workers.cjs, src/worker-entry.cts) and the
 * precompiled schema validator (dist/validate/plan-validator.cjs, ~280 KB of generated code). The
 * build runs each on the examples and saves what V8 compiled (scripts/build-cli-cache.mjs, build-code-cache.mjs), so
 * a cold process skips parsing and compiling most of it.
 * V8 checks a cache against its version, its flags and the source's length, and rejects one that does not fit; it
 * does not compare the text, so a cache must only ever be offered with the file it was made from. A rejected or
 * missing cache costs only time: the code compiles as usual.
 * CommonJS (.cts) because the command's launcher uses it before any ES module is loaded.
 */
import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { basename, dirname } from 'node:path';
import { Script } from 'node:vm';
import { readKeyed, readRegularFile, writeKeyed } from './cache.cjs';

/** Path of the code cache made at build time beside a file. */
export const codeCachePath = (file: string): string => `${file}.v8cache`;

/** The cache beside a file, or undefined when there is none (or it is no regular file of a sane size: a FIFO or a link
 * to a device there never hangs the command). */
export function buildCodeCache(file: string): Buffer | undefined {
  return readRegularFile(codeCachePath(file));
}

/**
 * Compiles a CommonJS file's text as `require` would wrap it, with the first of `caches` that V8 accepts.
 * @param caches functions reading a candidate cache each (undefined: none), tried in order
 * @returns the Script and the index of the cache V8 accepted (-1: none, compiled from the text)
 */
export function compileWithCodeCache(file: string, source: string, caches: Array<() => Buffer | undefined>): { script: Script; accepted: number } {
  const wrapped = (Module as unknown as { wrap(s: string): string }).wrap(source);
  for (let i = 0; i < caches.length; i++) {
    const cachedData = caches[i]();
    if (!cachedData) continue;
    const script = new Script(wrapped, { filename: file, cachedData });
    if (!script.cachedDataRejected) return { script, accepted: i };
  }
  return { script: new Script(wrapped, { filename: file }), accepted: -1 };
}

/**
 * Runs a compiled CommonJS file with its own require, module, exports, __filename and __dirname. Run again, it starts
 * from a fresh module state (the compiled code is shared): the build does so to cache more than one command's code.
 * @returns the file's module.exports
 */
export function runCompiled(script: Script, file: string, req: NodeJS.Require = createRequire(file), mod = { exports: {} as unknown }): unknown {
  (script.runInThisContext() as (...a: unknown[]) => void).call(mod.exports, mod.exports, req, mod, file, dirname(file));
  return mod.exports;
}

/** What the user's code cache of a bundle's chunk depends on besides the build and Node's version (src/cache.cts
 * cacheKey): the chunk, and the architecture and Node's flags, whose code V8 compiles. */
const chunkInputs = (file: string): string[] => [basename(file), process.arch, process.execArgv.join(' ')];

/** A chunk's candidate caches, in order: the build's beside it, then the user's (kind "code", under the build's id). */
export const chunkCaches = (file: string): Array<() => Buffer | undefined> => [() => buildCodeCache(file), () => readKeyed('code', chunkInputs(file))];

/** Saves what V8 compiled for a chunk that had no usable cache to the user's cache (never throws: next time). */
export function saveChunkCache(chunk: LoadedChunk): void {
  try { writeKeyed('code', chunkInputs(chunk.file), () => chunk.script.createCachedData()); } catch { /* next time */ }
}

/** One file of a bundle, compiled and run: its exports, its Script, and the index of the cache V8 accepted (-1: none). */
export interface LoadedChunk { file: string; exports: unknown; script: Script; accepted: number }

/**
 * Runs a bundle that the build split into chunks (scripts/bundle.mjs: the command line's entry is `cli.cjs`; the chunks
 * beside it that only some commands need, `render.cjs` and `rest.cjs`, are required when a command first needs them). Each
 * chunk is compiled by `compile` and run once; a chunk's `require("./<name>.cjs")` gets the chunk beside it from the
 * same registry (never a second copy), and any other require is Node's.
 * @param file absolute path of the entry chunk
 * @param compile compiles a chunk: by default its text as ASCII with the first of chunkCaches V8 accepts (the build
 *   passes one that gives the same Script for every run)
 * @param onLoad called with each chunk once it has run (the launcher saves a cache of those V8 had none for)
 * @returns the entry chunk, loaded
 * @throws whatever reading or running a chunk throws (ENOENT when the bundle was not built)
 */
export function runBundle(file: string, compile = (f: string) => compileChunk(f, chunkCaches(f)), onLoad?: (chunk: LoadedChunk) => void): LoadedChunk {
  const dir = dirname(file);
  const registry = new Map<string, LoadedChunk>();
  const nodeRequire = createRequire(file);
  const load = (path: string): LoadedChunk => {
    const known = registry.get(path);
    if (known) return known;
    const { script, accepted } = compile(path);
    const mod = { exports: {} as unknown };
    // Registered before it runs, with its exports as they stand: a chunk that requires another one back mid-run gets
    // the part defined so far, as Node's require does.
    const chunk: LoadedChunk = { file: path, get exports() { return mod.exports; }, script, accepted };
    registry.set(path, chunk);
    const req = (id: string): unknown => (id.startsWith('./') && id.endsWith('.cjs') && !id.includes('/', 2) ? load(`${dir}/${id.slice(2)}`).exports : nodeRequire(id));
    runCompiled(script, path, Object.assign(req, { resolve: nodeRequire.resolve, cache: nodeRequire.cache }) as unknown as NodeJS.Require, mod);
    onLoad?.(chunk);
    return chunk;
  };
  return load(file);
}

/** Compiles a chunk of a bundle (written in ASCII by scripts/bundle.mjs, so read byte for byte: the same text as UTF-8
 * gives, without decoding it) with the first of `caches` V8 accepts. */
export function compileChunk(file: string, caches: Array<() => Buffer | undefined>): { script: Script; accepted: number } {
  return compileWithCodeCache(file, readFileSync(file, 'latin1'), caches);
}

/**
 * Runs a CommonJS file as `require` would, compiled with the cache beside it when V8 accepts it.
 * @returns the file's module.exports and its compiled Script (the build makes the cache from it)
 * @throws whatever reading or running the file throws (the caller falls back to its normal path)
 */
export function requireWithCodeCache(file: string): { exports: unknown; script: Script } {
  const { script } = compileWithCodeCache(file, readFileSync(file, 'utf8'), [() => buildCodeCache(file)]);
  return { exports: runCompiled(script, file), script };
}
