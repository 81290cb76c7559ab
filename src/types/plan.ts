/* Generated from schemas/ke-hoach.schema.json by scripts/gen-types.mjs. Do not edit: run `npm run gen:types`. */

/**
 * Chọn thể thức: nha_nuoc (NĐ 30/2020/NĐ-CP), dang (HD 36-HD/VPTW), cong_doan (QĐ 933/QĐ-TLĐ).
 */
export type Khoi = 'nha_nuoc' | 'dang' | 'cong_doan';
/**
 * Một chuỗi là một đoạn văn. Một đối tượng là một mục: có tiêu đề (tieu_de) hoặc đoạn văn có số (doan), gạch đầu dòng (gach_dau_dong), đợt thi đua (dot) hoặc bảng (bang, bang_nhiem_vu).
 *
 * This interface was referenced by `KeHoach`'s JSON-Schema
 * via the `definition` "muc".
 */
export type Muc =
  | string
  | {
      /**
       * Tiêu đề, in ra sau số thứ tự, in đậm, ví dụ "MỤC ĐÍCH, YÊU CẦU".
       */
      tieu_de?: string;
      /**
       * Đoạn văn mở đầu bằng số thứ tự của cấp hiện tại, ví dụ "1. Các cấp công đoàn ...". Ghi so: false để không đánh số.
       */
      doan?: string;
      /**
       * Ghi số thứ tự riêng cho mục này (ví dụ "I/"), hoặc false để không đánh số. Mặc định đánh tự động.
       */
      so?: string | boolean;
      /**
       * Kiểu số thứ tự cho các mục con trực tiếp, ví dụ "1-" hoặc "1.1-".
       */
      danh_so_con?: string;
      /**
       * Các ý liệt kê nối tiếp ngay trong đoạn, ví dụ "(1)- ...; (2)- ...". Ghi cả dấu câu cuối mỗi ý.
       *
       * @minItems 1
       *
       * Items: Một ý.
       */
      liet_ke?: [string, ...string[]];
      /**
       * Mặc định "(1)-".
       */
      kieu_liet_ke?: string;
      /**
       * Các mục con và đoạn văn bên trong mục này.
       *
       * @minItems 1
       */
      noi_dung?: [Muc, ...Muc[]];
      /**
       * Danh sách các ý, mỗi ý một đoạn bắt đầu bằng "-"; ý con dùng "+".
       *
       * @minItems 1
       */
      gach_dau_dong?: [Y, ...Y[]];
      /**
       * Ký hiệu thay cho "-" ở gạch đầu dòng.
       */
      ky_hieu?: string;
      nhiem_vu?: NhiemVu;
      dot?: Dot;
      bang?: Bang;
      /**
       * Bảng TT | Nội dung | Chủ trì | Phối hợp | Thời gian | Kết quả; cột nào không có dữ liệu thì bỏ.
       *
       * @minItems 1
       */
      bang_nhiem_vu?: [NhiemVu, ...NhiemVu[]];
    };
/**
 * Chuỗi, hoặc {doan: "...", gach_dau_dong: [...]} khi có ý con.
 *
 * This interface was referenced by `KeHoach`'s JSON-Schema
 * via the `definition` "y".
 */
export type Y =
  | string
  | {
      /**
       * Đoạn văn của ý.
       */
      doan: string;
      /**
       * Các ý con, bắt đầu bằng "+".
       *
       * @minItems 1
       */
      gach_dau_dong?: [Y, ...Y[]];
    };
/**
 * Chuỗi (tên cột) hoặc {ten, rong}.
 */
export type CotItem =
  | string
  | {
      /**
       * Tiêu đề cột.
       */
      ten: string;
      /**
       * Độ rộng tương đối (ví dụ 1, 3).
       */
      rong?: number;
    };
/**
 * Dấu ở cuối đoạn cuối cùng của nội dung. Mặc định theo khối: "./." (NĐ 30/2020, Công đoàn), "./." (Đảng). Ghi "." hoặc "" để giữ nguyên như bản gốc.
 */
