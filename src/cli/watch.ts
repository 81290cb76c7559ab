/**
 * render --watch: renders once, then again on every save of the plan, its _defaults.yaml files and its ke_thua
 * chain (chokidar; the set of watched files is refreshed after each render, as ke_thua may change). The process
 * stays alive, so a re-render reuses the loaded templates, profile and validator. Diagnostics are printed each time.
 *
 * Speed without reading a half-written file into a wrong document: a save is rendered SETTLE_MS after its last file
 * event (no awaitWriteFinish, which alone waits ≥ 100 ms). Every event counts as a new save; a render that a newer
 * save overtook (an event arrived while it read or rendered, e.g. an editor still writing) neither prints its
 * diagnostics nor writes its output, as the newer save's own render follows. The output file is written atomically,
 * so it is always a complete document.
 */
import { statSync, watch as fsWatch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { msg, type Lang } from '../i18n/messages.js';
import { renderOnce, CliExit, type RenderCliOptions } from './render.js';
import { KehoachError } from '../errors.js';
import { formatDiagnostics, useColour } from './output.js';

/**
 * Quiet time after a file event before the plan is read (ms). Above chokidar's 5 ms per-file throttle, so the events
 * of one save (truncate, write, close; or write to a temporary file and rename) come together as one render.
 */
const SETTLE_MS = 15;
/** In-memory renders after the first one, to warm the pipeline up before the first save. */
const WARM_RENDERS = 4;

/** What the plan's path names now: a regular file, something else (a folder, a device …), or nothing. */
function kindOf(path: string): 'file' | 'other' | 'none' {
  try { return statSync(path).isFile() ? 'file' : 'other'; } catch { return 'none'; }
}

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

/**
 * Renders the plan WARM_RENDERS more times in memory (nothing printed, nothing written) while the user has not saved
 * yet, so the first saves find the pipeline compiled by V8 (a first re-render takes about twice a warm one).
 */
async function warmUp(input: string, o: RenderCliOptions, saved: () => boolean): Promise<void> {
  const { renderPlanFile } = await import('../index.js');
  const opts = { lang: o.lang, file: input, ...(o.templatesDir ? { templatesDir: o.templatesDir } : {}), ...(o.force ? { force: true } : {}) };
  for (let i = 0; i < WARM_RENDERS && !saved(); i++) {
    try { await renderPlanFile(input, opts); } catch { return; }
  }
}

/** Runs the watch loop until SIGINT / SIGTERM; resolves never (the process exits on a signal). */
export async function watchRender(input: string, o: RenderCliOptions): Promise<never> {
  const { watch } = await import('chokidar');
  /** Number of file events so far: a render started at save n is overtaken once it is no longer n. */
  let saves = 0;
  const once = async (superseded: () => boolean = () => false) => {
    try {
      await renderOnce(input, { ...o, superseded });
    } catch (e) {
      // A plan that became a folder, a device or a FIFO (refused unread, src/load.ts) is reported like a broken save:
      // the watch goes on, and the next good save renders.
      if (e instanceof KehoachError && !superseded()) {
        if (e.diagnostics.length) process.stderr.write(formatDiagnostics(e.diagnostics, 'text', useColour(2)) + '\n');
        else process.stderr.write(`kehoach: ${e.message}\n`);
        return;
      }
      if (!(e instanceof CliExit) && !(e instanceof KehoachError)) throw e;
      if (e instanceof CliExit && !superseded()) process.stderr.write(`kehoach: ${e.message}\n`);
    }
  };
  await once();
  let files = await sourcesOf(input, o.lang);
  let timer: NodeJS.Timeout | undefined;
  let running = warmUp(input, o, () => saves > 0);
  const changed = (file: string) => {
    saves++;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const save = saves;
      running = running.then(async () => {
        if (save !== saves) return; // a newer save is queued behind this one
        process.stderr.write(msg('watch/changed', o.lang, { time: new Date().toTimeString().slice(0, 8), file }) + '\n');
        await once(() => save !== saves);
        const next = await sourcesOf(input, o.lang);
        watcher.unwatch(files.filter((f) => !next.includes(f)));
        watcher.add(next.filter((f) => !files.includes(f)));
        files = next;
        if (kindOf(input) === 'other') awaitPlanFile();
      });
    }, SETTLE_MS);
  };
  const start = async () => {
    const w = watch(files, { ignoreInitial: true });
    await new Promise<void>((ready) => w.once('ready', () => ready())); // a save before this would go unseen
    return w.on('change', changed).on('add', changed).on('unlink', changed);
  };
  let watcher = await start();
  process.stderr.write(msg('watch/start', o.lang, { count: files.length }) + '\n');
  // A plan that became a folder or a device (reported by once()): chokidar then watches that thing and misses the plan
  // file's return, so the plan's folder is watched until a regular file is back, and the watch starts afresh.
  let rescue: FSWatcher | undefined;
  const plan = resolve(input);
  const awaitPlanFile = () => {
    if (rescue) return;
    rescue = fsWatch(dirname(plan), (_event, name) => {
      if ((name !== null && name !== basename(plan)) || kindOf(plan) !== 'file' || !rescue) return;
      rescue.close();
      rescue = undefined;
      const old = watcher;
      void old.close().then(start).then((w) => { watcher = w; changed(plan); });
    });
  };
  if (kindOf(plan) === 'other') awaitPlanFile();
  const stop = () => { rescue?.close(); void watcher.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop).on('SIGTERM', stop);
  return new Promise<never>(() => {});
}
