/**
 * Loading a large generated CommonJS file (the precompiled schema validator, ~280 KB) with V8's code cache: the
 * build writes `<file>.v8cache` (scripts/build-code-cache.mjs) after running the code on the examples, so a cold
 * process skips parsing and compiling what the cache holds. V8 checks the cache against its version, flags and the
 * source, and rejects a stale one; the code then compiles as usual (the same result, only slower).
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { createRequire, Module } from 'node:module';

/** Path of the code cache of a file. */
export const codeCachePath = (file: string): string => `${file}.v8cache`;

/**
 * Runs a CommonJS file as `require` would (its own require, module, exports, __filename, __dirname), compiled
 * with its code cache when one is there and accepted.
 * @returns the file's module.exports and its compiled Script (the build makes the cache from it)
 * @throws whatever reading or running the file throws (the caller falls back to its normal path)
 */
export function requireWithCodeCache(file: string): { exports: unknown; script: Script } {
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try { cachedData = readFileSync(codeCachePath(file)); } catch { /* no cache: compiled as usual */ }
  const script = new Script((Module as unknown as { wrap(s: string): string }).wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const mod = { exports: {} as unknown };
  (script.runInThisContext() as (...a: unknown[]) => void).call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  return { exports: mod.exports, script };
}
