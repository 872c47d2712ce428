/**
 * Hover: an error code anywhere in a file (string, identifier, comment, JSON/YAML value,
 * Markdown), or an HTTP status where it is used as one.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CatalogSet, CodeHit } from '../catalog/catalogSet';
import { explainCode, explainStatus } from '../render/explain';
import { constantAt, type ConstantReference, type ReadingContext } from '../index/constantReferences';
import { codeCandidatesAt, isCodeQualifier, statusConstantAt, statusNumberAt, type TextSpan } from '../text/textScan';

export interface HoverOptions {
  /** Explain HTTP statuses (`res.status(429)`, `http.StatusTooManyRequests`). */
  readonly statuses: boolean;
}

export interface CodeAtPosition {
  readonly span: TextSpan;
  readonly hits: readonly CodeHit[];
  /** The constant the span names, when the code is written as one (`ErrorCode.SlotTaken`). */
  readonly constant?: ConstantReference;
}

/**
 * The catalog code under the cursor, if any: the basis of hover and navigation. A string literal or a
 * code written out comes first; then a constant of the workspace that stands for a code (`reading`
 * gives the index); then, failing those, a member of a code qualifier whose name reads like a code
 * (`ErrorCode.RateLimited` for `RATE_LIMITED`).
 */
export function findCodeAt(text: string, offset: number, set: CatalogSet, reading?: ReadingContext): CodeAtPosition | undefined {
  const candidates = codeCandidatesAt(text, offset);
  for (const candidate of candidates.slice(0, 2)) {
    const exact = set.findCode(candidate.text);
    if (exact.length > 0 && !('qualifier' in candidate)) return { span: candidate, hits: exact };
  }
  const constant = reading ? constantAt(reading, offset) : undefined;
  if (constant) {
    const hits = set.findCode(constant.binding.value);
    if (hits.length > 0) return { span: { text: text.slice(constant.start, constant.end), start: constant.start, end: constant.end }, hits, constant };
  }
  for (const candidate of candidates) {
    const exact = set.findCode(candidate.text);
    if (exact.length > 0) return { span: candidate, hits: exact };
    if (isCodeQualifier(candidate.qualifier)) {
      const normalized = set.findNormalized(candidate.text);
      if (normalized.length > 0) return { span: candidate, hits: normalized };
    }
  }
  return undefined;
}

/** Explanations per set: a set lives until a catalog or setting changes, so its explanations stay true. */
const explanations = new WeakMap<CatalogSet, Map<CodeHit['entry'], string>>();

function explainCached(hits: readonly CodeHit[], set: CatalogSet): string {
  const [first, ...rest] = hits;
  let cache = explanations.get(set);
  if (!cache) explanations.set(set, (cache = new Map()));
  let value = cache.get(first.entry);
  if (value === undefined) {
    value = explainCode(first, set, rest.map((h) => h.catalog).filter((c) => c !== first.catalog));
    cache.set(first.entry, value);
  }
  return value;
}

export function doHover(document: TextDocument, position: Position, set: CatalogSet, options: HoverOptions, reading?: ReadingContext): Hover | null {
  const text = document.getText();
  const offset = document.offsetAt(position);
  const range = (span: TextSpan) => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) });

  // Named status constants first: `HttpStatus.NOT_FOUND` is a status even where a code is called NOT_FOUND.
  const constant = options.statuses ? statusConstantAt(text, offset, (name) => set.statusOfName(name)) : undefined;
  const code = constant ? undefined : findCodeAt(text, offset, set, reading);
  if (code) {
    return { contents: { kind: 'markdown', value: explainCached(code.hits, set) }, range: range(code.span) };
  }
  if (!options.statuses) return null;
  const mention = constant ?? statusNumberAt(text, offset, (status) => set.reasonOf(status));
  if (!mention) return null;
  const info = set.statusInfo(mention.status);
  if (!info) return null;
  return { contents: { kind: 'markdown', value: explainStatus(info, set) }, range: range(mention) };
}
