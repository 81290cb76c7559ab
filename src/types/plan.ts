/* Generated from schemas/ke-hoach.schema.json by scripts/gen-types.mjs. Do not edit: run `npm run gen:types`. */

/**
 * Chọn thể thức: nha_nuoc (NĐ 30/2020/NĐ-CP), dang (HD 36-HD/VPTW), cong_doan (QĐ 933/QĐ-TLĐ), mat_tran (Ủy ban MTTQ Việt Nam các cấp và các tổ chức chính trị - xã hội theo thể thức của Mặt trận: Hội Liên hiệp Phụ nữ, Hội Nông dân, Hội Cựu chiến binh — HD 91/HD-MTTW-BTT), doan_thanh_nien (Đoàn TNCS Hồ Chí Minh — HD 29-HD/TWĐTN-VP).
 */
export type Khoi = 'nha_nuoc' | 'dang' | 'cong_doan' | 'mat_tran' | 'doan_thanh_nien';
/**
 * Tên cơ quan, tổ chức ban hành văn bản (ô 2), in hoa, in đậm. Một chuỗi hoặc danh sách các dòng.
 *
 * @minItems 1
 */
export type CoQuanBanHanh = string | [string, ...string[]];
/**
 * Một chuỗi là một đoạn văn. Một đối tượng là một mục: có tiêu đề (tieu_de) hoặc đoạn văn có số (doan), gạch đầu dòng (gach_dau_dong), đợt thi đua (dot) hoặc bảng (bang, bang_nhiem_vu). tieu_de cùng doan là tiêu đề liền đoạn: "3. Bộ Chỉ huy Quân sự tỉnh: Chủ trì, phối hợp …" (số và tiêu đề in đậm, phần sau in thường). Đợt hoặc bảng mang nhiem_vu, gach_dau_dong, noi_dung như một đoạn văn: in ngay sau đợt, bảng đó, theo thứ tự ấy (liet_ke của đợt in cuối đoạn của đợt).
 *
 * This interface was referenced by `KeHoach`'s JSON-Schema
 * via the `definition` "muc".
 */
