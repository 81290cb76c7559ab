/**
 * Real render (LibreOffice → PDF, read with poppler) of the joint plan and the Front plan: the joint plan's two
 * signature blocks stand side by side (titles on one line, names on one line) with the lead issuer on the right and
 * Nơi nhận below them on the left; the Front header's three lines stand in the left half above "Số:", level with
 * the Quốc hiệu. Sources: NĐ 30/2020 PL I mục II.7, IV; HD 91/HD-MTTW-BTT (templates/mat_tran/layout.yaml).
 * Skipped with a warning where soffice or poppler is missing, except in CI.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { renderExample, hasCommand } from './helpers.js';

const tools = hasCommand('soffice') && hasCommand('pdftotext') && hasCommand('pdfinfo');
if (!tools && process.env.CI) throw new Error('CI needs LibreOffice (soffice) and poppler-utils: see .ci/run');

const JOINT = '006-lien-tich-snv-stc-gia-lai-2026';
const FRONT = '007-mttq-luong-minh-2025';
const dir = mkdtempSync(join(tmpdir(), 'kh-closing-pdf-'));
const pdf = (ex: string) => join(dir, ex + '.pdf');
const pages = (ex: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf(ex)], { encoding: 'utf8' }))![1]);

interface Word { x: number; y: number; w: string }
/** Words of a page with their top-left corner (pt) and the page width. */
function wordsOf(ex: string, page: number): { width: number; ws: Word[] } {
  const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf(ex), '-'], { encoding: 'utf8' });
  const width = Number(/<page width="([\d.]+)"/.exec(bbox)![1]);
  const ws = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: m[3] }));
  return { width, ws };
}
/** The first occurrence of a run of words (the position of its first word). */
function find(ws: Word[], phrase: string, from = 0): Word | undefined {
  const p = phrase.split(' ');
  for (let i = from; i < ws.length; i++) if (p.every((w, k) => ws[i + k]?.w === w)) return ws[i];
  return undefined;
}

beforeAll(async () => {
  if (!tools) return;
  const files = [];
  for (const ex of [JOINT, FRONT]) {
    const f = join(dir, ex + '.docx');
    writeFileSync(f, await renderExample(ex + '.yaml'));
    files.push(f);
  }
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], { stdio: 'ignore', timeout: 240_000 });
}, 300_000);

describe.skipIf(!tools)('LibreOffice render: joint plan and Front header', () => {
  it('joint plan: the two signature blocks side by side, the lead issuer on the right, Nơi nhận below on the left', () => {
    const { width, ws } = wordsOf(JOINT, pages(JOINT));
    const kt = find(ws, 'KT. GIÁM ĐỐC')!;            // the lead issuer (Sở Nội vụ)
    const gd = ws.find((w, i) => w.w === 'GIÁM' && ws[i + 1]?.w === 'ĐỐC' && ws[i - 1]?.w !== 'KT.' && w.x < width / 2)!;
    const lead = find(ws, 'Nguyễn Thị Thu Hà')!;
    const co = find(ws, 'Trần Minh Khoa')!;
    for (const w of [kt, gd, lead, co]) expect(w).toBeDefined();
    expect(kt.x).toBeGreaterThan(width / 2);
    expect(lead.x).toBeGreaterThan(width / 2);
    expect(gd.x).toBeLessThan(width / 2);
    expect(co.x).toBeLessThan(width / 2);
    expect(Math.abs(kt.y - gd.y)).toBeLessThan(2);     // first title lines on one level
    expect(Math.abs(lead.y - co.y)).toBeLessThan(2);   // names on one level
    const noi = find(ws, 'Nơi nhận:')!;
    expect(noi.x).toBeLessThan(width / 2);
    expect(noi.y).toBeGreaterThan(lead.y);
  });

  it('Front header: three lines in the left half, level with the Quốc hiệu, above "Số:"', () => {
    const { width, ws } = wordsOf(FRONT, 1);
    const lines = ['ỦY BAN MTTQ VIỆT NAM', 'XÃ LƯƠNG MINH', 'BAN THƯỜNG TRỰC'].map((l) => find(ws, l)!);
    const so = find(ws, 'Số:')!;
    const qh = find(ws, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')!;
    for (const w of [...lines, so, qh]) expect(w).toBeDefined();
    for (const w of lines) expect(w.x + 10).toBeLessThan(width / 2);
    expect(lines[0].y).toBeLessThan(lines[1].y);
    expect(lines[1].y).toBeLessThan(lines[2].y);
    expect(lines[2].y).toBeLessThan(so.y);
    expect(Math.abs(lines[0].y - qh.y)).toBeLessThan(3);
    expect(qh.x).toBeGreaterThan(width / 2 - 20);
  });
});
