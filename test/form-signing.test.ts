/**
 * The signing forms have one home (src/form/signing.ts over each family's `mau.quyen_han`): for every family of
 * templates/ and every signing form, what `render` writes, `check` and `import` read back, and `validate` and
 * `check` judge it alike.
 */
import { describe, it, expect } from 'vitest';
import { readDocxBytes } from '../src/docx-read/index.js';
import { importDocument } from '../src/import/index.js';
import { renderPlan, validatePlan } from '../src/index.js';
import { checkDocument, DOC_RULES } from '../src/check/index.js';
import { loadProfile } from '../src/profile.js';
import { familyNames, familyProfiles } from '../src/form/families.js';
import { familyPlan, ruleIds, SIGNERS } from './support/family-plan.js';
import { signingRecogniser, signingAllowed, SIGNING_CODES } from '../src/form/signing.js';


const plan = (khoi: string, signer: string) => familyPlan(khoi, { signer });
const DOC_RULE_IDS = new Set(DOC_RULES.map((r) => r.id));

describe('the signing forms: one reader of every family\'s spellings', () => {
  const read = signingRecogniser(familyProfiles());
  it.each([
    ['KT. GIÁM ĐỐC', 'KT', 'KT.', 'GIÁM ĐỐC'], ['K/T TRƯỞNG BAN', 'KT', 'K/T', 'TRƯỞNG BAN'], ['T/UQ TRƯỞNG BAN', 'TUQ', 'T/UQ', 'TRƯỞNG BAN'],
    ['TUQ. CHỦ TỊCH', 'TUQ', 'TUQ.', 'CHỦ TỊCH'], ['TM BAN THƯỜNG VỤ', 'TM', 'TM', 'BAN THƯỜNG VỤ'], ['T/M. BAN THƯỜNG VỤ', 'TM', 'T/M.', 'BAN THƯỜNG VỤ'],
    ['Q. GIÁM ĐỐC', 'Q', 'Q.', 'GIÁM ĐỐC'], ['KT.GIÁM ĐỐC', 'KT', 'KT.', 'GIÁM ĐỐC'], ['T/L CHÁNH VĂN PHÒNG', 'TL', 'T/L', 'CHÁNH VĂN PHÒNG'],
  ])('%s', (text, code, written, rest) => {
    expect(read(text)).toEqual({ code, written, rest });
  });
  it.each(['QUYỀN GIÁM ĐỐC', 'TMX BAN', 'KTV', 'GIÁM ĐỐC', 'T/MA'])('%s is no signing form', (text) => {
    expect(read(text)).toBeNull();
  });
});

describe('every family × every signing form: render → check, render → import, validate', () => {
  const families = familyNames();
  it('the package has its five families', () => {
    expect(families).toEqual(['cong_doan', 'dang', 'doan_thanh_nien', 'mat_tran', 'nha_nuoc']);
  });
  for (const khoi of families) {
    for (const code of ['none', ...SIGNING_CODES] as const) {
      it(`${khoi} signed ${code}`, async () => {
        const text = plan(khoi, SIGNERS[code]);
        const validated = validatePlan(text);
        expect(validated.filter((d) => d.severity === 'error')).toEqual([]);
        const allowed = code === 'none' || signingAllowed(loadProfile(khoi), code);
        // A form the family's guidance does not use is a warning, the same from the plan and from its document.
        expect(ruleIds(validated)).toEqual(allowed ? [] : ['chu-ky/dang-quyen-han:warning']);
        const doc = readDocxBytes(await renderPlan(text, { force: true }), 'p.docx');
        const checked = checkDocument(doc, 'p.docx');
        expect(checked.filter((d) => DOC_RULE_IDS.has(d.rule))).toEqual([]);
        expect(ruleIds(checked.filter((d) => !DOC_RULE_IDS.has(d.rule)))).toEqual(ruleIds(validated));
        // The signer comes back field by field.
        const back = importDocument(doc).plan;
        expect(back.khoi).toBe(khoi);
        const want = (await import('yaml')).parse(text).nguoi_ky;
        expect(back.nguoi_ky).toEqual(want);
      }, 60_000);
    }
  }
});
