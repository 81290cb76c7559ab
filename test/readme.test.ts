/** The README's annotated YAML example is a real plan: it validates and renders what its comments say. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPlan, validatePlan } from '../src/index.js';
import { ROOT, docxParagraphs } from './helpers.js';

const yaml = /```yaml\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))![1];

describe('README example', () => {
  it('is valid', () => expect(validatePlan(yaml)).toEqual([]));
  it('renders the forms its comments promise', async () => {
    const paras = docxParagraphs(await renderPlan(yaml));
    const has = (s: string) => expect(paras.some((p) => p.includes(s)), s).toBe(true);
    has('Số: 05/KH-SLĐTBXH');
    has('Bình Phước, ngày 05 tháng 02 năm 2025');
    has('I. MỤC ĐÍCH, YÊU CẦU');
    has('1. Mục đích');
    has('- Ý thứ nhất.');
    has('2. Đoạn văn có số.');
    has('II. TỔ CHỨC THỰC HIỆN');
    has('1- Xây dựng kế hoạch.');
    has('- Chủ trì: Văn phòng Sở.');
    has('Đợt 1: Từ tháng 01/2025 đến 30/6/2025 với chủ đề “Thi đua lập thành tích”.');
    has('3- Công an tỉnh: Chủ trì bảo đảm an ninh.');
    has('Trên đây là Kế hoạch .../.');
    has('- Ban TĐKT tỉnh;');
    has('- Lưu: VT, VP.');
    has('KT. GIÁM ĐỐC');
    has('PHÓ GIÁM ĐỐC');
    has('Phụ lục');
    has('BẢNG PHÂN CÔNG NHIỆM VỤ');
    has('(Kèm theo Kế hoạch số 05/KH-SLĐTBXH ngày 05/02/2025)');
    has('Tuyên truyền');
    // order: body before signature before appendix
    const at = (s: string) => paras.findIndex((p) => p.includes(s));
    expect(at('Trên đây')).toBeLessThan(at('Phan Văn Mạnh'));
    expect(at('Phan Văn Mạnh')).toBeLessThan(at('BẢNG PHÂN CÔNG'));
  });
});

describe('README size table', () => {
  it('equals the one generated from the layout data (run npm run build && npm run gen:sizes-doc)', async () => {
    const { sizesTable, withSizes } = await import(join(ROOT, 'scripts', 'gen-sizes-doc.mjs'));
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table: string = await sizesTable();
    expect(readme).toContain('<!-- sizes:start -->');
    expect(withSizes(readme, table)).toBe(readme);
    // the table says what the data says (so the comparison above can fail): the state's Nơi nhận 11, the Party's 12
    expect(table).toMatch(/^\| `noi_nhan` \(recipients\) \| 11 \| 11 \| 12 \| 11 \| 11 \|$/m);
    expect(table).toMatch(/^\| `co_chu` \| 13–14 pt \| 13–14 pt \| 14–15 pt \|/m);
  });
});
