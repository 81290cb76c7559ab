#!/usr/bin/env node
/**
 * The `kehoach` command (the package's bin, dist/cli.cjs): starts the command line (src/cli/main.ts) from its bundle
 * with V8's code cache. The build (scripts/bundle.mjs) bundles the command line and everything it imports into CommonJS
 * chunks in dist/bundle/: cli.cjs (the entry), core.cjs (what validate runs), render.cjs (writing a document),
 * rest.cjs (what only the other commands need), the last two loaded when a command first needs them, and runtime.cjs
 * (the bundler's helpers). A cold `kehoach` then
 * compiles from V8's cache instead of parsing and compiling 1.2 MB of JavaScript: the functions a render and a
 * validation run were compiled at build time (scripts/build-cli-cache.mjs runs them) and saved beside each chunk. This file is
 * CommonJS and loads no ES module on that path: Node's ES module loader alone costs ~10 ms to start.
 *
 * V8 checks a cache against its own version, its flags and the source's length, and rejects one that does not fit;
 * it does not compare the text itself. So a cache is only ever used with the bundle it was made from:
 *   - beside the chunk: core.cjs.v8cache for core.cjs, and so on, written by the same build as the chunk;
 *   - in the user's cache folder (src/cache.cts, kind "code"): under the build's id (dist/build-id.json, whose digest
 *     covers the bundle), the chunk, the Node version, the architecture and Node's flags. It is written at the end of
 *     a run for each chunk whose build cache was missing or rejected (another Node version than the build's), and never when caching is off
 *     (KEHOACH_CACHE=0). The build's id is read only then: a run from the build's cache reads no other file.
 * Without a usable cache the bundle compiles as usual: the same result, only slower to start. Without the bundle
 * (an install without devDependencies, or a failed bundling), the command runs from tsc's modules (dist/cli/main.js).
 */
import { basename, join } from 'node:path';
import { debug } from './cache.cjs';
import { runBundle, saveChunkCache, type LoadedChunk } from './code-cache.cjs';

/** The command line's entry: `main()` runs the command named by process.argv. */
export interface CliModule { main(): Promise<void> }

/** A bundle loaded: its exports and where its entry's cache came from ("build", "user", or "none" when there was none
 * or V8 rejected it). */
export interface LoadedBundle { exports: CliModule; cache: 'build' | 'user' | 'none' }

/**
 * Loads the bundle (src/code-cache.cts runBundle): its entry chunk now, each other chunk when the code first needs it,
 * each compiled with the first code cache V8 accepts (chunkCaches: the build's, then the user's).
 * @param file absolute path of the bundle's entry chunk
 * @param onLoad called with each chunk once it has run
 * @throws whatever reading the bundle throws (ENOENT when it was not built); a bad cache never throws
 */
export function loadBundle(file: string, onLoad?: (chunk: LoadedChunk) => void): LoadedBundle {
  const entry = runBundle(file, undefined, onLoad);
  return { exports: entry.exports as CliModule, cache: (['none', 'build', 'user'] as const)[entry.accepted + 1] };
}

/**
 * Runs the command line: from the bundle beside this file when it was built, else from tsc's modules. The code V8
 * compiled for each chunk that had no usable cache is saved to the user's cache as the process exits.
 */
export async function launch(): Promise<void> {
  const file = join(__dirname, 'bundle', 'cli.cjs');
  const uncached: LoadedChunk[] = [];
  let loaded: LoadedBundle;
  try {
    loaded = loadBundle(file, (chunk) => {
      debug(`loaded ${basename(chunk.file)} (code cache: ${['none', 'build', 'user'][chunk.accepted + 1]})`);
      if (chunk.accepted >= 0) return;
      if (!uncached.length) process.once('exit', () => uncached.forEach(saveChunkCache));
      uncached.push(chunk);
    });
  } catch {
    await ((await import('./cli/main.js')) as CliModule).main();
    return;
  }
  await loaded.exports.main();
}

if (require.main === module) void launch();