export type Muc =
  | string
  | {
      /**
       * Tiêu đề, in ra sau số thứ tự, in đậm, ví dụ "MỤC ĐÍCH, YÊU CẦU". Có thêm doan thì là tiêu đề liền đoạn: tiêu đề (kèm số) in theo kiểu tiêu đề của cấp, doan in thường tiếp ngay sau trong cùng đoạn.
       */
      tieu_de?: string;
      /**
       * Đoạn văn mở đầu bằng số thứ tự của cấp hiện tại, ví dụ "1. Các cấp công đoàn ...". Ghi so: false để không đánh số. Đi cùng tieu_de: phần chữ thường sau tiêu đề liền đoạn. Đoạn có mục con, gạch đầu dòng hoặc dòng phân công được giữ cùng trang với đoạn tiếp theo.
       */
      doan?: string;
      /**
       * Số thứ tự riêng cho mục này, ghi đúng như văn bản ban hành (ví dụ "I/", "5.", "2.3."), hoặc false để không đánh số. Mặc định đánh tự động. Số ghi tay nhảy cóc hay lặp lại vẫn in nguyên như ghi, có cảnh báo [so-thu-tu/lien-tuc] một lần ở chỗ đứt quãng; các mục sau đánh tiếp từ số đó. Với đợt (dot): true để đánh số đợt như một tiêu đề của cấp.
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
      vi_tri_nhiem_vu?: ViTriNhiemVu;
      dot?: Dot;
      bang?: Bang;
      /**
       * Bảng TT | Nội dung | Chủ trì | Tham mưu | Thực hiện | Phối hợp | Thời gian | Kết quả, rồi một cột cho mỗi nhãn của khac; cột nào không có dữ liệu thì bỏ. Thời gian: thoi_gian, hoặc han (dd/mm/yyyy) khi không có thoi_gian.
       *
       * @minItems 1
       */
      bang_nhiem_vu?: [NhiemVu, ...NhiemVu[]];
      kieu_tieu_de?: KieuTieuDe;
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
 * Thứ tự các dòng của riêng nhiệm vụ này, đứng trước trinh_bay.nhiem_vu.thu_tu, ví dụ [noi_dung, khac, chu_tri] để dòng có nhãn riêng in trước dòng chủ trì; trường không nêu in sau, theo thứ tự của kế hoạch rồi thứ tự mặc định. Trong bảng_nhiem_vu, thứ tự cột là chung (có cảnh báo).
 *
 * @minItems 1
 */
export type ThuTuNhiemVu = [ThuTuNhiemVuItem, ...ThuTuNhiemVuItem[]];
/**
 * Tên trường của nhiem_vu.
 */
export type ThuTuNhiemVuItem =
  'noi_dung' | 'chu_tri' | 'tham_muu' | 'thuc_hien' | 'phoi_hop' | 'thoi_gian' | 'ket_qua' | 'khac';
/**
 * Thay cho trinh_bay.nhiem_vu.vi_tri ở mục này: dau, in các dòng nhiem_vu ngay dưới tiêu đề, đoạn của mục; cuoi, in sau gạch đầu dòng và mục con của mục.
 */
export type ViTriNhiemVu = 'dau' | 'cuoi';
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
 * Kiểu chữ riêng cho tiêu đề (và số của nó) của mục này, hoặc cho số và tên của đợt được đánh số (dot với so:), thay cho kiểu của cấp trong layout.yaml (cấp 1–2 đậm, cấp 3 đậm nghiêng, cấp 4 nghiêng): dam (đậm), nghieng (nghiêng), dam_nghieng (đậm nghiêng), thuong (đứng, không đậm).
 */
export type KieuTieuDe = 'dam' | 'nghieng' | 'dam_nghieng' | 'thuong';
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
 * dau_trang (mặc định): số trang ở giữa lề trên, không hiện ở trang 1 (NĐ 30 PL I mục II.10; HD 36). chan_trang: số trang ở giữa chân trang, vẫn không hiện ở trang 1, như nhiều cơ quan Mặt trận trình bày: vẫn áp dụng, có cảnh báo [trinh-bay/so-trang] nêu NĐ 30 PL I mục II.10.
 */
export type SoTrang = 'dau_trang' | 'chan_trang';
/**
 * Thứ tự các dòng (và các cột của bảng_nhiem_vu) của mọi nhiệm vụ; trường có trong kế hoạch mà không nêu ở đây in sau, theo thứ tự mặc định (noi_dung, chu_tri, tham_muu, thuc_hien, phoi_hop, thoi_gian, ket_qua, khac); khac (các dòng có nhãn riêng) mặc định in cuối. Một nhiệm vụ đổi được bằng thu_tu của nó.
 *
 * @minItems 1
 */
export type ThuTuNhiemVu1 = [ThuTuNhiemVuItem, ...ThuTuNhiemVuItem[]];
/**
 * dau (mặc định): các dòng nhiem_vu in ngay dưới tiêu đề, đoạn của mục, trước gạch đầu dòng và mục con; cuoi: in sau cùng, sau gạch đầu dòng và mục con của mục ("- Đơn vị chủ trì: …" cuối mục). Một mục đổi được bằng vi_tri_nhiem_vu.
 */
export type ViTri = 'dau' | 'cuoi';
/**
 * Một chuỗi; một nhóm {nhom: [...], muc_dich: "Báo cáo"}; hoặc một nơi nhận có mục đích riêng {noi: "UBND tỉnh", muc_dich: "b/c"} → "- UBND tỉnh (b/c);".
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
      nhom?: [string, ...string[]];
      /**
       * Mục đích gửi, in trong ngoặc: sau dấu } của nhóm, hoặc ngay sau nơi nhận (noi). Ví dụ "Báo cáo", "để b/c", "Gửi mạng".
       */
      muc_dich: string;
      /**
       * Một nơi nhận, in "- <noi> (<muc_dich>);". Không dùng cùng nhom.
       */
      noi?: string;
    };
