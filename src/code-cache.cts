/**
 * Running a large CommonJS file with V8's code cache: the command line's bundle (dist/bundle/cli.cjs, started by
 * src/cli.cts) and the precompiled schema validator (dist/validate/plan-validator.cjs, ~280 KB of generated code). The
 * build runs each on the examples and saves what V8 compiled (scripts/build-cli-cache.mjs, build-code-cache.mjs), so
 * a cold process skips parsing and compiling most of it.
 * V8 checks a cache against its version, its flags and the source's length, and rejects one that does not fit; it
 * does not compare the text, so a cache must only ever be offered with the file it was made from. A rejected or
 * missing cache costs only time: the code compiles as usual.
 * CommonJS (.cts) because the command's launcher uses it before any ES module is loaded.
 */
import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { readRegularFile } from './cache.cjs';

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
export function runCompiled(script: Script, file: string): unknown {
  const mod = { exports: {} as unknown };
  (script.runInThisContext() as (...a: unknown[]) => void).call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  return mod.exports;
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
