/**
 * Error codes as pages present them: a heading or line per code followed by its title,
 * description, `Message:`, `Causes:` and `Resolution:` parts and example bodies; a table with a
 * code column; and the `case 'CODE':` branches of client example code that switches on the
 * envelope's code member. A word in capitals elsewhere on the page is never taken for a code.
 */
import type { PageBlock } from './docsPageBlocks';
import { isJsonObject, type JsonObject } from './docsPageEnvelope';
import { codeHeadingOf, codeShapeOf, headingText, labelOf, statusLineOf, type LabelName } from './docsPageShapes';
import { plainText, sentencesOf } from './docsPageText';

/** The most codes read from one page; a page with more is not one API's reference. */
export const MAX_CODES = 2_000;
/** The most steps kept in one list (causes, resolution, troubleshooting). */
export const MAX_LIST_ITEMS = 50;
const MAX_EXAMPLES = 10;

/** How a code's status was found, which decides whether the draft marks it as guessed. */
export type StatusSource = 'page' | 'name' | 'title' | 'inferred' | 'fallback';

/** A code as the page gives it, before it becomes a catalog entry. */
export interface FoundCode {
  readonly code: string;
  readonly line: number;
  status?: number;
  statusSource?: StatusSource;
  statusNote?: string;
  title?: string;
  message?: string;
  /** Set when the message is not the page's own words for it. */
  messageNote?: string;
  /** Set when the causes are not the page's words for this code. */
  causesNote?: string;
  description?: string;
  causes: string[];
  resolution: string[];
  /** Whether the page gives the code a resolution of its own (a labelled part, not a borrowed step). */
  ownResolution: boolean;
  examples: { body: unknown; at?: string; description?: string }[];
  members: JsonObject;
  /** The heading the code sits under (`Authentication Errors`), a hint at its status. */
  group?: string;
}

export function newCode(code: string, line: number): FoundCode {
  return { code, line, causes: [], resolution: [], ownResolution: false, examples: [], members: {} };
}

/** Adds steps to a list, plain, without repeats, up to {@link MAX_LIST_ITEMS}. */
export function addSteps(list: string[], steps: readonly string[]): void {
  for (const step of steps) {
    const text = plainText(step);
    if (text.length < 2 || list.length >= MAX_LIST_ITEMS) continue;
    if (!list.some((existing) => existing.toLowerCase() === text.toLowerCase())) list.push(text);
  }
}

export function addExample(code: FoundCode, example: { body: unknown; at?: string; description?: string }): void {
  if (code.examples.length < MAX_EXAMPLES && !code.examples.some((existing) => JSON.stringify(existing.body) === JSON.stringify(example.body))) code.examples.push(example);
}

