/**
 * Shell completion scripts (`kehoach completion bash|zsh|powershell`), generated from commander's command tree: the
 * commands, their options and the global ones, the choices of an option (`--format`, `--lang`) and the families for
 * `--khoi` (the folders of templates/). Nothing is listed by hand: a new command or option is completed as soon as
 * it is registered in src/cli/main.ts. Arguments and option values without choices complete as file names.
 */
import type { Command, Option } from 'commander';

/** The shells a script is written for. */
export const SHELLS = ['bash', 'zsh', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];

/** One option as completion sees it: its spellings, whether it takes a value, the values offered, its help line. */
interface Opt { names: string[]; value: boolean; choices: string[]; description: string }
/** One command: its name, help line and options (the global ones apart). */
interface Cmd { name: string; description: string; options: Opt[]; args: string[] }

/** The tree completion needs, read from the program. `values` gives the values of options without choices (--khoi). */
export function completionTree(program: Command, values: Record<string, readonly string[]> = {}): { global: Opt[]; commands: Cmd[] } {
  const opt = (o: Option): Opt => ({
    names: [o.short, o.long].filter((n): n is string => !!n),
    value: o.required || o.optional,
    choices: [...(o.argChoices ?? (o.long ? values[o.long] : undefined) ?? [])],
    description: o.description,
  });
  // commander's Help lists each command's visible options, its help option included
  const help = program.createHelp();
  const commands: Cmd[] = program.commands.map((c) => ({ name: c.name(), description: c.description(), options: help.visibleOptions(c).map(opt), args: [...(c.registeredArguments[0]?.argChoices ?? [])] }));
  commands.push({ name: 'help', description: '', options: [], args: program.commands.map((c) => c.name()) });
  return { global: help.visibleOptions(program).map(opt), commands };
}

const words = (xs: readonly string[]) => [...new Set(xs)].join(' ');
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function bash(t: ReturnType<typeof completionTree>): string {
  const lines = [
    '# kehoach bash completion. Load it: source <(kehoach completion bash)',
    '# or install it: kehoach completion bash > ~/.local/share/bash-completion/completions/kehoach',
    '_kehoach() {',
    '  local cur prev cmd i',
    '  cur="${COMP_WORDS[COMP_CWORD]}"',
    '  prev="${COMP_WORDS[COMP_CWORD-1]}"',
    '  cmd=""',
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    case "${COMP_WORDS[i]}" in',
    `      ${t.commands.map((c) => c.name).join('|')}) cmd="\${COMP_WORDS[i]}"; break ;;`,
    '    esac',
    '  done',
    '  case "$cmd:$prev" in',
  ];
  // values of options: the command's own first, then the global ones (one pattern per spelling)
  const valueCase = (pattern: string, o: Opt) =>
    lines.push(o.choices.length ? `    ${pattern}) COMPREPLY=($(compgen -W ${sq(words(o.choices))} -- "$cur")); return ;;` : `    ${pattern}) return ;;`);
  for (const c of t.commands) for (const o of c.options) if (o.value) valueCase(o.names.map((n) => `${c.name}:${n}`).join('|'), o);
  for (const o of t.global) if (o.value) valueCase(o.names.map((n) => `*:${n}`).join('|'), o);
  lines.push('  esac', '  case "$cmd" in');
  const global = words(t.global.flatMap((o) => o.names));
  for (const c of t.commands) {
    const flags = words(c.options.flatMap((o) => o.names));
    const args = c.args.length ? ` else COMPREPLY=($(compgen -W ${sq(words(c.args))} -- "$cur"));` : '';
    lines.push(`    ${c.name}) if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W ${sq(`${flags} ${global}`)} -- "$cur"));${args} fi; return ;;`);
  }
  lines.push(
    `    "") if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W ${sq(global)} -- "$cur")); else COMPREPLY=($(compgen -W ${sq(words(t.commands.map((c) => c.name)))} -- "$cur")); fi ;;`,
    '  esac',
    '}',
    'complete -o default -F _kehoach kehoach',
  );
  return lines.join('\n') + '\n';
}

/** Text inside a zsh _arguments spec's [description] (brackets, colons and backslashes escaped). */
const zdesc = (s: string) => s.replace(/\\/g, '\\\\').replace(/([[\]:])/g, '\\$1').replace(/'/g, `'\\''`);

function zshSpecs(opts: Opt[]): string[] {
  return opts.map((o) => {
    const action = o.value ? (o.choices.length ? `:value:(${o.choices.join(' ')})` : ':value:_files') : '';
    const names = o.names.length > 1 ? `'(${o.names.join(' ')})'{${o.names.join(',')}}'` : `'${o.names[0]}`;
    return `${names}[${zdesc(o.description)}]${action}'`;
  });
}

