/**
 * Real render: every example converted to PDF by LibreOffice, checked with poppler. A4 pages; page 1 has the
 * header words above "KẾ HOẠCH" and no page number; pages 2+ start with their number (end with it where the plan puts
 * it in the footer); the signer's name comes after the body; "Nơi nhận:" and the first line of the signature sit side
 * by side.
 * Needs soffice and poppler-utils (.ci/run installs them); skipped with a warning where they are missing, except
 * in CI, where a missing tool fails the run.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { parse } from 'yaml';
import { EXAMPLES, EXAMPLES_DIR, renderExample, docxParagraphs, hasCommand, words } from './helpers.js';

const tools = hasCommand('soffice') && hasCommand('pdftotext') && hasCommand('pdfinfo');
if (!tools) {
  if (process.env.CI) throw new Error('CI needs LibreOffice (soffice) and poppler-utils for the real-render tests: see .ci/run');
  console.warn('\n!!! soffice or poppler missing: the LibreOffice render tests are SKIPPED (install: see .ci/run)\n');
}

const dir = mkdtempSync(join(tmpdir(), 'kh-pdf-'));
const pdf = (ex: string) => join(dir, ex.replace(/\.yaml$/, '.pdf'));
const text = (ex: string, page: number, layout = true) =>
  execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-f', String(page), '-l', String(page), pdf(ex), '-'], { encoding: 'utf8' });
const pages = (ex: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf(ex)], { encoding: 'utf8' }))![1]);
/** The page with "Nơi nhận" (the plan's last page; annexed appendices may follow it). */
const closingPage = (ex: string) => { for (let p = pages(ex); p > 1; p--) if (text(ex, p, false).includes('Nơi nhận')) return p; return pages(ex); };
const firstLine = (s: string) => s.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';

beforeAll(async () => {
  if (!tools) return;
  const files = [];
  for (const ex of EXAMPLES) {
    const f = join(dir, ex.replace(/\.yaml$/, '.docx'));
    writeFileSync(f, await renderExample(ex));
    files.push(f);
  }
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], { stdio: 'ignore', timeout: 240_000 });
}, 300_000);

describe.skipIf(!tools).each(EXAMPLES)('LibreOffice render of %s', (ex) => {
  const plan = parse(readFileSync(join(EXAMPLES_DIR, ex), 'utf8'));
  const party = plan.khoi === 'dang';

  it('converts to a PDF of A4 pages, at least two', () => {
    expect(existsSync(pdf(ex))).toBe(true);
    const n = pages(ex);
    expect(n).toBeGreaterThanOrEqual(2);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(n), pdf(ex)], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)];
    expect(sizes).toHaveLength(n);
    for (const [, w, h] of sizes) {
      expect(Math.abs(Number(w) - 595.28)).toBeLessThan(1);
      expect(Math.abs(Number(h) - 841.89)).toBeLessThan(1);
    }
  });

  it('page 1: header words above KẾ HOẠCH, and no page number', () => {
    const t = text(ex, 1);
    const title = t.indexOf('KẾ HOẠCH');
    expect(title).toBeGreaterThan(0);
    const header = party ? ['ĐẢNG CỘNG SẢN VIỆT NAM'] : ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
    const agency = [plan.co_quan_ban_hanh].flat();
    for (const h of [...header, ...agency, party ? 'Số ' : 'Số: ']) {
      const at = t.indexOf(h);
      expect(at, h).toBeGreaterThanOrEqual(0);
      expect(at, h).toBeLessThan(title);
    }
    expect(firstLine(t)).not.toMatch(/^\d+$/);
  });

  // The number is in the header (NĐ 30 PL I mục II.10), or in the footer where the plan chose it (trinh_bay.so_trang).
  const footer = plan.trinh_bay?.so_trang === 'chan_trang';
  it(footer ? 'pages 2+ end with their page number (trinh_bay.so_trang: chan_trang)' : 'pages 2+ start with their page number', () => {
    for (let p = 2; p <= pages(ex); p++) {
      const lines = text(ex, p).split('\n').map((l) => l.trim()).filter(Boolean);
      expect(footer ? lines.at(-1) : lines[0], `page ${p}`).toBe(String(p));
      if (footer) expect(lines[0], `page ${p}: not in the header too`).not.toBe(String(p));
    }
  });

  it("the signer's name comes after the body", async () => {
    const paras = docxParagraphs(await renderExample(ex));
    // A joint plan's signatures come before its Nơi nhận: its body ends with its ket_thuc.
    const lastBody = plan.lien_tich ? paras.find((p) => p.startsWith([plan.ket_thuc].flat().at(-1).slice(0, 30)))! : paras[paras.findIndex((p) => p === 'Nơi nhận:') - 1];
    const tail = words(lastBody).slice(-4).join(' ');
    const all = words(execFileSync('pdftotext', [pdf(ex), '-'], { encoding: 'utf8' })).join(' ');
    const bodyEnd = all.lastIndexOf(tail);
    expect(bodyEnd).toBeGreaterThan(0);
    expect(all.lastIndexOf(words(plan.nguoi_ky.ho_ten).join(' '))).toBeGreaterThan(bodyEnd);
  });

  it('the signature is never alone on its page: body text comes before "Nơi nhận:" there', () => {
    const last = text(ex, closingPage(ex), false);
    const before = last.slice(0, last.indexOf('Nơi nhận'));
    expect(last.indexOf('Nơi nhận')).toBeGreaterThan(0);
    expect(words(before).length, before).toBeGreaterThan(5); // more than the page number
  });

  // A joint plan's Nơi nhận stands under its signatures (test/closing-pdf.test.ts checks that layout).
  it.skipIf(!!plan.lien_tich)('"Nơi nhận:" and the signature title sit side by side', async () => {
    const paras = docxParagraphs(await renderExample(ex));
    const luu = paras.findIndex((p) => p.startsWith('- Lưu') || p.startsWith('- Lưu'));
    const sigFirst = paras.slice(luu + 1).find((p) => p.trim().length > 0)!.split(/\s+/)[0];
    const n = closingPage(ex);
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(n), '-l', String(n), pdf(ex), '-'], { encoding: 'utf8' });
    const page = /<page width="([\d.]+)"/.exec(bbox)!;
    const width = Number(page[1]);
    const ws = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: m[3] }));
    const noi = ws.findIndex((w, i) => w.w === 'Nơi' && ws[i + 1]?.w.startsWith('nhận'));
    expect(noi, 'Nơi nhận: on the last page').toBeGreaterThanOrEqual(0);
    const sig = ws.find((w) => w.w === sigFirst && w.x > width / 2);
    expect(sig, `${sigFirst} in the right half`).toBeDefined();
    expect(ws[noi].x).toBeLessThan(width / 2);
    expect(Math.abs(ws[noi].y - sig!.y)).toBeLessThan(6);
  });
});
