// Fuzzing `kehoach fix` (src/fix.ts): plans given what the fixer is meant to repair (typed numbers and signing
// forms, final full stops, doubled spaces, dates written the day first, aliases, suppression comments), sometimes
// with a generic mutation of scripts/fuzz-lib.mjs on top; the data before and after the fix compared.
// The documented changes (src/fix.ts, the fixes of src/rules/): a date field written another way becomes
// yyyy-mm-dd (or yyyy-mm, yyyy); a number mark typed at the start of a text goes (not a person's initial,
// "C. Mác"); a typed signing form KT./K/T, TL./T/L, TUQ./T/UQ, Q. goes and the signer's quyen_han holds it; TM./T/M
// typed in thay_mat goes; a final full stop goes; doubled spaces become one and spaces at a line's ends go; the key
// quyen_han may be added. Anything else that changes is a finding, as is a change the fixer does not list (at the
// line of the value, an alias's at its anchor), a change under a `# kehoach-disable-next-line` comment naming its
// rule, a valid plan made invalid, YAML the fix breaks, and an error other than a KehoachError.
import { writeFileSync } from 'node:fs';
import { parseDocument, parse, isMap, isSeq, isScalar, isAlias, isPair, LineCounter } from 'yaml';

/** Every scalar string node of a YAML document with its path and key: [{ node, path, key, parent }]. */
function scalars(doc) {
  const out = [];
  const walk = (node, path, key, depth) => {
    if (depth > 200 || isAlias(node)) return;
    if (isMap(node)) for (const p of node.items) { const k = isScalar(p.key) ? String(p.key.value) : ''; if (isScalar(p.value) && typeof p.value.value === 'string') out.push({ node: p.value, path: [...path, k], key: k, parent: node }); else walk(p.value, [...path, k], k, depth + 1); }
    else if (isSeq(node)) node.items.forEach((it, i) => { if (isScalar(it) && typeof it.value === 'string') out.push({ node: it, path: [...path, i], key, parent: node }); else walk(it, [...path, i], key, depth + 1); });
  };
  walk(doc.contents, [], null, 0);
  return out;
}

const SIGN_KEYS = ['chuc_vu', 'thu_truong', 'thay_mat'];
const NUMBER_MARKS = ['1. ', '2. ', '12. ', '1) ', 'a) ', 'đ) ', 'b. ', 'I. ', 'II. ', 'IV. ', 'IV- ', 'V/ ', '1- ', '1.2. ', '(1) ', '(2)- ', '- ', '+ ', '• ', 'C. ', 'V. I. ', 'X. ', '3.  ', 'A. ', '1.'];
const SIGN_MARKS = ['KT. ', 'K/T ', 'TL. ', 'T/L ', 'TUQ. ', 'T/UQ ', 'Q. ', 'TM. ', 'T/M ', 'KT.', 'kt. ', 'KT.  ', 'Q.'];
const RULE_IDS = ['so-thu-tu/tu-viet', 'chu-ky/tien-to', 'van-ban/khoang-trang', 'trich-yeu/dau-cham', 'noi-dung/khong-co', ''];

