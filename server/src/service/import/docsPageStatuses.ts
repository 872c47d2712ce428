/**
 * HTTP statuses as pages define them: a table with a status column (`| **404 Not Found** | … |`),
 * a definition list flattened to `Name` / `Description` pairs, or aligned lines
 * (`400 Bad Request      - Invalid request format`). The reason is the standard one whenever the
 * page's is the standard reason or a shortening of it; a name of the page's own
 * (`422 Validation Error`) becomes the status's meaning.
 */
import type { PageBlock } from './docsPageBlocks';
import { cellText, codeColumnOf, isTitleLike, statusColumnOf, type Consumed } from './docsPageCodes';
import { codeShapeOf, standardReasonFor, statusLineOf } from './docsPageShapes';
import { REASON_PHRASES } from './httpReasons';
import { plainText } from './docsPageText';

/** A troubleshooting step and whether it was written for this status or for every error. */
export interface Step {
  readonly text: string;
  /** True for advice the page gives for all errors (`Log all API errors`), false for this status's own. */
  readonly general: boolean;
}

export interface FoundStatus {
  readonly status: number;
  readonly line: number;
  reason?: string;
  meaning?: string;
  description?: string;
  troubleshooting: Step[];
  /** Set when the entry is not defined on the page but added for a code that uses it. */
  addedFor?: string;
  /** Set when the description is not the page's words for the status. */
  descriptionNote?: string;
}

export type StatusMap = Map<number, FoundStatus>;

/** Sets the reason from what the page wrote: the standard reason when it is one, else the page's name as the meaning. */
function setReason(found: FoundStatus, written: string | undefined): void {
  const text = written ? plainText(written) : '';
  const standard = text ? standardReasonFor(found.status, text) : undefined;
  found.reason ??= standard ?? REASON_PHRASES.get(found.status) ?? (text || undefined);
  if (text && !standard && found.reason !== text) found.meaning ??= text;
}

function entry(statuses: StatusMap, status: number, line: number): FoundStatus {
  let found = statuses.get(status);
  if (!found) {
    found = { status, line, troubleshooting: [] };
    statuses.set(status, found);
  }
  return found;
}

/**
 * Statuses from tables with a status column and no code column. A column whose cells are the
 * statuses' reasons is the reason; a column named meaning is the meaning; the description column
 * (or the longest text) the description. A cell that is a code (`VALIDATION_ERROR` as a status's
 * description) links the status to that code instead; `codeLinks` receives those.
 */
export function readStatusTables(blocks: readonly PageBlock[], consumed: Consumed, statuses: StatusMap, codeLinks: Map<string, number>): void {
  blocks.forEach((block, index) => {
    if (block.kind !== 'table' || consumed.has(index)) return;
    const statusColumn = statusColumnOf(block.header, block.rows);
    if (statusColumn === undefined || codeColumnOf(block.header, block.rows) !== undefined) return;
    consumed.add(index);
    const width = block.header.length;
    const reasonColumn = Array.from({ length: width }, (_, column) => column).find((column) => {
      if (column === statusColumn) return false;
      const pairs = block.rows.filter((row) => cellText(row[column] ?? '') !== '');
      const reasons = pairs.filter((row) => {
        const status = Number(/^(?:HTTP\s*)?([1-5]\d\d)/.exec(cellText(row[statusColumn] ?? ''))?.[1]);
        return standardReasonFor(status, cellText(row[column] ?? '')) !== undefined;
      });
      return pairs.length > 0 && reasons.length >= pairs.length * 0.5;
    });
    const meaningColumn = block.header.findIndex((name, column) => column !== statusColumn && column !== reasonColumn && /meaning|category|type|class/i.test(name));
    const descriptionColumn = block.header.findIndex((name, column) => column !== statusColumn && column !== reasonColumn && column !== meaningColumn && /description|details|explanation|when|meaning|message|summary/i.test(name));
    for (const row of block.rows) {
      const head = statusLineOf(cellText(row[statusColumn] ?? '')) ?? statusLineOf(`${cellText(row[statusColumn] ?? '')} ${reasonColumn !== undefined ? cellText(row[reasonColumn] ?? '') : ''}`);
      const number = head?.status ?? Number(/^(?:HTTP\s*)?([1-5]\d\d)/.exec(cellText(row[statusColumn] ?? ''))?.[1]);
      if (!Number.isInteger(number) || number < 100 || number > 599) continue;
      const found = entry(statuses, number, block.line);
      setReason(found, reasonColumn !== undefined ? cellText(row[reasonColumn] ?? '') : head?.reason);
      if (meaningColumn >= 0) {
        const meaning = plainText(row[meaningColumn] ?? '');
        if (meaning) found.meaning = meaning;
      }
      const others = Array.from({ length: width }, (_, column) => column).filter((column) => column !== statusColumn && column !== reasonColumn && column !== meaningColumn);
      for (const column of descriptionColumn >= 0 ? [descriptionColumn, ...others.filter((c) => c !== descriptionColumn)] : others) {
        const raw = cellText(row[column] ?? '');
        if (!raw) continue;
        if (codeShapeOf(raw) === 'strong' || (codeShapeOf(raw) === 'weak' && /^[A-Z_]+$/.test(raw))) {
          codeLinks.set(raw, number);
          continue;
        }
        const text = plainText(row[column] ?? '');
        if (!found.description) found.description = text;
        else if (!found.meaning && isTitleLike(text)) found.meaning = text;
      }
    }
  });
}

/** Statuses defined one per line (`400 Bad Request - Invalid request format or parameters`), as text or list items. */
export function readStatusLines(blocks: readonly PageBlock[], consumed: Consumed, statuses: StatusMap): void {
  blocks.forEach((block, index) => {
    if ((block.kind !== 'text' && block.kind !== 'item' && block.kind !== 'heading') || consumed.has(index)) return;
    const line = statusLineOf(block.text);
    if (!line) return;
    // A bare `404 Not Found` heading or line defines the status only with a description beside or under it.
    let description = line.description;
    if (!description) {
      const next = blocks[index + 1];
      if (next?.kind === 'text' && !statusLineOf(next.text) && !isTitleLike(next.text) && !consumed.has(index + 1)) {
        description = next.text;
        consumed.add(index + 1);
      } else if (block.kind === 'heading') return;
    }
    consumed.add(index);
    const found = entry(statuses, line.status, block.line);
    setReason(found, line.reason);
    if (description && !found.description) found.description = plainText(description);
  });
}

/** A status entry for a code whose status the page does not define, with the standard reason. */
export function ensureStatus(statuses: StatusMap, status: number, line: number, forCode: string): FoundStatus {
  const existing = statuses.get(status);
  if (existing) return existing;
  const found = entry(statuses, status, line);
  found.reason = REASON_PHRASES.get(status);
  found.addedFor = forCode;
  return found;
}
