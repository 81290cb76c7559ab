#!/usr/bin/env node
/**
 * The pictures of the clerk's guide (docs/huong-dan.md → docs/hinh/*.png): each example named below is rendered by
 * this build, converted by LibreOffice (one soffice run), and the part of the page that shows one feature is cut out
 * with pdftoppm, from the line holding a given text, for a given height (points). Run after `npm run build`:
 * `node scripts/guide-pictures.mjs` (needs soffice, pdftotext and pdftoppm). Like `npm run screenshot`, it writes only
 * docs/hinh/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPlanFile } from '../dist/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'docs', 'hinh');
const DPI = 90;

/** Each picture: the example, the text on the first line shown (its nth occurrence), the points above it, the height. */
const PICTURES = [
  { name: 'phan-dau', example: '001-ubnd-binh-thuan-2023', text: 'ỦY', above: 20, height: 250 },
  { name: 'muc-va-gach-dau-dong', example: '001-ubnd-binh-thuan-2023', text: 'MỤC', above: 8, height: 260 },
  { name: 'dot', example: '004-ldld-lai-chau-2020', text: 'Đợt', above: 40, height: 230 },
  { name: 'chu-thich', example: '005-ubnd-tinh-bau-cu-2025', text: 'Giai', above: 10, height: 200 },
  { name: 'ky-lien-tich', example: '006-lien-tich-snv-stc-gia-lai-2026', text: 'GIÁM', above: 60, height: 250 },
  { name: 'noi-nhan-ky', example: '002-ban-dan-van-binh-thuan-2024', text: 'Nơi', above: 30, height: 230 },
  { name: 'phu-luc', example: '008-mttq-xa-an-phu-hoi-nghi-cu-tri-2026', text: 'PHỤ', above: 30, height: 200 },
  { name: 'mau-bieu', example: '008-mttq-xa-an-phu-hoi-nghi-cu-tri-2026', text: 'Mẫu', nth: 3, above: 20, height: 420 },
];

const work = mkdtempSync(join(tmpdir(), 'kehoach-guide-'));
try {
  mkdirSync(OUT, { recursive: true });
  const examples = [...new Set(PICTURES.map((p) => p.example))];
  for (const e of examples) writeFileSync(join(work, `${e}.docx`), (await renderPlanFile(join(ROOT, 'examples', `${e}.yaml`))).bytes);
  execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...examples.map((e) => join(work, `${e}.docx`))], { stdio: 'ignore' });
  for (const p of PICTURES) {
    const pdf = join(work, `${p.example}.pdf`);
    const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    let page = 0;
    let seen = 0;
    let found;
    for (const line of bbox.split('\n')) {
      if (line.includes('<page ')) page++;
      const m = /<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/.exec(line);
      if (m && m[2] === p.text && ++seen === (p.nth ?? 1)) { found = { page, y: Number(m[1]) }; break; }
    }
    if (!found) throw new Error(`${p.name}: "${p.text}" not found in ${p.example}`);
    const px = (pt) => Math.round((pt * DPI) / 72);
    const top = Math.max(0, found.y - p.above);
    execFileSync('pdftoppm', ['-png', '-r', String(DPI), '-f', String(found.page), '-l', String(found.page), '-x', '0', '-y', String(px(top)), '-W', String(px(595.3)), '-H', String(px(p.height)), '-singlefile', pdf, join(OUT, p.name)]);
    console.log(`docs/hinh/${p.name}.png  ${p.example} trang ${found.page}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
