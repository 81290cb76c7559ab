/**
 * SARIF 2.1.0 output of `validate` and `check` (`--format sarif`), for GitHub code scanning and other SARIF viewers
 * (OASIS SARIF 2.1.0, https://docs.oasis-open.org/sarif/sarif/v2.1.0/). One run, tool "kehoach": the rules met in
 * the findings, each with its id, a one-line description, help text and, for a rule of the standard, the text it
 * enforces (`properties.source`, e.g. "NĐ 30/2020 Phụ lục III"); one result per finding with its file, line, column
 * and level (error, warning). Columns count UTF-16 code units, as the YAML reader's do (`columnKind`).
 */
import { kehoachVersion } from '../version.js';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Diagnostic } from '../errors.js';
import { msg, type Lang } from '../i18n/messages.js';
import { RULES, REGISTER_RULE_IDS } from '../rules/index.js';

/** The address of the SARIF 2.1.0 schema (OASIS errata 01), written as the log's `$schema`. */
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';


/** The families of rule ids outside the registry (their prefix before "/"), each with one description. */
const KINDS = ['schema', 'input', 'file', 'yaml', 'plan', 'config', 'register', 'docx', 'batch', 'template'] as const;

/**
 * A rule's descriptor: a rule of the registry (src/rules) with its own description and legal source; any other id
 * with the description of its family (schema/…, input/…, config/… …).
 */
export function ruleDescriptor(id: string, lang: Lang): ReportingDescriptor {
  const rule = RULES.find((r) => r.id === id);
  if (rule) {
    const text = rule.description[lang];
    const sentence = text.replace(/\.$/u, '');
    return {
      id, name: id, shortDescription: { text },
      help: { text: msg('sarif/help-rule', lang, { description: sentence, source: rule.source, id }) },
      properties: { source: rule.source, tags: ['kehoach', rule.on === 'document' ? 'document' : 'plan'] },
    };
  }
  const prefix = id.split('/')[0];
  const kind = (REGISTER_RULE_IDS as readonly string[]).includes(id) ? 'register' : (KINDS as readonly string[]).includes(prefix) ? prefix : 'other';
  const text = msg(`sarif/kind-${kind}` as 'sarif/kind-other', lang);
  return { id, name: id, shortDescription: { text }, help: { text: msg('sarif/help-kind', lang, { description: text, id }) }, properties: { tags: ['kehoach', kind] } };
}

/** A file name as a SARIF artifact URI: a relative path with "/" (percent-encoded), an absolute one as file:// URL. */
function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/**
 * The findings as a SARIF 2.1.0 log (JSON text, 2-space indented).
 * @param lang the language of the messages and descriptions (also the run's `language`)
 */
export function formatSarif(diags: readonly Diagnostic[], lang: Lang): string {
  const ids = [...new Set(diags.map((d) => d.rule))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const results: Result[] = diags.map((d) => ({
    ruleId: d.rule,
    ruleIndex: index.get(d.rule)!,
    level: d.severity === 'error' ? 'error' : 'warning',
    message: { text: d.hint ? `${d.message} — ${d.hint}` : d.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: artifactUri(d.file) },
        region: { startLine: Math.max(1, d.line), startColumn: Math.max(1, d.column) },
      },
    }],
  }));
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'kehoach', semanticVersion: kehoachVersion(), rules: ids.map((id) => ruleDescriptor(id, lang)) } },
      language: lang === 'vi' ? 'vi-VN' : 'en-US',
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return JSON.stringify(log, null, 2);
}