/**
 * true: ghi ký hiệu người soạn thảo sau dòng "Lưu", cách một dấu cách ("Lưu: VT, NC. Tường."); "noi_lien": viết liền vào nơi lưu cuối cùng như nhiều cơ quan ghi ("Lưu: VT, NCTường."); mặc định false: dòng riêng dưới danh sách.
 */
export type KyHieuCungDong = true | false | 'noi_lien';
/**
 * KT (ký thay; Đảng: K/T), TL (thừa lệnh; Đảng: T/L), TUQ (thừa ủy quyền), Q (quyền). Bỏ trống khi người đứng đầu ký trực tiếp.
 */
export type QuyenHan = 'KT' | 'TL' | 'TUQ' | 'Q';
/**
 * Tên cơ quan chủ quản trực tiếp của cơ quan này; bỏ qua khi trùng với cơ quan đứng trên.
 *
 * @minItems 1
 */
export type CoQuanChuQuan = string | [string, ...string[]];
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
       * Mặc định (hoặc true) "……, ngày …… tháng …… năm ……" (in nghiêng); false: mẫu không có dòng này (nhiều mẫu thực tế không có).
       */
      dia_danh_ngay?: string | boolean;
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
       * Đoạn văn của mẫu (13 pt, canh đều, thụt đầu dòng); đoạn có chỗ điền (dấu chấm "……", "....", gạch "____") căn trái, không thụt, để dấu chấm không giãn.
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
       * Một, hai hoặc ba cột cạnh nhau (không kẻ khung): mỗi cột một người ký (chức danh, dòng "(ký, ghi rõ họ tên)", chỗ ký, họ tên nếu có) hoặc một lời ghi chú (doan) bên cạnh chỗ ký. Một cột: người ký ở giữa trang (ví dụ dưới một hàng người ký).
       *
       * @minItems 1
       * @maxItems 3
       */
      cot_ky?: [CotKyItem] | [CotKyItem, CotKyItem] | [CotKyItem, CotKyItem, CotKyItem];
      /**
       * Khối "Ghi chú:": các ghi chú đánh số (1), (2), … tự động (số ứng với các chỗ "(1)……" của mẫu), hoặc có ký hiệu riêng như "(*)", hoặc không số. Ghi chú không số đứng đầu là câu dẫn, in cùng dòng với "Ghi chú:".
       *
       * @minItems 1
       */
      ghi_chu?: [GhiChuItem, ...GhiChuItem[]];
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
 * Chức danh (chuỗi), {chuc_danh, ngay, ghi_chu, ho_ten} (một người ký) hoặc {doan} (lời ghi chú bên cạnh chỗ ký).
 */
export type CotKyItem =
  | string
  | {
      /**
       * Ví dụ "THƯ KÝ", "CHỦ TỌA"; in hoa, đậm; nhiều dòng in liền nhau, không cách đoạn.
       *
       * @minItems 1
       */
      chuc_danh?: string | [string, ...string[]];
      /**
       * true: dòng địa danh, ngày để trống của mẫu ("……, ngày …… tháng …… năm ……") trên chức danh; hoặc chữ của dòng đó. In nghiêng.
       */
      ngay?: string | boolean;
      /**
       * Mặc định "(ký, ghi rõ họ tên)", in nghiêng.
       */
      ghi_chu?: string;
      /**
       * Họ tên in sẵn dưới chỗ ký (để trống nếu người ký tự ghi).
       */
      ho_ten?: string;
      /**
       * Cột không có người ký: một lời ghi chú (12 pt, căn trái) bên cạnh chỗ ký, ví dụ "Biên bản lập thành 02 bản.". Không đi cùng chuc_danh.
       */
      doan?: string;
    };
/**
 * Chuỗi: lời ghi chú, không ghi số (tool thêm "(1)", "(2)" … theo thứ tự các chuỗi); hoặc {noi_dung, danh_dau}: danh_dau là ký hiệu in trước lời, ví dụ "(*)"; không có danh_dau hoặc false: không số (đứng đầu: câu dẫn in sau "Ghi chú:"); true: đánh số như một chuỗi.
 */
