/**
 * The seam of issue 11: the body is written as WordprocessingML by src/render/wordml.ts and the package around it
 * is assembled by docx (src/render/docx.ts, src/render/pack.ts). Every part of the package must be the XML docx
 * writes when it builds the whole document from objects, byte for byte: the oracle is the object builder the
 * renderer used before (test/support/docx-oracle.ts). Plans: every example, the fixtures, generated plans (seeded)
 * with house styles, and markup that no bundled template writes but an office's template may (row and column spans,
 * several sections, empty sections, a section ending in a table, tables in headers and cells, footnotes with several
 * paragraphs, values to escape).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { stringify } from 'yaml';
import { Packer } from 'docx';
import { checkPlanText } from '../src/pipeline.js';
import { loadProfile, DEFAULT_TEMPLATES_DIR, type LayoutProfile } from '../src/profile.js';
import { withHouseStyle } from '../src/layout/house-style.js';
import { renderMarkup } from '../src/render/template.js';
import { parseMarkup } from '../src/render/markup.js';
import { writeBody } from '../src/render/wordml.js';
import { packDocx, coreXml, appXml } from '../src/render/pack.js';
import { buildDocument } from './support/docx-oracle.js';
import { generatePlan } from './support/gen-plan.js';
import { ROOT, EXAMPLES, EXAMPLES_DIR } from './helpers.js';

const PROPS = { title: 'T & <t>', subject: 'KẾ HOẠCH 1/KH-X', creator: 'UBND', description: 'kehoach' };
const DATE = '2025-03-01T00:00:00Z';

/** Parts of a .docx by name, in the archive's order. */
const parts = (buf: Uint8Array): [string, string][] => Object.entries(unzipSync(buf)).map(([k, v]) => [k, strFromU8(v)]);

/** Both writers over one markup: the oracle (docx objects, Packer) and the tool (wordml + pack). */
async function both(markup: string, profile: LayoutProfile): Promise<{ oracle: [string, string][]; tool: [string, string][] }> {
  const root = parseMarkup(markup);
  // kehoach's own metadata parts (the plan's core.xml, its app.xml mark naming kehoach) given to both
  const oracle = parts(await Packer.toBuffer(buildDocument(root, profile), false, [{ path: 'docProps/core.xml', data: coreXml(PROPS, DATE) }, { path: 'docProps/app.xml', data: appXml() }]));
  const tool = parts(await packDocx(writeBody(root, profile), profile, PROPS, DATE));
  return { oracle, tool };
}

/** The markup and profile a plan renders with (as renderView makes them). */
function markupOf(text: string): { markup: string; profile: LayoutProfile } {
  const r = checkPlanText(text, { file: 'plan.yaml' });
  if (!r.view) throw new Error(`plan does not check: ${r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message).join('; ')}`);
  const khoi = (r.source.data as { khoi: string }).khoi;
  const profile = withHouseStyle(loadProfile(khoi), r.view.trinh_bay);
  return { markup: renderMarkup(r.view, profile, DEFAULT_TEMPLATES_DIR), profile };
}

async function expectSame(markup: string, profile: LayoutProfile) {
  const { oracle, tool } = await both(markup, profile);
  expect(tool.map(([k]) => k)).toEqual(oracle.map(([k]) => k));
  for (const [k, v] of oracle) expect(tool.find(([n]) => n === k)![1], k).toBe(v);
}

