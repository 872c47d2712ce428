/**
 * Reading a name in a document as a code constant. A name is a constant of the index only when the
 * document could be referring to it: qualified by the constant's class, enum, package or module (or
 * by an import alias of one), or unqualified where the constant is in scope (the same file, the same
 * Go package, or imported by name). And only when the constant stands for a code of the document's
 * catalogs: other constants with the same name mean something else.
 */
import { insideRanges } from '../text/codeUsages';
import { packageOf } from '../text/constants';
import { lexStatements, type LexedText } from '../text/statements';
import { escapeRegExp } from '../text/textScan';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CatalogSet } from '../catalog/catalogSet';
import type { ConstantBinding, ConstantIndex } from './constantIndex';

/** A constant named in a document. */
export interface ConstantReference {
  readonly binding: ConstantBinding;
  /** The name's offsets in the document. */
  readonly start: number;
  readonly end: number;
  /** What qualifies it there (`ErrorCode`, `apierr`, `self`), if anything. */
  readonly qualifier?: string;
}

/** The document a name is read in, with what it imports. */
export interface ReadingContext {
  readonly uri: string;
  readonly languageId: string;
  readonly text: string;
  readonly index: ConstantIndex;
  /** Whether a value is a code of the document's catalogs. */
  readonly isCode: (value: string) => boolean;
}

/** How a document is read: its text, and the constants and codes its context knows. */
export function readingOf(document: TextDocument, context: { readonly set: CatalogSet; readonly constants: ConstantIndex }): ReadingContext {
  return { uri: document.uri, languageId: document.languageId, text: document.getText(), index: context.constants, isCode: (value) => context.set.findCode(value).length > 0 };
}

/** Qualifiers that mean "this class" or "this module". */
const SELF = new Set(['self', 'static', 'this', 'Self', 'cls', 'parent', 'super']);

interface Imports {
  /** Local names of imported modules and packages, to the name the index knows them by (`E` → `codes`). */
  readonly aliases: ReadonlyMap<string, string>;
  /** Names imported alone (`import { NoSuchKey }`, `from codes import X`, `import static …X`). */
  readonly names: ReadonlySet<string>;
}

const importCache = new WeakMap<object, Imports>();

/** What a document imports, read from its import statements. */
function importsOf(text: string, languageId: string): Imports {
  const aliases = new Map<string, string>();
  const names = new Set<string>();
  const stem = (path: string) => path.replace(/\/index$/, '').split(/[/\\.]/).filter(Boolean).pop() ?? path;
  for (const m of text.matchAll(/^\s*import\s+\*\s+as\s+(\w+)\s+from\s+['"]([^'"]+)['"]/gm)) aliases.set(m[1], stem(m[2]));
  for (const m of text.matchAll(/^\s*import\s+(?:type\s+)?\{([^}]*)\}\s*from/gm)) {
    for (const part of m[1].split(',')) {
      const [imported, local] = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/);
      if (!imported) continue;
      if (local) aliases.set(local.trim(), imported.trim());
      names.add((local ?? imported).trim());
    }
  }
  if (languageId === 'go') {
    for (const m of text.matchAll(/^\s*(?:import\s+)?(\w+)\s+"([^"]+)"/gm)) aliases.set(m[1], stem(m[2]));
  }
  if (languageId === 'python') {
    for (const m of text.matchAll(/^\s*from\s+[\w.]+\s+import\s+\(?([^)\n]*)\)?/gm)) {
      for (const part of m[1].split(',')) {
        const [imported, local] = part.trim().split(/\s+as\s+/);
        if (imported) names.add((local ?? imported).trim());
        if (local && imported) aliases.set(local.trim(), imported.trim());
      }
    }
    for (const m of text.matchAll(/^\s*import\s+([\w.]+)\s+as\s+(\w+)/gm)) aliases.set(m[2], stem(m[1]));
  }
  for (const m of text.matchAll(/^\s*(?:import\s+static|import|use(?:\s+const)?)\s+([\w.\\:]+)\s*(?:as\s+(\w+))?\s*;?\s*$/gm)) {
    const last = m[1].split(/[.\\:]+/).filter(Boolean).pop();
    if (!last) continue;
    if (m[2]) aliases.set(m[2], last);
    names.add(m[2] ?? last);
  }
  return { aliases, names };
}

