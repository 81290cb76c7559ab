/**
 * Printing diagnostics for people (text, with colour on a terminal) and machines (json, GitHub annotations).
 */
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../errors.js';
import { isTerminal } from './stdio.js';

/** The output formats of findings; `sarif` is written by src/cli/sarif.ts. */
export type Format = 'text' | 'json' | 'github' | 'sarif';

let forced: boolean | undefined;

/** --color (true) / --no-color (false) from the command line; undefined: decide per stream. */
export function setColourMode(mode: boolean | undefined): void {
  forced = mode;
}

/**
 * Colour or not on stdout (1) or stderr (2): --color / --no-color win; then NO_COLOR (any non-empty value: no colour,
 * no-color.org), then FORCE_COLOR (colour unless "0" or "false"); otherwise only on a terminal and never in CI.
 */
export function useColour(fd: 1 | 2): boolean {
  if (forced !== undefined) return forced;
  if (process.env.NO_COLOR) return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return !process.env.CI && isTerminal(fd);
}

let painter: ChalkInstance | undefined;
/**
 * Loads chalk when a stream will be coloured (useColour): a command whose output goes to a pipe or a file, as in CI,
 * never loads it (its colour detection loads Node's tty, net and stream modules, issue 22). The command line calls
 * this once before running a command; formatDiagnostics colours only after it.
 */
export async function prepareColour(): Promise<void> {
  if (painter || !(useColour(1) || useColour(2))) return;
  const { Chalk } = await import('chalk');
  painter = new Chalk({ level: 1 });
}

/** Formats diagnostics in the chosen format (json: an array of {file, line, column, severity, rule, message}); text is
 * coloured when `colour` is true and prepareColour() has loaded chalk. */
export function formatDiagnostics(diags: Diagnostic[], format: Exclude<Format, 'sarif'>, colour = false): string {
  if (format === 'json') {
    return JSON.stringify(diags.map(({ file, line, column, severity, rule, message, hint }) => ({ file, line, column, severity, rule, message, ...(hint ? { hint } : {}) })), null, 2);
  }
  if (format === 'github') {
    const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    const escProp = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
    return diags
      .map((d) => `::${d.severity === 'error' ? 'error' : 'warning'} file=${escProp(d.file)},line=${d.line},col=${d.column},title=${escProp(d.rule)}::${esc(d.message + (d.hint ? ` — ${d.hint}` : ''))}`)
      .join('\n');
  }
  const c = colour ? painter : undefined;
  const paint = (style: 'red' | 'yellow' | 'bold' | 'dim' | 'cyan', text: string) => (c ? c[style](text) : text);
  return diags
    .map((d) => {
      const sev = d.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning');
      const head = `${paint('bold', `${d.file}:${d.line}:${d.column}`)}  ${sev}  ${d.message}  ${paint('dim', `[${d.rule}]`)}`;
      return d.hint ? `${head}\n    ${paint('cyan', d.hint)}` : head;
    })
    .join('\n');
}
