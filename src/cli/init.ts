/**
 * kehoach init: starts a plans folder. Off a terminal (or with --yes) it asks nothing and uses the defaults of the
 * family; on a terminal it asks the family, the issuing body and the signer (@clack/prompts). Writes:
 * - `ke-hoach.yaml`: a commented plan that validates and renders as it is,
 * - `_defaults.yaml`: the office's fixed values (header, signer, Lưu), inherited by every plan of the folder,
 * - `.vscode/settings.json`: the partial plan schema (nothing required: the header comes from _defaults.yaml) mapped to
 *   the folder's YAML files (YAML extension, redhat.vscode-yaml), by a path relative to the folder (src/schema-ref.ts),
 * - `.vscode/extensions.json`: recommends the kehoach extension (editors/vscode: it starts `kehoach lsp`, the rules and
 *   messages of `validate` as the clerk types). No paths in it.
 * An existing file is kept (and said so) unless --force, which overwrites it and says so.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { msg, type Lang } from '../i18n/messages.js';
import { writeFileAtomic } from '../write.js';
import { schemaRef } from '../schema-ref.js';
import { CONFIG_FILE, templatesFor } from '../config.js';
import { fill } from '../normalise/dates.js';
import { listFamilies, type Family, type InitDefaults } from '../form/families.js';
import { CliExit } from './render.js';

/**
 * What init writes: the family and the office's values (asked, or the family's `khoi_tao:` of its layout.yaml).
 * A list is one line per item, as in a plan.
 */
export interface InitAnswers extends InitDefaults {
  khoi: string;
}

/** The answers init takes without asking: the family's own sample values (layout.yaml `khoi_tao:`). */
export const answersOf = (f: Family): InitAnswers => ({ khoi: f.khoi, ...structuredClone(f.khoi_tao) });

/** A YAML scalar: plain when safe, else double-quoted (JSON strings are valid YAML). */
const q = (s: string) => (/^[\p{L}\p{N}][\p{L}\p{N} .,()–-]*$/u.test(s) && !/^(true|false|null|yes|no|on|off)$/i.test(s) ? s : JSON.stringify(s));
/** A YAML value for a string or a list of strings (a flow list; an item holding a comma quoted). */
const yamlValue = (v: string | string[]) => (Array.isArray(v) ? `[${v.map((s) => (s.includes(',') ? JSON.stringify(s) : q(s))).join(', ')}]` : q(v));
/** The lines of a value given as a string or a list, as one text (for a sentence or a prompt). */
const oneLine = (v: string | string[], sep = ' ') => [v].flat().join(sep);

/**
 * The office's fixed values: inherited by every plan in this folder and below (the plan wins).
 * @param families the families offered (listed in a comment above `khoi:`, each with its layout's `ten`)
 * @param schemaRef the partial schema (no `required`), relative to the folder (src/schema-ref.ts)
 */
