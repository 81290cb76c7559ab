/**
 * Issue 23 no. 20: a fault of the Word reader (here a list-numbering module that throws a TypeError, as the reader
 * did on w:start="-3" with letters) must stay an internal error: readDocxBytes throws it as it is (not as the
 * user's "malformed XML"), and `check` lets it through to the CLI's internal-error handling (exit 3).
 */
import { describe, it, expect, vi } from 'vitest';
import { makeDocx, statePlan, p } from './docx-build.js';

vi.mock('../src/docx-read/numbering.js', () => ({
  numberingOf: () => () => { throw new TypeError("Cannot read properties of undefined (reading 'repeat')"); },
}));

const { readDocxBytes } = await import('../src/docx-read/index.js');
const { KehoachError } = await import('../src/errors.js');

const NUM = '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';

describe('an internal error of the reader is not disguised as broken XML', () => {
  it('readDocxBytes rethrows the TypeError itself', () => {
    const bytes = makeDocx({ numbering: NUM, body: statePlan({ body: p('Mục tiêu', { num: [1, 0] }) }) });
    let caught: unknown;
    try { readDocxBytes(bytes, 'x.docx', 'en'); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(TypeError);
    expect(caught).not.toBeInstanceOf(KehoachError);
  });
  it('check passes it on (the CLI then reports an internal error, exit 3), not a docx/doc diagnostic', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { checkCommand } = await import('../src/cli/import-check.js');
    const d = mkdtempSync(join(tmpdir(), 'kehoach-internal-'));
    try {
      const file = join(d, 'x.docx');
      writeFileSync(file, makeDocx({ numbering: NUM, body: statePlan({ body: p('Mục tiêu', { num: [1, 0] }) }) }));
      await expect(checkCommand([file], { format: 'json' }, { lang: 'en' })).rejects.toBeInstanceOf(TypeError);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
