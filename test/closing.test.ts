/**
 * Signatures as signed, joint plans (văn bản liên tịch), and the Front / Đoàn families, read back from the .docx:
 * the signature cells' lines in order (TL./TUQ. chains, the other office above the name, the blank lines left for
 * signature and seal), the joint header's stacked issuers and combined ký hiệu, the signatures side by side with
 * the lead issuer on the right, the MTTQ and Đoàn headers, and the rules on the new forms.
 * Sources: NĐ 30/2020 PL I mục II.3, II.7; HD 91/HD-MTTW-BTT; HD 29-HD/TWĐTN-VP (templates/<khoi>/layout.yaml).
 */
import { describe, it, expect } from 'vitest';
import { renderPlan, checkPlanText } from '../src/index.js';
import { renderExample, docxParts, plainParser, effectiveFormatting, isOn } from './helpers.js';

type X = Record<string, any>;
const arr = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const runText = (r: X) => arr(r['w:t']).map((t: X | string) => (typeof t === 'string' ? t : t['#text'] ?? '')).join('');
const paraText = (p: X) => arr(p['w:r']).map(runText).join('');
/** The formatting resolver of the document each paragraph came from (set by tables()). */
const formatOf = new WeakMap<X, ReturnType<typeof effectiveFormatting>>();
/** True when some run of the paragraph is bold as the page shows it (its style chain, then its own formatting). */
const bold = (p: X) => arr(p['w:r']).some((r: X) => isOn(formatOf.get(p)!.run(p, r), 'w:b'));

/** The body's top-level tables, each as rows of cells of paragraphs. */
async function tables(bytes: Buffer): Promise<X[][][][]> {
  const parts = docxParts(bytes);
  const fmt = effectiveFormatting(parts);
  const doc = plainParser.parse(parts['word/document.xml']);
  return arr<X>(doc['w:document']['w:body']['w:tbl']).map((t) => arr<X>(t['w:tr']).map((tr) => arr<X>(tr['w:tc']).map((tc) => {
    const ps = arr<X>(tc['w:p']);
    ps.forEach((p) => formatOf.set(p, fmt));
    return ps;
  })));
}
const texts = (cell: X[]) => cell.map(paraText);

const plan = (extra: string[], signer: string, khoi = 'nha_nuoc') => [
  `khoi: ${khoi}`, 'co_quan_chu_quan: UBND TỈNH BÌNH ĐỊNH', 'co_quan_ban_hanh: SỞ NỘI VỤ', 'so_ky_hieu: { so: 3, viet_tat_co_quan: SNV }',
  'dia_danh: Bình Định', 'ngay_ban_hanh: 2025-03-04', 'trich_yeu: Thử chữ ký', 'noi_dung: [Một đoạn văn.]',
  'noi_nhan: { cac_noi: [A], luu: [VT] }', `nguoi_ky: ${signer}`, ...extra,
].join('\n');
/** The signature cell of a single-issuer plan (last table, right cell). */
async function signature(yaml: string): Promise<string[]> {
  const t = await tables(await renderPlan(yaml));
  return texts(t[t.length - 1][0][1]);
}

