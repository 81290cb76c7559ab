/**
 * kehoach init: starts a plans folder. Off a terminal (or with --yes) it asks nothing and uses the defaults of the
 * family; on a terminal it asks the family, the issuing body and the signer (@clack/prompts). Writes:
 * - `ke-hoach.yaml`: a commented plan that validates and renders as it is,
 * - `_defaults.yaml`: the office's fixed values (header, signer, Lưu), inherited by every plan of the folder,
 * - `.vscode/settings.json`: the plan schema mapped to the folder's plans (YAML extension, redhat.vscode-yaml).
 * An existing file is kept (and said so) unless --force, which overwrites it and says so.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { msg, type Lang } from '../i18n/messages.js';
import { writeFileAtomic } from '../write.js';
import { SCHEMA_PATH } from '../validate/schema.js';
import { CliExit } from './render.js';

export const FAMILIES = ['nha_nuoc', 'dang', 'cong_doan'] as const;
export type Khoi = (typeof FAMILIES)[number];

/** What init asks (or takes from the family's defaults). */
export interface InitAnswers {
  khoi: Khoi;
  co_quan_chu_quan: string;
  co_quan_ban_hanh: string;
  viet_tat_co_quan: string;
  dia_danh: string;
  ho_ten: string;
  chuc_vu: string;
}

/** Plausible defaults per family (values that validate against the rules of the standard). */
export const DEFAULTS: Record<Khoi, InitAnswers> = {
  nha_nuoc: { khoi: 'nha_nuoc', co_quan_chu_quan: 'UBND THÀNH PHỐ HÀ NỘI', co_quan_ban_hanh: 'SỞ NỘI VỤ', viet_tat_co_quan: 'SNV', dia_danh: 'Hà Nội', ho_ten: 'Nguyễn Văn A', chuc_vu: 'GIÁM ĐỐC' },
  dang: { khoi: 'dang', co_quan_chu_quan: 'TỈNH ỦY BÌNH THUẬN', co_quan_ban_hanh: 'BAN DÂN VẬN', viet_tat_co_quan: 'BDVTU', dia_danh: 'Bình Thuận', ho_ten: 'Nguyễn Văn A', chuc_vu: 'TRƯỞNG BAN' },
  cong_doan: { khoi: 'cong_doan', co_quan_chu_quan: 'TỔNG LĐLĐ VIỆT NAM', co_quan_ban_hanh: 'LĐLĐ TỈNH LAI CHÂU', viet_tat_co_quan: 'LĐLĐ', dia_danh: 'Lai Châu', ho_ten: 'Nguyễn Văn A', chuc_vu: 'CHỦ TỊCH' },
};

/** A YAML scalar: plain when safe, else double-quoted (JSON strings are valid YAML). */
const q = (s: string) => (/^[\p{L}\p{N}][\p{L}\p{N} .,()–-]*$/u.test(s) && !/^(true|false|null|yes|no|on|off)$/i.test(s) ? s : JSON.stringify(s));

/** The office's fixed values: inherited by every plan in this folder and below (the plan wins). */
export function defaultsYaml(a: InitAnswers): string {
  return `# Giá trị cố định của cơ quan: mọi kế hoạch trong thư mục này (và thư mục con) kế thừa; kế hoạch ghi lại thì kế hoạch thắng.
# Office-wide values: every plan in this folder (and below) inherits them; a plan's own value wins. null removes one.
khoi: ${a.khoi}                      # nha_nuoc (NĐ 30) | dang (HD 36) | cong_doan (QĐ 933)
${a.co_quan_chu_quan ? `co_quan_chu_quan: ${q(a.co_quan_chu_quan)}` : '# co_quan_chu_quan: '}   # cơ quan chủ quản (dòng trên tên cơ quan)
co_quan_ban_hanh: ${q(a.co_quan_ban_hanh)}    # một danh sách = mỗi phần tử một dòng
so_ky_hieu:
  loai_van_ban: KH
  viet_tat_co_quan: ${q(a.viet_tat_co_quan)}
dia_danh: ${q(a.dia_danh)}
nguoi_ky:
  chuc_vu: ${q(a.chuc_vu)}
  ho_ten: ${q(a.ho_ten)}
noi_nhan:
  luu: [${a.khoi === 'dang' ? 'Văn phòng' : 'VT'}]
`;
}

/** A commented plan that validates and renders with the defaults above. */
export function planYaml(a: InitAnswers, schemaRef: string, today: string): string {
  return `# yaml-language-server: $schema=${schemaRef}
# Kế hoạch mẫu do "kehoach init" tạo. Sửa rồi chạy: npx kehoach validate ke-hoach.yaml && npx kehoach render ke-hoach.yaml --pdf
# Phần đầu (khoi, cơ quan, địa danh, người ký, lưu) lấy từ _defaults.yaml cùng thư mục.

so_ky_hieu:
  so: null                 # null: bản dự thảo ("Số:      /KH-${a.viet_tat_co_quan}"); ghi số khi ban hành
ngay_ban_hanh: ${today}     # YYYY-MM-DD
trich_yeu: Tổ chức phong trào thi đua năm ${today.slice(0, 4)}   # không có dấu chấm cuối

mo_dau:                    # đoạn mở đầu (căn cứ, thực hiện ...) trước mục I
  - ${JSON.stringify(`Thực hiện chương trình công tác năm ${today.slice(0, 4)}, ${a.co_quan_ban_hanh.toLowerCase()} xây dựng Kế hoạch như sau:`)}

noi_dung:                  # đánh số tự động: ${a.khoi === 'dang' ? 'I- → 1. → a)' : 'I. → 1. → a)'}
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

ket_thuc: Trên đây là Kế hoạch tổ chức phong trào thi đua năm ${today.slice(0, 4)}   # "./." được thêm tự động

noi_nhan:
  cac_noi:                 # "-" và ";" được thêm tự động; luu lấy từ _defaults.yaml
    - Các đơn vị trực thuộc
`;
}

