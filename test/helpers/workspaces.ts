/**
 * The sample workspaces in test/workspaces (API servers written the way real codebases write their
 * errors), with an oracle of their code usages found by plain text search, independently of the
 * server: the string literals that are catalog codes, and the uses of the constants the workspace's
 * definition files bind to codes.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
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

/** A constant a definition file binds to a catalog code, as the oracle reads it. */
export interface DefinedConstant {
  readonly name: string;
  /** The innermost class, enum, module or object around it, or the Go package. */
  readonly container?: string;
  readonly value: string;
  readonly file: string;
}

const OPENER = /^[ \t]*(?:(?:public|private|protected|internal|export|static|abstract|final|sealed|data|default)\s+)*(?:class|enum|interface|module|object|struct|trait)\s+(\w+)|^[ \t]*(?:export\s+)?const\s+(\w+)\s*(?::[^=]*)?=\s*(?:Object\.freeze\(\s*)?\{/gm;

/** The innermost container around an offset: by braces in brace languages, by indentation in Python and Ruby. */
function containerAt(text: string, offset: number, language: string): string | undefined {
  if (language === 'go') return /^package\s+(\w+)/m.exec(text)?.[1];
  let found: string | undefined;
  for (const m of text.matchAll(OPENER)) {
    const start = m.index ?? 0;
    if (start >= offset) break;
    const name = m[1] ?? m[2];
    const between = text.slice(start, offset);
    if (language === 'python' || language === 'ruby') {
      const indent = /^[ \t]*/.exec(text.slice(start))![0].length;
      const lines = text.slice(text.indexOf('\n', start) + 1, offset).split('\n');
      if (lines.every((line) => line.trim() === '' || line.trim().startsWith('#') || /^[ \t]*/.exec(line)![0].length > indent)) found = name;
    } else {
      let depth = 0;
      for (const ch of between) depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
      if (depth > 0) found = name;
    }
  }
  return found;
}

/** Constants the definition files bind to catalog codes, found by a plain pattern: `NAME … = "code"` or `NAME("code"`. */
export function definedConstants(workspace: SampleWorkspace): DefinedConstant[] {
  const constants: DefinedConstant[] = [];
  for (const file of workspace.manifest.definitionFiles) {
    const text = readFileSync(join(workspace.dir, file), 'utf8');
    // Keywords and a C-style type may come before the name (`public const X`, `static final String X`), a Go type after it (`X ErrorCode`).
    const keywords = '(?:(?:public|private|protected|internal|static|final|readonly|const|var|let|val|pub|case|export|string|String)\\s+)*';
    const pattern = new RegExp(`(?:^|[\\s,{(;])${keywords}([A-Za-z_]\\w*)(?:[ \\t]+[A-Za-z_][\\w.]*)?[ \\t]*(?::[ \\t]*[^=\\n]+?)?[ \\t]*(?:=|=>)[ \\t]*["']([^"'\\n]+)["']|\\b([A-Z][A-Z0-9_]*)\\s*\\(\\s*(?:[\\w.]+\\s*,\\s*)?["']([^"'\\n]+)["']`, 'gm');
    // An object map's members (`InvalidOtp: 'INVALID_OTP'`), named like constants.
    const member = /^[ \t]*([A-Z]\w*)\s*:\s*["']([^"'\n]+)["']/gm;
    for (const m of [...text.matchAll(pattern), ...text.matchAll(member)]) {
      const name = m[1] ?? m[3];
      const value = m[2] ?? m[4];
      if (!workspace.codes.has(value) || ['code', 'type', 'error', 'error_code', 'return'].includes(name)) continue;
      // A constant outside any class is qualified by its module (`errors.PAYMENT_DECLINED` in Python).
      const module = file.slice(file.lastIndexOf('/') + 1).replace(/\..*$/, '');
      constants.push({ name, value, file, container: containerAt(text, (m.index ?? 0) + m[0].indexOf(name), languageOf(file)) ?? (languageOf(file) === 'python' ? module : undefined) });
    }
  }
  return constants;
}

/**
 * Every use of a code in the workspace's source files: string literals equal to a code, and uses of
 * its constants, written qualified by their container (`ErrorCode.X`, `ApiException::X`,
 * `apierr.X`), or unqualified where they are in scope (their own file, their Go package, a Python
 * `from … import X`).
 */
export function codeUsages(workspace: SampleWorkspace, dir = workspace.dir): Usage[] {
  const constants = definedConstants(workspace);
  const usages: Usage[] = [];
  for (const file of workspace.sources) {
    const text = readFileSync(join(dir, file), 'utf8');
    const language = languageOf(file);
    const { comments, strings } = commentsAndStrings(text, language);
    const outside = (offset: number) => !inside(comments, offset) && !inside(strings, offset);
    for (const [start, end] of strings) {
      const content = text.slice(start + 1, end - 1);
      if (workspace.codes.has(content) && !inside(comments, start)) usages.push({ file, offset: start + 1, length: content.length, code: content, form: 'literal' });
    }
    const seen = new Set<number>();
    for (const constant of constants) {
      const add = (offset: number) => {
        if (seen.has(offset) || !outside(offset)) return;
        seen.add(offset);
        usages.push({ file, offset, length: constant.name.length, code: constant.value, form: 'constant' });
      };
      if (constant.container) {
        for (const m of text.matchAll(new RegExp(`(?<![\\w$])${constant.container}\\s*(?:\\.|::|->)\\s*(${constant.name})(?![\\w$])`, 'g'))) add((m.index ?? 0) + m[0].length - constant.name.length);
      }
      // Python modules imported under another name (`from tally.payments import errors as payment_errors`).
      const module = constant.file.slice(constant.file.lastIndexOf('/') + 1).replace(/\..*$/, '');
      if (language === 'python' && constant.container === module) {
        for (const alias of text.matchAll(new RegExp(`^\\s*from\\s+[\\w.]+\\s+import\\s+${module}\\s+as\\s+(\\w+)`, 'gm'))) {
          for (const m of text.matchAll(new RegExp(`(?<![\\w$])${alias[1]}\\.(${constant.name})(?![\\w$])`, 'g'))) add((m.index ?? 0) + m[0].length - constant.name.length);
        }
      }
      const inScope = file === constant.file
        || (language === 'go' && dirname(file) === dirname(constant.file))
        || (language === 'python' && new RegExp(`^\\s*from\\s+[\\w.]+\\s+import\\s+[^\\n]*\\b${constant.name}\\b`, 'm').test(text));
      if (inScope) {
        for (const m of text.matchAll(new RegExp(`(?<![\\w$.:>])${constant.name}(?![\\w$])`, 'g'))) add(m.index ?? 0);
      }
      if (file === constant.file) {
        for (const m of text.matchAll(new RegExp(`(?<![\\w$])(?:self|static|this)\\s*(?:\\.|::|->)\\s*(${constant.name})(?![\\w$])`, 'g'))) add((m.index ?? 0) + m[0].length - constant.name.length);
      }
    }
  }
  return usages.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.offset - b.offset));
}

