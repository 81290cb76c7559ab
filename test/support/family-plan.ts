/**
 * A small plan of any family of templates/, for the tests that go through every family (form-signing,
 * form-numbering): the header is the family's own kind of issuer, since a state-shaped page of a union or the Front is
 * told from a state body's by its issuer's name only (src/import/families.ts), as a clerk tells it.
 */

export { ISSUER, familyPlan } from '../../scripts/family-plan.mjs';

/** The signer of each signing form, a plan's `nguoi_ky` in flow style (src/form/signing.ts SIGNING_CODES, or none). */
export const SIGNERS: Record<'none' | 'TM' | 'KT' | 'TL' | 'TUQ' | 'Q', string> = {
  none: '{ chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn An }',
  TM: '{ thay_mat: BAN THƯỜNG VỤ, chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn An }',
  KT: '{ quyen_han: KT, thu_truong: CHỦ TỊCH, chuc_vu: PHÓ CHỦ TỊCH, ho_ten: Nguyễn Văn An }',
  TL: '{ quyen_han: TL, thu_truong: CHỦ TỊCH, chuc_vu: CHÁNH VĂN PHÒNG, ho_ten: Nguyễn Văn An }',
  TUQ: '{ quyen_han: TUQ, thu_truong: CHỦ TỊCH, chuc_vu: CHÁNH VĂN PHÒNG, ho_ten: Nguyễn Văn An }',
  Q: '{ quyen_han: Q, chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn An }',
};

/** Rule ids with their severities, sorted: what two runs are compared by. */
export const ruleIds = (ds: { rule: string; severity: string }[]): string[] => ds.map((d) => `${d.rule}:${d.severity}`).sort();
