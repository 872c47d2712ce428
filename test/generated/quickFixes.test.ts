/**
 * Every quick fix on real-looking code leaves a file that parses (or compiles), with the inserted
 * code reached. For each sample workspace (test/workspaces) and each fixture here, every source
 * file is opened; at every string literal holding one of the catalog's codes and at every HTTP
 * status the product recognises, every code action offered is applied, and so is every fix of
 * the diagnostics the file gets (clean, and with each of the workspace's planted mistakes). Each
 * resulting file is checked with its language's own tool: the TypeScript compiler (syntax, and
 * types where the workspace type-checks), `python3`'s compiler, `gofmt -e` and `go vet ./...`,
 * `php -l`, Ruby's parser, `javac`'s parser and `mcs --parse`. The idiom of each workspace (how
 * it raises its codes) is learned from its own files as the server learns it, and the fixes that
 * raise a code that way are checked the same way.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import ts from 'typescript';
import { parseDocument } from 'yaml';
import * as jsonc from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import type { CatalogSet } from '../../server/src/service/catalog/catalogSet';
import { doCodeActions } from '../../server/src/service/features/codeActions';
import { diagnosticFixes } from '../../server/src/service/features/diagnosticFixes';
import { DEFAULT_RULE_SEVERITY, doValidation } from '../../server/src/service/features/diagnostics';
import { findCodeAt } from '../../server/src/service/features/hover';
import { MIN_FORM_USES, raiseIdioms } from '../../server/src/service/features/raiseIdioms';
import { ConstantIndex, factsOf } from '../../server/src/service/index/constantIndex';
import { raiseFormsOf, takesAnyCode } from '../../server/src/service/index/raiseForms';
import { languageOfPath } from '../../server/src/service/text/languages';
import { statusConstantAt, statusNumberAt } from '../../server/src/service/text/textScan';
import { catalogFromYaml, REPO_ROOT, setOf } from '../helpers/catalogs';
import { pythonWith, skipUnless, toolchains } from '../helpers/toolchains';

const WORKSPACES = join(REPO_ROOT, 'test', 'workspaces');
const FIXTURES = join(REPO_ROOT, 'test', 'generated', 'fixtures', 'quickfixes');

interface Workspace {
  readonly name: string;
  readonly root: string;
  readonly set: CatalogSet;
  readonly files: readonly string[];
  readonly planted: readonly { file: string; find: string; replace: string }[];
  /** The TypeScript project to type-check variants in, when the workspace has one that checks. */
  readonly tsconfig?: string;
  /** Its constants and raising statements, from which the idiom of each fix is learned. */
  readonly constants: ConstantIndex;
}

/** One applied fix: the file as it is after it. */
interface Variant {
  readonly workspace: string;
  readonly path: string;
  readonly languageId: string;
  readonly title: string;
  readonly text: string;
  /** Where the fix's main edit landed in `text`, for the reachability check (code actions only). */
  readonly inserted?: { readonly start: number; readonly end: number };
  /** The fix raises the code as the workspace does. */
  readonly idiom?: boolean;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name.startsWith('.') ? [] : filesUnder(path);
    return [path];
  });
}

// ---- The idioms: how each workspace raises its codes, learned as the server learns them ----

/** The workspace's index of constants and raising statements, built from every source file as the server builds it. */
function indexOf(files: readonly string[]): ConstantIndex {
  const index = new ConstantIndex();
  for (const path of files) index.update(factsOf(`file://${path}`, readFileSync(path, 'utf8'), languageOfPath(path)!));
  return index;
}

/** The forms a workspace raises codes with, most used first, as one line each (for the figures). */
function learnedForms(workspace: Workspace): string[] {
  return [...raiseFormsOf(workspace.constants, workspace.set).forms].filter((f) => f.uses >= MIN_FORM_USES).sort((a, b) => b.uses - a.uses)
    .map((f) => `${f.parts.map((p) => (typeof p === 'string' ? p : p.hole === 'message' ? `${p.quote}…${p.quote}` : `<${p.hole}>`)).join('')} ×${f.uses}${takesAnyCode(f) ? '' : ` (${[...f.statuses.keys()].join(', ')} only)`}`);
}

