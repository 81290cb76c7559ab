/**
 * kehoach command line: a thin layer over the library API, in Vietnamese (default) or English (--lang en or
 * KEHOACH_LANG=en), help and commander's own messages included. Help texts: src/cli/texts.ts; messages:
 * src/i18n/messages.ts. Exit codes, the same in every command: 0 ok; 1 the plan has errors (or warnings with
 * --strict); 2 usage (bad option or argument, missing file, LibreOffice missing for PDF); 3 internal error, or an
 * output could not be written or converted. --debug shows the stack of an internal error.
 *
 * Adding a command: put its texts in src/cli/texts.ts (`<name>/description`, `<name>/examples`, options), then
 * `command('<name>')` below with `.action(run(async (g, …args) => exitCode))`, and report failures by throwing CliExit /
 * KehoachError (src/cli/run.ts runCommand, fail).
 */
import { Argument, Command, CommanderError, Option, type Help } from 'commander';
import { statSync } from 'node:fs';
import { KehoachError } from '../errors.js';
import { kehoachVersion } from '../version.js';
import { msg, type Lang } from '../i18n/messages.js';
import { prepareColour, setColourMode, type Format } from './output.js';
import { guardStreams, writeErr, writeOut } from './stdio.js';
import { t, title, type TextKey } from './texts.js';
import { CliExit, renderOnce, readStdin } from './render.js';
import { fail, parseMaxWarnings, reportFindings, runCommand, type GlobalOptions, type ReportOptions } from './run.js';


type Global = GlobalOptions;

/** The language before parsing (help texts depend on it): --lang x / --lang=x, then KEHOACH_LANG, else vi. */
export function langFromArgv(argv: string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'en' || v === 'vi') return v;
  }
  return env.KEHOACH_LANG === 'en' ? 'en' : 'vi';
}

/** --color / --no-color before parsing (the last one wins); undefined when neither is given. */
function colourFromArgv(argv: string[]): boolean | undefined {
  let mode: boolean | undefined;
  for (const a of argv) { if (a === '--') break; if (a === '--color') mode = true; if (a === '--no-color') mode = false; }
  return mode;
}

const lang = langFromArgv(process.argv.slice(2));
setColourMode(colourFromArgv(process.argv.slice(2)));
const T = (k: TextKey) => t(k, lang);

/** --jobs: a positive whole number, or undefined for the default (the number of cores). */
function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n > 0)) throw new KehoachError(msg('batch/bad-jobs', lang), [], 'usage');
  return n;
}

/** commander's error text (English, from its source) → our message in the chosen language. */
export function translateCommanderError(code: string, message: string, l: Lang = lang): string {
  const quoted = [...message.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  const mean = /\(Did you mean (.+?)\?\)/.exec(message)?.[1];
  const hint = mean ? msg('commander/did-you-mean', l, { name: mean }) : '';
  switch (code) {
    case 'commander.unknownOption': return msg('commander/unknown-option', l, { name: quoted[0] ?? '', hint });
    case 'commander.unknownCommand': return msg('commander/unknown-command', l, { name: quoted[0] ?? '', hint });
    case 'commander.missingArgument': return msg('commander/missing-argument', l, { name: quoted[0] ?? '' });
    case 'commander.optionMissingArgument': return msg('commander/option-missing-argument', l, { name: quoted[0] ?? '' });
    case 'commander.missingMandatoryOptionValue': return msg('commander/mandatory-option', l, { name: quoted[0] ?? '' });
    case 'commander.conflictingOption': return msg('commander/conflict', l, { a: quoted[0] ?? '', b: quoted[1] ?? '' });
    case 'commander.excessArguments': {
      const m = /Expected (\d+) arguments? but got (\d+)/.exec(message);
      return msg('commander/excess', l, { expected: m?.[1] ?? '?', got: m?.[2] ?? '?' });
    }
    case 'commander.invalidArgument': {
      const allowed = /Allowed choices are (.+)\.$/.exec(message)?.[1] ?? '';
      return allowed ? msg('commander/invalid-choice', l, { name: quoted[0] ?? '', value: quoted[1] ?? '', allowed }) : msg('commander/other', l, { detail: message.replace(/^error: /, '') });
    }
    default: return msg('commander/other', l, { detail: message.replace(/^error: /, '') });
  }
}

/** Help in the chosen language: section titles, "(choices: …, default: …)", usage words. */
const helpConfig: Partial<Help> = {
  styleTitle: (s: string) => title(s, lang),
  optionDescription(option) {
    const extra: string[] = [];
    if (option.argChoices) extra.push(`${T('word/choices')}: ${option.argChoices.join(', ')}`);
    if (option.defaultValue !== undefined && (option.required || option.optional)) extra.push(`${T('word/default')}: ${option.defaultValueDescription ?? String(option.defaultValue)}`);
    return extra.length ? `${option.description} (${extra.join('; ')})` : option.description;
  },
  argumentDescription(argument) {
    return argument.argChoices ? `${argument.description} (${T('word/choices')}: ${argument.argChoices.join(', ')})` : argument.description;
  },
  subcommandTerm(cmd) {
    const args = cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`));
    return [cmd.name(), ...(cmd.options.length ? [T('usage/options')] : []), ...args].join(' ');
  },
  commandUsage(cmd) {
    let name = cmd.name();
    for (let p = cmd.parent; p; p = p.parent) name = `${p.name()} ${name}`;
    const args = cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`));
    return [name, T('usage/options'), ...(cmd.commands.length ? [T('usage/command')] : []), ...args].join(' ');
  },
};