describe('signatures as signed (NĐ 30/2020 PL I mục II.7)', () => {
  it('TL. chain: "TL. GIÁM ĐỐC" / "CHÁNH VĂN PHÒNG", blank lines, name', async () => {
    const s = await signature(plan([], '{ quyen_han: TL, thu_truong: GIÁM ĐỐC, chuc_vu: CHÁNH VĂN PHÒNG, ho_ten: Lê Văn C }'));
    expect(s).toEqual(['TL. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG', '', '', '', '', 'Lê Văn C']);
  });

  it('TUQ. under TM.: "TM. ỦY BAN NHÂN DÂN" / "TUQ. CHỦ TỊCH" / title', async () => {
    const s = await signature(plan([], '{ thay_mat: ỦY BAN NHÂN DÂN, quyen_han: TUQ, thu_truong: CHỦ TỊCH, chuc_vu: GIÁM ĐỐC SỞ NỘI VỤ, ho_ten: Lê Văn C }'));
    expect(s.slice(0, 3)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'TUQ. CHỦ TỊCH', 'GIÁM ĐỐC SỞ NỘI VỤ']);
  });

  it('the other office (chuc_vu_khac) stands under the signature space, above the name, bold', async () => {
    const yaml = plan([], '{ chuc_vu: PHÓ TRƯỞNG BAN, chuc_vu_khac: [GIÁM ĐỐC SỞ NỘI VỤ], ho_ten: Lê Văn C }');
    const t = await tables(await renderPlan(yaml));
    const cell = t[t.length - 1][0][1];
    expect(texts(cell)).toEqual(['PHÓ TRƯỞNG BAN', '', '', '', '', 'GIÁM ĐỐC SỞ NỘI VỤ', 'Lê Văn C']);
    expect(bold(cell[5])).toBe(true);
  });

  it('another office under the name (chuc_vu_khac_duoi), with or without one above it, bold like it (issue 20)', async () => {
    const yaml = plan([], '{ chuc_vu: TRƯỞNG BAN, chuc_vu_khac: [GIÁM ĐỐC SỞ NỘI VỤ], chuc_vu_khac_duoi: [PHÓ CHỦ TỊCH UBND TỈNH, KIÊM NHIỆM], ho_ten: Lê Văn C }');
    const t = await tables(await renderPlan(yaml));
    const cell = t[t.length - 1][0][1];
    expect(texts(cell)).toEqual(['TRƯỞNG BAN', '', '', '', '', 'GIÁM ĐỐC SỞ NỘI VỤ', 'Lê Văn C', 'PHÓ CHỦ TỊCH UBND TỈNH', 'KIÊM NHIỆM']);
    expect(bold(cell[7])).toBe(true);
    expect(await signature(plan([], '{ chuc_vu: TRƯỞNG BAN, chuc_vu_khac_duoi: PHÓ CHỦ TỊCH UBND TỈNH, ho_ten: Lê Văn C }'))).toEqual(['TRƯỞNG BAN', '', '', '', '', 'Lê Văn C', 'PHÓ CHỦ TỊCH UBND TỈNH']);
  });

  it('the space for signature and seal is set per plan (nguoi_ky.khoang_ky), the family default otherwise', async () => {
    const two = await signature(plan([], '{ chuc_vu: GIÁM ĐỐC, ho_ten: Lê Văn C, khoang_ky: 2 }'));
    const six = await signature(plan([], '{ chuc_vu: GIÁM ĐỐC, ho_ten: Lê Văn C, khoang_ky: 6 }'));
    expect(two.filter((l) => l === '')).toHaveLength(2);
    expect(six.filter((l) => l === '')).toHaveLength(6);
    expect((await signature(plan([], '{ chuc_vu: GIÁM ĐỐC, ho_ten: Lê Văn C }'))).filter((l) => l === '')).toHaveLength(4);
  });

  it('the KT. line under TM. follows it with no space; the first line keeps the 6 pt that sets it level with "Nơi nhận:" (issue 20)', async () => {
    const t = await tables(await renderPlan(plan([], '{ thay_mat: ỦY BAN NHÂN DÂN, quyen_han: KT, thu_truong: CHỦ TỊCH, chuc_vu: PHÓ CHỦ TỊCH, ho_ten: Lê Văn C }')));
    const [left, right] = t[t.length - 1][0];
    const before = (p: X) => Number(formatOf.get(p)!.paragraph(p)['w:spacing']?.['@w:before'] ?? 0);
    expect(texts(right).slice(0, 3)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(right.slice(0, 3).map(before)).toEqual([120, 0, 0]);
    expect(paraText(left[0])).toBe('Nơi nhận:');
    expect(before(left[0])).toBe(before(right[0]));
  });

  it('a line break typed in thu_truong is a line break inside the KT. line', async () => {
    const xml = docxParts(await renderPlan(plan([], '{ quyen_han: KT, thu_truong: "TRƯỞNG BAN\\nPHÓ THỦ TƯỚNG", chuc_vu: PHÓ TRƯỞNG BAN, ho_ten: Lê Văn C }')))['word/document.xml'];
    expect(xml).toMatch(/KT\. TRƯỞNG BAN<\/w:t><\/w:r><w:r>(?:(?!<\/w:r>).)*<w:br\/>(?:(?!<\/w:p>).)*PHÓ THỦ TƯỚNG/);
  });
});

