/**
 * The error envelope, learned from the response bodies the workspace writes around its codes
 * (`{ errors: [{ message, extensions: { code } }] }`, `{"error": {"code", "message"}, "request_id"}`)
 * and from the types that declare the body (a Go struct with `json` tags, a TypeScript interface,
 * a Java record): the shape most bodies share, its members seen in some bodies only as optional,
 * and the members a declared type adds (`json:",omitempty"`, `resource?: string`) as optional too.
 */
import { ARRAY_ITEM } from '../catalog/envelope';
import type { BodyShape, ShapeNode } from './fromCodeSites';
import { MESSAGE_KEY } from './fromCodeSites';
import { memberOf, type SourceFile } from './fromCodeText';

/** A member a type declares: its name in the body, whether it may be left out, and whether it holds the code or the status. */
export interface DeclaredMember {
  readonly key: string;
  readonly optional: boolean;
  readonly role?: 'code' | 'status';
}

/** A type that declares a body's members. */
export interface DeclaredBody {
  readonly name: string;
  readonly members: readonly DeclaredMember[];
  readonly uri: string;
  readonly line: number;
}

export interface LearnedEnvelope {
  readonly body: Record<string, unknown>;
  readonly optional: readonly string[];
  /** The keys from the body's root to the code (`[]` for a list's items). */
  readonly codePath: readonly string[];
  /** Why the envelope is what it is, where that is a guess (several shapes, members seen once, no body at all). */
  readonly notes: readonly string[];
  /** Whether no body was found and the envelope is the usual one. */
  readonly assumed: boolean;
}

/** Where a body was seen, for notes. */
export type PlaceOf = (uri: string, line: number) => string;

/** A path through a shape: keys and `[]`. */
type Path = readonly string[];

interface Leaf {
  readonly role: 'code' | 'status' | 'status-string' | 'value';
  readonly literal?: string | number | boolean;
}

/**
 * The envelope the bodies share, merged with a declared type that fits it; the usual `{ code, message }`
 * when nothing was seen. Declared types are taken in order: put first those of the files that hold the codes.
 */
