/**
 * `kehoach doctor`: checks what the tool needs around it, each check with its result and, for a problem, a hint:
 *
 * - LibreOffice: `soffice` found (PATH or $KEHOACH_SOFFICE, src/pdf.ts findSoffice) and answering `--version` (PDF
 *   output, reading .doc/.odt);
 * - the fonts: Times New Roman (NĐ 30/2020 Phụ lục I: "phông chữ Times New Roman", Unicode TCVN 6909:2001) or its
 *   metric twin Liberation Serif (same advance widths, so lines break in the same places), as fontconfig resolves
 *   "Times New Roman" (`fc-match`); without fontconfig, the font files where Windows and macOS keep them;
 * - Node.js: version 22 or later (package.json `engines`);
 * - the user cache folder (src/cache.cts cacheDir): a folder owned by the user that no one else can write, and
 *   writable; a missing folder is fine when its parent is writable (it is made on first use); KEHOACH_CACHE=0 is off.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findSoffice } from './pdf.js';
import { msg, type Lang } from './i18n/messages.js';
import { cacheDir } from './cache.cjs';

/** One check's result: a short name, whether it is fine, what was found, and a hint when it is not. */
export interface DoctorCheck { name: string; ok: boolean; detail: string; hint?: string }

/** The lowest Node.js major version the tool runs on (package.json `engines`). */
export const MIN_NODE_MAJOR = 22;
/** The families that lay a page out as Times New Roman does (Liberation Serif is metric-compatible with it). */
export const SERIF_FAMILIES = ['Times New Roman', 'Liberation Serif'];
/** Longest wait for `soffice --version` (its first start can be slow), in ms. */
const SOFFICE_TIMEOUT_MS = 60_000;

function libreOffice(lang: Lang, env: NodeJS.ProcessEnv): DoctorCheck {
  const name = msg('doctor/soffice', lang);
  const path = findSoffice(env);
  if (!path) return { name, ok: false, detail: msg('doctor/soffice-missing', lang), hint: msg('doctor/soffice-hint', lang) };
  const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: SOFFICE_TIMEOUT_MS, env });
  const version = (r.stdout ?? '').split('\n').map((l) => l.trim()).find((l) => /\d+\.\d+/.test(l));
  if (r.status !== 0 || !version) return { name, ok: false, detail: msg('doctor/soffice-broken', lang, { path }), hint: msg('doctor/soffice-hint', lang) };
  return { name, ok: true, detail: `${version} (${path})` };
}

/** The family fontconfig gives for "Times New Roman", or undefined without fontconfig. */
function fcMatch(env: NodeJS.ProcessEnv): string | undefined {
  const r = spawnSync('fc-match', ['-f', '%{family[0]}', 'Times New Roman'], { encoding: 'utf8', timeout: 30_000, env });
  return r.status === 0 && r.stdout ? r.stdout.trim() : undefined;
}

const FONT_FILES: Record<string, string[]> = {
  win32: [join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts', 'times.ttf')],
  darwin: ['/System/Library/Fonts/Supplemental/Times New Roman.ttf', '/Library/Fonts/Times New Roman.ttf'],
};

function fonts(lang: Lang, env: NodeJS.ProcessEnv): DoctorCheck {
  const name = msg('doctor/fonts', lang);
  const family = fcMatch(env);
  if (family !== undefined) {
    if (SERIF_FAMILIES.some((f) => f.toLowerCase() === family.toLowerCase())) return { name, ok: true, detail: msg('doctor/fonts-found', lang, { family }) };
    return { name, ok: false, detail: msg('doctor/fonts-substitute', lang, { family }), hint: msg('doctor/fonts-hint', lang) };
  }
  const file = (FONT_FILES[process.platform] ?? []).find((f) => existsSync(f));
  if (file) return { name, ok: true, detail: msg('doctor/fonts-found', lang, { family: `Times New Roman (${file})` }) };
  return { name, ok: false, detail: msg('doctor/fonts-unknown', lang), hint: msg('doctor/fonts-hint', lang) };
}

function node(lang: Lang, version: string): DoctorCheck {
  const name = 'Node.js';
  const major = Number(version.replace(/^v/, '').split('.')[0]);
  if (major >= MIN_NODE_MAJOR) return { name, ok: true, detail: version };
  return { name, ok: false, detail: msg('doctor/node-old', lang, { version, min: MIN_NODE_MAJOR }), hint: msg('doctor/node-hint', lang, { min: MIN_NODE_MAJOR }) };
}

const writable = (p: string) => { try { accessSync(p, constants.W_OK); return true; } catch { return false; } };

function cache(lang: Lang): DoctorCheck {
  const name = msg('doctor/cache', lang);
  const dir = cacheDir();
  if (dir === null) return { name, ok: true, detail: msg('doctor/cache-off', lang) };
  const hint = msg('doctor/cache-hint', lang, { dir });
  let st;
  try { st = statSync(dir); } catch { st = undefined; }
  if (!st) {
    // made on first use: its nearest existing parent must let the user make it
    let up = dirname(dir);
    while (!existsSync(up) && dirname(up) !== up) up = dirname(up);
    return writable(up) ? { name, ok: true, detail: msg('doctor/cache-later', lang, { dir }) } : { name, ok: false, detail: msg('doctor/cache-cannot', lang, { dir, parent: up }), hint };
  }
  if (!st.isDirectory()) return { name, ok: false, detail: msg('doctor/cache-not-dir', lang, { dir }), hint };
  if (process.platform !== 'win32' && typeof process.getuid === 'function') {
    if (st.uid !== process.getuid()) return { name, ok: false, detail: msg('doctor/cache-owner', lang, { dir, uid: st.uid }), hint };
    if (st.mode & 0o022) return { name, ok: false, detail: msg('doctor/cache-mode', lang, { dir, mode: (st.mode & 0o777).toString(8) }), hint };
  }
  if (!writable(dir)) return { name, ok: false, detail: msg('doctor/cache-readonly', lang, { dir }), hint };
  return { name, ok: true, detail: dir };
}

/**
 * Runs every check (LibreOffice, fonts, Node.js, cache folder), in that order.
 * @param opts `env` for the programs' search (PATH, KEHOACH_SOFFICE; default process.env), `nodeVersion` (default
 *   process.version)
 */
export function runDoctor(opts: { lang?: Lang; env?: NodeJS.ProcessEnv; nodeVersion?: string } = {}): DoctorCheck[] {
  const lang = opts.lang ?? 'vi';
  const env = opts.env ?? process.env;
  return [libreOffice(lang, env), fonts(lang, env), node(lang, opts.nodeVersion ?? process.version), cache(lang)];
}
