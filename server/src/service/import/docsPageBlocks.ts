/**
 * A page's lines grouped into the blocks a reader sees: headings, paragraphs, list items, tables,
 * JSON bodies (fenced, or bare as pages copied from a browser have them), code and rules. The
 * importer reads meaning from the order of these blocks, not from raw lines.
 */
import { codeHeadingOf, labelOf, statusLineOf } from './docsPageShapes';
import { LIST_ITEM, repairLines } from './docsPageText';

interface BlockPlace {
  /** 1-based line of the page where the block starts. */
  readonly line: number;
  /** Whether a blank line (or the page's start) comes before it: a new paragraph, not a continued one. */
  readonly gapBefore: boolean;
}

export type PageBlock = BlockPlace &
  (
    | { readonly kind: 'heading'; readonly text: string; readonly level: number }
    | { kind: 'text'; text: string; hardBreak: boolean }
    | { kind: 'item'; text: string }
    | { readonly kind: 'table'; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] }
    | { readonly kind: 'json'; readonly value: unknown }
    | { readonly kind: 'code'; readonly text: string }
    | { readonly kind: 'rule' }
  );

/** The most lines a bare JSON body or a fenced block is read for; longer ones are not examples. */
const MAX_BLOCK_LINES = 400;
const MAX_JSON_CHARS = 64_000;
/** Longest paragraph kept when wrapped lines are joined. */
const MAX_PARAGRAPH_CHARS = 20_000;

/** Lines that are something of their own and never continue a paragraph or a list item. */
function isStructural(line: string): boolean {
  return /^#{1,6}\s/.test(line) || LIST_ITEM.test(line) || /^\s*\|/.test(line) || /^\s*(```|~~~)/.test(line) || labelOf(line) !== undefined || codeHeadingOf(line) !== undefined || statusLineOf(line) !== undefined;
}