/**
 * Catalog templates for the workspaces whose way of raising cannot be learned: Fastify's raises
 * go through a factory per code (`throw ERRORS.NoSuchInvoice(id)`), each with its own arguments.
 */
const RAISE_TEMPLATES: Readonly<Record<string, string>> = {
  'ts-fastify-api': [
    'raise:',
    '  typescript:',
    `    template: "throw new BillingError({ code: \${constant}, httpStatusCode: \${status}, message: '\${message}' })"`,
    `    imports: ["import { BillingError, ErrorCode } from './src/errors'"]`,
  ].join('\n'),
};

function loadWorkspace(root: string): Workspace {
  const name = basename(root);
  const catalogPath = join(root, 'api.errors.yaml');
  const catalogText = [readFileSync(catalogPath, 'utf8'), RAISE_TEMPLATES[name] ?? ''].join('\n');
  const set = setOf(catalogFromYaml(catalogText, `file://${catalogPath}`));
  const manifestPath = join(root, 'workspace.json');
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) as { planted?: Workspace['planted'] } : {};
  const files = filesUnder(root).filter((path) => path !== catalogPath && path !== manifestPath && basename(path) !== 'tsconfig.json' && languageOfPath(path) !== undefined);
  const tsconfig = join(root, 'tsconfig.json');
  return { name, root, set, files, planted: manifest.planted ?? [], tsconfig: existsSync(tsconfig) ? tsconfig : undefined, constants: indexOf(files) };
}

const workspaces: Workspace[] = [
  ...readdirSync(WORKSPACES).filter((n) => existsSync(join(WORKSPACES, n, 'api.errors.yaml'))).sort().map((n) => loadWorkspace(join(WORKSPACES, n))),
  // Frameworks and placements the sample workspaces do not have, one folder per language.
  loadWorkspace(FIXTURES),
];

// ---- Where fixes are asked for ----

