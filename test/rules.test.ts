/**
 * The rules of the standard (src/rules): for every rule in RULES, a plan on which it stays silent (minimal.yaml or
 * a near miss) and a small mutation of minimal.yaml on which it reports its id, severity and position.
 * A rule added to RULES without a case here fails the "every rule has a case" test.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlanText, type Diagnostic } from '../src/index.js';
import { RULES as ALL_RULES, onDocument, type PlanRule } from '../src/rules/index.js';

/** The plan rules (the document rules of `kehoach check` have their cases in test/check.test.ts). */
const RULES = ALL_RULES.filter((r): r is PlanRule => !onDocument(r));
import { ROOT } from './helpers.js';

/** minimal.yaml, whose line numbers the positions below refer to (line 3 is "khoi: nha_nuoc"). */
const MINIMAL = readFileSync(join(ROOT, 'test', 'fixtures', 'minimal.yaml'), 'utf8');

/** Replaces one exact piece of minimal.yaml (fails loudly when the piece is not there, so cases cannot rot). */
function edit(text: string, ...pairs: [string, string][]): string {
  let out = text;
  for (const [from, to] of pairs) {
    if (!out.includes(from)) throw new Error(`edit: "${from}" not found`);
    out = out.replace(from, to);
  }
  return out;
}
const mutate = (...pairs: [string, string][]) => edit(MINIMAL, ...pairs);

/** A phase item appended to the body (after line 22), so its lines are 23–26. */
const withPhase = (tu: string, den: string) =>
  mutate(['          han: 2025-06-30\n', `          han: 2025-06-30\n  - dot:\n      ten: Đợt 1\n      tu: ${tu}\n      den: ${den}\n`]);

interface RuleCase {
  /** A plan on which the rule reports nothing. */
  pass: string;
  /** A plan on which it reports, and where (1-based line and column in `fail`). */
  fail: string;
  at: [number, number];
}