/** A line that is program code: a statement, a brace, a comment, a keyword that starts one. */
function isCodeLine(line: string): boolean {
  const trimmed = line.trim();
  if (/^(\/\/|\/\*|\*\/|case\s.{0,200}:|default\s*:|break;|return\b|const\s|let\s|var\s|function\b|async\s|await\s|if\s*\(|else\b|\}\s*(catch|else|finally)\b|try\s*\{|import\s|export\s|def\s|except\b|raise\s|throw\s|switch\s*\(|for\s*\(|while\s*\(|[})\]];?,?$)/.test(trimmed)) return true;
  return /[;{]$/.test(trimmed) && /[()=.'"`]/.test(trimmed);
}

/** `{` and `[` minus `}` and `]` on a line, outside strings. */
function depthChange(line: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
  }
  return depth;
}

/**
 * JSON as pages write it: strict JSON first; then with comments, trailing commas, single quotes,
 * unquoted keys and `...` placeholders tolerated. Undefined when it is not JSON even so.
 */
function parseLenientJson(raw: string): unknown {
  if (raw.length > MAX_JSON_CHARS) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    try {
      return JSON.parse(relaxedJson(raw));
    } catch {
      return undefined;
    }
  }
}

/** The last character of `text` that is not white space. */
function lastSignificant(text: string): string {
  let i = text.length - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i >= 0 ? text[i] : '';
}

function relaxedJson(raw: string): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const char = raw[i];
    if (char === '"' || char === "'") {
      let text = '';
      let j = i + 1;
      for (; j < raw.length && raw[j] !== char; j++) {
        if (raw[j] === '\\' && j + 1 < raw.length) {
          text += raw[j] + raw[j + 1];
          j++;
        } else text += char === "'" && raw[j] === '"' ? '\\"' : raw[j] === '\n' ? '\\n' : raw[j];
      }
      out += `"${char === "'" ? text.replace(/\\'/g, "'") : text}"`;
      i = j + 1;
    } else if (char === '/' && raw[i + 1] === '/') {
      while (i < raw.length && raw[i] !== '\n') i++;
    } else if (char === '/' && raw[i + 1] === '*') {
      const end = raw.indexOf('*/', i + 2);
      i = end < 0 ? raw.length : end + 2;
    } else if (char === '.' && raw.startsWith('...', i)) {
      i += 3;
    } else if (char === '…') {
      i++;
    } else if (/[A-Za-z_$]/.test(char) && /[{,]/.test(lastSignificant(out))) {
      const word = /^[A-Za-z_$][\w$-]*/.exec(raw.slice(i, i + 200))?.[0] ?? char;
      const after = raw.slice(i + word.length).match(/^\s*:/);
      out += after ? `"${word}"` : word;
      i += word.length;
    } else {
      out += char;
      i++;
    }
  }
  // Trailing commas, including those a removed `...` left behind.
  return out.replace(/,(\s*,)+/g, ',').replace(/,\s*([}\]])/g, '$1').replace(/([{[])\s*,/g, '$1');
}

/** A language tag on the first line of a fence's content (`json` under ```` ```json ````, as copied pages repeat it). */
const LANGUAGE_LINE = /^\s*(json|jsonc|json5|javascript|js|typescript|ts|http|text|plaintext|shell|bash|sh|curl|python|py|yaml|yml|xml|response|request)\s*$/i;

/**
 * The page's blocks. `markdown` says whether wrapped lines of one paragraph should be joined
 * (Markdown wraps prose; text copied from a browser gives each paragraph its own line).
 */
export function parsePageBlocks(text: string, markdown: boolean): PageBlock[] {
  const lines = repairLines(text.split(/\r\n?|\n/), isStructural);
  const blocks: PageBlock[] = [];
  let gap = true;
  let i = 0;
  const push = (block: PageBlock) => {
    blocks.push(block);
    gap = false;
  };
  while (i < lines.length) {
    const line = lines[i];
    const trimmed = line.trim();
    const place = { line: i + 1, gapBefore: gap };
    if (trimmed === '') {
      gap = true;
      i++;
      continue;
    }
    const fence = /^(`{3,}|~{3,})\s*([\w+-]*)/.exec(trimmed);
    if (fence) {
      const content: string[] = [];
      let j = i + 1;
      while (j < lines.length && j - i <= MAX_BLOCK_LINES && !lines[j].trim().startsWith(fence[1])) content.push(lines[j++]);
      const firstContent = content.findIndex((contentLine) => contentLine.trim() !== '');
      if (firstContent >= 0 && LANGUAGE_LINE.test(content[firstContent])) content.splice(0, firstContent + 1);
      const body = content.join('\n');
      const value = /^\s*[{[]/.test(body) ? parseLenientJson(body) : undefined;
      push(value !== undefined && typeof value === 'object' && value !== null ? { ...place, kind: 'json', value } : { ...place, kind: 'code', text: body });
      i = j + 1;
      gap = true;
      continue;
    }
    if (/^\s*\{\s*($|["'\w])|^\s*\[\s*($|[{"])/.test(line)) {
      let depth = 0;
      let j = i;
      let size = 0;
      do {
        depth += depthChange(lines[j]);
        size += lines[j].length;
        j++;
      } while (depth > 0 && j < lines.length && j - i < MAX_BLOCK_LINES && size < MAX_JSON_CHARS);
      const value = depth <= 0 ? parseLenientJson(lines.slice(i, j).join('\n')) : undefined;
      if (value !== undefined && typeof value === 'object' && value !== null) {
        push({ ...place, kind: 'json', value });
        i = j;
        continue;
      }
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(trimmed);
    if (heading) {
      push({ ...place, kind: 'heading', text: heading[2], level: heading[1].length });
      i++;
      continue;
    }
    if (/^(\*\s*){3,}$|^(-\s*){3,}$|^(_\s*){3,}$/.test(trimmed)) {
      push({ ...place, kind: 'rule' });
      i++;
      gap = true;
      continue;
    }
    if (trimmed.startsWith('|') && trimmed.indexOf('|', 1) > 0) {
      const rows: string[][] = [];
      let j = i;
      while (j < lines.length && lines[j].trim().startsWith('|') && j - i < 5000) {
        const cells = tableCells(lines[j].trim());
        if (!cells.every((cell) => /^:?-{2,}:?$/.test(cell) || cell === '')) rows.push(cells);
        else if (rows.length === 0) rows.push(cells.map(() => ''));
        j++;
      }
      push({ ...place, kind: 'table', header: rows[0] ?? [], rows: rows.slice(1) });
      i = j;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      push({ ...place, kind: 'item', text: item[1].trim() });
      i++;
      continue;
    }
    if (isCodeLine(line) && !isStructural(trimmed)) {
      const code: string[] = [];
      let depth = 0;
      let j = i;
      while (j < lines.length && j - i < MAX_BLOCK_LINES * 5) {
        const codeLine = lines[j];
        if (codeLine.trim() === '') {
          // A blank line inside a function body is still code; at depth 0 it ends the block
          // unless code goes on after it.
          if (depth <= 0 && !(j + 1 < lines.length && isCodeLine(lines[j + 1]))) break;
        } else if (depth <= 0 && !isCodeLine(codeLine)) break;
        depth += depthChange(codeLine);
        code.push(codeLine);
        j++;
      }
      push({ ...place, kind: 'code', text: code.join('\n') });
      i = j;
      continue;
    }
    const previous = blocks[blocks.length - 1];
    // A list item wrapped onto the next line: in Markdown any line right under it (a lazy
    // continuation), in copied text only an indented or lower-case one.
    if (previous?.kind === 'item' && !gap && !isStructural(trimmed) && (markdown || /^\s+\S/.test(line) || /^[a-z(]/.test(trimmed)) && previous.text.length < MAX_PARAGRAPH_CHARS) {
      previous.text = `${previous.text} ${trimmed}`;
      i++;
      continue;
    }
    const continues =
      previous?.kind === 'text' &&
      !gap &&
      !previous.hardBreak &&
      !/:$/.test(previous.text) &&
      !isStructural(trimmed) &&
      (markdown || /^[a-z(]/.test(trimmed)) &&
      previous.text.length < MAX_PARAGRAPH_CHARS;
    const hardBreak = /\\$|\s{2,}$/.test(line);
    const content = trimmed.replace(/\\$/, '').trim();
    if (continues && previous?.kind === 'text') {
      previous.text = `${previous.text} ${content}`;
      previous.hardBreak = hardBreak;
    } else {
      push({ ...place, kind: 'text', text: content, hardBreak });
    }
    i++;
  }
  return withDefinitionLists(blocks);
}

/** A Markdown table row's cells; `\|` does not end a cell. */
function tableCells(row: string): string[] {
  const inner = row.replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, '|').trim());
}

/** Labels of a definition list a docs site renders as `Name` / value / `Description` / value. */
const DEFINITION_LABEL = /^(Name|Description|Type|Status|Code|Message|Details|Meaning|Reason)$/;

/**
 * Definition lists flattened by copying (`- Name`, `200 OK`, `- Description`, `Request succeeded`,
 * repeated) turned into a table with the labels as its header, which the status and code readers
 * then read like any table.
 */
function withDefinitionLists(blocks: readonly PageBlock[]): PageBlock[] {
  const out: PageBlock[] = [];
  let i = 0;
  while (i < blocks.length) {
    const records: Map<string, string>[] = [];
    let j = i;
    let record = new Map<string, string>();
    while (j + 1 < blocks.length) {
      const label = blocks[j];
      const value = blocks[j + 1];
      if (label.kind !== 'item' || !DEFINITION_LABEL.test(label.text) || value.kind !== 'text') break;
      if (record.has(label.text)) {
        records.push(record);
        record = new Map();
      }
      record.set(label.text, value.text);
      j += 2;
    }
    if (record.size > 0) records.push(record);
    if (records.length >= 2) {
      const header = [...new Set(records.flatMap((entry) => [...entry.keys()]))];
      out.push({ line: blocks[i].line, gapBefore: blocks[i].gapBefore, kind: 'table', header, rows: records.map((entry) => header.map((name) => entry.get(name) ?? '')) });
      i = j;
    } else {
      out.push(blocks[i]);
      i++;
    }
  }
  return out;
}