export type DauKet = './.' | '.' | '';
/**
 * Mẫu số thứ tự: I (La Mã), 1 (Ả Rập), a (chữ cái tiếng Việt a, b, c, d, đ, e, g, ...), A (chữ in hoa), 1.1 (số cấp trên + số), kèm dấu, ví dụ "I.", "I/", "I-", "1.", "1-", "a)", "1.1-", "(1)-"; hoặc "-", "+" cho gạch đầu dòng.
 *
 * This interface was referenced by `KeHoach`'s JSON-Schema
 * via the `definition` "kieu_so".
 */
export type KieuSo = string;
/**
 * Dấu ngoặc kép tool tự thêm (quanh chủ đề của đợt thi đua): “” (mặc định) hoặc "".
 */
export type NgoacKep = '“”' | '""';
/**
 * Một chuỗi, hoặc một nhóm {nhom: [...], muc_dich: "Báo cáo"}.
 */
export type CacNoiItem =
  | string
  | {
      /**
       * Các nơi nhận chung một mục đích.
       *
       * @minItems 1
       *
       * Items: Một nơi nhận.
       */
      nhom: [string, ...string[]];
      /**
       * Mục đích gửi, in trong ngoặc sau dấu }, ví dụ "Báo cáo", "Gửi mạng".
       */
      muc_dich: string;
    };
/**
 * KT (ký thay; Đảng: K/T), TL (thừa lệnh; Đảng: T/L), TUQ (thừa ủy quyền), Q (quyền). Bỏ trống khi người đứng đầu ký trực tiếp.
 */
export type QuyenHan = 'KT' | 'TL' | 'TUQ' | 'Q';
/**
 * doc (mặc định) hoặc ngang cho bảng rộng.
 */
export type HuongGiay = 'doc' | 'ngang';
/**
 * lai (mặc định): phụ lục đánh số trang lại từ 1; tiep: số trang nối tiếp phần trước.
 */
export type DanhSoTrang = 'lai' | 'tiep';
/**
 * Phần đầu hai cột của mẫu: bên trái tên cơ quan (hoặc chỗ trống "(1)……") và đường kẻ; bên phải Quốc hiệu, Tiêu ngữ; hàng dưới: dòng số và dòng địa danh, ngày. true: phần đầu để trống cho người điền.
 */
export type DauMau =
  | {
      /**
       * Các dòng tên cơ quan bên trái (dòng cuối in đậm). Mặc định "(1)……………" để điền.
       *
       * @minItems 1
       */
      co_quan?: string | [string, ...string[]];
      /**
       * Dòng dưới tên cơ quan, ví dụ "Số: ……/BB". Mặc định không có.
       */
      so?: string;
      /**
       * true (mặc định): in Quốc hiệu và Tiêu ngữ bên phải; false: bỏ.
       */
      quoc_hieu?: boolean;
      /**
       * Mặc định "……, ngày …… tháng …… năm ……" (in nghiêng).
       */
      dia_danh_ngay?: string;
    }
  | boolean;
/**
 * Một chuỗi (đoạn văn), hoặc đúng một trong các khóa: doan, tieu_de, phu_de, dong_trong, truong, bang, cot_ky, ghi_chu.
 *
 * This interface was referenced by `KeHoach`'s JSON-Schema
 * via the `definition` "khoi_mau".
 */
