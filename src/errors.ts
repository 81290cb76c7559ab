/**
 * Diagnostics and the one error type the library throws for bad input.
 *
 * A diagnostic always names the file and a 1-based line and column in the YAML the person wrote.
 */

/** error: the plan cannot be rendered; warning: it can, but departs from the standard. */
export type Severity = 'error' | 'warning';

/** One problem found in a plan, positioned in the YAML source. */
export interface Diagnostic {
  /** Path of the plan file as given by the caller (or "<input>"). */
  file: string;
  /** 1-based line in the YAML source. */
  line: number;
  /** 1-based column in the YAML source. */
  column: number;
  severity: Severity;
  /** Stable rule id, e.g. "schema/required", "yaml/syntax", "ky-hieu/loai-van-ban". */
  rule: string;
  /** Human message in the chosen language. */
  message: string;
  /** Optional one-line hint on how to fix it. */
  hint?: string;
  /** Data path of the value the diagnostic is about (e.g. ["noi_nhan", "cac_noi", 2]), when it comes from one. */
  path?: (string | number)[];
  /**
   * A warning whose document would visibly be wrong (a number or "-" printed twice, two "Lưu" lines): rendering
   * stops unless the caller forces it (`--force`, `{ force: true }`).
   */
  stopsRender?: boolean;
}

/** Exit-code classes used by the CLI: 1 = invalid input, 2 = usage, 3 = internal/IO. */
export type ErrorKind = 'invalid' | 'usage' | 'io';

/**
 * Thrown by the library for any input problem: bad YAML, schema violations, unreadable files.
 * `diagnostics` holds every problem found (never just the first one).
 */
export class KehoachError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly kind: ErrorKind;
  constructor(message: string, diagnostics: Diagnostic[] = [], kind: ErrorKind = 'invalid') {
    super(message);
    this.name = 'KehoachError';
    this.diagnostics = diagnostics;
    this.kind = kind;
  }
}

/** Formats one diagnostic as `file:line:col  severity  message  [rule]` (plus the hint on its own line). */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  [${d.rule}]`;
  return d.hint ? `${head}\n    ${d.hint}` : head;
}
