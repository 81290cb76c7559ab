import { renderPlanFile } from '../dist/index.js';
const f = new URL('../examples/001-ubnd-binh-thuan-2023.yaml', import.meta.url).pathname;
for (let i = 1; i <= 600; i++) {
  await renderPlanFile(f);
  if (i % 100 === 0) { global.gc(); console.log(i, (process.memoryUsage().heapUsed / 2 ** 20).toFixed(1), 'MB heap used'); }
}
