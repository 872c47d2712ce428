/**
 * Bodies built as maps rather than written as literals, as Java code builds them: the arguments
 * of `Map.of("code", "X", "message", …)`, or a run of `body.put("code", "X");` statements, then
 * sent (`.body(Map.of(…))`, `objectMapper.writeValue(out, body)`) with a status set beside them
 * (`response.setStatus(429)`). Their members are read as an object literal's would be.
 */
import { argumentAt } from './calls';
import { lineSpan } from './textScan';

/** A member of a map body: its key, and its value's offsets. */
export interface MapMember {
  readonly key: string;
  readonly valueStart: number;
  readonly valueEnd: number;
}

export interface MapBody {
  readonly members: readonly MapMember[];
  /** Where the map is built: its call, or its run of `put` statements. */
  readonly start: number;
  readonly end: number;
  /** Whether it is sent as it is, so that it must have every member of the envelope. */
  readonly sent: boolean;
  /** Where a status set beside it may be written, `[from, to)`: the lines after the run up to where it is sent. */
  readonly statusFrom?: number;
  readonly statusTo?: number;
}

/** Lines of a `put` run read on each side of a code's line, and lines after it read for where it is sent. */
const RUN_LINES = 12;
const SEND_LINES = 6;
/** Lines a map body reads around a code's line, for a checker that must check them again after an edit. */
export const MAP_BODY_LINES_BEFORE = RUN_LINES;
export const MAP_BODY_LINES_AFTER = RUN_LINES + SEND_LINES;

const STRING_KEY = /^\s*"([\w$-]+)"\s*$/;
/** A statement of a `put` run: `body.put("code", "X");`. */
const PUT_LINE = /^\s*([A-Za-z_]\w*)\s*\.\s*put\s*\(\s*"([\w$-]+)"\s*,\s*(.*?)\s*\)\s*;\s*$/;

/** Whether a line may belong to a map body: a `put` statement. */
export function isMapBodyLine(lineText: string): boolean {
  return PUT_LINE.test(lineText);
}

/** The map body a code's key at `keyStart`, in the statement `[start, end)`, is a member of, if it is one. */
export function mapBodyAt(text: string, keyStart: number, statement: { start: number; end: number }): MapBody | undefined {
  return mapOfCall(text, keyStart, statement) ?? putRun(text, keyStart);
}

/** `Map.of("code", "X", …)` (also `ImmutableMap.of`): keys and values alternate. */
function mapOfCall(text: string, keyStart: number, statement: { start: number; end: number }): MapBody | undefined {
  const before = text.slice(Math.max(statement.start, keyStart - 2000), keyStart);
  const call = /\b(?:Map|ImmutableMap)\s*\.\s*of\s*\(/g;
  let open = -1;
  for (let m = call.exec(before); m; m = call.exec(before)) open = keyStart - before.length + m.index + m[0].length - 1;
  if (open < 0) return undefined;
  const members: MapMember[] = [];
  let end = open;
  let holdsKey = false;
  for (let index = 0; index < 64; index += 2) {
    const key = argumentAt(text, open, index, statement.end);
    const value = argumentAt(text, open, index + 1, statement.end);
    if (!key || !value) break;
    const name = STRING_KEY.exec(text.slice(key.start, key.end));
    if (!name) return undefined;
    if (keyStart >= key.start && keyStart < key.end) holdsKey = true;
    members.push({ key: name[1], valueStart: value.start, valueEnd: value.end });
    end = value.end + 1;
  }
  if (!holdsKey) return undefined;
  const lineStart = Math.max(statement.start, text.lastIndexOf('\n', open) + 1);
  const sent = /\.\s*body\s*\(\s*(?:Map|ImmutableMap)\s*\.\s*of\s*\($/.test(text.slice(lineStart, open + 1));
  return { members, start: open, end, sent };
}

type Line = ReturnType<typeof lineSpan>;
/** A run of `variable.put("key", value);` lines around the code's, on one variable. */
function putRun(text: string, keyStart: number): MapBody | undefined {
  const own = lineSpan(text, keyStart);
  const first = PUT_LINE.exec(own.text);
  if (!first) return undefined;
  const variable = first[1];
  const run: Line[] = [own];
  for (let n = 0, at = own.start; n < RUN_LINES && at > 0; n++) {
    const line = lineSpan(text, at - 1);
    if (PUT_LINE.exec(line.text)?.[1] !== variable) break;
    run.unshift(line);
    at = line.start;
  }
  for (let n = 0, at = own.end; n < RUN_LINES && at < text.length; n++) {
    const line = lineSpan(text, at + 1);
    if (PUT_LINE.exec(line.text)?.[1] !== variable) break;
    run.push(line);
    at = line.end;
  }
  const members = run.map((line) => {
    const m = PUT_LINE.exec(line.text)!;
    const valueStart = line.start + line.text.lastIndexOf(m[3], line.text.lastIndexOf(')'));
    return { key: m[2], valueStart, valueEnd: valueStart + m[3].length };
  });
  // Sent when the variable is handed, as it is, to what writes a response within a few lines.
  const sends = new RegExp(String.raw`\b(?:writeValue|body|json|write|ok|send)\s*\((?:[^;]*,)?\s*${variable}\s*\)`);
  let sentAt: number | undefined;
  for (let n = 0, at = run[run.length - 1].end; n < SEND_LINES && at < text.length; n++) {
    const line = lineSpan(text, at + 1);
    if (sends.test(line.text)) { sentAt = line.end; break; }
    at = line.end;
  }
  const end = run[run.length - 1].end;
  return { members, start: run[0].start, end, sent: sentAt !== undefined, statusFrom: end, statusTo: sentAt };
}