/** Mutations of a YAML document meant for the fixer: (doc, r) → void (doc changed in place). */
export const FIX_MUTATIONS = {
  'typed-number': (doc, r) => { const s = pickScalar(doc, r); if (s) s.node.value = r.pick(NUMBER_MARKS) + s.node.value; },
  'typed-sign': (doc, r) => {
    const all = scalars(doc);
    const signs = all.filter((s) => SIGN_KEYS.includes(s.key));
    const s = signs.length && r.next() < 0.8 ? r.pick(signs) : all.length ? r.pick(all) : null;
    if (s) s.node.value = r.pick(SIGN_MARKS) + s.node.value;
    if (s && r.next() < 0.3 && isMap(s.parent)) {
      if (r.next() < 0.5) s.parent.delete('quyen_han');
      else s.parent.set('quyen_han', r.pick(['KT', 'TL', 'TUQ', 'Q', 'TM']));
    }
  },
  'final-dot': (doc, r) => { const s = pickScalar(doc, r, (x) => x.key === 'trich_yeu'); if (s) s.node.value = s.node.value.replace(/\s*$/, r.pick(['.', '..', '. ', '...', '.\n'])); },
  spaces: (doc, r) => {
    const s = pickScalar(doc, r);
    if (!s) return;
    const v = s.node.value;
    const i = r.int(v.length + 1);
    s.node.value = r.pick([() => v.slice(0, i) + '  ' + v.slice(i), () => `  ${v}`, () => `${v}   `, () => v.replace(/ /g, '  '), () => v.slice(0, i) + ' \t ' + v.slice(i)])();
  },
  'date-format': (doc, r) => {
    const dates = scalars(doc).filter((s) => /^\d{4}-\d{2}(-\d{2})?$/.test(s.node.value));
    const s = dates.length ? r.pick(dates) : null;
    if (!s) return;
    const [y, m, d = '01'] = s.node.value.split('-');
    s.node.value = r.pick([`${d}/${m}/${y}`, `${+d}/${+m}/${y}`, `${d}.${m}.${y}`, `${d}-${m}-${y}`, `${y}-${+m}-${+d}`, `ngày ${d} tháng ${m} năm ${y}`, `31/02/${y}`, `${m}/${y}`, `${d}/${m}/${y} `, `32/13/${y}`]);
  },
  alias: (doc, r) => {
    // one text anchored, another replaced by an alias to it (a fix of the anchor changes both: listed once)
    const all = scalars(doc);
    if (all.length < 2) return;
    const a = r.pick(all);
    const b = r.pick(all);
    if (a === b || a.path.join('.').startsWith(b.path.join('.'))) return;
    a.node.anchor = `fz${r.int(1000)}`;
    if (r.next() < 0.5) a.node.value = r.pick([...NUMBER_MARKS, ...SIGN_MARKS]) + a.node.value;
    try { doc.setIn(b.path, doc.createAlias(a.node)); } catch { /* a path through a flow node */ }
  },
  'disable-comment': (doc, r) => {
    const s = pickScalar(doc, r);
    if (!s) return;
    const rules = r.pick(RULE_IDS);
    const comment = ` kehoach-disable-next-line${rules ? ` ${rules}` : ''}`;
    // on the pair (a key: value line) or the item
    const pair = isMap(s.parent) ? s.parent.items.find((p) => isPair(p) && p.value === s.node) : null;
    if (pair && isScalar(pair.key)) pair.key.commentBefore = comment;
    else s.node.commentBefore = comment;
    if (r.next() < 0.7) s.node.value = r.pick([...NUMBER_MARKS, ...SIGN_MARKS]) + s.node.value;
  },
};

function pickScalar(doc, r, prefer) {
  const all = scalars(doc);
  if (!all.length) return null;
  const p = prefer ? all.filter(prefer) : [];
  return p.length && r.next() < 0.7 ? r.pick(p) : r.pick(all);
}

/**
 * Draws one fix case: a valid seed plan with 1–4 fixer mutations, and (a quarter of the time) a generic mutation of
 * fuzz-lib.mjs (`generic(text, r)`) first. Returns { seed, text: Buffer, tags }.
 */
export function fixCase(seeds, r, generic) {
  const valid = seeds.filter((s) => !s.name.includes('/invalid/'));
  const seed = r.pick(valid);
  const tags = [];
  let text = seed.text;
  if (generic && r.next() < 0.25) { const g = generic(text, r); text = g.text.toString('utf8'); tags.push(...g.tags); }
  const doc = parseDocument(text, { uniqueKeys: false, logLevel: 'silent' });
  if (!doc.errors.length) {
    for (let i = 0, n = 1 + r.int(4); i < n; i++) {
      const name = r.pick(Object.keys(FIX_MUTATIONS));
      tags.push(name);
      try { FIX_MUTATIONS[name](doc, r); } catch { /* a shape the mutation does not fit */ }
    }
    try { text = doc.toString({ lineWidth: 0 }); } catch { /* keep the text */ }
  }
  return { seed: seed.name, text: Buffer.from(text, 'utf8'), tags };
}

// ---- the oracle ---------------------------------------------------------------------------------------------

const MARK = /^(?:(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.\/)\-]|\(\d+\)-?|[-+•])[ \t]+/u;
const SIGN = /^(?:(KT|TL|TUQ|Q|TM)\.|(K\/T|T\/L|T\/UQ|T\/M)(?=\s))\s*/iu;
const SIGN_CODE = { 'K/T': 'KT', 'T/L': 'TL', 'T/UQ': 'TUQ', 'T/M': 'TM' };
const collapse = (v) => v.split('\n').map((l) => l.replace(/ {2,}/g, ' ').replace(/ +$/g, '')).join('\n').replace(/^ +/, '');

