/**
 * The layout markup parser (src/render/markup.ts, saxes): the same tree as the fast-xml-parser parse it replaced
 * (test/support/fxp-markup.ts) for every markup the templates write (the examples, generated plans with house styles,
 * markup an office's template may write), and a MarkupError naming the markup line for markup that is not well formed.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { checkPlanText } from '../src/pipeline.js';
import { loadProfile, DEFAULT_TEMPLATES_DIR } from '../src/profile.js';
import { withHouseStyle } from '../src/layout/house-style.js';
import { renderMarkup } from '../src/render/template.js';
import { parseMarkup, MarkupError, type MNode } from '../src/render/markup.js';
import { oldParseMarkup } from './support/fxp-markup.js';
import { generatePlan } from './support/gen-plan.js';
import { EXAMPLES, EXAMPLES_DIR } from './helpers.js';

function markupOf(text: string): string {
  const r = checkPlanText(text, { file: 'plan.yaml' });
  if (!r.view) throw new Error(`plan does not check: ${r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message).join('; ')}`);
  const khoi = (r.source.data as { khoi: string }).khoi;
  return renderMarkup(r.view, withHouseStyle(loadProfile(khoi), r.view.trinh_bay), DEFAULT_TEMPLATES_DIR);
}

const count = (n: MNode): number => 1 + n.children.reduce((s, c) => s + (typeof c === 'string' ? 1 : count(c)), 0);

describe('the markup tree is the one fast-xml-parser gave', () => {
  it.each(EXAMPLES)('examples/%s', (f) => {
    const markup = markupOf(readFileSync(join(EXAMPLES_DIR, f), 'utf8'));
    const tree = parseMarkup(markup);
    expect(count(tree)).toBeGreaterThan(100);
    expect(tree).toEqual(oldParseMarkup(markup));
  });

  it('generated plans (40 seeds), texts with & < > " \' and emphasis', () => {
    let checked = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const plan = generatePlan(seed);
      let markup: string;
      try { markup = markupOf(stringify(plan)); } catch { continue; }
      expect(parseMarkup(markup), `seed ${seed}`).toEqual(oldParseMarkup(markup));
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('markup an office template may write: entities, character references, CDATA, comments, attributes in both quotes', () => {
    const markup = `<?xml version="1.0" encoding="UTF-8"?>\n<document>\n  <!-- an office's note -->\n  <section>\n    <p style='a' align="center">A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos; &#272;&#x1EA1;i</p>\n    <p style="b"><![CDATA[x < y & z]]></p>\n    <p style="c" note="1 &lt; 2 &amp; 3"/>\n  </section>\n</document>\n`;
    const tree = parseMarkup(markup);
    const section = tree.children.find((c): c is MNode => typeof c !== 'string')!;
    const ps = section.children.filter((c): c is MNode => typeof c !== 'string');
    expect(ps[0]).toEqual({ name: 'p', attrs: { style: 'a', align: 'center' }, children: [`A & B <C> "D" 'E' Đại`] });
    expect(ps[1].children).toEqual(['x < y & z']);
    expect(ps[2]).toEqual({ name: 'p', attrs: { style: 'c', note: '1 < 2 & 3' }, children: [] });
  });
});

describe('markup that is not well formed', () => {
  const fault = (xml: string): MarkupError => {
    try { parseMarkup(xml); } catch (e) { expect(e).toBeInstanceOf(MarkupError); return e as MarkupError; }
    throw new Error('no error');
  };
  it.each([
    ['an unclosed tag', '<document>\n<section>\n<p>x\n</section>\n</document>', 4],
    ['a closing tag that does not match', '<document>\n<section>\n<p>x</q>\n</section>\n</document>', 3],
    ['a repeated attribute', '<document>\n<section>\n\n<p style="a" style="b">x</p>\n</section>\n</document>', 4],
    ['an entity XML does not define', '<document>\n<section>\n<p>a&nbsp;b</p>\n</section>\n</document>', 3],
    ['a bare ampersand', '<document>\n<section>\n<p>A & B</p>\n</section>\n</document>', 3],
    ['an ampersand without its semicolon', '<document>\n<section>\n\n<p>A &amp B</p>\n</section>\n</document>', 4],
    ['an attribute without quotes', '<document>\n<section>\n<p style=a>x</p>\n</section>\n</document>', 3],
    ['two roots', '<document><section/></document>\n<document/>', 2],
    ['text after the root', '<document><section/></document>\nx', 2],
    ['a document cut short', '<document>\n<section>\n<p>x</p>', 3],
  ])('%s: a MarkupError naming the markup line', (_, xml, line) => {
    const e = fault(xml as string);
    if (String(xml).includes('& B')) expect(e.message).toContain('&amp;');
    expect(e.markupLine).toBe(line);
    expect(e.message).toMatch(new RegExp(`^layout markup: .+ \\(markup line ${line}\\)$`));
  });
  it('a root other than <document>', () => {
    expect(fault('<doc><section/></doc>').message).toBe('layout markup: the root element must be <document>');
  });
});
