/**
 * An HTML error reference page as the Markdown-like text the rest of the importer reads:
 * headings as `#`, list items as `- `, tables as `| … |` rows, `<pre>` blocks as fenced code and
 * inline `<code>` in backticks. Scripts, styles, navigation and form controls are dropped with
 * their content; attributes (links, handlers) are never read, so nothing of the markup survives.
 */
import type { Parser as HtmlParser } from 'htmlparser2';

let htmlParserClass: typeof HtmlParser | undefined;

/** The HTML parser, loaded on first use: a server that never imports an HTML page never needs it. */
function htmlParser(): typeof HtmlParser {
  htmlParserClass ??= (require('htmlparser2') as typeof import('htmlparser2')).Parser;
  return htmlParserClass;
}
import { MAX_PAGE_CHARS } from './docsPageText';

/**
 * Elements whose content is not page text: code, styling, embedded documents, site chrome, form
 * controls. (Not `<form>` itself: some sites wrap the whole page in one.)
 */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'head', 'nav', 'footer', 'aside', 'button', 'select', 'option', 'textarea', 'dialog']);
/** Elements that start and end a block of text. */
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'blockquote', 'ul', 'ol', 'dl', 'figure', 'figcaption', 'details', 'summary', 'hr', 'address', 'caption', 'center']);
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

interface TableState {
  rows: string[][];
  row: string[] | undefined;
  cell: string | undefined;
  /** Whether the first row is made of `<th>` cells, i.e. a header row. */
  headerRow: boolean;
}

/** Elements that need no end tag, or never have one: they do not deepen the nesting a page writes. */
const UNCLOSED = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'caption', 'rt', 'rp', 'html', 'head', 'body', 'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Deeper than this, a page is not a docs page; the parser's cost grows with the square of the depth. */
const MAX_NESTING = 500;

/** The page up to where its elements nest deeper than {@link MAX_NESTING}, found by a linear scan of its tags. */
function withinNesting(html: string): { html: string; cut: boolean } {
  let depth = 0;
  for (const tag of html.matchAll(/<(\/?)([A-Za-z][\w-]{0,40})\b[^<>]{0,2000}?(\/?)>/g)) {
    const name = tag[2].toLowerCase();
    if (UNCLOSED.has(name) || tag[3] === '/') continue;
    depth += tag[1] === '/' ? -1 : 1;
    if (depth < 0) depth = 0;
    if (depth > MAX_NESTING) return { html: html.slice(0, tag.index), cut: true };
  }
  return { html, cut: false };
}

/**
 * The page's text with its structure, as Markdown, and whether the page was cut where its
 * elements nest too deep. Pure and bounded by {@link MAX_PAGE_CHARS} of output.
 */
export function htmlToText(page: string): { text: string; cut: boolean } {
  const { html, cut } = withinNesting(page.length > MAX_PAGE_CHARS * 4 ? page.slice(0, MAX_PAGE_CHARS * 4) : page);
  const out: string[] = [];
  let size = 0;
  let skipDepth = 0;
  let preDepth = 0;
  let codeDepth = 0;
  const tables: TableState[] = [];

  const write = (text: string) => {
    if (size >= MAX_PAGE_CHARS) return;
    out.push(text);
    size += text.length;
  };
  const newline = () => write('\n');
  const block = () => write('\n\n');
  const currentTable = () => tables[tables.length - 1];

  const Parser = htmlParser();
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        const table = currentTable();
        if (name === 'table') {
          tables.push({ rows: [], row: undefined, cell: undefined, headerRow: false });
          return;
        }
        if (table) {
          if (name === 'tr') table.row = [];
          else if (name === 'td' || name === 'th') {
            table.row ??= [];
            table.cell = '';
            if (name === 'th' && table.rows.length === 0) table.headerRow = true;
          } else if (name === 'br' || name === 'p' || name === 'li' || name === 'div') {
            if (table.cell !== undefined) table.cell += ' ';
          } else if (name === 'code' && table.cell !== undefined) table.cell += '`';
          return;
        }
        if (name === 'pre') {
          block();
          write('```\n');
          preDepth++;
        } else if (name === 'code' && preDepth === 0) {
          codeDepth++;
          write('`');
        } else if (name in HEADINGS) {
          block();
          write(`${'#'.repeat(HEADINGS[name])} `);
        } else if (name === 'li') {
          newline();
          write('- ');
        } else if (name === 'dt') {
          // A term in bold on its own line: a label (`Causes`) or a name (`400 Bad Request`) the readers know.
          block();
          write('**');
        } else if (name === 'dd' || name === 'br' || name === 'tr') {
          newline();
        } else if (BLOCKS.has(name)) {
          block();
        }
      },
      ontext(text) {
        if (skipDepth > 0) return;
        const table = currentTable();
        if (table) {
          if (table.cell !== undefined) table.cell += text.replace(/\s+/g, ' ').replace(/\|/g, '/');
          return;
        }
        if (preDepth > 0) write(text);
        else write(text.replace(/\s+/g, ' '));
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        const table = currentTable();
        if (name === 'table' && table) {
          tables.pop();
          const lines = tableLines(table);
          const outer = currentTable();
          // A table inside a table cell is flattened into that cell's text.
          if (outer && outer.cell !== undefined) outer.cell += ` ${lines.join(' ')}`;
          else {
            block();
            write(lines.join('\n'));
            block();
          }
          return;
        }
        if (table) {
          if ((name === 'td' || name === 'th') && table.cell !== undefined) {
            table.row?.push(table.cell.trim());
            table.cell = undefined;
          } else if (name === 'tr' && table.row) {
            if (table.row.some((cell) => cell !== '')) table.rows.push(table.row);
            table.row = undefined;
          } else if (name === 'code' && table.cell !== undefined) table.cell += '`';
          return;
        }
        if (name === 'pre') {
          preDepth = Math.max(0, preDepth - 1);
          write('\n```');
          block();
        } else if (name === 'code' && preDepth === 0 && codeDepth > 0) {
          codeDepth--;
          write('`');
        } else if (name === 'dt') {
          write('**');
          newline();
        } else if (name in HEADINGS || BLOCKS.has(name)) {
          block();
        } else if (name === 'li' || name === 'dd') {
          newline();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  // A table the page never closed.
  while (tables.length > 0) {
    const table = tables.pop() as TableState;
    write(`\n\n${tableLines(table).join('\n')}\n\n`);
  }
  const text = out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, '').replace(/^ (?=\S)/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, cut };
}

function tableLines(table: TableState): string[] {
  if (table.row && table.row.length > 0) table.rows.push(table.row);
  if (table.rows.length === 0) return [];
  const width = Math.min(50, Math.max(...table.rows.map((row) => row.length)));
  const rowLine = (row: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => row[i] ?? '').join(' | ')} |`;
  const lines = table.rows.map(rowLine);
  // A table without `<th>` cells has no header: an empty one keeps its first row a row.
  if (!table.headerRow) lines.unshift(rowLine([]));
  lines.splice(1, 0, `|${' --- |'.repeat(width)}`);
  return lines;
}