/**
 * The values a text may become by the documented fixes (up to 5 applied in a row), each with the signing forms
 * removed on the way: Map(value → Set of codes).
 */
function reachable(v) {
  const out = new Map([[v, new Set()]]);
  let frontier = [[v, new Set()]];
  for (let depth = 0; depth < 5 && frontier.length; depth++) {
    const next = [];
    for (const [x, codes] of frontier) {
      const cands = [];
      const m = MARK.exec(x);
      if (m) {
        const rest = x.slice(m[0].length);
        // a person's initial ("C. Mác", "V. I. Lênin") is not a number mark
        if (!(/^[IVXLC]\.\s+$/u.test(m[0]) && /^(?:\p{Lu}\.\s|\p{Lu}\p{Ll})/u.test(rest))) cands.push([rest, codes]);
      }
      const sm = SIGN.exec(x);
      if (sm) { const w = (sm[1] ?? sm[2]).toUpperCase(); cands.push([x.slice(sm[0].length), new Set([...codes, SIGN_CODE[w] ?? w])]); }
      cands.push([x.replace(/([^.])\.(\s*)$/u, '$1$2'), codes], [collapse(x), codes], [x.trim(), codes]);
      for (const [y, c] of cands) if (!out.has(y)) { out.set(y, c); next.push([y, c]); }
    }
    frontier = next;
  }
  return out;
}

const DATE_KEYS = /^(ngay_ban_hanh|tu|den|han|ngay|ngay_.*)$/;

/**
 * Compares a plan's data before and after the fix: [problem]. `lineOf(path)` gives the line of the value at a data
 * path in the original (following an alias to its anchor); `listed` the lines of the changes the fixer reported.
 */
function compareData(before, after, lineOf, listed) {
  const problems = [];
  const seen = new Set();
  const walk = (a, b, path) => {
    if (problems.length > 5 || path.length > 300) return;
    if (a && typeof a === 'object') { if (seen.has(a)) return; seen.add(a); } // an alias: compared once
    const where = path.join('.') || '(root)';
    if (Array.isArray(a) || Array.isArray(b)) {
      if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) { problems.push(`${where}: list changed shape`); return; }
      a.forEach((x, i) => walk(x, b[i], [...path, i]));
      return;
    }
    if (a && typeof a === 'object' && b && typeof b === 'object') {
      for (const k of Object.keys(a)) if (!(k in b)) problems.push(`${where}: key ${k} removed`);
      for (const k of Object.keys(b)) {
        if (!(k in a)) {
          if (k === 'quyen_han' && ['KT', 'TL', 'TUQ', 'Q'].includes(b[k])) continue;
          problems.push(`${where}: key ${k} added (${JSON.stringify(b[k]).slice(0, 40)})`);
        } else walk(a[k], b[k], [...path, k]);
      }
      // a signing form removed from this signer's text is kept as its quyen_han
      for (const k of SIGN_KEYS) {
        if (typeof a[k] !== 'string' || typeof b[k] !== 'string' || a[k] === b[k]) continue;
        const codes = reachable(a[k]).get(b[k]);
        for (const c of codes ?? []) {
          if (c === 'TM' ? k !== 'thay_mat' : b.quyen_han !== c) problems.push(`${where}.${k}: signing form ${c} removed from ${JSON.stringify(a[k])} but quyen_han is ${JSON.stringify(b.quyen_han)}`);
        }
      }
      return;
    }
    if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return;
    const src = lineOf(path);
    const ok = typeof a === 'string' && typeof b === 'string' && (reachable(a).has(b) || (DATE_KEYS.test(String(src.key ?? path[path.length - 1])) && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(b) && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(a) && a.includes(b.slice(0, 4))));
    if (!ok) problems.push(`${where}: undocumented change ${JSON.stringify(a).slice(0, 80)} → ${JSON.stringify(b).slice(0, 80)}`);
    else if (!listed.has(src.line)) problems.push(`${where}: change not listed (${JSON.stringify(a).slice(0, 60)} → ${JSON.stringify(b).slice(0, 60)}, line ${src.line})`);
  };
  walk(before, after, []);
  return problems;
}

