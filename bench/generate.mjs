// Bench inputs: real-sized plans and the matching pandoc inputs.
//  - copyExamples(outdir, n): n copies of the five examples (examples/00X-*.yaml), 50 to a folder;
//  - seedInputs(outdir, n): n copies of the five seed texts (test/fixtures/seeds/*.txt, the plain text of the same
//    five real plans) as pandoc Markdown (.md): the seed texts already mark headings (#), bold/italic (**/*) and
//    list items (-) the Markdown way, so the conversion is a copy under a .md name;
//  - generate(outdir, n, seed): n synthetic plans varied from the examples (seeded), for tests of variety.
// Usage: node bench/generate.mjs <outdir> <N> [copies|seeds|varied] [seed]
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { mulberry32 as prng } from '../scripts/prng.mjs';

const ROOT = new URL('..', import.meta.url);
const PER_FOLDER = 50;

/** The five examples, in order: [{ name, text }]. */
export function examples() {
  const dir = new URL('examples/', ROOT);
  return readdirSync(dir).filter((f) => /^\d{3}-.*\.yaml$/.test(f)).sort().map((f) => ({ name: f.replace(/\.yaml$/, ''), text: readFileSync(new URL(f, dir), 'utf8') }));
}

/** The five seed texts, in the examples' order (file names start with the example's number): [{ name, text }]. */
export function seeds() {
  const dir = new URL('test/fixtures/seeds/', ROOT);
  return readdirSync(dir).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort().map((f) => ({ name: f.replace(/\.txt$/, ''), text: readFileSync(new URL(f, dir), 'utf8') }));
}

function writeCopies(outdir, n, items, ext) {
  rmSync(outdir, { recursive: true, force: true });
  const files = [];
  for (let i = 0; i < n; i++) {
    const it = items[i % items.length];
    const dir = join(outdir, `d${String(Math.floor(i / PER_FOLDER)).padStart(3, '0')}`);
    if (i % PER_FOLDER === 0) mkdirSync(dir, { recursive: true });
    const file = join(dir, `kh-${String(i).padStart(5, '0')}-${it.name}${ext}`);
    writeFileSync(file, it.text);
    files.push(file);
  }
  return files;
}

/** Writes n copies of the examples (cycling 000…004); returns the file paths. */
export const copyExamples = (outdir, n) => writeCopies(outdir, n, examples(), '.yaml');
/** Writes n copies of the seed texts as pandoc Markdown (cycling 000…004); returns the file paths. */
export const seedInputs = (outdir, n) => writeCopies(outdir, n, seeds(), '.md');


const WORDS = ['thi đua', 'khen thưởng', 'cán bộ', 'công chức', 'viên chức', 'người lao động', 'cơ quan', 'đơn vị', 'địa phương', 'doanh nghiệp', 'phong trào', 'nhiệm vụ'];
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Thu Dung', 'Hoàng Văn Em', 'Võ Thị Giang'];

/** Writes n synthetic plans of seed size varied from the examples (numbers, dates, signer, items, words). */
export function generate(outdir, n, seed = 42) {
  const bases = examples().map((e) => parse(e.text));
  const rnd = prng(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const vary = (s) => (typeof s === 'string' && rnd() < 0.3 ? s.replace(/\b(thi đua|cán bộ|phong trào|nhiệm vụ)\b/u, () => pick(WORDS)) : s);
  const walk = (v) => (Array.isArray(v) ? v.map(walk) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)])) : vary(v));
  rmSync(outdir, { recursive: true, force: true });
  const counters = {};
  for (let i = 0; i < n; i++) {
    const plan = walk(structuredClone(bases[i % bases.length]));
    const year = 2020 + Math.floor(rnd() * 6);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    plan.ngay_ban_hanh = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const key = `${plan.khoi}-${year}-${i % 10}`;
    plan.so_ky_hieu.so = (counters[key] = (counters[key] ?? 0) + 1);
    plan.so_ky_hieu.viet_tat_co_quan = `${plan.so_ky_hieu.viet_tat_co_quan}${i % 10}`;
    plan.nguoi_ky.ho_ten = pick(NAMES);
    for (const sec of plan.noi_dung) {
      if (typeof sec !== 'object' || !Array.isArray(sec.noi_dung) || sec.noi_dung.length < 2) continue;
      const r = rnd();
      if (r < 0.2) sec.noi_dung.pop();
      else if (r < 0.4) sec.noi_dung.push(structuredClone(sec.noi_dung[0]));
      else if (r < 0.5) sec.noi_dung.reverse();
    }
    const fixPhases = (items) => items?.forEach((it) => {
      if (it && typeof it === 'object') {
        if (it.dot) { it.dot.tu = `${year}${it.dot.tu.slice(4)}`; it.dot.den = `${year}${it.dot.den.slice(4)}`; }
        fixPhases(it.noi_dung);
      }
    });
    fixPhases(plan.noi_dung);
    const dir = join(outdir, String(year), `don-vi-${i % 10}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `kh-${String(i).padStart(5, '0')}.yaml`), stringify(plan, { lineWidth: 0 }));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [outdir, n = '100', kind = 'copies', seed = '42'] = process.argv.slice(2);
  if (kind === 'seeds') seedInputs(outdir, Number(n));
  else if (kind === 'varied') generate(outdir, Number(n), Number(seed));
  else copyExamples(outdir, Number(n));
}
