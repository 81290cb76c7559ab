// Fuzzing kehoach: seeded mutations of real plans (the examples and test fixtures), at the YAML level (keys
// removed or added — odd ones like toString / __proto__ —, values swapped for hostile ones, deep nesting, huge
// strings, bad dates) and at the byte level (flipped, inserted, deleted bytes; truncation; BOM, NUL, tabs).
// Used by test/fuzz.test.ts (a few hundred cases) and scripts/fuzz.mjs (`npm run fuzz`, the "plans" surface).
// The oracle: bad input ends in a KehoachError with positioned diagnostics, good input renders; never another
// error, never a stack trace in a message; and a rendered plan loses no text silently (scripts/every-text-lib.mjs:
// every text value on the page or a diagnostic at its line).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { mulberry32 } from './prng.mjs';
import { silentDrops } from './every-text-lib.mjs';

/** Small fast seeded PRNG (mulberry32): same seed, same cases. */
export function rng(seed) {
  return rngOf(seed);
}

/** The seed of case `i` of a run with seed `seed`: each case is drawn alone, so that `--case i` replays it. */
export function caseSeed(seed, i) {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35);
  h ^= h >>> 16; h = Math.imul(h, 0x7feb352d); h ^= h >>> 15; h = Math.imul(h, 0x846ca68b); h ^= h >>> 16;
  return h >>> 0;
}

function rngOf(seed) {
  const next = mulberry32(seed);
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)] };
}

/** The seed corpus: every example plan and the YAML fixtures (valid and invalid), as text. */
export function corpus(root) {
  const out = [];
  const add = (dir, filter = () => true) => {
    for (const f of readdirSync(join(root, dir)).sort()) if (/\.ya?ml$/.test(f) && filter(f)) out.push({ name: `${dir}/${f}`, text: readFileSync(join(root, dir, f), 'latin1') });
  };
  add('examples');
  add('test/fixtures');
  add('test/fixtures/invalid', (f) => !/bomb|huge|large/.test(f));
  try { add('test/fixtures/fix'); } catch { /* optional */ }
  return out.map((c) => ({ ...c, text: Buffer.from(c.text, 'latin1').toString('utf8') }));
}

export const ODD_KEYS = ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf', 'prototype', '<<', '', '1', 'null'];

function hostileValue(r, scale) {
  const big = 'Phát huy tinh thần thi đua. '.repeat(1 + r.int(4000 * scale));
  const deep = (n) => { let v = { doan: 'x' }; for (let i = 0; i < n; i++) v = { tieu_de: `T${i}`, noi_dung: [v] }; return v; };
  const deepList = (n) => { let v = ['x']; for (let i = 0; i < n; i++) v = [v]; return v; };
  return r.pick([
    null, true, false, 0, -1, 1.5, 1e308, 12345678901234567890, '', ' ', '  x  ', '\t', 'x'.repeat(Math.ceil(200000 * scale)), big,
    '\u0000', '\u0007', '\uFFFE', '\uD800', '🎉 ✓', '**', '*', '***x', '{{x}}', '{{{x}}}', '<w:p>', '</w:t>', '&amp;', '\\', '\\*',
    '2025-02-30', '2025-13-01', '0000-00-00', '9999-12-31', '1/1/2025', '31/12/2025', '2025', '2025-06', 'nan', '.nan', '.inf',
    'KT. GIÁM ĐỐC', 'I. MỤC', '- x', '# tiêu đề', 'a\nb\n\nc', '\r\n', 'Lưu: VT', [], {}, [null], [{}], [[]], { a: 1 },
    deep(10 + r.int(60)), deepList(20 + r.int(60)), Array.from({ length: 50 + r.int(400 * scale) }, (_, i) => `Nơi nhận ${i}`),
    Array.from({ length: 20 + r.int(200 * scale) }, (_, i) => ({ tieu_de: `MỤC ${i}`, noi_dung: [{ doan: `Đoạn ${i}.` }] })),
  ]);
}