/** Adds the examples and the exit codes at the end of a command's help. */
function helpTail(cmd: Command, examples: TextKey): Command {
  return cmd.addHelpText('after', `\n${T('examples')}\n${T(examples)}\n\n${T('exit-codes')}`);
}

/** The command tree (its commands defined by defineCommands). */
export const program = new Command('kehoach')
  .description(T('program/description'))
  .version(kehoachVersion(), '-V, --version', T('opt/version'))
  .helpOption('-h, --help', T('opt/help'))
  .helpCommand(T('cmd/help-term'), T('cmd/help'))
  .configureHelp(helpConfig)
  .showSuggestionAfterError(true)
  .addOption(new Option(`--lang <${T('ph/lang')}>`, T('opt/lang')).choices(['vi', 'en']).default(lang))
  .option(`--templates <${T('ph/dir')}>`, T('opt/templates'))
  .option('--debug', T('opt/debug'))
  .option('--color', T('opt/color'))
  .option('--no-color', T('opt/no-color'))
  .exitOverride()
  .configureOutput({
    writeErr: (s) => writeErr(s),
    // commander's own errors are printed by the catch below, translated.
    outputError: () => {},
  });
helpTail(program, 'program/examples');

/**
 * The plan files named by files, folders and globs; a pattern matching nothing is a usage error (exit 2). The
 * dot-named files the folders held, left out, are counted and named on stderr.
 */
async function planFiles(paths: string[]): Promise<string[]> {
  const { files, unmatched, hidden } = await (await import('../batch/validate.js')).expandInputs(paths);
  if (hidden.length) writeErr(msg('cli/dotfiles-skipped', lang, { count: hidden.length, files: hidden.join(', ') }) + '\n');
  if (unmatched.length || !files.length) throw new CliExit(2, msg('cli/no-input', lang, { patterns: (unmatched.length ? unmatched : paths).join(' ') }));
  return files;
}

/** The reporting options of validate and check, as commander gives them. */
interface ValidateOptions { format: Format; strict?: boolean; quiet?: boolean; maxWarnings?: string }
/** …checked: --max-warnings a whole number ≥ 0 (else exit 2). */
const reportOptions = (o: ValidateOptions): ReportOptions => {
  const max = parseMaxWarnings(o.maxWarnings, lang);
  return { format: o.format, ...(o.strict ? { strict: true } : {}), ...(o.quiet ? { quiet: true } : {}), ...(max !== undefined ? { maxWarnings: max } : {}) };
};

const command = (name: string) => program.command(name).configureHelp(helpConfig);
/** A command's action: the exit code `body` returns, or its failure reported (src/cli/run.ts). */
const run = <A extends unknown[]>(body: (g: Global, ...args: A) => Promise<number>) => runCommand(program, lang, body);
/** --templates, checked: a folder that does not exist is a usage error (it would add no family, silently). */
function officeTemplates(g: Global): string | undefined {
  if (g.templates === undefined) return undefined;
  let ok = false;
  try { ok = statSync(g.templates).isDirectory(); } catch { /* missing */ }
  if (!ok) throw new CliExit(2, msg('cli/templates-missing', lang, { dir: g.templates }));
  return g.templates;
}
const templatesOpt = (g: Global) => { const dir = officeTemplates(g); return dir ? { templatesDir: dir } : {}; };

