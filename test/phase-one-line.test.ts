/**
 * Issue 20, item 4 (its second half): a numbered phase (`dot` with `so:`) set as one line with its time, in the style
 * the office uses ("1. Đợt 1: từ ngày 01/3 đến ngày 15/3/2026"; the seeds and the Front's plans write "Đợt 1: Trong
 * khoảng thời gian từ ngày 01/12/2025 đến ngày 14/12/2025"): `dot.mot_dong` per phase, `trinh_bay.dot.mot_dong` per
 * plan, the time's words by `trinh_bay.dot.thoi_gian` ("{tu}", "{tu_ngan}", "{den}"). The line holds the number, the
 * name and the time; the lead-in, theme and the phase's text follow in a paragraph of their own. Default unchanged:
 * the whole phase one paragraph. Import reads the line back as a phase with `mot_dong: true`.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { renderPlan, validatePlan } from '../src/index.js';
import { readDocxBytes } from '../src/docx-read/index.js';
import { importDocument, importToYaml } from '../src/import/index.js';
import { oneLinePhase } from '../src/import/body.js';
import { phaseTime } from '../src/normalise/body.js';
import { docxParagraphs, docxParts, ROOT } from './helpers.js';

const minimal = readFileSync(join(ROOT, 'test', 'fixtures', 'minimal.yaml'), 'utf8');

/** The minimal plan with two numbered phases under a heading, and `trinh_bay` / per-phase fields set. */
function planWith(o: { house?: Record<string, unknown>; first?: Record<string, unknown>; second?: Record<string, unknown> } = {}): string {
  const doc = parseDocument(minimal);
  doc.setIn(['noi_dung'], doc.createNode([
    {
      tieu_de: 'TỔ CHỨC THỰC HIỆN',
      noi_dung: [
        { dot: { ten: 'Đợt 1', tu: '2026-03-01', den: '2026-03-15', noi_dung: 'Các thôn tổ chức hội nghị cử tri.', ...o.first }, so: true },
        { dot: { ten: 'Đợt 2', tu: '2026-03-16', den: '2026-04-30', chu_de: 'Thi đua lập thành tích', noi_dung: 'Sơ kết, báo cáo kết quả.', ...o.second }, so: true },
      ],
    },
  ]));
  if (o.house) doc.setIn(['trinh_bay'], doc.createNode(o.house));
  return doc.toString();
}

/** The body's paragraphs from the phases on (the heading "II." … of the minimal plan's closing excluded). */
async function phaseParas(text: string): Promise<string[]> {
  expect(validatePlan(text).filter((d) => d.severity === 'error')).toEqual([]);
  const ps = docxParagraphs(await renderPlan(text, { force: true }));
  const from = ps.findIndex((p) => p.startsWith('1. Đợt 1'));
  expect(from, ps.join('\n')).toBeGreaterThan(0);
  return ps.slice(from, ps.findIndex((p, i) => i > from && p === 'Nơi nhận:'));
}

