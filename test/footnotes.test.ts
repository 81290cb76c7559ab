/**
 * Footnotes (issue 7 item 5): `[^key]` in any text, the note under `chu_thich`, rendered as a real Word footnote
 * (word/footnotes.xml, w:footnoteReference in the paragraph) at the foot of its page (LibreOffice → PDF → poppler).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { renderPlan, checkPlanText } from '../src/index.js';
import { EXAMPLES_DIR, docxParts, hasCommand, orderedParser, plainParser, effectiveFormatting, isOn } from './helpers.js';
import validate, { ready } from '@ooxml-tools/validate';

const base = readFileSync(join(EXAMPLES_DIR, '003-so-ldtbxh-binh-phuoc-2018.yaml'), 'utf8');
const NOTE_A = 'Chỉ thị số 02/CT-UBND ngày 26/01/2018 của Ủy ban nhân dân tỉnh Bình Phước.';
const NOTE_B = 'Nghị quyết Đại hội Đảng bộ tỉnh Bình Phước lần thứ X, nhiệm kỳ 2015 – 2020.';
const withNotes = (notes = `chu_thich:\n  ct02: ${NOTE_A}\n  nq-x: '*${NOTE_B}*'\n`) => base
  .replace('Thực hiện Chỉ thị số 02/CT-UBND ngày 26/01/2018 của UBND tỉnh', 'Thực hiện Chỉ thị số 02/CT-UBND[^ct02] ngày 26/01/2018 của UBND tỉnh')
  .replace('Nghị quyết Đại hội Đảng bộ lần thứ X của tỉnh;', 'Nghị quyết Đại hội Đảng bộ lần thứ X của tỉnh[^nq-x];')
  + notes;

/** Paragraph texts of a part, each with the footnote ids referenced in it. */
function paragraphs(xml: string): { text: string; refs: string[] }[] {
  type N = Record<string, unknown> & { ':@'?: Record<string, string> };
  const out: { text: string; refs: string[] }[] = [];
  const walk = (nodes: N[], acc: { text: string; refs: string[] } | null) => {
    for (const n of nodes) {
      const name = Object.keys(n).find((k) => k !== ':@')!;
      if (name === '#text') { if (acc) acc.text += String(n['#text']); continue; }
      if (name === 'w:footnoteReference' && acc) acc.refs.push(n[':@']!['@w:id']);
      const kids = (n[name] as N[]) ?? [];
      if (name === 'w:p') { const a = { text: '', refs: [] }; walk(kids, a); out.push(a); } else walk(kids, acc);
    }
  };
  walk(orderedParser.parse(xml) as N[], null);
  return out;
}