export type KhoiMau =
  | string
  | {
      /**
       * Đoạn văn của mẫu (13 pt, canh đều).
       */
      doan?: string;
      /**
       * Dòng đậm, căn giữa (tên một phần của mẫu).
       *
       * @minItems 1
       */
      tieu_de?: string | [string, ...string[]];
      /**
       * Dòng nghiêng, căn giữa.
       *
       * @minItems 1
       */
      phu_de?: string | [string, ...string[]];
      /**
       * Đi với doan, tieu_de, phu_de: gạch chân cả khối chữ (ví dụ dòng "Phần dành cho cử tri").
       */
      gach_chan?: boolean;
      /**
       * Nhãn (có thể để "") rồi dấu chấm tới lề phải, để viết tay: không giãn chữ, căn trái, không thụt đầu dòng. Ví dụ "Họ và tên:".
       */
      dong_trong?: string;
      /**
       * Đi với dong_trong: tổng số dòng để điền (các dòng sau chỉ có dấu chấm). Mặc định 1.
       */
      so_dong?: number;
      kieu_dong?: KieuDong;
      /**
       * Nhiều nhãn trên cùng một dòng, chia đều bề rộng, mỗi nhãn có dấu chấm để điền, ví dụ ["Họ và tên:", "Năm sinh:"].
       *
       * @minItems 1
       * @maxItems 4
       *
       * Items: Nhãn của trường.
       */
      truong?: [string] | [string, string] | [string, string, string] | [string, string, string, string];
      bang?: Bang1;
      /**
       * Hai hoặc ba người ký cạnh nhau (không kẻ khung): chức danh, dòng "(ký, ghi rõ họ tên)", chỗ ký, họ tên nếu có.
       *
       * @minItems 2
       * @maxItems 3
       */
      cot_ky?: [CotKyItem, CotKyItem] | [CotKyItem, CotKyItem, CotKyItem];
      /**
       * Khối "Ghi chú:" với các ghi chú đánh số (1), (2), … (số ứng với các chỗ "(1)……" của mẫu).
       *
       * @minItems 1
       *
       * Items: Lời ghi chú, không ghi số (tool thêm "(1)").
       */
      ghi_chu?: [string, ...string[]];
    };
/**
 * Đi với dong_trong, truong: cham (mặc định, dấu chấm ……) hoặc gach (gạch dưới ____).
 */
export type KieuDong = 'cham' | 'gach';
/**
 * Chuỗi (tên cột) hoặc {ten, rong}.
 */
export type CotItem1 =
  | string
  | {
      /**
       * Tiêu đề cột.
       */
      ten: string;
      /**
       * Độ rộng tương đối (ví dụ 1, 3).
       */
      rong?: number;
    };
/**
 * Chức danh (chuỗi) hoặc {chuc_danh, ghi_chu, ho_ten}.
 */
export type CotKyItem =
  | string
  | {
      /**
       * Ví dụ "THƯ KÝ", "CHỦ TỌA"; in hoa, đậm.
       *
       * @minItems 1
       */
      chuc_danh: string | [string, ...string[]];
      /**
       * Mặc định "(ký, ghi rõ họ tên)", in nghiêng.
       */
      ghi_chu?: string;
      /**
       * Họ tên in sẵn dưới chỗ ký (để trống nếu người ký tự ghi).
       */
      ho_ten?: string;
    };

/**
 * Một KẾ HOẠCH: thể thức theo NĐ 30/2020/NĐ-CP (cơ quan nhà nước), HD 36-HD/VPTW (cơ quan Đảng) hoặc QĐ 933/QĐ-TLĐ (Công đoàn). Chữ trong mọi trường được phép dùng *nghiêng*, **đậm** và dấu chú thích [^khóa] (xem chu_thich).
 */