/** Every path to a node in a plain value: [[path, value], …]. */
function paths(v, p = [], out = []) {
  out.push([p, v]);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...p, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k], [...p, k], out);
  return out;
}
function setAt(root, p, value) {
  if (!p.length) return value;
  let o = root;
  for (const k of p.slice(0, -1)) o = o[k];
  Object.defineProperty(o, p[p.length - 1], { value, enumerable: true, writable: true, configurable: true });
  return root;
}
function deleteAt(root, p) {
  if (!p.length) return root;
  let o = root;
  for (const k of p.slice(0, -1)) o = o[k];
  if (Array.isArray(o)) o.splice(Number(p[p.length - 1]), 1);
  else delete o[p[p.length - 1]];
  return root;
}

const YAML_MUTATIONS = {
  'delete-key': (d, r) => { const ps = paths(d).filter(([p]) => p.length); return ps.length ? deleteAt(d, r.pick(ps)[0]) : d; },
  'hostile-value': (d, r, s) => { const ps = paths(d).filter(([p]) => p.length); return ps.length ? setAt(d, r.pick(ps)[0], hostileValue(r, s)) : d; },
  'odd-key': (d, r, s) => {
    const maps = paths(d).filter(([, v]) => v && typeof v === 'object' && !Array.isArray(v));
    if (!maps.length) return d;
    const [p] = r.pick(maps);
    return setAt(d, [...p, r.pick(ODD_KEYS)], r.next() < 0.5 ? 'x' : hostileValue(r, s));
  },
  'swap-type': (d, r) => {
    const ps = paths(d).filter(([p]) => p.length);
    if (!ps.length) return d;
    const [p, v] = r.pick(ps);
    return setAt(d, p, Array.isArray(v) ? { a: v } : v && typeof v === 'object' ? Object.values(v) : [v]);
  },
  'duplicate-item': (d, r, s) => {
    const lists = paths(d).filter(([, v]) => Array.isArray(v) && v.length);
    if (!lists.length) return d;
    const [, l] = r.pick(lists);
    const n = 1 + r.int(Math.ceil(300 * s));
    for (let i = 0; i < n; i++) l.push(structuredClone(l[r.int(l.length)]));
    return d;
  },
  'change-khoi': (d, r) => (d && typeof d === 'object' ? { ...d, khoi: r.pick(['nha_nuoc', 'dang', 'cong_doan', 'mat_tran', 'doan', '']) } : d),
};

const BYTE_MUTATIONS = {
  'flip-byte': (b, r) => { if (b.length) b[r.int(b.length)] ^= 1 << r.int(8); return b; },
  'insert-byte': (b, r) => {
    const i = r.int(b.length + 1);
    const x = r.pick([0x00, 0xff, 0xfe, 0x09, 0x0d, 0x0a, 0x3a, 0x2d, 0x7b, 0x5b, 0x26, 0x2a, 0x21, 0x25, 0x7c, 0x3e, 0x22, 0x27, 0x23, 0xc3, 0xe2]);
    return Buffer.concat([b.subarray(0, i), Buffer.from([x]), b.subarray(i)]);
  },
  'delete-range': (b, r) => { const i = r.int(b.length + 1); return Buffer.concat([b.subarray(0, i), b.subarray(Math.min(b.length, i + 1 + r.int(40)))]); },
  truncate: (b, r) => b.subarray(0, r.int(b.length + 1)),
  'duplicate-line': (b, r) => {
    const lines = b.toString('latin1').split('\n');
    const i = r.int(lines.length);
    lines.splice(i, 0, lines[i]);
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  'indent-line': (b, r) => {
    const lines = b.toString('latin1').split('\n');
    const i = r.int(lines.length);
    lines[i] = r.pick([' ', '\t', '  ', '- ']) + lines[i];
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  'bom-crlf': (b, r) => (r.next() < 0.5 ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]) : Buffer.from(b.toString('latin1').replace(/\n/g, '\r\n'), 'latin1')),
  'alias-anchor': (b, r) => Buffer.concat([b, Buffer.from(r.pick(['\nx: &a [*a]\n', '\nnoi_dung: *nope\n', '\n<<: {khoi: dang}\n', '\n? [a, b]\n: c\n', '\n--- \nkhoi: dang\n', '\n!!binary x: 1\n', '\nkhoi: !!js/function "x"\n']))]),
};

/**
 * One fuzz case: a mutated text from the corpus (`scale` < 1 shrinks the huge strings and long lists). Returns { text: Buffer, tags: string[] } — the tags name the
 * mutations applied (used to attribute findings to a class).
 */
