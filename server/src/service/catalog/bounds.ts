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
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const TAB = 9;
const HASH = 35;
const DASH = 45;
const QUESTION = 63;
const COLON = 58;
const BACKSLASH = 92;
const SINGLE_QUOTE = 39;
/** Characters after which a YAML single quote opens a string (elsewhere it is an apostrophe in a plain scalar). */
const OPENERS = new Set([91, 123, 44, 58]);

/**
 * The first place a catalog's text nests deeper than {@link MAX_DEPTH} levels, counting flow
 * brackets outside strings and comments and, in YAML, block indentation; undefined when it never does.
 */
export function nestingProblem(text: string, format: 'yaml' | 'json'): BoundsProblem | undefined {
  const yaml = format === 'yaml';
  /** The characters that can change the nesting, found by a native regular expression rather than a loop over every character. */
  const special = yaml ? /["'#[\]{}|>]/g : /["[\]{}]/g;
  /** Indentation columns of the enclosing YAML block nodes. */
  const blocks: number[] = [];
  let flow = 0;
  let lineStart = 0;
  /** Lines indented deeper than this are a block scalar's text (`description: |`): prose, not structure. */
  let scalarIndent = -1;
  let next = special.exec(text);
  const tooDeep = (offset: number): BoundsProblem => ({
    offset,
    message: `This catalog is nested deeper than ${MAX_DEPTH} levels here. A catalog needs only a few: flatten this value (an envelope body or an example is rarely more than five levels deep).`,
  });
  const isSpace = (code: number) => code === SPACE || code === TAB;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && isSpace(text.charCodeAt(i))) i++;
    const indent = i - lineStart;
    const first = text.charCodeAt(i);
    const blank = i >= lineEnd || first === CARRIAGE_RETURN || (yaml && first === HASH);
    if (yaml && !blank && scalarIndent >= 0 && indent > scalarIndent) {
      lineStart = lineEnd + 1;
      continue;
    }
    if (yaml && !blank) scalarIndent = -1;
    if (yaml && !blank && flow === 0) {
      while (blocks.length > 0 && blocks[blocks.length - 1] >= indent) blocks.pop();
      blocks.push(indent);
      // Compact sequences and explicit keys (`- - x`, `? x`) open a level per indicator.
      while (i + 1 < lineEnd && (text.charCodeAt(i) === DASH || text.charCodeAt(i) === QUESTION) && isSpace(text.charCodeAt(i + 1))) {
        i += 2;
        while (i < lineEnd && isSpace(text.charCodeAt(i))) i++;
        blocks.push(i - lineStart);
      }
      if (blocks.length > MAX_DEPTH) return tooDeep(lineStart + indent);
    }
    // The next special character at or after `i`: a match found beyond an earlier line is kept, never searched for again.
    if (next && next.index < i) {
      special.lastIndex = i;
      next = special.exec(text);
    }
    for (; next && next.index < lineEnd; next = special.exec(text)) {
      const match = next;
      const at = match.index;
      const ch = match[0];
      const before = at > lineStart ? text.charCodeAt(at - 1) : SPACE;
      if (ch === '"' || (ch === "'" && (!yaml || isSpace(before) || OPENERS.has(before)))) {
        // A string: skip to its closing quote (JSON and YAML double quotes escape with `\`; YAML's single quotes with `''`).
        let j = at + 1;
        while (j < text.length) {
          const c = text.charCodeAt(j);
          if (c === BACKSLASH && ch === '"') j += 2;
          else if (c === SINGLE_QUOTE && ch === "'" && text.charCodeAt(j + 1) === SINGLE_QUOTE) j += 2;
          else if (text[j] === ch) break;
          else if (c === NEWLINE && !yaml) break;
          else j++;
        }
        if (j > lineEnd) {
          // A quoted YAML scalar that spans lines: carry on after it.
          lineEnd = text.indexOf('\n', j);
          if (lineEnd < 0) lineEnd = text.length;
        }
        special.lastIndex = j + 1;
      } else if (ch === '#') {
        if (isSpace(before) || at === lineStart) break;
      } else if (ch === '[' || ch === '{') {
        flow++;
        if (flow + (yaml ? blocks.length : 0) > MAX_DEPTH) return tooDeep(at);
      } else if (ch === ']' || ch === '}') {
        if (flow > 0) flow--;
      } else if (flow === 0 && (isSpace(before) || before === COLON) && /^[|>][-+0-9]*[ \t]*(?:#.*)?\r?$/.test(text.slice(at, lineEnd))) {
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