export interface KeHoach {
  /**
   * Đường dẫn (tương đối với tệp này) tới một tệp YAML chứa các giá trị dùng chung (cơ quan, người ký, nơi nhận ...). Bảng khóa được gộp sâu, danh sách được thay thế, giá trị trong kế hoạch được ưu tiên. Các tệp _defaults.yaml trong thư mục của kế hoạch và thư mục cha cũng được áp dụng.
   */
  ke_thua?: string;
  khoi: Khoi;
  /**
   * Tên cơ quan, tổ chức chủ quản trực tiếp (ô 2, dòng trên; với cơ quan Đảng là cơ quan cấp trên trực tiếp), in hoa. Một chuỗi hoặc danh sách các dòng.
   *
   * @minItems 1
   */
  co_quan_chu_quan?: string | [string, ...string[]];
  /**
   * Tên cơ quan, tổ chức ban hành văn bản (ô 2), in hoa, in đậm. Một chuỗi hoặc danh sách các dòng.
   *
   * @minItems 1
   */
  co_quan_ban_hanh: string | [string, ...string[]];
  so_ky_hieu: SoKyHieu;
  /**
   * Địa danh nơi cơ quan ban hành đóng trụ sở (ô 4), ví dụ "Bình Thuận", "Thành phố Hồ Chí Minh".
   */
  dia_danh: string;
  /**
   * Ngày ban hành dạng YYYY-MM-DD (ví dụ 2025-01-05, in ra "ngày 05 tháng 01 năm 2025"). Dự thảo chưa có ngày: chỉ ghi năm, ví dụ "2025".
   */
  ngay_ban_hanh: string;
  /**
   * Tên loại văn bản in hoa (ô 5a). Mặc định "KẾ HOẠCH".
   */
  ten_loai?: string;
  /**
   * Trích yếu nội dung (ô 5a), in thường, không có dấu chấm cuối. Một chuỗi hoặc danh sách các dòng.
   *
   * @minItems 1
   */
  trich_yeu: string | [string, ...string[]];
  /**
   * Các căn cứ, mỗi căn cứ một dòng, in nghiêng (NĐ 30/2020 Phụ lục I mục II.6); dòng cuối kết thúc bằng dấu chấm.
   *
   * @minItems 1
   *
   * Items: Một căn cứ, ví dụ "Căn cứ Luật Thi đua, khen thưởng năm 2022;".
   */
  can_cu?: [string, ...string[]];
  /**
   * Các đoạn văn trước mục I: căn cứ, "Thực hiện ...", tình hình, ... Mỗi phần tử là một đoạn.
   *
   * @minItems 1
   *
   * Items: Một đoạn văn.
   */
  mo_dau?: [string, ...string[]];
  /**
   * Thân kế hoạch: danh sách các mục (I., II., ...) và đoạn văn. Số thứ tự được đánh tự động.
   *
   * @minItems 1
   */
  noi_dung: [Muc, ...Muc[]];
  /**
   * Một hay nhiều đoạn văn sau nội dung, ví dụ "Trên đây là Kế hoạch ...".
   *
   * @minItems 1
   */
  ket_thuc?: string | [string, ...string[]];
  dau_ket?: DauKet;
  /**
   * Kiểu số thứ tự cho từng cấp mục, từ cấp 1. Dùng I (số La Mã), 1 (số Ả Rập), a (chữ cái tiếng Việt), A (chữ cái in hoa), 1.1 (số cấp trên + số), ví dụ ["I.", "1.", "a)"] hoặc ["I-", "1-", "1.1-"].
   *
   * @minItems 1
   * @maxItems 6
   */
  danh_so?:
    | [KieuSo]
    | [KieuSo, KieuSo]
    | [KieuSo, KieuSo, KieuSo]
    | [KieuSo, KieuSo, KieuSo, KieuSo]
    | [KieuSo, KieuSo, KieuSo, KieuSo, KieuSo]
    | [KieuSo, KieuSo, KieuSo, KieuSo, KieuSo, KieuSo];
  ngoac_kep?: NgoacKep;
  thoi_gian_ke_hoach?: ThoiGianKeHoach;
  noi_nhan: NoiNhan;
  nguoi_ky: NguoiKy;
  /**
   * Các phụ lục kèm theo, mỗi phụ lục bắt đầu trang mới sau chữ ký.
   *
   * @minItems 1
   */
  phu_luc?: [PhuLucItem, ...PhuLucItem[]];
  chu_thich?: ChuThich;
}
/**
 * Ô 3. Nhà nước, Công đoàn: "Số: 02/KH-LĐLĐ"; Đảng: "Số 34-KH/BDVTU".
 */
