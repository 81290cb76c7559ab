/**
 * The registry of rules of the standard, one for all of them: the plan rules (validate, render, fix, and check on the
 * plan recognised in a document) and the document rules of `kehoach check` (`on: 'document'`, src/check/rules.ts).
 * Add a rule: write it in a module with the `Rule` shape, list it here, add its messages to the catalogue and its
 * passing/failing cases to test/rules.test.ts (test/check.test.ts for a document rule).
 */
import type { Diagnostic } from '../errors.js';
import type { Locator } from '../load.js';
import type { DocModel, Para } from '../docx-read/model.js';
import { onDocument, type Rule, type RuleContext, type DocumentContext } from './types.js';
import { khoGiay, le, phongChu, thanhPhan, coChu, kieuChu, duongKe, soKhong, soTrang } from '../check/rules.js';
import { loaiVanBan, coQuan, lapLoai, lienTichTrung } from './ky-hieu.js';
import { ktPho, tmTapThe, tmPho, tienTo, dangQuyenHan, matTranTm, phoKhongKt, thuTruongKhongIn } from './chu-ky.js';
import { luu, luuVt, trung, gachDau, luuTrongCacNoi } from './noi-nhan.js';
import { lienTuc, tuViet, dotThuTu, dotTrongKy, inHoa, loiDanKhongIn, nhiemVuKhongIn } from './noi-dung.js';
import { dauCham, khoangTrang, danhDau } from './van-ban.js';
import { dongDai } from './dau-trang.js';
import { ngoaiKhung, soTrang as soTrangChan } from './trinh-bay.js';
import { chuaDien } from './chua-dien.js';
import { applyRuleConfig } from '../config.js';

export type { Rule, PlanRule, DocumentRule, RuleContext, DocumentContext, Finding, DocFinding, Fix, FixContext } from './types.js';
export { onDocument } from './types.js';

/** All rules, in the order their findings are reported for the same position: a document's layout first. */
export const RULES: readonly Rule[] = [
  khoGiay, le, phongChu, thanhPhan, coChu, kieuChu, duongKe, soKhong, soTrang,
  dongDai,
  loaiVanBan, coQuan, lapLoai, lienTichTrung,
  ktPho, tmTapThe, tmPho, tienTo, dangQuyenHan, matTranTm, phoKhongKt, thuTruongKhongIn,
  luu, luuVt, trung, gachDau, luuTrongCacNoi,
  lienTuc, tuViet, dotThuTu, dotTrongKy, inHoa, loiDanKhongIn, nhiemVuKhongIn,
  dauCham, khoangTrang, danhDau,
  ngoaiKhung, soTrangChan,
  chuaDien,
];

/** Ids of the register's checks (batch/register.ts), configurable like the rules. */
export const REGISTER_RULE_IDS = ['register/trung', 'register/thu-tu', 'register/thieu'] as const;

/** Every rule id a kehoach.config.yaml or a suppression comment may name. */
export const CONFIGURABLE_RULE_IDS: readonly string[] = [...RULES.map((r) => r.id), ...REGISTER_RULE_IDS];

/** A Word document the document rules judge (`kehoach check`): as read, its body paragraphs, each one's role. */
export interface DocumentSource {
  doc: DocModel;
  /** Body paragraphs in reading order (src/docx-read/model.ts `paragraphs`). */
  paras: Para[];
  /** Paragraph number → role (a key of the layout's `kieu`), from the import recogniser. */
  roles: Map<number, string>;
}

/**
 * Runs every rule (or the given ones) on a schema-valid plan and positions the findings in its YAML. The document
 * rules run only when a document is given (`kehoach check`), their findings at the paragraph (line; 0, the document
 * as a whole, shown as 1) and column 1 of the plan's file. The plan's kehoach.config.yaml and
 * `# kehoach-disable-next-line` comments are applied by `configureFindings`, once over all of a plan's findings. (A
 * plan's positions are computed only for its findings: a clean plan read by the fast path is never parsed by yaml,
 * see src/load.ts.)
 */
export function runRules(base: Omit<RuleContext, 'lineOf'>, locate: Locator, rules: readonly Rule[] = RULES, document?: DocumentSource): Diagnostic[] {
  const ctx: RuleContext = { ...base, lineOf: (p) => locate(p).line };
  let docCtx: DocumentContext | undefined;
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    if (onDocument(rule)) {
      if (!document) continue;
      docCtx ??= { ...document, profile: base.profile, kiemTra: base.profile.kiem_tra, lang: base.lang, ...(base.plan?.trinh_bay?.so_trang ? { soTrang: base.plan.trinh_bay.so_trang } : {}) };
      const file = locate([]).file;
      for (const f of rule.check(docCtx)) out.push({ file, line: Math.max(f.para, 1), column: 1, severity: rule.severity, rule: rule.id, message: f.message });
      continue;
    }
    for (const f of rule.check(ctx)) {
      out.push({ ...locate(f.path, { key: f.key }), severity: rule.severity, rule: rule.id, message: f.message, ...(f.hint ? { hint: f.hint } : {}), path: f.path });
    }
  }
  return out;
}

/**
 * Applies kehoach.config.yaml and the suppression comments to rule findings of one plan (src/config.ts), whose own
 * mistakes are added. `file` is the plan's file (the config found from its folder upward; its comments read if it has
 * findings, or always with `unused`, which reports the comments that silence nothing: see applyRuleConfig). A Word
 * document (`kehoach check`) has no comments: `comments: false` reads none. `text`: the plan's text as loaded, read for
 * the comments instead of the file (see applyRuleConfig).
 */
export function configureFindings(findings: Diagnostic[], lang: RuleContext['lang'], file: string, opts: { comments?: boolean; unused?: boolean; text?: string } = {}): Diagnostic[] {
  return applyRuleConfig(findings, CONFIGURABLE_RULE_IDS, lang, [file], opts);
}
