// Renders an example and makes the README's picture of its first page (examples/<name>.trang-1.png).
// Needs LibreOffice (soffice) and poppler (pdftoppm). Run: npm run screenshot [-- examples/<plan>.yaml]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { renderPlanFile } from '../dist/index.js';

const input = process.argv[2] ?? 'examples/001-ubnd-binh-thuan-2023.yaml';
const name = basename(input, '.yaml');
const dir = mkdtempSync(join(tmpdir(), 'kh-shot-'));
const { bytes } = await renderPlanFile(input);
writeFileSync(join(dir, `${name}.docx`), bytes);
execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, `${name}.docx`)], { stdio: 'ignore' });
execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(dir, `${name}.pdf`), join(dir, 'page')]);
copyFileSync(join(dir, 'page.png'), `examples/${name}.trang-1.png`);
console.log(`examples/${name}.trang-1.png`);