function cachedImports(context: ReadingContext): Imports {
  // Keyed by the text's identity through a holder: the same text is read once per request.
  const key = context as object;
  let imports = importCache.get(key);
  if (!imports) importCache.set(key, (imports = importsOf(context.text, context.languageId)));
  return imports;
}

const dirOf = (uri: string) => uri.slice(0, uri.lastIndexOf('/'));

/**
 * The qualifier written right before `start` (`ErrorCode.`, `apierr.`, `ApiException::`, `self::`):
 * undefined when there is no separator, null when what it qualifies is an expression's result.
 */
export function qualifierBefore(text: string, start: number): string | undefined | null {
  let i = start;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  let separator = '';
  if (text.slice(i - 2, i) === '::' || text.slice(i - 2, i) === '->' || text.slice(i - 2, i) === '?.') separator = text.slice(i - 2, i);
  else if (text[i - 1] === '.') separator = '.';
  if (!separator) return undefined;
  i -= separator.length;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  let j = i;
  while (j > 0 && /[\w$\\]/.test(text[j - 1])) j--;
  // A member of an expression's result (`x().NAME`, `a[0].NAME`): not a qualifier the index can read.
  return j < i ? text.slice(j, i).split('\\').pop() ?? null : null;
}

/** The binding a name written with `qualifier` refers to in the document, if any. */
export function resolveName(context: ReadingContext, name: string, qualifier: string | undefined | null): ConstantBinding | undefined {
  const candidates = context.index.named(name).filter((b) => context.isCode(b.value));
  if (candidates.length === 0 || qualifier === null) return undefined;
  const { uri } = context;
  if (qualifier !== undefined) {
    if (SELF.has(qualifier)) return candidates.find((b) => b.uri === uri);
    const imports = cachedImports(context);
    const target = imports.aliases.get(qualifier) ?? qualifier;
    return candidates.find((b) => b.qualifiers.has(target)) ?? candidates.find((b) => b.qualifiers.has(qualifier));
  }
  const own = candidates.find((b) => b.uri === uri);
  if (own) return own;
  if (context.languageId === 'go') {
    const pkg = packageOf(context.text, 'go');
    const samePackage = candidates.find((b) => b.uri !== undefined && dirOf(b.uri) === dirOf(uri) && pkg !== undefined && b.qualifiers.has(pkg));
    if (samePackage) return samePackage;
  }
  return cachedImports(context).names.has(name) ? candidates[0] : undefined;
}

const patterns = new WeakMap<ConstantIndex, { version: number; all?: RegExp }>();

/** One regular expression of the names (all the index's, or `only`), or undefined when none could be in the text. */
function namesPattern(context: ReadingContext, only?: readonly string[]): RegExp | undefined {
  const build = (names: string[]) => (names.length === 0 ? undefined : new RegExp(`(?<![\\w$])(?:${names.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\w$])`, 'g'));
  if (only) return build([...new Set(only)].filter((n) => context.text.includes(n)));
  // The pattern of every name is built once per version of the index, however many documents it reads.
  let cached = patterns.get(context.index);
  if (!cached || cached.version !== context.index.version) patterns.set(context.index, (cached = { version: context.index.version, all: build([...context.index.names()]) }));
  return cached.all;
}

/** The identifier at an offset (`[A-Za-z_$][\w$]*`), if the offset is in or at the end of one. */
function identifierAt(text: string, offset: number): { name: string; start: number; end: number } | undefined {
  let start = offset;
  let end = offset;
  while (start > 0 && /[\w$]/.test(text[start - 1])) start--;
  while (end < text.length && /[\w$]/.test(text[end])) end++;
  const name = text.slice(start, end);
  return /^[A-Za-z_$][\w$]*$/.test(name) ? { name, start, end } : undefined;
}

/** The constant named at an offset, when it stands for a code of the document's catalogs. */
export function constantAt(context: ReadingContext, offset: number): ConstantReference | undefined {
  const word = identifierAt(context.text, offset);
  if (!word) return undefined;
  const qualifier = qualifierBefore(context.text, word.start);
  const binding = resolveName(context, word.name, qualifier);
  return binding ? { binding, start: word.start, end: word.end, qualifier: qualifier ?? undefined } : undefined;
}

/**
 * Every constant reference in a document (outside comments and strings), or only those to the
 * given names. One pass with one regular expression of the names.
 */