/** A short line that names a thing rather than says something: a title or a heading. */
export function isTitleLike(text: string): boolean {
  const line = headingText(text);
  const words = line.split(/\s+/).length;
  return line.length > 0 && line.length <= 80 && words <= 8 && !/[.!?;,]$/.test(line) && /^[\p{Lu}\d`"'(]/u.test(line);
}

/** Whether a block is heading-like: a Markdown heading, or a short title line of a page copied as text. */
export function isHeadingBlock(block: PageBlock): boolean {
  return block.kind === 'heading' || (block.kind === 'text' && isTitleLike(block.text) && labelOf(block.text) === undefined && statusLineOf(block.text) === undefined);
}

/** Which list a `…:` line that is no known label introduces, by its words. */
function introducedList(text: string): 'causes' | 'resolution' | undefined {
  if (!/:\s*$/.test(text)) return undefined;
  if (/\b(caus|because|trigger|happens? when|occurs? when|reasons?|why)\w*/i.test(text)) return 'causes';
  if (/\b(fix|resolv|solution|solve|try|should|avoid|recommend|steps?|to handle|you can)\w*/i.test(text)) return 'resolution';
  return undefined;
}

/** Blocks the code readers used, so that other readers and the left-out report skip them. */
export type Consumed = Set<number>;

/** Something on the page the importer saw but could not place. */
export interface PageLeftOut {
  readonly line: number;
  readonly what: string;
}

/**
 * Codes presented by a heading or line of their own, with the parts that follow up to the next
 * code, a heading of the same or a higher level, or a short title line after the code's parts.
 */
export function readCodeSections(blocks: readonly PageBlock[], consumed: Consumed, leftOut: PageLeftOut[]): FoundCode[] {
  const codes: FoundCode[] = [];
  let group: string | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.kind !== 'heading' && block.kind !== 'text' && block.kind !== 'item') continue;
    const presented = codeHeadingOf(block.text);
    if (presented && codes.length >= MAX_CODES) {
      leftOut.push({ line: block.line, what: `more than ${MAX_CODES} codes; the rest were not read` });
      break;
    }
    if (!presented) {
      if (isHeadingBlock(block)) group = plainText(headingText(block.text));
      continue;
    }
    const found = newCode(presented.code, block.line);
    found.group = group;
    if (presented.status !== undefined) {
      found.status = presented.status;
      found.statusSource = 'page';
    }
    consumed.add(i);
    if (block.kind === 'item') {
      // A code in a list: the rest of its item is all the page says about it.
      if (presented.title) {
        if (isTitleLike(presented.title)) found.title = plainText(presented.title);
        else found.description = plainText(presented.title);
      }
      codes.push(found);
      continue;
    }
    if (presented.title) found.title = plainText(presented.title);
    const level = block.kind === 'heading' ? block.level : undefined;
    let mode: LabelName | 'start' | 'description' = 'start';
    let j = i + 1;
    for (; j < blocks.length; j++) {
      const part = blocks[j];
      if ((part.kind === 'heading' || part.kind === 'text' || part.kind === 'item') && codeHeadingOf(part.text)) break;
      if (part.kind === 'rule' || part.kind === 'table') break;
      if (part.kind === 'heading') {
        const label = labelOf(part.text, true);
        if (level !== undefined && part.level > level && label) {
          mode = applyLabel(found, label.name, label.value);
          consumed.add(j);
          continue;
        }
        break;
      }
      if (part.kind === 'json') {
        if (isJsonObject(part.value) || Array.isArray(part.value)) {
          found.examples.push({ body: part.value });
          consumed.add(j);
        }
        continue;
      }
      if (part.kind === 'code') continue;
      if (part.kind === 'text') {
        // A line in bold alone (`**Common causes**`) is a label as a heading would be.
        const label = labelOf(part.text, /^(\*\*|__)[^*_]+\1:?$/.test(part.text.trim()));
        if (label) {
          mode = applyLabel(found, label.name, label.value);
          consumed.add(j);
          continue;
        }
        if (!found.title && !found.description && j === i + 1 && isTitleLike(part.text)) {
          found.title = plainText(headingText(part.text));
          consumed.add(j);
          continue;
        }
        // A title line after the code's parts (or after its example) is the page's next section.
        if (isTitleLike(part.text) && (mode !== 'start' || found.examples.length > 0 || found.description)) break;
        const list = introducedList(part.text);
        if (list) {
          mode = list;
          consumed.add(j);
          continue;
        }
        if (mode === 'start' || mode === 'description') {
          found.description = found.description ? `${found.description} ${plainText(part.text)}` : plainText(part.text);
          mode = 'description';
          consumed.add(j);
          continue;
        }
        if ((mode === 'causes' || mode === 'resolution') && (found[mode].length === 0 || !part.gapBefore)) {
          addSteps(found[mode], sentencesOf(part.text));
          if (mode === 'resolution') found.ownResolution = true;
          consumed.add(j);
          continue;
        }
        if (mode === 'message' && !found.message) {
          found.message = plainText(part.text);
          consumed.add(j);
          continue;
        }
        leftOut.push({ line: part.line, what: `text after ${found.code} that is none of its parts: "${plainText(part.text, 80)}"` });
        consumed.add(j);
        continue;
      }
      if (part.kind === 'item') {
        if (mode === 'causes' || mode === 'resolution') {
          addSteps(found[mode], [part.text]);
          if (mode === 'resolution') found.ownResolution = true;
        } else leftOut.push({ line: part.line, what: `list item under ${found.code} with no "Causes:" or "Resolution:" before it: "${plainText(part.text, 80)}"` });
        consumed.add(j);
        continue;
      }
    }
    codes.push(found);
    i = j - 1;
  }
  return codes;
}

/**
 * Applies a label to the code; returns what the following blocks are. A label with its value on
 * its line (`Status: 400`) is complete, so the paragraphs after it describe the code again.
 */
function applyLabel(found: FoundCode, name: LabelName, value: string): LabelName | 'description' {
  const text = value ? plainText(value) : '';
  if (name === 'status') {
    const status = /^(?:HTTP\s*)?([1-5]\d\d)\b/.exec(value.replace(/[*`_]/g, '').trim());
    if (status) {
      found.status = Number(status[1]);
      found.statusSource = 'page';
    }
  } else if (name === 'message' && text) found.message = text.replace(/^["'`](.*)["'`]$/, '$1');
  else if (name === 'title' && text) found.title = text;
  else if (name === 'description' && text) found.description = text;
  else if ((name === 'causes' || name === 'resolution') && text) {
    addSteps(found[name], sentencesOf(text));
    if (name === 'resolution') found.ownResolution = true;
  }
  return text && name !== 'causes' && name !== 'resolution' ? 'description' : name;
}

/** A table cell's text without links, emphasis and backticks: what is compared with codes and statuses. */
export function cellText(cell: string): string {
  return plainText(cell, 500).replace(/\*\*|__|`/g, '').trim();
}

/** The column of a table whose cells are mostly statuses (`404`, `**404 Not Found**`). */
export function statusColumnOf(header: readonly string[], rows: readonly (readonly string[])[]): number | undefined {
  for (let column = 0; column < header.length; column++) {
    const cells = rows.map((row) => cellText(row[column] ?? '')).filter(Boolean);
    const statuses = cells.filter((cell) => /^(?:HTTP\s*)?[1-5]\d\d\b/.test(cell));
    if (cells.length > 0 && statuses.length >= Math.max(1, cells.length * 0.6)) return column;
  }
  return undefined;
}

/** The column of a table whose cells are codes: mostly code-shaped, and named so or shaped surely. */
export function codeColumnOf(header: readonly string[], rows: readonly (readonly string[])[]): number | undefined {
  for (let column = 0; column < header.length; column++) {
    const named = /code|error|type|name|identifier|key/i.test(header[column] ?? '');
    const cells = rows.map((row) => (row[column] ?? '').trim()).filter(Boolean);
    const codes = cells.filter((cell) => {
      const shape = codeShapeOf(cellText(cell));
      return shape === 'strong' || (shape === 'weak' && (named || cell.startsWith('`')));
    });
    if (cells.length > 0 && codes.length >= Math.max(1, cells.length * 0.6) && (named || codes.every((cell) => codeShapeOf(cellText(cell)) === 'strong'))) return column;
  }
  return undefined;
}

