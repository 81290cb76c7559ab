/**
 * `check` is `validate` on a recognised document: one registry of rules (plan rules and the document rules of
 * src/check/rules.ts), one rules stage (src/pipeline.ts), one kehoach.config.yaml. The same plan gives the same rule
 * ids and severities through `validate` and through `render` → `check` (the document rules aside); a config in the
 * document's folder turns rules of both kinds off, or re-grades them, and so changes `check`'s exit code.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { renderPlan, checkPlanText } from '../src/index.js';
import { readDocument } from '../src/docx-read/index.js';
import { checkDocument, DOC_RULES } from '../src/check/index.js';
import { CONFIGURABLE_RULE_IDS } from '../src/rules/index.js';
import { EXAMPLES, EXAMPLES_DIR, ROOT, CLI } from './helpers.js';

const DOC_RULE_IDS = new Set(DOC_RULES.map((r) => r.id));
const ruleIds = (ds: { rule: string; severity: string }[]) => ds.map((d) => `${d.rule}:${d.severity}`).sort();
const validate = (file: string) => checkPlanText(readFileSync(file, 'utf8'), { file }).diagnostics;
const check = (file: string) => checkDocument(readDocument(file), file);
const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
const json = (r: { stdout: string }) => JSON.parse(r.stdout) as { rule: string; severity: string }[];
const REAL = join(ROOT, 'test', 'fixtures', 'realdocs', 'kh-kiem-tra-giam-sat-bau-cu-bac-cam-ranh-2025.docx');

/**
 * The examples without their suppression comments (a .docx has none: the departures they suppress are then findings
 * of both commands), each beside its render, in a folder of their own.
 */
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kh-check-config-'));
  for (const ex of EXAMPLES) {
    const text = readFileSync(join(EXAMPLES_DIR, ex), 'utf8').replace(/^\s*# kehoach-disable-next-line.*\n/gmu, '');
    writeFileSync(join(dir, ex), text);
    writeFileSync(join(dir, ex.replace(/\.yaml$/, '.docx')), await renderPlan(text, { file: join(dir, ex) }));
  }
}, 300_000);

describe('one registry', () => {
  it('the document rules are rules of the registry, configurable like the plan rules', () => {
    expect(DOC_RULES.map((r) => r.id)).toEqual(['trang/kho-giay', 'trang/le', 'phong-chu/times', 'thanh-phan/thieu', 'co-chu/thanh-phan', 'kieu-chu/thanh-phan', 'duong-ke/thieu', 'so-0/so-ngay', 'so-trang/vi-tri']);
    for (const id of [...DOC_RULE_IDS, 'noi-nhan/luu-vt', 'register/trung']) expect(CONFIGURABLE_RULE_IDS).toContain(id);
  });
});

describe('the same plan through validate and through render → check', () => {
  it('gives the same rule ids and severities, the document rules aside', () => {
    let found = 0;
    for (const ex of EXAMPLES) {
      const validated = validate(join(dir, ex));
      const checked = check(join(dir, ex.replace(/\.yaml$/, '.docx')));
      expect(checked.filter((d) => DOC_RULE_IDS.has(d.rule) && d.severity === 'error'), ex).toEqual([]);
      expect(ruleIds(checked.filter((d) => !DOC_RULE_IDS.has(d.rule))), ex).toEqual(ruleIds(validated));
      found += validated.length;
    }
    // The departures the examples suppress in YAML: Lưu without VT (two), a deputy signing TM., a gap in a numbering.
    expect(found).toBeGreaterThanOrEqual(4);
  }, 120_000);
});