export function fuzzCase(seeds, r, scale = 1) {
  // Mostly valid plans (examples, minimal fixture) as seeds, so that many mutants still render.
  const valid = seeds.filter((s) => !s.name.includes('/invalid/'));
  const seed = r.pick(r.next() < 0.7 ? valid : seeds);
  const tags = [];
  let bytes = Buffer.from(seed.text, 'utf8');
  const rounds = r.next() < 0.7 ? 1 : 2 + r.int(2);
  for (let i = 0; i < rounds; i++) {
    if (r.next() < 0.6) {
      const doc = parseDocument(bytes.toString('utf8'), { uniqueKeys: false, logLevel: 'silent' });
      let data;
      try { data = doc.toJS({ maxAliasCount: 100 }); } catch { data = undefined; }
      if (data === undefined || doc.errors.length) continue;
      const name = r.pick(Object.keys(YAML_MUTATIONS));
      tags.push(name);
      try { data = YAML_MUTATIONS[name](data, r, scale); } catch { continue; }
      let text;
      try { text = stringify(data, { aliasDuplicateObjects: false, lineWidth: 0 }); } catch { continue; }
      bytes = Buffer.from(text, 'utf8');
    } else {
      const name = r.pick(Object.keys(BYTE_MUTATIONS));
      tags.push(name);
      bytes = Buffer.from(BYTE_MUTATIONS[name](Buffer.from(bytes), r));
    }
  }
  return { seed: seed.name, text: bytes, tags };
}

const STACK = /\n\s+at |\bat .+\.(?:js|ts):\d+/;

/**
 * Runs one case through the library: check the text, render it when valid.
 * @param lib { checkPlanText, renderView, KehoachError, decodePlanBytes }
 * @returns { outcome: 'rendered' | 'invalid' | 'finding', detail? }
 */
export async function runLibraryCase(lib, c) {
  // A process warning (printed to the user's terminal by Node) counts as a finding too.
  const warnings = [];
  const onWarning = (w) => warnings.push(w.message);
  process.on('warning', onWarning);
  try {
    const res = await libraryCase(lib, c);
    await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
    return warnings.length && res.outcome !== 'finding' ? { outcome: 'finding', detail: `process warning: ${warnings[0].slice(0, 120)}` } : res;
  } finally {
    process.off('warning', onWarning);
  }
}

async function libraryCase(lib, c) {
  try {
    const text = lib.decodePlanBytes(c.text, '<fuzz>');
    const check = lib.checkPlanText(text, { file: '<fuzz>' });
    const bad = check.diagnostics.find((d) => !(d.line >= 1 && d.column >= 1 && typeof d.message === 'string' && d.message && !STACK.test(d.message)));
    if (bad) return { outcome: 'finding', detail: `bad diagnostic: ${JSON.stringify(bad).slice(0, 200)}` };
    if (!check.view) {
      if (!check.diagnostics.some((d) => d.severity === 'error')) return { outcome: 'finding', detail: 'no view and no error' };
      return { outcome: 'invalid' };
    }
    const bytes = await lib.renderView(check.view, check.source.data.khoi, { file: '<fuzz>' });
    if (!(bytes.length > 1000)) return { outcome: 'finding', detail: 'empty document' };
    if (lib.CODE_KEYS) {
      // never silent: every text value on the page, or a diagnostic at its line
      const drops = silentDrops({ text, diagnostics: check.diagnostics, docx: bytes, codeKeys: lib.CODE_KEYS });
      if (drops.length) return { outcome: 'finding', detail: `silent drop: ${drops.length} text value(s), first ${drops[0].path.join('.')} = ${JSON.stringify(drops[0].value.slice(0, 80))} at line ${drops[0].line}` };
    }
    return { outcome: 'rendered' };
  } catch (e) {
    if (e instanceof lib.KehoachError) {
      const bad = !e.message || STACK.test(e.message) || e.diagnostics.some((d) => STACK.test(d.message));
      return bad ? { outcome: 'finding', detail: `stack in message: ${e.message.slice(0, 200)}` } : { outcome: 'invalid' };
    }
    return { outcome: 'finding', detail: `${e?.name ?? typeof e}: ${String(e?.message ?? e).split('\n')[0].slice(0, 200)}` };
  }
}

