/**
 * The structural figure of `import` (src/import/fidelity.ts, issue 19 item 2): what it counts as recovered, what it
 * flags (placeholder, guess, doubtful, a number that differs from the source) on small plans and sources made for
 * the test, and the CLI's lines in Vietnamese and English.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { readText } from '../src/docx-read/index.js';
import { paragraphs, fullText } from '../src/docx-read/model.js';
import { importDocument } from '../src/import/index.js';
import { Notes } from '../src/import/notes.js';
import { compareStructure, planFields, commentKind, formatFidelity } from '../src/import/fidelity.js';
import type { KeHoach } from '../src/types/plan.js';
import { CLI } from './helpers.js';
import { familyPlan } from './support/family-plan.js';

const plan = (yaml: string) => parse(yaml) as KeHoach;
const imported = (text: string) => {
  const doc = readText(text);
  const r = importDocument(doc);
  return { plan: r.plan, notes: r.notes, source: new Map(paragraphs(doc).map((p) => [p.index, fullText(p)])) };
};
const kinds = (f: ReturnType<typeof compareStructure>) => f.issues.map((i) => `${i.kind} ${i.path}`);

/** A plain-text plan as issued: header lines, title, two sections, Nơi nhận and the signature interleaved. */
const TEXT = (o: { header?: boolean; sections?: string[] } = {}) => [
  ...(o.header === false ? [] : ['UBND TỈNH A', 'SỞ NỘI VỤ', 'Số: 12/KH-SNV', 'Tỉnh A, ngày 05 tháng 3 năm 2026', '']),
  'KẾ HOẠCH', 'Tổ chức hội nghị năm 2026', '',
  ...(o.sections ?? ['I. MỤC ĐÍCH', '1. Bảo đảm thiết thực.', 'II. NỘI DUNG', '1. Tổ chức hội nghị.']),
  '', 'Nơi nhận:', '- Các sở;', '- Lưu: VT, VP.', '', 'GIÁM ĐỐC', '', 'Nguyễn Văn An',
].join('\n');

describe('compareStructure: field by field', () => {
  it('a plan against itself: every field recovered, ratio 1', () => {
    const p = plan(familyPlan('nha_nuoc'));
    const f = compareStructure({ plan: p }, { plan: p });
    expect(f.ratio).toBe(1);
    expect(f.issues).toEqual([]);
    expect(f.parts.find((x) => x.part === 'header')).toMatchObject({ recovered: 10, total: 10 });
  });

  it('a level, a number and a signer field that differ are counted as changed, each once', () => {
    const a = plan(familyPlan('nha_nuoc'));
    const b = plan(familyPlan('nha_nuoc', { signer: '{ chuc_vu: PHÓ CHỦ TỊCH, ho_ten: Nguyễn Văn An }', danhSo: ['A.', '1.'] }));
    const f = compareStructure({ plan: a }, { plan: b });
    expect(kinds(f)).toEqual(['changed noi_dung[0].so', 'changed noi_dung[1].so', 'changed nguoi_ky.chuc_vu']);
    expect(f.total).toBe(planFields(a).length);
    expect(f.recovered).toBe(f.total - 3);
  });

  it('the same body written two ways that print alike (bullets of an item, a bullets-only child) is no difference', () => {
    const a = plan(familyPlan('nha_nuoc', { body: 'noi_dung:\n  - tieu_de: A\n    gach_dau_dong: [x, y]\n' }));
    const b = plan(familyPlan('nha_nuoc', { body: 'noi_dung:\n  - tieu_de: A\n    noi_dung:\n      - gach_dau_dong: [x, y]\n' }));
    expect(compareStructure({ plan: a }, { plan: b }).issues).toEqual([]);
  });

  it('footnotes: keys renamed by order of use are no difference; a note that changes is', () => {
    const a = plan(familyPlan('nha_nuoc', { body: 'noi_dung: ["Một[^ct].", "Hai[^x]."]\nchu_thich: { ct: Ghi chú một., x: Ghi chú hai. }\n' }));
    const b = plan(familyPlan('nha_nuoc', { body: 'noi_dung: ["Một[^1].", "Hai[^2]."]\nchu_thich: { "1": Ghi chú một., "2": Ghi chú khác. }\n' }));
    expect(kinds(compareStructure({ plan: a }, { plan: b }))).toEqual(['changed chu_thich.x']);
  });
});

