/**
 * The message catalogue: every message the tool shows, in Vietnamese (default) and English.
 * Nothing else in the code writes user-facing prose; callers pick a key and pass parameters.
 */

export type Lang = 'vi' | 'en';

type P = Record<string, string | number>;
type Entry = { vi: (p: P) => string; en: (p: P) => string };

const m = (vi: (p: P) => string, en: (p: P) => string): Entry => ({ vi, en });

// Names of the components `kehoach check` reports (keys of layout.yaml `kieu`).
const CHECK_ROLE_VI = {
  co_quan_chu_quan: 'tên cơ quan chủ quản', co_quan_ban_hanh: 'tên cơ quan ban hành', quoc_hieu: 'Quốc hiệu', tieu_ngu: 'Tiêu ngữ',
  tieu_de_dang: 'dòng "ĐẢNG CỘNG SẢN VIỆT NAM"', so_ky_hieu: 'số, ký hiệu', dia_danh_ngay: 'địa danh, ngày tháng', ten_loai: 'tên loại',
  trich_yeu: 'trích yếu', can_cu: 'căn cứ', mo_dau: 'đoạn mở đầu', than: 'nội dung', tieu_de_1: 'tiêu đề mục', tieu_de_2: 'tiêu đề khoản',
  tieu_de_3: 'tiêu đề điểm', tieu_de_4: 'tiêu đề cấp 4', ket_thuc: 'đoạn kết', noi_nhan_nhan: '"Nơi nhận:"', noi_nhan: 'nơi nhận',
  quyen_han: 'quyền hạn, chức vụ người ký', chuc_vu: 'chức vụ người ký', ho_ten: 'họ tên người ký', so_trang: 'số trang',
};
const CHECK_ROLE_EN = {
  co_quan_chu_quan: 'parent agency', co_quan_ban_hanh: 'issuing agency', quoc_hieu: 'national title', tieu_ngu: 'motto',
  tieu_de_dang: '"ĐẢNG CỘNG SẢN VIỆT NAM" line', so_ky_hieu: 'number line', dia_danh_ngay: 'place and date', ten_loai: 'document type',
  trich_yeu: 'subject line', can_cu: 'legal basis', mo_dau: 'opening', than: 'body', tieu_de_1: 'section heading', tieu_de_2: 'clause heading',
  tieu_de_3: 'point heading', tieu_de_4: 'level-4 heading', ket_thuc: 'closing paragraph', noi_nhan_nhan: '"Nơi nhận:"', noi_nhan: 'recipients',
  quyen_han: 'signing authority', chuc_vu: 'signer title', ho_ten: 'signer name', so_trang: 'page number',
};

