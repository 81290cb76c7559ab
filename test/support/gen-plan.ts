/**
 * A seeded generator of valid plans (for test/every-text.test.ts): random but schema-valid shapes of every part a
 * clerk writes (header, body with headings, paragraphs, bullets, enumerations, tasks, phases, tables, Nơi nhận with
 * groups, signatures, appendices), with texts drawn from Vietnamese words and the characters that trip YAML and XML
 * (#, :, quotes, &, <, *emphasis*, \*).
 */
import { mulberry32 } from '../../scripts/prng.mjs';

/** The seeded PRNG shared with the bench and the fuzzer (scripts/prng.mjs). */
export const rng = (seed: number): (() => number) => mulberry32(seed);

const WORDS = ('tổ chức thực hiện phong trào thi đua yêu nước cán bộ công chức viên chức người lao động đơn vị địa phương ' +
  'kế hoạch năm tỉnh huyện xã phường ủy ban nhân dân sở ban ngành đoàn thể triển khai tuyên truyền kiểm tra giám sát ' +
  'báo cáo kết quả khen thưởng kịp thời hiệu quả thiết thực nội dung nhiệm vụ trọng tâm chỉ tiêu phấn đấu hoàn thành ' +
  'xuất sắc chào mừng kỷ niệm đại hội chuyển đổi số cải cách hành chính an sinh xã hội giảm nghèo bền vững').split(' ');
/** Fragments that must survive YAML, XML and the inline markup unchanged (apart from the documented emphasis). */
const ODD = ['(khu #2, cạnh chợ)', 'Mục tiêu: tăng 5%', '"đúng hạn"', 'A & B', '3 < 5', 'x > y', 'số 34-CT/TW', '**trọng tâm**', '*Lao động tiên tiến*', '5 \\* 3', '[phụ lục]', '{dự kiến}', 'giờ 7:30', '@cơ quan', '100%', 'Quý II/2025', 'ĐỢT 1 – ĐỢT 2'];

export interface GenOptions {
  /** Include fragments other helpers are still fixing (underscores, backslashes): see KNOWN_GAPS in the test. */
  risky?: boolean;
}

