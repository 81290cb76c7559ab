/**
 * A lazy command line (issue 22 item 4): `render` and `validate` define only themselves, so a cold command never
 * evaluates the other commands' options and help texts; help, a mistyped command and `completion` see every command.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, CLI, EXAMPLES_DIR, EXAMPLES } from './helpers.js';

/** The commands defined for argv, from the built command line in a fresh process. */
const defined = (argv: string[]): string[] => {
  const code = `import(${JSON.stringify(join(ROOT, 'dist', 'cli', 'main.js'))}).then((m) => { m.defineCommands(${JSON.stringify(argv)}); console.log(JSON.stringify(m.program.commands.map((c) => c.name()))); })`;
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', timeout: 120_000, cwd: ROOT });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as string[];
};

describe('the command line defines only the command it runs', () => {
  it('render and validate (global options before them included) define themselves alone', () => {
    expect(defined(['render', 'x.yaml'])).toEqual(['render']);
    expect(defined(['--lang', 'en', '--templates', 'dir', 'validate', 'a.yaml'])).toEqual(['validate']);
  });

  it('help, no command, a mistyped one and completion define all of them', () => {
    const all = defined(['--help']);
    expect(all).toEqual(expect.arrayContaining(['render', 'validate', 'fix', 'batch', 'init', 'import', 'check', 'show', 'doctor', 'completion', 'lsp', 'schema']));
    for (const argv of [[], ['rendr'], ['completion', 'bash'], ['-V']]) expect(defined(argv)).toEqual(all);
  });

  it('the commands still run and suggest: render writes; a mistyped command gets "did you mean"', () => {
    const r = spawnSync(process.execPath, [CLI, 'rendr', join(EXAMPLES_DIR, EXAMPLES[1])], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/render/);
    const h = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8', timeout: 120_000 });
    expect(h.stdout).toMatch(/validate/);
    expect(h.stdout).toMatch(/doctor/);
  });
});
