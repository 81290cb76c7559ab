/**
 * How every command ends (src/cli/main.ts registers them): its exit code set, or its failure reported as one line
 * (diagnostics as file:line:col) with the documented code. Exit codes: 0 ok; 1 the plan or document has errors (or
 * warnings with --strict); 2 usage; 3 internal error, or an output could not be written or converted. --debug adds
 * the stack of an internal error.
 */
import type { Command } from 'commander';
import { KehoachError, type Diagnostic } from '../errors.js';
import { msg, type Lang } from '../i18n/messages.js';
import { formatDiagnostics, useColour, type Format } from './output.js';
import { writeErr, writeOut } from './stdio.js';
import { formatSarif } from './sarif.js';
import { CliExit } from './render.js';

/** The options every command has (before the command's name). */
export interface GlobalOptions { lang: Lang; debug?: boolean; templates?: string; color?: boolean }

/**
 * Reports a failure and exits: CliExit with its code; KehoachError with its diagnostics (or its message), exit 2 for
 * a usage error, else 1; anything else is an internal error, exit 3, with its stack under --debug.
 * @param lang the language of the internal-error message
 */
export function fail(e: unknown, lang: Lang, debug?: boolean): never {
  if (e instanceof CliExit) {
    writeErr(`kehoach: ${e.message}\n`);
    process.exit(e.code);
  }
  if (e instanceof KehoachError) {
    if (e.diagnostics.length) writeErr(formatDiagnostics(e.diagnostics, 'text', useColour(2)) + '\n');
    else writeErr(`kehoach: ${e.message}\n`);
    process.exit(e.kind === 'usage' ? 2 : 1);
  }
  const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
  writeErr(`kehoach: ${msg('cli/internal', lang, { detail })}\n`);
  if (debug && e instanceof Error) writeErr(`${e.stack}\n`);
  process.exit(3);
}

/**
 * A command's action (commander `.action(…)`): runs `body` with the program's global options and the command's
 * arguments, sets the exit code it returns (process.exitCode: the output is flushed before the process ends) and
 * reports what it throws (fail()).
 * @param program the program whose options are the global ones
 * @param lang the language of the internal-error message
 */
export function runCommand<A extends unknown[]>(program: Command, lang: Lang, body: (g: GlobalOptions, ...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const g = program.opts<GlobalOptions>();
    try {
      process.exitCode = await body(g, ...args);
    } catch (e) {
      fail(e, lang, g.debug);
    }
  };
}

/** The reporting options `validate` and `check` share. */
export interface ReportOptions {
  format: Format;
  strict?: boolean;
  /** Print errors only (warnings are still counted for --max-warnings, as ESLint does). */
  quiet?: boolean;
  /** The number of warnings allowed: more fails the command (exit 1). */
  maxWarnings?: number;
}

/**
 * --max-warnings: a whole number ≥ 0, or undefined when not given.
 * @throws CliExit (exit 2) for anything else
 */
export function parseMaxWarnings(value: string | undefined, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(/^\d+$/.test(value.trim()) && Number.isSafeInteger(n))) throw new CliExit(2, msg('cli/bad-max-warnings', lang, { value }));
  return n;
}

/**
 * Prints the findings of `validate` and `check`: json or SARIF 2.1.0 on stdout; text (coloured on a terminal) or
 * GitHub annotations on stdout, and for text the summary line on stderr. `quiet` leaves the warnings out of what is
 * printed (the summary still counts them).
 * @param files how many files were read (for the summary)
 * @returns the exit code: 1 when there is an error, a warning with --strict, or more warnings than --max-warnings
 *   (the line saying so on stderr); else 0
 */
export function reportFindings(all: Diagnostic[], o: ReportOptions, files: number, lang: Lang): number {
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  const shown = o.quiet ? all.filter((d) => d.severity === 'error') : all;
  if (o.format === 'json') writeOut(formatDiagnostics(shown, 'json') + '\n');
  else if (o.format === 'sarif') writeOut(formatSarif(shown, lang) + '\n');
  else {
    if (shown.length) writeOut(formatDiagnostics(shown, o.format, useColour(1)) + '\n');
    if (o.format === 'text') writeErr(msg('cli/summary', lang, { files, errors, warnings }) + '\n');
  }
  const tooMany = o.maxWarnings !== undefined && warnings > o.maxWarnings;
  if (tooMany) writeErr(`kehoach: ${msg('cli/too-many-warnings', lang, { warnings, max: o.maxWarnings! })}\n`);
  return errors > 0 || (o.strict && warnings > 0) || tooMany ? 1 : 0;
}