/** .vscode/settings.json: the plan schema for every YAML plan of the folder (not the _defaults.yaml files). */
export function vscodeSettings(schemaRef: string): string {
  return JSON.stringify({ 'yaml.schemas': { [schemaRef]: ['*.yaml', '**/*.yaml', '!_*.yaml', '!**/_*.yaml'] } }, null, 2) + '\n';
}

/** Asks on a terminal (@clack/prompts); returns undefined when the person cancels. */
async function ask(khoi: Khoi | undefined, lang: Lang): Promise<InitAnswers | undefined> {
  const p = await import('@clack/prompts');
  // clack's own words in the chosen language (its select footer is English-only, so ours replaces it).
  p.updateSettings({ messages: { cancel: msg('init/cancelled', lang), error: msg('init/required', lang) } });
  p.intro('kehoach init');
  const family = khoi ?? (await p.select({
    message: `${msg('init/ask-khoi', lang)} ${msg('init/select-hint', lang)}`,
    showInstructions: false,
    options: [
      { value: 'nha_nuoc', label: 'nha_nuoc', hint: 'NĐ 30/2020/NĐ-CP' },
      { value: 'dang', label: 'dang', hint: 'HD 36-HD/VPTW' },
      { value: 'cong_doan', label: 'cong_doan', hint: 'QĐ 933/QĐ-TLĐ' },
    ],
    initialValue: 'nha_nuoc',
  }));
  if (p.isCancel(family)) return undefined;
  const d = DEFAULTS[family as Khoi];
  const out: InitAnswers = { ...d };
  const fields: [keyof InitAnswers, Parameters<typeof msg>[0], boolean][] = [
    ['co_quan_ban_hanh', 'init/ask-co-quan', true],
    ['co_quan_chu_quan', 'init/ask-chu-quan', false],
    ['viet_tat_co_quan', 'init/ask-viet-tat', true],
    ['dia_danh', 'init/ask-dia-danh', true],
    ['ho_ten', 'init/ask-nguoi-ky', true],
    ['chuc_vu', 'init/ask-chuc-vu', true],
  ];
  for (const [key, message, must] of fields) {
    // Enter keeps the shown default; an optional field (co_quan_chu_quan) may be cleared with a single "-".
    const v = await p.text({ message: msg(message, lang), placeholder: d[key], defaultValue: d[key] });
    if (p.isCancel(v)) return undefined;
    const value = String(v ?? '').trim();
    (out as unknown as Record<string, string>)[key] = !must && value === '-' ? '' : value || d[key];
  }
  out.khoi = family as Khoi;
  return out;
}

/**
 * Runs init in `dir`. Asks only on a terminal and without --yes.
 * @returns exit code (0 done, also when files were kept; 1 cancelled)
 * @throws CliExit 2 for a bad --khoi
 */
export async function initCommand(dir: string, o: { khoi?: string; yes?: boolean; force?: boolean }, lang: Lang): Promise<number> {
  if (o.khoi !== undefined && !FAMILIES.includes(o.khoi as Khoi)) throw new CliExit(2, msg('init/bad-khoi', lang, { allowed: FAMILIES.join(', ') }));
  const interactive = !o.yes && !!process.stdin.isTTY && !!process.stdout.isTTY;
  const answers = interactive ? await ask(o.khoi as Khoi | undefined, lang) : DEFAULTS[(o.khoi as Khoi) ?? 'nha_nuoc'];
  if (!answers) {
    process.stderr.write(msg('init/cancelled', lang) + '\n');
    return 1;
  }
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  // The schema: the installed package's copy, referred to relative to the folder (works from node_modules too).
  const schemaRef = relative(dir, SCHEMA_PATH).split('\\').join('/') || SCHEMA_PATH;
  // VS Code reads yaml.schemas keys relative to the workspace folder (the folder init wrote).
  const vsRef = schemaRef.startsWith('../../') ? SCHEMA_PATH : schemaRef.startsWith('.') ? schemaRef : `./${schemaRef}`;
  const today = new Date().toISOString().slice(0, 10);
  const files: [string, string][] = [
    [join(dir, '_defaults.yaml'), defaultsYaml(answers)],
    [join(dir, 'ke-hoach.yaml'), planYaml(answers, schemaRef, today)],
    [join(dir, '.vscode', 'settings.json'), vscodeSettings(vsRef)],
  ];
  for (const [file, text] of files) {
    const exists = existsSync(file);
    if (exists && !o.force) {
      process.stderr.write(msg('init/exists', lang, { file }) + '\n');
      continue;
    }
    await writeFileAtomic(file, Buffer.from(text, 'utf8'));
    process.stdout.write(msg(exists ? 'init/overwritten' : 'init/written', lang, { file }) + '\n');
  }
  process.stdout.write(msg('init/next', lang, { plan: join(dir, 'ke-hoach.yaml') }) + '\n');
  return 0;
}