/**
 * Where the value at a data path of a YAML document is written (an alias followed to its anchor): { line, key },
 * the line of the source node and the key it is written under (a date field's anchor makes the alias a date).
 */
function lineFinder(text) {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, logLevel: 'silent' });
  const keyOfNode = new Map();
  const index = (node, key, depth) => {
    if (depth > 300 || !node || isAlias(node)) return;
    keyOfNode.set(node, key);
    if (isMap(node)) for (const p of node.items) index(p.value, isScalar(p.key) ? String(p.key.value) : '', depth + 1);
    else if (isSeq(node)) for (const x of node.items) index(x, key, depth + 1);
  };
  index(doc.contents, null, 0);
  return (path) => {
    let node = doc.contents;
    for (const seg of path) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg))?.value;
      else if (isSeq(node)) node = node.items[Number(seg)];
      else return { line: -1, key: null };
    }
    if (isAlias(node)) node = node.resolve(doc);
    return { line: node?.range ? lc.linePos(node.range[0]).line : -1, key: keyOfNode.get(node) ?? null };
  };
}

const STACK = /\n\s+at |\bat .+\.(?:js|ts|cjs|mjs):\d+/;

/**
 * Runs the fixer on one plan and checks its result.
 * @param lib { fixPlan, validatePlan, KehoachError }
 * @param text the plan (Buffer)
 * @param file where to write it (a folder with a .git, so that no config above is used)
 * @returns { outcome: 'fixed' | 'unchanged' | 'refused' | 'finding', detail? }
 */
export async function runFixCase(lib, text, file) {
  writeFileSync(file, text);
  let res;
  try { res = await lib.fixPlan(file, 'vi'); } catch (e) {
    if (e instanceof lib.KehoachError) {
      return !e.message || STACK.test(e.message) ? { outcome: 'finding', detail: `fix: stack in message: ${e.message.slice(0, 200)}` } : { outcome: 'refused' };
    }
    return { outcome: 'finding', detail: `fix: internal error: ${e?.name ?? typeof e}: ${String(e?.message ?? e).split('\n')[0].slice(0, 200)}` };
  }
  const src = text.toString('utf8').replace(/^\uFEFF/, '');
  // with no change listed nothing is written (src/fix.ts fixFiles), whatever the text computed (a BOM dropped …)
  if (res.text === src || !res.changes.length) return { outcome: 'unchanged' };
  let before, after;
  const opts = { uniqueKeys: false, maxAliasCount: -1, logLevel: 'silent' };
  try { before = parse(src, opts); } catch { return { outcome: 'finding', detail: 'fix: changed a file whose YAML does not parse' }; }
  try { after = parse(res.text, opts); } catch (e) { return { outcome: 'finding', detail: `fix: broke the YAML: ${String(e.message).split('\n')[0].slice(0, 120)}` }; }
  const listed = new Set(res.changes.map((c) => c.line));
  const problems = compareData(before, after, lineFinder(src), listed);
  // a suppression comment holds for its line, whatever the fixer inserted above it
  const lines = src.split(/\r?\n/);
  // (a directive is a comment line of its own; a run of comment and blank lines directly above a line applies to it)
  for (const c of res.changes) {
    for (let k = c.line - 2; k >= 0 && /^\s*(#.*)?$/.test(lines[k]); k--) {
      const m = /^\s*#\s*kehoach-disable-next-line\b([^#]*?)(?:--.*)?$/.exec(lines[k]);
      if (m && m[1].split(/[\s,]+/).includes(c.rule)) problems.push(`line ${c.line}: ${c.rule} fixed under a suppression comment`);
    }
  }
  // a valid plan stays valid
  if (!problems.length) {
    const errs = (t) => lib.validatePlan(t, { file: 'fix.yaml' }).filter((d) => d.severity === 'error');
    const was = errs(src);
    if (!was.length) {
      const now = errs(res.text);
      if (now.length) problems.push(`a valid plan made invalid: [${now[0].rule}] ${now[0].message.slice(0, 120)}`);
    }
  }
  return problems.length ? { outcome: 'finding', detail: `fix: ${problems[0]}${problems.length > 1 ? ` (+${problems.length - 1})` : ''}` } : { outcome: 'fixed' };
}
