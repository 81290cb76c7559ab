#!/usr/bin/env node
/**
 * The `kehoach` command (the package's bin, dist/cli.cjs): starts the command line (src/cli/main.ts) from its bundle
 * with V8's code cache. The build (scripts/bundle.mjs) bundles the command line and everything it imports into one
 * CommonJS file, dist/bundle/cli.cjs. A cold `kehoach` then compiles
 * from V8's cache instead of parsing and compiling 1.5 MB of JavaScript: the functions a render and a validation run
 * were compiled at build time (scripts/build-cli-cache.mjs runs them) and saved beside the bundle. This file is
 * CommonJS and loads no ES module on that path: Node's ES module loader alone costs ~10 ms to start.
 *
 * V8 checks a cache against its own version, its flags and the source's length, and rejects one that does not fit;
 * it does not compare the text itself. So a cache is only ever used with the bundle it was made from:
 *   - beside the bundle: cli.cjs.v8cache, written by the same build as cli.cjs;
 *   - in the user's cache folder (src/cache.cts, kind "code"): under the build's id (dist/build-id.json, whose digest
 *     covers the bundle), the Node version, the architecture and Node's flags. It is written at the end of a run when
 *     the build's cache was missing or rejected (another Node version than the build's), and never when caching is off
 *     (KEHOACH_CACHE=0). The build's id is read only then: a run from the build's cache reads no other file.
 * Without a usable cache the bundle compiles as usual: the same result, only slower to start. Without the bundle
 * (an install without devDependencies, or a failed bundling), the command runs from tsc's modules (dist/cli/main.js).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Script } from 'node:vm';
import { readKeyed, writeKeyed } from './cache.cjs';
import { buildCodeCache, compileWithCodeCache, runCompiled } from './code-cache.cjs';

/** The command line's entry: `main()` runs the command named by process.argv. */
export interface CliModule { main(): Promise<void> }

/** A bundle loaded: its exports, its compiled Script (createCachedData makes a cache of it) and where its cache came
 * from ("build", "user", or "none" when there was none or V8 rejected it). */
export interface LoadedBundle { exports: CliModule; script: Script; cache: 'build' | 'user' | 'none' }

/** What the user's code cache of the bundle depends on besides the build and Node's version (src/cache.cts cacheKey):
 * V8's code is the architecture's and the flags'. */
const codeInputs = (): string[] => [process.arch, process.execArgv.join(' ')];

/**
 * Loads the bundle (src/code-cache.cts), compiled with the first code cache V8 accepts: the build's beside it, then
 * the user's cache (kind "code", under the build's id).
 * @param file absolute path of the bundle
 * @throws whatever reading the bundle throws (ENOENT when it was not built); a bad cache never throws
 */
export function loadBundle(file: string): LoadedBundle {
  // The build writes the bundle in ASCII (scripts/bundle.mjs refuses it otherwise), so it is read byte for byte: the
  // same text as UTF-8 gives, without decoding 1.5 MB.
  const source = readFileSync(file, 'latin1');
  const { script, accepted } = compileWithCodeCache(file, source, [() => buildCodeCache(file), () => readKeyed('code', codeInputs())]);
  return { exports: runCompiled(script, file) as CliModule, script, cache: (['none', 'build', 'user'] as const)[accepted + 1] };
}

/**
 * Runs the command line: from the bundle beside this file when it was built, else from tsc's modules. When no cache
 * was usable, the code V8 compiled during this run is saved to the user's cache as the process exits.
 */
export async function launch(): Promise<void> {
  const file = join(__dirname, 'bundle', 'cli.cjs');
  let loaded: LoadedBundle;
  try {
    loaded = loadBundle(file);
  } catch {
    await ((await import('./cli/main.js')) as CliModule).main();
    return;
  }
  if (loaded.cache === 'none') {
    process.once('exit', () => { try { writeKeyed('code', codeInputs(), () => loaded.script.createCachedData()); } catch { /* next time */ } });
  }
  await loaded.exports.main();
}

if (require.main === module) void launch();
