/**
 * The layout data the document rules of `kehoach check` read (src/check/rules.ts, rules of the one registry with
 * `on: 'document'`, their context `DocumentContext` in src/rules/types.ts): templates/<khoi>/layout.yaml `kiem_tra`
 * (paper, margins, fonts, the roles with a fixed style, a rule under them or a required presence); `kieu` gives what
 * rendering writes and the sizes and styles the texts allow.
 */

/**
 * The `kiem_tra` block of a layout: ranges and lists the checks read, lengths mm. The sizes are not here: each role's
 * allowed sizes sit beside its size in `kieu` (`co_cho_phep`, src/profile.ts StyleSpec), as its bold settings do.
 */
export interface KiemTra {
  kho_giay: { rong: number; cao: number; sai_so: number };
  le: Record<'tren' | 'duoi' | 'trai' | 'phai', [number, number]>;
  phong_chu: string[];
  kieu_chu: string[];
  duong_ke: string[];
  thanh_phan: string[];
  so_trang: { dau_trang: boolean; trang_dau: boolean };
}
