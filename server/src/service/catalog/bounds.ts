/**
 * Bounds on what a catalog file may make the server do. Catalogs come from cloned repositories,
 * so before a parser recurses into a file, its nesting is measured; after parsing, the value is
 * walked once, without recursion, for cycles (an alias inside the node it names) and for how far
 * aliases expand it. Past these bounds a catalog is refused with a problem that says what to do,
 * and every later walk over a catalog value (rendering, shapes, the outline) can recurse safely.
 */

/** Deeper than any real catalog (an envelope is a few levels, an example body a few more). */
export const MAX_DEPTH = 64;

export interface BoundsProblem {
  readonly message: string;
  readonly offset: number;
}

const NEWLINE = 10;

/**
 * The first place a catalog's text nests deeper than {@link MAX_DEPTH} levels, counting flow
 * brackets outside strings and comments and, in YAML, block indentation; undefined when it never does.
 */
export function nestingProblem(text: string, format: 'yaml' | 'json'): BoundsProblem | undefined {
  const yaml = format === 'yaml';
  /** Indentation columns of the enclosing YAML block nodes. */
  const blocks: number[] = [];
  let flow = 0;
  let lineStart = 0;
  /** Lines indented deeper than this are a block scalar's text (`description: |`): prose, not structure. */
  let scalarIndent = -1;
  const tooDeep = (offset: number): BoundsProblem => ({
    offset,
    message: `This catalog is nested deeper than ${MAX_DEPTH} levels here. A catalog needs only a few: flatten this value (an envelope body or an example is rarely more than five levels deep).`,
  });
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
    const indent = i - lineStart;
    const blank = i >= lineEnd || text[i] === '\r' || (yaml && text[i] === '#');
    if (yaml && !blank && scalarIndent >= 0 && indent > scalarIndent) {
      lineStart = lineEnd + 1;
      continue;
    }
    if (yaml && !blank) scalarIndent = -1;
    if (yaml && !blank && flow === 0) {
      while (blocks.length > 0 && blocks[blocks.length - 1] >= indent) blocks.pop();
      blocks.push(indent);
      // Compact sequences and explicit keys (`- - x`, `? x`) open a level per indicator.
      while (i + 1 < lineEnd && (text[i] === '-' || text[i] === '?') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        i += 2;
        while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
        blocks.push(i - lineStart);
      }
      if (blocks.length > MAX_DEPTH) return tooDeep(lineStart + indent);
    }
    for (; i < lineEnd; i++) {
      const ch = text[i];
      if (ch === '"' || (ch === "'" && (!yaml || i === lineStart || /[\s[{,:]/.test(text[i - 1])))) {
        // A string: skip to its closing quote (JSON and YAML double quotes escape with `\`; YAML's single quotes with `''`).
        let j = i + 1;
        while (j < text.length) {
          if (text[j] === '\\' && ch === '"') j += 2;
          else if (text[j] === ch && ch === "'" && text[j + 1] === "'") j += 2;
          else if (text[j] === ch) break;
          else if (text.charCodeAt(j) === NEWLINE && !yaml) break;
          else j++;
        }
        if (j > lineEnd) {
          // A quoted YAML scalar that spans lines: carry on after it.
          lineEnd = text.indexOf('\n', j);
          if (lineEnd < 0) lineEnd = text.length;
        }
        i = j;
      } else if (yaml && ch === '#' && (i === lineStart || /\s/.test(text[i - 1]))) {
        break;
      } else if (ch === '[' || ch === '{') {
        flow++;
        if (flow + (yaml ? blocks.length : 0) > MAX_DEPTH) return tooDeep(i);
      } else if ((ch === ']' || ch === '}') && flow > 0) {
        flow--;
      } else if (yaml && flow === 0 && (ch === '|' || ch === '>') && /^[|>][-+0-9]*\s*(?:#.*)?\r?$/.test(text.slice(i, lineEnd)) && (i === lineStart || /[\s:]/.test(text[i - 1]))) {
        scalarIndent = indent;
        break;
      }
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/**
 * Walks a parsed value without recursion: refuses a value that contains itself (a YAML alias
 * inside the node it names) or that holds more than `maxNodes` nodes (aliases expanded many times).
 */
export function valueProblem(value: unknown, maxNodes: number): string | undefined {
  /** Nodes to visit, with the containers above each (for cycles). */
  const stack: { node: unknown; ancestors: readonly object[] }[] = [{ node: value, ancestors: [] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { node, ancestors } = stack.pop()!;
    if (++nodes > maxNodes) {
      return `This catalog expands to more than ${maxNodes.toLocaleString('en-US')} values: its anchors and aliases (\`&name\`, \`*name\`) repeat too much. Write the values out, or alias less.`;
    }
    if (node === null || typeof node !== 'object') continue;
    if (ancestors.includes(node)) return 'An alias in this catalog refers to itself, or to a node that contains it (`&a { self: *a }`). Write that value out instead.';
    if (ancestors.length >= MAX_DEPTH) return `This catalog is nested deeper than ${MAX_DEPTH} levels. Flatten its values.`;
    const inner = [...ancestors, node];
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push({ node: child, ancestors: inner });
  }
  return undefined;
}