const CASES: Record<string, RuleCase> = {
  'dau-trang/dong-dai': {
    pass: mutate(['co_quan_ban_hanh: SỞ NỘI VỤ', 'co_quan_ban_hanh: [SỞ LAO ĐỘNG – THƯƠNG BINH, VÀ XÃ HỘI]']),
    fail: mutate(['co_quan_ban_hanh: SỞ NỘI VỤ', 'co_quan_ban_hanh: SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI']),
    at: [5, 19],
  },
  'ky-hieu/loai-van-ban': {
    pass: mutate(['  so: 12\n', '  so: 12\n  loai_van_ban: CTr\n']),
    fail: mutate(['  so: 12\n', '  so: 12\n  loai_van_ban: KHH\n']),
    at: [8, 17],
  },
  'ky-hieu/co-quan': {
    pass: mutate(['viet_tat_co_quan: SNV', 'viet_tat_co_quan: SNV-VP']),
    fail: mutate(['viet_tat_co_quan: SNV', 'viet_tat_co_quan: Snv']),
    at: [8, 21],
  },
  'ky-hieu/lap-loai': {
    // starts with the letters KH, but not with the type code and its separator
    pass: mutate(['viet_tat_co_quan: SNV', 'viet_tat_co_quan: KHCN']),
    fail: mutate(['viet_tat_co_quan: SNV', 'viet_tat_co_quan: KH-SNV']),
    at: [8, 21],
  },
  'chu-ky/kt-pho': {
    // the head signing directly (no KT.) is not a deputy, and needs not be
    pass: mutate(['  quyen_han: KT\n  thu_truong: GIÁM ĐỐC\n  chuc_vu: PHÓ GIÁM ĐỐC\n', '  chuc_vu: GIÁM ĐỐC\n']),
    fail: mutate(['  chuc_vu: PHÓ GIÁM ĐỐC', '  chuc_vu: GIÁM ĐỐC']),
    at: [31, 12],
  },
  'chu-ky/tm-tap-the': {
    pass: mutate(['nguoi_ky:\n', 'nguoi_ky:\n  thay_mat: BAN GIÁM ĐỐC\n']),
    fail: mutate(['nguoi_ky:\n', 'nguoi_ky:\n  thay_mat: GIÁM ĐỐC SỞ\n']),
    at: [29, 13],
  },
  'chu-ky/tm-pho': {
    // the Party writes T/M + PHÓ … without K/T
    pass: mutate(['khoi: nha_nuoc', 'khoi: dang'], ['  quyen_han: KT\n  thu_truong: GIÁM ĐỐC\n', '  thay_mat: BAN THƯỜNG VỤ\n']),
    fail: mutate(['  quyen_han: KT\n  thu_truong: GIÁM ĐỐC\n', '  thay_mat: ỦY BAN NHÂN DÂN\n']),
    at: [30, 12],
  },
  'chu-ky/pho-khong-kt': {
    // a deputy who signs KT. <head>
    pass: MINIMAL,
    fail: mutate(['  quyen_han: KT\n  thu_truong: GIÁM ĐỐC\n', '']),
    at: [29, 12],
  },
  'chu-ky/thu-truong-khong-in': {
    pass: MINIMAL,
    fail: mutate(['  quyen_han: KT\n  thu_truong: GIÁM ĐỐC\n  chuc_vu: PHÓ GIÁM ĐỐC', '  thu_truong: GIÁM ĐỐC\n  chuc_vu: GIÁM ĐỐC']),
    at: [29, 15],
  },
  'chu-ky/tien-to': {
    pass: MINIMAL,
    fail: mutate(['  thu_truong: GIÁM ĐỐC', '  thu_truong: KT. GIÁM ĐỐC']),
    at: [30, 15],
  },
  'chu-ky/dang-quyen-han': {
    // TUQ is fine for a state body
    pass: mutate(['  quyen_han: KT', '  quyen_han: TUQ']),
    fail: mutate(['khoi: nha_nuoc', 'khoi: dang'], ['  quyen_han: KT', '  quyen_han: TUQ']),
    at: [29, 14],
  },
  'ky-hieu/lien-tich-trung': {
    // a joint plan's co-issuer needs its own abbreviation
    pass: mutate(['  ho_ten: Nguyễn Văn An', '  ho_ten: Nguyễn Văn An\nlien_tich:\n  - co_quan_ban_hanh: SỞ TÀI CHÍNH\n    viet_tat_co_quan: STC\n    nguoi_ky: { chuc_vu: GIÁM ĐỐC, ho_ten: Trần Văn B }']),
    fail: mutate(['  ho_ten: Nguyễn Văn An', '  ho_ten: Nguyễn Văn An\nlien_tich:\n  - co_quan_ban_hanh: SỞ TÀI CHÍNH\n    viet_tat_co_quan: SNV\n    nguoi_ky: { chuc_vu: GIÁM ĐỐC, ho_ten: Trần Văn B }']),
    at: [35, 23],
  },
  'chu-ky/mat-tran-tm': {
    // the chairman of a Front Ban Thường trực signs for the collective
    pass: mutate(['khoi: nha_nuoc', 'khoi: mat_tran'], ['co_quan_ban_hanh: SỞ NỘI VỤ', 'co_quan_ban_hanh: BAN THƯỜNG TRỰC'], ['  quyen_han: KT\n  thu_truong: GIÁM ĐỐC\n  chuc_vu: PHÓ GIÁM ĐỐC', '  thay_mat: BAN THƯỜNG TRỰC\n  chuc_vu: CHỦ TỊCH']),
    fail: mutate(['khoi: nha_nuoc', 'khoi: mat_tran'], ['co_quan_ban_hanh: SỞ NỘI VỤ', 'co_quan_ban_hanh: BAN THƯỜNG TRỰC'], ['  quyen_han: KT\n  thu_truong: GIÁM ĐỐC\n  chuc_vu: PHÓ GIÁM ĐỐC', '  chuc_vu: CHỦ TỊCH']),
    at: [29, 3],
  },
  'noi-nhan/luu': {
    pass: mutate(['  luu: [VT, VP]', "  luu: 'Lưu: VT, VP.'"]),
    fail: mutate(['  luu: [VT, VP]', '  luu: VT, VP.']),
    at: [27, 8],
  },
  'noi-nhan/luu-vt': {
    // the Party's filing line has no VT
    pass: mutate(['khoi: nha_nuoc', 'khoi: dang'], ['  luu: [VT, VP]', '  luu: [Văn phòng Tỉnh ủy]']),
    fail: mutate(['  luu: [VT, VP]', '  luu: [VP, VT]']),
    at: [27, 8],
  },
  'noi-nhan/trung': {
    pass: MINIMAL,
    fail: mutate(['    - Ban Thi đua - Khen thưởng tỉnh', '    - UBND Tỉnh.']),
    at: [26, 7],
  },
  'noi-nhan/luu-trong-cac-noi': {
    // "Lưu trữ tỉnh" (the provincial archive) is a recipient, not the filing line
    pass: mutate(['    - UBND tỉnh\n', '    - Lưu trữ tỉnh\n']),
    fail: mutate(['    - UBND tỉnh\n', '    - "Lưu: VT, VP."\n']),
    at: [25, 7],
  },
  'noi-nhan/gach-dau': {
    // minimal.yaml has "Ban Thi đua - Khen thưởng tỉnh": a dash inside the text is not a leading dash
    pass: MINIMAL,
    fail: mutate(['    - UBND tỉnh\n', '    - UBND tỉnh;\n']),
    at: [25, 7],
  },
  'so-thu-tu/lien-tuc': {
    pass: mutate(['  - tieu_de: TỔ CHỨC THỰC HIỆN\n', '  - tieu_de: TỔ CHỨC THỰC HIỆN\n    so: II.\n']),
    fail: mutate(['  - tieu_de: TỔ CHỨC THỰC HIỆN\n', '  - tieu_de: TỔ CHỨC THỰC HIỆN\n    so: III.\n']),
    at: [17, 9],
  },
  'so-thu-tu/tu-viet': {
    // a year at the start is not a number mark
    pass: mutate(['- doan: Phát huy tinh thần thi đua.', '- doan: 2025 là năm thi đua.']),
    fail: mutate(['- doan: Phát huy tinh thần thi đua.', '- doan: 1. Phát huy tinh thần thi đua.']),
    at: [15, 15],
  },
  'trinh-bay/ngoai-khung': {
    // 13 pt is inside NĐ 30's 13–14 pt; 12 pt is not (a warning, the value still applies)
    pass: mutate(['noi_dung:\n', 'trinh_bay:\n  co_chu: 13\nnoi_dung:\n']),
    fail: mutate(['noi_dung:\n', 'trinh_bay:\n  co_chu: 12\nnoi_dung:\n']),
    at: [13, 11],
  },
  'trinh-bay/so-trang': {
    // the page number in the header is NĐ 30's (PL I mục II.10); in the footer it is the office's choice, warned
    pass: mutate(['noi_dung:\n', 'trinh_bay:\n  so_trang: dau_trang\nnoi_dung:\n']),
    fail: mutate(['noi_dung:\n', 'trinh_bay:\n  so_trang: chan_trang\nnoi_dung:\n']),
    at: [13, 13],
  },
  'dot/loi-dan-khong-in': {
    pass: edit(withPhase('2025-04-01', '2025-06-30'), ['      den: 2025-06-30\n', '      den: 2025-06-30\n      loi_dan: với khẩu hiệu\n      chu_de: Thi đua lập công\n']),
    fail: edit(withPhase('2025-04-01', '2025-06-30'), ['      den: 2025-06-30\n', '      den: 2025-06-30\n      loi_dan: với khẩu hiệu\n']),
    at: [27, 16],
  },
  'nhiem-vu/khong-in': {
    // a task's own label for a field it gives prints; one for a field it does not give is reported
    pass: mutate(['          han: 2025-06-30\n', '          han: 2025-06-30\n          nhan: { thoi_gian: Thời gian hoàn thành }\n']),
    fail: mutate(['          han: 2025-06-30\n', '          han: 2025-06-30\n          nhan: { ket_qua: Sản phẩm }\n']),
    at: [23, 28],
  },
  'dot/thu-tu': {
    pass: withPhase('2025-04-01', '2025-06-30'),
    fail: withPhase('2025-06-01', '2025-04-30'),
    at: [26, 12],
  },
  'dot/trong-ky': {
    // a deadline in 2026 is inside a plan period that says so
    pass: mutate(['          han: 2025-06-30', '          han: 2026-06-30'], ['noi_dung:\n', 'thoi_gian_ke_hoach: {tu: 2025-01-01, den: 2026-12-31}\nnoi_dung:\n']),
    fail: mutate(['          han: 2025-06-30', '          han: 2026-06-30']),
    at: [22, 16],
  },
  'tieu-de/in-hoa': {
    // Party headings need not be upper case
    pass: mutate(['khoi: nha_nuoc', 'khoi: dang'], ['  - tieu_de: MỤC ĐÍCH, YÊU CẦU', '  - tieu_de: Mục đích, yêu cầu']),
    fail: mutate(['  - tieu_de: MỤC ĐÍCH, YÊU CẦU', '  - tieu_de: Mục đích, yêu cầu']),
    at: [13, 14],
  },
  'trich-yeu/dau-cham': {
    pass: MINIMAL,
    fail: mutate(['trich_yeu: Tổ chức phong trào thi đua năm 2025', 'trich_yeu: Tổ chức phong trào thi đua năm 2025.']),
    at: [11, 12],
  },
  'van-ban/khoang-trang': {
    pass: MINIMAL,
    fail: mutate(['dia_danh: Bình Thuận', 'dia_danh: Bình  Thuận']),
    at: [9, 11],
  },
  'van-ban/danh-dau': {
    pass: mutate(['- doan: Phát huy tinh thần thi đua.', '- doan: Phát huy *tinh thần* **thi đua**.']),
    fail: mutate(['- doan: Phát huy tinh thần thi đua.', '- doan: Phát huy *tinh thần thi đua.']),
    at: [15, 15],
  },
  'import/chua-dien': {
    // "…" inside a text is writing; "…" alone is a value import could not find
    pass: mutate(['dia_danh: Bình Thuận', 'dia_danh: Bình Thuận …']),
    fail: mutate(['dia_danh: Bình Thuận', 'dia_danh: …']),
    at: [9, 11],
  },
};

