/**
 * The inline parser (src/form/inline.ts): only `*italic*`, `**bold**`, `\*` and `[^key]` are markup (README,
 * issues 8 and 11). Each broken case below lost characters under the previous markdown-it parser.
 */
import { describe, it, expect } from 'vitest';
import { inlineSpans, plainText, strayStars, footnoteRefs } from '../src/form/inline.js';
import { checkPlanText } from '../src/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES_DIR } from './helpers.js';

const marks = (s: string) => inlineSpans(s).map((x) => (x.footnote ? `[fn:${x.footnote}]` : x.bold && x.italic ? `<bi>${x.text}</bi>` : x.bold ? `<b>${x.text}</b>` : x.italic ? `<i>${x.text}</i>` : x.text)).join('');

describe('inline markup: what is kept literally (issues 8, 11)', () => {
  it.each([
    ['(*) Ghi chú (*)', '(*) Ghi chú (*)'],
    ['2*3*4', '2*3*4'],
    ['_x_', '_x_'],
    ['__x__', '__x__'],
    ['Họ tên: ____', 'Họ tên: ____'],
    ['a\\b, C:\\dir\\file, \\_, \\#, \\.', 'a\\b, C:\\dir\\file, \\_, \\#, \\.'],
    ['\\*không nghiêng\\*', '*không nghiêng*'],
    ['dấu * ở giữa', 'dấu * ở giữa'],
    ['[**]', '[**]'],
    ['*mở mà không đóng', '*mở mà không đóng'],
  ])('%s', (src, text) => {
    expect(plainText(src)).toBe(text);
    expect(inlineSpans(src).every((s) => !s.bold && !s.italic)).toBe(true);
  });
});

describe('inline markup: emphasis as the examples use it', () => {
  it.each([
    ['*nghiêng*', '<i>nghiêng</i>'],
    ['**đậm**', '<b>đậm</b>'],
    ['***cả hai***', '<bi>cả hai</bi>'],
    ['- *Chủ trì:* Văn phòng', '- <i>Chủ trì:</i> Văn phòng'],
    ['*a **b** c*', '<i>a </i><bi>b</bi><i> c</i>'],
    ['(**x**) và *“Dân vận khéo”*', '(<b>x</b>) và <i>“Dân vận khéo”</i>'],
    ['x*y*z', 'x<i>y</i>z'],
    ['2*3*4 và *a*', '2*3*4 và <i>a</i>'],
  ])('%s', (src, out) => expect(marks(src)).toBe(out));
  it('footnote references [^key] are their own spans, text around kept', () => {
    expect(marks('Nghị quyết[^nq1] và *Luật*[^2].')).toBe('Nghị quyết[fn:nq1] và <i>Luật</i>[fn:2].');
    expect(footnoteRefs('a[^1] b[^x-2] [^ không] [^]')).toEqual(['1', 'x-2']);
    expect(plainText('[^ không] [^]')).toBe('[^ không] [^]');
  });
});

describe('stray stars (rule van-ban/danh-dau)', () => {
  it('counts only stars that look like an unclosed mark', () => {
    expect([strayStars('*mở'), strayStars('**a*'), strayStars('a**')]).toEqual([1, 1, 1]);
    expect([strayStars('(*) x (*)'), strayStars('2*3*4'), strayStars('a * b'), strayStars('\\*a'), strayStars('*a* **b**')]).toEqual([0, 0, 0, 0, 0]);
  });
  const plan = (text: string) => readFileSync(join(EXAMPLES_DIR, '003-so-ldtbxh-binh-phuoc-2018.yaml'), 'utf8').replace(/^ket_thuc:\n {2}- .*$/m, `ket_thuc:\n  - '${text}'`);
  const danhDau = (text: string) => checkPlanText(plan(text)).diagnostics.filter((d) => d.rule === 'van-ban/danh-dau').length;
  it('warns on an unclosed * but not on literal stars', () => {
    expect(danhDau('Trên đây là *Kế hoạch')).toBe(1);
    expect(danhDau('Các mục (*) là bắt buộc (*), tỷ lệ 2*3.')).toBe(0);
  });
});
