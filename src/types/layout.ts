/* Generated from schemas/layout.schema.json by scripts/gen-types.mjs. Do not edit: run `npm run gen:types`. */

/**
 * Mã hình thức ký: TM (thay mặt tập thể), KT (ký thay người đứng đầu), TL (thừa lệnh), TUQ (thừa ủy quyền), Q (quyền) — NĐ 30/2020 PL I mục II.7.
 */
export type QuyenHanMa = 'TM' | 'KT' | 'TL' | 'TUQ' | 'Q';
/**
 * Một dòng chữ, hoặc danh sách các dòng.
 *
 * @minItems 1
 */
export type DongChu = string | [string, ...string[]];

/**
 * Dữ liệu thể thức của một khối cơ quan ban hành: khổ giấy, lề, cỡ chữ, kiểu chữ theo vai trò, mẫu chữ (số, ngày, quyền hạn, nơi nhận), khoảng cho phép khi kiểm tra .docx và giá trị mẫu của kehoach init. Đơn vị: mm cho độ dài, pt cho cỡ chữ và khoảng cách đoạn. Mỗi giá trị ghi nguồn trong chú thích của tệp. Một tệp có ke_thua là một lớp phủ lên khối cha: chỉ ghi những gì khác (bảng khóa gộp sâu, danh sách và giá trị thay thế, null bỏ một khóa kế thừa; riêng mỗi vai trò của kieu được thay nguyên). Tệp không có ke_thua (khối gốc) phải ghi đủ mọi khóa bắt buộc. Kiểm tra khi đọc tệp (src/profile.ts), báo lỗi tại dòng, cột của tệp.
 */
export interface LayoutFile {
  /**
   * Tên khối cha (thư mục cùng cấp trong thư mục mẫu) mà tệp này phủ lên, ví dụ nha_nuoc. Không có: tệp là khối gốc, phải ghi đủ mọi khóa.
   */
  ke_thua?: string;
  /**
   * Tên hiển thị của khối kèm văn bản quy định, ví dụ "Nhà nước (NĐ 30/2020/NĐ-CP)" (kehoach init liệt kê; không có thì dùng tên thư mục).
   */
  ten?: string;
  trang?: Trang;
  /**
   * Phông chữ của văn bản, ví dụ Times New Roman — NĐ 30/2020 PL I mục I.1 (TCVN 6909:2001).
   */
  phong_chu?: string;
  gach?: Gach;
  cot?: Cot;
  /**
   * Chữ viết tắt tên loại văn bản khối chấp nhận trong số, ký hiệu (KH, QĐ, …) — NĐ 30/2020 Phụ lục III; HD 36-HD/VPTW (Đảng).
   *
   * @minItems 1
   */
  loai_van_ban?: [string, ...string[]];
  /**
   * Số dòng trống dành cho chữ ký và dấu, dòng (thực tiễn 3–4 dòng).
   */
  khoang_ky?: number;
  /**
   * Kiểu số thứ tự của các cấp mục, từ cấp 1, ví dụ ['I.', '1.', 'a)'] — NĐ 30/2020 PL I mục II.6; ['I-', '1.', 'a)'] — HD 36.
   *
   * @minItems 1
   */
  danh_so?: [string, ...string[]];
  /**
   * Ký hiệu gạch đầu dòng theo cấp, ví dụ ['-', '+'] (thực tiễn).
   *
   * @minItems 1
   */
  gach_dau_dong?: [string, ...string[]];
  mau?: Mau;
  trinh_bay?: TrinhBay;
  /**
   * Kiểu đoạn và kiểu chữ theo vai trò (mỗi vai trò là một kiểu đoạn có tên trong .docx). Khối con ghi lại một vai trò thì thay nguyên kiểu của vai trò đó. co_cho_phep, dam_cho_phep: những gì văn bản quy định cho phép (kehoach check, trinh_bay đọc).
   */
  kieu?: {
    [k: string]: KieuVaiTro;
  };
  kiem_tra?: KiemTra;
  khoi_tao?: KhoiTao;
  nhan_dien?: NhanDien;
}
/**
 * Khổ giấy và lề trang, mm — NĐ 30/2020 Phụ lục I mục I.2 (A4), I.4 (lề).
 */