export interface SoKyHieu {
  /**
   * Số thứ tự văn bản (1–9999), số dưới 10 được ghi thêm số 0 phía trước. Để trống (null) khi là dự thảo: "Số:      /KH-UBND".
   */
  so?: number | null;
  /**
   * Chữ viết tắt tên loại văn bản theo Phụ lục III NĐ 30/2020 (KH = Kế hoạch).
   */
  loai_van_ban?: string;
  /**
   * Chữ viết tắt tên cơ quan ban hành (và đơn vị soạn thảo nếu có), in hoa, ví dụ UBND, LĐLĐ, BDVTU.
   */
  viet_tat_co_quan: string;
  /**
   * Khối Đảng: nhiệm kỳ cấp ủy mà số văn bản được đánh liên tục trong đó (HD 36-HD/VPTW), ví dụ "2020-2025". Dùng khi kiểm tra sổ đăng ký văn bản.
   */
  nhiem_ky?: string;
}
/**
 * Các dòng phân công dưới một nhiệm vụ: Chủ trì, Chịu trách nhiệm tham mưu, Phối hợp, Thời gian thực hiện, Kết quả.
 *
 * This interface was referenced by `KeHoach`'s JSON-Schema
 * via the `definition` "nhiem_vu".
 */
export interface NhiemVu {
  /**
   * Dùng trong bảng phân công nhiệm vụ.
   */
  noi_dung?: string;
  /**
   * Đơn vị, người chủ trì.
   */
  chu_tri?: string;
  /**
   * Đơn vị tham mưu.
   */
  tham_muu?: string;
  /**
   * Đơn vị thực hiện.
   */
  thuc_hien?: string;
  /**
   * Đơn vị phối hợp.
   */
  phoi_hop?: string;
  /**
   * Thời gian thực hiện, ghi bằng lời, ví dụ "Trong tháng 3/2024", "Thường xuyên".
   */
  thoi_gian?: string;
  /**
   * Hạn hoàn thành YYYY-MM-DD (dùng để kiểm tra; không in ra).
   */
  han?: string;
  /**
   * Sản phẩm, kết quả.
   */
  ket_qua?: string;
  /**
   * Các dòng có nhãn riêng.
   *
   * @minItems 1
   */
  khac?: [KhacItem, ...KhacItem[]];
}
/**
 * {nhan: "Kinh phí", noi_dung: "..."}
 */
export interface KhacItem {
  /**
   * Nhãn in nghiêng.
   */
  nhan: string;
  /**
   * Nội dung sau nhãn.
   */
  noi_dung: string;
}
/**
 * Một đợt thi đua hoặc giai đoạn: "Đợt 1: Từ tháng 01/2020 đến 30/6/2020 với chủ đề “...”. ..."
 *
 * This interface was referenced by `KeHoach`'s JSON-Schema
 * via the `definition` "dot".
 */
export interface Dot {
  /**
   * Ví dụ "Đợt 1", "Giai đoạn 1".
   */
  ten: string;
  /**
   * Bắt đầu: YYYY-MM (in "tháng 01/2020") hoặc YYYY-MM-DD (in "01/7/2020").
   */
  tu: string;
  /**
   * Kết thúc: YYYY-MM hoặc YYYY-MM-DD.
   */
  den: string;
  /**
   * Chữ trước chủ đề, mặc định "với chủ đề".
   */
  loi_dan?: string;
  /**
   * Chủ đề của đợt, in nghiêng trong ngoặc kép.
   */
  chu_de?: string;
  /**
   * Đoạn văn tiếp theo trong cùng đoạn.
   */
  noi_dung?: string;
}
/**
 * Bảng có kẻ khung: tên cột và các dòng.
 *
 * This interface was referenced by `KeHoach`'s JSON-Schema
 * via the `definition` "bang".
 */
export interface Bang {
  /**
   * Dòng tên bảng, in đậm, căn giữa, phía trên bảng.
   */
  tieu_de?: string;
  /**
   * Tên cột và độ rộng tương đối.
   *
   * @minItems 1
   * @maxItems 12
   */
  cot:
    | [CotItem]
    | [CotItem, CotItem]
    | [CotItem, CotItem, CotItem]
    | [CotItem, CotItem, CotItem, CotItem]
    | [CotItem, CotItem, CotItem, CotItem, CotItem]
    | [CotItem, CotItem, CotItem, CotItem, CotItem, CotItem]
    | [CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem]
    | [CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem]
    | [CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem]
    | [CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem]
    | [CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem]
    | [CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem, CotItem];
  /**
   * Mỗi dòng là một danh sách ô, cùng số ô với số cột.
   *
   * @minItems 1
   */
  dong: [(string | number)[], ...(string | number)[][]];
}
/**
 * Khoảng thời gian kế hoạch áp dụng; các đợt và thời hạn phải nằm trong khoảng này. Mặc định là năm ban hành.
 */