export function constantReferences(context: ReadingContext, only?: readonly string[], within?: LexedText): ConstantReference[] {
  const pattern = namesPattern(context, only);
  if (!pattern) return [];
  const lexed = within ?? lexStatements(context.text, context.languageId);
  const found: ConstantReference[] = [];
  const from = within ? within.starts[0] : 0;
  const to = within ? within.end : context.text.length;
  pattern.lastIndex = from;
  for (let m = pattern.exec(context.text); m && m.index < to; m = pattern.exec(context.text)) {
    const start = m.index;
    if (insideRanges(lexed.comments, start) || insideRanges(lexed.strings, start)) continue;
    const qualifier = qualifierBefore(context.text, start);
    const binding = resolveName(context, m[0], qualifier);
    if (binding) found.push({ binding, start, end: start + m[0].length, qualifier: qualifier ?? undefined });
  }
  return found;
}

/** Qualifiers that name the class around the cursor where its constants can be reached through them. */
const OWN_CLASS = new Set(['self', 'static', 'Self', 'cls']);

/** What completion offers after a qualifier: the code constants it holds, and the containers nested in it that hold some. */
export interface QualifierMembers {
  readonly constants: readonly ConstantBinding[];
  /** Containers nested in the qualifier (`ErrorCodes.Patients`), with how many code constants each holds. */
  readonly nested: ReadonlyMap<string, number>;
}

/**
 * The members of a qualifier written at `offset` that stand for codes of the document's catalogs
 * (after an import alias, or `self::`/`static::` in the class that defines them); undefined when
 * the index knows no constant under the qualifier at all, code or not.
 */
export function membersOf(context: ReadingContext, qualifier: string, offset: number): QualifierMembers | undefined {
  const held = OWN_CLASS.has(qualifier) ? ownClassConstants(context, offset) : heldBy(context, qualifier);
  if (!held) return undefined;
  const constants: ConstantBinding[] = [];
  const names = new Set<string>();
  for (const binding of held.constants) {
    // One per name, where two containers of the same name (in two modules) both have it.
    if (names.has(binding.name) || !context.isCode(binding.value)) continue;
    names.add(binding.name);
    constants.push(binding);
  }
  const nested = new Map<string, number>();
  for (const binding of held.nested) {
    const at = binding.containers.indexOf(held.container);
    const inner = binding.containers[at + 1];
    if (at >= 0 && inner && context.isCode(binding.value)) nested.set(inner, (nested.get(inner) ?? 0) + 1);
  }
  return { constants, nested };
}

interface Held {
  /** The container as the index knows it (an alias resolved). */
  readonly container: string;
  readonly constants: readonly ConstantBinding[];
  readonly nested: readonly ConstantBinding[];
}

function heldBy(context: ReadingContext, qualifier: string): Held | undefined {
  const target = cachedImports(context).aliases.get(qualifier);
  for (const container of target && target !== qualifier ? [target, qualifier] : [qualifier]) {
    const constants = context.index.qualifiedBy(container);
    const nested = context.index.nestedIn(container);
    if (constants.length > 0 || nested.length > 0) return { container, constants, nested };
  }
  return undefined;
}

/** The constants of the class, enum or module around `offset` in the document's own file, as the index read it. */
function ownClassConstants(context: ReadingContext, offset: number): Held | undefined {
  const containers = new Set(context.index.factsOf(context.uri)?.definitions.flatMap((d) => d.containers.slice(-1)) ?? []);
  if (containers.size === 0) return undefined;
  // The container whose declaration comes last before the cursor is the one the cursor is in (or after, in a flat file).
  let around: string | undefined;
  let aroundAt = -1;
  for (const name of containers) {
    const declaration = new RegExp(`\\b(?:class|enum|interface|trait|module|struct|object|impl)\\s+${escapeRegExp(name)}\\b`, 'g');
    for (const m of context.text.slice(0, offset).matchAll(declaration)) {
      if ((m.index ?? 0) > aroundAt) {
        aroundAt = m.index ?? 0;
        around = name;
      }
    }
  }
  if (!around) return undefined;
  const own = (bindings: readonly ConstantBinding[]) => bindings.filter((b) => b.uri === context.uri);
  return { container: around, constants: own(context.index.qualifiedBy(around)), nested: own(context.index.nestedIn(around)) };
}
