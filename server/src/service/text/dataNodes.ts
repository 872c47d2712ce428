/**
 * Error bodies written as data: in a JSON fixture or an OpenAPI `example:` in YAML, the mapping
 * that is the whole body around a code. A fix rewrites that node, so the document keeps one
 * body with one code key, never a second body beside the first.
 */
import * as jsonc from 'jsonc-parser';
import type { Node as YamlNode } from 'yaml';
import { lineIndentAt } from './scopes';

/** A mapping node of a data document. */
export interface DataNode {
  readonly start: number;
  readonly end: number;
  /** Written `{ … }` (flow, or JSON) rather than as an indented block. */
  readonly flow: boolean;
  /** The indentation its lines take: a block mapping's column, a flow mapping's line indentation. */
  readonly indent: string;
}

/** A key path through a body: member names, and `-1` for any element of an array. */
export type BodyPath = readonly (string | -1)[];

/** The path of the member whose value is exactly `${name}` in an envelope template, arrays included. */
export function templatePath(template: unknown, name: string): BodyPath | undefined {
  if (typeof template === 'string') return template === `\${${name}}` ? [] : undefined;
  if (Array.isArray(template)) {
    for (const item of template) {
      const inner = templatePath(item, name);
      if (inner) return [-1, ...inner];
    }
    return undefined;
  }
  if (!template || typeof template !== 'object') return undefined;
  for (const [key, value] of Object.entries(template)) {
    const inner = templatePath(value, name);
    if (inner) return [key, ...inner];
  }
  return undefined;
}

interface Found {
  /** The mappings and arrays from the root to the value holding the offset, with the key or index each is under. */
  readonly chain: readonly { readonly key: string | number | undefined; readonly node: DataNode | undefined }[];
}

let yamlModule: typeof import('yaml') | undefined;

function yamlChain(text: string, offset: number): Found | undefined {
  yamlModule ??= require('yaml') as typeof import('yaml');
  const { parseDocument, isMap, isSeq, isScalar } = yamlModule;
  const document = parseDocument(text, { uniqueKeys: false });
  if (document.errors.length > 0) return undefined;
  const chain: { key: string | number | undefined; node: DataNode | undefined }[] = [];
  const asNode = (node: YamlNode, flow: boolean): DataNode => {
    const [start, valueEnd] = node.range ?? [0, 0];
    // A block node's range runs on over the line break and indentation after it.
    const end = start + text.slice(start, valueEnd).trimEnd().length;
    return { start, end, flow, indent: flow ? lineIndentAt(text, start) : ' '.repeat(start - (text.lastIndexOf('\n', start - 1) + 1)) };
  };
  let current: unknown = document.contents;
  let key: string | number | undefined;
  for (let depth = 0; depth < 64 && current; depth++) {
    if (isMap(current)) {
      chain.push({ key, node: asNode(current, current.flow === true) });
      const pair = current.items.find((p) => {
        const value = p.value as YamlNode | null;
        return value?.range && offset >= value.range[0] && offset <= value.range[1];
      });
      if (!pair) return undefined;
      key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      current = pair.value;
    } else if (isSeq(current)) {
      chain.push({ key, node: undefined });
      const index = current.items.findIndex((item) => {
        const range = (item as YamlNode | null)?.range;
        return range && offset >= range[0] && offset <= range[1];
      });
      if (index < 0) return undefined;
      key = index;
      current = current.items[index];
    } else if (isScalar(current)) {
      chain.push({ key, node: undefined });
      return { chain };
    } else return undefined;
  }
  return undefined;
}

function jsonChain(text: string, offset: number): Found | undefined {
  const root = jsonc.parseTree(text);
  const leaf = root && jsonc.findNodeAtOffset(root, offset);
  if (!leaf || leaf.type !== 'string') return undefined;
  // A value, not a key.
  if (!(leaf.parent?.type === 'array' || (leaf.parent?.type === 'property' && leaf.parent.children?.[1] === leaf))) return undefined;
  const nodes: jsonc.Node[] = [];
  for (let node: jsonc.Node | undefined = leaf; node; node = node.parent) if (node.type !== 'property') nodes.unshift(node);
  return {
    chain: nodes.map((node) => {
      const property = node.parent?.type === 'property' ? node.parent.children?.[0]?.value as string : undefined;
      const index = node.parent?.type === 'array' ? node.parent.children?.indexOf(node) : undefined;
      const key = property ?? index;
      return { key, node: node.type === 'object' ? { start: node.offset, end: node.offset + node.length, flow: true, indent: lineIndentAt(text, node.offset) } : undefined };
    }),
  };
}

/**
 * The body around the code value at `offset`: where the envelope's path to the code ends at it,
 * the node that many levels up; otherwise the mapping holding the code, and the mappings around
 * it that are under one of the envelope's own keys (`error`, `extensions`).
 */
export function bodyNodeAt(text: string, languageId: string, offset: number, codePath: BodyPath, envelopeKeys: ReadonlySet<string>): DataNode | undefined {
  const found = languageId === 'yaml' ? safely(() => yamlChain(text, offset)) : safely(() => jsonChain(text, offset));
  if (!found || found.chain.length < 2) return undefined;
  const { chain } = found;
  const keys = chain.map((c) => c.key);
  const matches = codePath.length < chain.length && codePath.every((step, i) => {
    const key = keys[keys.length - codePath.length + i];
    return step === -1 ? typeof key === 'number' : key === step;
  });
  if (matches) return chain[chain.length - 1 - codePath.length].node;
  let at = chain.length - 2;
  if (!chain[at].node) return undefined;
  while (at > 0) {
    const key = chain[at].key;
    const parent = chain[at - 1];
    if (typeof key === 'string' && envelopeKeys.has(key) && parent.node) at--;
    else if (typeof key === 'number' && at > 1 && typeof chain[at - 1].key === 'string' && envelopeKeys.has(chain[at - 1].key as string) && chain[at - 2].node) at -= 2;
    else break;
  }
  return chain[at].node;
}

function safely<T>(read: () => T | undefined): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Every member name in an envelope template below its top level: keys a body's inner mappings sit under. */
export function innerKeysOf(template: unknown): Set<string> {
  const keys = new Set<string>();
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (inner && typeof inner === 'object') keys.add(key);
        walk(inner);
      }
    }
  };
  walk(template);
  return keys;
}