describe('kehoach.config.yaml applies to check as to validate', () => {
  it('a layout rule and a plan rule turned off are silent in check, the plan rule in validate', () => {
    const off = join(dir, 'off');
    mkdirSync(off);
    const ex = EXAMPLES.find((e) => e.startsWith('000-'))!;
    copyFileSync(join(dir, ex), join(off, ex));
    copyFileSync(REAL, join(off, 'real.docx'));
    // Without the config: the real document has margins out of range and a Lưu line without VT; the plan too.
    const before = check(REAL).map((d) => d.rule);
    expect(before).toContain('trang/le');
    expect(before).toContain('noi-nhan/luu-vt');
    expect(validate(join(dir, ex)).map((d) => d.rule)).toContain('noi-nhan/luu-vt');
    writeFileSync(join(off, 'kehoach.config.yaml'), 'rules:\n  trang/le: off\n  noi-nhan/luu-vt: off\n');
    const after = check(join(off, 'real.docx')).map((d) => d.rule);
    expect(after).not.toContain('trang/le');
    expect(after).not.toContain('noi-nhan/luu-vt');
    expect(after).toContain('phong-chu/times'); // the rest still runs
    expect(validate(join(off, ex))).toEqual([]);
    // The command line alike, in every format.
    const r = cli(['check', '--format', 'json', join(off, 'real.docx')]);
    expect(r.status).toBe(1);
    expect(json(r).map((d) => d.rule).filter((id) => id === 'trang/le' || id === 'noi-nhan/luu-vt')).toEqual([]);
    const v = cli(['validate', '--format', 'json', join(off, ex)]);
    expect([v.status, json(v)]).toEqual([0, []]);
  }, 120_000);

  it('a warning raised to an error changes check\'s exit code; an error lowered to a warning shows as one', () => {
    const err = join(dir, 'error');
    mkdirSync(err);
    const ex = EXAMPLES.find((e) => e.startsWith('000-'))!;
    const docx = ex.replace(/\.yaml$/, '.docx');
    copyFileSync(join(dir, docx), join(err, docx));
    copyFileSync(REAL, join(err, 'real.docx'));
    const plain = cli(['check', '--format', 'json', join(dir, docx)]);
    expect([plain.status, ruleIds(json(plain))]).toEqual([0, ['noi-nhan/luu-vt:warning']]);
    expect(cli(['check', '--strict', join(dir, docx)]).status).toBe(1);
    writeFileSync(join(err, 'kehoach.config.yaml'), 'rules:\n  noi-nhan/luu-vt: error\n  duong-ke/thieu: error\n  trang/le: warning\n');
    const raised = cli(['check', '--format', 'json', join(err, docx)]);
    expect([raised.status, ruleIds(json(raised))]).toEqual([1, ['noi-nhan/luu-vt:error']]);
    const gh = cli(['check', '--format', 'github', join(err, docx)]);
    expect(gh.status).toBe(1);
    expect(gh.stdout).toMatch(/^::error file=.*noi-nhan\/luu-vt/mu);
    const real = json(cli(['check', '--format', 'json', join(err, 'real.docx')]));
    expect(new Set(real.filter((d) => d.rule === 'duong-ke/thieu').map((d) => d.severity))).toEqual(new Set(['error']));
    expect(new Set(real.filter((d) => d.rule === 'trang/le').map((d) => d.severity))).toEqual(new Set(['warning']));
  }, 120_000);

  it('a mistake in the config is reported by check as by validate (exit 1)', () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    copyFileSync(REAL, join(bad, 'real.docx'));
    writeFileSync(join(bad, 'kehoach.config.yaml'), 'rules:\n  trang/lee: off\n');
    const r = json(cli(['check', '--format', 'json', join(bad, 'real.docx')]));
    const mistake = r.find((d) => d.rule === 'config/unknown-rule') as { message: string; hint?: string } | undefined;
    expect(mistake?.hint).toContain('trang/le');
    expect(r.map((d) => d.rule)).toContain('trang/le'); // the misspelt id silences nothing
  }, 120_000);
});

