/**
 * Words for telling what a passage of an error page is about: which status a code's title
 * describes (`validation errors` ↔ `422 Validation Error`), which status a tip is for. Words are
 * lower-cased and stemmed, and words every error page uses everywhere are left out, as they tell
 * one status from another no better than `the` does.
 */

const STOP_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'if', 'then', 'else', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as', 'is', 'are', 'was', 'were', 'be',
  'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'not', 'no', 'this', 'that', 'these', 'those', 'it', 'its', 'you', 'your', 'yours', 'we', 'our',
  'us', 'they', 'their', 'them', 'i', 'me', 'my', 'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must', 'shall', 'than', 'so', 'such', 'any',
  'all', 'some', 'each', 'every', 'there', 'here', 'what', 'which', 'who', 'whom', 'when', 'where', 'why', 'how', 'also', 'only', 'just', 'into', 'out',
  'up', 'down', 'over', 'about', 'after', 'before', 'between', 'e', 'g', 'eg', 'ie', 'etc', 'more', 'most', 'very', 'too', 'don', 't', 's', 're', 've',
  'll', 'd', 'via', 'per', 'whether', 'within', 'while', 'because', 'due', 'get', 'gets', 'got',
  // Words every error page uses for every status.
  'api', 'error', 'errors', 'request', 'requests', 'response', 'responses', 'status', 'statuses', 'code', 'codes', 'http', 'please', 'make', 'sure',
  'ensure', 'check', 'verify', 'use', 'using', 'used', 'handle', 'handling', 'returned', 'return', 'returns', 'occurred', 'occurs', 'happen', 'happens',
]);

/** A light stemmer: enough to take `validation`, `validated` and `validate` for one word, and `keys` for `key`. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const [suffix, replacement] of [['ations', 'at'], ['ation', 'at'], ['ating', 'at'], ['ated', 'at'], ['ingly', ''], ['ing', ''], ['edly', ''], ['ed', ''], ['ly', ''], ['ment', ''], ['ness', ''], ['ions', ''], ['ion', '']] as const) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length) + replacement;
      // `formatted` → `format`, `stopped` → `stop`.
      if ((suffix === 'ed' || suffix === 'ing') && /([b-df-hj-km-np-rtv-z])\1$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The content words of a text, stemmed. Codes contribute their parts (`RATE_LIMITED` → rate, limit). */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  const spaced = text.replace(/([a-z])([A-Z])/g, '$1 $2');
  for (const raw of spaced.toLowerCase().split(/[^a-z0-9]+/)) {
    if (raw.length < 2 || STOP_WORDS.has(raw) || /^\d+$/.test(raw)) continue;
    words.add(stem(raw));
  }
  return words;
}

/**
 * How strongly a passage is about each of several subjects: the words it shares with each,
 * weighted so that a word shared with every subject counts for little and a word only one
 * subject has counts for much (inverse document frequency). Frequencies are counted once, so
 * scoring many passages against the same subjects stays linear.
 */
export function subjectScorer(subjects: readonly ReadonlySet<string>[]): (passage: ReadonlySet<string>) => number[] {
  const frequency = new Map<string, number>();
  for (const subject of subjects) for (const word of subject) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  return (passage) =>
    subjects.map((subject) => {
      let score = 0;
      for (const word of passage) if (subject.has(word)) score += Math.log(1 + subjects.length / (frequency.get(word) ?? 1));
      return score;
    });
}