export interface Trang {
  /**
   * Chiều rộng trang, mm (A4: 210 — PL I mục I.2).
   */
  rong?: number;
  /**
   * Chiều cao trang, mm (A4: 297 — PL I mục I.2).
   */
  cao?: number;
  /**
   * Lề trên, mm (20–25 — PL I mục I.4).
   */
  le_tren?: number;
  /**
   * Lề dưới, mm (20–25 — PL I mục I.4).
   */
  le_duoi?: number;
  /**
   * Lề trái, mm (30–35 — PL I mục I.4).
   */
  le_trai?: number;
  /**
   * Lề phải, mm (15–20 — PL I mục I.4).
   */
  le_phai?: number;
  /**
   * Khoảng cách từ mép trên tới số trang (đầu trang) và từ mép dưới tới chân trang, mm (10: bản docx chính thức của NĐ 30).
   */
  dau_trang?: number;
}
/**
 * Đường kẻ dưới tên cơ quan, tiêu ngữ, trích yếu (PL I chỉ quy định "nét liền").
 */
export interface Gach {
  /**
   * Độ dày nét kẻ, pt.
   */
  day?: number;
  /**
   * Khoảng cách từ dòng chữ tới đường kẻ, pt (LibreOffice cần ≥ 4 pt để nét không chạm dấu).
   */
  cach_tren?: number;
}
/**
 * Độ rộng cột của bảng đầu trang và bảng cuối (nơi nhận | chữ ký), mm — NĐ 30/2020 PL I mục IV (sơ đồ bố trí).
 */
export interface Cot {
  /**
   * [cột trái (ô 2, 3), cột phải (ô 1, 4)] của bảng đầu trang, mm.
   *
   * @minItems 2
   * @maxItems 2
   */
  dau_trang?: [number, number];
  /**
   * [cột Nơi nhận, cột chữ ký] của bảng cuối văn bản, mm.
   *
   * @minItems 2
   * @maxItems 2
   */
  ket?: [number, number];
  /**
   * Độ lệch của bảng đầu trang so với lề, mm (âm: lấn vào lề, như PL III Mẫu 1.4).
   */
  lech_dau_trang?: number;
}
/**
 * Mẫu chữ của khối: số và ký hiệu, địa danh và ngày, quyền hạn ký, nơi nhận, dấu kết thúc, nhãn phân công. {ten} trong mẫu là chỗ điền.
 */
