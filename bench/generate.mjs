// Generates N synthetic plans of seed size from the examples, with seeded random variation of text and structure:
// numbers, dates, signer, recipients, body items dropped, duplicated or reordered, words swapped.
// Usage: node bench/generate.mjs <outdir> <N> [seed]
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

/** mulberry32: a small seeded PRNG, so the same seed gives the same plans. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['thi đua', 'khen thưởng', 'cán bộ', 'công chức', 'viên chức', 'người lao động', 'cơ quan', 'đơn vị', 'địa phương', 'doanh nghiệp', 'phong trào', 'nhiệm vụ'];
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Thu Dung', 'Hoàng Văn Em', 'Võ Thị Giang'];

export function generate(outdir, n, seed = 42) {
  const exDir = new URL('../examples/', import.meta.url);
  const bases = readdirSync(exDir).filter((f) => /^\d{3}-.*\.yaml$/.test(f)).map((f) => parse(readFileSync(new URL(f, exDir), 'utf8')));
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
    // structure: drop, duplicate or reorder a top-level section's children
    for (const sec of plan.noi_dung) {
      if (typeof sec !== 'object' || !Array.isArray(sec.noi_dung) || sec.noi_dung.length < 2) continue;
      const r = rnd();
      if (r < 0.2) sec.noi_dung.pop();
      else if (r < 0.4) sec.noi_dung.push(structuredClone(sec.noi_dung[0]));
      else if (r < 0.5) sec.noi_dung.reverse();
    }
    // phases must stay in the plan's year
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

if (import.meta.url === `file://${process.argv[1]}`) generate(process.argv[2], Number(process.argv[3] ?? 100), Number(process.argv[4] ?? 42));
