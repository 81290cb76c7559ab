/**
 * Printing diagnostics for people (text, with colour on a terminal) and machines (json, GitHub annotations).
 */
import chalk, { Chalk } from 'chalk';
import type { Diagnostic } from '../errors.js';

export type Format = 'text' | 'json' | 'github';

/** Colour only on a terminal, and never with NO_COLOR or in CI. */
export function useColour(stream: NodeJS.WriteStream): boolean {
  return !!stream.isTTY && !process.env.NO_COLOR && !process.env.CI;
}

/** Formats diagnostics in the chosen format (json: an array of {file, line, column, severity, rule, message}). */
export function formatDiagnostics(diags: Diagnostic[], format: Format, colour = false): string {
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
  const c = colour ? chalk : new Chalk({ level: 0 });
  return diags
    .map((d) => {
      const sev = d.severity === 'error' ? c.red('error') : c.yellow('warning');
      const head = `${c.bold(`${d.file}:${d.line}:${d.column}`)}  ${sev}  ${d.message}  ${c.dim(`[${d.rule}]`)}`;
      return d.hint ? `${head}\n    ${c.cyan(d.hint)}` : head;
    })
    .join('\n');
}
