/**
 * The README's "Reliability limits" section says what it can prove: each limit it states is the constant the code
 * enforces, and each test it names exists in the file it names (so a renamed test or a changed limit fails here).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';
import { MAX_PLAN_BYTES, MAX_ALIAS_COUNT } from '../src/load.js';
import { MAX_TEXT_VALUES } from '../src/pipeline.js';
import { MAX_DOCX_BYTES } from '../src/docx-read/index.js';
import { MAX_PART_BYTES, MAX_TEXT_CHARS, MAX_PARA_CHARS, MAX_ILVL, MAX_START, MAX_DEPTH, INFLATE_SLACK } from '../src/docx-read/limits.js';
import { PDF_IDLE_TIMEOUT_MS } from '../src/pdf.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Reliability limits'), readme.indexOf('\n## ', readme.indexOf('## Reliability limits') + 5));
const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| input') && !l.startsWith('|---'));
const row = (input: string) => rows.find((r) => r.startsWith(`| ${input}`)) ?? '';

describe('README: Reliability limits', () => {
  it('states the limits the code enforces', () => {
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(MAX_PLAN_BYTES).toBe(2 * 1024 * 1024);
    expect(row('a plan file')).toContain('2 MiB (2,097,152 bytes');
    expect(row('texts in a plan')).toContain(`${MAX_TEXT_VALUES.toLocaleString('en')} values`);
    expect(row('YAML aliases')).toContain(`${MAX_ALIAS_COUNT} alias uses`);
    expect(row('a Word file')).toContain(`${MAX_DOCX_BYTES / 1024 / 1024} MB`);
    expect(row('one XML part')).toContain(`${MAX_PART_BYTES / 1024 / 1024} MB unpacked`);
    expect(row('text a .docx holds')).toContain(`${MAX_TEXT_CHARS.toLocaleString('en')} characters in all, ${MAX_PARA_CHARS.toLocaleString('en')} in one paragraph`);
    expect(row('list numbering')).toContain(`levels 0–${MAX_ILVL}`);
    expect(row('list numbering')).toContain(`0–${MAX_START.toLocaleString('en')}`);
    expect(row('XML nesting')).toContain(`${MAX_DEPTH} elements deep`);
    expect(row("a ZIP entry's declared size")).toContain(`${INFLATE_SLACK / 1024} KB past it`);
    expect(row('LibreOffice')).toContain(`${PDF_IDLE_TIMEOUT_MS / 1000} s`);
  });

  it('names tests that exist', () => {
    const named = [...section.matchAll(/`([a-z-]+) › ([^`]+)`/g)].filter((m) => m[1] !== 'file').map((m) => [m[1], m[2].replace(/\s*…$/, '')]);
    expect(named.length).toBeGreaterThanOrEqual(15);
    const missing = named.filter(([file, name]) => !readFileSync(join(ROOT, 'test', `${file}.test.ts`), 'utf8').replace(/\\'/g, "'").includes(name.replace(/ \(sparse: never read\): clear message, exit 1, nothing written$/, ' (sparse: never read)')));
    expect(missing).toEqual([]);
  });
});