export interface Mau {
  /**
   * Mẫu dòng số và ký hiệu (ô 3) với {so}, {loai}, {co_quan}: 'Số: {so}/{loai}-{co_quan}' — NĐ 30/2020 PL I mục II.3; 'Số {so}-{loai}/{co_quan}' — HD 36 mục 1.3.
   */
  so_ky_hieu?: string;
  /**
   * Chữ thay số khi văn bản là dự thảo (để trống số) — PL I mục II.3.
   */
  so_du_thao?: string;
  /**
   * Mẫu dòng địa danh và ngày (ô 4) với {dia_danh}, {ngay}, {thang}, {nam} — PL I mục II.4.
   */
  ngay?: string;
  /**
   * Mẫu dòng địa danh và ngày của dự thảo (ngày, tháng để trống).
   */
  ngay_du_thao?: string;
  /**
   * Mẫu dòng địa danh và ngày của dự thảo đã ghi tháng (ngày để trống), khi ngay_ban_hanh là YYYY-MM. Không có thì in như ngay_du_thao (chỉ năm).
   */
  ngay_du_thao_thang?: string;
  quyen_han?: QuyenHan;
  /**
   * Hình thức ký hướng dẫn của khối không nêu: dùng thì cảnh báo [chu-ky/dang-quyen-han] (HD 36 mục 1.7 chỉ nêu T/M, K/T, T/L).
   */
  quyen_han_khong_dung?: QuyenHanMa[] | null;
  /**
   * true: cấp phó ký thay mặt tập thể ghi "TM. <tập thể>" rồi "KT. <người đứng đầu>" — NĐ 30/2020 PL I mục II.7; false: ký T/M trực tiếp (Đảng).
   */
  cap_pho_tm_kem_kt?: boolean | null;
  /**
   * Kỳ đánh số văn bản trong sổ: nam (theo năm — NĐ 30/2020 Điều 15) hoặc nhiem_ky (theo nhiệm kỳ cấp ủy — HD 36).
   */
  so_theo?: 'nam' | 'nhiem_ky' | null;
  /**
   * true: tiêu đề mục cấp 1 (I., II., …) in hoa — NĐ 30/2020 PL I mục II.6 [tieu-de/in-hoa].
   */
  tieu_de_1_in_hoa?: boolean | null;
  /**
   * Tập thể mà Chủ tịch, Phó Chủ tịch ký "TM. <tập thể>" khi tập thể ban hành văn bản (Ban Thường trực của Mặt trận) [chu-ky/mat-tran-tm].
   */
  tm_tap_the?: string | null;
  /**
   * Chữ đầu khối nơi nhận (ô 9b), ví dụ 'Nơi nhận:' — PL I mục II.9.
   */
  noi_nhan?: string;
  /**
   * Dấu cuối mỗi dòng nơi nhận, ví dụ ';' — PL I mục II.9.
   */
  noi_nhan_cuoi?: string;
  /**
   * Mẫu dòng lưu với {noi}, ví dụ 'Lưu: {noi}.' — PL I mục II.9; 'Lưu {noi}.' — HD 36.
   */
  luu?: string;
  /**
   * Nơi lưu đầu tiên bắt buộc của dòng lưu, ví dụ VT (văn thư) — PL I mục II.9 [noi-nhan/luu-vt]; null: khối không bắt buộc.
   */
  luu_dau?: string | null;
  /**
   * Mẫu ký hiệu người soạn thảo và số lượng bản (ô 12) với {ky_hieu}, ví dụ 'PL.(300)' — PL I mục II.12.
   */
  ky_hieu_nguoi_soan?: string;
  /**
   * Mẫu số lượng bản phát hành với {so_ban}, ví dụ '({so_ban})' — PL I mục II.12.
   */
  so_ban?: string;
  /**
   * Dấu kết thúc văn bản, ví dụ './.' — NĐ 30/2020 PL III.
   */
  dau_ket?: string;
  /**
   * Chữ đầu tên phụ lục, ví dụ 'Phụ lục' — PL I mục III.
   */
  phu_luc?: string;
  /**
   * Mẫu dòng "Kèm theo" dưới tên phụ lục với {ten_loai}, {so_ky_hieu}, {ngay} — PL I mục III.
   */
  kem_theo?: string;
  /**
   * Lời dẫn giữa tên đợt thi đua và chủ đề, ví dụ 'với chủ đề'.
   */
  loi_dan_dot?: string;
  nhiem_vu?: NhiemVu;
  bang_nhiem_vu?: BangNhiemVu;
  mau_bieu?: MauBieu;
}
/**
 * Chữ của từng hình thức ký in trước tập thể hoặc người đứng đầu: 'TM.', 'KT.' … — NĐ 30/2020 PL I mục II.7; 'T/M', 'K/T' … — HD 36 mục 1.7.
 */
export interface QuyenHan {
  /**
   * Thay mặt tập thể.
   */
  TM?: string;
  /**
   * Ký thay người đứng đầu.
   */
  KT?: string;
  /**
   * Thừa lệnh.
   */
  TL?: string;
  /**
   * Thừa ủy quyền.
   */
  TUQ?: string;
  /**
   * Quyền (cấp phó được giao quyền cấp trưởng).
   */
  Q?: string;
}
/**
 * Nhãn các dòng phân công dưới một nhiệm vụ ("- Chủ trì: …"); kế hoạch đổi được bằng trinh_bay.nhiem_vu.
 */