/** A use of a constant written after a qualifier, where completion after the qualifier can be asked for. */
export interface QualifiedUse {
  readonly file: string;
  /** Where the constant's name starts (the cursor right after the separator). */
  readonly offset: number;
  readonly name: string;
  /** The qualifier and separator as written (`ErrorCode.`, `self::`, `payment_errors.`). */
  readonly written: string;
  /** The container of the constant it names, as the oracle reads the definition files. */
  readonly container: string;
  /** The qualifier before this one, when the qualifier is itself qualified (`ErrorCodes` of `ErrorCodes.Patients.`), with where its member starts. */
  readonly outer?: { readonly written: string; readonly offset: number; readonly member: string };
}

/**
 * The first use of each qualifier the workspace writes before its code constants, as a plain
 * search finds them: each constant usage preceded by `Name.`, `Name::` or `Name->`, with the
 * container of the constant the definition files say it is.
 */
export function qualifiedUses(workspace: SampleWorkspace, dir = workspace.dir): QualifiedUse[] {
  const constants = definedConstants(workspace);
  const uses = new Map<string, QualifiedUse>();
  for (const usage of codeUsages(workspace, dir).filter((u) => u.form === 'constant')) {
    const text = readFileSync(join(dir, usage.file), 'utf8');
    const before = /(?:([A-Za-z_]\w*)[ \t]*(\.|::|->)[ \t]*)?([A-Za-z_$][\w$]*)[ \t]*(\.|::|->)[ \t]*$/.exec(text.slice(Math.max(0, usage.offset - 200), usage.offset));
    if (!before) continue;
    const name = text.slice(usage.offset, usage.offset + usage.length);
    const constant = constants.find((c) => c.name === name && c.value === usage.code && c.container);
    const written = `${before[3]}${before[4]}`;
    if (!constant || uses.has(written)) continue;
    const qualifierStart = usage.offset - before[0].length + (before[1] ? before[0].indexOf(before[3], before[1].length + before[2].length) : 0);
    uses.set(written, {
      file: usage.file,
      offset: usage.offset,
      name,
      written,
      container: constant.container!,
      outer: before[1] ? { written: `${before[1]}${before[2]}`, offset: qualifierStart, member: before[3] } : undefined,
    });
  }
  return [...uses.values()];
}