/** Generates one valid plan object from a seed. */
export function generatePlan(seed: number, opts: GenOptions = {}): Record<string, unknown> {
  const r = rng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const chance = (p: number) => r() < p;
  let uniq = 0;
  const words = (min: number, max: number) => {
    const n = min + int(max - min + 1);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(chance(0.08) ? pick(ODD) : pick(WORDS));
    if (opts.risky && chance(0.05)) out.push(pick(['snake_case', '_nhấn mạnh_', '__đậm__', 'C:\\thư mục', 'a \\\\ b']));
    out[0] = out[0].charAt(0).toLocaleUpperCase('vi') + out[0].slice(1);
    return out.join(' ');
  };
  const sentence = () => `${words(4, 18)} ${++uniq}.`;
  const heading = () => `${words(2, 6)} ${++uniq}`.toLocaleUpperCase('vi');
  const date = (y: number) => `${y}-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`;
  const year = 2018 + int(9);
  let phaseMonth = 0;

  const bullets = (depth: number): unknown[] => Array.from({ length: 1 + int(3) }, () =>
    depth < 2 && chance(0.3) ? { doan: sentence(), gach_dau_dong: bullets(depth + 1) } : sentence());
  const task = (): Record<string, unknown> => {
    const t: Record<string, unknown> = { chu_tri: words(2, 5) };
    if (chance(0.6)) t.phoi_hop = words(2, 8);
    if (chance(0.5)) t.thoi_gian = `Quý ${pick(['I', 'II', 'III', 'IV'])}/${year}`;
    if (chance(0.3)) t.han = `${year}-${String(7 + int(6)).padStart(2, '0')}-15`;
    if (chance(0.3)) t.ket_qua = words(2, 6);
    if (chance(0.25)) t.noi_dung = sentence();
    if (chance(0.15)) t.tham_muu = words(2, 5);
    if (chance(0.15)) t.thuc_hien = words(2, 5);
    if (chance(0.1)) t.khac = [{ nhan: words(1, 2), noi_dung: words(2, 5) }];
    return t;
  };
  const item = (depth: number): unknown => {
    const k = int(10);
    if (depth < 2 && k < 3) return { tieu_de: heading(), noi_dung: Array.from({ length: 1 + int(3) }, () => item(depth + 1)) };
    if (k < 5) return chance(0.5) ? sentence() : { doan: sentence() };
    if (k < 6) return { doan: sentence(), gach_dau_dong: bullets(0) };
    if (k < 7) return { doan: sentence(), so: false, liet_ke: Array.from({ length: 1 + int(3) }, sentence) };
    if (k < 8) return { doan: sentence(), nhiem_vu: task() };
    if (k < 9 && phaseMonth < 11) {
      // phases follow one another through the year (dot/thu-tu)
      const m = phaseMonth + 1;
      phaseMonth = Math.min(12, m + int(3));
      const dot: Record<string, unknown> = { ten: `Đợt ${++uniq}`, tu: `${year}-${String(m).padStart(2, '0')}`, den: `${year}-${String(phaseMonth).padStart(2, '0')}` };
      if (chance(0.5)) { dot.loi_dan = 'Với chủ đề'; dot.chu_de = words(3, 8); }
      if (chance(0.5)) dot.noi_dung = sentence();
      return opts.risky && chance(0.2) ? { dot, gach_dau_dong: bullets(1) } : { dot };
    }
    if (chance(0.5)) return { bang_nhiem_vu: Array.from({ length: 1 + int(3) }, task) };
    const cols = 2 + int(3);
    return { bang: { ...(chance(0.5) ? { tieu_de: heading() } : {}), cot: Array.from({ length: cols }, () => words(1, 3)), dong: Array.from({ length: 1 + int(3), }, () => Array.from({ length: cols }, () => words(1, 4))) } };
  };
  const body = () => Array.from({ length: 2 + int(3) }, () => ({ tieu_de: heading(), noi_dung: Array.from({ length: 1 + int(4) }, () => item(1)) }));

  const khoi = pick(['nha_nuoc', 'dang', 'cong_doan'] as const);
  const recipients: unknown[] = Array.from({ length: 1 + int(4) }, () => `${words(2, 5)} ${++uniq}`);
  if (chance(0.4)) recipients.push({ nhom: Array.from({ length: 1 + int(3) }, () => `${words(2, 4)} ${++uniq}`), muc_dich: pick(['Báo cáo', 'Thực hiện', 'Gửi mạng']) });
  const plan: Record<string, unknown> = {
    khoi,
    ...(chance(0.8) ? { co_quan_chu_quan: heading() } : {}),
    co_quan_ban_hanh: heading(),
    so_ky_hieu: { so: chance(0.2) ? null : 1 + int(300), viet_tat_co_quan: pick(['UBND', 'SNV', 'LĐLĐ', 'BDVTU', 'HU']) },
    dia_danh: words(1, 3),
    ngay_ban_hanh: chance(0.15) ? String(year) : date(year),
    trich_yeu: chance(0.2) ? [words(3, 8), words(3, 8)] : words(3, 12),
    ...(chance(0.4) ? { can_cu: Array.from({ length: 1 + int(3) }, sentence) } : {}),
    ...(chance(0.5) ? { mo_dau: Array.from({ length: 1 + int(2) }, sentence) } : {}),
    noi_dung: body(),
    ...(chance(0.3) ? { ket_thuc: sentence() } : {}),
    noi_nhan: {
      cac_noi: recipients,
      luu: chance(0.7) ? ['VT', pick(['VP', 'TH', 'NV'])] : `Lưu: VT, ${pick(['VP', 'TH'])}.`,
      ...(chance(0.3) ? { ky_hieu_nguoi_soan: pick(['NVA', 'TTB']) } : {}),
    },
    nguoi_ky: (() => {
      const nk: Record<string, unknown> = { chuc_vu: heading(), ho_ten: words(2, 4) };
      const q = int(4);
      if (q === 1) nk.thay_mat = heading();
      if (q === 2 && khoi !== 'dang') { nk.quyen_han = 'KT'; nk.thu_truong = heading(); nk.chuc_vu = `PHÓ ${nk.thu_truong as string}`; }
      return nk;
    })(),
  };
  if (chance(0.25)) plan.phu_luc = Array.from({ length: 1 + int(2) }, () => ({ tieu_de: heading(), noi_dung: Array.from({ length: 1 + int(3) }, () => item(1)) }));
  return plan;
}
