// Writes the table of rules of the standard into README.md between <!-- rules:start --> and <!-- rules:end -->: every
// rule of the one registry (src/rules/index.ts), with what it runs on (plan: validate, render, fix and check on the
// recognised plan; document: the layout of a Word document, check only).
// Run: npm run build && npm run gen:rules-doc. A test fails when README.md is out of date.
import { readFileSync, writeFileSync } from 'node:fs';

export async function rulesTable() {
  const { RULES } = await import('../dist/rules/index.js');
  const rows = RULES.map((r) => `| \`${r.id}\` | ${r.on ?? 'plan'} | ${r.severity} | ${r.description.vi} | ${r.description.en} | ${r.source} |`);
  return ['| rule | on | severity | kiểm tra | checks | source |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

export function withTable(readme, table) {
  return readme.replace(/(<!-- rules:start -->)[\s\S]*?(<!-- rules:end -->)/, (_, a, b) => `${a}\n${table}\n${b}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = new URL('../README.md', import.meta.url);
  writeFileSync(url, withTable(readFileSync(url, 'utf8'), await rulesTable()));
}
