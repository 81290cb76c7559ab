/**
 * PDF output (src/pdf.ts): `render -o x.pdf`, `render --pdf`, `batch --pdf` through LibreOffice headless.
 * Each example gives an A4 PDF with embedded fonts whose words are the .docx's words; without soffice on PATH
 * the message says how to install it, the exit code is 2 and nothing is written.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readdirSync, existsSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync, execFileSync } from 'node:child_process';
import { CLI, EXAMPLES, EXAMPLES_DIR, renderExample, docxParagraphs, docxParts, hasCommand, words, lcs } from './helpers.js';

const tools = hasCommand('soffice') && hasCommand('pdftotext') && hasCommand('pdffonts');
const tmp = () => mkdtempSync(join(tmpdir(), 'kh-pdfout-'));
const run = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });

describe('without LibreOffice on PATH', () => {
  // PATH holds only an empty folder: soffice cannot be found (node itself is started by its absolute path).
  const env = () => ({ PATH: tmp(), KEHOACH_SOFFICE: '' });
  it.each([
    ['render -o x.pdf', (d: string) => ['render', join(EXAMPLES_DIR, EXAMPLES[1]), '-o', join(d, 'x.pdf')]],
    ['render --pdf', (d: string) => ['render', join(EXAMPLES_DIR, EXAMPLES[1]), '-o', join(d, 'x.docx'), '--pdf']],
    ['batch --pdf', (d: string) => ['batch', EXAMPLES_DIR, '-o', join(d, 'out'), '--pdf']],
  ])('%s: says how to install it, exit 2, nothing written', (_name, args) => {
    const d = tmp();
    const r = run(args(d), env());
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('LibreOffice');
    expect(r.stderr).toContain('apt-get install libreoffice-writer-nogui');
    expect(readdirSync(d)).toEqual([]);
    const en = run(['--lang', 'en', ...args(d)], env());
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('Nothing was written');
  });
});

describe.skipIf(!tools).each(EXAMPLES)('render -o x.pdf of %s', (ex) => {
  it('is an A4 PDF with embedded fonts whose words are the .docx words', async () => {
    const d = tmp();
    const pdf = join(d, 'x.pdf');
    const r = run(['render', join(EXAMPLES_DIR, ex), '-o', pdf]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(d)).toEqual(['x.pdf']); // PDF only: no .docx, no temporary files
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, f).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/); // emb, sub
    expect(fonts.join('\n')).toMatch(/TimesNewRoman|LiberationSerif/);
    let pdfText = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }); // -raw: content-stream order, cell by cell
    // A footnote's reference mark is a superscript number glued to its word ("dân1"): unglue it where the plan has notes.
    if (readFileSync(join(EXAMPLES_DIR, ex), 'utf8').includes('chu_thich:')) pdfText = pdfText.replace(/(\p{Ll})\d{1,2}(?=[\s;,.:)]|$)/gmu, '$1');
    const pdfWords = words(pdfText);
    const bytes = await renderExample(ex);
    // the page's words: the body's, then the footnotes' (at the foot of their pages, whose separator has no words)
    const notes = (docxParts(bytes)['word/footnotes.xml'] ?? '').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
    const bodyWords = words(docxParagraphs(bytes).join('\n'));
    const docWords = [...bodyWords, ...words(notes)];
    // The same words in the same order (≥ 99 %: side-by-side table cells, e.g. the header, interleave in pdftotext's
    // reading order); every .docx word is in the PDF, and the PDF adds only page numbers.
    expect(lcs(bodyWords, pdfWords) / bodyWords.length).toBeGreaterThan(0.99);
    const count = (ws: string[]) => ws.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
    const inPdf = count(pdfWords);
    for (const [w, n] of count(docWords)) if (/\p{L}/u.test(w)) expect(inPdf.get(w) ?? 0, w).toBeGreaterThanOrEqual(n); // numbers may join across a line break
    expect(pdfWords.length - docWords.length).toBeLessThanOrEqual(10);
  });
});

describe.skipIf(!tools)('--pdf beside the .docx', () => {
  it('render --pdf writes both beside the input', () => {
    const d = tmp();
    copyFileSync(join(EXAMPLES_DIR, EXAMPLES[0]), join(d, 'plan.yaml'));
    const r = run(['render', join(d, 'plan.yaml'), '--pdf']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(d).sort()).toEqual(['plan.docx', 'plan.pdf', 'plan.yaml']);
  });
  it('batch --pdf writes a PDF beside every .docx, in one LibreOffice run', () => {
    const d = tmp();
    const src = join(d, 'plans', 'sub');
    mkdirSync(src, { recursive: true });
    for (const ex of EXAMPLES.slice(0, 3)) copyFileSync(join(EXAMPLES_DIR, ex), join(ex === EXAMPLES[0] ? dirname(src) : src, ex));
    const r = run(['batch', join(d, 'plans'), '-o', join(d, 'out'), '--pdf', '--jobs', '1']);
    expect(r.status, r.stderr).toBe(0);
    for (const ex of EXAMPLES.slice(0, 3)) {
      const base = join(d, 'out', ...(ex === EXAMPLES[0] ? [] : ['sub']), ex.replace('.yaml', ''));
      expect(existsSync(base + '.docx'), base).toBe(true);
      expect(existsSync(base + '.pdf'), base).toBe(true);
    }
  });
});
