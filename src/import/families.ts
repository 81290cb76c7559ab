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
}

export interface FamilyRule { khoi: string; test: (h: HeaderFacts) => boolean; comment?: string }

/** The detection table, in order. */
export const FAMILY_RULES: FamilyRule[] = [
  // Party: the "ĐẢNG CỘNG SẢN VIỆT NAM" line, a ký hiệu of the Party's form "KH/…", or the Party's signing forms
  // T/M, K/T, T/L — HD 36-HD/VPTW mục 1.1, 1.3, 1.7.
  { khoi: 'dang', test: (h) => /ĐẢNG CỘNG SẢN VIỆT NAM/u.test(h.text) || /^[A-ZĐ]+\//u.test(h.kyHieu) || /^(T\/M|K\/T|T\/L)\s/u.test(h.signature) },
  // Trade union: Công đoàn / Liên đoàn Lao động issuers — QĐ 933/QĐ-TLĐ.
  { khoi: 'cong_doan', test: (h) => /CÔNG ĐOÀN|LIÊN ĐOÀN LAO ĐỘNG|(?<!\p{L})LĐLĐ(?!\p{L})|TỔNG LIÊN ĐOÀN/u.test(`${h.agency}\n${h.kyHieu}`.toLocaleUpperCase('vi')) },
  // Vietnam Fatherland Front: no family of its own yet (being added in parallel); laid out like the state for now.
  {
    khoi: 'nha_nuoc', test: (h) => /MẶT TRẬN TỔ QUỐC|(?<!\p{L})MTTQ/u.test(h.agency.toLocaleUpperCase('vi')) || /MTTQ/u.test(h.kyHieu),
    comment: 'Mặt trận Tổ quốc: chưa có khối riêng, tạm dùng nha_nuoc (NĐ 30) — đổi thành khối Mặt trận khi có',
  },
  { khoi: 'nha_nuoc', test: () => true },
];

/** The first matching family. */
export function detectFamily(h: HeaderFacts): FamilyRule {
  return FAMILY_RULES.find((r) => r.test(h))!;
}
