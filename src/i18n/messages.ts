/**
 * The message catalogue: every message the tool shows, in Vietnamese (default) and English.
 * Nothing else in the code writes user-facing prose; callers pick a key and pass parameters.
 */

export type Lang = 'vi' | 'en';

type P = Record<string, string | number>;
type Entry = { vi: (p: P) => string; en: (p: P) => string };

const m = (vi: (p: P) => string, en: (p: P) => string): Entry => ({ vi, en });

/** The parts of the page in the import's structural figure (src/import/fidelity.ts). */
const FIDELITY_PART_VI: Record<string, string> = { header: 'phần đầu', body: 'nội dung', closing: 'phần kết (nơi nhận, chữ ký)', forms: 'phụ lục, mẫu biểu', footnotes: 'chú thích' };
const FIDELITY_PART_EN: Record<string, string> = { header: 'header', body: 'body', closing: 'closing (recipients, signature)', forms: 'appendices, forms', footnotes: 'footnotes' };
/** Why a field is not counted as recovered (src/import/fidelity.ts Flag, or changed). */
const FIDELITY_KIND_VI: Record<string, string> = { placeholder: 'giữ chỗ, cần điền', guess: 'đoán', partial: 'chỉ giữ được một phần', doubtful: 'đáng ngờ', source: 'khác văn bản nguồn', changed: 'khác đi khi nhập lại' };
const FIDELITY_KIND_EN: Record<string, string> = { placeholder: 'placeholder to fill in', guess: 'guessed', partial: 'only partly kept', doubtful: 'doubtful', source: 'differs from the source', changed: 'changed on the way back' };

