/**
 * The status a test expects alongside the code it asserts. Tests check the two on separate lines
 * (`assert response.status_code == 422` then `assert response.json()["error"]["code"] == "x"`,
 * `$response->assertStatus(413)` then `->assertJsonPath('type', 'x')`), so the pairing reads the
 * lines around the code's assertion: the status assertions of the same block that read the same
 * response (the same variable, or one assigned from it), or the only one right above or below.
 */
import { lineSpan, type StatusMention } from './textScan';

/** Lines read before and after the code's line, for a checker that must check them again after an edit. */
export const ASSERTION_LINES_BEFORE = 12;
export const ASSERTION_LINES_AFTER = 4;

/** A line that asserts: xUnit and Python `assert`, `expect(…)`, MockMvc `.andExpect(`, Laravel `->assertX(`, RSpec, Minitest. */
const ASSERTION = /(?:^|[^\w$])(?:assert\w*|Assert\s*\.\s*\w+|expect|andExpect|should\w*|must_\w+|require\s*\.\s*\w+)\s*[(.\s]|->\s*assert\w*\s*\(/i;
/** Words that start a chain but are not the response read: assertion heads, test handles (Go's and ava's `t`), keywords. */
const NOT_A_ROOT = new Set(['assert', 'await', 'self', 'this', 'it', 't', 'require', 'suite', 'expect', 'new', 'return', 'is', 'not', 'and', 'or', 'in', 'true', 'false', 'null', 'nil', 'none', 'const', 'let', 'var', 'val', 'my', 'typeof', 'instanceof']);
/** An assignment: `body = response.json()`, `const body = await res.json()`, `$json = $response->json()`. */
const ASSIGNMENT = /^\s*(?:(?:const|let|var|val|final|my)\s+)?[$@]?([A-Za-z_]\w*)(?:\s*:\s*[\w<>[\], ]+)?\s*=(?![=>])\s*(.*)$/;

type Line = ReturnType<typeof lineSpan> & { readonly indent: number };

function lineAround(text: string, offset: number): Line {
  const line = lineSpan(text, offset);
  return { ...line, indent: /^[ \t]*/.exec(line.text)![0].length };
}

function isBlank(line: Line): boolean {
  return /^\s*$/.test(line.text);
}

/** The variables a line reads: the first word of each chain, outside strings, that is not a call, a type or a keyword. */
function rootsOf(lineText: string): Set<string> {
  const code = lineText.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""');
  const roots = new Set<string>();
  const word = /[$@]?([A-Za-z_]\w*)/g;
  for (let m = word.exec(code); m; m = word.exec(code)) {
    const name = m[1];
    const before = code.slice(0, m.index);
    if (/(?:\.|->|::|:)\s*$/.test(before) || /^\s*\(/.test(code.slice(m.index + m[0].length))) continue;
    if (!/^[a-z_]/.test(name) || NOT_A_ROOT.has(name.toLowerCase())) continue;
    roots.add(name);
  }
  return roots;
}

/** A status assertion near the code's line. */
interface Candidate {
  readonly mention: StatusMention;
  readonly lineIndex: number;
  readonly distance: number;
  readonly roots: ReadonlySet<string>;
  /** What is read: the line with the status left out, so that two readings of the same thing compare equal. */
  readonly reader: string;
}

/**
 * The error statuses a test expects with the code asserted at `offset`, nearest first: one per
 * thing that holds a status (`response.statusCode`, `body.statusCode`). Empty when the line is not
 * an assertion or no status assertion reads the same response.
 */
export function assertedStatuses(text: string, offset: number, mentionsIn: (from: number, to: number) => readonly StatusMention[]): StatusMention[] {
  const codeLine = lineAround(text, offset);
  if (!ASSERTION.test(codeLine.text)) return [];
  // The lines of the same block around the code's line, nearest first in each direction.
  const lines: Line[] = [codeLine];
  for (let at = codeLine.start, n = 0; at > 0 && n < ASSERTION_LINES_BEFORE; n++) {
    const line = lineAround(text, at - 1);
    if (!isBlank(line) && line.indent < codeLine.indent) break;
    lines.unshift(line);
    at = line.start;
  }
  const codeIndex = lines.length - 1;
  for (let at = codeLine.end, n = 0; at < text.length && n < ASSERTION_LINES_AFTER; n++) {
    const line = lineAround(text, at + 1);
    if (!isBlank(line) && line.indent < codeLine.indent) break;
    lines.push(line);
    at = line.end;
  }

  const candidates: Candidate[] = [];
  lines.forEach((line, lineIndex) => {
    if (lineIndex === codeIndex || !ASSERTION.test(line.text)) return;
    const mentions = mentionsIn(line.start, line.end).filter((m) => m.status >= 400 && m.status <= 599);
    if (mentions.length !== 1) return;
    const [mention] = mentions;
    const reader = (text.slice(line.start, mention.start) + '#' + text.slice(mention.end, line.end)).trim();
    candidates.push({ mention, lineIndex, distance: Math.abs(lineIndex - codeIndex), roots: rootsOf(line.text), reader });
  });
  if (candidates.length === 0) return [];
  candidates.sort((a, b) => a.distance - b.distance || a.lineIndex - b.lineIndex);

  // The code's response and what was assigned from it or to it (`body = response.json()`): one step
  // only, so that two responses from the same client do not pass for one.
  const read = rootsOf(codeLine.text);
  const codeRoots = [...read];
  for (const line of lines) {
    const assignment = ASSIGNMENT.exec(line.text);
    if (!assignment) continue;
    const [, name, value] = assignment;
    const from = rootsOf(value);
    if (codeRoots.includes(name)) for (const r of from) read.add(r);
    else if (codeRoots.some((r) => from.has(r))) read.add(name);
  }
  const sharing = candidates.filter((c) => [...c.roots].some((r) => read.has(r)));
  if (sharing.length > 0) {
    const seen = new Set<string>();
    return sharing.filter((c) => !seen.has(c.reader) && seen.add(c.reader)).map((c) => c.mention);
  }
  // No shared variable (`expect(response).to have_http_status(:not_found)` then `expect(first_error["code"])`):
  // the only status assertion, when nothing but assertions stands between it and the code's line.
  if (candidates.length !== 1) return [];
  const [only] = candidates;
  const between = only.lineIndex < codeIndex ? lines.slice(only.lineIndex + 1, codeIndex) : lines.slice(codeIndex + 1, only.lineIndex);
  return between.every((line) => isBlank(line) || ASSERTION.test(line.text)) ? [only.mention] : [];
}

/** Whether a line asserts, so that a code in it may be paired with a status asserted around it. */
export function isAssertionLine(lineText: string): boolean {
  return ASSERTION.test(lineText);
}