export function defaultsYaml(a: InitAnswers, families: readonly Family[], schemaRef: string): string {
  return `# yaml-language-server: $schema=${schemaRef}
# Giá trị cố định của cơ quan: mọi kế hoạch trong thư mục này (và thư mục con) kế thừa; kế hoạch ghi lại thì kế hoạch thắng.
# Office-wide values: every plan in this folder (and below) inherits them; a plan's own value wins. null removes one.
# khoi (thể thức), một trong / one of:
${families.map((f) => `#   ${f.khoi}: ${f.ten}`).join('\n')}
khoi: ${a.khoi}
${a.co_quan_chu_quan?.length ? `co_quan_chu_quan: ${yamlValue(a.co_quan_chu_quan)}` : '# co_quan_chu_quan: '}   # cơ quan chủ quản (dòng trên tên cơ quan)
co_quan_ban_hanh: ${yamlValue(a.co_quan_ban_hanh)}    # một danh sách = mỗi phần tử một dòng
so_ky_hieu:
  loai_van_ban: KH
  viet_tat_co_quan: ${q(a.viet_tat_co_quan)}
dia_danh: ${q(a.dia_danh)}
nguoi_ky:
${a.thay_mat ? `  thay_mat: ${q(a.thay_mat)}\n` : ''}  chuc_vu: ${q(a.chuc_vu)}
  ho_ten: ${q(a.ho_ten)}
noi_nhan:
  luu: ${yamlValue(a.luu)}
`;
}

/**
 * A commented plan that validates and renders with the defaults above.
 * @param family the family: its layout's numbering (`danh_so`) and forms (`mau`: Số, end mark, Nơi nhận punctuation)
 */
export function planYaml(a: InitAnswers, family: Family, schemaRef: string, today: string): string {
  const { danh_so, mau } = family.layout;
  const draftNumber = fill(mau.so_ky_hieu, { so: mau.so_du_thao, loai: 'KH', co_quan: a.viet_tat_co_quan });
  return `# yaml-language-server: $schema=${schemaRef}
# Kế hoạch mẫu do "kehoach init" tạo. Sửa rồi chạy: npx kehoach validate ke-hoach.yaml && npx kehoach render ke-hoach.yaml --pdf
# Phần đầu (khoi, cơ quan, địa danh, người ký, lưu) lấy từ _defaults.yaml cùng thư mục.

so_ky_hieu:
  so: null                 # null: bản dự thảo (${JSON.stringify(draftNumber)}); ghi số khi ban hành
ngay_ban_hanh: ${today}     # YYYY-MM-DD
trich_yeu: Tổ chức phong trào thi đua năm ${today.slice(0, 4)}   # không có dấu chấm cuối

mo_dau:                    # đoạn mở đầu (căn cứ, thực hiện ...) trước mục I
  - ${JSON.stringify(`Thực hiện chương trình công tác năm ${today.slice(0, 4)}, ${oneLine(a.co_quan_ban_hanh)} xây dựng Kế hoạch như sau:`)}

noi_dung:                  # đánh số tự động: ${danh_so.join(' → ')}
  - tieu_de: MỤC ĐÍCH, YÊU CẦU
    noi_dung:
      - tieu_de: Mục đích
        gach_dau_dong:     # mỗi phần tử một dòng "- ..."
          - Động viên cán bộ, công chức hoàn thành tốt nhiệm vụ được giao.
      - tieu_de: Yêu cầu
        gach_dau_dong:
          - Tổ chức thiết thực, hiệu quả, tránh hình thức.
  - tieu_de: NỘI DUNG
    noi_dung:
      - doan: Triển khai kế hoạch đến các đơn vị trực thuộc.
        nhiem_vu: { chu_tri: Văn phòng., thoi_gian: Quý I/${today.slice(0, 4)}. }
  - tieu_de: TỔ CHỨC THỰC HIỆN
    noi_dung:
      - Các đơn vị căn cứ Kế hoạch này tổ chức thực hiện; báo cáo kết quả trước ngày 15/12/${today.slice(0, 4)}.

ket_thuc: Trên đây là Kế hoạch tổ chức phong trào thi đua năm ${today.slice(0, 4)}   # ${JSON.stringify(mau.dau_ket)} được thêm tự động

noi_nhan:
  cac_noi:                 # "-" và ${JSON.stringify(mau.noi_nhan_cuoi)} được thêm tự động; luu lấy từ _defaults.yaml
    - Các đơn vị trực thuộc
`;
}

/**
 * .vscode/settings.json: the partial schema (every property checked, none required) for every YAML file of the
 * folder, plans and _defaults.yaml alike: a plan takes its header from _defaults.yaml, so the full schema's
 * "missing property" would be false there (`kehoach validate`, and the language server, check the merged plan).
 * @param schemaRef relative to the folder (src/schema-ref.ts schemaRef)
 */
export function vscodeSettings(schemaRef: string): string {
  return JSON.stringify({ 'yaml.schemas': { [schemaRef]: ['*.yaml', '**/*.yaml'] } }, null, 2) + '\n';
}

/** The kehoach extension's id for VS Code: `publisher.name` of editors/vscode/package.json (a test checks they agree). */
export const VSCODE_EXTENSION_ID = 'kehoach.kehoach-vscode';

/** .vscode/extensions.json: VS Code offers to install the kehoach extension (the language server) on opening the folder. */
export function vscodeExtensions(): string {
  return JSON.stringify({ recommendations: [VSCODE_EXTENSION_ID] }, null, 2) + '\n';
}

/** Asks on a terminal (@clack/prompts); returns undefined when the person cancels. */
async function ask(families: readonly Family[], khoi: string | undefined, lang: Lang): Promise<InitAnswers | undefined> {
  const p = await import('@clack/prompts');
  // clack's own words in the chosen language (its select footer is English-only, so ours replaces it).
  p.updateSettings({ messages: { cancel: msg('init/cancelled', lang), error: msg('init/required', lang) } });
  p.intro('kehoach init');
  const chosen = khoi ?? (await p.select({
    message: `${msg('init/ask-khoi', lang)} ${msg('init/select-hint', lang)}`,
    showInstructions: false,
    options: families.map((f) => ({ value: f.khoi, label: f.khoi, hint: f.ten })),
    initialValue: families[0].khoi,
  }));
  if (p.isCancel(chosen)) return undefined;
  const out = answersOf(families.find((f) => f.khoi === chosen)!);
  const d = { ...out };
  const fields: [keyof InitDefaults, Parameters<typeof msg>[0], boolean][] = [
    ['co_quan_ban_hanh', 'init/ask-co-quan', true],
    ['co_quan_chu_quan', 'init/ask-chu-quan', false],
    ['viet_tat_co_quan', 'init/ask-viet-tat', true],
    ['dia_danh', 'init/ask-dia-danh', true],
    ['ho_ten', 'init/ask-nguoi-ky', true],
    ['chuc_vu', 'init/ask-chuc-vu', true],
  ];
  for (const [key, message, must] of fields) {
    const shown = d[key] === undefined ? '' : oneLine(d[key], ' / ');
    // A required value: Enter keeps the family's sample (shown). The optional parent body: Enter leaves it out (the
    // sample is only shown as an example), as does a single "-".
    const v = must
      ? await p.text({ message: msg(message, lang), placeholder: shown, defaultValue: shown })
      : await p.text({ message: msg(message, lang), ...(shown ? { placeholder: msg('init/example', lang, { value: shown }) } : {}) });
    if (p.isCancel(v)) return undefined;
    const value = String(v ?? '').trim();
    const o = out as unknown as Record<string, unknown>;
    if (!must) {
      if (value && value !== '-') o[key] = value;
      else delete o[key];
    } else if (value && value !== shown) o[key] = value;
  }
  return out;
}

/**
 * Runs init in `dir`. Asks only on a terminal and without --yes. The families offered are the folders of the
 * templates folder holding a layout.yaml (src/form/families.ts), the first one the default; the values written
 * without asking are the chosen family's `khoi_tao:`.
 * @param o.templatesDir the office's templates folder, adding its families to the package's (--templates; default:
 *   `templates:` of the kehoach.config.yaml found from dir, else none)
 * @returns exit code (0 done, also when files were kept; 1 cancelled)
 * @throws CliExit 2 for a --khoi that is not a family of the folder (the message lists the families) or a folder
 *   without families; for something in the way (the target or its .vscode not a folder, a file to write that is a
 *   folder or a device), found before anything is written, or a folder or file that cannot be written;
 *   KehoachError (usage) for a broken layout.yaml
 */
export async function initCommand(dir: string, o: { khoi?: string; yes?: boolean; force?: boolean; templatesDir?: string }, lang: Lang): Promise<number> {
  // --templates, else the office's folder of a kehoach.config.yaml in dir or above
  const templatesDir = templatesFor(o.templatesDir, join(dir, CONFIG_FILE), lang);
  const families = listFamilies(templatesDir, lang);
  if (!families.length) throw new CliExit(2, msg('init/no-families', lang, { dir: templatesDir }));
  const family = o.khoi === undefined ? undefined : families.find((f) => f.khoi === o.khoi);
  if (o.khoi !== undefined && !family) {
    throw new CliExit(2, msg('init/bad-khoi', lang, { value: o.khoi, dir: templatesDir, allowed: families.map((f) => `  ${f.khoi}: ${f.ten}`).join('\n') }));
  }
  const interactive = !o.yes && !!process.stdin.isTTY && !!process.stdout.isTTY;
  const answers = interactive ? await ask(families, o.khoi, lang) : answersOf(family ?? families[0]);
  if (!answers) {
    process.stderr.write(msg('init/cancelled', lang) + '\n');
    return 1;
  }
  // Something in the way is said before anything is written (issue 23, item 24: it was an internal error).
  const kind = (p: string) => { try { const st = statSync(p); return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other'; } catch { return undefined; } };
  for (const d of [dir, join(dir, '.vscode')]) {
    const k = kind(d);
    if (k && k !== 'dir') throw new CliExit(2, msg('init/not-a-folder', lang, { dir: d }));
  }
  for (const f of ['_defaults.yaml', 'ke-hoach.yaml', join('.vscode', 'settings.json'), join('.vscode', 'extensions.json')]) {
    const k = kind(join(dir, f));
    if (k && k !== 'file') throw new CliExit(2, msg('init/not-a-file', lang, { file: join(dir, f) }));
  }
  try { mkdirSync(join(dir, '.vscode'), { recursive: true }); } catch (e) {
    throw new CliExit(2, msg('init/cannot-write', lang, { file: join(dir, '.vscode'), reason: (e as Error).message }));
  }
  // The schema, relative to the folder (the YAML files' and VS Code's workspace folder): the kehoach installed in a
  // node_modules there or above, else this one (src/schema-ref.ts). The partial one: the plan's header comes from
  // _defaults.yaml.
  const partial = schemaRef(dir, 'partial');
  const today = new Date().toISOString().slice(0, 10);
  const files: [string, string][] = [
    [join(dir, '_defaults.yaml'), defaultsYaml(answers, families, partial)],
    [join(dir, 'ke-hoach.yaml'), planYaml(answers, families.find((f) => f.khoi === answers.khoi)!, partial, today)],
    [join(dir, '.vscode', 'settings.json'), vscodeSettings(partial)],
    [join(dir, '.vscode', 'extensions.json'), vscodeExtensions()],
  ];
  for (const [file, text] of files) {
    const exists = existsSync(file);
    if (exists && !o.force) {
      process.stderr.write(msg('init/exists', lang, { file }) + '\n');
      continue;
    }
    try { await writeFileAtomic(file, Buffer.from(text, 'utf8')); } catch (e) {
      throw new CliExit(2, msg('init/cannot-write', lang, { file, reason: (e as Error).message }));
    }
    process.stdout.write(msg(exists ? 'init/overwritten' : 'init/written', lang, { file }) + '\n');
  }
  process.stdout.write(msg('init/next', lang, { plan: join(dir, 'ke-hoach.yaml') }) + '\n');
  return 0;
}
