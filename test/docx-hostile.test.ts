/**
 * Hostile Word files (issue 23): numbers outside what Word allows in the list numbering, text that would not fit in
 * memory, ZIP entries that inflate past the size they declare. The files are built by test/support/hostile-docx.ts.
 * Through the CLI (import and check), each process under a small heap (--max-old-space-size=256): what used to
 * abort Node (exit 133/134) or exhaust the heap must now end with a message at the file (exit 1) or a normal
 * result, never a stack trace. Through the library: the limits one by one, and the list labels read.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { CLI } from './helpers.js';
import { KehoachError } from '../src/errors.js';
import { readDocxBytes, paragraphs } from '../src/docx-read/index.js';
import { formatCounter } from '../src/docx-read/numbering.js';
import { MAX_PARA_CHARS, MAX_TEXT_CHARS, MAX_PART_BYTES } from '../src/docx-read/limits.js';
import { makeDocx, statePlan, p, r } from './docx-build.js';
import { hugeIlvl, hugeStart, hugeRun, manyParas, lyingSize } from './support/hostile-docx.js';

const STACK = /\n\s+at |FATAL ERROR|Native stack trace|heap out of memory/;
let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'kehoach-hostile-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI on `bytes` written as `name`, under a 256 MB heap; `args` after the command and the file. */
function cli(cmd: 'import' | 'check', name: string, bytes: Uint8Array, args: string[] = []) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const extra = cmd === 'import' ? ['-o', join(dir, `${name}.yaml`), '--force'] : ['--format', 'json'];
  const res = spawnSync(process.execPath, ['--max-old-space-size=256', CLI, cmd, file, ...extra, ...args], {
    encoding: 'utf8', timeout: 90_000, env: { ...process.env, NO_COLOR: '1', CI: '1' },
  });
  return { ...res, file, out: `${res.stdout}\n${res.stderr}` };
}

/** The message of the KehoachError readDocxBytes throws for `bytes` (fails the test when it returns or throws another error). */
function refusal(bytes: Uint8Array, lang: 'vi' | 'en' = 'en'): string {
  try { readDocxBytes(bytes, 'x.docx', lang); } catch (e) { if (e instanceof KehoachError) return e.message; throw e; }
  throw new Error('expected a refusal');
}

describe('list numbering with numbers Word does not allow (issue 23 no. 1)', () => {
  const cases: [string, () => Uint8Array][] = [
    ['w:ilvl="1000000000"', () => hugeIlvl()],
    ['w:start="Infinity" (upper Roman)', () => hugeStart('Infinity')],
    ['w:start="1e15" (upper Roman)', () => hugeStart('1e15')],
    ['w:start="999999999999999" (lower Roman)', () => hugeStart('999999999999999', 'lowerRoman')],
    ['w:start="-3" (Vietnamese letters)', () => hugeStart('-3', 'lowerLetter')],
    ['w:startOverride="1000000000000" (upper Roman)', () => hugeStart('1', 'upperRoman', '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1000000000000"/></w:lvlOverride>')],
  ];
  it.each(cases)('%s: check and import finish normally, no stack trace, not "malformed XML"', (_label, make) => {
    const bytes = make();
    expect(bytes.length).toBeLessThan(4096);
    const c = cli('check', 'num.docx', bytes);
    expect(c.status, c.out).toBe(1); // the small test file lacks the header parts: layout errors, not a crash
    expect(c.out).not.toMatch(STACK);
    const ds = JSON.parse(c.stdout) as { rule: string; message: string }[];
    expect(ds.filter((d) => d.rule === 'docx/doc'), c.stdout).toEqual([]);
    const i = cli('import', 'num.docx', bytes, ['--lang', 'en']);
    expect(i.out).not.toMatch(STACK);
    // The small file has no header, title or closing: those values are left as "…" (import/chua-dien), exit 1, the
    // YAML still written.
    expect(i.status, i.out).toBe(1);
    expect(i.out).toMatch(/\[import\/chua-dien\]/);
    expect(existsSync(join(dir, 'num.docx.yaml'))).toBe(true);
  });

  it('labels: a level outside 0–8 gets none; a start outside 0–32767 reads as 1', () => {
    const labels = (b: Uint8Array) => paragraphs(readDocxBytes(b, 'x.docx')).map((q) => q.label ?? null);
    expect(labels(hugeIlvl())).toEqual([null]);
    expect(labels(hugeIlvl('8'))).toEqual(['1.']);
    expect(labels(hugeStart('Infinity'))).toEqual(['I.', 'II.']);
    expect(labels(hugeStart('1e15'))).toEqual(['I.', 'II.']);
    expect(labels(hugeStart('40000'))).toEqual(['I.', 'II.']);
    expect(labels(hugeStart('32767', 'decimal'))).toEqual(['32767.', '32768.']);
    expect(labels(hugeStart('3999'))).toEqual(['MMMCMXCIX.', '4000.']);
    expect(labels(hugeStart('-3', 'lowerLetter'))).toEqual(['a.', 'b.']);
    expect(labels(hugeStart('5', 'lowerLetter'))).toEqual(['đ.', 'e.']);
  });

  it('formatCounter is safe for any number: digits where a format cannot write it', () => {
    expect(formatCounter('upperRoman', 4)).toBe('IV');
    expect(formatCounter('upperRoman', 1e15)).toBe('1000000000000000');
    expect(formatCounter('lowerRoman', 0)).toBe('0');
    expect(formatCounter('upperRoman', Infinity)).toBe('');
    expect(formatCounter('lowerLetter', 0)).toBe('0');
    expect(formatCounter('lowerLetter', 24)).toBe('aa');
    expect(formatCounter('lowerLetter', 10_000)).toBe('10000');
    expect(formatCounter('upperLetter', -1)).toBe('-1');
    expect(formatCounter('decimal', NaN)).toBe('');
  });
});