describe('rules carry their own behaviour: fixes and what stops a render', () => {
  it('the fixer applies what the rules offer: the rules with a fix, in the registry\'s order', async () => {
    const { FIXABLE_RULES } = await import('../src/fix.js');
    expect(FIXABLE_RULES.map((r) => r.id)).toEqual(['chu-ky/tien-to', 'so-thu-tu/tu-viet', 'trich-yeu/dau-cham', 'van-ban/khoang-trang']);
  });

  it('chu-ky/tien-to\'s fix reads the signer it is about: a joint plan\'s co-signer gets its own quyen_han', async () => {
    const { fixPlan } = await import('../src/fix.js');
    const { parse } = await import('yaml');
    const d = mkdtempSync(join(tmpdir(), 'kh-fix-joint-'));
    mkdirSync(join(d, '.git'));
    const ex = EXAMPLES.find((e) => e.startsWith('006-'))!;
    // The lead signs KT. already; the co-signer's "KT." is typed in its thu_truong.
    const text = readFileSync(join(EXAMPLES_DIR, ex), 'utf8').replace('      chuc_vu: GIÁM ĐỐC\n', '      thu_truong: KT. GIÁM ĐỐC\n      chuc_vu: PHÓ GIÁM ĐỐC\n');
    writeFileSync(join(d, 'kh.yaml'), text);
    const r = await fixPlan(join(d, 'kh.yaml'));
    expect(r.changes.map((c) => c.rule)).toEqual(['chu-ky/tien-to']);
    const fixed = parse(r.text) as { nguoi_ky: object; lien_tich: { nguoi_ky: object }[] };
    expect(fixed.lien_tich[0].nguoi_ky).toEqual({ quyen_han: 'KT', thu_truong: 'GIÁM ĐỐC', chuc_vu: 'PHÓ GIÁM ĐỐC', ho_ten: 'Trần Minh Khoa' });
    expect(fixed.nguoi_ky).toMatchObject({ quyen_han: 'KT', thu_truong: 'GIÁM ĐỐC' });
    writeFileSync(join(d, 'kh.yaml'), r.text);
    expect(validate(join(d, 'kh.yaml'))).toEqual([]);
  });

  it('whether a warning stops a render is the rule\'s own say', async () => {
    const { RULES, onDocument } = await import('../src/rules/index.js');
    const stopping = RULES.filter((r) => !onDocument(r) && r.stopsRender).map((r) => r.id);
    expect(stopping).toEqual(['noi-nhan/gach-dau', 'noi-nhan/luu-trong-cac-noi', 'so-thu-tu/tu-viet']);
    const plan = readFileSync(join(EXAMPLES_DIR, EXAMPLES[1]), 'utf8');
    const at = (cac: string) => checkPlanText(plan.replace(/cac_noi:\n(\s+)- /u, `cac_noi:\n$1- ${cac}\n$1- `), { file: 'x.yaml' }).diagnostics.filter((d) => d.rule === 'noi-nhan/gach-dau');
    // A typed "-" prints twice ("- - "): it stops the render; a final ";" only doubles the tool's: it does not.
    expect(at('"- Sở Y tế"').map((d) => d.stopsRender)).toEqual([true]);
    expect(at('Sở Y tế;').map((d) => d.stopsRender)).toEqual([undefined]);
  });
});

describe('a rule that judges what the page does not print', () => {
  it('dot/trong-ky (the plan period is not printed) runs in validate and not on a document, so check never guesses the period', async () => {
    const { RULES } = await import('../src/rules/index.js');
    const notOnPages = RULES.filter((r) => !('on' in r && r.on === 'document') && (r as { onRecognised?: false }).onRecognised === false).map((r) => r.id);
    expect(notOnPages).toEqual(['dot/trong-ky']);
    const ex = EXAMPLES.find((e) => e.startsWith('005'))!;
    // 005 gives its period (Dec 2025 – Mar 2026): neither command warns; check of its render does not guess a period
    expect(validate(join(dir, ex)).map((d) => d.rule)).not.toContain('dot/trong-ky');
    expect(check(join(dir, ex.replace(/\.yaml$/, '.docx'))).map((d) => d.rule)).not.toContain('dot/trong-ky');
  }, 120_000);
});
