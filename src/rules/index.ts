/**
 * The registry of rules of the standard. Add a rule: write it in a module of this folder with the `Rule` shape,
 * list it here, add its messages to the catalogue and its passing/failing cases to test/rules.test.ts.
 */
import type { Diagnostic } from '../errors.js';
import type { Locator } from '../load.js';
import type { Rule, RuleContext } from './types.js';
import { loaiVanBan, coQuan, lapLoai, lienTichTrung } from './ky-hieu.js';
import { ktPho, tmTapThe, tmPho, tienTo, dangQuyenHan, matTranTm } from './chu-ky.js';
import { luu, luuVt, trung, gachDau, luuTrongCacNoi } from './noi-nhan.js';
import { lienTuc, tuViet, dotThuTu, dotTrongKy, inHoa } from './noi-dung.js';
import { dauCham, khoangTrang, danhDau } from './van-ban.js';
import { dongDai } from './dau-trang.js';
import { ngoaiKhung } from './trinh-bay.js';

export type { Rule, RuleContext, Finding } from './types.js';

/** All rules, in the order their findings are reported for the same position. */
export const RULES: readonly Rule[] = [
  dongDai,
  loaiVanBan, coQuan, lapLoai, lienTichTrung,
  ktPho, tmTapThe, tmPho, tienTo, dangQuyenHan, matTranTm,
  luu, luuVt, trung, gachDau, luuTrongCacNoi,
  lienTuc, tuViet, dotThuTu, dotTrongKy, inHoa,
  dauCham, khoangTrang, danhDau,
  ngoaiKhung,
];

/** Runs every rule (or the given ones) on a schema-valid plan and positions the findings in its YAML. */
export function runRules(base: Omit<RuleContext, 'lineOf'>, locate: Locator, rules: readonly Rule[] = RULES): Diagnostic[] {
  const ctx: RuleContext = { ...base, lineOf: (p) => locate(p).line };
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    for (const f of rule.check(ctx)) {
      out.push({ ...locate(f.path, { key: f.key }), severity: rule.severity, rule: rule.id, message: f.message, ...(f.hint ? { hint: f.hint } : {}), path: f.path });
    }
  }
  return out;
}
