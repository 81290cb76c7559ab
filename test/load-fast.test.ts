/**
 * The fast path of stage 1 (src/load-fast.ts, js-yaml's events) against yaml's reader (loadWithYaml): whenever the fast
 * path answers, yaml's reader reads the same text without an error or a warning and gives the same data, value for
 * value and type for type. Texts: every YAML file of the repository (examples, fixtures, templates), generated plans,
 * scalars YAML 1.1 and 1.2 read differently, and thousands of seeded mutants of the examples (a character deleted
 * or inserted, a line's indent changed, a line repeated). The examples must take the fast path (else it buys nothing).
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { readFast } from '../src/load-fast.js';
import { loadWithYaml, loadPlanText, positionOf, hasPath } from '../src/load.js';
import { checkPlanText, checkLoadedPlan } from '../src/pipeline.js';
import { generatePlan, rng } from './support/gen-plan.js';
import { ROOT, EXAMPLES, EXAMPLES_DIR } from './helpers.js';

type Yaml = { data: unknown; notes: number } | { errors: string[] };
function withYaml(text: string): Yaml {
  try {
    const p = loadWithYaml(text, 'plan.yaml');
    return { data: p.data, notes: p.notes?.length ?? 0 };
  } catch (e) {
    return { errors: ((e as { diagnostics?: { rule: string }[] }).diagnostics ?? []).map((d) => d.rule) };
  }
}

/**
 * The property: the fast path answers only for a text yaml reads cleanly, and then with yaml's data, and it places
 * every path where yaml's nodes place it: each value, each key (`key: true`), each child key, a path whose tail is
 * missing; and hasPath agrees.
 */
function agree(text: string, what: string, positions = true): boolean {
  const fast = readFast(text);
  if (fast === undefined) return false;
  const y = withYaml(text);
  expect(y, `${what}: the fast path read a text yaml refuses`).not.toHaveProperty('errors');
  expect((y as { notes: number }).notes, `${what}: yaml warns of this text`).toBe(0);
  expect(fast.data, what).toStrictEqual((y as { data: unknown }).data);
  if (!positions) return true;
  const quick = loadPlanText(text, 'p.yaml');
  const full = loadWithYaml(text, 'p.yaml');
  expect(quick.positions).toBeDefined();
  const paths: (string | number)[][] = [];
  const collect = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => collect(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, [...path, k]);
  };
  collect(fast.data, []);
  for (const path of paths) {
    for (const probe of [path, [...path, 'khong_co'], [...path, 99999]]) {
      expect(positionOf(quick, probe), `${what} ${probe.join('.')}`).toEqual(positionOf(full, probe));
      expect(positionOf(quick, probe, { key: true }), `${what} ${probe.join('.')} key`).toEqual(positionOf(full, probe, { key: true }));
      expect(hasPath(quick, probe), `${what} ${probe.join('.')} hasPath`).toBe(hasPath(full, probe));
    }
    const value = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], fast.data);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const childKey of [...Object.keys(value).slice(0, 3), 'khong_co']) {
        expect(positionOf(quick, path, { childKey }), `${what} ${path.join('.')} child ${childKey}`).toEqual(positionOf(full, path, { childKey }));
      }
    }
  }
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === 'node_modules' || f.startsWith('.')) return [];
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(f) ? [p] : [];
  });
}

