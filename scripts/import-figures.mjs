#!/usr/bin/env node
/**
 * The import's two figures on the corpus (issue 19 item 2), as a Markdown table: for every example rendered then
 * imported, every seed text of test/fixtures/seeds and every real Word file of test/fixtures/realdocs, the word
 * recall (the figure `import` printed alone before) and the structural figure (src/import/fidelity.ts: the import
 * against the import of its render, with placeholders, guesses and doubtful values not counted); for the examples
 * and the seeds also the import against the example's own plan (the source's structure, known there).
 * Run after `npm run build`: `node scripts/import-figures.mjs [--issues]` (--issues lists the fields not recovered).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { renderPlan } from '../dist/index.js';
import { readDocxBytes, readDocument, readText } from '../dist/docx-read/index.js';
import { paragraphs, fullText } from '../dist/docx-read/model.js';
import { importDocument, importToYaml } from '../dist/import/index.js';
import { roundTrip } from '../dist/import/roundtrip.js';
import { compareStructure, pct } from '../dist/import/fidelity.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const show = process.argv.includes('--issues');
const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).sort();
const exampleOf = (prefix) => examples.find((e) => e.startsWith(prefix));
const rows = [];
const parts = (f) => f.parts.filter((p) => p.total).map((p) => `${p.part} ${p.recovered}/${p.total}`).join(', ');

async function row(name, doc, sourceText, truth) {
  const r = importDocument(doc);
  const source = new Map(paragraphs(doc).map((p) => [p.index, fullText(p)]));
  const rt = await roundTrip(importToYaml(r), sourceText ?? r.sourceText, {}, { plan: r.plan, notes: r.notes, source });
  const vsTruth = truth ? compareStructure({ plan: truth }, { plan: r.plan, notes: r.notes, source }) : null;
  // Values the source does not give, left as "…": errors of import/chua-dien until filled (never a stand-in that passes).
  const unfilled = rt.diagnostics.filter((d) => d.rule === 'import/chua-dien').map((d) => d.path.join('.'));
  rows.push(`| ${name} | ${pct(rt.recall.ratio)} % | ${pct(rt.structure.ratio)} % (${rt.structure.recovered}/${rt.structure.total}) | ${vsTruth ? `${pct(vsTruth.ratio)} % (${vsTruth.recovered}/${vsTruth.total})` : '—'} | ${parts(rt.structure)} | ${unfilled.length ? unfilled.join(', ') : '—'} |`);
  if (show) {
    for (const i of rt.structure.issues) rows.push(`|   | | ${i.kind}: ${i.path} — ${(i.detail ?? '').replace(/\|/g, '/')} | | | |`);
    for (const i of vsTruth?.issues ?? []) rows.push(`|   | | | ${i.kind}: ${i.path} — ${(i.detail ?? '').replace(/\|/g, '/')} | | |`);
  }
}

for (const ex of examples) {
  const text = readFileSync(join(ROOT, 'examples', ex), 'utf8');
  await row(`examples/${ex} (render → import)`, readDocxBytes(await renderPlan(text, { file: join(ROOT, 'examples', ex) }), ex), undefined, parse(text));
}
const seeds = join(ROOT, 'test', 'fixtures', 'seeds');
for (const f of readdirSync(seeds).filter((x) => x.endsWith('.txt')).sort()) {
  const text = readFileSync(join(seeds, f), 'utf8');
  const ex = exampleOf(f.slice(0, 3));
  await row(`seeds/${f}`, readText(text), text, ex ? parse(readFileSync(join(ROOT, 'examples', ex), 'utf8')) : undefined);
}
const real = join(ROOT, 'test', 'fixtures', 'realdocs');
for (const f of readdirSync(real).filter((x) => x.endsWith('.docx')).sort()) await row(`realdocs/${f}`, readDocument(join(real, f)), undefined, undefined);

console.log('| source | word recall (before) | structure: import vs import of its render | structure: import vs the example plan | per part | left to fill ("…", import/chua-dien) |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