/** The reporting flags validate and check share: --format (text, json, github, sarif), --strict, --quiet, --max-warnings. */
const reportFlags = (cmd: Command): Command => cmd
  .addOption(new Option(`--format <${T('ph/format')}>`, T('validate/opt-format')).choices(['text', 'json', 'github', 'sarif']).default('text'))
  .option('--strict', T('validate/opt-strict'))
  .option('-q, --quiet', T('validate/opt-quiet'))
  .option(`--max-warnings <${T('ph/n')}>`, T('validate/opt-max-warnings'));

/**
 * The commands, each defined only when needed (issue 22, "a lazy command line"): `kehoach render …` defines render
 * alone, so a cold render or validate never evaluates the other commands' options and help texts. Help, a mistyped
 * command (commander's "did you mean"), no command at all and `completion` (which walks the tree) define them all, in
 * this order, which is the order of the help.
 */
const COMMANDS: Record<string, () => void> = {
  render: () => {
    helpTail(command('render'), 'render/examples')
      .description(T('render/description'))
      .argument(`<${T('ph/plan')}>`, T('render/arg'))
      .option(`-o, --output <${T('ph/out')}>`, T('render/opt-output'))
      .option('--pdf', T('render/opt-pdf'))
      .option('--watch', T('render/opt-watch'))
      .option('--force', T('render/opt-force'))
      .option('--force-overwrite', T('render/opt-force-overwrite'))
      .action(run(async (g, input: string, o: { output?: string; pdf?: boolean; watch?: boolean; force?: boolean; forceOverwrite?: boolean }) => {
        if (o.output === '-' && (o.pdf || o.watch)) throw new CliExit(2, msg('cli/stdout-one', lang));
        const opts = { ...(o.output ? { output: o.output } : {}), ...(o.pdf ? { pdf: true } : {}), ...(o.force ? { force: true } : {}), ...(o.forceOverwrite ? { forceOverwrite: true } : {}), lang, ...templatesOpt(g) };
        if (o.watch) {
          if (input === '-') throw new CliExit(2, msg('cli/watch-stdin', lang));
          const { watchRender } = await import('./watch.js');
          await watchRender(input, opts);
        }
        return renderOnce(input, opts);
      }));
  },
  validate: () => {
    reportFlags(helpTail(command('validate'), 'validate/examples')
      .description(T('validate/description'))
      .argument(`<${T('ph/paths')}>`, T('validate/arg')))
      .option('--check-register', T('validate/opt-register'))
      .option(`-j, --jobs <${T('ph/n')}>`, T('validate/opt-jobs'))
      .option('--fix', T('validate/opt-fix'))
      .action(run(async (g, paths: string[], o: ValidateOptions & { checkRegister?: boolean; jobs?: string; fix?: boolean }) => {
        const jobs = parseJobs(o.jobs);
        const report = reportOptions(o);
        const all = [];
        let count: number;
        if (paths.includes('-')) {
          if (paths.length > 1) throw new CliExit(2, msg('cli/stdin-many', lang));
          const { validatePlan } = await import('../index.js');
          try {
            all.push(...validatePlan(await readStdin(lang), { lang, file: '<stdin>', ...templatesOpt(g) }));
          } catch (e) {
            if (!(e instanceof KehoachError && e.diagnostics.length)) throw e;
            all.push(...e.diagnostics); // too large, not UTF-8 …: reported like a plan file's
          }
          count = 1;
        } else {
          const { checkFiles } = await import('../batch/validate.js');
          const files = await planFiles(paths);
          if (o.fix) await (await import('../fix.js')).fixFiles(files, lang, process.stderr, { quiet: true, ...templatesOpt(g) });
          // One config run (src/config.ts configRun): each plan folder's kehoach.config.yaml and _defaults.yaml files are
          // searched for once.
          const { configRun, configNotes } = await import('../config.js');
          await configRun(async () => {
            const entries = [];
            for (const r of await checkFiles(files, { lang, ...(jobs ? { jobs } : {}), ...templatesOpt(g) })) {
              all.push(...r.diagnostics);
              if (r.register) entries.push(r.register);
            }
            if (o.checkRegister || paths.some((p) => { try { return statSync(p).isDirectory(); } catch { return false; } })) {
              const { checkRegister } = await import('../batch/register.js');
              all.push(...checkRegister(entries, lang));
            }
            // name each config that changes a rule's level (stderr: json and github output stay parseable)
            const { CONFIGURABLE_RULE_IDS } = await import('../rules/index.js');
            for (const line of configNotes(files, CONFIGURABLE_RULE_IDS, lang)) writeErr(`${line}\n`);
          });
          count = files.length;
        }
        return reportFindings(all, report, count, lang);
      }));
  },
  fix: () => {
    helpTail(command('fix'), 'fix/examples')
      .description(T('fix/description'))
      .argument(`<${T('ph/paths')}>`, T('fix/arg'))
      .option('--dry-run', T('fix/opt-dry-run'))
      .action(run(async (g, paths: string[], o: { dryRun?: boolean }) => {
        const { fixFiles } = await import('../fix.js');
        // a _defaults.yaml is fixed when named (a folder's are left out: they are no plans)
        return (await fixFiles(await planFiles(paths), lang, process.stdout, { ...templatesOpt(g), ...(o.dryRun ? { dryRun: true, notes: process.stderr } : {}) })) ? 1 : 0;
      }));
  },
  batch: () => {
    helpTail(command('batch'), 'batch/examples')
      .description(T('batch/description'))
      .argument(`<${T('ph/paths')}>`, T('batch/arg'))
      .requiredOption(`-o, --output <${T('ph/dir')}>`, T('batch/opt-output'))
      .option(`-j, --jobs <${T('ph/n')}>`, T('batch/opt-jobs'))
      .option('--incremental', T('batch/opt-incremental'))
      .option(`--manifest <${T('ph/file')}>`, T('batch/opt-manifest'))
      .option('--shard <i/n>', T('batch/opt-shard'))
      .option('--check-register', T('batch/opt-register'))
      .option('--pdf', T('batch/opt-pdf'))
      .option('--force-overwrite', T('batch/opt-force-overwrite'))
      .addOption(new Option(`--format <${T('ph/format')}>`, T('batch/opt-format')).choices(['text', 'json', 'github']).default('text'))
      .action(run(async (g, paths: string[], o: { output: string; jobs?: string; incremental?: boolean; manifest?: string; shard?: string; checkRegister?: boolean; pdf?: boolean; forceOverwrite?: boolean; format: Exclude<Format, 'sarif'> }) => {
        const { parseShard } = await import('../batch/plan-set.js');
        const shard = o.shard ? parseShard(o.shard) : undefined;
        if (shard === null) throw new KehoachError(msg('batch/bad-shard', lang), [], 'usage');
        const jobs = parseJobs(o.jobs);
        if (o.pdf) {
          const { requireSoffice } = await import('../pdf.js');
          try { requireSoffice(lang); } catch (e) { throw new CliExit(2, (e as Error).message); }
        }
        const { batchCommand } = await import('./batch.js');
        return batchCommand(paths, {
          outdir: o.output, format: o.format, ...(o.pdf ? { pdf: true } : {}), ...(o.forceOverwrite ? { forceOverwrite: true } : {}),
          ...(jobs ? { jobs } : {}), ...(o.incremental ? { incremental: true } : {}), ...(o.manifest ? { manifest: o.manifest } : {}),
          ...(shard ? { shard } : {}), ...(o.checkRegister ? { checkRegister: true } : {}), ...templatesOpt(g),
        }, lang);
      }));
  },
  init: () => {
    helpTail(command('init'), 'init/examples')
      .description(T('init/description'))
      .argument(`[${T('ph/dir')}]`, T('init/arg'))
      .option(`--khoi <${T('ph/khoi')}>`, T('init/opt-khoi'))
      .option('-y, --yes', T('init/opt-yes'))
      .option('--force', T('init/opt-force'))
      .action(run(async (g, dir: string | undefined, o: { khoi?: string; yes?: boolean; force?: boolean }) => {
        const { initCommand } = await import('./init.js');
        return initCommand(dir ?? '.', { ...o, ...templatesOpt(g) }, lang);
      }));
  },
  import: () => {
    helpTail(command('import'), 'import/examples')
      .description(T('import/description'))
      .argument(`<${T('ph/doc')}>`, T('import/arg'))
      .option(`-o, --output <${T('ph/out')}>`, T('import/opt-output'))
      .option('--force', T('import/opt-force'))
      .action(run(async (g, input: string, o: { output?: string; force?: boolean }) => (await import('./import-check.js')).importCommand(input, o, { lang, templates: officeTemplates(g) })));
  },
  check: () => {
    reportFlags(helpTail(command('check'), 'check/examples')
      .description(T('check/description'))
      .argument(`<${T('ph/docs')}>`, T('check/arg')))
      .action(run(async (g, files: string[], o: ValidateOptions) => (await import('./import-check.js')).checkCommand(files, reportOptions(o), { lang, templates: officeTemplates(g) })));
  },
  show: () => {
    helpTail(command('show'), 'show/examples')
      .description(T('show/description'))
      .argument(`<${T('ph/plan')}>`, T('show/arg'))
      .action(run(async (_g, file: string) => {
        const { showPlan } = await import('../index.js');
        const { existsSync } = await import('node:fs');
        if (!existsSync(file)) throw new CliExit(2, msg('cli/missing-file', lang, { file }));
        writeOut(await showPlan(file, { lang }));
        return 0;
      }));
  },
  doctor: () => {
    helpTail(command('doctor'), 'doctor/examples')
      .description(T('doctor/description'))
      .action(run(async () => {
        const { runDoctor } = await import('../doctor.js');
        const checks = runDoctor({ lang });
        for (const c of checks) {
          writeOut(`${msg(c.ok ? 'doctor/ok' : 'doctor/problem', lang)}  ${c.name}: ${c.detail}\n`);
          if (c.hint) writeOut(`         ${msg('doctor/hint', lang, { hint: c.hint })}\n`);
        }
        const bad = checks.filter((c) => !c.ok).length;
        writeOut(`${bad ? msg('doctor/summary-problems', lang, { count: bad }) : msg('doctor/summary-ok', lang)}\n`);
        return bad ? 1 : 0;
      }));
  },
  completion: () => {
    helpTail(command('completion'), 'completion/examples')
      .description(T('completion/description'))
      .addArgument(new Argument('<shell>', T('completion/arg')).choices(['bash', 'zsh', 'powershell']))
      .action(run(async (g, shell: 'bash' | 'zsh' | 'powershell') => {
        const { completionScript } = await import('./completion.js');
        const { familyNames } = await import('../form/families.js');
        const { DEFAULT_TEMPLATES_DIR } = await import('../profile.js');
        writeOut(completionScript(program, shell, { '--khoi': familyNames(officeTemplates(g) ?? DEFAULT_TEMPLATES_DIR) }));
        return 0;
      }));
  },
  lsp: () => {
    helpTail(command('lsp'), 'lsp/examples')
      .description(T('lsp/description'))
      .option('--stdio', T('lsp/opt-stdio'))
      .action(run(async (g) => {
        // The language server and its library load only here: no other command pays for them.
        const { startServer } = await import('../lsp/server.js');
        const argv = process.argv.slice(2);
        const explicit = argv.some((a) => a === '--lang' || a.startsWith('--lang=')) || process.env.KEHOACH_LANG === 'en' || process.env.KEHOACH_LANG === 'vi';
        const connection = startServer({ ...(explicit ? { lang } : {}), ...templatesOpt(g) });
        // Served until the client sends "exit" (the library then ends the process) or closes the stream.
        await new Promise<void>((done) => connection.onExit(() => done()));
        return 0;
      }));
  },
  schema: () => {
    helpTail(command('schema'), 'schema/examples')
      .description(T('schema/description'))
      .action(run(async () => {
        const { planSchema } = await import('../validate/schema.js');
        writeOut(JSON.stringify(planSchema(), null, 2) + '\n');
        return 0;
      }));
  },
};

