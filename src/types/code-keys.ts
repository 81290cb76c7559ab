/* Generated from schemas/ke-hoach.schema.json by scripts/gen-types.mjs. Do not edit: run `npm run gen:types`. */

/**
 * Keys whose values are codes, dates, numbers or choices, not text printed as typed (from the schema: marked
 * `"x-ma": true`, or shaped as a code: an enum, a pattern, a date format, a number or boolean). The rules' text walk
 * (src/rules/types.ts) does not enter them, and a `# note` after one of them is the YAML comment its writer meant
 * (src/load.ts, src/load-fast.ts).
 */
export const CODE_KEYS: ReadonlySet<string> = new Set([
  'cach_doan', 'cach_truoc', 'cao_dong', 'co_chu', 'co_chu_noi_nhan', 'danh_so', 'danh_so_con', 'danh_so_trang',
  'dau_ket', 'den', 'gach_chan', 'gian_dong', 'han', 'huong_giay', 'ke_thua', 'khoang_ky',
  'khoi', 'kieu_dong', 'kieu_liet_ke', 'kieu_tieu_de', 'ky_hieu', 'ky_hieu_cung_dong', 'loai_van_ban', 'mau_sang_trang',
  'mot_dong', 'ngay_ban_hanh', 'nghieng', 'ngoac_kep', 'nhiem_ky', 'quoc_hieu', 'quyen_han', 'rong',
  'so', 'so_ban', 'so_dong', 'so_trang', 'thu_tu', 'thut_dau', 'tm_dam', 'tu',
  'vi_tri', 'vi_tri_nhiem_vu', 'viet_tat_co_quan',
]);
