// A small plan of any family of templates/, for the build (scripts/precompile-skeletons.mjs renders one per family)
// and the tests that go through every family (test/support/family-plan.ts re-exports it): the header is the
// family's own kind of issuer, since a state-shaped page of a union or the Front is told from a state body's by its
// issuer's name only (src/form/detect.ts), as a clerk tells it.

/** The issuer (cơ quan chủ quản, cơ quan ban hành) of each family's plans; a state body for any other family. */
/** @type {Record<string, [string, string]>} */
export const ISSUER = {
  cong_doan: ['LĐLĐ TỈNH A', 'CÔNG ĐOÀN NGÀNH Y TẾ'],
  mat_tran: ['ỦY BAN MTTQ VIỆT NAM TỈNH A', 'ỦY BAN MTTQ HUYỆN B'],
  dang: ['TỈNH ỦY A', 'BAN TUYÊN GIÁO'],
  doan_thanh_nien: ['BCH TỈNH ĐOÀN A', 'BAN THƯỜNG VỤ'],
};

const SHORT_BODY = `noi_dung:
  - tieu_de: MỤC ĐÍCH, YÊU CẦU
    noi_dung:
      - Bảo đảm thiết thực, hiệu quả.
  - tieu_de: TỔ CHỨC THỰC HIỆN
    noi_dung:
      - Các đơn vị thực hiện.
`;

/**
 * The YAML of a plan of `khoi`.
 * @param o.signer the `nguoi_ky` mapping in flow style (default: a chairman signing in his own name)
 * @param o.danhSo a plan-level numbering (`danh_so`), none by default
 * @param o.body the `noi_dung:` block (default: two sections)
 * @param {string} khoi
 * @param {{ signer?: string, danhSo?: string[] | null, body?: string }} [o]
 * @returns {string}
 */
export function familyPlan(khoi, o = {}) {
  return `khoi: ${khoi}
co_quan_chu_quan: ${ISSUER[khoi]?.[0] ?? 'UBND TỈNH A'}
co_quan_ban_hanh: ${ISSUER[khoi]?.[1] ?? 'SỞ B'}
so_ky_hieu: { so: 12, viet_tat_co_quan: CQB }
dia_danh: Tỉnh A
ngay_ban_hanh: 2026-03-05
trich_yeu: Tổ chức hội nghị năm 2026
${o.danhSo ? `danh_so: ${JSON.stringify(o.danhSo)}\n` : ''}${o.body ?? SHORT_BODY}noi_nhan:
  cac_noi: [Các đơn vị]
  luu: [VT, VP]
nguoi_ky: ${o.signer ?? '{ chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn An }'}
`;
}