export const catalogue = {
  // ---- reading the file
  'file/not-found': m((p) => `không đọc được tệp: ${p.reason}`, (p) => `cannot read the file: ${p.reason}`),
  'file/too-large': m(
    (p) => `tệp quá lớn (${p.size} byte); giới hạn là ${p.limit} byte cho một kế hoạch`,
    (p) => `file too large (${p.size} bytes); the limit for one plan is ${p.limit} bytes`,
  ),
  'file/utf16': m(
    () => 'tệp được mã hóa UTF-16; hãy lưu lại dưới dạng UTF-8',
    () => 'the file is UTF-16 encoded; save it as UTF-8',
  ),
  'file/binary': m(
    () => 'tệp không phải văn bản YAML (có byte nhị phân)',
    () => 'the file is not YAML text (it contains binary bytes)',
  ),
  'file/not-utf8': m(
    () => 'tệp không phải UTF-8 hợp lệ; hãy lưu lại dưới dạng UTF-8',
    () => 'the file is not valid UTF-8; save it as UTF-8',
  ),
  'yaml/empty': m(
    () => 'tệp kế hoạch trống (không có nội dung YAML)',
    () => 'the plan file is empty (no YAML content)',
  ),
  'yaml/not-a-map': m(
    () => 'kế hoạch phải là một bảng khóa: giá trị (ví dụ "khoi: nha_nuoc")',
    () => 'a plan must be a mapping of keys to values (e.g. "khoi: nha_nuoc")',
  ),
  'yaml/syntax': m((p) => `lỗi cú pháp YAML: ${p.detail}`, (p) => `YAML syntax error: ${p.detail}`),
  'yaml/unclosed': m(
    () => 'lỗi cú pháp YAML: dấu nháy hoặc dấu ngoặc mở ở đây không được đóng',
    () => 'YAML syntax error: the quote or bracket opened here is never closed',
  ),
  'yaml/indent': m(
    () => 'lỗi cú pháp YAML: dòng này thụt lề lệch; các khóa cùng cấp phải thẳng cột',
    () => 'YAML syntax error: this line is indented wrongly; keys of the same level must line up',
  ),
  'yaml/colon': m(
    () => 'lỗi cú pháp YAML: dấu ":" trong chữ phải đặt cả câu trong dấu nháy, ví dụ \'Thời gian: tháng 3\'',
    () => 'YAML syntax error: text containing ":" must be quoted, e.g. \'Thời gian: tháng 3\'',
  ),
  'yaml/unexpected': m(
    () => 'lỗi cú pháp YAML: ký tự không đúng chỗ (hãy đặt chữ trong dấu nháy)',
    () => 'YAML syntax error: a character out of place (put the text in quotes)',
  ),
  'yaml/many-docs': m(
    () => 'tệp có nhiều tài liệu YAML (dấu ---): mỗi tệp chỉ một kế hoạch',
    () => 'the file holds several YAML documents (---): one plan per file',
  ),
  'yaml/tab': m(
    () => 'YAML không cho phép dùng phím Tab để thụt lề; hãy dùng dấu cách',
    () => 'YAML does not allow tabs for indentation; use spaces',
  ),
  'yaml/duplicate-key': m(
    (p) => `khóa "${p.key}" bị lặp lại trong cùng một bảng`,
    (p) => `key "${p.key}" appears twice in the same mapping`,
  ),
  'yaml/alias-limit': m(
    () => 'tệp dùng quá nhiều bí danh (alias) YAML; giới hạn là 100 lần mở rộng',
    () => 'the file expands too many YAML aliases; the limit is 100 expansions',
  ),
  'yaml/too-deep': m(
    (p) => `YAML lồng nhau quá sâu (giới hạn ${p.limit} cấp)`,
    (p) => `the YAML is nested too deeply (the limit is ${p.limit} levels)`,
  ),
  'yaml/xml-char': m(
    (p) => `chuỗi chứa ký tự điều khiển ${p.code} không được phép trong văn bản Word`,
    (p) => `the text contains the control character ${p.code}, which is not allowed in a Word document`,
  ),

  // ---- schema
  'schema/required': m((p) => `thiếu trường bắt buộc "${p.field}"`, (p) => `missing required field "${p.field}"`),
  'schema/unknown-key': m((p) => `khóa không hợp lệ "${p.key}"`, (p) => `unknown key "${p.key}"`),
  'schema/type': m((p) => `giá trị phải là ${p.expected}`, (p) => `the value must be ${p.expected}`),
  'schema/enum': m(
    (p) => `giá trị "${p.value}" không hợp lệ; chọn một trong: ${p.allowed}`,
    (p) => `invalid value "${p.value}"; choose one of: ${p.allowed}`,
  ),
  'schema/date': m(
    (p) => `"${p.value}" không phải ngày có thật (viết dạng YYYY-MM-DD, ví dụ 2025-01-05)`,
    (p) => `"${p.value}" is not a real calendar date (write YYYY-MM-DD, e.g. 2025-01-05)`,
  ),
  'schema/pattern': m((p) => `"${p.value}" không đúng dạng: ${p.what}`, (p) => `"${p.value}" has the wrong form: ${p.what}`),
  'schema/min-length': m(() => 'chuỗi không được để trống', () => 'the text must not be empty'),
  'schema/max-length': m((p) => `chuỗi dài quá ${p.limit} ký tự`, (p) => `the text is longer than ${p.limit} characters`),
  'schema/min-items': m((p) => `danh sách cần ít nhất ${p.limit} phần tử`, (p) => `the list needs at least ${p.limit} item(s)`),
  'schema/max-items': m((p) => `danh sách có nhiều nhất ${p.limit} phần tử`, (p) => `the list has at most ${p.limit} items`),
  'schema/min-properties': m(() => 'mục trống: cần ít nhất một khóa', () => 'empty item: it needs at least one key'),
  'schema/minimum': m((p) => `giá trị phải từ ${p.limit} trở lên`, (p) => `the value must be ${p.limit} or more`),
  'schema/greater-than': m((p) => `giá trị phải lớn hơn ${p.limit}`, (p) => `the value must be greater than ${p.limit}`),
  'schema/maximum': m((p) => `giá trị phải không quá ${p.limit}`, (p) => `the value must be at most ${p.limit}`),
  'schema/other': m((p) => `giá trị không hợp lệ (${p.detail})`, (p) => `invalid value (${p.detail})`),
  'hint/did-you-mean': m((p) => `Có phải ý bạn là "${p.suggestion}"?`, (p) => `Did you mean "${p.suggestion}"?`),
  'hint/allowed-keys': m((p) => `Các khóa hợp lệ ở đây: ${p.keys}`, (p) => `Keys allowed here: ${p.keys}`),
  'hint/quote-string': m(
    () => 'Nếu đây là chữ, hãy đặt trong dấu nháy: \'...\'',
    () => "If this is text, put it in quotes: '...'",
  ),

  // ---- plan structure (normalise)
  'plan/item-kind': m(
    () => 'mục cần một trong các khóa: tieu_de, doan, gach_dau_dong, dot, bang, bang_nhiem_vu',
    () => 'an item needs one of the keys: tieu_de, doan, gach_dau_dong, dot, bang, bang_nhiem_vu',
  ),
  'plan/item-many-kinds': m(
    (p) => `mục chỉ được có một loại nội dung chính, nhưng có cả: ${p.keys}`,
    (p) => `an item has exactly one kind of content, but this one has: ${p.keys}`,
  ),
  'plan/numbering-pattern': m(
    (p) => `kiểu số "${p.value}" không hợp lệ; dùng I, 1, a, A hoặc 1.1 kèm dấu, ví dụ "I.", "1-", "a)"`,
    (p) => `numbering pattern "${p.value}" is not valid; use I, 1, a, A or 1.1 with punctuation, e.g. "I.", "1-", "a)"`,
  ),
  'plan/table-cells': m(
    (p) => `dòng có ${p.got} ô nhưng bảng có ${p.want} cột`,
    (p) => `the row has ${p.got} cells but the table has ${p.want} columns`,
  ),
  'plan/inherit-missing': m((p) => `không tìm thấy tệp kế thừa "${p.file}"`, (p) => `the inherited file "${p.file}" does not exist`),
  'plan/inherit-cycle': m((p) => `kế thừa vòng tròn qua "${p.file}"`, (p) => `inheritance goes round in a circle through "${p.file}"`),
  'plan/signature-head': m(
    (p) => `quyen_han ${p.value} cần "thu_truong" (chức danh người đứng đầu)`,
    (p) => `quyen_han ${p.value} needs "thu_truong" (the head's title)`,
  ),

  // ---- rules of the standard (src/rules); each rule's description and messages
  'rule/dau-trang/dong-dai': m(
    (p) => `dòng "${p.value}" rộng ${p.width} mm, cột tên cơ quan chỉ ${p.column} mm: dòng sẽ tự xuống; hãy tách thành hai dòng (danh sách)`,
    (p) => `the line "${p.value}" is ${p.width} mm wide but the agency column is ${p.column} mm: it will wrap; split it into two lines (a list)`,
  ),
  'rule/ky-hieu/loai-van-ban': m(
    (p) => `"${p.value}" không phải chữ viết tắt tên loại văn bản của ${p.family}; dùng ${p.allowed}`,
    (p) => `"${p.value}" is not a document-type abbreviation of ${p.family}; use ${p.allowed}`,
  ),
  'rule/ky-hieu/co-quan': m(
    (p) => `chữ viết tắt tên cơ quan "${p.value}" phải viết in hoa, không dấu cách`,
    (p) => `the issuer abbreviation "${p.value}" must be upper case, without spaces`,
  ),
  'rule/ky-hieu/lap-loai': m(
    (p) => `viet_tat_co_quan "${p.value}" đã chứa tên loại "${p.loai}"; ký hiệu sẽ thành "${p.result}"`,
    (p) => `viet_tat_co_quan "${p.value}" already contains the type "${p.loai}"; the ký hiệu would read "${p.result}"`,
  ),
  'rule/chu-ky/kt-pho': m(
    (p) => `ký thay (${p.prefix}) thì chức vụ người ký phải là cấp phó ("PHÓ ..."), không phải "${p.value}"`,
    (p) => `signing on behalf (${p.prefix}) needs a deputy title ("PHÓ ..."), not "${p.value}"`,
  ),
  'rule/chu-ky/tm-tap-the': m(
    (p) => `thay mặt (${p.prefix}) phải ghi tên tập thể (ví dụ "ỦY BAN NHÂN DÂN", "BAN THƯỜNG VỤ"), không phải chức danh "${p.value}"`,
    (p) => `signing for a collective (${p.prefix}) needs the collective's name (e.g. "ỦY BAN NHÂN DÂN"), not the title "${p.value}"`,
  ),
  'rule/chu-ky/tm-pho': m(
    (p) => `cấp phó ký thay mặt tập thể: NĐ 30/2020 trình bày "${p.tm}" / "KT. ${p.head}" / "${p.value}"`,
    (p) => `a deputy signing for a collective: NĐ 30/2020 writes "${p.tm}" / "KT. ${p.head}" / "${p.value}"`,
  ),
  'rule/chu-ky/tien-to': m(
    (p) => `"${p.value}" bắt đầu bằng quyền hạn "${p.prefix}"; tool tự thêm quyền hạn theo khối (${p.forms}), hãy dùng thay_mat / quyen_han`,
    (p) => `"${p.value}" starts with the signing form "${p.prefix}"; the tool adds it per family (${p.forms}): use thay_mat / quyen_han`,
  ),
  'rule/chu-ky/dang-quyen-han': m(
    (p) => `văn bản của Đảng không dùng quyền hạn "${p.value}" (chỉ T/M, K/T, T/L — HD 36-HD/VPTW mục 1.7)`,
    (p) => `Party documents do not use the signing form "${p.value}" (only T/M, K/T, T/L — HD 36-HD/VPTW 1.7)`,
  ),
  'rule/noi-nhan/luu': m(
    () => 'dòng cuối của nơi nhận phải là dòng "Lưu", ví dụ "Lưu: VT, VP."',
    () => 'the last line of Nơi nhận must be the "Lưu" line, e.g. "Lưu: VT, VP."',
  ),
  'rule/noi-nhan/luu-vt': m(
    (p) => `dòng lưu "${p.value}" khác mẫu "Lưu: VT, <đơn vị soạn thảo>." của NĐ 30/2020`,
    (p) => `the filing line "${p.value}" differs from the NĐ 30/2020 form "Lưu: VT, <drafting unit>."`,
  ),
  'rule/noi-nhan/trung': m(
    (p) => `nơi nhận "${p.value}" bị lặp lại (đã có ở dòng ${p.first})`,
    (p) => `recipient "${p.value}" is listed twice (first on line ${p.first})`,
  ),
  'rule/noi-nhan/gach-dau': m(
    () => 'không cần ghi "-" ở đầu hay ";" ở cuối nơi nhận: tool tự thêm',
    () => 'do not write "-" at the start or ";" at the end of a recipient: the tool adds them',
  ),
  'rule/so-thu-tu/lien-tuc': m(
    (p) => `số thứ tự "${p.value}" không liên tục: ở vị trí này phải là ${p.expected}`,
    (p) => `number "${p.value}" breaks the sequence: ${p.expected} is expected here`,
  ),
  'rule/so-thu-tu/tu-viet': m(
    (p) => `chữ bắt đầu bằng số thứ tự "${p.value}"; tool tự đánh số, hãy bỏ "${p.value}" (hoặc ghi so: "${p.value}")`,
    (p) => `the text starts with the number "${p.value}"; the tool numbers items itself: remove it (or write so: "${p.value}")`,
  ),
  'rule/dot/thu-tu': m(
    (p) => `${p.what} (${p.value}) phải sau ${p.other} (${p.otherValue})`,
    (p) => `${p.what} (${p.value}) must come after ${p.other} (${p.otherValue})`,
  ),
  'rule/dot/trong-ky': m(
    (p) => `${p.what} ${p.value} nằm ngoài thời gian của kế hoạch (${p.from} – ${p.to})`,
    (p) => `${p.what} ${p.value} falls outside the plan's period (${p.from} – ${p.to})`,
  ),
  'rule/trich-yeu/dau-cham': m(
    () => 'trích yếu không được kết thúc bằng dấu chấm: hãy bỏ dấu "." ở cuối',
    () => 'the trích yếu must not end with a full stop: remove the final "."',
  ),
  'rule/van-ban/khoang-trang': m(
    () => 'chữ có hai dấu cách liền nhau (hoặc dấu cách ở đầu, cuối)',
    () => 'the text has a doubled space (or a space at its start or end)',
  ),
  'rule/van-ban/danh-dau': m(
    (p) => `chữ có đánh dấu thừa: ${p.what}`,
    (p) => `the text has stray markup: ${p.what}`,
  ),
  'rule/tieu-de/in-hoa': m(
    (p) => `tiêu đề mục cấp 1 "${p.value}" nên viết in hoa (NĐ 30/2020 PL I mục II.6)`,
    (p) => `a level-1 heading "${p.value}" should be upper case (NĐ 30/2020 PL I II.6)`,
  ),
  'what/phase-start': m(() => 'ngày bắt đầu đợt', () => 'the phase start'),
  'what/phase-end': m(() => 'ngày kết thúc đợt', () => 'the phase end'),
  'what/prev-phase-end': m(() => 'ngày kết thúc đợt trước', () => 'the previous phase end'),
  'what/period-start': m(() => 'ngày bắt đầu kế hoạch', () => 'the plan period start'),
  'what/period-end': m(() => 'ngày kết thúc kế hoạch', () => 'the plan period end'),
  'what/deadline': m(() => 'thời hạn', () => 'the deadline'),
  'what/phase': m(() => 'đợt', () => 'the phase'),
  'what/unbalanced-star': m(() => 'dấu * không đóng (dùng \\* cho dấu sao thật)', () => 'an unclosed * (write \\* for a literal star)'),
  'what/heading-mark': m(() => 'dấu # đầu dòng kiểu Markdown', () => 'a Markdown # heading mark'),
  'what/html': m(() => 'thẻ HTML/XML', () => 'an HTML/XML tag'),
  'what/template': m(() => 'cú pháp mẫu {{ }}', () => 'template syntax {{ }}'),
  'cli/no-input': m(
    (p) => `không tìm thấy tệp kế hoạch nào khớp với: ${p.patterns}`,
    (p) => `no plan file matches: ${p.patterns}`,
  ),
  'cli/summary': m(
    (p) => `${p.files} tệp: ${p.errors} lỗi, ${p.warnings} cảnh báo`,
    (p) => `${p.files} file(s): ${p.errors} error(s), ${p.warnings} warning(s)`,
  ),

  // ---- a year's register (batch --check-register, validate over a folder)
  'register/trung': m(
    (p) => `số ${p.so} đã dùng cho "${p.other}" (cùng ký hiệu ${p.kyhieu}, ${p.period})`,
    (p) => `number ${p.so} is already used by "${p.other}" (same ký hiệu ${p.kyhieu}, ${p.period})`,
  ),
  'register/thu-tu': m(
    (p) => `số ${p.so} ngày ${p.ngay} đứng sau số ${p.prev} ngày ${p.prevNgay}: số phải tăng theo ngày ban hành`,
    (p) => `number ${p.so} dated ${p.ngay} comes after number ${p.prev} dated ${p.prevNgay}: numbers must follow the issue dates`,
  ),
  'register/thieu': m(
    (p) => `sổ ${p.kyhieu} (${p.period}) thiếu số: ${p.missing}`,
    (p) => `register ${p.kyhieu} (${p.period}) skips number(s): ${p.missing}`,
  ),
  'period/year': m((p) => `năm ${p.v}`, (p) => `year ${p.v}`),
  'period/term': m((p) => `nhiệm kỳ ${p.v}`, (p) => `term ${p.v}`),
  'period/all': m(() => 'chưa ghi nhiệm kỳ', () => 'no term given'),
  'batch/clash': m(
    (p) => `kế hoạch này và "${p.other}" cùng ghi ra ${p.output}; không ghi tệp nào`,
    (p) => `this plan and "${p.other}" would both write ${p.output}; neither is written`,
  ),
  'batch/outside': m(
    (p) => `đường dẫn ra "${p.output}" nằm ngoài thư mục đích`,
    (p) => `the output path "${p.output}" would leave the output folder`,
  ),
  'batch/summary': m(
    (p) => `đã kết xuất ${p.rendered}, lỗi ${p.failed}, bỏ qua ${p.skipped} — ${p.wall} s, ${p.rate} văn bản/s`,
    (p) => `rendered ${p.rendered}, failed ${p.failed}, skipped ${p.skipped} — ${p.wall} s, ${p.rate} docs/s`,
  ),
  'batch/progress': m(
    (p) => `[batch] ${p.done}/${p.total}: kết xuất ${p.rendered}, lỗi ${p.failed}, bỏ qua ${p.skipped} (${p.rate} văn bản/s, còn ${p.eta} s)`,
    (p) => `[batch] ${p.done}/${p.total}: rendered ${p.rendered}, failed ${p.failed}, skipped ${p.skipped} (${p.rate} docs/s, ETA ${p.eta} s)`,
  ),
  'batch/bad-shard': m(() => '--shard phải có dạng i/n với 1 ≤ i ≤ n', () => '--shard must be i/n with 1 ≤ i ≤ n'),
  'batch/bad-jobs': m(() => '--jobs phải là số nguyên dương', () => '--jobs must be a positive whole number'),

  'config/layout-missing': m(
    (p) => `thiếu tệp bố cục ${p.file} (thư mục mẫu --templates có đúng không?)`,
    (p) => `missing layout file ${p.file} (is the --templates folder right?)`,
  ),
  'config/template-missing': m(
    (p) => `không có mẫu document.hbs cho khối "${p.khoi}" trong ${p.dir}`,
    (p) => `no document.hbs for "${p.khoi}" in ${p.dir}`,
  ),

  // ---- CLI
  'cli/written': m((p) => `đã ghi ${p.file}`, (p) => `wrote ${p.file}`),
  'cli/not-written': m(
    (p) => `không ghi tệp vì kế hoạch có ${p.count} lỗi`,
    (p) => `nothing written: the plan has ${p.count} error(s)`,
  ),
  'cli/internal': m(
    (p) => `lỗi nội bộ: ${p.detail} (chạy lại với --debug để xem chi tiết)`,
    (p) => `internal error: ${p.detail} (run again with --debug for details)`,
  ),
  'cli/output-exists-dir': m(
    (p) => `không ghi được vào ${p.file}: ${p.reason}`,
    (p) => `cannot write ${p.file}: ${p.reason}`,
  ),

  // ---- import and check of Word documents (h7: src/docx-read, src/import, src/check)
  'docx/not-zip': m((p) => `${p.file}: không phải tệp .docx (không phải gói ZIP của Word)`, (p) => `${p.file}: not a .docx file (not a Word ZIP package)`),
  'docx/ole': m((p) => `${p.file}: là tệp Word 97–2003 (.doc) mang đuôi .docx; hãy đổi đuôi thành .doc hoặc lưu lại dưới dạng .docx`, (p) => `${p.file}: a Word 97–2003 (.doc) file named .docx; rename it to .doc or save it as .docx`),
  'docx/bad-zip': m((p) => `${p.file}: gói ZIP hỏng (${p.detail})`, (p) => `${p.file}: damaged ZIP package (${p.detail})`),
  'docx/no-document': m((p) => `${p.file}: gói ZIP không có phần văn bản chính (word/document.xml); không phải tệp Word`, (p) => `${p.file}: the ZIP has no main document part (word/document.xml); not a Word file`),
  'docx/macros': m((p) => `${p.file}: tệp có macro (vbaProject.bin); kehoach không mở tệp có macro, hãy lưu lại dưới dạng .docx thường`, (p) => `${p.file}: the file contains macros (vbaProject.bin); kehoach does not open macro-enabled files, save it as a plain .docx`),
  'docx/bad-xml': m((p) => `${p.file}: XML hỏng trong tệp Word (${p.detail})`, (p) => `${p.file}: malformed XML in the Word file (${p.detail})`),
  'docx/too-large': m((p) => `${p.file}: nội dung giải nén vượt ${p.limit} byte; từ chối đọc`, (p) => `${p.file}: unpacked content exceeds ${p.limit} bytes; refused`),
  'docx/too-large-file': m((p) => `${p.file}: tệp quá lớn (${p.size} byte); giới hạn là ${p.limit} byte`, (p) => `${p.file}: file too large (${p.size} bytes); the limit is ${p.limit} bytes`),
  'docx/no-soffice': m((p) => `${p.file}: cần LibreOffice (lệnh soffice) để đọc tệp này; hãy cài LibreOffice hoặc lưu tệp dưới dạng .docx`, (p) => `${p.file}: LibreOffice (the soffice command) is needed to read this file; install it or save the file as .docx`),
  'docx/convert-failed': m((p) => `${p.file}: LibreOffice không chuyển được tệp sang .docx (${p.detail})`, (p) => `${p.file}: LibreOffice could not convert the file to .docx (${p.detail})`),
  'docx/extension': m((p) => `${p.file}: chỉ đọc được .docx, .doc, .odt, .rtf, .htm hoặc .txt`, (p) => `${p.file}: only .docx, .doc, .odt, .rtf, .htm or .txt can be read`),
  'import/no-title': m(() => 'không tìm thấy tên loại văn bản (dòng "KẾ HOẠCH"); toàn bộ văn bản được đặt vào phần nội dung', () => 'no document type line ("KẾ HOẠCH") found; the whole text went into the body'),
  'import/unplaced': m((p) => `đoạn ${p.para}: không xếp được vào phần nào, để tại chỗ: "${p.text}"`, (p) => `paragraph ${p.para}: could not be placed, kept where it stood: "${p.text}"`),
  'import/guessed': m((p) => `đoạn ${p.para}: ${p.what}`, (p) => `paragraph ${p.para}: ${p.what}`),
  'import/recall': m(
    (p) => `khớp chữ khi kết xuất lại: ${p.pct}% (${p.found}/${p.total} từ của văn bản nguồn, đúng thứ tự)`,
    (p) => `round trip: ${p.pct}% (${p.found}/${p.total} words of the source found in order in the rendered text)`,
  ),
  'import/invalid': m((p) => `kế hoạch nhập được chưa hợp lệ (${p.count} lỗi); vẫn ghi tệp YAML để sửa tay`, (p) => `the imported plan is not valid yet (${p.count} error(s)); the YAML is written for you to fix`),
  'import/exists': m((p) => `${p.file} đã có; dùng --force để ghi đè`, (p) => `${p.file} exists; use --force to overwrite`),
  'check/kho-giay': m((p) => `khổ giấy ${p.got} mm, cần A4 ${p.want} mm`, (p) => `paper ${p.got} mm, A4 ${p.want} mm required`),
  'check/le': m((p) => `lề ${p.side} ${p.got} mm, cần ${p.min}–${p.max} mm`, (p) => `${p.side} margin ${p.got} mm, ${p.min}–${p.max} mm required`),
  'check/phong-chu': m((p) => `phông "${p.got}" (${p.slot}) trong "${p.text}", cần ${p.want}`, (p) => `font "${p.got}" (${p.slot}) in "${p.text}", ${p.want} required`),
  'check/co-chu': m((p) => `${p.role}: cỡ chữ ${p.got} pt, cần ${p.min === p.max ? p.min : `${p.min}–${p.max}`} pt`, (p) => `${p.role}: size ${p.got} pt, ${p.min === p.max ? p.min : `${p.min}–${p.max}`} pt required`),
  'check/kieu-chu': m((p) => `${p.role}: ${p.what}`, (p) => `${p.role}: ${p.what}`),
  'check/gach': m((p) => `không có đường kẻ dưới ${p.role}`, (p) => `no rule under the ${p.role}`),
  'check/so-trang': m((p) => `số trang: ${p.what}`, (p) => `page numbers: ${p.what}`),
  'check/so-0': m((p) => `${p.what} "${p.got}": số nhỏ hơn 10 ghi thêm số 0 ở trước (${p.want})`, (p) => `${p.what} "${p.got}": numbers below 10 take a leading zero (${p.want})`),
  'check/thanh-phan': m((p) => `không tìm thấy ${p.role}`, (p) => `no ${p.role} found`),
  'check/vai-tro': m((p) => (CHECK_ROLE_VI as Record<string, string>)[p.role] ?? String(p.role), (p) => (CHECK_ROLE_EN as Record<string, string>)[p.role] ?? String(p.role)),
  'check/them': m((p) => ` (và ${p.n} đoạn khác)`, (p) => ` (and ${p.n} more paragraphs)`),
  'check/canh': m((p) => ({ tren: 'trên', duoi: 'dưới', trai: 'trái', phai: 'phải' } as Record<string, string>)[p.side], (p) => ({ tren: 'top', duoi: 'bottom', trai: 'left', phai: 'right' } as Record<string, string>)[p.side]),
  'check/phai-dam': m(() => 'phải in đậm', () => 'must be bold'),
  'check/khong-dam': m(() => 'không in đậm', () => 'must not be bold'),
  'check/phai-nghieng': m(() => 'phải in nghiêng', () => 'must be italic'),
  'check/khong-nghieng': m(() => 'không in nghiêng', () => 'must not be italic'),
  'check/so-trang-chan': m(() => 'đặt ở chân trang; NĐ 30 đặt ở giữa lề trên', () => 'in the footer; NĐ 30 puts them centred in the top margin'),
  'check/so-trang-khong': m(() => 'không có số trang ở phần đầu trang (trường PAGE)', () => 'no page number field (PAGE) in the header'),
  'check/so-trang-dau': m(() => 'số trang hiện ở trang 1 (cần "trang đầu khác")', () => 'the number shows on page 1 (needs "different first page")'),
  'check/so': m(() => 'số', () => 'number'),
  'check/ngay': m(() => 'ngày', () => 'day'),
  'check/thang': m(() => 'tháng', () => 'month'),
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof catalogue;

/** Looks up a message in the catalogue. `lang` defaults to Vietnamese. */
export function msg(key: MessageKey, lang: Lang = 'vi', params: P = {}): string {
  return catalogue[key][lang](params);
}

/** Names of JSON types, for "the value must be ..." messages. */
export function typeName(t: string, lang: Lang): string {
  const vi: Record<string, string> = {
    string: 'chuỗi chữ', integer: 'số nguyên', number: 'số', boolean: 'true hoặc false', array: 'danh sách', object: 'bảng khóa: giá trị', null: 'để trống',
  };
  const en: Record<string, string> = {
    string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a mapping', null: 'empty',
  };
  return (lang === 'vi' ? vi : en)[t] ?? t;
}
