/** Types of scripts/lsp-client.mjs (a client of `kehoach lsp` for the tests and the bench). */
import type { ChildProcess } from 'node:child_process';
import type { MessageConnection } from 'vscode-jsonrpc/node';

export interface Published { uri: string; version?: number; diagnostics: LspDiagnostic[]; at: number }
export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number; code?: string | number; source?: string; message: string;
  relatedInformation?: { location: { uri: string; range: LspDiagnostic['range'] }; message: string }[];
  data?: unknown;
}
export interface LspClient {
  child: ChildProcess;
  conn: MessageConnection;
  init: { capabilities: Record<string, unknown> };
  published: Map<string, Published[]>;
  readonly stderr: string;
  uriOf(path: string): string;
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<Published>;
  open(path: string, text: string, languageId?: string): Promise<string>;
  change(uri: string, text: string): Promise<number>;
  insert(uri: string, line: number, character: number, text: string): Promise<number>;
  close(uri: string): Promise<void>;
  request<T = any>(method: string, params?: unknown): Promise<T>;
  stop(): Promise<number | null>;
}
export declare function startLsp(o?: { initializationOptions?: Record<string, unknown>; locale?: string; args?: string[]; cwd?: string; env?: NodeJS.ProcessEnv }): Promise<LspClient>;
export declare function applyEdits(text: string, edits: { range: LspDiagnostic['range']; newText: string }[]): string;
