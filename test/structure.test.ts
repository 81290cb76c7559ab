/**
 * Structure of the produced .docx XML: page set-up in twips, fonts of every run, the header and closing tables'
 * explicit widths, the title-page setting, the page-number field, sizes of the main components.
 * Values: NĐ 30/2020 PL I (layout-rules.md §1–3), HD 36-HD/VPTW for the Party example.
 */
import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, EXAMPLES_DIR, renderExample, docxParts, plainParser, effectiveFormatting, isOn } from './helpers.js';

const mm = (v: number) => Math.round((v * 1440) / 25.4);
type X = Record<string, any>;

/** Every element named `name` anywhere below `node`. */
export function all(node: unknown, name: string, out: X[] = []): X[] {
  if (Array.isArray(node)) node.forEach((n) => all(n, name, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === name) (Array.isArray(v) ? v : [v]).forEach((x) => out.push(x as X));
      all(v, name, out);
    }
  }
  return out;
}
const runText = (r: X) => (r['w:t'] ?? []).map((t: X | string) => (typeof t === 'string' ? t : t['#text'] ?? '')).join('');

describe.each(EXAMPLES)('%s', (ex) => {
  const plan = parse(readFileSync(join(EXAMPLES_DIR, ex), 'utf8'));
  const party = plan.khoi === 'dang';
  const load = async () => {
    const parts = docxParts(await renderExample(ex));
    return { parts, doc: plainParser.parse(parts['word/document.xml']) as X };
  };

  it('A4 page, margins 20/20/30/15 mm, header 10 mm, different first page', async () => {
    const { doc } = await load();
    const sect = all(doc, 'w:sectPr')[0]; // the plan's own section (appendices may follow it)
    expect(sect['w:pgSz']).toMatchObject({ '@w:w': '11906', '@w:h': '16838' });
    expect(sect['w:pgMar']).toMatchObject({ '@w:top': '1134', '@w:bottom': '1134', '@w:left': '1701', '@w:right': '850', '@w:header': '567' });
    expect(sect).toHaveProperty('w:titlePg');
    const refs = sect['w:headerReference'].map((h: X) => h['@w:type']).sort();
    expect(refs).toEqual(['default', 'first']);
  });

  // The number in the header (NĐ 30 PL I mục II.10), or in the footer where the plan chose it (trinh_bay.so_trang).
  const footer = plan.trinh_bay?.so_trang === 'chan_trang';
  it(`page number: a PAGE field in the default ${footer ? 'footer (trinh_bay.so_trang: chan_trang)' : 'header'}, nothing in the first-page ${footer ? 'footer' : 'header'}`, async () => {
    const { parts, doc } = await load();
    const sect = all(doc, 'w:sectPr')[0];
    const rels = parts['word/_rels/document.xml.rels'];
    const ref = footer ? 'w:footerReference' : 'w:headerReference';
    if (footer) for (const h of sect['w:headerReference']) expect(parts[`word/${new RegExp(`Id="${h['@r:id']}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`]).not.toMatch(/PAGE/);
    const target = (type: string) => {
      const id = [sect[ref]].flat().find((h: X) => h['@w:type'] === type)['@r:id'];
      return 'word/' + new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!.slice(1).find(Boolean);
    };
    const first = parts[target('first')];
    const def = parts[target('default')];
    expect(first).not.toMatch(/PAGE/);
    expect(first).not.toMatch(/<w:t[ >]/);
    expect(def).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    const fmt = effectiveFormatting(parts);
    const pageParas = all(plainParser.parse(def), 'w:p').filter((p) => JSON.stringify(p).includes('PAGE'));
    expect(pageParas.length).toBe(1);
    expect(fmt.paragraph(pageParas[0])['w:jc']['@w:val']).toBe('center');
  });

  it('Times New Roman in every font slot of every run; no Calibri or theme fonts anywhere', async () => {
    const { parts } = await load();
    for (const [name, xml] of Object.entries(parts)) {
      if (!name.endsWith('.xml')) continue;
      expect(xml, name).not.toMatch(/Calibri|Cambria|Aptos/);
      expect(xml, name).not.toMatch(/(ascii|hAnsi|eastAsia|cs)Theme=/);
    }
    const fmt = effectiveFormatting(parts);
    for (const part of Object.keys(parts).filter((p) => /^word\/(document|header\d+)\.xml$/.test(p))) {
      const paras = all(plainParser.parse(parts[part]), 'w:p');
      const runs = paras.flatMap((p) => (p['w:r'] ?? []).map((r: X) => ({ p, r })));
      if (part === 'word/document.xml') expect(runs.length).toBeGreaterThan(30);
      for (const { p, r } of runs) {
        const f = fmt.run(p, r)['w:rFonts'];
        expect(f, `${part}: run "${runText(r)}"`).toMatchObject({ '@w:ascii': 'Times New Roman', '@w:hAnsi': 'Times New Roman', '@w:cs': 'Times New Roman', '@w:eastAsia': 'Times New Roman' });
      }
    }
    const defaults = all(plainParser.parse(parts['word/styles.xml']), 'w:rPrDefault')[0];
    expect(defaults['w:rPr']['w:rFonts']).toMatchObject({ '@w:ascii': 'Times New Roman', '@w:eastAsia': 'Times New Roman' });
  });

  it('header and closing tables: borderless, fixed layout, explicit widths on table, grid and every cell', async () => {
    const { doc } = await load();
    const body = doc['w:document']['w:body'];
    const tables: X[] = body['w:tbl'];
    const header = tables[0];
    const closing = tables.find((t) => JSON.stringify(t).includes('Nơi nhận'))!; // annexed forms may follow it
    const want = party ? [mm(84), mm(85)] : [mm(72), mm(97)];
    for (const [t, widths] of [[header, want], [closing, party ? [mm(95), mm(70)] : [mm(80), mm(85)]]] as const) {
      const grid = t['w:tblGrid']['w:gridCol'].map((g: X) => Number(g['@w:w']));
      expect(grid).toEqual(widths);
      expect(t['w:tblPr']['w:tblW']).toMatchObject({ '@w:w': String(widths[0] + widths[1]), '@w:type': 'dxa' });
      expect(t['w:tblPr']['w:tblLayout']['@w:type']).toBe('fixed');
      for (const side of ['w:top', 'w:bottom', 'w:left', 'w:right', 'w:insideH', 'w:insideV']) expect(t['w:tblPr']['w:tblBorders'][side]['@w:val']).toBe('none');
      const cells = t['w:tr'][0]['w:tc'];
      cells.forEach((c: X, i: number) => expect(c['w:tcPr']['w:tcW']).toMatchObject({ '@w:w': String(widths[i]), '@w:type': 'dxa' }));
    }
    // The header may reach 2 mm into each margin, as the official template does (PL III Mẫu 1.4), never more.
    expect(header['w:tblPr']['w:tblInd']).toMatchObject({ '@w:w': String(mm(-2)), '@w:type': 'dxa' });
    expect(widths(header)).toBeLessThanOrEqual(mm(165 + 4));
    function widths(t: X) { return t['w:tblGrid']['w:gridCol'].reduce((a: number, g: X) => a + Number(g['@w:w']), 0); }
  });

  it('sizes and styles of the components (half-points)', async () => {
    const { doc, parts } = await load();
    const fmt = effectiveFormatting(parts);
    // Each run with what the page shows: defaults, its paragraph's style chain, then its own formatting.
    const runs = all(doc, 'w:p').flatMap((p) => (p['w:r'] ?? []).map((r: X) => ({ text: runText(r), rPr: fmt.run(p, r) })));
    const find = (text: string) => runs.find((r) => r.text.startsWith(text));
    const sz = (r: X | undefined) => Number(r?.rPr['w:sz']?.['@w:val']);
    const has = (r: X | undefined, k: string) => !!r && isOn(r.rPr, k);
    if (party) {
      expect(sz(find('ĐẢNG CỘNG SẢN VIỆT NAM'))).toBe(30);
      expect(sz(find('KẾ HOẠCH'))).toBe(32);
      expect(has(find('Nơi nhận:'), 'w:u')).toBe(true);
    } else {
      const qh = find('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect([sz(qh), has(qh, 'w:b')]).toEqual([26, true]);
      const tn = find('Độc lập - Tự do - Hạnh phúc');
      expect([sz(tn), has(tn, 'w:b')]).toEqual([28, true]);
      expect(sz(find('KẾ HOẠCH'))).toBe(28);
      const nn = find('Nơi nhận:');
      expect([sz(nn), has(nn, 'w:b'), has(nn, 'w:i')]).toEqual([24, true, true]);
      expect(sz(find('- Lưu'))).toBe(22);
    }
    const date = runs.find((r) => /ngày \d{2} tháng \d{1,2} năm \d{4}/.test(r.text));
    expect(has(date, 'w:i')).toBe(true);
    expect(sz(find(plan.nguoi_ky.ho_ten))).toBe(28);
  });

  // 6 pt after (NĐ 30 PL I mục II.6), or the space the plan's house style gives after and before (trinh_bay)
  const after = String((plan.trinh_bay?.cach_doan ?? 6) * 20);
  const before = String((plan.trinh_bay?.cach_truoc ?? 0) * 20);
  it(`body paragraphs: justified, first-line indent, ${after === '120' && before === '0' ? '6 pt after' : `${after} twips after, ${before} before (trinh_bay)`}`, async () => {
    const { doc, parts } = await load();
    const fmt = effectiveFormatting(parts);
    const paras: X[] = doc['w:document']['w:body']['w:p'];
    const trichYeu = [plan.trich_yeu].flat().join('');
    const body = paras.filter((p) => { const t = (p['w:r'] ?? []).map(runText).join(''); return t.length > 150 && t !== trichYeu; });
    expect(body.length).toBeGreaterThan(5);
    for (const p of body) {
      const pPr = fmt.paragraph(p);
      expect(pPr['w:jc']['@w:val']).toBe('both');
      expect(pPr['w:ind']['@w:firstLine']).toBe(String(party ? mm(10) : 720));
      expect(pPr['w:spacing']['@w:after']).toBe(after);
      expect(pPr['w:spacing']['@w:before'] ?? '0').toBe(before);
    }
  });
});

describe('line breaks typed in the plan', () => {
  it('a newline in a signer title or a | block is a line break (w:br), not a space', async () => {
    const { renderPlan } = await import('../src/index.js');
    const yaml = [
      'khoi: nha_nuoc', 'co_quan_ban_hanh: ỦY BAN NHÂN DÂN', 'so_ky_hieu: { so: 3, viet_tat_co_quan: UBND }',
      'dia_danh: Hà Nội', 'ngay_ban_hanh: 2025-03-04', 'trich_yeu: Thử xuống dòng',
      'noi_dung:', '  - doan: |', '      Dòng một', '      dòng hai',
      'noi_nhan: { cac_noi: [A], luu: [VT] }',
      'nguoi_ky: { thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: "TRƯỞNG BAN\\nPHÓ THỦ TƯỚNG", ho_ten: Nguyễn Văn A }',
    ].join('\n');
    const xml = docxParts(await renderPlan(yaml))['word/document.xml'];
    expect(xml).toMatch(/TRƯỞNG BAN<\/w:t><\/w:r><w:r>(?:(?!<\/w:r>).)*<w:br\/>(?:(?!<\/w:p>).)*PHÓ THỦ TƯỚNG/);
    expect(xml).toMatch(/Dòng một<\/w:t><\/w:r><w:r>(?:(?!<\/w:r>).)*<w:br\/>(?:(?!<\/w:p>).)*dòng hai/);
    expect(xml).not.toMatch(/dòng hai<\/w:t><\/w:r><w:r>(?:(?!<\/w:r>).)*<w:br\/>/); // no break after the last line
  });
});
