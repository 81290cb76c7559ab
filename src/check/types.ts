/**
 * Rules that check a Word document against its family's layout (`kehoach check`): the same shape as the plan
 * rules of src/rules (id, severity, description vi/en, source, check), reading the layout data of
 * templates/<khoi>/layout.yaml (`kieu` for what rendering writes and the sizes and styles the texts allow, `kiem_tra` for
 * the rest: paper, margins, fonts, the roles with a fixed style, a rule under them or a required presence).
 */
import type { DocModel, Para } from '../docx-read/model.js';
import type { LayoutProfile } from '../profile.js';
import type { Lang } from '../i18n/messages.js';
import type { Severity } from '../errors.js';

/**
 * The `kiem_tra` block of a layout: ranges and lists the checks read, lengths mm (schemas/layout.schema.json
 * `kiem_tra`, every key present once resolved; src/profile.ts). The sizes are not here: each role's allowed sizes sit
 * beside its size in `kieu` (`co_cho_phep`, src/profile.ts StyleSpec), as its bold settings do.
 */
export type { KiemTra } from '../profile.js';
import type { KiemTra } from '../profile.js';

export interface CheckContext {
  doc: DocModel;
  /** Body paragraphs in reading order (index = paragraph number - 1). */
  paras: Para[];
  /** Paragraph number → role (a key of `kieu`), from the import recogniser. */
  roles: Map<number, string>;
  profile: LayoutProfile;
  kiemTra: KiemTra;
  lang: Lang;
}

/** One finding: the paragraph (1-based; 0 = the document as a whole) and the message. */
export interface DocFinding { para: number; message: string }

export interface DocRule {
  id: string;
  severity: Severity;
  description: { vi: string; en: string };
  source: string;
  check(ctx: CheckContext): DocFinding[];
}