export function learnEnvelope(bodies: readonly BodyShape[], declared: readonly DeclaredBody[], placeOf: PlaceOf): LearnedEnvelope {
  if (bodies.length === 0) return fromDeclaredOnly(declared, placeOf);
  const groups = new Map<string, BodyShape[]>();
  for (const body of bodies) {
    const key = body.codePath.join('/');
    groups.set(key, [...(groups.get(key) ?? []), body]);
  }
  const ranked = [...groups.values()].sort((a, b) => b.length - a.length);
  const chosen = ranked[0];
  const notes: string[] = [];
  if (ranked.length > 1) {
    const others = ranked.slice(1).map((group) => `${group.length} with the code at ${group[0].codePath.join('.')} (${placeOf(group[0].uri, group[0].line)})`);
    notes.push(`${chosen.length} of ${bodies.length} bodies have the code at ${chosen[0].codePath.join('.')}; not taken: ${others.join(', ')}`);
  }

  // Each path's count over the bodies, its leaf, and the order paths are first seen in.
  const counts = new Map<string, number>();
  const leaves = new Map<string, Leaf[]>();
  const order: string[] = [];
  for (const body of chosen) {
    const seen = new Set<string>();
    walk(body.root, [], (path, leaf) => {
      const key = path.join('/');
      if (!counts.has(key)) order.push(key);
      if (!seen.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
      seen.add(key);
      if (leaf) leaves.set(key, [...(leaves.get(key) ?? []), leaf]);
    });
  }
  const codeKey = chosen[0].codePath.join('/');
  const n = chosen.length;
  const required = new Set<string>();
  const optional = new Set<string>();
  const once: string[] = [];
  for (const key of order) {
    if (!leaves.has(key)) continue;
    const count = counts.get(key) ?? 0;
    if (key === codeKey || count * 2 > n) required.add(key);
    else if (count >= 2) optional.add(key);
    else once.push(key);
  }
  const seenInSome = [...optional].map(lastKey);

  // Members a declared type adds beside the code, where the type has every member the bodies agree on.
  const parentPath = chosen[0].codePath.slice(0, -1);
  const siblings = [...required].filter((key) => isChildOf(key, parentPath)).map(lastKey);
  const fitting = declared.find((type) => siblings.every((key) => type.members.some((m) => m.key === key)));
  const addedByType: string[] = [];
  if (fitting) {
    for (const member of fitting.members) {
      const key = [...parentPath, member.key].join('/');
      if (required.has(key) || optional.has(key)) continue;
      optional.add(key);
      order.push(key);
      addedByType.push(member.key);
    }
    if (addedByType.length > 0) notes.push(`optional, declared by ${fitting.name} (${placeOf(fitting.uri, fitting.line)}) but not written in every body: ${addedByType.join(', ')}`);
  }
  const leftOut = once.filter((key) => !optional.has(key));
  if (seenInSome.length > 0) notes.push(`optional, seen in some bodies only: ${seenInSome.join(', ')}`);
  if (leftOut.length > 0) notes.push(`left out, seen in one body of ${n}: ${leftOut.map((k) => k.split('/').filter((p) => p !== ARRAY_ITEM).join('.')).join(', ')}`);

  const kept = order.filter((key) => required.has(key) || optional.has(key));
  const body = buildTemplate(kept.map((key) => ({ path: key.split('/'), leaves: leaves.get(key) ?? [] })));
  return { body, optional: [...new Set([...optional].map(lastKey))], codePath: chosen[0].codePath, notes, assumed: false };
}

/** The envelope from a declared body type alone, or the usual `{ code, message }`. */
function fromDeclaredOnly(declared: readonly DeclaredBody[], placeOf: PlaceOf): LearnedEnvelope {
  const type = declared[0];
  const codeMember = type?.members.find((m) => m.role === 'code');
  if (type && codeMember) {
    const body: Record<string, unknown> = {};
    const keys = type.members.map((m) => m.key);
    for (const member of type.members) body[member.key] = member.role === 'code' ? '${code}' : member.role === 'status' ? '${status}' : placeholderFor(member.key, keys);
    return {
      body,
      optional: type.members.filter((m) => m.optional && m.role === undefined).map((m) => m.key),
      codePath: [codeMember.key],
      notes: [`no response body carrying a code was found; taken from the type ${type.name} (${placeOf(type.uri, type.line)})`],
      assumed: false,
    };
  }
  return {
    body: { code: '${code}', message: '${message}' },
    optional: [],
    codePath: ['code'],
    notes: ['no response body carrying a code was found; the usual { code, message } is assumed'],
    assumed: true,
  };
}

function lastKey(key: string): string {
  return key.split('/').filter((p) => p !== ARRAY_ITEM).pop() ?? key;
}

function isChildOf(key: string, parent: Path): boolean {
  const parts = key.split('/');
  return parts.length === parent.length + 1 && parent.every((p, i) => parts[i] === p);
}

function walk(node: ShapeNode, path: string[], visit: (path: Path, leaf?: Leaf) => void): void {
  if (node.kind === 'leaf') {
    visit(path, { role: node.role, ...(node.literal !== undefined ? { literal: node.literal } : {}) });
  } else if (node.kind === 'array') {
    if (node.item) walk(node.item, [...path, ARRAY_ITEM], visit);
    else visit([...path, ARRAY_ITEM], { role: 'value' });
  } else {
    for (const { key, node: child } of node.members) walk(child, [...path, key], visit);
  }
}

/** A body template being built: members, a list's item, or a leaf's value. */
interface TemplateNode {
  members?: Map<string, TemplateNode>;
  item?: TemplateNode;
  value?: unknown;
}

/** The body template from its leaf paths, in order, each leaf a placeholder or the literal every body writes. */
function buildTemplate(paths: readonly { path: readonly string[]; leaves: readonly Leaf[] }[]): Record<string, unknown> {
  // Keys beside each other, so that `detail` stands for the message only where no `message` does.
  const keysAt = new Map<string, string[]>();
  for (const { path } of paths) {
    const parent = path.slice(0, -1).join('/');
    keysAt.set(parent, [...(keysAt.get(parent) ?? []), path[path.length - 1]]);
  }
  const root: TemplateNode = {};
  for (const { path, leaves } of paths) {
    let node = root;
    for (const key of path) {
      if (key === ARRAY_ITEM) node = node.item ??= {};
      else {
        node.members ??= new Map();
        let child = node.members.get(key);
        if (!child) node.members.set(key, (child = {}));
        node = child;
      }
    }
    const name = [...path].reverse().find((key) => key !== ARRAY_ITEM) ?? 'value';
    node.value = leafValue(name, leaves, keysAt.get(path.slice(0, -1).join('/')) ?? []);
  }
  const plain = (node: TemplateNode): unknown => {
    if (node.members) return Object.fromEntries([...node.members].map(([key, child]) => [key, plain(child)]));
    if (node.item) return [plain(node.item)];
    return node.value;
  };
  return (plain(root) as Record<string, unknown> | undefined) ?? {};
}

function leafValue(key: string, leaves: readonly Leaf[], siblings: readonly string[]): unknown {
  if (leaves.some((l) => l.role === 'code')) return '${code}';
  const statusLeaves = leaves.filter((l) => l.role === 'status' || l.role === 'status-string');
  if (statusLeaves.length * 2 >= leaves.length && statusLeaves.length > 0) {
    return statusLeaves.filter((l) => l.role === 'status-string').length * 2 > statusLeaves.length ? '${status:string}' : '${status}';
  }
  // A value every body writes the same is part of the envelope as it is (`success: false`, `type: about:blank`).
  const literals = leaves.map((l) => l.literal);
  if (leaves.length >= 2 && literals.every((l) => l !== undefined && l === literals[0])) return literals[0];
  return placeholderFor(key, siblings);
}

/** The placeholder a member's value is written as: the catalog's own names for the usual members, else the member's name. */
function placeholderFor(key: string, siblings: readonly string[]): string {
  if (/^(?:message|msg|error_message|errorMessage)$/i.test(key)) return '${message}';
  const hasMessage = siblings.some((s) => /^(?:message|msg|error_message|errorMessage)$/i.test(s));
  if (!hasMessage && /^(?:detail|description|error_description)$/i.test(key)) {
    const first = siblings.find((s) => /^(?:detail|description|error_description)$/i.test(s));
    if (first === key) return '${message}';
  }
  if (/^(?:request_?id|trace_?id|correlation_?id)$/i.test(key)) return '${requestId}';
  if (/^retry_?after$/i.test(key)) return '${retryAfter}';
  if (/^details$/i.test(key)) return '${details}';
  return `\${${key}}`;
}

// ---- declared body types ----

const ERRORISH_TYPE = /error|problem|fault|failure/i;

/** The role a member's name gives it: `code`, `error_code` and `errorCode` hold the code, `status` and its kin the status. */
function roleOfKey(key: string): DeclaredMember['role'] {
  if (/^(?:code|error_?code|errorCode)$/.test(key)) return 'code';
  return /^(?:(?:http_?)?status(?:_?code)?|http_?code)$/i.test(key) ? 'status' : undefined;
}

/** Types in a file that declare an error body: named like an error, with a member for the code and one for a message. */
export function declaredBodiesOf(file: SourceFile): DeclaredBody[] {
  const found: DeclaredBody[] = [];
  const { text } = file;
  const add = (name: string, at: number, declaredMembers: { key: string; optional: boolean; role?: DeclaredMember['role'] }[]) => {
    const members = declaredMembers.map((m): DeclaredMember => {
      const role = m.role ?? roleOfKey(m.key);
      return { key: m.key, optional: m.optional, ...(role ? { role } : {}) };
    });
    if (!ERRORISH_TYPE.test(name) || !members.some((m) => m.role === 'code')) return;
    if (!members.some((m) => MESSAGE_KEY.test(m.key) || /^title$/i.test(m.key))) return;
    found.push({ name, members, uri: file.uri, line: file.lineOf(at) });
  };
  switch (file.family) {
    case 'go':
      for (const m of text.matchAll(/\btype\s+([A-Z]\w*)\s+struct\s*\{/g)) {
        const open = (m.index ?? 0) + m[0].length - 1;
        if (!file.isCode(open)) continue;
        const close = file.closeOf(open);
        if (close < 0) continue;
        const members: { key: string; optional: boolean; role?: DeclaredMember['role'] }[] = [];
        // A field's name says what it holds where its JSON name does not: `HTTPStatus int \`json:"code"\``.
        for (const field of text.slice(open, close).matchAll(/^[ \t]*([A-Z]\w*)[ \t]+[^\n`]*`[^`\n]*\bjson:"([^",]*)((?:,[a-z]+)*)"[^`\n]*`/gm)) {
          if (field[2] === '-' || field[2] === '') continue;
          const role = /Status/.test(field[1]) ? 'status' : /^(?:Error)?Code$/.test(field[1]) ? 'code' : undefined;
          members.push({ key: field[2], optional: /omitempty/.test(field[3]), ...(role ? { role } : {}) });
        }
        add(m[1], m.index ?? 0, members);
      }
      break;
    case 'script':
      for (const m of text.matchAll(/\b(?:interface\s+([A-Z][\w$]*)(?:\s+extends\s+[^{]+)?|type\s+([A-Z][\w$]*)\s*=)\s*\{/g)) {
        const open = (m.index ?? 0) + m[0].length - 1;
        if (!file.isCode(open)) continue;
        const close = file.closeOf(open);
        if (close < 0) continue;
        const members = file.splitTopLevel(open + 1, close, true).flatMap((span) => {
          const member = memberOf(file, span, 'type');
          return member?.key !== undefined && member.kind === 'name' ? [{ key: member.key, optional: member.optional === true }] : [];
        });
        add(m[1] ?? m[2], m.index ?? 0, members);
      }
      break;
    case 'java':
    case 'kotlin':
      for (const m of text.matchAll(/\b(?:record|data\s+class)\s+([A-Z]\w*)\s*(?:<[^>]*>)?\s*\(/g)) {
        const open = (m.index ?? 0) + m[0].length - 1;
        if (!file.isCode(open)) continue;
        const close = file.closeOf(open);
        if (close < 0) continue;
        const members = file.splitTopLevel(open + 1, close).flatMap((span) => {
          const parameter = text.slice(span.start, span.end).replace(/@\w+(?:\([^)]*\))?\s*/g, '').trim();
          const kotlin = /^(?:va[lr]\s+)?([A-Za-z_]\w*)\s*:\s*([^=]+?)(\s*=.*)?$/.exec(parameter);
          if (file.family === 'kotlin' && kotlin) return [{ key: kotlin[1], optional: kotlin[2].trim().endsWith('?') || kotlin[3] !== undefined }];
          const java = /([A-Za-z_]\w*)\s*$/.exec(parameter);
          return java ? [{ key: java[1], optional: false }] : [];
        });
        add(m[1], m.index ?? 0, members);
      }
      break;
    case 'python':
      for (const m of text.matchAll(/^class\s+([A-Z]\w*)\s*\(\s*(?:BaseModel|TypedDict|Schema)\s*\)\s*:\s*\n((?:[ \t]+[^\n]*\n?)+)/gm)) {
        const members: { key: string; optional: boolean }[] = [];
        for (const field of m[2].matchAll(/^[ \t]+([A-Za-z_]\w*)\s*:\s*([^=\n]+?)(\s*=[^\n]*)?$/gm)) {
          members.push({ key: field[1], optional: field[3] !== undefined || /None|Optional/.test(field[2]) });
        }
        add(m[1], m.index ?? 0, members);
      }
      break;
    default:
      break;
  }
  return found;
}
