/**
 * The Nơi nhận heading and the Lưu line of every family are read back by the patterns that wrote them
 * (src/form/noi-nhan.ts), and the readers accept what real Word documents write (what import's former regexes
 * accepted).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { luuHead, luuLine, luuReader, luuUnits, noiNhanHeading, noiNhanHeadingReader } from '../src/form/noi-nhan.js';
import { familyProfiles } from '../src/form/families.js';
import { loadProfile } from '../src/profile.js';
import { noiNhanView } from '../src/normalise/closing.js';
import { checkPlanText } from '../src/index.js';
import { ROOT } from './helpers.js';

const profiles = familyProfiles();
const heading = noiNhanHeadingReader(profiles);
const luu = luuReader(profiles);

/** import's regexes before src/form/noi-nhan.ts, as the oracle of what the readers must still accept. */
const OLD_NOI_NHAN = /^\**\s*Nơi nhận\s*:?\s*\**\s*:?$/iu;
const OLD_LUU = /^-?\s*Lưu\s*:?\s*(.+?)\s*$/u;

describe('every family: the lines written are read back with their parts', () => {
  it.each(profiles.map((p) => [p.khoi, p] as const))('%s', (khoi, p) => {
    expect(heading(noiNhanHeading(p))).toContain(khoi);
    for (const units of [['VT'], ['VT', 'VP'], ['Văn phòng Tỉnh ủy'], ['TH-TĐ10b', 'VT-LT']]) {
      const line = luuLine(p, units);
      for (const written of [line, `- ${line}`]) {
        const r = luu(written);
        expect(r, written).not.toBeNull();
        expect(luuUnits(r!.noi)).toEqual(units);
        expect(r!.families).toContain(khoi);
      }
    }
  });

  it('writes the family\'s form: a colon for the state, none for the Party and the Youth Union', () => {
    expect(luuLine(loadProfile('nha_nuoc'), ['VT', 'VP'])).toBe('Lưu: VT, VP.');
    expect(luuLine(loadProfile('dang'), ['Văn phòng Tỉnh ủy'])).toBe('Lưu Văn phòng Tỉnh ủy.');
    expect(luuLine(loadProfile('doan_thanh_nien'), ['VT-LT'])).toBe('Lưu VT-LT.');
    expect(luuHead(loadProfile('nha_nuoc'))).toBe('Lưu: ');
    expect(luuHead(loadProfile('dang'))).toBe('Lưu ');
    expect(noiNhanHeading(loadProfile('dang'))).toBe('Nơi nhận:');
  });

  it('render\'s view writes the same lines', () => {
    const v = noiNhanView({ cac_noi: ['UBND tỉnh'], luu: ['Văn phòng'] } as never, loadProfile('dang'));
    expect(v.nhan).toBe(noiNhanHeading(loadProfile('dang')));
    expect(v.luu).toBe(`- ${luuLine(loadProfile('dang'), ['Văn phòng'])}`);
  });

  it('a line with a colon belongs to the families whose form has one', () => {
    const r = luu('- Lưu: VT, VP.')!;
    expect(r.noi).toBe('VT, VP.');
    expect(r.families).toContain('nha_nuoc');
    expect(r.families).not.toContain('dang');
    expect(luu('- Lưu Văn phòng.')!.families).toEqual(expect.arrayContaining(['nha_nuoc', 'dang', 'doan_thanh_nien']));
  });
});

describe('real documents\' spellings', () => {
  const headings = ['Nơi nhận:', 'Nơi nhận', '**Nơi nhận:**', '***Nơi nhận:***', '*Nơi nhận*:', '**Nơi nhận**', 'Nơi nhận :', 'NƠI NHẬN:', 'Nơi nhận::', '*Nơi nhận:* :'];
  it.each(headings)('heading %j', (t) => {
    expect(OLD_NOI_NHAN.test(t)).toBe(true);
    expect(heading(t)).not.toBeNull();
  });
  it.each(['Nơi nhận: UBND tỉnh', 'Nơi nhận hồ sơ', '- Nơi nhận:', 'Nơi gửi:'])('not a heading: %j', (t) => {
    expect(heading(t)).toBeNull();
  });

  const luuLines: [string, string][] = [
    ['- Lưu: VT, VP.', 'VT, VP.'],
    ['Lưu VT', 'VT'],
    ['Lưu: VT', 'VT'],
    ['-Lưu: VT, TH.', 'VT, TH.'],
    ['- Lưu : VT , VP .', 'VT , VP .'],
    ['- Lưu: VT, KGVXNV. Trâm.', 'VT, KGVXNV. Trâm.'],
    ['- Lưu Văn phòng Tỉnh ủy.', 'Văn phòng Tỉnh ủy.'],
    ['- Lưu TH-TĐ10b, VT-LT.', 'TH-TĐ10b, VT-LT.'],
  ];
  it.each(luuLines)('Lưu line %j', (t, noi) => {
    expect(OLD_LUU.exec(t)?.[1]).toBe(noi);
    expect(luu(t)?.noi).toBe(noi);
  });
  it('keeps the typist\'s initials after the units for the caller', () => {
    expect(luuUnits('VT, VP.')).toEqual(['VT', 'VP']);
    const noi = luu('- Lưu: VT, KGVXNV. Trâm.')!.noi;
    expect(/^(.+?)\.\s+(\S.*?)\.?$/u.exec(noi)?.slice(1)).toEqual(['VT, KGVXNV', 'Trâm']);
  });
  it.each(['Lưu', '- Lưu', 'UBND tỉnh;', '- Như trên;'])('not a Lưu line: %j', (t) => {
    expect(OLD_LUU.test(t)).toBe(false);
    expect(luu(t)).toBeNull();
  });
});

describe('the rule noi-nhan/luu-vt quotes the family\'s own line', () => {
  it('a state plan\'s line in its message as render writes it', () => {
    const yaml = readFileSync(join(ROOT, 'test', 'fixtures', 'minimal.yaml'), 'utf8').replace('  luu: [VT, VP]', '  luu: [VP, VT]');
    const d = checkPlanText(yaml).diagnostics.find((x) => x.rule === 'noi-nhan/luu-vt');
    expect(d?.message).toContain(`"${luuLine(loadProfile('nha_nuoc'), ['VP', 'VT'])}"`);
  });
});
