/**
 * The message catalogue: every message the tool shows, in Vietnamese (default) and English.
 * Nothing else in the code writes user-facing prose; callers pick a key and pass parameters.
 */

export type Lang = 'vi' | 'en';

type P = Record<string, string | number>;
type Entry = { vi: (p: P) => string; en: (p: P) => string };

const m = (vi: (p: P) => string, en: (p: P) => string): Entry => ({ vi, en });

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
  'plan/signature-head': m(
    (p) => `quyen_han ${p.value} cần "thu_truong" (chức danh người đứng đầu)`,
    (p) => `quyen_han ${p.value} needs "thu_truong" (the head's title)`,
  ),
  'plan/phase-order': m(
    (p) => `đợt kết thúc (${p.den}) trước khi bắt đầu (${p.tu})`,
    (p) => `the phase ends (${p.den}) before it starts (${p.tu})`,
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
