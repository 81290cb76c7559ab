#!/usr/bin/env node
/**
 * kehoach command line: a thin layer over the library API. Every failure becomes a one-line message and an
 * exit code (0 ok, 1 invalid plan, 2 usage, 3 internal or I/O); --debug shows the stack.
 */
import { Command, CommanderError, Option } from 'commander';
import { existsSync, statSync, readFileSync } from 'node:fs';
import { basename, extname, join, dirname } from 'node:path';
import { KehoachError } from './errors.js';
import { msg, type Lang } from './i18n/messages.js';
import { formatDiagnostics, useColour, type Format } from './cli/output.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

interface Global { lang: Lang; debug?: boolean; templates?: string }

/** Where `render` writes: -o file.docx, -o dir/, or beside the input. */
export function outputPath(input: string, out?: string): string {
  const name = basename(input, extname(input)) + '.docx';
  if (!out) return join(dirname(input), name);
  if (out.endsWith('/') || out.endsWith('\\') || (existsSync(out) && statSync(out).isDirectory())) return join(out, name);
  return out;
}

/** --jobs: a positive whole number, or undefined for the default (the number of cores). */
function parseJobs(value: string | undefined, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n > 0)) throw new KehoachError(msg('batch/bad-jobs', lang), [], 'usage');
  return n;
}

