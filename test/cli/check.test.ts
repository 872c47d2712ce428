/**
 * `error-catalog check` run as a real process (dist/cli.js) on the sample workspaces and on small
 * fixtures: it reports what the editor reports (nothing on clean code, exactly the planted mistake
 * otherwise), reads the same settings, writes every format correctly (SARIF validated against the
 * published 2.1.0 schema, JUnit parsed as strict XML), and answers bad input with exit code 2.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import { parser as saxParser } from 'sax';
import { REPO_ROOT, runNode } from '../helpers/lspClient';
import { copyOf, sampleWorkspaces, type PlantedMistake } from '../helpers/workspaces';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const TIMEOUT = { timeout: 300_000 };

interface JsonReport {
  summary: { errors: number; warnings: number; notes: number; filesChecked: number; catalogs: number };
  findings: { file: string; line: number; column: number; severity: string; rule: string; message: string; helpUri: string }[];
}

const check = (cwd: string, ...args: string[]) => runNode(CLI, ['check', ...args], cwd);

async function checkJson(cwd: string, ...args: string[]): Promise<{ code: number | null; report: JsonReport; stderr: string }> {
  const run = await check(cwd, '--format', 'json', ...args);
  assert.equal(run.stdout.length > 0, true, `no report; stderr: ${run.stderr}`);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

/** Runs `work` on every item, `limit` at a time (one per core). */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

describe('error-catalog check on the sample workspaces', () => {
  for (const workspace of sampleWorkspaces()) {
    it(`${workspace.name}: no problem on the clean code; each planted mistake reported once, in its file, under its rule`, TIMEOUT, async () => {
      const copies: string[] = [];
      try {
        const clean = copyOf(workspace);
        copies.push(clean);
        // The manifest describes the mistakes; it is not part of the workspace.
        rmSync(join(clean, 'workspace.json'));
        const first = await checkJson(clean);
        assert.deepEqual({ code: first.code, findings: first.report.findings }, { code: 0, findings: [] });
        assert.ok(first.report.summary.filesChecked >= workspace.sources.length, `${first.report.summary.filesChecked} files checked`);

        const wrong: string[] = [];
        await eachLimited(workspace.manifest.planted, 2, async (planted: PlantedMistake) => {
          const copy = copyOf(workspace);
          copies.push(copy);
          rmSync(join(copy, 'workspace.json'));
          const path = join(copy, planted.file);
          const text = readFileSync(path, 'utf8');
          writeFileSync(path, text.replace(planted.find, planted.replace));
          const { code, report } = await checkJson(copy);
          const got = report.findings.map((f) => `${f.file} ${f.rule}`);
          const failing = report.findings.some((f) => f.severity !== 'note');
          if (got.length !== 1 || got[0] !== `${planted.file} ${planted.rule}` || code !== (failing ? 1 : 0)) {
            wrong.push(`${planted.name}: exit ${code}, ${got.join('; ') || 'nothing'}`);
          }
        });
        assert.deepEqual(wrong, []);
      } finally {
        for (const copy of copies) rmSync(copy, { recursive: true, force: true });
      }
    });
  }
});

