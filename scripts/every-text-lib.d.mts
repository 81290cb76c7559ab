export interface TextValue { path: (string | number)[]; value: string; line: number }
export function textValues(text: string, codeKeys: ReadonlySet<string>): TextValue[];
export function docxText(buf: Uint8Array): string;
export const norm: (s: string) => string;
export const printed: (s: string) => string;
export function silentDrops(o: { text: string; diagnostics: { line: number }[]; docx: Uint8Array; codeKeys: ReadonlySet<string> }): TextValue[];
