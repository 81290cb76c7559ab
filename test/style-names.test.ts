/**
 * The Word file's paragraph styles carry names a clerk reads in Word's style pane ("Thân văn bản"), from the role's
 * `ten` in templates/<khoi>/layout.yaml; the ids (w:styleId) stay the role ids ("than"), which the reader and the
 * checks use. Every family, every role named, no two styles of one name.
 */
import { describe, it, expect } from 'vitest';
import { renderPlan, loadProfile } from '../src/index.js';
import { familyNames } from '../src/form/families.js';
import { docxParts } from './helpers.js';
import { familyPlan } from './support/family-plan.js';

describe('Word style names', () => {
  it.each(familyNames())('%s: every role\'s style has a Vietnamese name, its id the role', async (khoi) => {
    const parts = docxParts(await renderPlan(familyPlan(khoi)));
    const styles = [...parts['word/styles.xml'].matchAll(/<w:style w:type="paragraph"[^>]*w:styleId="([^"]+)"[^>]*>\s*<w:name w:val="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    const roles = Object.keys(loadProfile(khoi).kieu);
    const named = new Map(styles);
    for (const role of roles) {
      expect(named.has(role), role).toBe(true);
      expect(named.get(role), role).not.toBe(role);
      expect(named.get(role), role).toMatch(/^\p{Lu}/u);
    }
    expect(named.get('than')).toBe('Thân văn bản');
    expect(named.get('tieu_de_1')).toBe('Tiêu đề mục');
    const names = styles.map(([, n]) => n);
    expect(names.length - new Set(names).size).toBe(0);
    // the body's paragraphs still name the style by its id
    expect(parts['word/document.xml']).toContain('<w:pStyle w:val="than"/>');
  });
});