export interface NhiemVu {
  /**
   * Nhãn nội dung.
   */
  noi_dung?: string;
  /**
   * Nhãn đơn vị chủ trì.
   */
  chu_tri?: string;
  /**
   * Nhãn đơn vị tham mưu.
   */
  tham_muu?: string;
  /**
   * Nhãn đơn vị thực hiện.
   */
  thuc_hien?: string;
  /**
   * Nhãn đơn vị phối hợp.
   */
  phoi_hop?: string;
  /**
   * Nhãn thời gian thực hiện.
   */
  thoi_gian?: string;
  /**
   * Nhãn kết quả.
   */
  ket_qua?: string;
}
/**
 * Tiêu đề các cột của bảng phân công nhiệm vụ (bang_nhiem_vu của kế hoạch).
 */
export interface BangNhiemVu {
  /**
   * Cột số thứ tự.
   */
  tt?: string;
  /**
   * Cột nội dung.
   */
  noi_dung?: string;
  /**
   * Cột chủ trì.
   */
  chu_tri?: string;
  /**
   * Cột tham mưu.
   */
  tham_muu?: string;
  /**
   * Cột thực hiện.
   */
  thuc_hien?: string;
  /**
   * Cột phối hợp.
   */
  phoi_hop?: string;
  /**
   * Cột thời gian.
   */
  thoi_gian?: string;
  /**
   * Cột kết quả.
   */
  ket_qua?: string;
}
/**
 * Chữ mặc định của mẫu biểu kèm theo (biên bản, phiếu, danh sách) — thực tiễn các mẫu [UNCONFIRMED]; thiếu khóa nào thì dùng giá trị sẵn có của chương trình.
 */
export interface MauBieu {
  /**
   * Tên cơ quan để trống ở đầu mẫu, giải thích ở Ghi chú (1), ví dụ '(1)……………'.
   */
  co_quan_trong?: string;
  /**
   * Dòng địa danh, ngày để trống của mẫu.
   */
  ngay_trong?: string;
  /**
   * Dòng dưới chức danh ở chỗ ký của mẫu, ví dụ '(ký, ghi rõ họ tên)'.
   */
  ky_ghi_chu?: string;
  /**
   * Chữ đầu phần ghi chú của mẫu, ví dụ 'Ghi chú:'.
   */
  ghi_chu?: string;
  /**
   * Mẫu số ghi chú với {n}, ví dụ '({n})'.
   */
  so_ghi_chu?: string;
  /**
   * Chiều cao dòng trống của bảng trong mẫu, mm.
   */
  cao_dong?: number;
  /**
   * Tên cột số thứ tự của bảng trong mẫu (so không phân biệt hoa thường), ví dụ ["TT", "STT"]: các ô của cột này căn giữa.
   */
  cot_so?: string[];
}
/**
 * Giá trị cơ quan được chọn (khóa trinh_bay: của kế hoạch hoặc _defaults.yaml; src/layout/house-style.ts): khoảng cho phép và các vai trò mỗi giá trị áp dụng. Khung của cỡ chữ nội dung, nơi nhận là co_cho_phep của kieu.than, kieu.noi_nhan.
 */
export interface TrinhBay {
  khung?: Khung;
  /**
   * Các vai trò (khóa của kieu) nhận cỡ chữ, giãn dòng, cách đoạn, lùi đầu dòng của nội dung; chỉ đổi ở vai trò đang cùng giá trị với than.
   */
  vai_noi_dung?: string[];
  /**
   * Các vai trò (khóa của kieu) nhận cỡ chữ nơi nhận (trinh_bay.co_chu_noi_nhan).
   */
  vai_noi_nhan?: string[];
}
/**
 * Khoảng cho phép của từng giá trị; ngoài khung vẫn áp dụng, có cảnh báo [trinh-bay/ngoai-khung].
 */
