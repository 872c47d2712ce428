/**
 * The imports generated code needs, added where the file keeps its imports and only when the file
 * lacks them. Each import is a line of the document's language as a developer writes it:
 * `import "encoding/json"` (or the bare path) in Go, `from fastapi.responses import JSONResponse`,
 * `import { HttpException } from '@nestjs/common';`, `import java.util.Map;`,
 * `using Microsoft.AspNetCore.Http;`, `use Illuminate\Http\Exceptions\HttpResponseException;`.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { escapeRegExp } from '../text/textScan';

/** How far down a file its imports are looked for. */
const IMPORT_REGION_LINES = 300;

interface Lines {
  readonly all: readonly string[];
  /** The line index of each match of `pattern` within the import region. */
  indexes(pattern: RegExp): number[];
}

function linesOf(document: TextDocument): Lines {
  const all = document.getText().split('\n');
  return {
    all,
    indexes: (pattern) => all.slice(0, IMPORT_REGION_LINES).flatMap((line, i) => (pattern.test(line) ? [i] : [])),
  };
}

const at = (line: number, character = 0) => ({ start: { line, character }, end: { line, character } });

/** Edits that add the imports of `needed` the document lacks; several missing imports of one kind go in one edit. */
export function importEdits(document: TextDocument, needed: readonly string[]): TextEdit[] {
  const wanted = [...new Set(needed.map((line) => line.trim()).filter(Boolean))];
  if (wanted.length === 0) return [];
  switch (document.languageId) {
    case 'go': return goImports(document, wanted);
    case 'python': return pythonImports(document, wanted);
    case 'java': return lineImports(document, wanted, /^import\s+(?:static\s+)?[\w.*]+\s*;/, /^package\s+[\w.]+\s*;/, (line, text) => javaHas(line, text));
    case 'csharp': return lineImports(document, wanted, /^(?:global\s+)?using\s+[\w.]+\s*;/, undefined, csharpHas);
    case 'php': return lineImports(document, wanted, /^use\s+[\w\\]+(?:\s+as\s+\w+)?\s*;/, /^(?:namespace\s+[\w\\]+\s*;|<\?php)/, (line, text) => phpHas(line, text));
    default:
      return document.languageId.startsWith('typescript') || document.languageId.startsWith('javascript') ? scriptImports(document, wanted) : [];
  }
}

/** Go: missing paths go into the first `import (` block in sorted order (as gofmt keeps them), or a new block after `package`. */
function goImports(document: TextDocument, wanted: readonly string[]): TextEdit[] {
  const text = document.getText();
  const paths = wanted.map((line) => /"([^"]+)"/.exec(line)?.[1] ?? line.replace(/^import\s+/, ''));
  const missing = paths.filter((path) => !new RegExp(`^\\s*(?:import\\s+)?(?:[\\w.]+\\s+)?"${escapeRegExp(path)}"`, 'm').test(text));
  if (missing.length === 0) return [];
  const lines = linesOf(document);
  const block = lines.indexes(/^import\s*\($/)[0];
  if (block === undefined) {
    const single = lines.indexes(/^import\s+(?:[\w.]+\s+)?"[^"]+"/);
    if (single.length > 0) return [{ range: at(single[single.length - 1] + 1), newText: missing.map((p) => `import "${p}"\n`).join('') }];
    const packageLine = lines.indexes(/^package\s+\w+/)[0] ?? -1;
    return [{ range: at(packageLine + 1), newText: `\nimport (\n${missing.map((p) => `\t"${p}"`).join('\n')}\n)\n` }];
  }
  // The block's first group (the standard library's, by convention): where it ends and what it holds.
  const edits: TextEdit[] = [];
  for (const path of [...missing].sort()) {
    let line = block + 1;
    while (line < lines.all.length && /^\s*(?:[\w.]+\s+)?"([^"]+)"/.test(lines.all[line]) && /"([^"]+)"/.exec(lines.all[line])![1] < path) line++;
    edits.push({ range: at(line), newText: `\t"${path}"\n` });
  }
  return edits;
}

