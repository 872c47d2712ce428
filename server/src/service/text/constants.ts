/**
 * Where a source file binds names to code strings: enum members, constants, object maps, class
 * constants. A first, regex-based reader of the common forms.
 */
import { lexStatements } from './statements';
import { insideRanges } from './codeUsages';

/** A name bound to a string literal in a source file: a candidate code constant. */
export interface ConstantDefinition {
  readonly name: string;
  readonly containers: readonly string[];
  readonly value: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly kind: 'enum-member' | 'constant' | 'object-member' | 'class-constant' | 'enum-argument';
  readonly status?: number;
}

const CONTAINER = /\b(?:enum|class|interface|object|module|trait)\s+([A-Za-z_]\w*)[^{\n]*\{?|\bconst\s+([A-Za-z_]\w*)\s*(?::[^=]+)?=\s*(?:Object\.freeze\(\s*)?\{/g;

export function findConstantDefinitions(text: string, languageId: string): ConstantDefinition[] {
  const comments = lexStatements(text, languageId).comments;
  const found: ConstantDefinition[] = [];
  // Containers: each opening found and its brace range, approximately.
  const containers: { name: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(CONTAINER)) {
    const name = m[1] ?? m[2];
    const open = text.indexOf('{', m.index);
    if (open < 0 || insideRanges(comments, m.index ?? 0)) continue;
    let depth = 0;
    let end = text.length;
    for (let i = open; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) { end = i; break; }
    }
    containers.push({ name, start: open, end });
  }
  const containersAt = (offset: number) => containers.filter((c) => c.start < offset && offset < c.end).map((c) => c.name);
  const patterns: [RegExp, ConstantDefinition['kind']][] = [
    // `Name = 'value'`, `const Name = "value"`, `Name: 'value'`, `case Name = 'value'`, `const Name ErrorCode = "value"`
    [/(?:^|[\s,{(])(?:(?:public|private|protected|static|readonly|final|export|const|case|val|pub)\s+)*(?:(?:String|string|str)\s+)?([A-Za-z_]\w*)(?:\s+[A-Za-z_][\w.]*)?\s*(?::\s*(?:&'?\w*\s*)?\w*\s*)?(?:=|:)\s*(["'])((?:\\.|(?!\2)[^\\\n])*)\2/gm, 'constant'],
  ];
  for (const [pattern, kind] of patterns) {
    for (const m of text.matchAll(pattern)) {
      const name = m[1];
      const value = m[3];
      const start = m.index ?? 0;
      const nameStart = text.indexOf(name, start);
      if (insideRanges(comments, nameStart) || /\s/.test(value) || value.length === 0 || value.length > 200) continue;
      if (['case', 'default', 'return', 'type', 'code', 'message'].includes(name)) continue;
      const valueStart = start + m[0].length - value.length - 1;
      found.push({ name, containers: containersAt(nameStart), value: value.replace(/\\(.)/g, '$1'), nameStart, nameEnd: nameStart + name.length, valueStart, valueEnd: valueStart + value.length, kind });
    }
  }
  return found;
}

export function packageOf(text: string, languageId: string): string | undefined {
  if (languageId === 'go') return /^package\s+(\w+)/m.exec(text)?.[1];
  if (languageId === 'php') return /^namespace\s+[\w\\]*?(\w+)\s*;/m.exec(text)?.[1];
  if (languageId === 'java' || languageId === 'kotlin') return /^package\s+[\w.]*?(\w+)\s*;?$/m.exec(text)?.[1];
  return undefined;
}
