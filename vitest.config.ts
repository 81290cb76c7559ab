/**
 * Test settings. Many tests spawn node, npx or LibreOffice: on a loaded 2-core machine one such spawn can take
 * tens of seconds, so timeouts are generous (no test asserts a duration).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
