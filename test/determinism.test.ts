/** The same input gives a byte-identical .docx: in one process, and across processes through the CLI. */
import { describe, it, expect } from 'vitest';
import { readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { renderPlan } from '../src/index.js';
import { EXAMPLES, EXAMPLES_DIR, CLI, docxParts } from './helpers.js';

describe('deterministic output', () => {
  it.each(EXAMPLES)('%s renders byte-identically twice in one process', async (ex) => {
    const src = readFileSync(join(EXAMPLES_DIR, ex), 'utf8');
    const a = await renderPlan(src);
    const b = await renderPlan(src);
    expect(Buffer.compare(a, b)).toBe(0);
    // The document date is the issue date, not the clock.
    expect(docxParts(a)['docProps/core.xml']).toMatch(/<dcterms:created[^>]*>\d{4}-\d{2}-\d{2}T00:00:00Z</);
  });

  it('two CLI processes write identical files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-det-'));
    const ex = join(EXAMPLES_DIR, EXAMPLES[0]);
    for (const out of ['a.docx', 'b.docx']) {
      const r = spawnSync(process.execPath, [CLI, 'render', ex, '-o', join(dir, out)], { encoding: 'utf8', env: { ...process.env, TZ: out === 'a.docx' ? 'UTC' : 'Asia/Ho_Chi_Minh' } });
      expect(r.status, r.stderr).toBe(0);
    }
    expect(Buffer.compare(readFileSync(join(dir, 'a.docx')), readFileSync(join(dir, 'b.docx')))).toBe(0);
  });

  it('a different input gives a different file (the comparison can fail)', async () => {
    const src = readFileSync(join(EXAMPLES_DIR, EXAMPLES[0]), 'utf8');
    const a = await renderPlan(src);
    const b = await renderPlan(src.replace('Nguyễn Xuân Phôi', 'Nguyễn Xuân Phối'));
    expect(Buffer.compare(a, b)).not.toBe(0);
  });
});
