/**
 * kehoach's own name and version, as it marks its output (issue 19, "never a lost original"): docProps/app.xml's
 * Application of every .docx (src/render/pack.ts) and the Producer of every PDF (src/pdf.ts) read
 * `kehoach/<version>`, and src/own-output.ts replaces only files that carry that mark.
 */
import { readFileSync } from 'node:fs';

let version: string | undefined;

/** The package's version (package.json), read once. */
export function kehoachVersion(): string {
  return (version ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version);
}

/** The application mark: `kehoach/0.1.0` (the form LibreOffice uses for its own: `LibreOffice/7.4…`). */
export const APPLICATION_PREFIX = 'kehoach/';

/** `kehoach/<version>`, written as the .docx's Application and the PDF's Producer. */
export function applicationMark(): string {
  return APPLICATION_PREFIX + kehoachVersion();
}