function zsh(t: ReturnType<typeof completionTree>): string {
  const lines = [
    '#compdef kehoach',
    '# kehoach zsh completion. Load it: source <(kehoach completion zsh)',
    '# or install it as _kehoach in a folder of $fpath: kehoach completion zsh > "${fpath[1]}/_kehoach"',
    '_kehoach() {',
    '  local curcontext="$curcontext" state line',
    '  local -a commands',
    '  commands=(',
    ...t.commands.map((c) => `    '${c.name.replace(/:/g, '\\:')}:${c.description.replace(/'/g, `'\\''`)}'`),
    '  )',
    '  _arguments -C \\',
    ...zshSpecs(t.global).map((s) => `    ${s} \\`),
    "    '1: :->command' \\",
    "    '*:: :->args'",
    '  case $state in',
    "    command) _describe 'command' commands ;;",
    '    args)',
    '      case $words[1] in',
  ];
  for (const c of t.commands) {
    if (c.name === 'help') { lines.push("        help) _describe 'command' commands ;;"); continue; }
    const args = c.args.length ? `'1:value:(${c.args.join(' ')})'` : "'*:file:_files'";
    lines.push(`        ${c.name}) _arguments \\`, ...zshSpecs(c.options).map((s) => `          ${s} \\`), `          ${args} ;;`);
  }
  lines.push(
    '      esac ;;',
    '  esac',
    '}',
    'if [[ "${funcstack[1]}" == _kehoach ]]; then _kehoach "$@"; else compdef _kehoach kehoach; fi',
  );
  return lines.join('\n') + '\n';
}

/** A PowerShell single-quoted string. */
const psq = (s: string) => `'${s.replace(/'/g, "''")}'`;

function powershell(t: ReturnType<typeof completionTree>): string {
  const optTable = (opts: Opt[]) => `@(${opts.flatMap((o) => o.names.map((n) => `@{ n = ${psq(n)}; d = ${psq(o.description || n)}; v = @(${o.choices.map(psq).join(', ')}); t = $${o.value} }`)).join(', ')})`;
  const lines = [
    '# kehoach PowerShell completion. Load it: kehoach completion powershell | Out-String | Invoke-Expression',
    '# or add that line to your $PROFILE.',
    'Register-ArgumentCompleter -Native -CommandName kehoach -ScriptBlock {',
    '  param($wordToComplete, $commandAst, $cursorPosition)',
    `  $global = ${optTable(t.global)}`,
    '  $commands = [ordered]@{',
    ...t.commands.map((c) => `    ${psq(c.name)} = @{ d = ${psq(c.description || c.name)}; o = ${optTable(c.options)}; a = @(${c.args.map(psq).join(', ')}) }`),
    '  }',
    '  $words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })',
    '  if ($wordToComplete -ne \'\' -and $words.Count -gt 0) { $words = @($words | Select-Object -First ($words.Count - 1)) }',
    '  $cmd = $null',
    '  foreach ($w in $words) { if ($commands.Contains($w)) { $cmd = $w; break } }',
    '  $opts = if ($cmd) { @($commands[$cmd].o) + $global } else { $global }',
    '  $prev = if ($words.Count -gt 0) { $words[-1] } else { \'\' }',
    '  $takes = $opts | Where-Object { $_.n -eq $prev -and $_.t } | Select-Object -First 1',
    '  if ($takes) {',
    '    if ($takes.v.Count -eq 0) { return }',
    "    $takes.v | Where-Object { $_ -like \"$wordToComplete*\" } | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_) }",
    '    return',
    '  }',
    "  if ($wordToComplete -like '-*') {",
    "    $opts | Where-Object { $_.n -like \"$wordToComplete*\" } | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_.n, $_.n, 'ParameterName', $_.d) }",
    '  } elseif ($cmd -and $commands[$cmd].a.Count -gt 0) {',
    "    $commands[$cmd].a | Where-Object { $_ -like \"$wordToComplete*\" } | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_) }",
    '  } elseif (-not $cmd) {',
    "    $commands.Keys | Where-Object { $_ -like \"$wordToComplete*\" } | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, 'Command', $commands[$_].d) }",
    '  }',
    '}',
  ];
  return lines.join('\n') + '\n';
}

/**
 * The completion script for a shell, from the program's command tree.
 * @param values the values of options without choices, by long name (e.g. `{ '--khoi': families }`)
 */
export function completionScript(program: Command, shell: Shell, values: Record<string, readonly string[]> = {}): string {
  const t = completionTree(program, values);
  return shell === 'bash' ? bash(t) : shell === 'zsh' ? zsh(t) : powershell(t);
}
