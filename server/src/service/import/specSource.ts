/**
 * An OpenAPI document served as a catalog: the catalog imported from it in memory, whose
 * positions are the document's own, so that definition, the hover's file name and the catalog's
 * problems all point back into the spec rather than into a file that does not exist.
 */
import type { Node as YamlNode } from 'yaml';
import { yamlLibrary } from '../catalog/catalogSyntax';
import { positionsOf, type CatalogLoadResult } from '../catalog/catalogLoader';
import { CatalogProblemCode, type Catalog, type CatalogProblem, type OffsetRange } from '../catalog/model';
import type { CatalogDraft, DraftOrigin } from './catalogDraft';

/** Left-out parts named in the one diagnostic that lists them. */
const MAX_LEFT_OUT_SHOWN = 5;

/** How far into a file the markers of an OpenAPI document are looked for. */
const HEAD_LENGTH = 4096;

/** Whether a file's text is an OpenAPI or Swagger document: a top-level `openapi:` or `swagger:` key. */
export function looksLikeOpenApi(text: string): boolean {
  const head = text.slice(0, HEAD_LENGTH);
  return /^['"]?(?:openapi|swagger)['"]?\s*:/m.test(head) || /^\s*\{[\s\S]*?"(?:openapi|swagger)"\s*:/.test(head);
}

export interface SpecFile {
  readonly uri: string;
  /** The file's path, as the draft's origins name it. */
  readonly path: string;
  readonly text: string;
}

/** Keys from the root to a node, and the node's key or value range there. */
function rangeAtPointer(root: YamlNode | null, pointer: readonly (string | number)[], part: 'key' | 'value'): OffsetRange | undefined {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  let node: unknown = root;
  let keyRange: OffsetRange | undefined;
  for (const step of pointer) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && String(isScalar(item.key) ? item.key.value : item.key) === String(step));
      if (!pair) return undefined;
      const key = pair.key as YamlNode | undefined;
      keyRange = key?.range ? { start: key.range[0], end: key.range[1] } : undefined;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      keyRange = undefined;
    } else {
      return undefined;
    }
  }
  const range = (node as YamlNode | null)?.range;
  const valueRange = range ? { start: range[0], end: range[1] } : undefined;
  return part === 'key' ? keyRange ?? valueRange : valueRange ?? keyRange;
}

/** The origin recorded for the deepest part of the catalog at or above `path`, in the spec file itself. */
function originOf(origins: readonly DraftOrigin[], specPath: string, path: readonly (string | number)[]): DraftOrigin | undefined {
  let best: DraftOrigin | undefined;
  for (const origin of origins) {
    if (origin.file !== specPath || origin.path.length > path.length) continue;
    if (!origin.path.every((segment, i) => String(segment) === String(path[i]))) continue;
    if (!best || origin.path.length > best.path.length) best = origin;
  }
  return best;
}

/**
 * The catalog loaded from a spec's draft, moved onto the spec: its URI is the spec's, a part's
 * range is where the importer read it in the spec (the nearest recorded origin, else the top of
 * the file), and each problem of the draft is reported at the top of the spec, saying it is the
 * imported catalog's.
 */
export function servedFromSpec(loaded: CatalogLoadResult, spec: SpecFile, draft: CatalogDraft): CatalogLoadResult {
  const top: OffsetRange = { start: 0, end: Math.min(1, spec.text.length) };
  let document: YamlNode | null | undefined;
  const specRoot = () => {
    if (document === undefined) {
      try {
        document = yamlLibrary().parseDocument(spec.text, { uniqueKeys: false, strict: false }).contents as YamlNode | null;
      } catch {
        document = null;
      }
    }
    return document;
  };
  const problems: CatalogProblem[] = loaded.problems.map((problem) => ({
    ...problem,
    message: `The catalog imported from this OpenAPI document: ${problem.message}`,
    range: top,
  }));
  // What the import left out (a `$ref` to the network, another error body shape) is said once, at the top: the user edits the spec, not the catalog.
  if (draft.leftOut.length > 0) {
    const shown = draft.leftOut.slice(0, MAX_LEFT_OUT_SHOWN).map((item) => `${item.where}: ${item.what}`);
    const more = draft.leftOut.length > MAX_LEFT_OUT_SHOWN ? ` And ${draft.leftOut.length - MAX_LEFT_OUT_SHOWN} more.` : '';
    problems.push({ code: CatalogProblemCode.OpenApiImport, severity: 'information', message: `Not in the catalog served from this document: ${shown.join('; ')}.${more}`, range: top });
  }
  if (!loaded.catalog) return { problems };
  const catalog: Catalog = {
    ...loaded.catalog,
    uri: spec.uri,
    sourceUri: spec.uri,
    rangeOf: (path, part = 'value') => {
      const origin = originOf(draft.origins, spec.path, path);
      if (!origin) return top;
      const pointerPart = origin.path.length === path.length ? part : 'value';
      return rangeAtPointer(specRoot(), origin.pointer, pointerPart) ?? top;
    },
    positionAt: positionsOf(spec.text),
  };
  return { catalog, problems };
}
