/**
 * The sample workspaces in test/workspaces (API servers written the way real codebases write their
 * errors), with an oracle of their code usages found by plain text search, independently of the
 * server: the string literals that are catalog codes, and the uses of the constants the workspace's
 * definition files bind to codes.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './paths';

export const WORKSPACES_DIR = join(REPO_ROOT, 'test', 'workspaces');

export interface PlantedMistake {
  readonly name: string;
  readonly file: string;
  readonly find: string;
  readonly replace: string;
  readonly rule: string;
}

export interface WorkspaceManifest {
  readonly language: string;
  readonly summary: string;
  readonly definitionFiles: readonly string[];
  readonly planted: readonly PlantedMistake[];
}

export interface SampleWorkspace {
  readonly name: string;
  readonly dir: string;
  readonly manifest: WorkspaceManifest;
  /** The catalog's codes, with their statuses. */
  readonly codes: ReadonlyMap<string, number>;
  /** Source files, relative to the workspace. */
  readonly sources: readonly string[];
}

const SOURCE = /\.(ts|js|py|go|java|kt|cs|rb|php|rs)$/;
const LANGUAGE: Readonly<Record<string, string>> = { ts: 'typescript', js: 'javascript', py: 'python', go: 'go', java: 'java', kt: 'kotlin', cs: 'csharp', rb: 'ruby', php: 'php', rs: 'rust' };

export function languageOf(file: string): string {
  return LANGUAGE[file.slice(file.lastIndexOf('.') + 1)] ?? 'plaintext';
}

function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'vendor' ? [] : filesUnder(path, root);
    return [relative(root, path)];
  });
}

export function sampleWorkspaces(): SampleWorkspace[] {
  return readdirSync(WORKSPACES_DIR).filter((name) => statSync(join(WORKSPACES_DIR, name)).isDirectory()).sort().map((name) => {
    const dir = join(WORKSPACES_DIR, name);
    const catalog = parse(readFileSync(join(dir, 'api.errors.yaml'), 'utf8')) as { codes: Record<string, { status: number }> };
    return {
      name,
      dir,
      manifest: JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8')) as WorkspaceManifest,
      codes: new Map(Object.entries(catalog.codes).map(([code, entry]) => [code, entry.status])),
      sources: filesUnder(dir).filter((file) => SOURCE.test(file)).sort(),
    };
  });
}

/** A copy of a workspace in a temporary folder (its real path), to mutate freely. */
export function copyOf(workspace: SampleWorkspace): string {
  const copy = realpathSync(mkdtempSync(join(tmpdir(), `error-catalog-${workspace.name}-`)));
  cpSync(workspace.dir, copy, { recursive: true });
  return copy;
}

/** A place in a file where a code is used. */
export interface Usage {
  readonly file: string;
  readonly offset: number;
  readonly length: number;
  readonly code: string;
  readonly form: 'literal' | 'constant';
}

/** Comment ranges by the usual syntax of the file's language (line and block comments, `#`, Python docstrings), skipping strings. */
function commentsAndStrings(text: string, language: string): { comments: [number, number][]; strings: [number, number][] } {
  const hash = ['python', 'ruby'].includes(language) || language === 'php';
  const slash = !['python', 'ruby'].includes(language);
  const comments: [number, number][] = [];
  const strings: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((slash && text.startsWith('//', i)) || (hash && ch === '#')) {
      const end = text.indexOf('\n', i);
      comments.push([i, end < 0 ? text.length : end]);
      i = end < 0 ? text.length : end;
    } else if (slash && text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      comments.push([i, end < 0 ? text.length : end + 2]);
      i = end < 0 ? text.length : end + 1;
    } else if (language === 'python' && (text.startsWith('"""', i) || text.startsWith("'''", i))) {
      const end = text.indexOf(text.slice(i, i + 3), i + 3);
      comments.push([i, end < 0 ? text.length : end + 3]);
      i = end < 0 ? text.length : end + 2;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== ch && (text[j] !== '\n' || ch === '`')) j += text[j] === '\\' ? 2 : 1;
      strings.push([i, j + 1]);
      i = j;
    }
  }
  return { comments, strings };
}

const inside = (ranges: readonly [number, number][], offset: number) => ranges.some(([a, b]) => a <= offset && offset < b);

/** Constants the definition files bind to catalog codes, found by a plain pattern: `NAME … = "code"` or `NAME("code"`. */
export function definedConstants(workspace: SampleWorkspace): Map<string, string> {
  const constants = new Map<string, string>();
  for (const file of workspace.manifest.definitionFiles) {
    const text = readFileSync(join(workspace.dir, file), 'utf8');
    // Keywords and a C-style type may come before the name (`public const X`, `static final String X`), a Go type after it (`X ErrorCode`).
    const keywords = '(?:(?:public|private|protected|internal|static|final|readonly|const|var|let|val|pub|case|export|string|String)\\s+)*';
    const pattern = new RegExp(`(?:^|[\\s,{(;])${keywords}([A-Za-z_]\\w*)(?:\\s+[A-Za-z_][\\w.]*)?\\s*(?::\\s*[^=\\n]+?)?\\s*(?:=|=>)\\s*["']([^"'\\n]+)["']|\\b([A-Z][A-Z0-9_]*)\\s*\\(\\s*(?:[\\w.]+\\s*,\\s*)?["']([^"'\\n]+)["']`, 'gm');
    for (const m of text.matchAll(pattern)) {
      const name = m[1] ?? m[3];
      const value = m[2] ?? m[4];
      if (workspace.codes.has(value) && !['code', 'type', 'error', 'error_code', 'return'].includes(name)) constants.set(name, value);
    }
  }
  return constants;
}

/** Qualifiers that name statuses, never codes (`HttpStatus.NOT_FOUND`, `Response::HTTP_…`). */
const STATUS_QUALIFIER = /(?:HttpStatus|HttpStatusCode|StatusCodes|status|http|Response|HTTPStatus)\s*(?:\.|::)\s*$/;

/** Every use of a code in the workspace's source files: string literals equal to a code, and uses of its constants. */
export function codeUsages(workspace: SampleWorkspace, dir = workspace.dir): Usage[] {
  const constants = definedConstants(workspace);
  const names = [...constants.keys()].sort((a, b) => b.length - a.length);
  const nameRegex = names.length ? new RegExp(`(?<![\\w$])(?:${names.join('|')})(?![\\w$])`, 'g') : undefined;
  const usages: Usage[] = [];
  for (const file of workspace.sources) {
    const text = readFileSync(join(dir, file), 'utf8');
    const { comments, strings } = commentsAndStrings(text, languageOf(file));
    for (const [start, end] of strings) {
      const content = text.slice(start + 1, end - 1);
      if (workspace.codes.has(content) && !inside(comments, start)) usages.push({ file, offset: start + 1, length: content.length, code: content, form: 'literal' });
    }
    for (const m of nameRegex ? text.matchAll(nameRegex) : []) {
      const offset = m.index ?? 0;
      if (inside(comments, offset) || inside(strings, offset) || STATUS_QUALIFIER.test(text.slice(Math.max(0, offset - 20), offset))) continue;
      usages.push({ file, offset, length: m[0].length, code: constants.get(m[0])!, form: 'constant' });
    }
  }
  return usages;
}