export interface Khung {
  /**
   * Giãn dòng, bội số dòng đơn (1–1,5 — NĐ 30/2020 PL I mục II.6); "Npt" tính theo 1 dòng ≈ 1,15 × cỡ chữ. [thấp nhất, cao nhất]; null: không giới hạn phía đó.
   *
   * @minItems 2
   * @maxItems 2
   */
  gian_dong?: [number | null, number | null];
  /**
   * Cách đoạn (sau), pt; cùng cach_truoc là khoảng cách giữa hai đoạn (tối thiểu 6 — PL I mục II.6). [thấp nhất, cao nhất]; null: không giới hạn phía đó.
   *
   * @minItems 2
   * @maxItems 2
   */
  cach_doan?: [number | null, number | null];
  /**
   * Cách đoạn trước (spacing before), pt: phần trước của khoảng cách giữa hai đoạn (PL I mục II.6 chỉ quy định tổng, tối thiểu 6 pt, xét ở cach_doan). [thấp nhất, cao nhất]; null: không giới hạn phía đó.
   *
   * @minItems 2
   * @maxItems 2
   */
  cach_truoc?: [number | null, number | null];
  /**
   * Lùi đầu dòng, mm (10–12,7 — PL I mục II.6). [thấp nhất, cao nhất]; null: không giới hạn phía đó.
   *
   * @minItems 2
   * @maxItems 2
   */
  thut_dau?: [number | null, number | null];
}
/**
 * Kiểu đoạn và kiểu chữ của một vai trò. Cỡ chữ, khoảng cách đoạn: pt; độ lùi: mm.
 */
export interface KieuVaiTro {
  /**
   * Tên kiểu đoạn (style) hiện trong Word, ví dụ "Thân văn bản" (mã kiểu w:styleId vẫn là tên vai trò); không có dấu phẩy (Word dùng dấu phẩy để ngăn các tên gọi khác). Không kế thừa theo ke_thua của kiểu: thiếu thì tên là mã vai trò.
   */
  ten?: string;
  /**
   * Cỡ chữ, pt.
   */
  co?: number;
  /**
   * [nhỏ nhất, lớn nhất] cỡ chữ văn bản quy định cho vai trò, pt (NĐ 30/2020 PL I mục II; HD 36 PL 3); phải chứa co. kehoach check xét cỡ chữ của vai trò có khóa này; trinh_bay co_chu, co_chu_noi_nhan áp dụng trong khoảng của than, noi_nhan.
   *
   * @minItems 2
   * @maxItems 2
   */
  co_cho_phep?: [number, number];
  /**
   * In đậm.
   */
  dam?: boolean;
  /**
   * Các kiểu đậm văn bản chấp nhận cho vai trò (mặc định: đúng dam); [true, false] khi in đứng là lựa chọn của cơ quan (dòng quyền hạn, trinh_bay.tm_dam). Phải chứa dam.
   *
   * @minItems 1
   * @maxItems 2
   */
  dam_cho_phep?: [boolean] | [boolean, boolean];
  /**
   * In nghiêng.
   */
  nghieng?: boolean;
  /**
   * Gạch chân.
   */
  gach_chan?: boolean;
  /**
   * Canh lề: trai, giua, phai, deu (canh đều hai bên).
   */
  can?: 'trai' | 'giua' | 'phai' | 'deu';
  /**
   * Lùi dòng đầu, mm.
   */
  thut_dau?: number;
  /**
   * Lùi lề trái của đoạn, mm.
   */
  thut_trai?: number;
  /**
   * Cách trước đoạn, pt.
   */
  truoc?: number;
  /**
   * Cách sau đoạn, pt.
   */
  sau?: number;
  /**
   * Giãn dòng: bội số dòng đơn (0,5–5, ví dụ 1.15) hoặc chiều cao chính xác "Npt" (1–200 pt, ví dụ 18pt).
   */
  dong?: number | string;
  /**
   * Giữ cùng trang với đoạn sau (tiêu đề).
   */
  giu_voi_sau?: boolean;
  /**
   * Lấy kiểu của vai trò khác làm gốc (cả co_cho_phep, dam_cho_phep của nó); kiểu Word của vai trò dựa trên kiểu đó.
   */
  ke_thua?: string;
}
/**
 * Những gì kehoach check đọc ngoài kieu: khổ giấy, lề, phông chữ, các vai trò có kiểu chữ bắt buộc, có đường kẻ dưới, thành phần bắt buộc, số trang. Độ dài: mm.
 */
