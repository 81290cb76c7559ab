/**
 * One pattern both fills and matches (src/form/pattern.ts), and the Số line of every family is read back by the
 * pattern that wrote it (src/form/so-ky-hieu.ts).
 */
import { describe, it, expect } from 'vitest';
import { fillPattern, fromField, patternMatcher } from '../src/form/pattern.js';
import { soKyHieuLine, soKyHieuReader, kyHieu } from '../src/form/so-ky-hieu.js';
import { familyNames, familyProfiles } from '../src/form/families.js';
import { loadProfile } from '../src/profile.js';

describe('the pattern language', () => {
  it('fills, and leaves an unknown field as it is', () => {
    expect(fillPattern('Số: {so}/{loai}-{co_quan}', { so: '05', loai: 'KH', co_quan: 'UBND' })).toBe('Số: 05/KH-UBND');
    expect(fillPattern('{a} {b}', { a: 1 })).toBe('1 {b}');
    expect(fromField('Số: {so}/{loai}-{co_quan}', 'loai')).toBe('{loai}-{co_quan}');
  });
  it('matches what it fills, with the spacing of real documents and nothing looser', () => {
    const m = patternMatcher('Số: {so}/{loai}-{co_quan}', { so: { value: '\\d*', after: '[\\s.…_]*' }, loai: { value: '[A-ZĐa-zđ]+' } });
    expect(m('Số: 05/KH-UBND')).toEqual({ so: '05', loai: 'KH', co_quan: 'UBND' });
    expect(m('Số : 02 /KH - LĐLĐ')).toEqual({ so: '02', loai: 'KH', co_quan: 'LĐLĐ' });
    expect(m('Số 05/KH-UBND.')).toEqual({ so: '05', loai: 'KH', co_quan: 'UBND' });
    expect(m('Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/KH-MTTQ-BTT')).toEqual({ so: '', loai: 'KH', co_quan: 'MTTQ-BTT' });
    expect(m('Số: ……/KH–UBND')).toEqual({ so: '', loai: 'KH', co_quan: 'UBND' });
    expect(m('Số 05-KH/BDVTU')).toBeNull();
    expect(m('Sổ tay: 05/KH-UBND')).toBeNull();
  });
});

describe('the Số line of every family: written by its pattern, read back by the families\' patterns', () => {
  const read = soKyHieuReader(familyProfiles());
  for (const khoi of familyNames()) {
    it(khoi, () => {
      const profile = loadProfile(khoi);
      for (const so of ['05', '215', '\u00a0'.repeat(6)]) {
        const line = soKyHieuLine(profile, { so, loai: 'KH', co_quan: 'UBND-VP' });
        const r = read(line)!;
        expect(r, line).not.toBeNull();
        expect([r.so, r.loai, r.co_quan]).toEqual([so.trim(), 'KH', 'UBND-VP']);
        expect(r.kyHieu).toBe(kyHieu(profile, { loai: 'KH', co_quan: 'UBND-VP' }));
        expect(r.families).toContain(khoi);
      }
    });
  }
  it('the Party\'s form is told from the state\'s', () => {
    expect(read('Số 05-KH/BDVTU')).toMatchObject({ kyHieu: 'KH/BDVTU', families: expect.arrayContaining(['dang']) });
    expect(read('Số 05-KH/BDVTU')!.families).not.toContain('nha_nuoc');
    expect(read('Số: 05/KH-UBND')!.families).not.toContain('dang');
    expect(read('Số: 367 - QĐ/TWĐTN-VP')).toMatchObject({ so: '367', loai: 'QĐ', co_quan: 'TWĐTN-VP' });
  });
});