export type GhiChuItem =
  | string
  | {
      /**
       * Lời ghi chú, in sau ký hiệu.
       */
      noi_dung: string;
      /**
       * Ký hiệu in trước lời, như mẫu in: "(*)", "(1)", "(a)"; false (hoặc không ghi): không số; true: số tự động như một chuỗi.
       */
      danh_dau?: string | boolean;
    };
/**
 * Thứ tự các trường của dòng phân công (khac: chỗ của các dòng có nhãn riêng, cùng nhau, theo thứ tự của chúng). Trường không nêu ở đây in sau: của một nhiệm vụ, theo thứ tự của trinh_bay.nhiem_vu.thu_tu rồi thứ tự mặc định; của kế hoạch, theo thứ tự mặc định (noi_dung, chu_tri, tham_muu, thuc_hien, phoi_hop, thoi_gian, ket_qua, khac).
 *
 * @minItems 1
 *
 * This interface was referenced by `KeHoach`'s JSON-Schema
 * via the `definition` "thu_tu_nhiem_vu".
 */
export type ThuTuNhiemVu2 = [ThuTuNhiemVuItem, ...ThuTuNhiemVuItem[]];

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
  co_quan_ban_hanh: CoQuanBanHanh;
  so_ky_hieu: SoKyHieu;
  /**
   * Địa danh nơi cơ quan ban hành đóng trụ sở (ô 4), ví dụ "Bình Thuận", "Thành phố Hồ Chí Minh".
   */
  dia_danh: string;
  /**
   * Ngày ban hành dạng YYYY-MM-DD (ví dụ 2025-01-05, in ra "ngày 05 tháng 01 năm 2025"). Dự thảo chưa có ngày: chỉ ghi năm, ví dụ "2025", hoặc năm và tháng, ví dụ "2026-01" (in ra "ngày      tháng 01 năm 2026"). "…" là chỗ kehoach import để lại khi văn bản nguồn không ghi ngày: lỗi import/chua-dien đến khi điền.
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
  trinh_bay?: TrinhBay;
  noi_nhan: NoiNhan;
  nguoi_ky: NguoiKy;
  /**
   * Văn bản liên tịch: cơ quan chủ trì là co_quan_ban_hanh, so_ky_hieu.viet_tat_co_quan và nguoi_ky ở trên; mỗi phần tử ở đây là một cơ quan cùng ban hành, theo thứ tự. Tên các cơ quan xếp chồng ở ô 2 (cơ quan chủ trì trước), ký hiệu ghép chữ viết tắt "KH-SNV-STC", các chữ ký đặt cạnh nhau, chữ ký của cơ quan chủ trì ở bên phải.
   *
   * @minItems 1
   * @maxItems 3
   */
  lien_tich?: [LienTichItem] | [LienTichItem, LienTichItem] | [LienTichItem, LienTichItem, LienTichItem];
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
 * Các dòng phân công dưới một nhiệm vụ, mỗi trường một dòng "- Nhãn: nội dung": Nội dung, Chủ trì, Chịu trách nhiệm tham mưu, Chịu trách nhiệm thực hiện, Phối hợp, Thời gian thực hiện, Kết quả, rồi các dòng khac. Nhãn, thứ tự và kiểu chữ nhãn đổi được theo cách viết của cơ quan (trinh_bay.nhiem_vu), và cho riêng nhiệm vụ này (nhan, thu_tu); chỗ in: trinh_bay.nhiem_vu.vi_tri, vi_tri_nhiem_vu của mục.
 *
 * This interface was referenced by `KeHoach`'s JSON-Schema
 * via the `definition` "nhiem_vu".
 */
