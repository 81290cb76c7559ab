/**
 * Texts of the command line's help, in Vietnamese (default) and English: program and command descriptions,
 * arguments, options, examples, the exit-code table, and commander's own words ("Usage:", "Options:", "(default: …)").
 * Error messages live in src/i18n/messages.ts. To add a command: add its block here (`<command>/description`,
 * `<command>/examples`, its options) and register it in src/cli.ts with `t('<command>/…')`.
 */
import type { Lang } from '../i18n/messages.js';

type Pair = { vi: string; en: string };
const p = (vi: string, en: string): Pair => ({ vi, en });

const TEXTS = {
  // ---- program and global options
  'program/description': p(
    'KẾ HOẠCH từ YAML ra .docx và PDF đúng thể thức (NĐ 30/2020/NĐ-CP, HD 36-HD/VPTW, QĐ 933/QĐ-TLĐ)',
    'Turns a YAML plan into a Vietnamese official plan (.docx and PDF) laid out per the state, Party and trade-union standards',
  ),
  // placeholders of arguments and option values
  'ph/plan': p('tệp.yaml', 'plan.yaml'),
  'ph/paths': p('đường-dẫn...', 'paths...'),
  'ph/out': p('tệp|thư-mục|-', 'file|dir|-'),
  'ph/dir': p('thư-mục', 'dir'),
  'ph/n': p('số', 'n'),
  'ph/lang': p('vi|en', 'vi|en'),
  'ph/format': p('định-dạng', 'format'),
  'ph/file': p('tệp.json', 'file.json'),
  'ph/khoi': p('khối', 'family'),
  'opt/lang': p('ngôn ngữ thông báo và trợ giúp: vi hoặc en (hoặc biến KEHOACH_LANG)', 'language of messages and help: vi or en (or KEHOACH_LANG)'),
  'opt/templates': p('thư mục mẫu của cơ quan, thêm vào mẫu kèm theo (mặc định: templates: của kehoach.config.yaml)', 'the office\'s templates folder, added to the bundled one (default: templates: of kehoach.config.yaml)'),
  'opt/debug': p('hiện chi tiết lỗi nội bộ (stack)', 'show internal error details (stack)'),
  'opt/color': p('luôn tô màu (mặc định: chỉ trên terminal; theo FORCE_COLOR, NO_COLOR)', 'always use colour (default: on a terminal only; FORCE_COLOR, NO_COLOR honoured)'),
  'opt/no-color': p('không tô màu', 'never use colour'),
  'opt/version': p('in số phiên bản', 'print the version number'),
  'opt/help': p('in hướng dẫn của lệnh', 'print help for the command'),
  'cmd/help': p('in hướng dẫn của một lệnh', 'print help for a command'),
  'exit-codes': p(
    'Mã thoát (mọi lệnh): 0 thành công; 1 kế hoạch có lỗi (hoặc cảnh báo với --strict); 2 dùng sai lệnh, tệp không có, thiếu LibreOffice cho PDF; 3 lỗi nội bộ hoặc không ghi được tệp.',
    'Exit codes (every command): 0 success; 1 the plan has errors (or warnings with --strict); 2 wrong usage, missing file, LibreOffice missing for PDF; 3 internal error or a file could not be written.',
  ),
  'examples': p('Ví dụ:', 'Examples:'),
  'program/examples': p(
    '  $ kehoach init\n  $ kehoach render ke-hoach.yaml --pdf\n  $ kehoach --lang en validate plans/',
    '  $ kehoach init\n  $ kehoach render plan.yaml --pdf\n  $ kehoach --lang en validate plans/',
  ),

  // ---- commander's own words
  'title/Usage:': p('Cách dùng:', 'Usage:'),
  'title/Options:': p('Tùy chọn:', 'Options:'),
  'title/Arguments:': p('Tham số:', 'Arguments:'),
  'title/Commands:': p('Lệnh:', 'Commands:'),
  'title/Global Options:': p('Tùy chọn chung:', 'Global Options:'),
  'word/choices': p('chọn', 'choices'),
  'word/default': p('mặc định', 'default'),
  'usage/options': p('[tùy-chọn]', '[options]'),
  'usage/command': p('[lệnh]', '[command]'),
  'cmd/help-term': p('help [lệnh]', 'help [command]'),

  // ---- render
  'render/description': p(
    'kiểm tra rồi kết xuất một kế hoạch ra .docx (và PDF với --pdf hoặc -o tệp.pdf)',
    'check a plan, then write it as .docx (and PDF with --pdf or -o file.pdf)',
  ),
  'render/arg': p('tệp kế hoạch .yaml, hoặc "-" để đọc từ stdin', 'the plan .yaml file, or "-" to read stdin'),
  'render/opt-output': p(
    'tệp .docx hoặc .pdf, thư mục đích, hoặc "-" (stdout) (mặc định: cạnh tệp YAML)',
    'a .docx or .pdf file, a folder, or "-" for stdout (default: beside the YAML)',
  ),
  'render/opt-pdf': p('ghi thêm PDF cạnh .docx (cần LibreOffice)', 'also write a PDF beside the .docx (needs LibreOffice)'),
  'render/opt-watch': p(
    'theo dõi kế hoạch, _defaults.yaml và tệp ke_thua; kết xuất lại mỗi lần lưu',
    'watch the plan, its _defaults.yaml and ke_thua files; re-render on every save',
  ),
  'render/opt-force-overwrite': p(
    'thay cả tệp .docx/PDF đã có mà kehoach không tạo ra (như bản Word gốc của cơ quan); mặc định: không ghi đè',
    'replace even an existing .docx/PDF that kehoach did not write (such as the office\'s original Word file); default: refuse',
  ),
  'render/opt-force': p(
    'vẫn ghi khi có cảnh báo làm văn bản in sai (số hay dấu "-" tự ghi in hai lần, dòng Lưu trong các nơi nhận)',
    'write even when a warning makes the page visibly wrong (a typed number or "-" printed twice, a filing line among the recipients)',
  ),
  'render/examples': p(
    '  $ kehoach render ke-hoach.yaml\n  $ kehoach render ke-hoach.yaml -o ke-hoach.pdf\n  $ kehoach render ke-hoach.yaml --pdf --watch',
    '  $ kehoach render plan.yaml\n  $ kehoach render plan.yaml -o plan.pdf\n  $ cat plan.yaml | kehoach render - -o - > plan.docx',
  ),

  // ---- validate
  'validate/description': p(
    'kiểm tra kế hoạch (không kết xuất): tệp, thư mục, mẫu glob hoặc "-" (stdin)',
    'check plans without rendering: files, folders, globs or "-" (stdin)',
  ),
  'validate/arg': p('tệp .yaml, thư mục (tìm *.yaml, *.yml), mẫu glob, hoặc "-"', '.yaml files, folders (searched for *.yaml, *.yml), globs, or "-"'),
  'validate/opt-format': p('định dạng kết quả', 'output format'),
  'validate/opt-strict': p('cảnh báo cũng làm lệnh thất bại (mã 1)', 'warnings fail the command too (exit 1)'),
  'validate/opt-quiet': p('chỉ in lỗi, không in cảnh báo (vẫn được đếm cho --max-warnings)', 'print errors only, not warnings (still counted for --max-warnings)'),
  'validate/opt-max-warnings': p('lệnh thất bại (mã 1) khi số cảnh báo vượt quá N', 'fail (exit 1) when there are more than N warnings'),
  'validate/opt-register': p('kiểm tra sổ đăng ký văn bản (mặc định khi kiểm tra một thư mục)', 'check the register of numbers (the default for a folder)'),
  'validate/opt-jobs': p('số luồng song song khi kiểm tra nhiều tệp (mặc định: số lõi)', 'parallel threads for many files (default: the number of cores)'),
  'validate/opt-fix': p('tự sửa các cảnh báo máy móc trong YAML trước khi kiểm tra (như lệnh fix)', 'fix the mechanical warnings in the YAML first (as the fix command does)'),
  'ph/doc': p('tệp', 'file'),
  'ph/docs': p('tệp...', 'files...'),
  'import/description': p('nhập một kế hoạch Word (.docx, .doc, .txt) thành tệp YAML có chú thích', 'import a Word plan (.docx, .doc, .txt) as a commented YAML plan'),
  'import/arg': p('tệp .docx, .doc, .odt, .rtf, .htm hoặc .txt', 'a .docx, .doc, .odt, .rtf, .htm or .txt file'),
  'import/opt-output': p('tệp .yaml hoặc thư mục đích (mặc định: cạnh tệp nguồn)', 'the .yaml file or folder to write (default: beside the source)'),
  'import/opt-force': p('ghi đè tệp .yaml đã có', 'overwrite an existing .yaml'),
  'import/examples': p(
    '  $ kehoach import ke-hoach-2025.docx\n  $ kehoach import ke-hoach-2025.doc -o plans/\n  $ kehoach import ke-hoach.txt -o ke-hoach.yaml --force',
    '  $ kehoach import plan-2025.docx\n  $ kehoach import plan-2025.doc -o plans/\n  $ kehoach import plan.txt -o plan.yaml --force',
  ),
  'check/description': p('kiểm tra thể thức một hoặc nhiều tệp Word (.docx) theo khối của văn bản', 'check the layout of Word files (.docx) against their family\'s rules'),
  'check/arg': p('tệp .docx (hoặc .doc, .odt qua LibreOffice)', '.docx files (or .doc, .odt through LibreOffice)'),
  'check/examples': p(
    '  $ kehoach check ke-hoach.docx\n  $ kehoach check van-ban/*.docx --format github --strict\n  $ kehoach check ke-hoach.docx --format json',
    '  $ kehoach check plan.docx\n  $ kehoach check documents/*.docx --format github --strict\n  $ kehoach check plan.docx --format json',
  ),
  'fix/description': p(
    'tự sửa các cảnh báo máy móc (số, dấu "-" tự ghi, dấu chấm cuối trích yếu, dấu cách thừa, KT. tự ghi, ngày dd/mm/yyyy), giữ chú thích và bố cục',
    'fix the mechanical warnings (typed numbers and dashes, the final dot of the title summary, doubled spaces, a typed KT., dd/mm/yyyy dates), keeping comments and layout',
  ),
  'fix/arg': p('tệp .yaml (cả _defaults.yaml), thư mục hoặc mẫu glob', '.yaml files (_defaults.yaml too), folders or glob patterns'),
  'fix/opt-dry-run': p('không ghi gì: in các thay đổi dạng diff (unified)', 'write nothing: print the changes as a unified diff'),
  'fix/examples': p(
    '  $ kehoach fix ke-hoach.yaml\n  $ kehoach fix --dry-run plans/ > sua.diff\n  $ kehoach fix _defaults.yaml\n  $ kehoach validate --fix plans/ --strict',
    '  $ kehoach fix plan.yaml\n  $ kehoach fix --dry-run plans/ > fixes.diff\n  $ kehoach fix _defaults.yaml\n  $ kehoach validate --fix plans/ --strict',
  ),
  'validate/examples': p(
    '  $ kehoach validate ke-hoach.yaml\n  $ kehoach validate plans/ --format github --strict\n  $ cat ke-hoach.yaml | kehoach validate -',
    '  $ kehoach validate plan.yaml\n  $ kehoach validate plans/ --format github --strict\n  $ cat plan.yaml | kehoach validate -',
  ),

  // ---- batch
  'batch/description': p(
    'kết xuất nhiều kế hoạch: thư mục hoặc mẫu glob → thư mục đích, giữ nguyên cây thư mục',
    'render many plans: folders or globs → an output folder, keeping the folder tree',
  ),
  'batch/arg': p('thư mục hoặc mẫu glob', 'folders or globs'),
  'batch/opt-output': p('thư mục đích', 'output folder'),
  'batch/opt-jobs': p('số luồng song song (mặc định: số lõi)', 'parallel threads (default: the number of cores)'),
  'batch/opt-incremental': p('bỏ qua kế hoạch có đầu vào không đổi so với manifest trước', 'skip plans whose inputs are unchanged since the last manifest'),
  'batch/opt-manifest': p('tệp manifest (mặc định <output>/manifest.json)', 'manifest file (default <output>/manifest.json)'),
  'batch/opt-shard': p('chỉ kết xuất phần thứ i trong n phần ổn định (ma trận CI)', 'render only the i-th of n stable slices (CI matrix)'),
  'batch/opt-register': p('kiểm tra sổ đăng ký: không trùng số, số theo ngày, liệt kê số thiếu', 'check the register: no duplicate numbers, numbers follow dates, gaps listed'),
  'batch/opt-format': p('định dạng báo lỗi', 'format of the reported problems'),
  'batch/opt-force-overwrite': p(
    'thay cả tệp .docx/PDF đã có mà kehoach không tạo ra (mặc định: giữ nguyên, báo lỗi kế hoạch đó)',
    'replace even an existing .docx/PDF that kehoach did not write (default: keep it, fail that plan)',
  ),
  'batch/opt-pdf': p('ghi thêm PDF cạnh mỗi .docx (một tiến trình LibreOffice cho cả lô)', 'also write a PDF beside each .docx (one LibreOffice process for the batch)'),
  'batch/examples': p(
    '  $ kehoach batch plans/ -o out/\n  $ kehoach batch plans/ -o out/ --incremental --pdf\n  $ kehoach batch plans/ -o out/ --shard 2/4',
    '  $ kehoach batch plans/ -o out/\n  $ kehoach batch plans/ -o out/ --incremental --pdf\n  $ kehoach batch plans/ -o out/ --shard 2/4',
  ),

  // ---- init
  'init/description': p(
    'tạo một kế hoạch mẫu có chú thích, _defaults.yaml của cơ quan và .vscode/ (settings.json, extensions.json gợi ý tiện ích kehoach) (hỏi trên terminal)',
    'create a commented plan, the office\'s _defaults.yaml and .vscode/ (settings.json, extensions.json recommending the kehoach extension) (asks on a terminal)',
  ),
  'init/arg': p('thư mục đích (mặc định: thư mục hiện tại)', 'target folder (default: the current folder)'),
  'init/opt-khoi': p('khối: một thư mục của templates/ (hoặc của --templates), ví dụ nha_nuoc, dang, mat_tran', 'family: a folder of templates/ (or of --templates), e.g. nha_nuoc, dang, mat_tran'),
  'init/opt-yes': p('không hỏi, dùng giá trị mặc định (cho script)', 'ask nothing, use the defaults (for scripts)'),
  'init/opt-force': p('ghi đè tệp đã có', 'overwrite existing files'),
  'init/examples': p(
    '  $ kehoach init\n  $ kehoach init ke-hoach-2025 --khoi dang --yes\n  $ kehoach init --yes --force',
    '  $ kehoach init\n  $ kehoach init plans-2025 --khoi dang --yes\n  $ kehoach init --yes --force',
  ),

  // ---- lsp
  'lsp/description': p(
    'máy chủ ngôn ngữ (LSP, qua stdio) cho trình soạn thảo: lỗi như validate khi đang gõ, sửa nhanh, gợi ý, chú giải',
    'language server (LSP, over stdio) for editors: validate\'s findings as you type, quick fixes, completion, hover',
  ),
  'lsp/opt-stdio': p('giao tiếp qua stdin/stdout (mặc định, trình soạn thảo thường tự thêm)', 'talk over stdin/stdout (the default; editors usually add it)'),
  'lsp/examples': p(
    '  $ kehoach lsp --stdio              (trình soạn thảo khởi động lệnh này; tiện ích VS Code: editors/vscode)\n  $ kehoach --lang en lsp --stdio    (thông báo tiếng Anh, nếu trình soạn thảo không chọn ngôn ngữ)',
    '  $ kehoach lsp --stdio              (started by the editor; the VS Code extension: editors/vscode)\n  $ kehoach --lang en lsp --stdio    (English messages unless the editor asks for a language)',
  ),
  // ---- show
  'show/description': p(
    'in kế hoạch đã gộp với _defaults.yaml và ke_thua (dạng YAML): dữ liệu mà validate và render thấy',
    'print the plan as merged with _defaults.yaml and ke_thua (as YAML): the data validate and render see',
  ),
  'show/arg': p('tệp kế hoạch .yaml', 'a plan .yaml file'),
  'show/examples': p('  $ kehoach show ke-hoach.yaml\n  $ kehoach show ke-hoach.yaml > ke-hoach-day-du.yaml', '  $ kehoach show plan.yaml\n  $ kehoach show plan.yaml > plan-full.yaml'),

  // ---- doctor
  'doctor/description': p(
    'kiểm tra môi trường: LibreOffice, phông chữ Times New Roman (hoặc Liberation Serif), Node.js, thư mục bộ nhớ đệm',
    'check the surroundings: LibreOffice, the Times New Roman font (or Liberation Serif), Node.js, the cache folder',
  ),
  'doctor/examples': p('  $ kehoach doctor\n  $ kehoach --lang en doctor', '  $ kehoach doctor\n  $ kehoach --lang en doctor'),

  // ---- completion
  'completion/description': p(
    'in mã gợi ý lệnh (tab) cho bash, zsh hoặc PowerShell: lệnh, tùy chọn, giá trị, khối',
    'print a shell completion script for bash, zsh or PowerShell: commands, options, values, families',
  ),
  'completion/arg': p('trình shell', 'the shell'),
  'completion/examples': p(
    '  $ source <(kehoach completion bash)\n  $ kehoach completion bash > ~/.local/share/bash-completion/completions/kehoach\n  $ kehoach completion zsh > "${fpath[1]}/_kehoach"\n  PS> kehoach completion powershell | Out-String | Invoke-Expression',
    '  $ source <(kehoach completion bash)\n  $ kehoach completion bash > ~/.local/share/bash-completion/completions/kehoach\n  $ kehoach completion zsh > "${fpath[1]}/_kehoach"\n  PS> kehoach completion powershell | Out-String | Invoke-Expression',
  ),

  // ---- schema
  'schema/description': p('in JSON Schema của kế hoạch (cho trình soạn thảo và công cụ khác)', 'print the plan\'s JSON Schema (for editors and other tools)'),
  'schema/examples': p(
    '  $ kehoach schema > ke-hoach.schema.json\n  $ kehoach schema | jq .properties.khoi',
    '  $ kehoach schema > ke-hoach.schema.json\n  $ kehoach schema | jq .properties.khoi',
  ),
} satisfies Record<string, Pair>;

export type TextKey = keyof typeof TEXTS;

/** A help text in the chosen language. */
export function t(key: TextKey, lang: Lang): string {
  return TEXTS[key][lang];
}

/** commander's section titles ("Usage:", "Options:" …) in the chosen language; unknown titles unchanged. */
export function title(str: string, lang: Lang): string {
  const k = `title/${str}` as TextKey;
  return k in TEXTS ? TEXTS[k][lang] : str;
}