describe('footnotes in the .docx', () => {
  it('word/footnotes.xml holds the notes; document.xml the references, numbered in document order', async () => {
    const parts = docxParts(await renderPlan(withNotes()));
    const doc = paragraphs(parts['word/document.xml']);
    const refd = doc.filter((p) => p.refs.length);
    expect(refd.map((p) => [p.text.slice(0, 40), p.refs])).toEqual([
      ['Thực hiện Chỉ thị số 02/CT-UBND ngày 26/', ['1']],
      ['1. Đổi mới nâng cao chất lượng phong trà', ['2']],
    ]);
    expect(refd[1].text).toContain('lần thứ X của tỉnh;');
    expect(parts['word/document.xml']).not.toContain('[^');
    const notes = parts['word/footnotes.xml'];
    const ids = [...notes.matchAll(/<w:footnote w:id="(-?\d+)"/g)].map((m) => m[1]);
    expect(ids.filter((i) => Number(i) > 0)).toEqual(['1', '2']);
    const notePs = paragraphs(notes).map((p) => p.text).filter(Boolean);
    expect(notePs).toEqual([`\u00a0${NOTE_A}`, `\u00a0${NOTE_B}`]);
    // 12 pt Times New Roman (layout.yaml kieu.chu_thich), the second note italic (*…* in the plan), as the page
    // shows them: document defaults, the note paragraph's style chain, then the run's own formatting.
    type X = Record<string, any>;
    const fmt = effectiveFormatting(parts);
    const textRuns = (id: string) => [(plainParser.parse(notes) as X)['w:footnotes']['w:footnote']].flat()
      .filter((f: X) => f['@w:id'] === id).flatMap((f: X) => [f['w:p']].flat())
      .flatMap((p: X) => [p['w:r'] ?? []].flat().map((r: X) => ({ r, rPr: fmt.run(p, r) })));
    for (const id of ['1', '2']) {
      const runs = textRuns(id);
      expect(runs.length, id).toBeGreaterThan(1);
      for (const { rPr } of runs) {
        expect(rPr['w:rFonts'], id).toMatchObject({ '@w:ascii': 'Times New Roman', '@w:hAnsi': 'Times New Roman' });
        expect(rPr['w:sz']['@w:val'], id).toBe('24');
      }
    }
    const runText = (r: X) => [r['w:t'] ?? []].flat().map((t: X | string) => (typeof t === 'string' ? t : t['#text'] ?? '')).join('');
    const noteText = (id: string) => textRuns(id).filter(({ r }) => /\p{L}/u.test(runText(r)));
    expect(noteText('1').map(({ rPr }) => isOn(rPr, 'w:i'))).toEqual([false]);
    expect(noteText('2').map(({ rPr }) => isOn(rPr, 'w:i'))).toEqual([true]);
  });

  it('passes the Open XML SDK validator', async () => {
    await ready();
    expect(await validate(new Uint8Array(await renderPlan(withNotes())), 'docx', 'Office2016')).toEqual([]);
  }, 60_000);

  it('the same input gives the same bytes', async () => {
    expect(Buffer.compare(await renderPlan(withNotes()), await renderPlan(withNotes()))).toBe(0);
  });

  it('an undefined reference and an unused note are errors at their lines', () => {
    const text = withNotes(`chu_thich:\n  ct02: ${NOTE_A}\n  thua: Không ai dùng.\n`);
    const ds = checkPlanText(text, { file: 'x.yaml' }).diagnostics.filter((d) => d.rule.startsWith('plan/footnote'));
    const lines = text.split('\n');
    const lineOf = (s: string) => lines.findIndex((l) => l.includes(s)) + 1;
    expect(ds.map((d) => [d.rule, d.line, d.severity])).toEqual([
      ['plan/footnote-undefined', lineOf('[^nq-x]'), 'error'],
      ['plan/footnote-unused', lineOf('thua:'), 'error'],
    ]);
    expect(ds[0].message).toContain('nq-x');
  });

  it('a reference inside a note is reported once, as nested: it neither uses a note nor counts as undefined', () => {
    const text = withNotes(`chu_thich:\n  ct02: ${NOTE_A}\n  nq-x: 'Xem[^nq-x] và[^khong-co].'\n`);
    const ds = checkPlanText(text, { file: 'x.yaml' }).diagnostics.filter((d) => d.rule.startsWith('plan/footnote'));
    const lines = text.split('\n');
    expect(ds.map((d) => [d.rule, d.line])).toEqual([['plan/footnote-nested', lines.findIndex((l) => l.includes('nq-x: ')) + 1]]);
  });
});

const tools = hasCommand('soffice') && hasCommand('pdftotext');
describe.skipIf(!tools)('footnotes through LibreOffice', () => {
  it('each note is printed at the foot of the page that holds its reference', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-fn-'));
    writeFileSync(join(dir, 'fn.docx'), await renderPlan(withNotes()));
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'fn.docx')], { stdio: 'ignore', timeout: 180_000 });
    const html = execFileSync('pdftotext', ['-bbox-layout', '-f', '1', '-l', '1', join(dir, 'fn.pdf'), '-'], { encoding: 'utf8' });
    const pageH = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(html)![1]);
    const lines = [...html.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)]
      .map((m) => ({ y: Number(m[1]), text: [...m[2].matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(' ') }));
    const noteA = lines.find((l) => l.text.includes('Chỉ thị số 02/CT-UBND ngày 26/01/2018 của Ủy ban'));
    expect(noteA, lines.map((l) => l.text).join('\n')).toBeDefined();
    // Below every body line of page 1, in the bottom quarter of the page.
    expect(noteA!.y).toBeGreaterThan(pageH * 0.75);
    const body = lines.filter((l) => l !== noteA && !/^\d+$/.test(l.text) && !l.text.includes('Đảng bộ tỉnh Bình Phước lần thứ X'));
    expect(Math.max(...body.map((l) => l.y))).toBeLessThan(noteA!.y);
  }, 240_000);
});
