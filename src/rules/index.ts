/**
 * The registry of rules of the standard. Add a rule: write it in a module of this folder with the `Rule` shape,
 * list it here, add its messages to the catalogue and its passing/failing cases to test/rules.test.ts.
 */
import type { Diagnostic } from '../errors.js';
import type { Locator } from '../load.js';
import type { Rule, RuleContext } from './types.js';
import { loaiVanBan, coQuan, lapLoai, lienTichTrung } from './ky-hieu.js';
import { ktPho, tmTapThe, tmPho, tienTo, dangQuyenHan, matTranTm, phoKhongKt, thuTruongKhongIn } from './chu-ky.js';
import { luu, luuVt, trung, gachDau, luuTrongCacNoi } from './noi-nhan.js';
import { lienTuc, tuViet, dotThuTu, dotTrongKy, inHoa, loiDanKhongIn } from './noi-dung.js';
import { dauCham, khoangTrang, danhDau } from './van-ban.js';
import { dongDai } from './dau-trang.js';
import { ngoaiKhung } from './trinh-bay.js';
import { applyRuleConfig } from '../config.js';

export type { Rule, RuleContext, Finding } from './types.js';

/** All rules, in the order their findings are reported for the same position. */
export const RULES: readonly Rule[] = [
  dongDai,
  loaiVanBan, coQuan, lapLoai, lienTichTrung,
  ktPho, tmTapThe, tmPho, tienTo, dangQuyenHan, matTranTm, phoKhongKt, thuTruongKhongIn,
  luu, luuVt, trung, gachDau, luuTrongCacNoi,
  lienTuc, tuViet, dotThuTu, dotTrongKy, inHoa, loiDanKhongIn,
  dauCham, khoangTrang, danhDau,
  ngoaiKhung,
];

/** Ids of the register's checks (batch/register.ts), configurable like the rules. */
export const REGISTER_RULE_IDS = ['register/trung', 'register/thu-tu', 'register/thieu'] as const;

/** Every rule id a kehoach.config.yaml or a suppression comment may name. */
export const CONFIGURABLE_RULE_IDS: readonly string[] = [...RULES.map((r) => r.id), ...REGISTER_RULE_IDS];

/**
 * Runs every rule (or the given ones) on a schema-valid plan and positions the findings in its YAML. The plan's
 * kehoach.config.yaml and `# kehoach-disable-next-line` comments are applied by `configureFindings`, once over all of
 * a plan's findings. (A plan's positions are computed only for its findings: a clean plan read by the fast path is
 * never parsed by yaml, see src/load.ts.)
 */
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

/**
 * Applies kehoach.config.yaml and the suppression comments to rule findings of one plan (src/config.ts), whose own
 * mistakes are added. `file` is the plan's file (the config found from it; its comments read if it has findings).
 */
export function configureFindings(findings: Diagnostic[], lang: RuleContext['lang'], file: string): Diagnostic[] {
  return applyRuleConfig(findings, CONFIGURABLE_RULE_IDS, lang, [file]);
}