describe('error-catalog check: formats, settings, exit codes', () => {
  let root: string;
  const write = (relative: string, text: string) => {
    mkdirSync(dirname(join(root, relative)), { recursive: true });
    writeFileSync(join(root, relative), text);
  };
  const CATALOG = [
    'id: shop',
    'title: Shop API',
    'envelope:',
    '  body:',
    '    error:',
    '      code: ${code}',
    '      message: ${message}',
    'codes:',
    '  ORDER_NOT_FOUND:',
    '    status: 404',
    '    title: Order not found',
    '  RATE_LIMITED:',
    '    status: 429',
    '    title: Too many requests',
    '',
  ].join('\n');
  // An unknown code (a typo), a status that contradicts the catalog, and a correct response.
  const HANDLERS = [
    "import express from 'express';",
    'const app = express();',
    "app.get('/orders/:id', (req, res) => res.status(404).json({ error: { code: 'ORDER_NOT_FUOND', message: 'No such order' } }));",
    "app.get('/limits', (req, res) => res.status(400).json({ error: { code: 'RATE_LIMITED', message: 'Slow down' } }));",
    "app.get('/ok', (req, res) => res.status(404).json({ error: { code: 'ORDER_NOT_FOUND', message: 'No such order' } }));",
    '',
  ].join('\n');

  before(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'error-catalog-cli-')));
    write('api.errors.yaml', CATALOG);
    write('src/orders.ts', HANDLERS);
    // A dependency's code is never checked.
    write('node_modules/dep/index.js', "res.status(400).json({ error: { code: 'NOT_OURS' } });\n");
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('json: each finding with file, 1-based line and column, severity, rule, message and help link; exit 1', TIMEOUT, async () => {
    const { code, report } = await checkJson(root);
    assert.equal(code, 1);
    assert.deepEqual(report.findings.map((f) => [f.file, f.line, f.column, f.severity, f.rule]), [
      ['src/orders.ts', 3, HANDLERS.split('\n')[2].indexOf('ORDER_NOT_FUOND') + 1, 'warning', 'unknown-code'],
      ['src/orders.ts', 4, HANDLERS.split('\n')[3].indexOf('RATE_LIMITED') + 1, 'warning', 'status-mismatch'],
    ]);
    assert.match(report.findings[0].message, /ORDER_NOT_FOUND/);
    assert.equal(report.findings[0].helpUri, 'https://github.com/error-catalog/error-catalog/blob/main/docs/rules.md#unknown-code');
    assert.deepEqual({ errors: report.summary.errors, warnings: report.summary.warnings, catalogs: report.summary.catalogs }, { errors: 0, warnings: 2, catalogs: 1 });
  });

  it('sarif: valid against the published SARIF 2.1.0 schema, with rules, help links and relative locations', TIMEOUT, async () => {
    const run = await check(root, '--format', 'sarif');
    assert.equal(run.code, 1);
    const log = JSON.parse(run.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }[] }[] }[] };
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    // The schema's `language` pattern is not valid under the u flag: patterns are read as plain regular expressions.
    const validate = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
    const [sarifRun] = log.runs;
    assert.deepEqual(sarifRun.results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine]), [
      ['unknown-code', 'warning', 'src/orders.ts', 3],
      ['status-mismatch', 'warning', 'src/orders.ts', 4],
    ]);
    for (const result of sarifRun.results) assert.equal(sarifRun.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    assert.ok(sarifRun.tool.driver.rules.every((r) => r.helpUri.endsWith(`#${r.id}`)));
    // Each rule's help link lands on its heading in docs/rules.md.
    const page = readFileSync(join(REPO_ROOT, 'docs', 'rules.md'), 'utf8');
    assert.deepEqual(sarifRun.tool.driver.rules.filter((r) => !page.includes(`\n### ${r.id}\n`)).map((r) => r.id), []);
  });

  it('github: one workflow command per finding, with file, line and column, escaped', TIMEOUT, async () => {
    const run = await check(root, '--format', 'github');
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^::warning file=src\/orders\.ts,line=3,col=\d+,endLine=3,endColumn=\d+,title=error-catalog%3A unknown-code::.*ORDER_NOT_FOUND/);
    assert.match(lines[1], /^::warning file=src\/orders\.ts,line=4,col=\d+,.*title=error-catalog%3A status-mismatch::/);
  });

  it('junit: strict XML, a failing test case per finding', TIMEOUT, async () => {
    const run = await check(root, '--format', 'junit');
    const failures: string[] = [];
    const cases: string[] = [];
    const xml = saxParser(true);
    xml.onopentag = (tag) => {
      if (tag.name === 'testcase') cases.push(String(tag.attributes.name));
      if (tag.name === 'failure') failures.push(String(tag.attributes.type));
    };
    xml.write(run.stdout).close();
    assert.deepEqual({ cases: cases.length, failures }, { cases: 2, failures: ['unknown-code', 'status-mismatch'] });
  });

  it('stylish: grouped by file, colour only when asked for (or on a terminal)', TIMEOUT, async () => {
    const plain = await check(root);
    assert.match(plain.stdout, /^src\/orders\.ts\n {2}3:\d+ +warning +.*unknown-code\n {2}4:\d+ +warning +.*status-mismatch\n\n✖ 2 problems \(0 errors, 2 warnings\)/);
    assert.equal(plain.stdout.includes('\u001b['), false);
    const colored = await check(root, '--color');
    assert.equal(colored.stdout.includes('\u001b[33m'), true);
  });

  it('--max-warnings: warnings fail the run beyond the number allowed; --quiet reports errors only', TIMEOUT, async () => {
    assert.equal((await check(root, '--max-warnings', '2')).code, 0);
    assert.equal((await check(root, '--max-warnings', '1')).code, 1);
    assert.equal((await check(root, '--max-warnings', '-1')).code, 0);
    const errors = await checkJson(root, '--rule', 'unknown-code=error', '--quiet', '--max-warnings', '-1');
    assert.deepEqual({ code: errors.code, rules: errors.report.findings.map((f) => `${f.severity} ${f.rule}`) }, { code: 1, rules: ['error unknown-code'] });
  });

  it('reads .vscode/settings.json, then error-catalog.config.json, then the flags', TIMEOUT, async () => {
    write('.vscode/settings.json', '{\n  // as the editor has them\n  "errorCatalog.diagnostics.unknownCode": "off",\n  "errorCatalog.diagnostics": { "statusMismatch": "error" },\n}\n');
    try {
      const editor = await checkJson(root);
      assert.deepEqual(editor.report.findings.map((f) => `${f.severity} ${f.rule}`), ['error status-mismatch']);
      write('error-catalog.config.json', '{ "diagnostics.unknownCode": "warning" }');
      const config = await checkJson(root);
      assert.deepEqual(config.report.findings.map((f) => `${f.severity} ${f.rule}`), ['warning unknown-code', 'error status-mismatch']);
      const flags = await checkJson(root, '--rule', 'status-mismatch=off');
      assert.deepEqual(flags.report.findings.map((f) => `${f.severity} ${f.rule}`), ['warning unknown-code']);
    } finally {
      rmSync(join(root, '.vscode'), { recursive: true, force: true });
      rmSync(join(root, 'error-catalog.config.json'), { force: true });
    }
  });

  it("reports the catalogs' own problems, and only the paths asked for", TIMEOUT, async () => {
    write('billing/billing.errors.yaml', ['id: billing', 'title: Billing', 'envelope:', '  body: { code: "${code}" }', 'codes:', '  CARD_DECLINED:', '    status: 299', ''].join('\n'));
    try {
      const all = await checkJson(root);
      assert.ok(all.report.findings.some((f) => f.file === 'billing/billing.errors.yaml' && f.rule === 'unknown-status' && f.line === 7), JSON.stringify(all.report.findings));
      const billing = await checkJson(root, 'billing');
      assert.deepEqual(billing.report.findings.map((f) => `${f.file} ${f.rule}`), ['billing/billing.errors.yaml unknown-status', 'billing/billing.errors.yaml status-contradiction']);
    } finally {
      rmSync(join(root, 'billing'), { recursive: true, force: true });
    }
  });

  it('leaves out what .gitignore files ignore (at the root and in sub-folders), as the editor does', TIMEOUT, async () => {
    const unknown = "res.status(404).json({ error: { code: 'NOT_A_CODE', message: 'x' } });\n";
    write('.gitignore', '# build output\ngenerated/\n*.gen.ts\n');
    write('generated/client.ts', unknown);
    write('src/orders.gen.ts', unknown);
    write('packages/web/.gitignore', 'vendor/\n');
    write('packages/web/vendor/lib.ts', unknown);
    write('packages/web/app.ts', unknown);
    // A catalog in an ignored folder is not one of the workspace's.
    write('generated/copy.errors.yaml', CATALOG.replace('id: shop', 'id: copy').replace('ORDER_NOT_FOUND:', 'NOT_A_CODE:'));
    try {
      const { report } = await checkJson(root);
      assert.deepEqual([...new Set(report.findings.map((f) => f.file))], ['packages/web/app.ts', 'src/orders.ts']);
    } finally {
      for (const path of ['.gitignore', 'generated', 'src/orders.gen.ts', 'packages']) rmSync(join(root, path), { recursive: true, force: true });
    }
  });

  it('--fix applies the fixes that need no choice, says what it changed, and reports what remains', TIMEOUT, async () => {
    const catalog = `${CATALOG}  ORDER_GONE:\n    status: 410\n    title: Order gone\n    deprecated: true\n    replacedBy: ORDER_NOT_FOUND\n  RATE_LIMITER:\n    status: 429\n    title: Limiter\n`;
    const line = (path: string, status: number, code: string) => `app.get('${path}', (req, res) => res.status(${status}).json({ error: { code: '${code}', message: 'x' } }));`;
    const before = ["import express from 'express';", 'const app = express();', line('/a', 404, 'ORDER_NOT_FUOND'), line('/b', 400, 'RATE_LIMITED'), line('/c', 404, 'RATE_LIMITEZ'), line('/d', 410, 'ORDER_GONE'), ''].join('\n');
    const folder = realpathSync(mkdtempSync(join(tmpdir(), 'error-catalog-fix-')));
    try {
      writeFileSync(join(folder, 'api.errors.yaml'), catalog);
      mkdirSync(join(folder, 'src'));
      writeFileSync(join(folder, 'src', 'orders.ts'), before);
      const run = await checkJson(folder, '--fix', '--rule', 'deprecated-code=warning');
      const after = readFileSync(join(folder, 'src', 'orders.ts'), 'utf8');
      // One close code, a status that must match, a deprecated code's replacement (and then its status); two close codes are a choice.
      assert.equal(after, ["import express from 'express';", 'const app = express();', line('/a', 404, 'ORDER_NOT_FOUND'), line('/b', 429, 'RATE_LIMITED'), line('/c', 404, 'RATE_LIMITEZ'), line('/d', 404, 'ORDER_NOT_FOUND'), ''].join('\n'));
      const fixed = (run.report as unknown as { fixed: { file: string; line: number; rule: string; title: string }[] }).fixed;
      assert.deepEqual(fixed.map((f) => `${f.file}:${f.line} ${f.rule}`), ['src/orders.ts:3 unknown-code', 'src/orders.ts:4 status-mismatch', 'src/orders.ts:6 deprecated-code', 'src/orders.ts:6 status-mismatch']);
      assert.deepEqual({ code: run.code, remaining: run.report.findings.map((f) => `${f.line} ${f.rule}`) }, { code: 1, remaining: ['5 unknown-code'] });
      // Without --fix nothing is written.
      writeFileSync(join(folder, 'src', 'orders.ts'), before);
      await check(folder);
      assert.equal(readFileSync(join(folder, 'src', 'orders.ts'), 'utf8'), before);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('bad input: a clear message and exit code 2', TIMEOUT, async () => {
    const cases: [string[], RegExp][] = [
      [['--format', 'xml'], /Unknown format "xml"\. Use one of: stylish, json, sarif, github, junit/],
      [['missing/folder'], /missing\/folder does not exist/],
      [['../elsewhere'], /outside the workspace folder/],
      [['--max-warnings', 'many'], /--max-warnings takes a whole number/],
      [['--rule', 'no-such-rule=error'], /--rule takes RULE=SEVERITY/],
      [['--config', 'nowhere.json'], /nowhere\.json does not exist/],
      [['--bogus'], /Unknown option "--bogus"/],
    ];
    for (const [args, message] of cases) {
      const run = await check(root, ...args);
      assert.deepEqual({ args, code: run.code, stdout: run.stdout }, { args, code: 2, stdout: '' });
      assert.match(run.stderr, message);
    }
    write('error-catalog.config.json', '{ "diagnostics": { "unknownCode": "error", } ');
    try {
      const broken = await check(root);
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, /error-catalog\.config\.json:1:\d+: \w+\. Fix the file/);
    } finally {
      rmSync(join(root, 'error-catalog.config.json'), { force: true });
    }
    const unknownCommand = await runNode(CLI, ['lint'], root);
    assert.deepEqual({ code: unknownCommand.code, message: /Unknown command "lint"/.test(unknownCommand.stderr) }, { code: 2, message: true });
  });

  it('--output writes the report to a file; --help and --version answer on standard output', TIMEOUT, async () => {
    const out = join(root, 'report.sarif');
    const run = await check(root, '--format', 'sarif', '--output', out);
    try {
      assert.deepEqual({ code: run.code, stdout: run.stdout }, { code: 1, stdout: '' });
      assert.equal((JSON.parse(readFileSync(out, 'utf8')) as { version: string }).version, '2.1.0');
    } finally {
      rmSync(out, { force: true });
    }
    const help = await runNode(CLI, ['--help'], root);
    assert.deepEqual({ code: help.code, usage: help.stdout.startsWith('Usage: error-catalog check') }, { code: 0, usage: true });
    // The published package names it as its second command, and it runs on its own.
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.equal(manifest.bin['error-catalog'], './dist/cli.js');
    assert.equal(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n'), true);
    const version = await runNode(CLI, ['--version'], root);
    const { version: packageVersion } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(version.stdout, `error-catalog ${packageVersion}\n`);
  });
});