function fail(e: unknown, g: Global): never {
  if (e instanceof KehoachError) {
    if (e.diagnostics.length) process.stderr.write(formatDiagnostics(e.diagnostics, 'text', useColour(process.stderr)) + '\n');
    else process.stderr.write(`kehoach: ${e.message}\n`);
    process.exit(e.kind === 'usage' ? 2 : 1);
  }
  const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
  process.stderr.write(`kehoach: ${msg('cli/internal', g.lang, { detail })}\n`);
  if (g.debug && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  process.exit(3);
}

const program = new Command('kehoach')
  .description('KẾ HOẠCH từ YAML ra .docx đúng thể thức (NĐ 30/2020/NĐ-CP, HD 36-HD/VPTW, QĐ 933/QĐ-TLĐ)')
  .version(pkg.version)
  .addOption(new Option('--lang <lang>', 'ngôn ngữ thông báo / message language').choices(['vi', 'en']).default('vi'))
  .option('--templates <dir>', 'thư mục mẫu (templates) thay cho mẫu kèm theo')
  .option('--debug', 'hiện chi tiết lỗi nội bộ (stack)')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

program
  .command('render')
  .description('kết xuất một kế hoạch ra .docx')
  .argument('<plan.yaml>', 'tệp kế hoạch')
  .option('-o, --output <file|dir>', 'tệp .docx hoặc thư mục đích (mặc định: cạnh tệp YAML)')
  .action(async (input: string, o: { output?: string }) => {
    const g = program.opts<Global>();
    try {
      const { renderPlanFile, writeFileAtomic } = await import('./index.js');
      const target = outputPath(input, o.output);
      let result;
      try {
        result = await renderPlanFile(input, { lang: g.lang, file: input, ...(g.templates ? { templatesDir: g.templates } : {}) });
      } catch (e) {
        if (e instanceof KehoachError && e.kind === 'invalid') {
          process.stderr.write(formatDiagnostics(e.diagnostics, 'text', useColour(process.stderr)) + '\n');
          process.stderr.write(`kehoach: ${msg('cli/not-written', g.lang, { count: e.diagnostics.filter((d) => d.severity === 'error').length })}\n`);
          process.exit(1);
        }
        throw e;
      }
      const warnings = result.check.diagnostics.filter((d) => d.severity === 'warning');
      if (warnings.length) process.stderr.write(formatDiagnostics(warnings, 'text', useColour(process.stderr)) + '\n');
      try {
        await writeFileAtomic(target, result.bytes);
      } catch (e) {
        throw new KehoachError(msg('cli/output-exists-dir', g.lang, { file: target, reason: (e as NodeJS.ErrnoException).code ?? String(e) }), [], 'io');
      }
      process.stdout.write(msg('cli/written', g.lang, { file: target }) + '\n');
    } catch (e) {
      fail(e, g);
    }
  });

program
  .command('validate')
  .description('kiểm tra kế hoạch (không kết xuất): tệp, thư mục hoặc mẫu glob')
  .argument('<paths...>', 'tệp .yaml, thư mục (tìm *.yaml, *.yml) hoặc mẫu glob')
  .addOption(new Option('--format <format>', 'định dạng kết quả').choices(['text', 'json', 'github']).default('text'))
  .option('--strict', 'cảnh báo cũng làm lệnh thất bại')
  .option('--check-register', 'kiểm tra sổ đăng ký văn bản (mặc định khi kiểm tra một thư mục)')
  .option('-j, --jobs <n>', 'số luồng song song khi kiểm tra nhiều tệp (mặc định: số lõi)')
  .action(async (paths: string[], o: { format: Format; strict?: boolean; checkRegister?: boolean; jobs?: string }) => {
    const g = program.opts<Global>();
    try {
      const { expandInputs, checkFiles } = await import('./validate/files.js');
      const jobs = parseJobs(o.jobs, g.lang);
      const { statSync } = await import('node:fs');
      const { files, unmatched } = await expandInputs(paths);
      if (unmatched.length || !files.length) {
        process.stderr.write(`kehoach: ${msg('cli/no-input', g.lang, { patterns: (unmatched.length ? unmatched : paths).join(' ') })}\n`);
        process.exit(2);
      }
      const all = [];
      const entries = [];
      for (const r of await checkFiles(files, { lang: g.lang, ...(jobs ? { jobs } : {}), ...(g.templates ? { templatesDir: g.templates } : {}) })) {
        all.push(...r.diagnostics);
        if (r.register) entries.push(r.register);
      }
      if (o.checkRegister || paths.some((p) => { try { return statSync(p).isDirectory(); } catch { return false; } })) {
        const { checkRegister } = await import('./batch/register.js');
        all.push(...checkRegister(entries, g.lang));
      }
      const errors = all.filter((d) => d.severity === 'error').length;
      const warnings = all.length - errors;
      if (o.format === 'json') process.stdout.write(formatDiagnostics(all, 'json') + '\n');
      else {
        if (all.length) process.stdout.write(formatDiagnostics(all, o.format, useColour(process.stdout)) + '\n');
        if (o.format === 'text') process.stderr.write(msg('cli/summary', g.lang, { files: files.length, errors, warnings }) + '\n');
      }
      process.exit(errors > 0 || (o.strict && warnings > 0) ? 1 : 0);
    } catch (e) {
      fail(e, g);
    }
  });

program
  .command('batch')
  .description('kết xuất nhiều kế hoạch: thư mục hoặc mẫu glob → thư mục đích, giữ nguyên cây thư mục')
  .argument('<paths...>', 'thư mục hoặc mẫu glob')
  .requiredOption('-o, --output <dir>', 'thư mục đích')
  .option('-j, --jobs <n>', 'số luồng song song (mặc định: số lõi)')
  .option('--incremental', 'bỏ qua kế hoạch có đầu vào không đổi so với manifest trước')
  .option('--manifest <file.json>', 'tệp manifest (mặc định <output>/manifest.json)')
  .option('--shard <i/n>', 'chỉ kết xuất phần thứ i trong n phần ổn định (ma trận CI)')
  .option('--check-register', 'kiểm tra sổ đăng ký: không trùng số, số theo ngày, liệt kê số thiếu')
  .addOption(new Option('--format <format>', 'định dạng báo lỗi').choices(['text', 'json', 'github']).default('text'))
  .action(async (paths: string[], o: { output: string; jobs?: string; incremental?: boolean; manifest?: string; shard?: string; checkRegister?: boolean; format: Format }) => {
    const g = program.opts<Global>();
    try {
      const { parseShard } = await import('./batch/plan-set.js');
      const shard = o.shard ? parseShard(o.shard) : undefined;
      if (shard === null) throw new KehoachError(msg('batch/bad-shard', g.lang), [], 'usage');
      const jobs = parseJobs(o.jobs, g.lang);
      const { batchCommand } = await import('./cli/batch.js');
      process.exitCode = await batchCommand(paths, {
        outdir: o.output, format: o.format,
        ...(jobs ? { jobs } : {}), ...(o.incremental ? { incremental: true } : {}), ...(o.manifest ? { manifest: o.manifest } : {}),
        ...(shard ? { shard } : {}), ...(o.checkRegister ? { checkRegister: true } : {}), ...(g.templates ? { templatesDir: g.templates } : {}),
      }, g.lang);
    } catch (e) {
      fail(e, g);
    }
  });

// ---- import, check (Word documents)
program
  .command('import')
  .description('nhập một kế hoạch Word (.docx, .doc, .txt) thành tệp YAML có chú thích')
  .argument('<file>', 'tệp .docx, .doc, .odt, .rtf, .htm hoặc .txt')
  .option('-o, --output <file|dir>', 'tệp .yaml hoặc thư mục đích (mặc định: cạnh tệp nguồn)')
  .option('--force', 'ghi đè tệp .yaml đã có')
  .action(async (input: string, o: { output?: string; force?: boolean }) => {
    const g = program.opts<Global>();
    try { process.exitCode = await (await import('./cli/import-check.js')).importCommand(input, o, g); } catch (e) { fail(e, g); }
  });

program
  .command('check')
  .description('kiểm tra thể thức một hoặc nhiều tệp Word (.docx) theo khối của văn bản')
  .argument('<files...>', 'tệp .docx (hoặc .doc, .odt qua LibreOffice)')
  .addOption(new Option('--format <format>', 'định dạng kết quả').choices(['text', 'json', 'github']).default('text'))
  .option('--strict', 'cảnh báo cũng làm lệnh thất bại')
  .action(async (files: string[], o: { format: Format; strict?: boolean }) => {
    const g = program.opts<Global>();
    try { process.exitCode = await (await import('./cli/import-check.js')).checkCommand(files, o, g); } catch (e) { fail(e, g); }
  });

program
  .command('schema')
  .description('in JSON Schema của kế hoạch (cho trình soạn thảo và công cụ khác)')
  .action(async () => {
    const { planSchema } = await import('./validate/schema.js');
    process.stdout.write(JSON.stringify(planSchema(), null, 2) + '\n');
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exit(e.exitCode === 0 ? 0 : 2);
  }
  fail(e, program.opts<Global>());
}