/** Codes from tables with a code column: its status, message, description and steps from the other columns. */
export function readCodeTables(blocks: readonly PageBlock[], consumed: Consumed): FoundCode[] {
  const codes: FoundCode[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'table' || consumed.has(index)) return;
    const codeColumn = codeColumnOf(block.header, block.rows);
    if (codeColumn === undefined) return;
    const statusColumn = statusColumnOf(block.header, block.rows);
    consumed.add(index);
    for (const row of block.rows) {
      if (codes.length >= MAX_CODES) break;
      const code = cellText(row[codeColumn] ?? '');
      if (!codeShapeOf(code)) continue;
      const found = newCode(code, block.line);
      if (statusColumn !== undefined) {
        const status = /^(?:HTTP\s*)?([1-5]\d\d)\b/.exec(cellText(row[statusColumn] ?? ''));
        if (status) {
          found.status = Number(status[1]);
          found.statusSource = 'page';
        }
      }
      block.header.forEach((name, column) => {
        if (column === codeColumn || column === statusColumn) return;
        const text = plainText(row[column] ?? '');
        if (!text) return;
        if (/message/i.test(name)) found.message ??= text;
        else if (/resolution|fix|solution|action|what to do|how to/i.test(name)) {
          addSteps(found.resolution, sentencesOf(text));
          found.ownResolution = true;
        } else if (/cause|reason|why/i.test(name)) addSteps(found.causes, sentencesOf(text));
        else if (/title|summary/i.test(name)) found.title ??= text;
        else if (/^(http\s*)?status|http code/i.test(name) && /^[1-5]\d\d\b/.test(text)) {
          found.status ??= Number(text.slice(0, 3));
          found.statusSource ??= 'page';
        } else found.description = found.description ? `${found.description} ${text}` : text;
      });
      codes.push(found);
    }
  });
  return codes;
}

