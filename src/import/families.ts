/**
 * Which family (khoi) a document belongs to, read from its header: a table the integrator extends when a family
 * is added (first match wins). Each row: the khoi, a test over the header's text, and the comment written into
 * the YAML when the choice is a stand-in.
 */

export interface HeaderFacts {
  /** Every header line joined by newlines. */
  text: string;
  /** The agency lines (left column). */
  agency: string;
  /** The ký hiệu part of the Số line ("KH-UBND", "KH/BDVTU"), '' when none. */
  kyHieu: string;
  /** The signature's first line ("K/T TRƯỞNG BAN", "TM. BAN THƯỜNG VỤ"), '' when none. */
  signature: string;
  /** The families whose layout data spells the signature's signing form as written ("K/T" → ['dang']), src/form/signing.ts. */
  signatureFamilies: string[];
}

export interface FamilyRule { khoi: string; test: (h: HeaderFacts) => boolean; comment?: string }

/** The detection table, in order. */
export const FAMILY_RULES: FamilyRule[] = [
  // Youth Union: the title "ĐOÀN TNCS HỒ CHÍ MINH" opposite the agency, an agency of the Đoàn, or a ký hiệu of an
  // Đoàn body ("HD/TWĐTN-VP", "KH/TĐTN-BTG") — HD 29-HD/TWĐTN-VP (2013). Before the Party: its Số has the Party's
  // form "29-HD/TWĐTN-VP".
  { khoi: 'doan_thanh_nien', test: (h) => /ĐOÀN TNCS HỒ CHÍ MINH|ĐOÀN THANH NIÊN CỘNG SẢN/u.test(h.text.toLocaleUpperCase('vi')) || /(?<!\p{L})\p{Lu}*ĐTN(?!\p{L})/u.test(h.kyHieu) },
  // Party: the "ĐẢNG CỘNG SẢN VIỆT NAM" line, a ký hiệu of the Party's form "KH/…", or a signing form only the Party
  // spells so (T/M, K/T, T/L, T/UQ in templates/dang/layout.yaml) — HD 36-HD/VPTW mục 1.1, 1.3, 1.7.
  { khoi: 'dang', test: (h) => /ĐẢNG CỘNG SẢN VIỆT NAM/u.test(h.text) || /^[A-ZĐ]+\//u.test(h.kyHieu) || (h.signatureFamilies.length === 1 && h.signatureFamilies[0] === 'dang') },
  // Trade union: Công đoàn / Liên đoàn Lao động issuers — QĐ 933/QĐ-TLĐ.
  { khoi: 'cong_doan', test: (h) => /CÔNG ĐOÀN|LIÊN ĐOÀN LAO ĐỘNG|(?<!\p{L})LĐLĐ(?!\p{L})|TỔNG LIÊN ĐOÀN/u.test(`${h.agency}\n${h.kyHieu}`.toLocaleUpperCase('vi')) },
  // Vietnam Fatherland Front: "ỦY BAN MTTQ VIỆT NAM …", "ỦY BAN MẶT TRẬN TỔ QUỐC …" in ô 2, or a ký hiệu "KH-MTTQ-BTT",
  // "TT-MTTW-BTT" — HD 91/HD-MTTW-BTT (templates/mat_tran/layout.yaml).
  { khoi: 'mat_tran', test: (h) => /MẶT TRẬN TỔ QUỐC|(?<!\p{L})MTTQ(?!\p{L})/u.test(h.agency.toLocaleUpperCase('vi')) || /(?<!\p{L})(MTTQ|MTTW)(?!\p{L})/u.test(h.kyHieu) },
  // No header survived (Word frames lost in a conversion): the Front's standing committee signs "TM. BAN THƯỜNG TRỰC"
  // (HD 91; the three real plans of templates/mat_tran [P]); a guess, commented.
  {
    khoi: 'mat_tran', test: (h) => !h.agency.trim() && !h.kyHieu && /^TM\.?\s*BAN THƯỜNG TRỰC$/u.test(h.signature.trim()),
    comment: 'đoán: văn bản nguồn không có phần đầu; khối Mặt trận theo chữ ký "TM. BAN THƯỜNG TRỰC"',
  },
  { khoi: 'nha_nuoc', test: () => true },
];

/** The first matching family. */
export function detectFamily(h: HeaderFacts): FamilyRule {
  return FAMILY_RULES.find((r) => r.test(h))!;
}