describe('joint plan (văn bản liên tịch): examples/006', () => {
  const ex = '006-lien-tich-snv-stc-gia-lai-2026.yaml';

  it('header: the issuers stacked in ô 2, lead first, the shared chủ quản once; combined ký hiệu', async () => {
    const [header] = await tables(await renderExample(ex));
    const left = header[0][0];
    expect(texts(left).filter(Boolean)).toEqual(['UBND TỈNH GIA LAI', 'SỞ NỘI VỤ', 'SỞ TÀI CHÍNH']);
    expect(left.map(bold).slice(0, 3)).toEqual([false, true, true]);
    expect(texts(header[1][0])).toEqual(['Số: 05/KH-SNV-STC']);
  });

  it('one signature block per issuer side by side, the lead issuer on the right; Nơi nhận after them', async () => {
    const t = await tables(await renderExample(ex));
    const sig = t[t.length - 2];
    expect(sig).toHaveLength(1);
    expect(sig[0]).toHaveLength(2);
    const [left, right] = sig[0].map(texts);
    expect(right[0]).toBe('KT. GIÁM ĐỐC');
    expect(right[right.length - 1]).toBe('Nguyễn Thị Thu Hà');
    expect(left[0]).toBe('GIÁM ĐỐC');
    expect(left[left.length - 1]).toBe('Trần Minh Khoa');
    expect(left.length).toBe(right.length); // the names on one level
    expect(texts(t[t.length - 1][0][0])[0]).toBe('Nơi nhận:');
  });

  it('the single-issuer form is unchanged: one closing table of Nơi nhận and signature', async () => {
    const t = await tables(await renderPlan(plan([], '{ chuc_vu: GIÁM ĐỐC, ho_ten: Lê Văn C }')));
    expect(t[t.length - 1][0]).toHaveLength(2);
    expect(texts(t[t.length - 1][0][0])[0]).toBe('Nơi nhận:');
    expect(texts(t[0][1][0])).toEqual(['Số: 03/KH-SNV']);
  });
});