/**
 * Codes named by `case 'CODE':` branches of example client code, in a `switch` on the envelope's
 * code member (`switch (errorData.error_code)`), with the comment in the branch as a title
 * (`// Handle validation errors` → `Validation errors`). Comparisons (`err.code === 'X'`) count too.
 */
export function readCodesInClientCode(blocks: readonly PageBlock[], codeKey: string | undefined): FoundCode[] {
  if (!codeKey) return [];
  const member = codeKey.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const codes: FoundCode[] = [];
  const seen = new Set<string>();
  const add = (code: string, line: number, comment: string | undefined) => {
    if (seen.has(code) || !codeShapeOf(code) || codes.length >= MAX_CODES) return;
    seen.add(code);
    const found = newCode(code, line);
    const title = comment ? plainText(comment.replace(/^(?:todo:?\s*)?(?:handles?|handling|deal with|process)\s+(?:the\s+)?/i, '')) : '';
    if (title && !/^(unknown|other|default|all|any)\b/i.test(title)) found.title = title[0].toUpperCase() + title.slice(1);
    codes.push(found);
  };
  for (const block of blocks) {
    if (block.kind !== 'code') continue;
    const text = block.text.slice(0, 100_000);
    const switches = new RegExp(`switch\\s*\\(\\s*[\\w$.?\\[\\]'"]{0,200}?(?:\\.|\\[['"])${member}(?:['"]\\])?\\s*\\)\\s*\\{`, 'g');
    for (const start of text.matchAll(switches)) {
      const body = text.slice((start.index ?? 0) + start[0].length, (start.index ?? 0) + start[0].length + 20_000);
      const end = closingBrace(body);
      const cases = body.slice(0, end);
      for (const branch of cases.matchAll(/case\s+(['"`])([^'"`\n]{1,100})\1\s*:([^\n]{0,200})(?:\n\s*(?:\/\/|#)\s*([^\n]{1,200}))?/g)) {
        const sameLine = /(?:\/\/|#|\/\*)\s*(.*?)\s*(?:\*\/)?$/.exec(branch[3])?.[1];
        add(branch[2], block.line, sameLine || branch[4]?.trim());
      }
    }
    const comparisons = new RegExp(`(?:\\.|\\[['"])${member}(?:['"]\\])?\\s*={2,3}\\s*(['"\`])([^'"\`\\n]{1,100})\\1`, 'g');
    for (const comparison of text.matchAll(comparisons)) add(comparison[2], block.line, undefined);
  }
  return codes;
}

/** The offset of the brace that closes a block whose opening brace was just read. */
function closingBrace(text: string): number {
  let depth = 1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length;
}