describe('a numbered phase on one line', () => {
  it('default unchanged: number, name, time and text in one paragraph', async () => {
    expect(await phaseParas(planWith())).toEqual([
      '1. Đợt 1: Từ 01/3/2026 đến 15/3/2026. Các thôn tổ chức hội nghị cử tri.',
      '2. Đợt 2: Từ 16/3/2026 đến 30/4/2026 với chủ đề “Thi đua lập thành tích”. Sơ kết, báo cáo kết quả./.',
    ]);
  });

  it('per plan (trinh_bay.dot.mot_dong): the line holds number, name and time; the lead-in (capitalised), theme and text follow', async () => {
    expect(await phaseParas(planWith({ house: { dot: { mot_dong: true } } }))).toEqual([
      '1. Đợt 1: Từ 01/3/2026 đến 15/3/2026',
      'Các thôn tổ chức hội nghị cử tri.',
      '2. Đợt 2: Từ 16/3/2026 đến 30/4/2026',
      'Với chủ đề “Thi đua lập thành tích”. Sơ kết, báo cáo kết quả./.',
    ]);
  });

  it('in the office\'s words (trinh_bay.dot.thoi_gian): "1. Đợt 1: từ ngày 01/3 đến ngày 15/3/2026"', async () => {
    const ps = await phaseParas(planWith({ house: { dot: { mot_dong: true, thoi_gian: 'từ ngày {tu_ngan} đến ngày {den}' } } }));
    expect(ps.slice(0, 3)).toEqual(['1. Đợt 1: từ ngày 01/3 đến ngày 15/3/2026', 'Các thôn tổ chức hội nghị cử tri.', '2. Đợt 2: từ ngày 16/3 đến ngày 30/4/2026']);
    // {tu_ngan} keeps the year across years, and a month stays a month
    expect(phaseTime('từ ngày {tu_ngan} đến ngày {den}', '2025-12-20', '2026-01-10')).toBe('từ ngày 20/12/2025 đến ngày 10/01/2026');
    expect(phaseTime('Trong khoảng thời gian từ {tu} đến {den}', '2020-01', '2020-06-30')).toBe('Trong khoảng thời gian từ tháng 01/2020 đến 30/6/2020');
    // the words apply to a paragraph phase too, and never replace a time given in words
    const para = await phaseParas(planWith({ house: { dot: { thoi_gian: 'từ ngày {tu} đến ngày {den}' } }, second: { thoi_gian: 'Trong tháng 4/2026', tu: undefined, den: undefined } }));
    expect(para[0]).toBe('1. Đợt 1: từ ngày 01/3/2026 đến ngày 15/3/2026. Các thôn tổ chức hội nghị cử tri.');
    expect(para[1]).toMatch(/^2\. Đợt 2: Trong tháng 4\/2026 với chủ đề/);
  });

  it('per phase (dot.mot_dong) over the plan\'s choice, both ways', async () => {
    const ps = await phaseParas(planWith({ house: { dot: { mot_dong: true } }, second: { mot_dong: false } }));
    expect(ps).toEqual([
      '1. Đợt 1: Từ 01/3/2026 đến 15/3/2026',
      'Các thôn tổ chức hội nghị cử tri.',
      '2. Đợt 2: Từ 16/3/2026 đến 30/4/2026 với chủ đề “Thi đua lập thành tích”. Sơ kết, báo cáo kết quả./.',
    ]);
    const one = await phaseParas(planWith({ first: { mot_dong: true } }));
    expect(one.slice(0, 2)).toEqual(['1. Đợt 1: Từ 01/3/2026 đến 15/3/2026', 'Các thôn tổ chức hội nghị cử tri.']);
  });

  it('the line: number and name in the level\'s heading style (bold), the time upright; kept with the text after it', async () => {
    const xml = docxParts(await renderPlan(planWith({ house: { dot: { mot_dong: true } } }), { force: true }))['word/document.xml'];
    const line = xml.split('</w:p>').find((p) => p.includes('Đợt 1:'))!;
    expect(line).toContain('<w:pStyle w:val="dan"/>'); // keep-with-next, as a heading
    const runs = [...line.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => ({ bold: /<w:b\/>/.test(m[1]), text: m[1].replace(/<[^>]+>/g, '') }));
    expect(runs.filter((r) => r.bold).map((r) => r.text).join('')).toBe('1. Đợt 1:');
    expect(runs.filter((r) => !r.bold).map((r) => r.text).join('').trim()).toBe('Từ 01/3/2026 đến 15/3/2026');
  });

  it('a phase with no text of its own ends its line with the end mark, when it ends the body', async () => {
    const ps = await phaseParas(planWith({ house: { dot: { mot_dong: true } }, second: { chu_de: undefined, noi_dung: undefined } }));
    expect(ps.slice(2)).toEqual(['2. Đợt 2: Từ 16/3/2026 đến 30/4/2026./.']);
  });

  it('the schema describes both; a pattern without its dates is refused at its line', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'ke-hoach.schema.json'), 'utf8'));
    expect(schema.$defs.dot.properties.mot_dong.type).toBe('boolean');
    expect(schema.properties.trinh_bay.properties.dot.properties.mot_dong.type).toBe('boolean');
    expect(schema.properties.trinh_bay.properties.dot.properties.thoi_gian.description).toContain('{tu_ngan}');
    const bad = validatePlan(planWith({ house: { dot: { thoi_gian: 'trong đợt' } } })).filter((d) => d.severity === 'error');
    expect(bad.map((d) => d.path?.join('.'))).toEqual(['trinh_bay.dot.thoi_gian']);
  });
});