export interface ThoiGianKeHoach {
  /**
   * Ngày bắt đầu, YYYY-MM-DD.
   */
  tu: string;
  /**
   * Ngày kết thúc, YYYY-MM-DD.
   */
  den: string;
}
/**
 * Ô 9b: danh sách nơi nhận, dòng "Lưu" và ký hiệu người soạn thảo.
 */
export interface NoiNhan {
  /**
   * Mỗi phần tử là một nơi nhận (một dòng, tool tự thêm "-" ở đầu và dấu ";" ở cuối) hoặc một nhóm có mục đích chung như "(Báo cáo)".
   *
   * @minItems 1
   */
  cac_noi: [CacNoiItem, ...CacNoiItem[]];
  /**
   * Nơi lưu văn bản: danh sách, ví dụ [VT, VP] → "- Lưu: VT, VP."; hoặc một chuỗi ghi nguyên văn dòng lưu, ví dụ "Lưu VP, CSPL.".
   *
   * @minItems 1
   */
  luu: [string, ...string[]] | string;
  /**
   * Ô 12: chữ viết tắt tên người soạn thảo / đánh máy, ví dụ "PL" hoặc "Trâm".
   */
  ky_hieu_nguoi_soan?: string;
  /**
   * Ô 12: số lượng bản phát hành, ví dụ 300 → "PL.(300)".
   */
  so_ban?: number;
  /**
   * true: ghi ký hiệu người soạn thảo ngay sau dòng "Lưu" (như nhiều văn bản thực tế); mặc định false: dòng riêng dưới danh sách.
   */
  ky_hieu_cung_dong?: boolean;
}
/**
 * Ô 7a, 7b: quyền hạn, chức vụ và họ tên người ký.
 */
export interface NguoiKy {
  /**
   * Tên tập thể khi ký thay mặt (TM.; Đảng: T/M), in hoa, ví dụ "BAN THƯỜNG VỤ", "ỦY BAN NHÂN DÂN".
   */
  thay_mat?: string;
  quyen_han?: QuyenHan;
  /**
   * Chức danh người đứng đầu sau KT./TL./TUQ., in hoa, ví dụ "CHỦ TỊCH", "TRƯỞNG BAN".
   */
  thu_truong?: string;
  /**
   * Chức vụ của người ký, in hoa, ví dụ "PHÓ CHỦ TỊCH".
   */
  chuc_vu: string;
  /**
   * Họ tên người ký, in thường, không ghi học hàm, học vị.
   */
  ho_ten: string;
}
/**
 * Tiêu đề và nội dung một phụ lục; hoặc các mẫu biểu (mau) kèm theo: biên bản, phiếu, danh sách. Phụ lục cần tieu_de và noi_dung, trừ khi có mau.
 */
