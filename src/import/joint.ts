/**
 * Joint plans (văn bản liên tịch, schema `lien_tich`) read back as kehoach renders them (src/normalise/index.ts
 * coQuanLienTich, src/normalise/closing.ts lienTichView): issuers stacked in ô 2, the ký hiệu joining their
 * abbreviations ("KH-SNV-STC"), the signatures side by side above the Nơi nhận, the lead issuer's on the right.
 */
import type { Line } from './lines.js';
import type { Notes } from './notes.js';
import type { Header, IssuerSplit } from './header.js';
import { nguoiKy, type SigningReader } from './closing.js';
import { CHUA_DIEN } from '../form/placeholder.js';

const one = (xs: string[]): string | string[] => (xs.length === 1 ? xs[0] : xs);

/**
 * Sets the lead issuer in the plan's own keys (co_quan_*, so_ky_hieu.viet_tat_co_quan) and reads the co-issuers:
 * the lead issuer is the first in ô 2, the rightmost signature, the first abbreviation of the ký hiệu; co-issuer i
 * is the (i+2)-th in ô 2, the (i+2)-th signature from the right, the (i+2)-th abbreviation.
 * @param blocks the signature blocks left to right (closing.ts jointBlocks)
 * @param sig the signing forms' reader (closing.ts)
 * @param split the issuers of ô 2, lead first (header.ts splitIssuers)
 * @param plan the plan being built (modified: co_quan_chu_quan, co_quan_ban_hanh, so_ky_hieu)
 * @returns the lead signer (nguoi_ky) and the co-issuers (lien_tich)
 */
export function readJoint(blocks: Line[][], split: IssuerSplit, header: Header, plan: Record<string, unknown>, notes: Notes, sig: SigningReader) {
  const n = blocks.length;
  const [lead, ...co] = split.issuers;
  if (lead.chuQuan.length) plan.co_quan_chu_quan = one(lead.chuQuan); else delete plan.co_quan_chu_quan;
  plan.co_quan_ban_hanh = one(lead.banHanh);
  if (split.guessed) notes.comment(['co_quan_ban_hanh'], `đoán: văn bản liên tịch của ${n} cơ quan, tên từng cơ quan tách từ các dòng của ô 2 (dòng in đậm là tên cơ quan)`);
  const parts = (header.so?.coQuan ?? '').split('-').filter(Boolean);
  const abbr = parts.length >= n ? parts.slice(parts.length - n + 1) : [];
  if (abbr.length) (plan.so_ky_hieu as Record<string, unknown>).viet_tat_co_quan = parts.slice(0, parts.length - n + 1).join('-');
  const coIssuers = co.map((c, i) => {
    const path = ['lien_tich', i];
    const signer = nguoiKy(blocks[n - 2 - i], notes, sig, [...path, 'nguoi_ky']);
    notes.at(path, notes.paraOf([...path, 'nguoi_ky']));
    if (!abbr[i]) notes.comment([...path, 'viet_tat_co_quan'], 'ký hiệu không đủ chữ viết tắt cho các cơ quan liên tịch: điền vào');
    return { ...(c.chuQuan.length ? { co_quan_chu_quan: one(c.chuQuan) } : {}), co_quan_ban_hanh: one(c.banHanh), viet_tat_co_quan: abbr[i] ?? CHUA_DIEN, nguoi_ky: signer };
  });
  return { lead: nguoiKy(blocks[n - 1], notes, sig), co: coIssuers };
}