/** Python: a name already imported (from any module) is present; others join their module's import line or follow the last import. */
function pythonImports(document: TextDocument, wanted: readonly string[]): TextEdit[] {
  const text = document.getText();
  const lines = linesOf(document);
  const edits: TextEdit[] = [];
  const added: string[] = [];
  for (const line of wanted) {
    const from = /^from\s+([\w.]+)\s+import\s+(\w+)(?:\s+as\s+\w+)?$/.exec(line);
    if (from) {
      const [, module, name] = from;
      if (new RegExp(`^(?:from\\s+[\\w.]+\\s+import\\s+(?:\\([^)]*|[^\\n]*)\\b${name}\\b|${name}\\s*=|(?:class|def)\\s+${name}\\b)`, 'm').test(text)) continue;
      const sameModule = lines.indexes(new RegExp(`^from\\s+${escapeRegExp(module)}\\s+import\\s+[\\w, ]+$`))[0];
      if (sameModule !== undefined) {
        const existing = lines.all[sameModule].replace(/\s+$/, '');
        edits.push({ range: { start: { line: sameModule, character: 0 }, end: { line: sameModule, character: lines.all[sameModule].length } }, newText: `${existing}, ${name}` });
        continue;
      }
      // Two names from one module the file lacks go on one line.
      const addedFrom = added.findIndex((l) => l.startsWith(`from ${module} import `) && !l.includes(' as '));
      if (addedFrom >= 0 && !line.includes(' as ')) {
        added[addedFrom] = `${added[addedFrom]}, ${name}`;
        continue;
      }
    } else {
      const module = /^import\s+([\w.]+)/.exec(line)?.[1];
      if (module && new RegExp(`^import\\s+${escapeRegExp(module)}\\s*$`, 'm').test(text)) continue;
    }
    added.push(line);
  }
  if (added.length > 0) {
    const importLines = lines.indexes(/^(?:import\s|from\s+\S+\s+import\s)/);
    let after = importLines.length > 0 ? importLines[importLines.length - 1] : -1;
    // A parenthesised import goes on to its closing line.
    if (after >= 0 && lines.all[after].includes('(') && !lines.all[after].includes(')')) {
      while (after + 1 < lines.all.length && !lines.all[after].includes(')')) after++;
    }
    if (after < 0) after = moduleDocstringEnd(lines.all);
    edits.push({ range: at(after + 1), newText: `${added.join('\n')}\n` });
  }
  return edits;
}