/**
 * The command `argv` names, when its first word that is no global option names one exactly; undefined for help,
 * the version, no command or an unknown one.
 */
export function commandNamed(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang' || a === '--templates') { i++; continue; }
    if (a === '-h' || a === '--help' || a === '-V' || a === '--version' || a === '--') return undefined;
    if (a.startsWith('-')) continue;
    return Object.hasOwn(COMMANDS, a) && a !== 'completion' ? a : undefined;
  }
  return undefined;
}

/** Defines the command argv names, else every command (see COMMANDS). */
export function defineCommands(argv: readonly string[]): void {
  const named = commandNamed(argv);
  for (const [name, define] of Object.entries(COMMANDS)) if (!named || name === named) define();
}

/** Runs the command named by process.argv (called by the `kehoach` bin, dist/cli.cjs, from the bundle or from tsc's modules). */
export async function main(): Promise<void> {
  guardStreams(lang);
  await prepareColour();
  defineCommands(process.argv.slice(2));
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') process.exit(0);
      writeErr(`kehoach: ${msg('cli/error-prefix', lang)}: ${translateCommanderError(e.code, e.message)}\n${msg('commander/help-hint', lang)}\n`);
      process.exit(2);
    }
    fail(e, lang, program.opts<Global>().debug);
  }
}