// Names of the components `kehoach check` reports (keys of layout.yaml `kieu`).
const CHECK_ROLE_VI = {
  co_quan_chu_quan: 'tên cơ quan chủ quản', co_quan_ban_hanh: 'tên cơ quan ban hành', quoc_hieu: 'Quốc hiệu', tieu_ngu: 'Tiêu ngữ',
  tieu_de_dang: 'dòng "ĐẢNG CỘNG SẢN VIỆT NAM"', tieu_de_doan: 'dòng "ĐOÀN TNCS HỒ CHÍ MINH"', so_ky_hieu: 'số, ký hiệu', dia_danh_ngay: 'địa danh, ngày tháng', ten_loai: 'tên loại',
  trich_yeu: 'trích yếu', can_cu: 'căn cứ', mo_dau: 'đoạn mở đầu', than: 'nội dung', tieu_de_1: 'tiêu đề mục', tieu_de_2: 'tiêu đề khoản',
  tieu_de_3: 'tiêu đề điểm', tieu_de_4: 'tiêu đề cấp 4', ket_thuc: 'đoạn kết', noi_nhan_nhan: '"Nơi nhận:"', noi_nhan: 'nơi nhận',
  quyen_han: 'quyền hạn, chức vụ người ký', chuc_vu: 'chức vụ người ký', ho_ten: 'họ tên người ký', so_trang: 'số trang',
};
const CHECK_ROLE_EN = {
  co_quan_chu_quan: 'parent agency', co_quan_ban_hanh: 'issuing agency', quoc_hieu: 'national title', tieu_ngu: 'motto',
  tieu_de_dang: '"ĐẢNG CỘNG SẢN VIỆT NAM" line', tieu_de_doan: '"ĐOÀN TNCS HỒ CHÍ MINH" line', so_ky_hieu: 'number line', dia_danh_ngay: 'place and date', ten_loai: 'document type',
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
  'schema/nested-list': m(
    (p) => `mục này là một danh sách nằm trong danh sách ("- - …"); mỗi mục phải là ${p.expected}`,
    (p) => `this item is a list inside the list ("- - …"); each item must be ${p.expected}`,
  ),
  'hint/so-with-ky-hieu': m(
    (p) => `chỉ ghi số: "so: ${p.so}"; ký hiệu "${p.kyhieu}" do kehoach tự ghép từ loai_van_ban và viet_tat_co_quan`,
    (p) => `give the number alone: "so: ${p.so}"; the ký hiệu "${p.kyhieu}" is added by kehoach from loai_van_ban and viet_tat_co_quan`,
  ),
  'hint/nested-list': m(
    (p) => `ý con viết dưới ý cha: "- doan: <ý cha>" rồi ${p.keys} với các ý con thụt vào bên dưới`,
    (p) => `write sub-items under their parent: "- doan: <parent>", then ${p.keys} with the sub-items indented below`,
  ),
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
  // ---- body: phases, recipients (h1-body)
  'plan/phase-time': m(
    () => 'đợt cần thời gian: tu và den (YYYY-MM hoặc YYYY-MM-DD), hoặc thoi_gian ghi bằng lời, ví dụ thoi_gian: "Trong tháng 12/2025"',
    () => 'a phase needs its time: tu and den (YYYY-MM or YYYY-MM-DD), or thoi_gian in words, e.g. thoi_gian: "Trong tháng 12/2025"',
  ),
  'plan/recipient-kind': m(
    () => 'nơi nhận có mục đích cần đúng một trong hai: noi (một nơi nhận) hoặc nhom (danh sách nơi nhận)',
    () => 'a recipient with a purpose needs exactly one of: noi (one recipient) or nhom (a list of recipients)',
  ),
  'rule/trinh-bay/ngoai-khung': m(
    (p) => `trinh_bay.${p.key}: ${p.value} ngoài khung ${p.range} của ${p.source}; vẫn áp dụng theo cách trình bày của cơ quan`,
    (p) => `trinh_bay.${p.key}: ${p.value} is outside the range ${p.range} of ${p.source}; applied anyway as the office's house style`,
  ),
  'rule/trinh-bay/so-trang': m(
    () => 'trinh_bay.so_trang: chan_trang: số trang in ở giữa chân trang theo cách trình bày của cơ quan; NĐ 30/2020 Phụ lục I mục II.10 đặt số trang ở giữa lề trên (phần đầu trang)',
    () => 'trinh_bay.so_trang: chan_trang: page numbers printed centred in the footer as the office’s house style; NĐ 30/2020 Phụ lục I mục II.10 puts them centred in the top margin (the header)',
  ),
  'plan/signature-head': m(
    (p) => `quyen_han ${p.value} cần "thu_truong" (chức danh người đứng đầu)`,
    (p) => `quyen_han ${p.value} needs "thu_truong" (the head's title)`,
  ),

  // ---- footnotes and annexed forms (h3: src/normalise/footnotes.ts, forms.ts)
  'plan/footnote-undefined': m(
    (p) => `chú thích [^${p.key}] chưa khai báo: thêm "${p.key}: <lời chú thích>" vào chu_thich`,
    (p) => `footnote [^${p.key}] is not defined: add "${p.key}: <note text>" under chu_thich`,
  ),
  'plan/footnote-unused': m(
    (p) => `chú thích "${p.key}" không được dùng ở đâu: ghi [^${p.key}] sau chữ cần chú thích, hoặc xóa chú thích này`,
    (p) => `footnote "${p.key}" is never referenced: write [^${p.key}] after the text it annotates, or remove it`,
  ),
  'plan/footnote-nested': m(
    () => 'lời chú thích không được chứa dấu chú thích [^…] khác',
    () => 'a footnote cannot hold another footnote reference [^…]',
  ),
  'plan/form-block-kind': m(
    () => 'khối của mẫu cần một trong các khóa: doan, tieu_de, phu_de, dong_trong, truong, bang, cot_ky, ghi_chu',
    () => 'a form block needs one of the keys: doan, tieu_de, phu_de, dong_trong, truong, bang, cot_ky, ghi_chu',
  ),
  'plan/form-column-kind': m(
    () => 'một cột của cot_ky là một người ký (chuc_danh, cùng ngay, ghi_chu, ho_ten nếu cần) hoặc một lời ghi chú (doan), không cả hai',
    () => 'a column of cot_ky is either a signer (chuc_danh, with ngay, ghi_chu, ho_ten if needed) or a note (doan), not both',
  ),
  'plan/form-option': m(
    (p) => `khóa ${p.key} chỉ dùng cùng ${p.kinds}`,
    (p) => `the key ${p.key} only goes with ${p.kinds}`,
  ),
  'plan/appendix-empty': m(
    () => 'phụ lục cần tieu_de và noi_dung, hoặc các mẫu biểu (mau)',
    () => 'an appendix needs tieu_de and noi_dung, or forms (mau)',
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
    (p) => `cấp phó ký thay mặt tập thể: NĐ 30/2020 trình bày "${p.tm}" / "${p.kt}" / "${p.value}"`,
    (p) => `a deputy signing for a collective: NĐ 30/2020 writes "${p.tm}" / "${p.kt}" / "${p.value}"`,
  ),
  'rule/chu-ky/pho-khong-kt': m(
    (p) => `cấp phó "${p.value}" ký thay người đứng đầu: NĐ 30/2020 trình bày "${p.kt}" / "${p.value}" (ghi quyen_han: KT và thu_truong)`,
    (p) => `a deputy ("${p.value}") signs on behalf of the head: NĐ 30/2020 writes "${p.kt}" / "${p.value}" (give quyen_han: KT and thu_truong)`,
  ),
  'rule/chu-ky/thu-truong-khong-in': m(
    (p) => `thu_truong "${p.value}" không được in: chức danh người đứng đầu chỉ in sau KT., TL., TUQ. (${p.form ? `quyen_han ${p.form} in "Q." trước chức vụ của người ký` : 'chưa có quyen_han'}); ghi quyen_han hoặc bỏ thu_truong`,
    (p) => `thu_truong "${p.value}" does not print: the head's title prints only after KT., TL., TUQ. (${p.form ? `quyen_han ${p.form} prints "Q." before the signer's own title` : 'no quyen_han given'}); give quyen_han or remove thu_truong`,
  ),
  'rule/chu-ky/tien-to': m(
    (p) => `"${p.value}" bắt đầu bằng quyền hạn "${p.prefix}"; tool tự thêm quyền hạn theo khối (${p.forms}), hãy dùng thay_mat / quyen_han`,
    (p) => `"${p.value}" starts with the signing form "${p.prefix}"; the tool adds it per family (${p.forms}): use thay_mat / quyen_han`,
  ),
  'rule/chu-ky/dang-quyen-han': m(
    (p) => `văn bản khối ${p.family} không dùng quyền hạn "${p.form}" (chỉ ${p.allowed})`,
    (p) => `documents of the family ${p.family} do not use the signing form "${p.form}" (only ${p.allowed})`,
  ),
  'rule/noi-nhan/luu': m(
    () => 'dòng cuối của nơi nhận phải là dòng "Lưu", ví dụ "Lưu: VT, VP."',
    () => 'the last line of Nơi nhận must be the "Lưu" line, e.g. "Lưu: VT, VP."',
  ),
  'rule/noi-nhan/luu-vt': m(
    (p) => `dòng lưu "${p.value}" khác mẫu "${p.want}, <đơn vị soạn thảo>." của NĐ 30/2020`,
    (p) => `the filing line "${p.value}" differs from the NĐ 30/2020 form "${p.want}, <drafting unit>."`,
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
    (p) => `số thứ tự "${p.value}" không liên tục (theo thứ tự ở đây là ${p.expected}); in nguyên như văn bản ban hành, các mục sau đánh tiếp từ "${p.value}"`,
    (p) => `number "${p.value}" breaks the sequence (${p.expected} would come here); it prints as given, as issued, and the items after it count on from "${p.value}"`,
  ),
  'rule/so-thu-tu/tu-viet': m(
    (p) => `chữ bắt đầu bằng số thứ tự "${p.value}"; tool tự đánh số ${p.expected} ở đây, hãy bỏ "${p.value}"`,
    (p) => `the text starts with the number "${p.value}"; the tool writes ${p.expected} here itself: remove "${p.value}"`,
  ),
  'rule/so-thu-tu/tu-viet-khac': m(
    (p) => `chữ bắt đầu bằng số thứ tự "${p.value}", khác số tool tự đánh (${p.expected}); bỏ "${p.value}" khỏi chữ và ghi so: "${p.value}" để giữ số như văn bản ban hành`,
    (p) => `the text starts with the number "${p.value}", not the one the tool writes (${p.expected}); remove "${p.value}" from the text and write so: "${p.value}" to keep the number as issued`,
  ),
  'rule/so-thu-tu/tu-viet-gach': m(
    (p) => `ý gạch đầu dòng bắt đầu bằng "${p.value}"; tool tự thêm "${p.marker}", hãy bỏ "${p.value}" (ý cần số riêng thì viết thành mục doan có so:)`,
    (p) => `the bullet starts with "${p.value}"; the tool adds "${p.marker}" itself: remove "${p.value}" (for a numbered point write a doan item with so:)`,
  ),
  'rule/dot/loi-dan-khong-in': m(
    (p) => `lời dẫn "${p.value}" không được in: lời dẫn chỉ in trước chủ đề của đợt; ghi chu_de hoặc bỏ loi_dan`,
    (p) => `the lead-in "${p.value}" does not print: it prints only before the phase's theme; give chu_de or remove loi_dan`,
  ),
  'rule/nhiem-vu/nhan-khong-in': m(
    (p) => `nhãn "${p.value}" không được in: nhiệm vụ không có ${p.field}; ghi ${p.field} hoặc bỏ nhãn này`,
    (p) => `the label "${p.value}" does not print: the task has no ${p.field}; give ${p.field} or remove the label`,
  ),
  'rule/nhiem-vu/nhan-trong-bang': m(
    (p) => `nhãn "${p.value}" không được in: trong bang_nhiem_vu tên cột là chung cho mọi dòng; ghi nhãn ở trinh_bay.nhiem_vu.nhan`,
    (p) => `the label "${p.value}" does not print: in bang_nhiem_vu the column names are shared by every row; give the label in trinh_bay.nhiem_vu.nhan`,
  ),
  'rule/nhiem-vu/thu-tu-trong-bang': m(
    () => 'thu_tu của một dòng bang_nhiem_vu không được dùng: thứ tự cột là chung cho mọi dòng; ghi thứ tự ở trinh_bay.nhiem_vu.thu_tu',
    () => 'thu_tu of a bang_nhiem_vu row is not used: the column order is shared by every row; give the order in trinh_bay.nhiem_vu.thu_tu',
  ),
  'rule/nhiem-vu/vi-tri': m(
    () => 'vi_tri_nhiem_vu không được dùng: mục không có nhiem_vu; thêm nhiem_vu hoặc bỏ vi_tri_nhiem_vu',
    () => 'vi_tri_nhiem_vu is not used: the item has no nhiem_vu; add nhiem_vu or remove vi_tri_nhiem_vu',
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
  'rule/import/chua-dien': m(
    (p) => `${p.field} chưa điền: văn bản nguồn không có giá trị này, kehoach import để lại "…"; hãy điền vào`,
    (p) => `${p.field} is not filled in: the source gave no value, kehoach import left "…"; fill it in`,
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
  'cli/bad-max-warnings': m(
    (p) => `--max-warnings cần một số nguyên không âm, không phải "${p.value}"`,
    (p) => `--max-warnings needs a whole number of 0 or more, not "${p.value}"`,
  ),
  'cli/too-many-warnings': m(
    (p) => `${p.warnings} cảnh báo, nhiều hơn mức cho phép --max-warnings ${p.max}`,
    (p) => `${p.warnings} warning(s), more than --max-warnings ${p.max} allows`,
  ),
  // ---- SARIF (--format sarif): the rules' help text, and the families of ids outside the registry
  'sarif/help-rule': m((p) => `${p.description}. Căn cứ: ${p.source}. Tắt hoặc đổi mức trong kehoach.config.yaml (rules: ${p.id}: off|warning|error) hoặc bằng chú thích # kehoach-disable-next-line ${p.id} -- lý do.`, (p) => `${p.description}. Source: ${p.source}. Turn it off or change its level in kehoach.config.yaml (rules: ${p.id}: off|warning|error) or with a comment # kehoach-disable-next-line ${p.id} -- reason.`),
  'sarif/help-kind': m((p) => `${p.description} (${p.id}). Sửa tại dòng được báo; kehoach validate in gợi ý sửa.`, (p) => `${p.description} (${p.id}). Fix it at the line reported; kehoach validate prints a hint.`),
  'sarif/kind-schema': m(() => 'Kế hoạch không đúng cấu trúc (schemas/ke-hoach.schema.json)', () => 'The plan does not have the expected shape (schemas/ke-hoach.schema.json)'),
  'sarif/kind-input': m(() => 'Cách viết YAML của kế hoạch', () => 'How the plan\'s YAML is written'),
  'sarif/kind-file': m(() => 'Tệp không đọc được như một kế hoạch', () => 'The file cannot be read as a plan'),
  'sarif/kind-yaml': m(() => 'Cú pháp YAML', () => 'YAML syntax'),
  'sarif/kind-plan': m(() => 'Nội dung kế hoạch không nhất quán', () => 'The plan\'s content is inconsistent'),
  'sarif/kind-config': m(() => 'Cấu hình kehoach.config.yaml hoặc chú thích tắt quy tắc', () => 'The kehoach.config.yaml configuration or a suppression comment'),
  'sarif/kind-register': m(() => 'Sổ đăng ký văn bản: số trùng, số không theo ngày, số thiếu', () => 'The register of numbers: duplicates, numbers out of date order, gaps'),
  'sarif/kind-docx': m(() => 'Tệp Word không đọc được', () => 'The Word file cannot be read'),
  'sarif/kind-batch': m(() => 'Kết xuất hàng loạt', () => 'Batch rendering'),
  'sarif/kind-template': m(() => 'Mẫu của cơ quan', () => 'The office\'s templates'),
  'sarif/kind-other': m(() => 'Phát hiện của kehoach', () => 'A kehoach finding'),
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

  // ---- never silent: input side (h4)
  'input/comment-in-text': m(
    (p) => `dấu "#" sau dấu cách bắt đầu một chú thích YAML: phần "#${p.rest}" sẽ không được in; hãy đặt cả chữ trong ngoặc kép`,
    (p) => `a "#" after a space starts a YAML comment: "#${p.rest}" will not be printed; quote the text`,
  ),
  'input/comment-hint': m((p) => `ví dụ: ${p.example}`, (p) => `e.g. ${p.example}`),
  'input/proto-key': m(
    (p) => `khóa "${p.key}" không được dùng (tên dành riêng của JavaScript)`,
    (p) => `the key "${p.key}" is not allowed (a reserved JavaScript name)`,
  ),
  'input/colon-in-text': m(
    (p) => `dòng "${p.text}" có dấu hai chấm và dấu cách nên YAML đọc thành "khóa: giá trị"; hãy đặt cả dòng trong ngoặc kép`,
    (p) => `the line "${p.text}" holds a colon and a space, so YAML reads it as "key: value"; quote the whole line`,
  ),
  'input/date-form': m(
    (p) => `ngày "${p.value}" phải viết dạng YYYY-MM-DD`,
    (p) => `the date "${p.value}" must be written as YYYY-MM-DD`,
  ),
  'input/date-line-form': m(
    (p) => `"${p.value}" là dòng ngày tháng như văn bản in ra; trong kế hoạch ghi ngày dạng YYYY-MM-DD (kehoach tự in dòng này)`,
    (p) => `"${p.value}" is the date line as the document prints it; the plan writes the date as YYYY-MM-DD (kehoach prints the line)`,
  ),
  'input/date-did-you-mean': m((p) => `Có phải ý bạn là ${p.value}?`, (p) => `Did you mean ${p.value}?`),
  'input/needs-keys': m(
    (p) => `cần các khóa: ${p.keys}${p.required ? ` (bắt buộc: ${p.required})` : ''}; ví dụ: ${p.example}`,
    (p) => `needs the keys: ${p.keys}${p.required ? ` (required: ${p.required})` : ''}; e.g. ${p.example}`,
  ),
  'input/luu-in-cac-noi': m(
    () => 'dòng "Lưu" ghi trong cac_noi sẽ in thành hai dòng Lưu; hãy ghi nó ở noi_nhan.luu',
    () => 'a "Lưu" line written in cac_noi prints two Lưu lines; give it as noi_nhan.luu',
  ),
  'input/stopped': m(
    (p) => `không ghi tệp: ${p.count} cảnh báo làm văn bản in sai (số hay dấu in hai lần); sửa, hoặc chạy với --force để vẫn ghi`,
    (p) => `nothing written: ${p.count} warning(s) make the document visibly wrong (a number or mark printed twice); fix them, or use --force to write anyway`,
  ),
  'input/not-a-file': m(
    (p) => `"${p.file}" không phải tệp thường (thư mục, thiết bị hay ống dẫn); chỉ đọc tệp .yaml`,
    (p) => `"${p.file}" is not a regular file (a folder, device or pipe); only .yaml files are read`,
  ),
  'input/ke-thua-type': m(
    () => 'ke_thua phải là đường dẫn tới một tệp .yaml (chuỗi chữ)',
    () => 'ke_thua must be the path of a .yaml file (text)',
  ),
  'input/object-cycle': m(() => 'dữ liệu có vòng lặp (một đối tượng chứa chính nó)', () => 'the data is cyclic (an object contains itself)'),
  'input/object-too-deep': m((p) => `dữ liệu lồng quá ${p.limit} cấp`, (p) => `the data is nested deeper than ${p.limit} levels`),
  'input/object-bad-value': m(
    (p) => `giá trị kiểu ${p.type} không dùng được trong kế hoạch (chỉ chuỗi, số, true/false, danh sách, bảng khóa)`,
    (p) => `a ${p.type} value cannot be used in a plan (only text, numbers, true/false, lists, mappings)`,
  ),
  'input/object-getter': m((p) => `không đọc được giá trị: ${p.detail}`, (p) => `cannot read the value: ${p.detail}`),
  'input/too-many-blocks': m(
    (p) => `kế hoạch có ${p.count} giá trị chữ (đoạn, dòng, ô, căn cứ, nơi nhận…); giới hạn là ${p.limit} (một kế hoạch thật có dưới vài trăm); hãy tách thành nhiều văn bản`,
    (p) => `the plan holds ${p.count} text values (paragraphs, lines, cells, legal bases, recipients…); the limit is ${p.limit} (a real plan has at most a few hundred); split it into several documents`,
  ),
  'input/template-error': m(
    (p) => `lỗi trong mẫu của cơ quan ${p.file}: ${p.detail}`,
    (p) => `error in the office's template ${p.file}: ${p.detail}`,
  ),
  'template/prototype': m(
    (p) => `mẫu đọc "${p.name}", một thuộc tính nguyên mẫu (prototype) của JavaScript, không phải trường dữ liệu; Handlebars chặn việc này (trang sẽ để trống), hãy bỏ nó khỏi mẫu`,
    (p) => `the template reads "${p.name}", a JavaScript prototype property, not a field of the data; Handlebars denies it (the page would be left blank), remove it from the template`,
  ),
  'template/not-defined': m(
    (p) => `mẫu đọc trường "${p.name}" mà dữ liệu không có (Handlebars chế độ strict)`,
    (p) => `the template reads the field "${p.name}", which the data does not have (Handlebars strict mode)`,
  ),
  'template/partial-missing': m(
    (p) => `mẫu gọi mẫu con {{> ${p.name}}} nhưng không có tệp ${p.name}.hbs trong các thư mục mẫu`,
    (p) => `the template calls the partial {{> ${p.name}}} but there is no ${p.name}.hbs in the templates folders`,
  ),
  'template/syntax': m((p) => `lỗi cú pháp Handlebars: ${p.detail}`, (p) => `Handlebars syntax error: ${p.detail}`),
  'template/runtime': m((p) => `lỗi khi chạy mẫu (Handlebars): ${p.detail}`, (p) => `error while running the template (Handlebars): ${p.detail}`),
  'template/markup': m(
    (p) => `mẫu viết markup hỏng${p.markupLine ? ` (dòng ${p.markupLine} của markup)` : ''}: ${p.detail}`,
    (p) => `the template writes broken markup${p.markupLine ? ` (markup line ${p.markupLine})` : ''}: ${p.detail}`,
  ),
  'input/layout-range': m(
    (p) => `giá trị ${p.key} = ${p.value} ngoài khoảng hợp lý ${p.min}–${p.max} ${p.unit}`,
    (p) => `${p.key} = ${p.value} is outside the sensible range ${p.min}–${p.max} ${p.unit}`,
  ),
  'input/colon-no-space': m(
    (p) => `sau dấu hai chấm của khóa "${p.key}" cần một dấu cách: "${p.key}: ${p.value}"`,
    (p) => `the colon after the key "${p.key}" needs a space: "${p.key}: ${p.value}"`,
  ),
  'input/missing-colon': m(
    (p) => `thiếu dấu hai chấm sau khóa "${p.key}": viết "${p.key}: …"`,
    (p) => `missing colon after the key "${p.key}": write "${p.key}: …"`,
  ),
  'input/comma-in-braces': m(
    (p) => `"${p.key}" được đọc thành một khóa: trong {…} dấu phẩy ngăn cách các khóa; nếu dấu phẩy thuộc về giá trị đứng trước, hãy đặt giá trị đó trong ngoặc kép`,
    (p) => `"${p.key}" is read as a key: inside {…} a comma separates keys; if the comma belongs to the value before it, quote that value`,
  ),
  'input/year-range': m(
    (p) => `năm ${p.value} không hợp lệ (năm phải từ 1000 đến 9999)`,
    (p) => `the year ${p.value} is not valid (it must be between 1000 and 9999)`,
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

  // ---- closing, joint plans, Front and Đoàn families (h2-closing)
  'rule/ky-hieu/lien-tich-trung': m(
    (p) => `chữ viết tắt "${p.value}" đã dùng cho một cơ quan khác của văn bản liên tịch; mỗi cơ quan một chữ viết tắt riêng (ví dụ "KH-SNV-STC")`,
    (p) => `the abbreviation "${p.value}" is already used by another issuer of the joint plan; each issuer needs its own (e.g. "KH-SNV-STC")`,
  ),
  'rule/chu-ky/mat-tran-tm': m(
    (p) => `văn bản của Ban Thường trực do "${p.value}" ký thay mặt tập thể: thêm thay_mat để có dòng "${p.tm}"`,
    (p) => `a Standing Board document signed by "${p.value}" is signed for the collective: add thay_mat to get the line "${p.tm}"`,
  ),

  // ---- rule configuration, --fix, batch robustness (h5)
  'config/syntax': m((p) => `lỗi cú pháp YAML trong tệp cấu hình: ${p.detail}`, (p) => `YAML syntax error in the configuration file: ${p.detail}`),
  'config/shape': m(
    () => 'tệp cấu hình phải có dạng "rules:" rồi từng dòng "<mã quy tắc>: off | warning | error"',
    () => 'the configuration file must read "rules:" followed by lines "<rule id>: off | warning | error"',
  ),
  'config/unknown-key': m((p) => `khóa không hợp lệ "${p.key}" trong tệp cấu hình (chỉ có "rules" và "templates")`, (p) => `unknown key "${p.key}" in the configuration file (only "rules" and "templates")`),
  'config/templates-missing': m(
    (p) => `không có thư mục mẫu ${p.dir} (khóa "templates:" của tệp cấu hình, tính từ thư mục của tệp)`,
    (p) => `no templates folder ${p.dir} (the "templates:" key of the configuration file, relative to the file's folder)`,
  ),
  'config/templates-shape': m(
    () => '"templates:" phải là đường dẫn tới thư mục mẫu của cơ quan, ví dụ "templates: ./mau-co-quan"',
    () => '"templates:" must be the path of the office\'s templates folder, e.g. "templates: ./mau-co-quan"',
  ),
  'config/unknown-suppression': m(
    (p) => `chú thích tắt quy tắc nêu "${p.id}", không phải mã quy tắc nào: không tắt được gì`,
    (p) => `the suppression comment names "${p.id}", which is no rule id: it silences nothing`,
  ),
  'config/unused-suppression': m(
    (p) => `chú thích tắt quy tắc ${p.id} không dùng đến: quy tắc này không báo gì ở dòng ${p.line}`,
    (p) => `unused suppression of ${p.id}: the rule reports nothing on line ${p.line}`,
  ),
  'config/unused-suppression-hint': m(
    (p) => `bỏ ${p.id} khỏi chú thích (hoặc cả dòng chú thích)`,
    (p) => `remove ${p.id} from the comment (or the whole comment line)`,
  ),
  'config/unknown-rule': m((p) => `không có quy tắc "${p.id}" (xem bảng quy tắc trong README.md)`, (p) => `there is no rule "${p.id}" (see the table of rules in README.md)`),
  'config/used': m((p) => `dùng cấu hình ${p.file}, đặt mức quy tắc: ${p.rules}`, (p) => `using the configuration ${p.file}, which sets rule levels: ${p.rules}`),
  'config/bad-severity': m(
    (p) => `mức "${p.value}" của quy tắc "${p.id}" không hợp lệ; chọn off, warning hoặc error`,
    (p) => `invalid level "${p.value}" for rule "${p.id}"; choose off, warning or error`,
  ),
  'fix/changed': m((p) => `${p.file}: đã sửa ${p.count} chỗ`, (p) => `${p.file}: fixed ${p.count} place(s)`),
  'fix/item': m((p) => `${p.file}:${p.line}:${p.column}  ${p.before} → ${p.after}  [${p.rule}]`, (p) => `${p.file}:${p.line}:${p.column}  ${p.before} → ${p.after}  [${p.rule}]`),
  'fix/none': m((p) => `${p.file}: không có gì để tự sửa`, (p) => `${p.file}: nothing to fix automatically`),
  'fix/has-errors': m(
    (p) => `${p.file}: kế hoạch còn lỗi, chỉ sửa được ngày tháng; sửa các lỗi rồi chạy lại --fix`,
    (p) => `${p.file}: the plan still has errors, only dates could be fixed; fix the errors and run --fix again`,
  ),
  'fix/shared': m(
    (p) => `không tự sửa ${p.before} → ${p.after}: giá trị này dùng chung qua neo ${p.anchors} (dòng ${p.lines}); sửa ở đây là đổi ở mọi dòng đó, hãy tự sửa nếu đúng cho tất cả`,
    (p) => `not fixed ${p.before} → ${p.after}: the value is shared through the anchor ${p.anchors} (lines ${p.lines}); a change here changes every one of those lines, fix it by hand if it is right for all`,
  ),
  'fix/would-change': m((p) => `${p.file}: sẽ sửa ${p.count} chỗ (--dry-run: chưa ghi gì)`, (p) => `${p.file}: would fix ${p.count} place(s) (--dry-run: nothing written)`),
  'fix/errors-left': m(
    (p) => `${p.file}: còn ${p.count} lỗi không tự sửa được; xem: kehoach validate ${p.file}`,
    (p) => `${p.file}: ${p.count} error(s) left that no fix removes; see: kehoach validate ${p.file}`,
  ),
  'fix/defaults-no-khoi': m(
    (p) => `${p.file}: không biết khối (không có khoi: ở tệp này, ở _defaults.yaml bên trên, hay ở kế hoạch nào cùng thư mục); chỉ sửa được ngày tháng`,
    (p) => `${p.file}: no family known (no khoi: in this file, in a _defaults.yaml above it, or in a plan of its folder); only dates could be fixed`,
  ),
  'show/header': m((p) => `kế hoạch sau khi gộp: ${p.files}`, (p) => `the plan as merged: ${p.files}`),
  // ---- kehoach doctor (src/doctor.ts)
  'doctor/ok': m(() => 'ổn     ', () => 'ok     '),
  'doctor/problem': m(() => 'có lỗi ', () => 'problem'),
  'doctor/hint': m((p) => `gợi ý: ${p.hint}`, (p) => `hint: ${p.hint}`),
  'doctor/summary-ok': m(() => 'mọi thứ đã sẵn sàng', () => 'everything is ready'),
  'doctor/summary-problems': m((p) => `${p.count} mục cần xử lý`, (p) => `${p.count} item(s) need attention`),
  'doctor/soffice': m(() => 'LibreOffice', () => 'LibreOffice'),
  'doctor/soffice-missing': m(() => 'không tìm thấy lệnh soffice (cần cho --pdf và nhập tệp .doc, .odt)', () => 'the soffice command was not found (needed for --pdf and to import .doc, .odt)'),
  'doctor/soffice-broken': m((p) => `${p.path} không trả lời "--version"`, (p) => `${p.path} does not answer "--version"`),
  'doctor/soffice-hint': m(
    () => 'Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui; Windows/macOS: tải tại https://www.libreoffice.org rồi thêm thư mục chứa soffice vào PATH (hoặc đặt KEHOACH_SOFFICE)',
    () => 'Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui; Windows/macOS: download from https://www.libreoffice.org and add the folder holding soffice to PATH (or set KEHOACH_SOFFICE)',
  ),
  'doctor/fonts': m(() => 'Phông chữ', () => 'Fonts'),
  'doctor/fonts-found': m((p) => `"Times New Roman" dùng ${p.family}`, (p) => `"Times New Roman" is drawn with ${p.family}`),
  'doctor/fonts-substitute': m((p) => `không có Times New Roman hay Liberation Serif: "Times New Roman" bị thay bằng ${p.family}, dòng chữ xuống dòng khác đi`, (p) => `neither Times New Roman nor Liberation Serif: "Times New Roman" is replaced by ${p.family}, and lines break elsewhere`),
  'doctor/fonts-unknown': m(() => 'không kiểm tra được phông chữ (không có fc-match, không thấy tệp Times New Roman)', () => 'cannot check the fonts (no fc-match, no Times New Roman file found)'),
  'doctor/fonts-hint': m(
    () => 'Debian/Ubuntu: sudo apt-get install fonts-liberation2 (Liberation Serif, cùng kích thước chữ với Times New Roman); hoặc cài Times New Roman',
    () => 'Debian/Ubuntu: sudo apt-get install fonts-liberation2 (Liberation Serif, metric-compatible with Times New Roman); or install Times New Roman',
  ),
  'doctor/node-old': m((p) => `${p.version}, cần ${p.min} trở lên`, (p) => `${p.version}, ${p.min} or later is needed`),
  'doctor/node-hint': m((p) => `cài Node.js ${p.min} LTS hoặc mới hơn: https://nodejs.org`, (p) => `install Node.js ${p.min} LTS or later: https://nodejs.org`),
  'doctor/cache': m(() => 'Thư mục bộ nhớ đệm', () => 'Cache folder'),
  'doctor/cache-off': m(() => 'tắt (KEHOACH_CACHE=0)', () => 'off (KEHOACH_CACHE=0)'),
  'doctor/cache-later': m((p) => `${p.dir} (chưa có, sẽ được tạo khi cần)`, (p) => `${p.dir} (not there yet, made on first use)`),
  'doctor/cache-cannot': m((p) => `không tạo được ${p.dir}: không ghi được vào ${p.parent}`, (p) => `${p.dir} cannot be made: ${p.parent} is not writable`),
  'doctor/cache-not-dir': m((p) => `${p.dir} không phải thư mục`, (p) => `${p.dir} is not a folder`),
  'doctor/cache-owner': m((p) => `${p.dir} thuộc người dùng khác (uid ${p.uid}): không được dùng`, (p) => `${p.dir} belongs to another user (uid ${p.uid}): not used`),
  'doctor/cache-mode': m((p) => `${p.dir} người khác ghi được (quyền ${p.mode}): không được dùng`, (p) => `${p.dir} is writable by others (mode ${p.mode}): not used`),
  'doctor/cache-readonly': m((p) => `không ghi được vào ${p.dir}`, (p) => `${p.dir} is not writable`),
  'doctor/cache-hint': m(
    (p) => `chmod 700 ${p.dir} nếu là thư mục của bạn (hoặc xóa nó: sẽ được tạo lại); đặt KEHOACH_CACHE_DIR để dùng thư mục khác, KEHOACH_CACHE=0 để tắt`,
    (p) => `chmod 700 ${p.dir} if it is yours (or remove it: it is made again); set KEHOACH_CACHE_DIR for another folder, KEHOACH_CACHE=0 to turn it off`,
  ),
  'fix/quyen-han': m((p) => `quyen_han: ${p.value}`, (p) => `quyen_han: ${p.value}`),
  // ---- the language server (kehoach lsp, src/lsp/server.ts)
  'lsp/fix-one': m((p) => `Sửa: ${p.before} → ${p.after}`, (p) => `Fix: ${p.before} → ${p.after}`),
  'lsp/fix-all': m((p) => `Sửa mọi chỗ tự sửa được trong tệp (${p.count} chỗ, như kehoach fix)`, (p) => `Fix everything fixable in the file (${p.count} place(s), as kehoach fix does)`),
  'lsp/other-file': m((p) => `trong ${p.file}:${p.line}:${p.column}: ${p.message}`, (p) => `in ${p.file}:${p.line}:${p.column}: ${p.message}`),
  'lsp/rule-source': m((p) => `Căn cứ: ${p.source}`, (p) => `Source: ${p.source}`),
  'lsp/signing-form': m((p) => `in ra "${p.form}" (khối ${p.khoi})`, (p) => `printed "${p.form}" (family ${p.khoi})`),
  'lsp/numbering': m((p) => `kiểu đánh số của khối ${p.khoi}`, (p) => `the numbering of family ${p.khoi}`),
  'lsp/numbering-level': m((p) => `cấp ${p.level} của khối ${p.khoi}`, (p) => `level ${p.level} of family ${p.khoi}`),
  'lsp/schema-only-vi': m(() => '', () => '(the plan schema describes its fields in Vietnamese)'),
  'batch/write-failed': m((p) => `không ghi được ${p.file}: ${p.reason}`, (p) => `cannot write ${p.file}: ${p.reason}`),
  'batch/manifest-failed': m(
    (p) => `không ghi được manifest ${p.file}: ${p.reason}; kết quả từng kế hoạch ở trên`,
    (p) => `cannot write the manifest ${p.file}: ${p.reason}; the result of each plan is above`,
  ),
  'batch/locked': m(
    (p) => `thư mục đích ${p.dir} đang được một lệnh batch khác ghi (tiến trình ${p.pid}); chờ lệnh đó xong hoặc xóa ${p.lock} nếu nó đã dừng`,
    (p) => `the output folder ${p.dir} is being written by another batch (process ${p.pid}); wait for it or delete ${p.lock} if it has stopped`,
  ),
  'batch/outside-link': m(
    (p) => `không ghi ${p.output}: thư mục con là liên kết (symlink) trỏ ra ngoài thư mục đích`,
    (p) => `not writing ${p.output}: a sub-folder is a symbolic link leading outside the output folder`,
  ),
  'io/ENOSPC': m(() => 'ổ đĩa đầy', () => 'the disk is full'),
  'io/EACCES': m(() => 'không có quyền ghi', () => 'permission denied'),
  'io/EPERM': m(() => 'không được phép ghi', () => 'operation not permitted'),
  'io/EROFS': m(() => 'ổ đĩa chỉ đọc', () => 'read-only file system'),
  'io/ENOTDIR': m(() => 'một phần của đường dẫn là tệp, không phải thư mục', () => 'part of the path is a file, not a folder'),
  'io/EDQUOT': m(() => 'hết hạn mức dung lượng', () => 'disk quota exceeded'),
  'io/EISDIR': m(() => 'đó là một thư mục', () => 'it is a folder'),
  'io/ELOOP': m(() => 'vòng lặp liên kết tượng trưng', () => 'a loop of symbolic links'),
  'io/ENXIO': m(() => 'không có ai đọc ở đầu kia (socket hay thiết bị không mở được)', () => 'nothing reads at the other end (a socket or device that cannot be opened)'),
  'io/other': m((p) => `lỗi ghi tệp (${p.code})`, (p) => `write error (${p.code})`),

  // ---- CLI: PDF, watch, init, stdin/stdout, commander's own errors (h6)
  'pdf/no-soffice': m(
    () => 'cần LibreOffice để xuất PDF nhưng không tìm thấy lệnh "soffice". Cài đặt: Debian/Ubuntu "sudo apt-get install libreoffice-writer-nogui fonts-liberation2"; Windows/macOS: tải tại https://www.libreoffice.org rồi thêm thư mục chứa soffice vào PATH (hoặc đặt KEHOACH_SOFFICE). Không ghi tệp nào.',
    () => 'PDF output needs LibreOffice, but the "soffice" command was not found. Install it: Debian/Ubuntu "sudo apt-get install libreoffice-writer-nogui fonts-liberation2"; Windows/macOS: download from https://www.libreoffice.org and add the folder holding soffice to PATH (or set KEHOACH_SOFFICE). Nothing was written.',
  ),
  'pdf/failed': m((p) => `LibreOffice không chuyển được sang PDF: ${p.reason}`, (p) => `LibreOffice could not convert to PDF: ${p.reason}`),
  'pdf/timeout': m(
    (p) => `không có tệp PDF mới sau ${p.seconds} giây; đã dừng LibreOffice và mọi tiến trình nó mở`,
    (p) => `no new PDF came for ${p.seconds} s; LibreOffice and every process it started were stopped`,
  ),
  'pdf/exit': m((p) => `LibreOffice dừng với mã lỗi ${p.status}`, (p) => `LibreOffice exited with status ${p.status}`),
  'pdf/signal': m((p) => `LibreOffice bị dừng bởi tín hiệu ${p.signal}`, (p) => `LibreOffice was stopped by signal ${p.signal}`),
  'pdf/no-output': m((p) => `không có tệp PDF cho ${p.file}`, (p) => `no PDF came out for ${p.file}`),
  'batch/pdf-summary': m((p) => `đã ghi ${p.count} tệp PDF`, (p) => `wrote ${p.count} PDF file(s)`),
  'cli/templates-missing': m((p) => `không có thư mục mẫu "${p.dir}" (--templates)`, (p) => `no templates folder "${p.dir}" (--templates)`),
  'cli/missing-file': m((p) => `không có tệp "${p.file}"`, (p) => `no such file "${p.file}"`),
  'cli/stdout-one': m(() => '"-o -" ghi .docx ra stdout: không dùng cùng --pdf hay --watch', () => '"-o -" writes the .docx to stdout: not with --pdf or --watch'),
  'cli/stdout-tty': m(
    () => 'không ghi .docx (tệp nhị phân) ra terminal; chuyển hướng vào tệp (> ke-hoach.docx) hoặc dùng -o ke-hoach.docx',
    () => 'not writing a .docx (a binary file) to a terminal; redirect it to a file (> plan.docx) or use -o plan.docx',
  ),
  'cli/stdout-failed': m((p) => `không ghi được ra stdout: ${p.reason}`, (p) => `cannot write to stdout: ${p.reason}`),
  'cli/not-ours': m(
    (p) => `${p.file} đã có và không do kehoach tạo ra (có thể là bản gốc của cơ quan): không ghi đè; chọn tên khác bằng -o, hoặc thêm --force-overwrite để thay nó`,
    (p) => `${p.file} exists and was not written by kehoach (it may be the office's original): not overwritten; choose another name with -o, or add --force-overwrite to replace it`,
  ),
  'cli/dotfiles-skipped': m(
    (p) => `bỏ qua ${p.count} tệp .yaml có tên (hoặc thư mục) bắt đầu bằng dấu chấm: ${p.files}; ghi rõ tên tệp để kiểm tra chúng`,
    (p) => `skipped ${p.count} .yaml file(s) whose name (or folder) begins with a dot: ${p.files}; name them explicitly to include them`,
  ),
  'cli/watch-stdin': m(() => '--watch cần một tệp kế hoạch, không phải "-"', () => '--watch needs a plan file, not "-"'),
  'cli/stdin-many': m(() => '"-" (stdin) chỉ dùng một mình, không kèm tệp khác', () => '"-" (stdin) stands alone, not with other files'),
  'watch/start': m(
    (p) => `đang theo dõi ${p.count} tệp (kế hoạch, _defaults.yaml, ke_thua); lưu tệp để kết xuất lại, Ctrl+C để dừng`,
    (p) => `watching ${p.count} file(s) (plan, _defaults.yaml, ke_thua); save to re-render, Ctrl+C to stop`,
  ),
  'watch/changed': m((p) => `[${p.time}] ${p.file} thay đổi`, (p) => `[${p.time}] ${p.file} changed`),
  'init/written': m((p) => `đã tạo ${p.file}`, (p) => `created ${p.file}`),
  'init/not-a-folder': m(
    (p) => `không tạo được kế hoạch: ${p.dir} đã có và không phải thư mục; hãy chọn thư mục khác hoặc đổi tên nó`,
    (p) => `cannot create the plan: ${p.dir} exists and is not a folder; choose another folder or rename it`,
  ),
  'init/not-a-file': m(
    (p) => `không tạo được kế hoạch: ${p.file} đã có và không phải tệp thường (thư mục hay thiết bị); hãy đổi tên hoặc xóa nó`,
    (p) => `cannot create the plan: ${p.file} exists and is not a regular file (a folder or a device); rename or remove it`,
  ),
  'init/cannot-write': m((p) => `không ghi được ${p.file}: ${p.reason}`, (p) => `cannot write ${p.file}: ${p.reason}`),
  'init/exists': m(
    (p) => `giữ nguyên ${p.file}: tệp đã có (dùng --force để ghi đè)`,
    (p) => `kept ${p.file}: it already exists (use --force to overwrite)`,
  ),
  'init/overwritten': m((p) => `đã ghi đè ${p.file} (--force)`, (p) => `overwrote ${p.file} (--force)`),
  'init/next': m(
    (p) => `Tiếp theo: sửa ${p.plan}, rồi chạy "npx kehoach validate ${p.plan}" và "npx kehoach render ${p.plan} --pdf".`,
    (p) => `Next: edit ${p.plan}, then run "npx kehoach validate ${p.plan}" and "npx kehoach render ${p.plan} --pdf".`,
  ),
  'init/cancelled': m(() => 'đã hủy, không ghi tệp nào', () => 'cancelled, nothing written'),
  'init/bad-khoi': m(
    (p) => `--khoi "${p.value}" không phải một khối của ${p.dir}; các khối (thư mục có layout.yaml):\n${p.allowed}`,
    (p) => `--khoi "${p.value}" is not a family of ${p.dir}; the families (folders holding a layout.yaml):\n${p.allowed}`,
  ),
  'init/no-families': m(
    (p) => `${p.dir} không có khối nào (thư mục con có layout.yaml); --templates phải là một thư mục mẫu như templates/ của gói`,
    (p) => `${p.dir} holds no family (a sub-folder with a layout.yaml); --templates must be a templates folder like the package's templates/`,
  ),
  'init/example': m((p) => `ví dụ: ${p.value}`, (p) => `e.g. ${p.value}`),
  'init/ask-khoi': m(() => 'Khối cơ quan ban hành?', () => 'Which family issues the plan?'),
  'init/ask-co-quan': m(() => 'Tên cơ quan ban hành (in hoa)?', () => 'Name of the issuing body (upper case)?'),
  'init/ask-chu-quan': m(() => 'Cơ quan chủ quản (để trống nếu không có)?', () => 'Parent body (leave empty if none)?'),
  'init/ask-viet-tat': m(() => 'Chữ viết tắt tên cơ quan trong số ký hiệu (ví dụ UBND, SLĐTBXH)?', () => 'Abbreviation of the body in the ký hiệu (e.g. UBND, SLĐTBXH)?'),
  'init/ask-dia-danh': m(() => 'Địa danh (ví dụ Hà Nội)?', () => 'Place name (e.g. Hà Nội)?'),
  'init/ask-nguoi-ky': m(() => 'Họ tên người ký?', () => "Signer's full name?"),
  'init/ask-chuc-vu': m(() => 'Chức vụ người ký (in hoa, ví dụ CHỦ TỊCH)?', () => "Signer's title (upper case, e.g. CHỦ TỊCH)?"),
  'init/select-hint': m(() => '(↑/↓ để chọn, Enter để xác nhận)', () => '(↑/↓ to move, Enter to confirm)'),
  'init/required': m(() => 'cần nhập giá trị', () => 'a value is needed'),
  'cli/error-prefix': m(() => 'lỗi', () => 'error'),
  'commander/unknown-option': m((p) => `không có tùy chọn "${p.name}"${p.hint}`, (p) => `unknown option "${p.name}"${p.hint}`),
  'commander/unknown-command': m((p) => `không có lệnh "${p.name}"${p.hint}`, (p) => `unknown command "${p.name}"${p.hint}`),
  'commander/missing-argument': m((p) => `thiếu tham số bắt buộc "${p.name}"`, (p) => `missing required argument "${p.name}"`),
  'commander/option-missing-argument': m((p) => `tùy chọn "${p.name}" cần một giá trị`, (p) => `option "${p.name}" needs a value`),
  'commander/mandatory-option': m((p) => `thiếu tùy chọn bắt buộc "${p.name}"`, (p) => `required option "${p.name}" not given`),
  'commander/conflict': m((p) => `không dùng "${p.a}" cùng với "${p.b}"`, (p) => `"${p.a}" cannot be used with "${p.b}"`),
  'commander/excess': m((p) => `thừa tham số: cần ${p.expected}, nhận ${p.got}`, (p) => `too many arguments: expected ${p.expected}, got ${p.got}`),
  'commander/invalid-choice': m(
    (p) => `giá trị "${p.value}" không hợp lệ cho ${p.name}; chọn một trong: ${p.allowed}`,
    (p) => `invalid value "${p.value}" for ${p.name}; choose one of: ${p.allowed}`,
  ),
  'commander/did-you-mean': m((p) => ` (có phải ý bạn là "${p.name}"?)`, (p) => ` (did you mean "${p.name}"?)`),
  'commander/other': m((p) => `${p.detail}`, (p) => `${p.detail}`),
  'commander/help-hint': m(() => '(thêm --help để xem hướng dẫn)', () => '(add --help for usage)'),

  // ---- import and check of Word documents (h7: src/docx-read, src/import, src/check)
  'docx/not-zip': m((p) => `${p.file}: không phải tệp .docx (không phải gói ZIP của Word)`, (p) => `${p.file}: not a .docx file (not a Word ZIP package)`),
  'docx/ole': m((p) => `${p.file}: là tệp Word 97–2003 (.doc) mang đuôi .docx; hãy đổi đuôi thành .doc hoặc lưu lại dưới dạng .docx`, (p) => `${p.file}: a Word 97–2003 (.doc) file named .docx; rename it to .doc or save it as .docx`),
  'docx/bad-zip': m((p) => `${p.file}: gói ZIP hỏng (${p.detail})`, (p) => `${p.file}: damaged ZIP package (${p.detail})`),
  'docx/no-document': m((p) => `${p.file}: gói ZIP không có phần văn bản chính (word/document.xml); không phải tệp Word`, (p) => `${p.file}: the ZIP has no main document part (word/document.xml); not a Word file`),
  'docx/macros': m((p) => `${p.file}: tệp có macro (vbaProject.bin); kehoach không mở tệp có macro, hãy lưu lại dưới dạng .docx thường`, (p) => `${p.file}: the file contains macros (vbaProject.bin); kehoach does not open macro-enabled files, save it as a plain .docx`),
  'docx/bad-xml': m((p) => `${p.file}: XML hỏng trong tệp Word (${p.detail})`, (p) => `${p.file}: malformed XML in the Word file (${p.detail})`),
  'docx/too-large': m((p) => `${p.file}: nội dung giải nén vượt ${p.limit} byte; từ chối đọc`, (p) => `${p.file}: unpacked content exceeds ${p.limit} bytes; refused`),
  'docx/size-lie': m((p) => `${p.file}: gói ZIP hỏng hoặc giả mạo: phần ${p.part} giải nén ra nhiều hơn kích thước nó khai báo (${p.limit} byte); từ chối đọc`, (p) => `${p.file}: damaged or forged ZIP package: part ${p.part} unpacks to more than the size it declares (${p.limit} bytes); refused`),
  'docx/part-too-large': m((p) => `${p.file}: phần ${p.part} giải nén ra hơn ${p.limit} byte (một kế hoạch chỉ vài trăm KB); từ chối đọc`, (p) => `${p.file}: part ${p.part} unpacks to more than ${p.limit} bytes (a plan is a few hundred KB); refused`),
  'docx/xml-too-large': m((p) => `${p.file}: các phần XML giải nén ra hơn ${p.limit} byte (một kế hoạch chỉ vài trăm KB); từ chối đọc`, (p) => `${p.file}: the XML parts unpack to more than ${p.limit} bytes (a plan is a few hundred KB); refused`),
  'docx/text-too-long': m((p) => `${p.file}: văn bản dài hơn ${p.limit} ký tự (một kế hoạch chỉ vài chục nghìn); từ chối đọc`, (p) => `${p.file}: the text is longer than ${p.limit} characters (a plan has a few tens of thousands); refused`),
  'docx/para-too-long': m((p) => `${p.file}: có đoạn văn dài hơn ${p.limit} ký tự; từ chối đọc`, (p) => `${p.file}: a paragraph is longer than ${p.limit} characters; refused`),
  'docx/too-deep': m((p) => `${p.file}: phần ${p.part} lồng các thẻ XML sâu hơn ${p.limit} tầng; từ chối đọc`, (p) => `${p.file}: part ${p.part} nests XML elements deeper than ${p.limit} levels; refused`),
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
  'import/fidelity': m(
    (p) => `cấu trúc khi kết xuất lại rồi nhập lại: ${p.pct}% (${p.recovered}/${p.total} trường lấy lại được từ văn bản nguồn)`,
    (p) => `structure after render and import again: ${p.pct}% (${p.recovered}/${p.total} fields recovered from the source)`,
  ),
  'import/fidelity-part': m(
    (p) => `  ${FIDELITY_PART_VI[p.part] ?? p.part}: ${p.recovered}/${p.total}${p.why ? ` (${p.why})` : ''}`,
    (p) => `  ${FIDELITY_PART_EN[p.part] ?? p.part}: ${p.recovered}/${p.total}${p.why ? ` (${p.why})` : ''}`,
  ),
  'import/fidelity-kind': m((p) => `${p.n} ${FIDELITY_KIND_VI[p.kind] ?? p.kind}`, (p) => `${p.n} ${FIDELITY_KIND_EN[p.kind] ?? p.kind}`),
  'import/fidelity-field': m(
    (p) => `    ${FIDELITY_KIND_VI[p.kind] ?? p.kind}: ${p.path}${p.detail ? ` — ${p.detail}` : ''}`,
    (p) => `    ${FIDELITY_KIND_EN[p.kind] ?? p.kind}: ${p.path}${p.detail ? ` — ${p.detail}` : ''}`,
  ),
  'import/fidelity-more': m((p) => `    … và ${p.n} trường khác`, (p) => `    … and ${p.n} more fields`),
  'import/invalid': m((p) => `kế hoạch nhập được chưa hợp lệ (${p.count} lỗi); vẫn ghi tệp YAML để sửa tay`, (p) => `the imported plan is not valid yet (${p.count} error(s)); the YAML is written for you to fix`),
  'import/render-collides': m((p) => `kết xuất ${p.file} sẽ ghi vào ${p.source}, tệp gốc: kehoach không ghi đè tệp đó (trừ khi có --force-overwrite); nên đặt tên khác, ví dụ -o ${p.suggest}`, (p) => `rendering ${p.file} would write ${p.source}, the original: kehoach will not replace it (unless --force-overwrite); better use another name, e.g. -o ${p.suggest}`),
  'import/chua-dien': m(
    (p) => `${p.count} giá trị văn bản nguồn không có, để là "…" trong ${p.file}: điền vào (validate, render và check báo lỗi import/chua-dien đến khi điền)`,
    (p) => `${p.count} value(s) the source does not give, left as "…" in ${p.file}: fill them in (validate, render and check report import/chua-dien until they are)`,
  ),
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

/** A file-system error as a short phrase in the chosen language ("ổ đĩa đầy" for ENOSPC …). */
export function ioReason(e: unknown, lang: Lang = 'vi'): string {
  const code = (e as NodeJS.ErrnoException | null)?.code ?? 'EIO';
  const key = `io/${code}`;
  return key in catalogue ? msg(key as MessageKey, lang) : msg('io/other', lang, { code });
}

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
