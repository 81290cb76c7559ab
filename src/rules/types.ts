/**
 * Rules of the standard, beyond the schema. Every rule is a module of this one shape (ESLint's model): an id, a
 * severity, a one-line description (vi/en), the source it enforces, what it runs on (`on`: the plan, the default, or
 * a Word document's layout for `kehoach check`), its check, and what it carries of its own behaviour: a fix
 * (`kehoach fix`) and whether a finding stops a render.
 */
import type { KeHoach } from '../types/plan.js';
import type { LayoutProfile } from '../profile.js';
import type { Lang } from '../i18n/messages.js';
import type { Diagnostic, Severity } from '../errors.js';
import type { DocModel, Para } from '../docx-read/model.js';
import type { KiemTra } from '../check/types.js';
import { eachString } from '../walk.js';
import { CODE_KEYS } from '../types/code-keys.js';

export type Path = (string | number)[];

/** What a plan rule sees: the plan (already schema-valid), the family's layout profile and the language. */
export interface RuleContext {
  plan: KeHoach;
  profile: LayoutProfile;
  lang: Lang;
  /** Line of a data path in the YAML (for messages that refer to another place). */
  lineOf: (path: Path) => number;
}

/**
 * What a document rule sees (`kehoach check`): the Word document as read (src/docx-read), its body paragraphs, the
 * role the import recogniser gave each paragraph, and the layout data of the recognised family.
 */
export interface DocumentContext {
  doc: DocModel;
  /** Body paragraphs in reading order (index = paragraph number - 1). */
  paras: Para[];
  /** Paragraph number → role (a key of `kieu`), from the import recogniser. */
  roles: Map<number, string>;
  profile: LayoutProfile;
  kiemTra: KiemTra;
  lang: Lang;
  /** The page number's place the recognised plan chose (`trinh_bay.so_trang`, read from the document's footer): a
   * choice the plan rule trinh-bay/so-trang reports, so the layout rule does not report it twice. */
  soTrang?: 'dau_trang' | 'chan_trang';
}

/** One finding of a plan rule: where (data path; `key` points at the key rather than the value) and the message. */
export interface Finding { path: Path; message: string; hint?: string; key?: boolean }

/** One finding of a document rule: the paragraph (1-based; 0 = the document as a whole) and the message. */
export interface DocFinding { para: number; message: string }

/**
 * A rule's fix of one finding (`kehoach fix`): the new value of the text the finding is at, and the same change on
 * the source lines of a block scalar (| >) without its header; `insert` adds a sibling `key: value` before the
 * fixed key (in the same mapping) when the data does not hold that key yet; `note` is added to the change reported.
 */
export interface Fix {
  value: (v: string) => string;
  block: (src: string) => string;
  insert?: { key: string; value: string; note: string };
}

/** What a fix sees: the merged plan (the fixes made so far applied to it), the profile, the language. */
export interface FixContext { plan: KeHoach; profile: LayoutProfile; lang: Lang }

interface RuleBase {
  /** Stable id, used in messages as [id], in kehoach.config.yaml and in the docs. */
  id: string;
  severity: Severity;
  /** One line: what the rule checks. */
  description: { vi: string; en: string };
  /** The text it enforces, e.g. "NĐ 30/2020 Phụ lục III". */
  source: string;
}

/** A rule on the plan's data (validate, render, fix; and check, on the plan recognised in a document). */
export interface PlanRule extends RuleBase {
  on?: 'plan';
  check(ctx: RuleContext): Finding[];
  /**
   * The rule's fix of a finding, or null when it is ambiguous (left to the clerk). A rule without `fix` is not
   * fixed by `kehoach fix`; an error of a fixable rule does not keep the fixer from running.
   */
  fix?: (finding: Finding, ctx: FixContext) => Fix | null;
  /**
   * Whether a warning of this rule leaves the document visibly wrong (a number printed twice, two Lưu lines): it then
   * stops `render` unless forced (Diagnostic.stopsRender). `data` is the plan as read.
   */
  stopsRender?: true | ((finding: Diagnostic, data: unknown) => boolean);
  /**
   * False for a rule that judges a value the page does not print (dot/trong-ky: the plan's period,
   * `thoi_gian_ke_hoach`): a plan recognised in a document (`check`) cannot give it, so the rule does not run there.
   */
  onRecognised?: false;
}

/** A rule on a Word document's layout (`kehoach check` only): page, fonts, sizes, styles, rules, components. */
export interface DocumentRule extends RuleBase {
  on: 'document';
  check(ctx: DocumentContext): DocFinding[];
}

/** Every rule: one registry (src/rules/index.ts), one configuration (kehoach.config.yaml). */
export type Rule = PlanRule | DocumentRule;

/** Whether a rule runs on a Word document rather than on the plan. */
export const onDocument = (r: Rule): r is DocumentRule => r.on === 'document';

const textCache = new WeakMap<KeHoach, { path: Path; text: string }[]>();
/** Every text field of the plan with its path (the things a clerk types, not codes or dates); computed once per plan. */
export function texts(plan: KeHoach): { path: Path; text: string }[] {
  let hit = textCache.get(plan);
  if (!hit) textCache.set(plan, (hit = walkTexts(plan)));
  return hit;
}

/** The text fields in document order (the keys whose values are codes, CODE_KEYS from the schema, not entered). */
function walkTexts(plan: KeHoach): { path: Path; text: string }[] {
  const out: { path: Path; text: string }[] = [];
  eachString(plan, (text, path) => out.push({ path: path.slice(), text }), (k) => CODE_KEYS.has(k));
  return out;
}
