/**
 * A document's family is told by each family's `nhan_dien:` (src/form/detect.ts) instead of a table of regular
 * expressions in code: the answers for the package's families are those of the old table, computed on the code
 * before the move (test/detect-grid.ts, test/fixtures/detect-expected.json), for every fixture document, every
 * rendered example and a grid of 7,350 header facts.
 */
import { describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { readDocument, readDocxBytes } from '../src/docx-read/index.js';
import { importDocument } from '../src/import/index.js';
import { familyDetector } from '../src/form/detect.js';
import { familyProfiles } from '../src/form/families.js';
import { KehoachError } from '../src/errors.js';
import { EXAMPLES, ROOT, renderExample } from './helpers.js';
import { factsGrid, fixtureDocuments } from './detect-grid.js';

const expected = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/detect-expected.json'), 'utf8')) as { documents: Record<string, string>; grid: string[] };

describe('detection from the layouts gives the old answers', () => {
  it('every fixture document (.docx, .txt) and every rendered example keeps its family', async () => {
    const documents: Record<string, string> = {};
    for (const f of fixtureDocuments()) documents[f] = importDocument(readDocument(join(ROOT, f))).plan.khoi as string;
    for (const ex of EXAMPLES) documents[`examples/${ex}`] = importDocument(readDocxBytes(await renderExample(ex), 't.docx')).plan.khoi as string;
    expect(documents).toEqual(expected.documents);
  }, 300_000);

  it('the grid of header facts: the same family and the same guesses', () => {
    const detect = familyDetector(familyProfiles());
    const grid = factsGrid();
    expect(grid.length).toBe(expected.grid.length);
    const changed: string[] = [];
    grid.forEach((h, i) => {
      const r = detect(h);
      const got = r.khoi + (r.comment ? '*' : '');
      if (got !== expected.grid[i]) changed.push(`${JSON.stringify(h)}: ${expected.grid[i]} → ${got}`);
    });
    expect(changed).toEqual([]);
  });
});

describe('nhan_dien of an office family', () => {
  const office = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-detect-'));
    mkdirSync(join(dir, 'hoi'));
    writeFileSync(join(dir, 'hoi', 'layout.yaml'), `ke_thua: nha_nuoc\n${text}`);
    return dir;
  };
  const facts = { text: 'HỘI NÔNG DÂN TỈNH X\n', agency: 'HỘI NÔNG DÂN TỈNH X', kyHieu: 'KH-HND', signature: 'TM. BAN THƯỜNG VỤ', signatureFamilies: [] };

  it('is read with no code; it is not inherited (a child of nha_nuoc is not the default)', () => {
    const dir = office('nhan_dien:\n  co_quan: [HỘI NÔNG DÂN]\n');
    expect(familyDetector(familyProfiles(dir), dir)(facts).khoi).toBe('hoi');
    expect(familyDetector(familyProfiles(dir), dir)({ ...facts, agency: 'SỞ NỘI VỤ', text: 'SỞ NỘI VỤ\n' }).khoi).toBe('nha_nuoc');
    const none = office('ten: Hội\n');
    expect(familyDetector(familyProfiles(none), none)(facts).khoi).toBe('nha_nuoc');
  });

  it('thu_tu orders the families: a family tried after the Front loses a document both match', () => {
    const dir = office('nhan_dien:\n  thu_tu: 50\n  co_quan: [HỘI NÔNG DÂN]\n');
    const both = { ...facts, agency: 'ỦY BAN MTTQ VIỆT NAM\nHỘI NÔNG DÂN TỈNH X' };
    expect(familyDetector(familyProfiles(dir), dir)(both).khoi).toBe('mat_tran');
    const first = office('nhan_dien:\n  co_quan: [HỘI NÔNG DÂN]\n');
    expect(familyDetector(familyProfiles(first), first)(both).khoi).toBe('hoi');
  });

  it('a malformed nhan_dien is reported at its layout.yaml line', () => {
    const dir = office('ten: Hội\nnhan_dien:\n  co_quan: HỘI\n  ky_hieu: [1, 2]\n');
    const e = (() => { try { familyDetector(familyProfiles(dir), dir); } catch (x) { return x; } })() as KehoachError;
    expect(e).toBeInstanceOf(KehoachError);
    expect(e.diagnostics[0]).toMatchObject({ file: join(dir, 'hoi', 'layout.yaml'), line: 5, rule: 'template/error' });
    expect(e.message).toContain('nhan_dien.ky_hieu');
    const unknown = office('nhan_dien:\n  coquan: [HỘI]\n');
    expect(() => familyDetector(familyProfiles(unknown), unknown)).toThrow(/nhan_dien\.coquan/);
  });
});