const check = (text: string, lang: 'vi' | 'en' = 'vi'): Diagnostic[] => checkPlanText(text, { file: 'x.yaml', lang }).diagnostics;
const show = (ds: Diagnostic[]) => ds.map((d) => `${d.line}:${d.column} ${d.severity} [${d.rule}] ${d.message}`).join('\n') || '(none)';
/** Errors that stop a plan before the rules run, or that are not this rule's. */
const otherErrors = (ds: Diagnostic[], id: string) => ds.filter((d) => d.severity === 'error' && d.rule !== id);

describe('the rule registry', () => {
  it('every rule in RULES has a passing and a failing case in this file (and no case is stale)', () => {
    expect(RULES.map((r) => r.id).filter((id) => !(id in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((id) => !RULES.some((r) => r.id === id))).toEqual([]);
  });

  it('rule ids are unique and well formed', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s has a vi and en description, a source and a severity', (_id, r) => {
    expect(r.description.vi.trim()).not.toBe('');
    expect(r.description.en.trim()).not.toBe('');
    expect(r.description.vi).not.toBe(r.description.en);
    expect(r.source.trim()).not.toBe('');
    expect(['error', 'warning']).toContain(r.severity);
    expect(typeof r.check).toBe('function');
  });

  it('minimal.yaml passes every rule with no diagnostic at all', () => {
    expect(check(MINIMAL)).toEqual([]);
  });
});

describe.each(RULES.map((r) => [r.id, r] as const))('%s', (id: string, rule: PlanRule) => {
  const c = CASES[id];
  if (!c) {
    it('has test cases in CASES', () => expect(c, `no case for ${id}`).toBeDefined());
    return;
  }

  it('passes: reports nothing on a valid plan that reaches the rules', () => {
    const ds = check(c.pass);
    // the passing plan must be free of errors, or the rules would not even run
    expect(otherErrors(ds, id), show(ds)).toEqual([]);
    expect(ds.filter((d) => d.rule === id), show(ds)).toEqual([]);
  });

  it(`fails: reports [${id}] at ${c.at[0]}:${c.at[1]} with severity ${rule.severity}`, () => {
    const ds = check(c.fail);
    expect(otherErrors(ds, id), `only this rule may report an error:\n${show(ds)}`).toEqual([]);
    const hit = ds.find((d) => d.rule === id);
    expect(hit, show(ds)).toBeDefined();
    expect({ line: hit!.line, column: hit!.column, severity: hit!.severity, file: hit!.file }).toEqual({
      line: c.at[0], column: c.at[1], severity: rule.severity, file: 'x.yaml',
    });
    expect(hit!.message.trim()).not.toBe('');
    expect(hit!.message).not.toMatch(/\{\w+\}|undefined|\[object Object\]|NaN/);
  });

  it('speaks English with lang "en" (a different message, same position)', () => {
    const vi = check(c.fail, 'vi').find((d) => d.rule === id)!;
    const en = check(c.fail, 'en').find((d) => d.rule === id);
    expect(en, show(check(c.fail, 'en'))).toBeDefined();
    expect(en!.message).not.toBe(vi.message);
    expect(en!.message).not.toMatch(/\{\w+\}|undefined|\[object Object\]|NaN/);
    expect([en!.line, en!.column, en!.severity]).toEqual([vi.line, vi.column, vi.severity]);
  });
});

describe('what the messages say', () => {
  it('noi-nhan/trung names the LINE of the first occurrence, as its message promises ("đã có ở dòng …")', () => {
    // "UBND tỉnh" is first on line 25 of minimal.yaml; the message must not print a data path instead.
    for (const lang of ['vi', 'en'] as const) {
      const d = check(CASES['noi-nhan/trung'].fail, lang).find((x) => x.rule === 'noi-nhan/trung')!;
      expect(d.message).not.toContain('noi_nhan.cac_noi');
      expect(d.message).toMatch(/\b25\b/);
    }
  });

  it('trich-yeu/dau-cham says what is wrong: the trích yếu ENDS with a full stop and must not', () => {
    const en = check(CASES['trich-yeu/dau-cham'].fail, 'en').find((x) => x.rule === 'trich-yeu/dau-cham')!;
    // "the trích yếu does not end with a full stop" states the opposite of the fault it reports.
    expect(en.message).not.toMatch(/does not end with a full stop/);
    expect(en.message).toMatch(/must not|should not|ends with/);
  });
});

describe('so-thu-tu/lien-tuc on a letter level (issue 20)', () => {
  // a third level of hand-given letters under "1." of II: a), b), c), d) then the given one
  const letters = (last: string) => mutate(['          han: 2025-06-30\n', `          han: 2025-06-30\n        noi_dung:\n${['a)', 'b)', 'c)', 'd)', last].map((l) => `          - doan: Việc ${l}\n            so: '${l}'\n`).join('')}`]);
  const lienTuc = (text: string) => checkPlanText(text, { file: 'letters.yaml' }).diagnostics.filter((d) => d.rule === 'so-thu-tu/lien-tuc');
  it('warns of "f)" after "d)" as of a skipped number, once, where the sequence breaks', () => {
    const ds = lienTuc(letters('f)'));
    expect(ds.map((d) => [d.line, d.severity])).toEqual([[33, 'warning']]);
    expect(ds[0].message).toContain('"f)"');
    expect(ds[0].message).toContain('đ)');
  });
  it('is silent on "đ)" after "d)", and warns of "e)" there (đ skipped)', () => {
    expect(lienTuc(letters('đ)'))).toEqual([]);
    expect(lienTuc(letters('e)')).map((d) => d.line)).toEqual([33]);
  });
});