describe('import reads a one-line phase back', () => {
  it('oneLinePhase: a name, a colon and a time only; kehoach\'s own "Từ … đến …" gives tu and den, other words thoi_gian', () => {
    expect(oneLinePhase('Đợt 1: Từ 01/3/2026 đến 15/3/2026')).toEqual({ ten: 'Đợt 1', tu: '2026-03-01', den: '2026-03-15', mot_dong: true });
    expect(oneLinePhase('Đợt 1: từ ngày 01/3 đến ngày 15/3/2026')).toEqual({ ten: 'Đợt 1', thoi_gian: 'từ ngày 01/3 đến ngày 15/3/2026', mot_dong: true });
    expect(oneLinePhase('Giai đoạn chuẩn bị: Trong tháng 12/2025./.')).toEqual({ ten: 'Giai đoạn chuẩn bị', thoi_gian: 'Trong tháng 12/2025', mot_dong: true });
    // a phase with its text in the same paragraph, a heading with a colon and no time: not one
    expect(oneLinePhase('Đợt 1: Từ 01/3/2026 đến 15/3/2026. Các thôn tổ chức hội nghị.')).toBeNull();
    expect(oneLinePhase('Giai đoạn chuẩn bị: rà soát địa bàn')).toBeNull();
    expect(oneLinePhase('Về tổ chức: Từ 01/3/2026 đến 15/3/2026')).toBeNull();
  });

  it('render → import: each phase with mot_dong, its number and dates, the office\'s words as trinh_bay.dot.thoi_gian; render again: the same paragraphs', async () => {
    const text = planWith({ house: { dot: { mot_dong: true, thoi_gian: 'từ ngày {tu_ngan} đến ngày {den}' } } });
    const first = await phaseParas(text);
    const imported = importDocument(readDocxBytes(await renderPlan(text, { force: true }), 't.docx'));
    const phases = (imported.plan.noi_dung[0] as { noi_dung: Record<string, unknown>[] }).noi_dung;
    // the paragraph under each line is the phase's own text (its lead-in and theme split off, as render prints
    // them), the last one too (not a closing paragraph; the document's end mark stays on it, as on any last text)
    expect(phases.map((p) => ({ dot: p.dot, so: p.so }))).toEqual([
      { dot: { ten: 'Đợt 1', tu: '2026-03-01', den: '2026-03-15', noi_dung: 'Các thôn tổ chức hội nghị cử tri.', mot_dong: true }, so: true },
      { dot: { ten: 'Đợt 2', tu: '2026-03-16', den: '2026-04-30', loi_dan: 'Với chủ đề', chu_de: 'Thi đua lập thành tích', noi_dung: 'Sơ kết, báo cáo kết quả./.', mot_dong: true }, so: true },
    ]);
    expect(imported.plan.ket_thuc).toBeUndefined();
    expect(phases.every((p) => p.noi_dung === undefined)).toBe(true);
    expect(imported.plan.trinh_bay).toEqual({ dot: { thoi_gian: 'từ ngày {tu_ngan} đến ngày {den}' } });
    expect(await phaseParas(importToYaml(imported))).toEqual(first);
    // phases whose words differ keep their words (no one pattern for the plan)
    const mixed = importDocument(readDocxBytes(await renderPlan(planWith({ house: { dot: { mot_dong: true } } , first: { thoi_gian: 'từ ngày 01/3 đến ngày 15/3/2026' }, second: { thoi_gian: 'Trong khoảng thời gian từ 16/3/2026 đến 30/4/2026' } }), { force: true }), 't.docx'));
    expect((mixed.plan.noi_dung[0] as { noi_dung: Record<string, unknown>[] }).noi_dung.map((p) => (p.dot as { thoi_gian?: string }).thoi_gian)).toEqual(['từ ngày 01/3 đến ngày 15/3/2026', 'Trong khoảng thời gian từ 16/3/2026 đến 30/4/2026']);
    expect(mixed.plan.trinh_bay).toBeUndefined();
    // kehoach's own words come back as dates
    const plain = importDocument(readDocxBytes(await renderPlan(planWith({ house: { dot: { mot_dong: true } } }), { force: true }), 't.docx'));
    expect((plain.plan.noi_dung[0] as { noi_dung: Record<string, unknown>[] }).noi_dung[0].dot).toEqual({ ten: 'Đợt 1', tu: '2026-03-01', den: '2026-03-15', noi_dung: 'Các thôn tổ chức hội nghị cử tri.', mot_dong: true });
  }, 60_000);
});
