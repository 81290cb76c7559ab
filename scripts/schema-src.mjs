// Source of schemas/ke-hoach.schema.json. Run `node scripts/schema-src.mjs` to regenerate the JSON.
// Written as JS only so that the shared fragments ($defs) stay readable; the JSON file is what ships.
import { writeFileSync } from 'node:fs';

const dongChu = (title, description) => ({
  title, description,
  type: ['string', 'array'], minLength: 1, minItems: 1,
  items: { type: 'string', minLength: 1, title: 'Một dòng', description: 'Một dòng chữ, xuống dòng đúng tại đây.' },
});
const chu = (title, description, extra = {}) => ({ title, description, type: 'string', minLength: 1, ...extra });
const ngay = (title, description) => ({ title, description, type: 'string', format: 'date' });
const ngayHoacThang = (title, description) => ({
  title, description, type: 'string',
  pattern: '^\\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?$',
});

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://kehoach.local/schemas/ke-hoach.schema.json',
  title: 'Kế hoạch (văn bản hành chính)',
  description: 'Một KẾ HOẠCH: thể thức theo NĐ 30/2020/NĐ-CP (cơ quan nhà nước), HD 36-HD/VPTW (cơ quan Đảng) hoặc QĐ 933/QĐ-TLĐ (Công đoàn). Chữ trong mọi trường được phép dùng *nghiêng* và **đậm**.',
  type: 'object',
  additionalProperties: false,
  required: ['khoi', 'co_quan_ban_hanh', 'so_ky_hieu', 'dia_danh', 'ngay_ban_hanh', 'trich_yeu', 'noi_dung', 'noi_nhan', 'nguoi_ky'],
  properties: {
    khoi: {
      title: 'Khối cơ quan ban hành',
      description: 'Chọn thể thức: nha_nuoc (NĐ 30/2020/NĐ-CP), dang (HD 36-HD/VPTW), cong_doan (QĐ 933/QĐ-TLĐ).',
      enum: ['nha_nuoc', 'dang', 'cong_doan'],
    },
    co_quan_chu_quan: dongChu('Tên cơ quan chủ quản', 'Tên cơ quan, tổ chức chủ quản trực tiếp (ô 2, dòng trên; với cơ quan Đảng là cơ quan cấp trên trực tiếp), in hoa. Một chuỗi hoặc danh sách các dòng.'),
    co_quan_ban_hanh: dongChu('Tên cơ quan ban hành', 'Tên cơ quan, tổ chức ban hành văn bản (ô 2), in hoa, in đậm. Một chuỗi hoặc danh sách các dòng.'),
    so_ky_hieu: {
      title: 'Số và ký hiệu',
      description: 'Ô 3. Nhà nước, Công đoàn: "Số: 02/KH-LĐLĐ"; Đảng: "Số 34-KH/BDVTU".',
      type: 'object', additionalProperties: false, required: ['viet_tat_co_quan'],
      properties: {
        so: {
          title: 'Số', description: 'Số thứ tự văn bản (1–9999), số dưới 10 được ghi thêm số 0 phía trước. Để trống (null) khi là dự thảo: "Số:      /KH-UBND".',
          type: ['integer', 'null'], minimum: 1, maximum: 9999,
        },
        loai_van_ban: chu('Viết tắt tên loại', 'Chữ viết tắt tên loại văn bản theo Phụ lục III NĐ 30/2020 (KH = Kế hoạch).', { default: 'KH', pattern: '^[A-ZĐa-zđ]+$' }),
        viet_tat_co_quan: chu('Viết tắt tên cơ quan', 'Chữ viết tắt tên cơ quan ban hành (và đơn vị soạn thảo nếu có), in hoa, ví dụ UBND, LĐLĐ, BDVTU.', { pattern: '^[^\\s/]+$' }),
      },
    },
    dia_danh: chu('Địa danh', 'Địa danh nơi cơ quan ban hành đóng trụ sở (ô 4), ví dụ "Bình Thuận", "Thành phố Hồ Chí Minh".'),
    ngay_ban_hanh: {
      title: 'Ngày ban hành',
      description: 'Ngày ban hành dạng YYYY-MM-DD (ví dụ 2025-01-05, in ra "ngày 05 tháng 01 năm 2025"). Dự thảo chưa có ngày: chỉ ghi năm, ví dụ "2025".',
      type: 'string', pattern: '^\\d{4}(-\\d{2}-\\d{2})?$', format: 'ngay-hoac-nam',
    },
    ten_loai: chu('Tên loại văn bản', 'Tên loại văn bản in hoa (ô 5a). Mặc định "KẾ HOẠCH".', { default: 'KẾ HOẠCH' }),
    trich_yeu: dongChu('Trích yếu', 'Trích yếu nội dung (ô 5a), in thường, không có dấu chấm cuối. Một chuỗi hoặc danh sách các dòng.'),
    can_cu: {
      title: 'Căn cứ ban hành',
      description: 'Các căn cứ, mỗi căn cứ một dòng, in nghiêng (NĐ 30/2020 Phụ lục I mục II.6); dòng cuối kết thúc bằng dấu chấm.',
      type: 'array', minItems: 1, items: chu('Căn cứ', 'Một căn cứ, ví dụ "Căn cứ Luật Thi đua, khen thưởng năm 2022;".'),
    },
    mo_dau: {
      title: 'Phần mở đầu',
      description: 'Các đoạn văn trước mục I: căn cứ, "Thực hiện ...", tình hình, ... Mỗi phần tử là một đoạn.',
      type: 'array', minItems: 1, items: chu('Đoạn mở đầu', 'Một đoạn văn.'),
    },
    noi_dung: {
      title: 'Nội dung',
      description: 'Thân kế hoạch: danh sách các mục (I., II., ...) và đoạn văn. Số thứ tự được đánh tự động.',
      type: 'array', minItems: 1, items: { $ref: '#/$defs/muc' },
    },
    ket_thuc: {
      title: 'Đoạn kết',
      description: 'Một hay nhiều đoạn văn sau nội dung, ví dụ "Trên đây là Kế hoạch ...".',
      type: ['string', 'array'], minLength: 1, minItems: 1, items: chu('Đoạn kết', 'Một đoạn văn.'),
    },
    dau_ket: {
      title: 'Dấu kết thúc nội dung',
      description: 'Dấu ở cuối đoạn cuối cùng của nội dung. Mặc định theo khối: "./." (NĐ 30/2020, Công đoàn), "./." (Đảng). Ghi "." hoặc "" để giữ nguyên như bản gốc.',
      enum: ['./.', '.', ''],
    },
    danh_so: {
      title: 'Kiểu đánh số các cấp',
      description: 'Kiểu số thứ tự cho từng cấp mục, từ cấp 1. Dùng I (số La Mã), 1 (số Ả Rập), a (chữ cái tiếng Việt), A (chữ cái in hoa), 1.1 (số cấp trên + số), ví dụ ["I.", "1.", "a)"] hoặc ["I-", "1-", "1.1-"].',
      type: 'array', minItems: 1, maxItems: 6, items: { $ref: '#/$defs/kieu_so' },
    },
    ngoac_kep: {
      title: 'Kiểu dấu ngoặc kép', description: 'Dấu ngoặc kép tool tự thêm (quanh chủ đề của đợt thi đua): “” (mặc định) hoặc "".',
      enum: ['“”', '""'],
    },
    thoi_gian_ke_hoach: {
      title: 'Thời gian của kế hoạch', description: 'Khoảng thời gian kế hoạch áp dụng; các đợt và thời hạn phải nằm trong khoảng này. Mặc định là năm ban hành.',
      type: 'object', additionalProperties: false, required: ['tu', 'den'],
      properties: { tu: ngay('Từ ngày', 'Ngày bắt đầu, YYYY-MM-DD.'), den: ngay('Đến ngày', 'Ngày kết thúc, YYYY-MM-DD.') },
    },
    noi_nhan: {
      title: 'Nơi nhận',
      description: 'Ô 9b: danh sách nơi nhận, dòng "Lưu" và ký hiệu người soạn thảo.',
      type: 'object', additionalProperties: false, required: ['cac_noi', 'luu'],
      properties: {
        cac_noi: {
          title: 'Các nơi nhận', description: 'Mỗi phần tử là một nơi nhận (một dòng, tool tự thêm "-" ở đầu và dấu ";" ở cuối) hoặc một nhóm có mục đích chung như "(Báo cáo)".',
          type: 'array', minItems: 1,
          items: {
            title: 'Nơi nhận hoặc nhóm nơi nhận',
            description: 'Một chuỗi, hoặc một nhóm {nhom: [...], muc_dich: "Báo cáo"}.',
            type: ['string', 'object'], minLength: 1, additionalProperties: false, required: ['nhom', 'muc_dich'],
            properties: {
              nhom: { title: 'Các nơi nhận trong nhóm', description: 'Các nơi nhận chung một mục đích.', type: 'array', minItems: 1, items: chu('Nơi nhận', 'Một nơi nhận.') },
              muc_dich: chu('Mục đích', 'Mục đích gửi, in trong ngoặc sau dấu }, ví dụ "Báo cáo", "Gửi mạng".'),
            },
          },
        },
        luu: {
          title: 'Lưu', description: 'Nơi lưu văn bản: danh sách, ví dụ [VT, VP] → "- Lưu: VT, VP."; hoặc một chuỗi ghi nguyên văn dòng lưu, ví dụ "Lưu VP, CSPL.".',
          type: ['array', 'string'], minItems: 1, minLength: 1, items: chu('Nơi lưu', 'Viết tắt nơi lưu, ví dụ VT, VP (2).'),
        },
        ky_hieu_nguoi_soan: chu('Ký hiệu người soạn thảo', 'Ô 12: chữ viết tắt tên người soạn thảo / đánh máy, ví dụ "PL" hoặc "Trâm".'),
        so_ban: { title: 'Số bản phát hành', description: 'Ô 12: số lượng bản phát hành, ví dụ 300 → "PL.(300)".', type: 'integer', minimum: 1, maximum: 100000 },
        ky_hieu_cung_dong: { title: 'Ký hiệu cùng dòng lưu', description: 'true: ghi ký hiệu người soạn thảo ngay sau dòng "Lưu" (như nhiều văn bản thực tế); mặc định false: dòng riêng dưới danh sách.', type: 'boolean' },
      },
    },
    nguoi_ky: {
      title: 'Người ký',
      description: 'Ô 7a, 7b: quyền hạn, chức vụ và họ tên người ký.',
      type: 'object', additionalProperties: false, required: ['chuc_vu', 'ho_ten'],
      properties: {
        thay_mat: chu('Thay mặt tập thể', 'Tên tập thể khi ký thay mặt (TM.; Đảng: T/M), in hoa, ví dụ "BAN THƯỜNG VỤ", "ỦY BAN NHÂN DÂN".'),
        quyen_han: { title: 'Quyền hạn ký', description: 'KT (ký thay; Đảng: K/T), TL (thừa lệnh; Đảng: T/L), TUQ (thừa ủy quyền), Q (quyền). Bỏ trống khi người đứng đầu ký trực tiếp.', enum: ['KT', 'TL', 'TUQ', 'Q'] },
        thu_truong: chu('Chức danh người đứng đầu', 'Chức danh người đứng đầu sau KT./TL./TUQ., in hoa, ví dụ "CHỦ TỊCH", "TRƯỞNG BAN".'),
        chuc_vu: chu('Chức vụ người ký', 'Chức vụ của người ký, in hoa, ví dụ "PHÓ CHỦ TỊCH".'),
        ho_ten: chu('Họ và tên', 'Họ tên người ký, in thường, không ghi học hàm, học vị.'),
      },
    },
    phu_luc: {
      title: 'Phụ lục',
      description: 'Các phụ lục kèm theo, mỗi phụ lục bắt đầu trang mới sau chữ ký.',
      type: 'array', minItems: 1,
      items: {
        title: 'Một phụ lục', description: 'Tiêu đề và nội dung một phụ lục.',
        type: 'object', additionalProperties: false, required: ['tieu_de', 'noi_dung'],
        properties: {
          so: chu('Số phụ lục', 'Số La Mã của phụ lục (I, II, ...). Mặc định đánh tự động khi có từ 2 phụ lục.'),
          tieu_de: dongChu('Tiêu đề phụ lục', 'Tên phụ lục, in hoa.'),
          kem_theo: chu('Dòng kèm theo', 'Dòng "(Kèm theo Kế hoạch số ...)". Mặc định tạo từ số, ngày và cơ quan ban hành.'),
          huong_giay: { title: 'Hướng giấy', description: 'doc (mặc định) hoặc ngang cho bảng rộng.', enum: ['doc', 'ngang'] },
          noi_dung: { title: 'Nội dung phụ lục', description: 'Các mục, đoạn văn và bảng của phụ lục.', type: 'array', minItems: 1, items: { $ref: '#/$defs/muc' } },
        },
      },
    },
  },
  $defs: {
    kieu_so: {
      title: 'Kiểu số thứ tự',
      description: 'Mẫu số thứ tự: I (La Mã), 1 (Ả Rập), a (chữ cái tiếng Việt a, b, c, d, đ, e, g, ...), A (chữ in hoa), 1.1 (số cấp trên + số), kèm dấu, ví dụ "I.", "I/", "I-", "1.", "1-", "a)", "1.1-", "(1)-"; hoặc "-", "+" cho gạch đầu dòng.',
      type: 'string', minLength: 1, maxLength: 12,
    },
    muc: {
      title: 'Mục hoặc đoạn văn',
      description: 'Một chuỗi là một đoạn văn. Một đối tượng là một mục: có tiêu đề (tieu_de) hoặc đoạn văn có số (doan), gạch đầu dòng (gach_dau_dong), đợt thi đua (dot) hoặc bảng (bang, bang_nhiem_vu).',
      type: ['string', 'object'], minLength: 1, additionalProperties: false, minProperties: 1,
      properties: {
        tieu_de: chu('Tiêu đề mục', 'Tiêu đề, in ra sau số thứ tự, in đậm, ví dụ "MỤC ĐÍCH, YÊU CẦU".'),
        doan: chu('Đoạn văn có số', 'Đoạn văn mở đầu bằng số thứ tự của cấp hiện tại, ví dụ "1. Các cấp công đoàn ...". Ghi so: false để không đánh số.'),
        so: { title: 'Số thứ tự', description: 'Ghi số thứ tự riêng cho mục này (ví dụ "I/"), hoặc false để không đánh số. Mặc định đánh tự động.', type: ['string', 'boolean'], minLength: 1 },
        danh_so_con: { $ref: '#/$defs/kieu_so', title: 'Kiểu số các mục con', description: 'Kiểu số thứ tự cho các mục con trực tiếp, ví dụ "1-" hoặc "1.1-".' },
        liet_ke: {
          title: 'Liệt kê trong đoạn', description: 'Các ý liệt kê nối tiếp ngay trong đoạn, ví dụ "(1)- ...; (2)- ...". Ghi cả dấu câu cuối mỗi ý.',
          type: 'array', minItems: 1, items: chu('Ý liệt kê', 'Một ý.'),
        },
        kieu_liet_ke: { $ref: '#/$defs/kieu_so', title: 'Kiểu số ý liệt kê', description: 'Mặc định "(1)-".' },
        noi_dung: { title: 'Nội dung con', description: 'Các mục con và đoạn văn bên trong mục này.', type: 'array', minItems: 1, items: { $ref: '#/$defs/muc' } },
        gach_dau_dong: {
          title: 'Gạch đầu dòng', description: 'Danh sách các ý, mỗi ý một đoạn bắt đầu bằng "-"; ý con dùng "+".',
          type: 'array', minItems: 1, items: { $ref: '#/$defs/y' },
        },
        ky_hieu: { title: 'Ký hiệu đầu dòng', description: 'Ký hiệu thay cho "-" ở gạch đầu dòng.', type: 'string', minLength: 1, maxLength: 3 },
        nhiem_vu: { $ref: '#/$defs/nhiem_vu' },
        dot: { $ref: '#/$defs/dot' },
        bang: { $ref: '#/$defs/bang' },
        bang_nhiem_vu: {
          title: 'Bảng phân công nhiệm vụ', description: 'Bảng TT | Nội dung | Chủ trì | Phối hợp | Thời gian | Kết quả; cột nào không có dữ liệu thì bỏ.',
          type: 'array', minItems: 1, items: { $ref: '#/$defs/nhiem_vu' },
        },
      },
    },
    y: {
      title: 'Một ý gạch đầu dòng', description: 'Chuỗi, hoặc {doan: "...", gach_dau_dong: [...]} khi có ý con.',
      type: ['string', 'object'], minLength: 1, additionalProperties: false, required: ['doan'],
      properties: {
        doan: chu('Nội dung ý', 'Đoạn văn của ý.'),
        gach_dau_dong: { title: 'Ý con', description: 'Các ý con, bắt đầu bằng "+".', type: 'array', minItems: 1, items: { $ref: '#/$defs/y' } },
      },
    },
    nhiem_vu: {
      title: 'Phân công nhiệm vụ',
      description: 'Các dòng phân công dưới một nhiệm vụ: Chủ trì, Chịu trách nhiệm tham mưu, Phối hợp, Thời gian thực hiện, Kết quả.',
      type: 'object', additionalProperties: false, minProperties: 1,
      properties: {
        noi_dung: chu('Nội dung nhiệm vụ', 'Dùng trong bảng phân công nhiệm vụ.'),
        chu_tri: chu('Chủ trì', 'Đơn vị, người chủ trì.'),
        tham_muu: chu('Chịu trách nhiệm tham mưu', 'Đơn vị tham mưu.'),
        thuc_hien: chu('Chịu trách nhiệm thực hiện', 'Đơn vị thực hiện.'),
        phoi_hop: chu('Phối hợp', 'Đơn vị phối hợp.'),
        thoi_gian: chu('Thời gian thực hiện', 'Thời gian thực hiện, ghi bằng lời, ví dụ "Trong tháng 3/2024", "Thường xuyên".'),
        han: ngay('Thời hạn', 'Hạn hoàn thành YYYY-MM-DD (dùng để kiểm tra; không in ra).'),
        ket_qua: chu('Kết quả', 'Sản phẩm, kết quả.'),
        khac: {
          title: 'Dòng phân công khác', description: 'Các dòng có nhãn riêng.', type: 'array', minItems: 1,
          items: {
            title: 'Dòng có nhãn', description: '{nhan: "Kinh phí", noi_dung: "..."}', type: 'object', additionalProperties: false, required: ['nhan', 'noi_dung'],
            properties: { nhan: chu('Nhãn', 'Nhãn in nghiêng.'), noi_dung: chu('Nội dung', 'Nội dung sau nhãn.') },
          },
        },
      },
    },
    dot: {
      title: 'Đợt, giai đoạn',
      description: 'Một đợt thi đua hoặc giai đoạn: "Đợt 1: Từ tháng 01/2020 đến 30/6/2020 với chủ đề “...”. ..."',
      type: 'object', additionalProperties: false, required: ['ten', 'tu', 'den'],
      properties: {
        ten: chu('Tên đợt', 'Ví dụ "Đợt 1", "Giai đoạn 1".'),
        tu: ngayHoacThang('Từ', 'Bắt đầu: YYYY-MM (in "tháng 01/2020") hoặc YYYY-MM-DD (in "01/7/2020").'),
        den: ngayHoacThang('Đến', 'Kết thúc: YYYY-MM hoặc YYYY-MM-DD.'),
        loi_dan: chu('Lời dẫn chủ đề', 'Chữ trước chủ đề, mặc định "với chủ đề".'),
        chu_de: chu('Chủ đề', 'Chủ đề của đợt, in nghiêng trong ngoặc kép.'),
        noi_dung: chu('Nội dung đợt', 'Đoạn văn tiếp theo trong cùng đoạn.'),
      },
    },
    bang: {
      title: 'Bảng', description: 'Bảng có kẻ khung: tên cột và các dòng.',
      type: 'object', additionalProperties: false, required: ['cot', 'dong'],
      properties: {
        tieu_de: chu('Tên bảng', 'Dòng tên bảng, in đậm, căn giữa, phía trên bảng.'),
        cot: {
          title: 'Các cột', description: 'Tên cột và độ rộng tương đối.', type: 'array', minItems: 1, maxItems: 12,
          items: {
            title: 'Cột', description: 'Chuỗi (tên cột) hoặc {ten, rong}.', type: ['string', 'object'], minLength: 1, additionalProperties: false, required: ['ten'],
            properties: { ten: chu('Tên cột', 'Tiêu đề cột.'), rong: { title: 'Độ rộng', description: 'Độ rộng tương đối (ví dụ 1, 3).', type: 'number', exclusiveMinimum: 0 } },
          },
        },
        dong: {
          title: 'Các dòng', description: 'Mỗi dòng là một danh sách ô, cùng số ô với số cột.', type: 'array', minItems: 1,
          items: { title: 'Dòng', description: 'Danh sách ô.', type: 'array', items: { title: 'Ô', description: 'Chữ trong ô.', type: ['string', 'number'] } },
        },
      },
    },
  },
};
writeFileSync(new URL('../schemas/ke-hoach.schema.json', import.meta.url), JSON.stringify(schema, null, 2) + '\n');
