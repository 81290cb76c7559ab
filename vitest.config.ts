/**
 * Test settings. Many tests spawn node, npx or LibreOffice: on a loaded 2-core machine one such spawn can take
 * tens of seconds, so timeouts are generous (no test asserts a duration).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // src/cache.cts (CommonJS, for the command's launcher) is TypeScript too: Vite's default covers .ts and .mts only.
  oxc: { include: /\.([mc]?ts|[jt]sx)$/ },
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