describe('the body written as WordprocessingML is the XML docx writes, part for part', () => {
  it.each(EXAMPLES)('examples/%s', async (f) => {
    const { markup, profile } = markupOf(readFileSync(join(EXAMPLES_DIR, f), 'utf8'));
    await expectSame(markup, profile);
  });

  it.each(['minimal.yaml', 'valid-bom.yaml'])('test/fixtures/%s', async (f) => {
    const { markup, profile } = markupOf(readFileSync(join(ROOT, 'test', 'fixtures', f), 'utf8').replace(/^\uFEFF/, ''));
    await expectSame(markup, profile);
  });

  it('60 generated plans (seeded), each family and house style they draw', async () => {
    let checked = 0;
    for (let seed = 1; checked < 60 && seed < 400; seed++) {
      let m: { markup: string; profile: LayoutProfile };
      try { m = markupOf(stringify(generatePlan(seed))); } catch { continue; }
      await expectSame(m.markup, m.profile);
      checked++;
    }
    expect(checked).toBe(60);
  });

  const profile = loadProfile('nha_nuoc');
  const doc = (...sections: string[]) => `<document>${sections.join('')}<footnote key="a"><p style="chu_thich">Ghi chú &amp; "một"</p><p style="chu_thich">hai [^b]</p></footnote><footnote key="b"><p>ba</p></footnote></document>`;
  const cases: [string, string][] = [
    ['row and column spans, continuation of a continuation',
      doc('<section><table widths="20 30 40" borders="single"><row header="true"><cell row-span="3"><p align="giua">A</p></cell><cell col-span="2"><p>B</p></cell></row>'
        + '<row><cell row-span="2"><table widths="10 10"><row><cell><p>x</p></cell></row></table></cell><cell><p>C</p></cell></row><row cant-split="true" height="8" height-rule="exact"><cell><p>D</p></cell></row></table></section>')],
    ['several sections: ending in a paragraph, a table, an empty one, landscape, page numbers restarted',
      doc('<section title-page="true"><page-header><p style="so_trang"><page-number/></p></page-header><p style="than">một[^a]</p></section>',
        '<section><table widths="50" scale="fit"><row><cell><p>t</p></cell></row></table></section>', '<section></section>',
        '<section orientation="landscape" page-start="1"><p>cuối</p><rule fraction="0.5"/><p style="than">x<br/>y<tab/>z</p></section>')],
    ['an empty first section', doc('<section></section>', '<section><p>b</p></section>')],
    ['a table in a header, an empty header, markup to escape and inline marks, alignment overrides',
      doc('<section><page-header></page-header><p style="than" underline="true">A &lt;b&gt; &amp; \'c\' "d" **đậm** *nghiêng* \\* <span style="tieu_de_1">span</span><span size="11">nhỏ</span></p><page-break/><p tabs="end:right:dot 50%:center:underscore">a<tab/>b</p><p align="deu">đều</p><p style="ho_ten" align="deu">đều</p><p style="than" align="phai">phải</p></section>')],
    ['a table with a header-row table in the header', doc('<section><page-header><table widths="30 30" indent="-2" borders="single" rule-pt="1"><row><cell valign="center"><p>h</p></cell><cell valign="bottom"></cell></row></table></page-header><p>b</p></section>')],
  ];
  it.each(cases)('%s', async (_name, markup) => {
    await expectSame(markup, profile);
  });
});

describe('the package', () => {
  it('is the same bytes for the same plan, and a valid ZIP whose entries carry 1980-01-01 00:00', async () => {
    const { markup, profile } = markupOf(readFileSync(join(EXAMPLES_DIR, EXAMPLES[1]), 'utf8'));
    const a = await packDocx(writeBody(parseMarkup(markup), profile), profile, PROPS, DATE);
    const b = await packDocx(writeBody(parseMarkup(markup), profile), profile, PROPS, DATE);
    expect(Buffer.compare(a, b)).toBe(0);
    // walk the local headers: DOS time 0, date 0x21, no data descriptor (general purpose flag bit 3 clear)
    let at = 0;
    const seen: string[] = [];
    while (a.readUInt32LE(at) === 0x04034b50) {
      expect([a.readUInt16LE(at + 6) & 8, a.readUInt16LE(at + 10), a.readUInt16LE(at + 12)]).toEqual([0, 0, 0x21]);
      const nameLen = a.readUInt16LE(at + 26);
      seen.push(a.toString('utf8', at + 30, at + 30 + nameLen));
      at += 30 + nameLen + a.readUInt16LE(at + 28) + a.readUInt32LE(at + 18);
    }
    expect(seen).toEqual(parts(a).map(([k]) => k));
    expect(a.readUInt32LE(at)).toBe(0x02014b50);
  });
});
