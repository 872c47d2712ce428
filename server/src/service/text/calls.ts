/** Reading calls in source text: a call's arguments, and the name a helper is known by. */

/** The offsets of the argument at `index` of the call whose `(` is at `open`, or undefined when the call has fewer. */
export function argumentAt(text: string, open: number, index: number, limit: number): { start: number; end: number } | undefined {
  const found = walkArguments(text, open, index, limit);
  return found && found.index === index ? found : undefined;
}

/** The offset of the `)` that closes the call whose `(` is at `open`, if it comes before `limit`. */
export function closingParenthesis(text: string, open: number, limit: number): number | undefined {
  const last = walkArguments(text, open, Infinity, limit);
  return last && text[last.end] === ')' ? last.end : undefined;
}

/** The argument at `index`, or the last one when the call closes first (its end then at the `)`). */
function walkArguments(text: string, open: number, index: number, limit: number): { start: number; end: number; index: number } | undefined {
  let depth = 0;
  let current = 0;
  let start = open + 1;
  for (let i = open + 1; i < limit; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      while (j < limit && text[j] !== ch && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      i = j;
    } else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) depth--;
    else if ((ch === ',' || ch === ')') && depth === 0) {
      if (current === index || ch === ')') return { start, end: i, index: current };
      current++;
      start = i + 1;
    }
  }
  return undefined;
}

/** A call's function as the workspace's helpers are known: the last link, or the class for `X.new` (Ruby). */
export function calleeName(chain: string): string {
  const parts = chain.split(/\s*(?:\.|::|->)\s*/);
  const last = parts[parts.length - 1];
  return last === 'new' && parts.length > 1 ? parts[parts.length - 2] : last;
}
