/**
 * How a plan file names kehoach's schema for the editor (yaml-language-server's `# yaml-language-server: $schema=`
 * line, VS Code's `yaml.schemas`): always a relative path to a file on this machine, never a URL that needs the
 * network or a package published under that name (issue 21, "schemas are referenced locally").
 *
 * The schema seen from a folder is, in order: the copy of the kehoach installed in a node_modules of that folder or
 * above (what `npm i -D kehoach` gives a plans repository, and what stays right when the repository is cloned
 * elsewhere); else the schemas of the kehoach that runs (its clone, or a global install).
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The schemas a plan file may name: the full plan schema, the editor's (Vietnamese messages) and the partial one
 * (no `required`: for _defaults.yaml and plans that take values from it). scripts/gen-editor-schemas.mjs makes the
 * last two from the first. */
export const SCHEMA_FILES = {
  plan: 'ke-hoach.schema.json',
  editor: 'ke-hoach.editor.schema.json',
  partial: 'ke-hoach.partial.schema.json',
} as const;
export type SchemaKind = keyof typeof SCHEMA_FILES;

/** The schemas folder of the kehoach that runs (absolute). */
export const SCHEMAS_DIR = fileURLToPath(new URL('../schemas/', import.meta.url));

/**
 * The absolute path of a schema as seen from `dir`: node_modules/kehoach/schemas/<file> in `dir` or the nearest
 * folder above that has it, else the running package's.
 */
export function schemaFileFrom(dir: string, kind: SchemaKind): string {
  const file = SCHEMA_FILES[kind];
  for (let d = resolve(dir); ; d = dirname(d)) {
    const installed = join(d, 'node_modules', 'kehoach', 'schemas', file);
    if (existsSync(installed)) return installed;
    if (dirname(d) === d) break;
  }
  return join(SCHEMAS_DIR, file);
}

/**
 * The schema as a path relative to `dir`, with '/' separators and a leading './' or '../' (what
 * yaml-language-server and VS Code read relative to the file or the workspace folder). Only where no relative path
 * exists (another drive on Windows) is it absolute.
 */
export function schemaRef(dir: string, kind: SchemaKind): string {
  const target = schemaFileFrom(dir, kind);
  const rel = relative(resolve(dir), target).split('\\').join('/');
  if (/^[A-Za-z]:|^\//.test(rel)) return rel;
  return rel.startsWith('.') ? rel : `./${rel}`;
}
