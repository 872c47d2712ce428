/** Reading calls in source text: a call's arguments, and the name a helper is known by. */

/** The offsets of the argument at `index` of the call whose `(` is at `open`, or undefined when the call has fewer. */
export function argumentAt(text: string, open: number, index: number, limit: number): { start: number; end: number } | undefined {
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
      if (current === index) return { start, end: i };
      if (ch === ')') return undefined;
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