describe('text that does not fit: bounded before it is parsed (issue 23 no. 2)', () => {
  it('one 24 MB run (~25 KB of file): refused at the file, exit 1, under a 256 MB heap', () => {
    const bytes = hugeRun(24 << 20);
    expect(bytes.length).toBeLessThan(64 * 1024);
    for (const cmd of ['check', 'import'] as const) {
      const res = cli(cmd, 'run.docx', bytes, ['--lang', 'en']);
      expect(res.out).not.toMatch(STACK);
      expect(res.status, res.out).toBe(1);
      expect(res.out).toContain(`part word/document.xml unpacks to more than ${MAX_PART_BYTES} bytes`);
    }
  });
  it('1,000 paragraphs of 20,000 characters: refused (vi message by default)', () => {
    const res = cli('import', 'paras.docx', manyParas(1000, 20_000));
    expect(res.out).not.toMatch(STACK);
    expect(res.status, res.out).toBe(1);
    expect(res.stderr).toContain('paras.docx: phần word/document.xml giải nén ra hơn');
  });
  it('the text kept is bounded under the part limit too: total characters, one paragraph', () => {
    const para = (n: number) => `<w:p><w:r><w:t>${'a'.repeat(n)}</w:t></w:r></w:p>`;
    expect(refusal(makeDocx({ body: statePlan({ body: para(MAX_PARA_CHARS + 1) }) }))).toBe(`x.docx: a paragraph is longer than ${MAX_PARA_CHARS} characters; refused`);
    expect(refusal(makeDocx({ body: statePlan({ body: para(MAX_TEXT_CHARS / 5).repeat(6) }) }))).toBe(`x.docx: the text is longer than ${MAX_TEXT_CHARS} characters (a plan has a few tens of thousands); refused`);
    // A footnote is kept at each reference: 300 references to a 20,000-character note are 6 million characters.
    const notes = `<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:t>${'n'.repeat(20_000)}</w:t></w:r></w:p></w:footnote></w:footnotes>`;
    const ref = '<w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p>';
    expect(refusal(makeDocx({ body: statePlan({ body: ref.repeat(300) }), extra: { 'word/footnotes.xml': notes } }), 'vi')).toBe(`x.docx: văn bản dài hơn ${MAX_TEXT_CHARS} ký tự (một kế hoạch chỉ vài chục nghìn); từ chối đọc`);
  });
  it('a plan kept as text (.txt) over the text bound is refused too, at the file', () => {
    const line = 'Nội dung kế hoạch triển khai thực hiện nhiệm vụ năm 2025.\n';
    const res = cli('import', 'big.txt', new TextEncoder().encode(line.repeat(Math.ceil((MAX_TEXT_CHARS + 1) / line.length))), ['--lang', 'en']);
    expect(res.out).not.toMatch(STACK);
    expect(res.status, res.out).toBe(1);
    expect(res.stderr).toContain(`big.txt: the text is longer than ${MAX_TEXT_CHARS} characters`);
  });
  it('a plan of ordinary size is still read whole', () => {
    const body = Array.from({ length: 400 }, (_, i) => p(r(`Nội dung số ${i + 1} của kế hoạch, đủ dài để giống một đoạn văn thật.`))).join('');
    expect(paragraphs(readDocxBytes(makeDocx({ body: statePlan({ body }) }), 'x.docx')).length).toBeGreaterThan(400);
  });
});

describe('a ZIP entry that inflates past its declared size (issue 23 no. 2)', () => {
  it('refused as a forged package as soon as it passes the declared size, not read as broken XML', () => {
    const bytes = lyingSize(5 << 20, 1000);
    expect(refusal(bytes)).toBe('x.docx: damaged or forged ZIP package: part word/document.xml unpacks to more than the size it declares (1000 bytes); refused');
    const res = cli('check', 'lie.docx', bytes);
    expect(res.out).not.toMatch(STACK);
    expect(res.status).toBe(1);
    expect((JSON.parse(res.stdout) as { message: string }[])[0].message).toContain('gói ZIP hỏng hoặc giả mạo');
  });
  it('an entry that declares more than it holds is read (its real bytes)', () => {
    const honest = lyingSize(0, 1_000_000);
    expect(paragraphs(readDocxBytes(honest, 'x.docx')).length).toBeGreaterThan(3);
  });
});

describe('broken XML is the user\'s file; a fault of the reader is not (issue 23 no. 20)', () => {
  it('malformed XML: "malformed XML" with the part named', () => {
    const bytes = makeDocx({ body: '<w:p><w:r><w:t>text</w:t></w:r></w:p><!-- a comment never closed' });
    expect(refusal(bytes)).toMatch(/^x\.docx: malformed XML in the Word file \(word\/document\.xml: .+\)$/);
  });
  it('a package without w:body: reported as the file\'s fault', () => {
    const bytes = makeDocx({ body: '' , extra: { 'word/document.xml': '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>' } });
    expect(refusal(bytes)).toBe('x.docx: malformed XML in the Word file (word/document.xml: w:body missing)');
  });
});

describe('XML nested past the parser\'s bound', () => {
  it('is a refusal with the part named, not "malformed XML"', () => {
    const deep = '<w:sdt><w:sdtContent>'.repeat(200) + '<w:p/>' + '</w:sdtContent></w:sdt>'.repeat(200);
    expect(refusal(makeDocx({ body: deep }))).toBe('x.docx: part word/document.xml nests XML elements deeper than 100 levels; refused');
  });
});