/** The last line of a module's docstring (and its `from __future__` imports), or -1. */
function moduleDocstringEnd(lines: readonly string[]): number {
  const first = lines.findIndex((line) => line.trim() !== '' && !line.startsWith('#'));
  if (first < 0 || !/^(?:[rRuU]?)("""|''')/.test(lines[first])) return first < 0 ? -1 : first - 1;
  const quote = /("""|''')/.exec(lines[first])![1];
  if (lines[first].indexOf(quote, lines[first].indexOf(quote) + 3) >= 0) return first;
  for (let i = first + 1; i < lines.length; i++) if (lines[i].includes(quote)) return i;
  return first;
}

/** TypeScript and JavaScript: a name imported anywhere is present; others join their module's named import, or follow the last import. */
function scriptImports(document: TextDocument, wanted: readonly string[]): TextEdit[] {
  const text = document.getText();
  const lines = linesOf(document);
  const edits: TextEdit[] = [];
  const added: string[] = [];
  const semicolons = lines.indexes(/^import\s.*;\s*$/).length > 0 || lines.indexes(/^import\s/).length === 0;
  for (const line of wanted) {
    const parsed = /^import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s+(['"])([^'"]+)\3;?$/.exec(line);
    if (!parsed) { added.push(line); continue; }
    const [, defaultName, named = '', , module] = parsed;
    const names = [defaultName, ...named.split(',').map((n) => n.trim().replace(/^type\s+/, ''))].filter((n): n is string => Boolean(n));
    // Imported, required, or declared in the file itself.
    const imported = (name: string) => new RegExp(`^\\s*(?:import\\b[^;]*?\\b${escapeRegExp(name)}\\b[^;]*?\\bfrom\\b|(?:const|let|var)\\s*\\{[^}]*\\b${escapeRegExp(name)}\\b[^}]*\\}\\s*=\\s*require\\(|(?:export\\s+)?(?:default\\s+)?(?:abstract\\s+)?(?:class|function|const|let|var|enum|interface|type)\\s+${escapeRegExp(name)}\\b)`, 'm').test(text);
    const missing = names.filter((name) => !imported(name));
    if (missing.length === 0) continue;
    const sameModule = !defaultName || imported(defaultName) ? lines.indexes(new RegExp(`^import\\s+(?:\\w+\\s*,\\s*)?\\{[^}]*\\}\\s*from\\s+['"]${escapeRegExp(module)}['"]`))[0] : undefined;
    if (sameModule !== undefined) {
      const close = lines.all[sameModule].indexOf('}');
      const before = lines.all[sameModule].slice(0, close).replace(/\s*,?\s*$/, '');
      edits.push({ range: { start: { line: sameModule, character: before.length }, end: { line: sameModule, character: before.length } }, newText: `, ${missing.join(', ')}` });
      continue;
    }
    // Only the names the file lacks: the others may come from another module already.
    const written = missing.length === names.length ? line : `import { ${missing.join(', ')} } from '${module}';`;
    added.push(semicolons ? written : written.replace(/;$/, ''));
  }
  if (added.length > 0) {
    const importLines = lines.indexes(/^(?:import\s|(?:const|let|var)\s+.*=\s*require\()/);
    let after = importLines.length > 0 ? importLines[importLines.length - 1] : -1;
    // An import over several lines ends where its `from` is.
    while (after >= 0 && after + 1 < lines.all.length && !/\bfrom\s+['"]|require\(|^import\s+['"]/.test(lines.all[after])) after++;
    edits.push({ range: at(after + 1), newText: `${added.join('\n')}\n` });
  }
  return edits;
}

function javaHas(line: string, text: string): boolean {
  const name = /^import\s+(?:static\s+)?([\w.]+)\s*;/.exec(line)?.[1];
  if (!name) return true;
  const pkg = name.slice(0, name.lastIndexOf('.'));
  return new RegExp(`^\\s*import\\s+(?:${escapeRegExp(name)}|${escapeRegExp(pkg)}\\.\\*)\\s*;`, 'm').test(text)
    || new RegExp(`^\\s*package\\s+${escapeRegExp(pkg)}\\s*;`, 'm').test(text);
}

function csharpHas(line: string, text: string): boolean {
  const namespace = /^using\s+([\w.]+)\s*;/.exec(line)?.[1];
  return !namespace || new RegExp(`^\\s*(?:global\\s+)?using\\s+${escapeRegExp(namespace)}\\s*;`, 'm').test(text);
}

function phpHas(line: string, text: string): boolean {
  const name = /^use\s+([\w\\]+)/.exec(line)?.[1];
  if (!name) return true;
  const short = name.slice(name.lastIndexOf('\\') + 1);
  return new RegExp(`^\\s*use\\s+[\\w\\\\]*\\b${escapeRegExp(short)}\\s*;`, 'm').test(text);
}

/** Languages with one import per line: after the last import, else after `anchor` (with a blank line), else at the top. */
function lineImports(document: TextDocument, wanted: readonly string[], importLine: RegExp, anchor: RegExp | undefined, has: (line: string, text: string) => boolean): TextEdit[] {
  const text = document.getText();
  const missing = wanted.filter((line) => !has(line, text));
  if (missing.length === 0) return [];
  const lines = linesOf(document);
  const existing = lines.indexes(importLine);
  if (existing.length > 0) return [{ range: at(existing[existing.length - 1] + 1), newText: `${missing.join('\n')}\n` }];
  // The last anchor: in PHP, a `namespace` line after `<?php` (imports may not come before it).
  const anchorLine = anchor ? lines.indexes(anchor).at(-1) : undefined;
  if (anchorLine !== undefined) return [{ range: at(anchorLine + 1), newText: `\n${missing.join('\n')}\n` }];
  return [{ range: at(0), newText: `${missing.join('\n')}\n\n` }];
}