export interface KiemTra {
  kho_giay?: KhoGiay;
  le?: Le;
  /**
   * Các phông chữ được chấp nhận — PL I mục I.1 (TCVN 6909:2001).
   *
   * @minItems 1
   */
  phong_chu?: [string, ...string[]];
  /**
   * Các vai trò (khóa của kieu) có kiểu chữ bắt buộc (đậm, nghiêng theo kieu) — NĐ 30/2020 PL I mục II.1–II.9.
   */
  kieu_chu?: string[];
  /**
   * Các vai trò có đường kẻ bên dưới — PL I mục II.1, II.2, II.5.
   */
  duong_ke?: string[];
  /**
   * Các vai trò là thành phần thể thức bắt buộc — NĐ 30/2020 Điều 8.
   */
  thanh_phan?: string[];
  so_trang?: SoTrang;
}
/**
 * Khổ giấy, mm — NĐ 30/2020 PL I mục I.2 (A4).
 */
export interface KhoGiay {
  /**
   * Chiều rộng, mm.
   */
  rong?: number;
  /**
   * Chiều cao, mm.
   */
  cao?: number;
  /**
   * Sai số cho phép (làm tròn twips), mm.
   */
  sai_so?: number;
}
/**
 * Khoảng cho phép của từng lề, [nhỏ nhất, lớn nhất] mm — NĐ 30/2020 PL I mục I.4.
 */
export interface Le {
  /**
   * Lề trên, [nhỏ nhất, lớn nhất] mm.
   *
   * @minItems 2
   * @maxItems 2
   */
  tren?: [number, number];
  /**
   * Lề dưới, [nhỏ nhất, lớn nhất] mm.
   *
   * @minItems 2
   * @maxItems 2
   */
  duoi?: [number, number];
  /**
   * Lề trái, [nhỏ nhất, lớn nhất] mm.
   *
   * @minItems 2
   * @maxItems 2
   */
  trai?: [number, number];
  /**
   * Lề phải, [nhỏ nhất, lớn nhất] mm.
   *
   * @minItems 2
   * @maxItems 2
   */
  phai?: [number, number];
}
/**
 * Số trang — PL I mục II.10.
 */
export interface SoTrang {
  /**
   * true: số trang ở đầu trang (giữa lề trên).
   */
  dau_trang?: boolean;
  /**
   * true: trang 1 cũng có số trang (NĐ 30: không).
   */
  trang_dau?: boolean;
}
/**
 * Giá trị mẫu kehoach init ghi vào _defaults.yaml (src/form/families.ts), theo cách viết của kế hoạch; null bỏ một giá trị kế thừa.
 */
export interface KhoiTao {
  /**
   * Cơ quan chủ quản (ô 2, dòng trên tên cơ quan) — PL I mục II.2; null: không có.
   */
  co_quan_chu_quan?: DongChu | null;
  /**
   * Tên cơ quan ban hành (ô 2).
   */
  co_quan_ban_hanh?: DongChu | null;
  /**
   * Chữ viết tắt tên cơ quan trong ký hiệu, ví dụ SNV ("Số: …/KH-SNV") — PL I mục II.3.
   */
  viet_tat_co_quan?: string | null;
  /**
   * Địa danh (ô 4).
   */
  dia_danh?: string | null;
  /**
   * Tập thể ký thay mặt (chữ sau "TM."), khi kế hoạch của khối ký như vậy.
   */
  thay_mat?: string | null;
  /**
   * Chức vụ người ký.
   */
  chuc_vu?: string | null;
  /**
   * Họ tên người ký (tên mẫu).
   */
  ho_ten?: string | null;
  /**
   * Các nơi lưu của dòng lưu, ví dụ [VT] — PL I mục II.9.
   */
  luu?: DongChu | null;
}
/**
 * Dữ liệu nhận diện khối của một văn bản (kehoach import, check). Tạm thời nhận mọi nội dung; lược đồ chi tiết sẽ thêm khi khối này được hợp nhất.
 */
export interface NhanDien {
  [k: string]: unknown;
}
