/**
 * A check's findings written out for people and for CI: stylish (grouped by file, for a terminal),
 * JSON, SARIF 2.1.0 (code scanning), GitHub Actions workflow commands, and JUnit XML.
 */
import type { Format } from './arguments';
import type { CheckResult, Finding } from './check';
import { helpUri, RULES } from './rules';

export interface ReportOptions {
  readonly color: boolean;
  readonly version: string;
}

export function formatReport(format: Format, result: CheckResult, options: ReportOptions): string {
  switch (format) {
    case 'stylish': return stylish(result, options.color);
    case 'json': return `${JSON.stringify(jsonReport(result, options.version), null, 2)}\n`;
    case 'sarif': return `${JSON.stringify(sarifLog(result, options.version), null, 2)}\n`;
    case 'github': return github(result);
    case 'junit': return junit(result);
  }
}

export function counts(findings: readonly Finding[]): { errors: number; warnings: number; notes: number } {
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else notes++;
  }
  return { errors, warnings, notes };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function byFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const files = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = files.get(f.file);
    if (list) list.push(f);
    else files.set(f.file, [f]);
  }
  return files;
}

function stylish(result: CheckResult, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const tint = { error: '31', warning: '33', note: '36' } as const;
  const lines: string[] = [];
  if (result.fixed.length > 0) {
    lines.push(paint('1', `Fixed ${plural(result.fixed.length, 'problem')}:`));
    for (const f of result.fixed) lines.push(`  ${f.file}:${f.line}:${f.column}  ${oneLine(f.title)}  ${paint('2', f.rule)}`);
    lines.push('');
  }
  for (const [file, findings] of byFile(result.findings)) {
    lines.push(paint('4', file));
    const where = findings.map((f) => `${f.line}:${f.column}`);
    const width = Math.max(...where.map((w) => w.length));
    findings.forEach((f, i) => {
      lines.push(`  ${paint('2', where[i].padEnd(width))}  ${paint(tint[f.severity], f.severity.padEnd(7))}  ${oneLine(f.message)}  ${paint('2', f.rule)}`);
    });
    lines.push('');
  }
  const { errors, warnings, notes } = counts(result.findings);
  const total = errors + warnings + notes;
  const checked = `${plural(result.filesChecked, 'file')} checked`;
  if (total === 0) lines.push(`No problems (${checked}).`);
  else {
    const summary = `${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}${notes ? `, ${plural(notes, 'note')}` : ''}) in ${checked}`;
    lines.push(paint(errors > 0 ? '1;31' : warnings > 0 ? '1;33' : '1', `✖ ${summary}`));
  }
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function jsonReport(result: CheckResult, version: string): unknown {
  return {
    tool: { name: 'error-catalog', version },
    root: result.root,
    summary: { ...counts(result.findings), filesChecked: result.filesChecked, catalogs: result.catalogs, skipped: result.skipped.length },
    findings: result.findings.map((f) => ({ ...f, helpUri: helpUri(f.rule) })),
    fixed: result.fixed,
    changedWhileFixing: result.changedWhileFixing,
    skipped: result.skipped,
  };
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', note: 'note' } as const;

function sarifLog(result: CheckResult, version: string): unknown {
  const known = new Set(RULES.map((r) => r.id));
  // Rules found that the table does not list (a new problem kind) are described by their id.
  const rules = [...RULES.map((r) => ({ id: r.id, summary: r.summary })), ...[...new Set(result.findings.map((f) => f.rule))].filter((id) => !known.has(id)).map((id) => ({ id, summary: id }))];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'error-catalog',
          version,
          informationUri: 'https://github.com/error-catalog/error-catalog',
          rules: rules.map((r) => ({
            id: r.id,
            name: r.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
            shortDescription: { text: r.summary },
            helpUri: helpUri(r.id),
            defaultConfiguration: { level: 'warning' },
          })),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: `${fileUriOf(result.root)}/` } },
      results: result.findings.map((f) => ({
        ruleId: f.rule,
        ruleIndex: index.get(f.rule),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        }],
        ...(f.docs ? { properties: { docs: f.docs } } : {}),
      })),
    }],
  };
}

function fileUriOf(path: string): string {
  return `file://${encodeURI(path)}`;
}

/** GitHub Actions workflow commands: an annotation per finding, on the line it is about. */
function github(result: CheckResult): string {
  const command = { error: 'error', warning: 'warning', note: 'notice' } as const;
  // Escaping as the Actions toolkit does: data escapes %, CR and LF; properties also : and ,.
  const data = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return result.findings.map((f) => `::${command[f.severity]} file=${property(f.file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${property(`error-catalog: ${f.rule}`)}::${data(f.message)}\n`).join('');
}

function xml(text: string): string {
  // Characters XML 1.0 cannot hold at all are dropped; the rest are escaped.
  return text.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** JUnit XML: a test suite per file with problems, a failing test case per problem (a passing one when there are none). */
function junit(result: CheckResult): string {
  const { errors, warnings, notes } = counts(result.findings);
  const failures = errors + warnings + notes;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="error-catalog" tests="${Math.max(failures, 1)}" failures="${failures}">`];
  if (failures === 0) {
    lines.push(`  <testsuite name="error-catalog" tests="1" failures="0">`, `    <testcase classname="error-catalog" name="${xml(`${result.filesChecked} files checked`)}"/>`, '  </testsuite>');
  }
  for (const [file, findings] of byFile(result.findings)) {
    lines.push(`  <testsuite name="${xml(file)}" tests="${findings.length}" failures="${findings.length}">`);
    for (const f of findings) {
      lines.push(
        `    <testcase classname="${xml(file)}" name="${xml(`${f.file}:${f.line}:${f.column} ${f.rule}`)}">`,
        `      <failure type="${xml(f.rule)}" message="${xml(oneLine(f.message))}">${xml(`${f.severity} at ${f.file}:${f.line}:${f.column}: ${f.message}\n${helpUri(f.rule)}`)}</failure>`,
        '    </testcase>',
      );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
