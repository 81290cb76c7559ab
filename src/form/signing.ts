/**
 * The signing forms (quyền hạn ký, ô 7a): TM. (thay mặt), KT. (ký thay), TL. (thừa lệnh), TUQ. (thừa ủy quyền) and
 * Q. (quyền), and the Party's spellings T/M, K/T, T/L, T/UQ — NĐ 30/2020 Phụ lục I mục II.7; HD 36-HD/VPTW mục 1.7.
 *
 * The forms themselves are data: each family's `mau.quyen_han` in templates/<khoi>/layout.yaml, with the family's
 * own limits beside them (`mau.quyen_han_khong_dung`: forms its guidance does not use; `mau.cap_pho_tm_kem_kt`:
 * whether a deputy signing for a collective adds "KT. <head>"; `mau.tm_tap_the`: the collective a chairman signs
 * for). This module is the one place that writes a signing line from that data (`signingLine`, used to render) and
 * reads one back (`signingRecogniser`, used by import, `check`, the rules and `fix`), so the two cannot disagree.
 */
import type { LayoutProfile } from '../profile.js';

/** The plan's codes of the signing forms: `thay_mat` gives TM; `quyen_han` gives the others (plan schema). */
export type SigningCode = 'TM' | 'KT' | 'TL' | 'TUQ' | 'Q';

/** Every code, in the order NĐ 30/2020 Phụ lục I mục II.7 lists them. */
export const SIGNING_CODES: readonly SigningCode[] = ['TM', 'KT', 'TL', 'TUQ', 'Q'];

/** The printed form of a code in a family ("KT." for the state, "K/T" for the Party). */
export function signingForm(profile: LayoutProfile, code: SigningCode): string {
  return profile.mau.quyen_han[code];
}

/**
 * One line of the signature block: the family's form of `code` and the head or collective it signs for
 * ("KT. GIÁM ĐỐC", "T/M BAN THƯỜNG VỤ"); the form alone when `head` is empty.
 */
export function signingLine(profile: LayoutProfile, code: SigningCode, head: string): string {
  return `${signingForm(profile, code)} ${head}`.trim();
}

/** A signing form found at the start of a text. */
export interface SigningMatch {
  code: SigningCode;
  /** The form as the text writes it ("KT.", "K/T", "TM" without its full stop). */
  written: string;
  /** The text after the form and the spaces that follow it ("GIÁM ĐỐC"). */
  rest: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A recogniser of the signing forms of the given profiles (all families' spellings at once: import and `check`
 * read a document before they know its family, and a clerk may type another family's spelling).
 *
 * A form is recognised with its final full stop ("TM.", "KT.GIÁM ĐỐC"), or without it when a space or the end of
 * the text follows ("TM BAN THƯỜNG VỤ", never the "Q" of "QUYỀN"); a form that has no full stop ("T/M") also takes
 * one ("T/M.").
 * @param profiles the families whose `mau.quyen_han` to read (order does not matter)
 * @returns a function giving the form at the start of a text, or null
 */
export function signingRecogniser(profiles: readonly LayoutProfile[]): (text: string) => SigningMatch | null {
  const byBase = new Map<string, SigningCode>();
  for (const p of profiles) for (const code of SIGNING_CODES) {
    const form = p.mau.quyen_han[code];
    if (form) byBase.set(form.replace(/\.$/u, ''), code);
  }
  // Longest first, so "T/UQ" wins over "T/U…" and "TUQ" over "TU…".
  const bases = [...byBase.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(`^(${bases.map(escape).join('|')})(?:(\\.)\\s*|\\s+|$)`, 'u');
  return (text: string) => {
    const m = re.exec(text);
    if (!m) return null;
    return { code: byBase.get(m[1])!, written: m[1] + (m[2] ?? ''), rest: text.slice(m[0].length) };
  };
}

/** Whether a family's guidance uses a signing form (`mau.quyen_han_khong_dung` lists those it does not). */
export function signingAllowed(profile: LayoutProfile, code: SigningCode): boolean {
  return !(profile.mau.quyen_han_khong_dung ?? []).includes(code);
}

/** The forms a family's guidance uses, as printed ("T/M, K/T, T/L"). */
export function allowedForms(profile: LayoutProfile): string[] {
  return SIGNING_CODES.filter((c) => signingAllowed(profile, c)).map((c) => signingForm(profile, c));
}

/**
 * The families (of `profiles`) that spell a recognised form as the text wrote it ("K/T" → the Party's only; "KT." →
 * every family that follows NĐ 30): a clue to a document's family when its header is lost (HD 36-HD/VPTW mục 1.7).
 */
export function familiesWriting(profiles: readonly LayoutProfile[], match: SigningMatch): string[] {
  const base = match.written.replace(/\.$/u, '');
  return profiles.filter((p) => p.mau.quyen_han[match.code]?.replace(/\.$/u, '') === base).map((p) => p.khoi);
}
