/**
 * Every example, rendered, says what its seed says: the seed's words (runs of letters and digits, so the
 * extraction's spacing, `*`/`#` marks and punctuation do not count) appear in the .docx in the same order.
 * recall = LCS / seed words (1.0: every seed word is there, in order); precision = LCS / rendered words
 * (below 1.0 only by the header fields the seed's text lost: cơ quan, số, date — see the examples' comments).
 * Composed examples (no seed, e.g. 005) are left out: test/body-model.test.ts checks what they print.
 * 002 cannot reach recall 1.0: its extraction put the bracketed group purposes "(Báo cáo)", "(Gửi mạng)" after the
 * Lưu line (they were drawn beside the groups), while the .docx has them beside their groups: 4 words out of order.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { TRANSCRIBED, renderExample, seedFor, docxParagraphs, words, lcs } from './helpers.js';

const report: string[] = [];
afterAll(() => console.log(['seed similarity (words in order):', ...report].join('\n')));

describe('rendered text matches the seed word for word', () => {
  // Only the examples that transcribe a real plan (a composed example has no seed to be faithful to).
  for (const ex of TRANSCRIBED) {
    it(ex, async () => {
      const seed = words(seedFor(ex));
      const out = words(docxParagraphs(await renderExample(ex)).join('\n'));
      const common = lcs(seed, out);
      const recall = common / seed.length;
      const precision = common / out.length;
      report.push(`  ${ex}: recall ${recall.toFixed(4)} (${common}/${seed.length}), precision ${precision.toFixed(4)} (${out.length - common} words added)`);
      expect(recall).toBeGreaterThanOrEqual(0.997);
      expect(precision).toBeGreaterThanOrEqual(0.97);
    });
  }
});