export interface PhuLucItem {
  /**
   * Số La Mã của phụ lục (I, II, ...), mặc định đánh tự động khi có từ 2 phụ lục. false: không in dòng "Phụ lục …" (ví dụ khi tiêu đề đã là "PHỤ LỤC").
   */
  so?: string | boolean;
  /**
   * Tên phụ lục, in hoa (ví dụ "PHỤ LỤC" / "CÁC MẪU BIÊN BẢN, PHIẾU" đứng trên nhiều mẫu). Bắt buộc, trừ phụ lục chỉ có mẫu biểu (mau).
   *
   * @minItems 1
   */
  tieu_de?: string | [string, ...string[]];
  /**
   * Dòng "(Kèm theo Kế hoạch số ...)". Mặc định tạo từ số, ngày và cơ quan ban hành; false: không in dòng này.
   */
  kem_theo?: string | boolean;
  huong_giay?: HuongGiay;
  /**
   * Các mục, đoạn văn và bảng của phụ lục (bắt buộc, trừ phụ lục chỉ có mẫu biểu).
   *
   * @minItems 1
   */
  noi_dung?: [Muc, ...Muc[]];
  danh_so_trang?: DanhSoTrang;
  /**
   * Các mẫu kèm theo kế hoạch (biên bản, phiếu, danh sách), trình bày như mẫu để điền tay: mỗi mẫu một trang mới (sau dòng tiêu đề phụ lục, nếu có).
   *
   * @minItems 1
   */
  mau?: [MauBieu, ...MauBieu[]];
  /**
   * true (mặc định): mỗi mẫu bắt đầu trang mới (mẫu đầu tiên đi ngay sau tiêu đề phụ lục nếu có tiêu đề); false: các mẫu liền nhau.
   */
  mau_sang_trang?: boolean;
}
/**
 * Một mẫu (biên bản, phiếu, danh sách …): nhãn mẫu, phần đầu riêng của mẫu, tên mẫu, rồi các khối nội dung.
 *
 * This interface was referenced by `KeHoach`'s JSON-Schema
 * via the `definition` "mau_bieu".
 */
export interface MauBieu {
  /**
   * Ký hiệu mẫu, in nghiêng, căn phải ở đầu trang, ví dụ "Mẫu số 08/PLYK".
   */
  mau_so?: string;
  dau_mau?: DauMau;
  /**
   * Tên mẫu, in hoa, đậm, căn giữa, ví dụ "BIÊN BẢN".
   *
   * @minItems 1
   */
  tieu_de?: string | [string, ...string[]];
  /**
   * Trích yếu của mẫu, đậm, căn giữa, ví dụ "Kiểm phiếu …".
   *
   * @minItems 1
   */
  phu_de?: string | [string, ...string[]];
  /**
   * Các khối của mẫu, theo thứ tự trên trang.
   *
   * @minItems 1
   */
  noi_dung: [KhoiMau, ...KhoiMau[]];
}
/**
 * Bảng kẻ khung 1 pt: tên cột, các dòng có sẵn (nếu có) và các dòng trống cao để viết tay.
 */
export interface Bang1 {
  /**
   * Tên cột và độ rộng tương đối.
   *
   * @minItems 1
   * @maxItems 12
   */
  cot:
    | [CotItem1]
    | [CotItem1, CotItem1]
    | [CotItem1, CotItem1, CotItem1]
    | [CotItem1, CotItem1, CotItem1, CotItem1]
    | [CotItem1, CotItem1, CotItem1, CotItem1, CotItem1]
    | [CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1]
    | [CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1]
    | [CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1]
    | [CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1]
    | [CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1]
    | [CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1, CotItem1]
    | [
        CotItem1,
        CotItem1,
        CotItem1,
        CotItem1,
        CotItem1,
        CotItem1,
        CotItem1,
        CotItem1,
        CotItem1,
        CotItem1,
        CotItem1,
        CotItem1
      ];
  /**
   * Mỗi dòng là một danh sách ô (cùng số ô với số cột); xuống dòng trong ô được giữ.
   */
  dong?: (string | number)[][];
  /**
   * Số dòng trống thêm vào cuối bảng để điền tay.
   */
  dong_trong?: number;
  /**
   * Chiều cao mỗi dòng trống, mm (mặc định 10).
   */
  cao_dong?: number;
}
/**
 * Các chú thích cuối trang (footnote của Word), mỗi chú thích một khóa. Trong chữ bất kỳ, ghi [^khóa] ngay sau chữ cần chú thích (không có dấu cách ở giữa [^ và ]): dấu chú thích hiện số tự đánh 1, 2, 3 … theo thứ tự xuất hiện, lời chú thích in ở chân trang đó. Khóa chỉ gồm chữ Latinh không dấu, chữ số, _ và -. Chú thích không được dùng, hay [^khóa] chưa khai báo, đều báo lỗi tại dòng của nó.
 */
export interface ChuThich {
  /**
   * Lời chú thích, ví dụ "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị."; được dùng *nghiêng*, **đậm**.
   */
  [k: string]: string;
}