export interface NhiemVu {
  /**
   * Nội dung nhiệm vụ: một dòng "- Nội dung: …", hoặc cột Nội dung trong bảng phân công.
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
   * Hạn hoàn thành YYYY-MM-DD: dùng để kiểm tra [dot/trong-ky]; in ra (dạng 30/6/2025) ở dòng, cột thời gian khi không có thoi_gian.
   */
  han?: string;
  /**
   * Sản phẩm, kết quả.
   */
  ket_qua?: string;
  /**
   * Các dòng có nhãn riêng (trong bảng: mỗi nhãn một cột).
   *
   * @minItems 1
   */
  khac?: [KhacItem, ...KhacItem[]];
  nhan?: NhanNhiemVu;
  thu_tu?: ThuTuNhiemVu;
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
 * Nhãn của các dòng của riêng nhiệm vụ này, thay cho trinh_bay.nhiem_vu.nhan và nhãn mặc định, ví dụ {thoi_gian: "Thời gian thực hiện"} khi nhiệm vụ trước ghi "Thời gian hoàn thành". Nhãn của trường mà nhiệm vụ không có thì không in (có cảnh báo); trong bảng_nhiem_vu, tên cột là chung, nhãn riêng không dùng (có cảnh báo).
 */
export interface NhanNhiemVu {
  /**
   * Nhãn của dòng noi_dung.
   */
  noi_dung?: string;
  /**
   * Nhãn của dòng chu_tri.
   */
  chu_tri?: string;
  /**
   * Nhãn của dòng tham_muu.
   */
  tham_muu?: string;
  /**
   * Nhãn của dòng thuc_hien.
   */
  thuc_hien?: string;
  /**
   * Nhãn của dòng phoi_hop.
   */
  phoi_hop?: string;
  /**
   * Nhãn của dòng thoi_gian.
   */
  thoi_gian?: string;
  /**
   * Nhãn của dòng ket_qua.
   */
  ket_qua?: string;
}
/**
 * Một đợt thi đua hoặc giai đoạn: "Đợt 1: Từ tháng 01/2020 đến 30/6/2020 với chủ đề “...”. ...". Thời gian ghi bằng tu và den, hoặc bằng lời ở thoi_gian ("Trong tháng 12/2025").
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
   * Bắt đầu: YYYY-MM (in "tháng 01/2020") hoặc YYYY-MM-DD (in "01/7/2020"). Cần cùng den, trừ khi có thoi_gian (khi đó tu, den chỉ dùng để kiểm tra).
   */
  tu?: string;
  /**
   * Kết thúc: YYYY-MM hoặc YYYY-MM-DD.
   */
  den?: string;
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
  /**
   * Thời gian của đợt ghi bằng lời, in nguyên sau tên đợt, thay cho "Từ … đến …". Ví dụ "Trong tháng 12/2025", "Sau ngày bầu cử 15/3/2026".
   */
  thoi_gian?: string;
  /**
   * true: đợt in thành một dòng riêng: số (khi đợt được đánh số, so:), tên đợt và thời gian, ví dụ "1. Đợt 1: Từ ngày 01/3 đến ngày 15/3/2026"; lời dẫn, chủ đề và nội dung của đợt in thành đoạn sau. false: cả đợt một đoạn. Không ghi: theo trinh_bay.dot.mot_dong (mặc định false).
   */
  mot_dong?: boolean;
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
 * Các giá trị cơ quan được chọn trong khung của NĐ 30/2020 (hoặc HD 36, QĐ 933), thay cho giá trị mặc định của layout.yaml, không cần sửa mẫu. Ghi trong kế hoạch hoặc trong _defaults.yaml. Ngoài khung thì vẫn áp dụng nhưng có cảnh báo [trinh-bay/ngoai-khung]; kehoach check nhận mọi giá trị trong khung. Số trang ở chân trang (so_trang: chan_trang) vẫn áp dụng, có cảnh báo [trinh-bay/so-trang] (NĐ 30 PL I mục II.10 đặt ở giữa lề trên).
 */
export interface TrinhBay {
  /**
   * Cỡ chữ phần nội dung (căn cứ, mở đầu, các mục, đoạn kết), pt. Khung của khối: co_cho_phep của kieu.than trong layout.yaml (Nhà nước 13–14, NĐ 30 PL I mục II.6; Đảng 14–15, HD 36).
   */
  co_chu?: number;
  /**
   * Khoảng cách giữa các dòng của nội dung: bội số dòng đơn (1–1,5) hoặc chính xác "18pt". Khung: từ dòng đơn đến 1,5 dòng (NĐ 30 PL I mục II.6).
   */
  gian_dong?: number | string;
  /**
   * Khoảng cách sau mỗi đoạn nội dung, pt. Khung: khoảng cách giữa hai đoạn (cach_doan cộng cach_truoc) tối thiểu 6 pt (NĐ 30 PL I mục II.6).
   */
  cach_doan?: number;
  /**
   * Khoảng cách trước mỗi đoạn nội dung (spacing before của Word), pt, như nhiều cơ quan trình bày (trước 6 pt, sau 0). Khoảng cách giữa hai đoạn là cach_doan của đoạn trên cộng cach_truoc của đoạn dưới, tối thiểu 6 pt (NĐ 30 PL I mục II.6). Khung của khối: trinh_bay.khung.cach_truoc trong layout.yaml. Mặc định: không có (0).
   */
  cach_truoc?: number;
  /**
   * Lùi đầu dòng của đoạn nội dung, mm. Khung: 10–12,7 mm (1 cm hoặc 1,27 cm, NĐ 30 PL I mục II.6).
   */
  thut_dau?: number;
  /**
   * Cỡ chữ các dòng nơi nhận, dòng Lưu và ký hiệu người soạn thảo, pt. Khung của khối: co_cho_phep của kieu.noi_nhan trong layout.yaml (Nhà nước 11, NĐ 30 PL I mục II.9: nơi nhận cỡ 11, "Nơi nhận:" cỡ 12; Đảng 12, HD 36).
   */
  co_chu_noi_nhan?: number;
  /**
   * false: dòng quyền hạn ký (TM., KT., TL. …) in đứng, không đậm, như một số cơ quan trình bày; mặc định in đậm (NĐ 30 PL I mục II.7).
   */
  tm_dam?: boolean;
  so_trang?: SoTrang;
  nhiem_vu?: NhiemVu1;
  dot?: Dot1;
}
/**
 * Nhãn, thứ tự, kiểu chữ nhãn và chỗ in của các dòng nhiem_vu (và tên cột bảng_nhiem_vu) theo cách viết của cơ quan.
 */
export interface NhiemVu1 {
  thu_tu?: ThuTuNhiemVu1;
  nhan?: NhanNhiemVu1;
  /**
   * Mặc định true: nhãn in nghiêng ("- *Chủ trì:* …"); false: nhãn in đứng.
   */
  nghieng?: boolean;
  vi_tri?: ViTri;
}
/**
 * Nhãn thay cho nhãn mặc định, theo tên trường, ví dụ {thoi_gian: "Thời gian hoàn thành", chu_tri: "Đơn vị chủ trì"}. Một nhiệm vụ đổi được bằng nhan của nó.
 */
export interface NhanNhiemVu1 {
  /**
   * Nhãn của dòng noi_dung.
   */
  noi_dung?: string;
  /**
   * Nhãn của dòng chu_tri.
   */
  chu_tri?: string;
  /**
   * Nhãn của dòng tham_muu.
   */
  tham_muu?: string;
  /**
   * Nhãn của dòng thuc_hien.
   */
  thuc_hien?: string;
  /**
   * Nhãn của dòng phoi_hop.
   */
  phoi_hop?: string;
  /**
   * Nhãn của dòng thoi_gian.
   */
  thoi_gian?: string;
  /**
   * Nhãn của dòng ket_qua.
   */
  ket_qua?: string;
}
/**
 * Cách cơ quan viết các đợt, giai đoạn (dot) của kế hoạch; từng đợt đổi được bằng dot.mot_dong.
 */
export interface Dot1 {
  /**
   * true: mỗi đợt in thành một dòng riêng: số (khi đợt được đánh số, so:), tên đợt và thời gian, ví dụ "1. Đợt 1: Từ ngày 01/3 đến ngày 15/3/2026"; lời dẫn, chủ đề và nội dung của đợt in thành đoạn sau. Mặc định false: cả đợt một đoạn. Từng đợt đổi được bằng dot.mot_dong.
   */
  mot_dong?: boolean;
  /**
   * Mẫu thời gian của đợt ghi bằng tu và den, thay cho "Từ {tu} đến {den}": {tu}, {den} là ngày dạng 01/7/2020 (tháng: "tháng 01/2020"); {tu_ngan} là {tu} bỏ năm khi cùng năm với {den} ("01/3"). Không dùng cho đợt có thoi_gian bằng lời.
   */
  thoi_gian?: string;
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
  ky_hieu_cung_dong?: KyHieuCungDong;
}
/**
 * Ô 7a, 7b: quyền hạn, chức vụ và họ tên người ký (văn bản liên tịch: người ký của cơ quan chủ trì).
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
   * Chức vụ của người ký, in hoa, ví dụ "PHÓ CHỦ TỊCH". Xuống dòng (khối | hoặc "\n") là xuống dòng trên văn bản, ví dụ "TRƯỞNG BAN\nPHÓ THỦ TƯỚNG".
   */
  chuc_vu: string;
  /**
   * Họ tên người ký, in thường, không ghi học hàm, học vị.
   */
  ho_ten: string;
  /**
   * Ô 7b: chức vụ khác của người ký (chức vụ và tên cơ quan nơi người ký công tác, khi ký văn bản của hội đồng, ban chỉ đạo), in hoa, đặt phía trên họ tên, dưới chỗ ký — NĐ 30/2020 Phụ lục I mục II.7c, 7đ. Một chuỗi hoặc danh sách các dòng.
   *
   * @minItems 1
   */
  chuc_vu_khac?: string | [string, ...string[]];
  /**
   * Chức vụ khác của người ký in dưới họ tên, như một số cơ quan trình bày (ô 7b), in hoa, đậm, căn giữa; dùng thay cho hoặc cùng với chuc_vu_khac (phía trên họ tên). Một chuỗi hoặc danh sách các dòng.
   *
   * @minItems 1
   */
  chuc_vu_khac_duoi?: string | [string, ...string[]];
  /**
   * Số dòng trống (cỡ chữ của khối chữ ký) dành cho chữ ký và dấu, thay cho giá trị của khối (layout.yaml khoang_ky). NĐ 30/2020 không quy định; thực tiễn 3–4 dòng.
   */
  khoang_ky?: number;
}
export interface LienTichItem {
  co_quan_chu_quan?: CoQuanChuQuan;
  co_quan_ban_hanh: CoQuanBanHanh;
  /**
   * Chữ viết tắt tên cơ quan, in hoa, ghép vào ký hiệu sau chữ viết tắt của cơ quan chủ trì ("Số: 05/KH-SNV-STC").
   */
  viet_tat_co_quan: string;
  nguoi_ky: NguoiKy;
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
/**
 * Nhãn thay cho nhãn mặc định, theo tên trường, ví dụ {thoi_gian: "Thời gian hoàn thành", chu_tri: "Đơn vị chủ trì"}.
 *
 * This interface was referenced by `KeHoach`'s JSON-Schema
 * via the `definition` "nhan_nhiem_vu".
 */
export interface NhanNhiemVu2 {
  /**
   * Nhãn của dòng noi_dung.
   */
  noi_dung?: string;
  /**
   * Nhãn của dòng chu_tri.
   */
  chu_tri?: string;
  /**
   * Nhãn của dòng tham_muu.
   */
  tham_muu?: string;
  /**
   * Nhãn của dòng thuc_hien.
   */
  thuc_hien?: string;
  /**
   * Nhãn của dòng phoi_hop.
   */
  phoi_hop?: string;
  /**
   * Nhãn của dòng thoi_gian.
   */
  thoi_gian?: string;
  /**
   * Nhãn của dòng ket_qua.
   */
  ket_qua?: string;
}