/** Offsets of string literals that are one of the catalog's codes (YAML's plain values too), and of recognised statuses. */
function positionsIn(text: string, languageId: string, set: CatalogSet): number[] {
  const offsets = new Set<number>();
  for (const match of text.matchAll(/(["'`])((?:\\.|(?!\1)[^\\\n])*)\1/g)) {
    if (set.findCode(match[2]).length > 0 && findCodeAt(text, match.index! + 1, set)) offsets.add(match.index! + 1);
  }
  if (languageId === 'yaml') {
    for (const match of text.matchAll(/(?<=[:\-,{]\s*)([A-Za-z][\w.:/-]*\w)(?=\s*(?:$|[,}#]))/gm)) {
      if (set.findCode(match[1]).length > 0) offsets.add(match.index!);
    }
  }
  const spans = new Set<number>();
  for (const match of text.matchAll(/\b(?:\d{3}|[A-Za-z_]\w*)\b/g)) {
    const at = match.index! + 1;
    const status = statusConstantAt(text, at, (n) => set.statusOfName(n)) ?? statusNumberAt(text, at, (s) => set.reasonOf(s));
    if (status && !spans.has(status.start)) {
      spans.add(status.start);
      offsets.add(at);
    }
  }
  return [...offsets].sort((a, b) => a - b);
}

/** The document after a plain-text action, and where its main edit landed. */
function applied(document: TextDocument, edits: readonly TextEdit[]): { text: string; inserted: { start: number; end: number } } {
  const [main] = edits;
  const mainStart = document.offsetAt(main.range.start);
  let shift = 0;
  for (const edit of edits.slice(1)) {
    const start = document.offsetAt(edit.range.start);
    if (start <= mainStart) shift += edit.newText.length - (document.offsetAt(edit.range.end) - start);
  }
  return { text: TextDocument.applyEdits(document, edits as TextEdit[]), inserted: { start: mainStart + shift, end: mainStart + shift + main.newText.length } };
}

interface Figures {
  /** Places asked: string literals holding a code, statuses. */
  positions: number;
  offered: number;
  /** Of those offered: the workspace's idiom, the framework's response, diagnostic fixes. */
  idioms: number;
  responses: number;
  diagnosticFixes: number;
  applied: number;
  checked: number;
  failed: number;
  /** Of the idiom fixes: those checked, and those that broke their file. */
  idiomsChecked: number;
  idiomsFailed: number;
}

const figures = new Map<string, Figures>();
const variants: Variant[] = [];

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  return (action.edit?.changes?.[uri] ?? []) as TextEdit[];
}

function collect(workspace: Workspace): void {
  const tally: Figures = { positions: 0, offered: 0, idioms: 0, responses: 0, diagnosticFixes: 0, applied: 0, checked: 0, failed: 0, idiomsChecked: 0, idiomsFailed: 0 };
  figures.set(workspace.name, tally);
  const options = { severity: DEFAULT_RULE_SEVERITY, functions: [], patterns: [] };
  const fixesOf = (path: string, languageId: string, text: string, label: string) => {
    const document = TextDocument.create(`file://${path}`, languageId, 1, text);
    for (const action of diagnosticFixes(document, doValidation(document, workspace.set, options), workspace.set)) {
      tally.offered++;
      tally.diagnosticFixes++;
      const edits = editsOf(action, document.uri);
      if (edits.length === 0) continue;
      tally.applied++;
      variants.push({ workspace: workspace.name, path, languageId, title: `${label}: ${action.title}`, text: applied(document, edits).text });
    }
  };
  for (const path of workspace.files) {
    const languageId = languageOfPath(path)!;
    const text = readFileSync(path, 'utf8');
    const document = TextDocument.create(`file://${path}`, languageId, 1, text);
    const idiom = raiseIdioms(document, { set: workspace.set, constants: workspace.constants, usage: { functions: [], patterns: [] } });
    for (const offset of positionsIn(text, languageId, workspace.set)) {
      tally.positions++;
      const position = document.positionAt(offset);
      const actions = doCodeActions(document, { start: position, end: position }, workspace.set, { snippetEdits: false, idiom });
      for (const action of actions) {
        const idiomatic = action.title.startsWith('Raise ');
        tally.offered++;
        if (idiomatic) tally.idioms++;
        else tally.responses++;
        const edits = editsOf(action, document.uri);
        if (edits.length === 0) continue;
        tally.applied++;
        const result = applied(document, edits);
        variants.push({ workspace: workspace.name, path, languageId, title: `${action.title} at ${position.line + 1}:${position.character + 1}`, text: result.text, inserted: result.inserted, idiom: idiomatic });
      }
    }
    fixesOf(path, languageId, text, 'diagnostic fix');
  }
  for (const planted of workspace.planted) {
    const path = join(workspace.root, planted.file);
    fixesOf(path, languageOfPath(path)!, readFileSync(path, 'utf8').replace(planted.find, planted.replace), `fix of planted "${planted.replace.slice(0, 40)}"`);
  }
}

for (const workspace of workspaces) collect(workspace);

// ---- Checking the results with each language's tools ----

/** Problems found per variant (by index in `variants`). */
const problems = new Map<number, string[]>();
function report(index: number, problem: string): void {
  problems.set(index, [...(problems.get(index) ?? []), problem]);
}

/** The languages whose variants a tool has checked (a missing toolchain leaves its language unchecked). */
const checkedLanguages = new Set<string>();
const byLanguage = (...languages: string[]) => {
  for (const language of languages) checkedLanguages.add(language);
  return variants.map((v, i) => ({ v, i })).filter(({ v }) => languages.includes(v.languageId));
};

const scratchRoot = mkdtempSync(join(tmpdir(), 'error-catalog-quickfixes-'));
after(() => rmSync(scratchRoot, { recursive: true, force: true }));

/** Writes each variant to its own file under a scratch folder; returns the paths, in order. */
function writeVariants(name: string, list: readonly { v: Variant; i: number }[], extension: string): string[] {
  const dir = join(scratchRoot, name);
  mkdirSync(dir, { recursive: true });
  return list.map(({ v, i }) => {
    const path = join(dir, `v${i}_${basename(v.path).replace(/\.[^.]+$/, '')}${extension}`);
    writeFileSync(path, v.text);
    return path;
  });
}

function indexOfPath(path: string): number {
  return Number(/v(\d+)_/.exec(basename(path))![1]);
}

/** Statements that end their block: nothing after them runs (Ruby's `raise x if y` only sometimes). */
const EXIT = /^(?:return\b|throw\b|raise\b|panic\(|abort\()/;
const exits = (v: Variant, line: string) => EXIT.test(line.trim()) && !(v.languageId === 'ruby' && /\s(?:if|unless)\s/.test(line));

/**
 * The inserted code is reached: no exit comes before it in its block, and when it ends with an exit,
 * no statement follows it there. Read by indentation, which every sample workspace keeps.
 */
function unreachable(v: Variant): string | undefined {
  if (!v.inserted || ['json', 'jsonc', 'yaml', 'markdown', 'plaintext'].includes(v.languageId)) return undefined;
  const lines = v.text.split('\n');
  const lineOf = (offset: number) => v.text.slice(0, offset).split('\n').length - 1;
  const insertedText = v.text.slice(v.inserted.start, v.inserted.end);
  const firstLine = lineOf(v.inserted.start + (insertedText.length - insertedText.trimStart().length));
  const lastLine = lineOf(v.inserted.end);
  const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].length;
  const indent = indentOf(lines[firstLine]);
  const isCode = (line: string) => line.trim() !== '' && !/^\s*(?:\/\/|#|\*|\/\*)/.test(line);
  for (let i = firstLine - 1; i >= 0; i--) {
    if (!isCode(lines[i]) || indentOf(lines[i]) > indent) continue;
    if (indentOf(lines[i]) < indent) break;
    if (/^\s*(?:case\b|default\s*:|when\b|else\b|elif\b|except\b|rescue\b|ensure\b|finally\b)/.test(lines[i])) break;
    if (exits(v, lines[i])) return `an exit before the inserted code, on line ${i + 1}: ${lines[i].trim()}`;
  }
  const own = lines.slice(firstLine, lastLine + 1).filter((line) => isCode(line) && indentOf(line) === indent);
  if (!own.some((line) => exits(v, line))) return undefined;
  for (let i = lastLine + 1; i < lines.length; i++) {
    if (!isCode(lines[i]) || indentOf(lines[i]) > indent) continue;
    if (indentOf(lines[i]) < indent || /^\s*(?:[}\])]|end\b|case\b|default\s*:|when\b|else\b|elif\b|elsif\b|except\b|rescue\b|ensure\b|finally\b)/.test(lines[i])) break;
    return `a statement after the inserted exit, on line ${i + 1}: ${lines[i].trim()}`;
  }
  return undefined;
}

function parseDiagnostics(v: Variant): string[] {
  const kind = v.languageId.endsWith('react') ? ts.ScriptKind.TSX : v.languageId.startsWith('typescript') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const file = ts.createSourceFile(v.path, v.text, ts.ScriptTarget.ES2022, true, kind);
  return ((file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** Type-checks variants of a project's files beside the originals, in one program; a variant that changes a module augmentation is checked in place of its original. */
function typeCheck(tsconfig: string, list: readonly { v: Variant; i: number }[]): void {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, { allowUnreachableCode: false, noEmit: true }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const options: ts.CompilerOptions = { ...config.options, allowUnreachableCode: false, noEmit: true };
  const messages = (program: ts.Program, file: string) => {
    const source = program.getSourceFile(file)!;
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  };
  const programWith = (virtual: Map<string, string>, oldProgram?: ts.Program) => {
    const host = ts.createCompilerHost(options);
    const { fileExists, readFile, getSourceFile } = host;
    host.fileExists = (f) => virtual.has(f) || fileExists.call(host, f);
    host.readFile = (f) => virtual.get(f) ?? readFile.call(host, f);
    host.getSourceFile = (f, language, ...rest) => (virtual.has(f) ? ts.createSourceFile(f, virtual.get(f)!, language, true) : getSourceFile.call(host, f, language, ...rest));
    const roots = [...config.fileNames.filter((f) => !virtual.has(f)), ...[...virtual.keys()].filter((f) => !config.fileNames.includes(f))];
    return ts.createProgram(roots, options, host, oldProgram);
  };
  const beside = list.filter(({ v }) => !/^declare module\b/m.test(v.text));
  const virtual = new Map(beside.map(({ v, i }) => [v.path.replace(/(\.test)?\.ts$/, `$1.qf${i}.ts`), v.text]));
  const program = programWith(virtual);
  const baseline = new Map<string, string[]>();
  const baselineOf = (file: string) => {
    if (!baseline.has(file)) baseline.set(file, messages(program, file));
    return baseline.get(file)!;
  };
  for (const { v, i } of beside) {
    const known = baselineOf(v.path);
    for (const message of messages(program, v.path.replace(/(\.test)?\.ts$/, `$1.qf${i}.ts`))) if (!known.includes(message)) report(i, message);
  }
  for (const { v, i } of list.filter((entry) => !beside.includes(entry))) {
    const known = baselineOf(v.path);
    const alone = programWith(new Map([[v.path, v.text]]), program);
    for (const message of messages(alone, v.path)) if (!known.includes(message)) report(i, message);
  }
}

describe('quick fixes leave every file parsing, compiling and reached', () => {
  it('TypeScript and JavaScript: the compiler parses every variant, and type-checks those of workspaces that check', { timeout: 120_000 }, () => {
    const list = byLanguage('typescript', 'typescriptreact', 'javascript', 'javascriptreact');
    for (const { v, i } of list) for (const message of parseDiagnostics(v)) report(i, message);
    for (const workspace of workspaces.filter((w) => w.tsconfig)) typeCheck(workspace.tsconfig!, list.filter(({ v }) => v.workspace === workspace.name));
  });

  it('Python: compiles', { skip: skipUnless(pythonWith() !== undefined, 'python3') }, () => {
    const list = byLanguage('python');
    const paths = writeVariants('python', list, '.py');
    const run = spawnSync(pythonWith()!, ['-c', 'import json, sys\nout = {}\nfor path in sys.argv[1:]:\n    try:\n        compile(open(path).read(), path, "exec")\n    except SyntaxError as e:\n        out[path] = f"{e.lineno}: {e.msg}"\nprint(json.dumps(out))', ...paths], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    for (const [path, message] of Object.entries(JSON.parse(run.stdout) as Record<string, string>)) report(indexOfPath(path), message);
  });

  it('Go: gofmt -e parses and finds nothing to reformat; go vet passes on a copy of the module with each variant', { skip: skipUnless(toolchains.go, 'go'), timeout: 180_000 }, () => {
    const list = byLanguage('go');
    const paths = writeVariants('go', list, '.go');
    const formatted = spawnSync('gofmt', ['-e', '-l', ...paths], { encoding: 'utf8' });
    for (const line of formatted.stderr.split('\n').filter(Boolean)) report(indexOfPath(line.split(':')[0]), line.slice(line.indexOf(':') + 1));
    for (const path of formatted.stdout.split('\n').filter(Boolean)) {
      const diff = spawnSync('gofmt', ['-d', path], { encoding: 'utf8' }).stdout;
      report(indexOfPath(path), `gofmt would reformat it:\n${diff.split('\n').slice(0, 30).join('\n')}`);
    }
    // go vet: each module copied once, each variant's package copied into it with the variant in place.
    const modules = [...new Set(list.map(({ v }) => v.path).flatMap((path) => {
      for (let dir = dirname(path); dir.startsWith(REPO_ROOT) && dir !== REPO_ROOT; dir = dirname(dir)) if (existsSync(join(dir, 'go.mod'))) return [dir];
      return [];
    }))];
    for (const root of modules) {
      const module = join(scratchRoot, `vet-${basename(root)}`);
      cpSync(root, module, { recursive: true });
      const variantDirs = new Map<string, number>();
      for (const { v, i } of list.filter(({ v }) => v.path.startsWith(`${root}/`))) {
        const packageDir = join(module, 'qf', `v${i}`);
        cpSync(dirname(v.path), packageDir, { recursive: true, filter: (source) => statSync(source).isDirectory() ? source === dirname(v.path) : source.endsWith('.go') });
        writeFileSync(join(packageDir, basename(v.path)), v.text);
        variantDirs.set(`qf/v${i}`, i);
      }
      if (variantDirs.size === 0) continue;
      const env = { ...process.env, GOPROXY: 'off', GOFLAGS: '-mod=mod', GOCACHE: join(tmpdir(), 'error-catalog-gocache') };
      const vet = spawnSync('go', ['vet', './qf/...'], { cwd: module, encoding: 'utf8', env });
      const unattributed: string[] = [];
      for (const line of vet.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('#'))) {
        const dir = /qf\/v\d+/.exec(line)?.[0];
        if (dir && variantDirs.has(dir)) report(variantDirs.get(dir)!, `go vet: ${line.trim()}`);
        else unattributed.push(line);
      }
      assert.deepEqual(vet.status === 0 ? [] : unattributed.filter((l) => !/^\s/.test(l) || /\.go:\d+/.test(l)).filter((l) => !/qf\/v\d+/.test(l)), [], vet.stderr);
    }
  });

  it('PHP: php -l', { skip: skipUnless(toolchains.php, 'php') }, () => {
    const list = byLanguage('php');
    writeVariants('php', list, '.php').forEach((path) => {
      const linted = spawnSync('php', ['-l', path], { encoding: 'utf8' });
      if (linted.status !== 0) report(indexOfPath(path), `${linted.stdout}${linted.stderr}`.trim());
    });
  });

  it('Ruby: parses (ruby -c)', { skip: skipUnless(toolchains.ruby, 'ruby') }, () => {
    const list = byLanguage('ruby');
    const paths = writeVariants('ruby', list, '.rb');
    const run = spawnSync('ruby', ['-e', 'require "json"; out = {}; ARGV.each { |path| begin; RubyVM::InstructionSequence.compile_file(path); rescue SyntaxError => e; out[path] = e.message; end }; puts JSON.generate(out)', ...paths], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    for (const [path, message] of Object.entries(JSON.parse(run.stdout) as Record<string, string>)) report(indexOfPath(path), message);
  });

  it('Java: javac parses', { skip: skipUnless(toolchains.java, 'javac'), timeout: 60_000 }, () => {
    const list = byLanguage('java');
    const paths = writeVariants('java', list, '.java');
    const helper = join(scratchRoot, 'ParseCheck.java');
    writeFileSync(helper, `import com.sun.source.util.JavacTask;
import javax.tools.*;
import java.util.*;

/** Parses each file with javac's own parser and prints its syntax errors, one per line. */
public class ParseCheck {
  public static void main(String[] args) throws Exception {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
      JavacTask task = (JavacTask) compiler.getTask(null, files, diagnostics, List.of("-proc:none"), null, files.getJavaFileObjects(args));
      task.parse();
    }
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) System.out.println(d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT).replace('\\n', ' '));
    }
  }
}
`);
    if (paths.length === 0) return;
    const run = spawnSync('java', [helper, ...paths], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    for (const line of run.stdout.split('\n').filter(Boolean)) report(indexOfPath(line.split(':')[0]), line.slice(line.indexOf(':') + 1));
  });

  it('C#: mcs --parse', { skip: skipUnless(toolchains.csharp, 'mcs') }, () => {
    const list = byLanguage('csharp');
    const paths = writeVariants('csharp', list, '.cs');
    if (paths.length === 0) return;
    const run = spawnSync('mcs', ['--parse', ...paths], { encoding: 'utf8' });
    // Checked together, variants of one file define its types twice: those errors are the batch's, not the variants'.
    for (const line of `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => /error CS/.test(l) && !/error CS01(?:01|02|11):/.test(l))) report(indexOfPath(line.split('(')[0]), line);
  });

  it('JSON and YAML: parse, with no key twice', () => {
    for (const { v, i } of byLanguage('json', 'jsonc', 'yaml')) {
      if (v.languageId === 'yaml') {
        for (const error of parseDocument(v.text).errors) report(i, error.message);
      } else {
        const errors: jsonc.ParseError[] = [];
        jsonc.parse(v.text, errors, { allowTrailingComma: v.languageId === 'jsonc' });
        for (const error of errors) report(i, jsonc.printParseErrorCode(error.error));
      }
    }
  });

  it('the inserted code is reached: no exit before it in its block, nothing after its own exit', () => {
    variants.forEach((v, i) => {
      const problem = unreachable(v);
      if (problem) report(i, problem);
    });
  });

  it('every fix applied leaves its file parsing and compiling, and the figures per workspace', () => {
    for (const i of problems.keys()) {
      const tally = figures.get(variants[i].workspace)!;
      tally.failed++;
      if (variants[i].idiom) tally.idiomsFailed++;
    }
    for (const v of variants) {
      if (!checkedLanguages.has(v.languageId) && !['markdown', 'plaintext'].includes(v.languageId)) continue;
      figures.get(v.workspace)!.checked++;
      if (v.idiom) figures.get(v.workspace)!.idiomsChecked++;
    }
    const n = (value: number) => String(value).padStart(4);
    const rows = [...figures].map(([name, f]) => `${name.padEnd(16)} places ${n(f.positions)}  offered ${n(f.offered)} (idiom ${n(f.idioms)}, response ${n(f.responses)}, diagnostic fix ${n(f.diagnosticFixes)})  applied ${n(f.applied)}  compile ${n(f.checked - f.failed)} (idiom ${n(f.idiomsChecked - f.idiomsFailed)})`
      + (f.checked < f.applied ? `  unchecked ${f.applied - f.checked} (toolchain missing)` : ''));
    const templates = (w: Workspace) => [...w.set.catalogs[0].raise ?? []].map(([language, t]) => `  catalog template (${language}, wins): ${t.template}`);
    const forms = workspaces.map((w) => `${w.name}:\n${[...templates(w), ...learnedForms(w).map((line) => `  ${line}`)].join('\n') || '  (none)'}`);
    console.log(`quick fixes per workspace:\n${rows.join('\n')}\nforms learned (two uses or more):\n${forms.join('\n')}`);
    if (process.env.QUICK_FIXES_REPORT) writeFileSync(process.env.QUICK_FIXES_REPORT, [...problems].map(([i, list]) => `${relative(REPO_ROOT, variants[i].path)}: ${variants[i].title}\n  ${list.join('\n  ')}`).join('\n'));
    const failures = [...problems].slice(0, 12).map(([i, list]) => `${relative(REPO_ROOT, variants[i].path)}: ${variants[i].title}\n  ${list.join('\n  ')}`);
    assert.deepEqual(failures, [], `${problems.size} of ${variants.length} fixes break their file`);
    assert.ok(variants.length > 0);
  });
});