describe('the Front family (mat_tran): examples/007', () => {
  const ex = '007-mttq-luong-minh-2025.yaml';

  it('header: three left lines, only the Ban Thường trực bold; Quốc hiệu on the right; KH-MTTQ-BTT', async () => {
    const [header] = await tables(await renderExample(ex));
    const left = header[0][0].filter((p) => paraText(p));
    expect(left.map(paraText)).toEqual(['ỦY BAN MTTQ VIỆT NAM', 'XÃ LƯƠNG MINH', 'BAN THƯỜNG TRỰC']);
    expect(left.map(bold)).toEqual([false, false, true]);
    expect(texts(header[0][1]).filter(Boolean)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']);
    expect(texts(header[1][0])[0].replace(/\u00a0/g, ' ')).toMatch(/^Số: +\/KH-MTTQ-BTT$/);
  });

  it('signature: TM. BAN THƯỜNG TRỰC / CHỦ TỊCH', async () => {
    const t = await tables(await renderExample(ex));
    const s = texts(t[t.length - 1][0][1]);
    expect(s.slice(0, 2)).toEqual(['TM. BAN THƯỜNG TRỰC', 'CHỦ TỊCH']);
  });
});

describe('the Đoàn family (doan_thanh_nien, HD 29-HD/TWĐTN-VP)', () => {
  const yaml = [
    'khoi: doan_thanh_nien', 'co_quan_ban_hanh: BCH TỈNH GIA LAI', 'so_ky_hieu: { so: 12, viet_tat_co_quan: TĐTN-VP }',
    'dia_danh: Gia Lai', 'ngay_ban_hanh: 2026-03-26', 'trich_yeu: Tổ chức Tháng Thanh niên năm 2026', 'noi_dung: [Một đoạn văn.]',
    'noi_nhan: { cac_noi: [Trung ương Đoàn], luu: [VP] }', 'nguoi_ky: { thay_mat: BAN THƯỜNG VỤ, chuc_vu: BÍ THƯ, ho_ten: Lê Văn C }',
  ].join('\n');

  it('header: issuer and "***" on the left, "ĐOÀN TNCS HỒ CHÍ MINH" on the right, "Số: 12-KH/TĐTN-VP"; Lưu without colon', async () => {
    const t = await tables(await renderPlan(yaml));
    expect(texts(t[0][0][0])).toEqual(['BCH TỈNH GIA LAI', '***']);
    expect(texts(t[0][0][1])).toEqual(['ĐOÀN TNCS HỒ CHÍ MINH']);
    expect(texts(t[0][1][0])).toEqual(['Số: 12-KH/TĐTN-VP']);
    const closing = t[t.length - 1][0];
    expect(texts(closing[0])).toContain('- Lưu VP.');
    expect(texts(closing[1])[0]).toBe('TM. BAN THƯỜNG VỤ');
  });
});

describe('rules on the new forms', () => {
  const check = (text: string) => checkPlanText(text, { file: 'x.yaml' }).diagnostics;
  const joint = (abbr: string, signer = '{ chuc_vu: GIÁM ĐỐC, ho_ten: Trần Văn B }') =>
    plan(['lien_tich:', `  - { co_quan_ban_hanh: SỞ TÀI CHÍNH, viet_tat_co_quan: ${abbr}, nguoi_ky: ${signer} }`], '{ chuc_vu: GIÁM ĐỐC, ho_ten: Lê Văn C }');

  it('a joint plan validates, and a co-issuer repeating the lead abbreviation is an error at its line', () => {
    expect(check(joint('STC')).filter((d) => d.severity === 'error')).toEqual([]);
    const d = check(joint('SNV')).find((x) => x.rule === 'ky-hieu/lien-tich-trung');
    expect(d?.severity).toBe('error');
    expect(d?.line).toBe(12); // the co-issuer's line
  });

  it('signature rules run on every signer: KT. by a non-deputy co-issuer is reported at the co-issuer', () => {
    const d = check(joint('STC', '{ quyen_han: KT, thu_truong: GIÁM ĐỐC, chuc_vu: TRƯỞNG PHÒNG, ho_ten: Trần Văn B }')).find((x) => x.rule === 'chu-ky/kt-pho');
    expect(d?.line).toBe(12); // the co-issuer's line
  });

  it('Front: the chairman of a Ban Thường trực signs "TM. BAN THƯỜNG TRỰC" (warning when thay_mat is missing)', () => {
    const front = (signer: string) => [
      'khoi: mat_tran', 'co_quan_chu_quan: [ỦY BAN MTTQ VIỆT NAM, XÃ LƯƠNG MINH]', 'co_quan_ban_hanh: BAN THƯỜNG TRỰC',
      'so_ky_hieu: { so: 3, viet_tat_co_quan: MTTQ-BTT }', 'dia_danh: Lương Minh', 'ngay_ban_hanh: 2025-03-04', 'trich_yeu: Thử',
      'noi_dung: [Một đoạn văn.]', 'noi_nhan: { cac_noi: [A], luu: [VT] }', `nguoi_ky: ${signer}`,
    ].join('\n');
    expect(check(front('{ chuc_vu: CHỦ TỊCH, ho_ten: Lan Thị Vân }')).map((d) => d.rule)).toContain('chu-ky/mat-tran-tm');
    expect(check(front('{ thay_mat: BAN THƯỜNG TRỰC, chuc_vu: CHỦ TỊCH, ho_ten: Lan Thị Vân }')).map((d) => d.rule)).not.toContain('chu-ky/mat-tran-tm');
  });
});