describe('the fast path gives yaml\'s data, or leaves the text to yaml', () => {
  it.each(EXAMPLES)('examples/%s takes the fast path', (f) => {
    expect(agree(readFileSync(join(EXAMPLES_DIR, f), 'utf8'), f)).toBe(true);
  });

  it('every YAML file of the repository', () => {
    const files = ['examples', 'test/fixtures', 'templates'].flatMap((d) => yamlFiles(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(100);
    let fast = 0;
    for (const f of files) if (agree(readFileSync(f, 'utf8'), relative(ROOT, f))) fast++;
    expect(fast).toBeGreaterThan(files.length / 2);
  });

  it('generated plans (60 seeds), texts with # : quotes & < > * and emphasis', () => {
    let fast = 0;
    for (let seed = 1; seed <= 60; seed++) if (agree(stringify(generatePlan(seed, { risky: true })), `seed ${seed}`)) fast++;
    expect(fast).toBeGreaterThan(30);
  });

  const SCALARS = [
    'yes', 'No', 'on', 'OFF', 'y', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', '', '1_000', '0x1F', '0X1F', '0o17', '017',
    '0b101', '+12', '-0', '-12', '007', '.5', '1.', '-1.5', '1e3', '1E-3', '1.5e+3', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '2025-03-10',
    '2025-03-10T10:00:00Z', '12:30', '1:20:30', '=', '<<', '99999999999999999999', '3.14159265358979323846', '0.1', '1,000', 'Số 12/KH-UBND',
    '- a', 'a - b', 'x: y', 'a #b', 'a  # b', '*bold*', '@cơ quan', '`x`', '%x', '!x', '&x', '?x', '? x', '|x', '>x', '"a" b', "'a' b", 'a"b', "a'b",
    '"quoted"', "'quoted'", "'it''s'", '"\\u00e9\\t\\x41\\\\"', '"a\\nb"', '"\\0"', '"\\e"', '"\\N"', '"\\_"', '"\\L\\P"', '[a, b]', '{a: b}', '[]', '{}',
    '[a, [b, c], {d: e}]', '{ tu: 2025-11-28, den: 2026-06-30 }', '[{ ten: TT, rong: 1 }, { ten: "Họ và tên\\nngười", rong: 5 }]',
  ];
  it.each(SCALARS)('value %j', (v) => {
    agree(`khoi: nha_nuoc\nx: ${v}\ny:\n  - ${v}\n  - k: ${v}\n`, v);
    agree(`${v}: 1\n`, `key ${v}`);
  });

  const BLOCKS = [
    'x: |\n  a\n  b\n', 'x: |-\n  a\n\n', 'x: |+\n  a\n\n\ny: 1\n', 'x: >\n  a\n  b\n\n  c\n', 'x: >-\n  a\n   b\n  c\n', 'x: |2\n   a\n  b\n',
    'x: a\n  b\n\n  c\n', 'x: "a\n  b\n\n  c"\n', "x: 'a\n  b'\n", 'x:\n- a\n- b\n', 'x:\n  - a\n  -\n  - c\n', 'x: a\r\ny: b\r\n', 'x: a # c\ny: b\n',
    '---\nx: 1\n', '---\nx: 1\n...\n', '%YAML 1.1\n---\nx: yes\n', 'x: 1\n---\ny: 2\n', 'x: &a 1\ny: *a\n', 'x: !!str 1\n', 'x: !!int "1"\n',
    'x: 1\nx: 2\n', '__proto__: 1\n', 'x:\n  __proto__: 1\n', 'x: "\\x01"\n', 'x: "\\uD800"\n', '? x\n: 1\n', '? [a]\n: 1\n', 'x: [a,\n  b]\n',
    'x: {a: 1,\n  b: 2}\n', 'x: a\n y: b\n', 'x:\ty\n', 'x: y\t# c\n', '\ufeffx: 1\n', '- a\n- b\n', 'a\n', '', '# only a comment\n', 'x: (khu #2, cạnh chợ)\n',
    'x: (khu  # 2\n', 'e:\nf: [a, "b", {g: h}]\ng:\n  - \n  - k:\nh: x  # c\n', 'e:   # c\n\nf: 1\n', 'x:\n  y:\nz: [a, , b]\n', 'tu: 2025 #2\n', 'x:\n  - (a #b\n', 'x: a b:\n', 'x: "a" # c\n', 'x: \'a\'#c\n', 'x: - a\n', 'x: a\n- b\n',
    'x: [a: b, c]\n', 'x: a\n  # c\n  b\n', 'x: a\n---\n', 'x: a\n...\n', 'x: a\n--- b\n', 'x:\n  - a\n  b: c\n', 'x: *\n', 'x: @a\n', 'x: `a\n',
    'x:\n- a\n y: b\n', 'x: |\n  a\n b\n', 'x: >\n    a\n  b\n', 'x: "a\n\tb"\n', 'x: [a\n, b]\n', 'x: {a: [b, {c: d}], e: f}\n', 'x: a:b\n', 'x: a :b\n',
    'x: "\\u00"\n', "x: '\\u00'\n", 'x: "\\q"\n', 'x: ! a\n', 'x: !<tag:yaml.org,2002:str> 1\n', '"x": 1\n"x": 2\n', 'x: 1\n"x": 2\n', 'x: {a, b: c}\n', 'x: [a, b]: c\n', 'x: "unterminated\n',
    'x: !\n', 'x: a: b\n', '- - a\n', 'x: |\n\n  a\n', 'x: >+\n  a\n\n', 'x: "a\\\n  b"\n', "x: 'a''b\n  c'\n", 'x: a\r\n  b\r\n', 'x: -1e400\n', 'x: 1e400\n',
    `x: ${'['.repeat(70)}${']'.repeat(70)}\n`, `${'a:\n'.split('').join('')}${Array.from({ length: 70 }, (_, i) => `${' '.repeat(i + 1)}k${i}:\n`).join('')}`,
  ];
  it.each(BLOCKS)('text %j', (t) => { agree(t, JSON.stringify(t)); });

  it('keys and values around YAML\'s 1,024-character limit for an implicit key', () => {
    for (const n of [999, 1000, 1001, 1023, 1024, 1025, 1100]) {
      for (const t of [`${'k'.repeat(n)}: v\n`, `"${'k'.repeat(n)}": v\n`, `x: {${'k'.repeat(n)}: v}\n`, `x: ${'v'.repeat(n)}\n`]) {
        const fast = agree(t, `${n}: ${t.slice(0, 12)}`);
        if ('errors' in withYaml(t)) expect(fast).toBe(false);
      }
    }
  });

  it.each([62, 63, 64, 65, 66])('nesting %i deep, empty and with a text inside, in flow and block style', (n) => {
    const flow = (inner: string) => `x: ${'['.repeat(n)}${inner}${']'.repeat(n)}\n`;
    const block = (inner: string) => `x:\n${Array.from({ length: n }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')}${inner ? ` ${inner}` : ''}\n`;
    for (const t of [flow(''), flow('a'), block(''), block('a')]) {
      const fast = agree(t, `${n} deep: ${t.slice(0, 20)}`);
      // yaml refuses nesting past MAX_DEPTH (64): the fast path must leave such a text to it.
      if ('errors' in withYaml(t)) expect(fast).toBe(false);
    }
  });

  it('seeded mutants of the examples (2,500): a character deleted or inserted, an indent changed, a line repeated', () => {
    const texts = EXAMPLES.map((f) => readFileSync(join(EXAMPLES_DIR, f), 'utf8'));
    const r = rng(20261122);
    const INSERT = [' ', '  ', '\t', ':', ': ', '#', ' #', '-', '- ', '"', "'", '\n', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '\\', '@', '`', '?', '\r', '\u0001', '~'];
    let fast = 0;
    let slow = 0;
    for (let i = 0; i < 2500; i++) {
      let t = texts[i % texts.length];
      const at = Math.floor(r() * t.length);
      const kind = Math.floor(r() * 4);
      if (kind === 0) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(r() * 3));
      else if (kind === 1) t = t.slice(0, at) + INSERT[Math.floor(r() * INSERT.length)] + t.slice(at);
      else {
        const start = t.lastIndexOf('\n', at) + 1;
        const end = t.indexOf('\n', at) < 0 ? t.length : t.indexOf('\n', at) + 1;
        t = kind === 2 ? t.slice(0, start) + (r() < 0.5 ? ' ' : '') + t.slice(start + (r() < 0.5 ? 1 : 0)) : t.slice(0, end) + t.slice(start, end) + t.slice(end);
      }
      // (Positions on every 20th mutant: each costs a walk of every path of the plan.)
      if (agree(t, `mutant ${i}`, i % 20 === 0)) fast++;
      else slow++;
    }
    // Most mutants stay valid YAML with nothing to say; the rest exercise the refusals.
    expect(fast).toBeGreaterThan(1000);
    expect(slow).toBeGreaterThan(300);
  }, 120_000);
});

describe('a plan read by the fast path', () => {
  it('gives diagnostics at the lines yaml gives', () => {
    const text = readFileSync(join(EXAMPLES_DIR, EXAMPLES[1]), 'utf8').replace('trich_yeu:', 'trich_yeu_x:').replace('dia_danh:', 'dia_danh: \n  ten:');
    const fastDiags = checkPlanText(text, { file: 'p.yaml' }).diagnostics;
    expect(fastDiags.length).toBeGreaterThan(0);
    expect(readFast(text)).toBeDefined();
    // The same text through yaml's reader alone: the same diagnostics, positions included.
    const slow = loadWithYaml(text, 'p.yaml');
    expect(checkPlanText(text, { file: 'p.yaml' }).diagnostics).toEqual(fastDiags);
    expect(slow.data).toStrictEqual(loadPlanText(text, 'p.yaml').data);
    const at = fastDiags.find((d) => /trich_yeu_x/.test(d.message))!;
    expect(at.line).toBe(text.split('\n').findIndex((l) => l.startsWith('trich_yeu_x:')) + 1);
  });

  it.each(EXAMPLES)('examples/%s: checking it never makes yaml parse the plan (its findings, suppressed by comments, placed by the fast path)', (f) => {
    // (Named by its path: its suppression comments are read from the file.)
    const plan = loadPlanText(readFileSync(join(EXAMPLES_DIR, f), 'utf8'), join(EXAMPLES_DIR, f));
    // (Its line index, lineCounter, is made from the text without parsing: only `doc` costs a parse.)
    Object.defineProperty(plan, 'doc', { get: () => { throw new Error('yaml was asked to parse the plan'); } });
    const r = checkLoadedPlan(plan);
    expect(r.diagnostics).toEqual([]);
    expect(r.view).toBeDefined();
  });

  it('a key without a value (`? x`) is placed at the key, by either reader', () => {
    const text = 'a: 1\n? x\nb: 2\n';
    for (const plan of [loadPlanText(text), loadWithYaml(text)]) {
      expect(positionOf(plan, ['x'])).toEqual({ line: 2, column: 3 });
      expect(positionOf(plan, ['x', 'y'])).toEqual({ line: 2, column: 3 });
      expect(hasPath(plan, ['x'])).toBe(true);
    }
  });

  it('reads yaml\'s Document only when asked', () => {
    const plan = loadPlanText(readFileSync(join(EXAMPLES_DIR, EXAMPLES[0]), 'utf8'), 'p.yaml');
    const d = Object.getOwnPropertyDescriptor(plan, 'doc')!;
    expect(typeof d.get).toBe('function');
    expect(plan.doc.contents).toBeTruthy();
    expect(plan.lineCounter.linePos(0)).toEqual({ line: 1, col: 1 });
  });
});
