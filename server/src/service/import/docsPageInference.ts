/**
 * The status of a code the page gives no status for. In order: a status in the code's name
 * (`AUTH-401`), a title that is a status's reason (`Too Many Requests`), the page's status whose
 * words the code's words match (`VAL_001`, "validation errors" ↔ `422 Validation Error`), the
 * standard status those words are typical of, and last a placeholder. Every one of these is a
 * guess and carries a note saying what it rests on.
 */
import type { FoundCode } from './docsPageCodes';
import { REASON_PHRASES } from './httpReasons';
import type { StatusMap } from './docsPageStatuses';
import { contentWords, subjectScorer } from './docsPageWords';

/** Words typical of the common error statuses, for codes on pages that list no statuses. */
const TYPICAL_WORDS: ReadonlyMap<number, string> = new Map([
  [400, 'bad request invalid malformed parameter missing required format syntax'],
  [401, 'unauthorized unauthenticated authentication credentials token login expired signature'],
  [402, 'payment required card declined billing insufficient funds'],
  [403, 'forbidden permission denied access scope role not allowed'],
  [404, 'not found missing exist unknown resource'],
  [405, 'method not allowed'],
  [408, 'request timeout timed'],
  [409, 'conflict already exists duplicate concurrent'],
  [410, 'gone deleted removed'],
  [413, 'too large size payload'],
  [415, 'unsupported media type content'],
  [422, 'unprocessable validation validate semantic'],
  [429, 'too many requests rate limit limited throttled quota'],
  [500, 'internal server unexpected failure'],
  [502, 'bad gateway upstream'],
  [503, 'unavailable maintenance overloaded temporarily'],
  [504, 'gateway timeout upstream'],
]);

function codeWords(code: FoundCode): Set<string> {
  return contentWords([code.code.replace(/[_.:-]+/g, ' '), code.title, code.message, code.description, code.group].filter(Boolean).join(' '));
}

function describe(code: FoundCode): string {
  if (code.title) return `its title "${code.title}"`;
  if (code.message) return `its message "${code.message}"`;
  return 'its name';
}

/** Sets `status`, `statusSource` and `statusNote` of each code that has no status from the page. */
export function inferCodeStatuses(codes: readonly FoundCode[], statuses: StatusMap): void {
  const pageStatuses = [...statuses.values()].filter((status) => status.status >= 400 && !status.addedFor);
  const pageScorer = subjectScorer(pageStatuses.map((status) => contentWords([status.reason, status.meaning, status.description].filter(Boolean).join(' '))));
  const typical = [...TYPICAL_WORDS.entries()];
  const typicalScorer = subjectScorer(typical.map(([status, words]) => contentWords(`${REASON_PHRASES.get(status) ?? ''} ${words}`)));

  for (const code of codes) {
    if (code.status !== undefined) continue;
    const inName = /(?:^|[_.:-])([1-5]\d\d)(?:$|[_.:-])/.exec(code.code);
    if (inName && REASON_PHRASES.has(Number(inName[1]))) {
      code.status = Number(inName[1]);
      code.statusSource = 'name';
      code.statusNote = `read from the code's name (${inName[1]}); the page gives no status`;
      continue;
    }
    const titleWords = code.title?.toLowerCase().split(/\s+/).join(' ');
    const byTitle = titleWords ? [...REASON_PHRASES.entries()].find(([status, reason]) => status >= 400 && reason.toLowerCase() === titleWords) : undefined;
    if (byTitle) {
      code.status = byTitle[0];
      code.statusSource = 'title';
      code.statusNote = `the code's title is the reason of ${byTitle[0]}; the page gives no status`;
      continue;
    }
    const words = codeWords(code);
    const scores = pageScorer(words);
    const best = Math.max(0, ...scores);
    const winners = pageStatuses.filter((_, i) => scores[i] === best);
    if (best > 0 && winners.length === 1) {
      const status = winners[0];
      code.status = status.status;
      code.statusSource = 'inferred';
      code.statusNote = `inferred from ${describe(code)}, which matches ${status.status} (${status.meaning ?? status.description ?? status.reason}) on the page; the page gives no status for the code`;
      continue;
    }
    const typicalScores = typicalScorer(words);
    const typicalBest = Math.max(0, ...typicalScores);
    const typicalWinners = typical.filter((_, i) => typicalScores[i] === typicalBest);
    if (typicalBest > 0 && typicalWinners.length === 1) {
      code.status = typicalWinners[0][0];
      code.statusSource = 'inferred';
      code.statusNote = `inferred from ${describe(code)}, which reads like ${typicalWinners[0][0]} ${REASON_PHRASES.get(typicalWinners[0][0])}; the page gives no status for the code`;
      continue;
    }
    const server = /server|internal|unexpected|unavailable|timeout/i.test([...words].join(' '));
    code.status = server ? 500 : 400;
    code.statusSource = 'fallback';
    code.statusNote = `the page gives no status for this code and none could be inferred; ${code.status} is a placeholder, set the real one`;
  }
}
