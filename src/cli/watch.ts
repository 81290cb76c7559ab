/**
 * render --watch: renders once, then again on every save of the plan, its _defaults.yaml files and its ke_thua
 * chain (chokidar; the set of watched files is refreshed after each render, as ke_thua may change). The process
 * stays alive, so a re-render reuses the loaded templates, profile and validator. Diagnostics are printed each time.
 */
import { resolve } from 'node:path';
import { msg, type Lang } from '../i18n/messages.js';
import { renderOnce, CliExit, type RenderCliOptions } from './render.js';

/** Files a plan is made of: the plan, the _defaults.yaml files that apply and its ke_thua chain (absolute paths). */
async function sourcesOf(input: string, lang: Lang): Promise<string[]> {
  const files = new Set([resolve(input)]);
  try {
    const { loadPlanWithInheritance, defaultsFor } = await import('../index.js');
    for (const d of defaultsFor(input)) files.add(resolve(d));
    const inherited = await loadPlanWithInheritance(input, { lang });
    for (const l of inherited.layers) files.add(resolve(l.file));
  } catch { /* a broken plan still has its own file watched */ }
  return [...files];
}

/** Runs the watch loop until SIGINT / SIGTERM; resolves never (the process exits on a signal). */
export async function watchRender(input: string, o: RenderCliOptions): Promise<never> {
  const { watch } = await import('chokidar');
  const once = async () => {
    try { await renderOnce(input, o); } catch (e) { if (e instanceof CliExit) process.stderr.write(`kehoach: ${e.message}\n`); else throw e; }
  };
  await once();
  let files = await sourcesOf(input, o.lang);
  const watcher = watch(files, { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 80, pollInterval: 20 } });
  process.stderr.write(msg('watch/start', o.lang, { count: files.length }) + '\n');
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const changed = (file: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        process.stderr.write(msg('watch/changed', o.lang, { time: new Date().toTimeString().slice(0, 8), file }) + '\n');
        await once();
        const next = await sourcesOf(input, o.lang);
        watcher.unwatch(files.filter((f) => !next.includes(f)));
        watcher.add(next.filter((f) => !files.includes(f)));
        files = next;
      });
    }, 50);
  };
  watcher.on('change', changed).on('add', changed).on('unlink', changed);
  const stop = () => { void watcher.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop).on('SIGTERM', stop);
  return new Promise<never>(() => {});
}
