/**
 * Printing diagnostics for people (text, with colour on a terminal) and machines (json, GitHub annotations).
 */
import chalk, { Chalk } from 'chalk';
import type { Diagnostic } from '../errors.js';

/** The output formats of findings; `sarif` is written by src/cli/sarif.ts. */
export type Format = 'text' | 'json' | 'github' | 'sarif';

let forced: boolean | undefined;

/** --color (true) / --no-color (false) from the command line; undefined: decide per stream. */
export function setColourMode(mode: boolean | undefined): void {
  forced = mode;
}

/**
 * Colour or not: --color / --no-color win; then NO_COLOR (any non-empty value: no colour, no-color.org), then
 * FORCE_COLOR (colour unless "0" or "false"); otherwise only on a terminal and never in CI.
 */
export function useColour(stream: NodeJS.WriteStream): boolean {
  if (forced !== undefined) return forced;
  if (process.env.NO_COLOR) return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return !!stream.isTTY && !process.env.CI;
}

/** Formats diagnostics in the chosen format (json: an array of {file, line, column, severity, rule, message}). */
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
  const c = colour ? (chalk.level > 0 ? chalk : new Chalk({ level: 1 })) : new Chalk({ level: 0 });
  return diags
    .map((d) => {
      const sev = d.severity === 'error' ? c.red('error') : c.yellow('warning');
      const head = `${c.bold(`${d.file}:${d.line}:${d.column}`)}  ${sev}  ${d.message}  ${c.dim(`[${d.rule}]`)}`;
      return d.hint ? `${head}\n    ${c.cyan(d.hint)}` : head;
    })
    .join('\n');
}
