// Bundles extension.js with vscode-languageclient into dist/extension.js (the `vscode` module is VS Code's own), so
// the .vsix holds one file and no node_modules. Run by `npm run build:vsix` of the package (then vsce packages it).
import { rolldown } from 'rolldown';
import { copyFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
rmSync(`${here}dist`, { recursive: true, force: true });
const build = await rolldown({ input: `${here}extension.js`, platform: 'node', external: ['vscode'], logLevel: 'silent' });
await build.write({ file: `${here}dist/extension.js`, format: 'cjs', codeSplitting: false, minify: true });
await build.close();
// The package's licence, as the .vsix's (vsce wants one in the extension's folder).
copyFileSync(`${here}../../LICENSE`, `${here}LICENSE.txt`);