describe('flags of the imported side', () => {
  it('a source without header: placeholders and a guessed year are not recovered, though they come back alike', () => {
    // No date anywhere in the text ("năm 2026" alone is not one): the date is a placeholder too.
    const r = imported(TEXT({ header: false }));
    const f = compareStructure(r, { plan: r.plan });
    expect(kinds(f).filter((k) => !k.startsWith('changed'))).toEqual([
      'placeholder co_quan_ban_hanh', 'placeholder so_ky_hieu.so', 'placeholder so_ky_hieu.loai_van_ban', 'placeholder so_ky_hieu.viet_tat_co_quan',
      'placeholder dia_danh', 'placeholder ngay_ban_hanh',
    ]);
    expect(f.parts.find((p) => p.part === 'header')!.recovered).toBeLessThanOrEqual(4);
    // A date in the text gives the year guessed, never a year from elsewhere.
    const g = imported(TEXT({ header: false, sections: ['I. MỤC ĐÍCH', '1. Bảo đảm thiết thực, nhiệm kỳ 2026 – 2031.', 'II. NỘI DUNG', '1. Tổ chức hội nghị trước ngày 15/11/2025.'] }));
    expect(g.plan.ngay_ban_hanh).toBe('2025');
    expect(kinds(compareStructure(g, { plan: g.plan }))).toContain('guess ngay_ban_hanh');
  });

  it('the same source with its header: nothing flagged but the issuer, a guess in plain text (no bold line)', () => {
    const r = imported(TEXT());
    expect(kinds(compareStructure(r, { plan: r.plan }))).toEqual(['guess co_quan_ban_hanh']);
  });

  it('a number the plan will print otherwise than the source ("I/" then "II." comes back as "II/")', () => {
    const r = imported(TEXT({ sections: ['I/ MỤC ĐÍCH', '1. Bảo đảm thiết thực.', 'II. NỘI DUNG', '1. Tổ chức hội nghị.', 'III. KINH PHÍ', '1. Ngân sách.'] }));
    const f = compareStructure(r, { plan: r.plan });
    expect(f.issues.filter((i) => i.kind === 'source').map((i) => `${i.path} ${i.detail}`)).toEqual(['noi_dung[1].so "II." → "II/"', 'noi_dung[2].so "III." → "III/"']);
  });

  it('doubtful forms: a recipient folded into the title, a title as the name, section "C." under "B.", a run-in heading as text', () => {
    const p = plan(familyPlan('nha_nuoc', {
      signer: '{ chuc_vu: "- Các sở;\\nGIÁM ĐỐC", ho_ten: PHÓ GIÁM ĐỐC }',
      danhSo: ['A.', 'I.'],
      body: 'noi_dung:\n  - tieu_de: MỘT\n  - tieu_de: HAI\n    noi_dung:\n      - tieu_de: Một\n      - tieu_de: BA\n        so: "C."\n  - doan: "**Sở Y tế:** chủ trì."\n',
    }));
    const f = compareStructure({ plan: p, notes: new Notes() }, { plan: p });
    expect(f.issues.filter((i) => i.kind === 'doubtful').map((i) => i.path)).toEqual(['noi_dung[1].noi_dung[1].so', 'noi_dung[2].doan', 'nguoi_ky.chuc_vu', 'nguoi_ky.ho_ten']);
  });

  it('every comment import writes on the corpus has a kind or is informational by design', () => {
    expect(commentKind('đoán: năm lớn nhất nhắc đến trong văn bản')).toBe('guess');
    expect(commentKind('văn bản nguồn không có tên cơ quan: điền vào')).toBe('placeholder');
    expect(commentKind('dự thảo: văn bản nguồn để trống ngày, ghi tháng 11 (kehoach chỉ giữ được năm)')).toBe('partial');
    expect(commentKind('không xếp được (đoạn 3), để tại chỗ: kiểm tra lại')).toBe('partial');
    expect(commentKind('nối dòng tiếp theo vào nơi nhận này (đoạn 55)')).toBe('guess');
    expect(commentKind('dự thảo: số để trống trong văn bản nguồn (đoạn 4)')).toBeNull();
    expect(commentKind('số thứ tự giữ như văn bản nguồn (đoạn 9)')).toBeNull();
  });
});

describe('the CLI prints the structure per part, then the word recall', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-fidelity-'));
  const src = join(dir, 'kh.txt');
  writeFileSync(src, TEXT({ header: false, sections: ['I. MỤC ĐÍCH', '1. Bảo đảm thiết thực.', 'II. NỘI DUNG', '1. Tổ chức hội nghị trước ngày 15/11/2026.'] }));
  const run = (lang: string[]) => spawnSync(process.execPath, [CLI, ...lang, 'import', src, '-o', join(dir, `kh-${lang.length}.yaml`), '--force'], { encoding: 'utf8', timeout: 120_000 });

  it('Vietnamese by default', () => {
    const r = run([]);
    // The header's values the text does not give are left as "…": import says so and exits 1 (import/chua-dien).
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/co_quan_ban_hanh chưa điền: .*\[import\/chua-dien\]/);
    expect(r.stderr).toMatch(/kehoach: 3 giá trị văn bản nguồn không có, để là "…" trong .*kh-0\.yaml/);
    const out = r.stdout.split('\n');
    expect(out[1]).toMatch(/^cấu trúc khi kết xuất lại rồi nhập lại: \d+\.\d% \(\d+\/\d+ trường lấy lại được từ văn bản nguồn\)$/);
    expect(out).toContain('  phần đầu: 4/10 (5 giữ chỗ, cần điền, 1 đoán)');
    expect(out).toContain('    đoán: ngay_ban_hanh — đoán: văn bản nguồn không có dòng địa danh, ngày; lấy năm của ngày muộn nhất văn bản nhắc đến (15/11/2026): điền ngày ban hành');
    expect(out.findIndex((l) => l.startsWith('khớp chữ'))).toBeGreaterThan(1);
  }, 120_000);

  it('English with --lang en', () => {
    const r = run(['--lang', 'en']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/kehoach: 3 value\(s\) the source does not give, left as "…"/);
    expect(r.stdout).toMatch(/structure after render and import again: \d+\.\d% \(\d+\/\d+ fields recovered from the source\)/);
    expect(r.stdout).toContain('  header: 4/10 (5 placeholder to fill in, 1 guessed)');
    expect(r.stdout).toMatch(/round trip: 100\.0%/);
  }, 120_000);

  it('formatFidelity lists at most `limit` fields and counts the rest', () => {
    const r = imported(TEXT({ header: false }));
    const lines = formatFidelity(compareStructure(r, { plan: r.plan }), 'en', 2);
    expect(lines.at(-1)).toBe('    … and 4 more fields');
  });
});
