// Writes the table of font sizes (and the other house-style ranges) of every family into README.md between
// <!-- sizes:start --> and <!-- sizes:end -->, from the layout data (templates/<khoi>/layout.yaml, resolved with its
// ke_thua chain): each role's size `co` as render writes it and its range `co_cho_phep` as `kehoach check` and a plan's
// `trinh_bay:` read it. Run: npm run build && npm run gen:sizes-doc. A test (test/readme.test.ts) fails when README.md
// is out of date.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** "13–14" for a range, "13" for a single value; null ends are open ("≥ 6"). */
const range = ([lo, hi], unit = '') => (lo === hi ? `${lo}${unit}` : lo === null ? `≤ ${hi}${unit}` : hi === null ? `≥ ${lo}${unit}` : `${lo}–${hi}${unit}`);

/** The families of the package's templates, the root family (no ke_thua) first, then by name. */
async function families() {
  const { loadProfile, DEFAULT_TEMPLATES_DIR } = await import('../dist/profile.js');
  const names = readdirSync(DEFAULT_TEMPLATES_DIR).filter((d) => existsSync(join(DEFAULT_TEMPLATES_DIR, d, 'layout.yaml')));
  return names.map((khoi) => loadProfile(khoi)).sort((a, b) => a.chain.length - b.chain.length || a.khoi.localeCompare(b.khoi));
}

/** The Markdown of the two tables: sizes by role (the roles with a range, in the root family's order), house-style ranges. */
export async function sizesTable() {
  const { msg } = await import('../dist/i18n/messages.js');
  const { khung, tmDamAllowed } = await import('../dist/layout/house-style.js');
  const profs = await families();
  const roles = [];
  for (const p of profs) for (const [role, s] of Object.entries(p.kieu)) if (s.co_cho_phep && !roles.includes(role)) roles.push(role);
  const head = (first) => [`| ${first} | ${profs.map((p) => `\`${p.khoi}\``).join(' | ')} |`, `|---|${profs.map(() => '---|').join('')}`];
  const cell = (s) => {
    if (!s?.co_cho_phep) return s?.co === undefined ? '—' : `${s.co} (not checked)`;
    const [lo, hi] = s.co_cho_phep;
    return lo === hi ? `${s.co}` : `${s.co} (${range(s.co_cho_phep)})`;
  };
  const cells = (role) => profs.map((p) => cell(p.kieu[role])).join(' | ');
  // A role based on another (ke_thua) with the same cells in every family is named in its parent's row.
  const parentOf = (role) => profs[0].kieu[role]?.ke_thua;
  const folded = (role) => roles.includes(parentOf(role)) && profs.every((p) => p.kieu[role]?.ke_thua === parentOf(role)) && cells(role) === cells(parentOf(role));
  const name = (role) => {
    const n = msg('check/vai-tro', 'en', { role });
    const also = roles.filter((r) => folded(r) && parentOf(r) === role);
    return [`\`${role}\``, n === role ? '' : ` (${n})`, also.length ? `; also ${also.map((r) => `\`${r}\``).join(', ')}` : ''].join('');
  };
  const sizes = [...head('role: size pt (allowed)'), ...roles.filter((r) => !folded(r)).map((role) => `| ${name(role)} | ${cells(role)} |`)];
  const keys = [['co_chu', ' pt'], ['co_chu_noi_nhan', ' pt'], ['gian_dong', ' lines'], ['cach_doan', ' pt'], ['cach_truoc', ' pt'], ['thut_dau', ' mm']];
  const house = [...head('`trinh_bay:` key: range'),
    ...keys.map(([key, unit]) => `| \`${key}\` | ${profs.map((p) => { const r = khung(p)[key]; return r ? range(r, unit) : '—'; }).join(' | ')} |`),
    `| \`tm_dam\` | ${profs.map((p) => [true, false].filter((d) => tmDamAllowed(p, d)).join(', ')).join(' | ')} |`];
  return [...sizes, '', ...house].join('\n');
}

export function withSizes(readme, table) {
  return readme.replace(/(<!-- sizes:start -->)[\s\S]*?(<!-- sizes:end -->)/, (_, a, b) => `${a}\n${table}\n${b}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = new URL('../README.md', import.meta.url);
  writeFileSync(url, withSizes(readFileSync(url, 'utf8'), await sizesTable()));
}
