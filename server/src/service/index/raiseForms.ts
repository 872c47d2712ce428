/**
 * How the workspace raises a code, learned from the raising statements of every file (see
 * raiseStatements.ts) once the catalogs and the constants are known. A statement is a use of a
 * form when its call is handed a code: a constant that stands for one (`ErrorCode.SLOT_TAKEN`,
 * `apierr.CodeOrderNotFound`, the receiver of `ErrorCode.X.exception(…)`) or a code string. The
 * form is the statement with holes: the code, the message (the first string after the code), and
 * the status where a number beside the code is the code's own status (`new ApiError(404, …)`).
 *
 * The other arguments, decided per function over all its uses:
 * - an argument some use of the function goes without (a trailing optional one) is dropped, as are
 *   named arguments (`field="email"`, `params: [$id]`) and the values of the message's `printf`
 *   verbs (`"Order %s not found", id`): they belong to the one place that wrote them;
 * - an argument every use passes is kept when it is a literal that means the same anywhere
 *   (`30`, `true`, `nil`); when it is anything else (a local, `{ field }`, a call), a use that
 *   passes it teaches nothing, since it cannot be written where that value is not in scope.
 */
import type { CatalogSet } from '../catalog/catalogSet';
import type { ConstantBinding, ConstantIndex, FileFacts } from './constantIndex';
import { familyOf, firstName, type LanguageFamily, type RaiseArgument, type RaiseStatement } from './raiseStatements';

/** A piece of a form: text, or a hole filled per code. */
export type FormPart = string | { readonly hole: 'code' } | { readonly hole: 'status' } | { readonly hole: 'message'; readonly quote: string };

/** One way the workspace raises codes, with what its uses say about it. */
export interface RaiseForm {
  readonly family: LanguageFamily;
  /** The statement without its terminator. */
  readonly parts: readonly FormPart[];
  /** The name the statement's call starts with, which a file must have to write it (`ApiError`, `apierr`); undefined when the call is the code's own (`ErrorCode.X.exception(…)`). */
  readonly root?: string;
  readonly uses: number;
  /** Uses by the status of the code they raise. */
  readonly statuses: ReadonlyMap<number, number>;
  /** The form writes the code's status itself (`new ApiError(<status>, <code>, …)`), so it takes a code of any status. */
  readonly takesStatus: boolean;
  /** How its uses write the code: as a constant, or as a string literal (with the quote they use). */
  readonly constantCodes: number;
  readonly stringCodes: number;
  readonly codeQuote?: string;
  /** Uses that end with `;`. */
  readonly semicolons: number;
}

/** A form that takes any code: it writes the status, or its uses raise codes of several statuses. */
export function takesAnyCode(form: RaiseForm): boolean {
  return form.takesStatus || form.statuses.size > 1;
}

/** Test files (`test/`, `*.test.ts`, `*_test.go`, `test_*.py`, `*Test.java`, `*_spec.rb`): a test asserts codes, and the raises of its fakes are not the codebase's way. */
const TEST_PATH = /\/(?:tests?|spec|__tests__)\/|[._](?:test|spec)\.[^/]+$|\/test_[^/]+\.py$|Tests?\.(?:java|kt|cs|php)$/;

/**
 * Whether a file is a test, judged by its path below the folder it shares with the set's workspace
 * catalog (so that a workspace that itself lies in a `test/` folder is not all tests).
 */
export function isTestFile(uri: string, set: CatalogSet): boolean {
  const catalog = set.catalogs.find((c) => c.origin === 'workspace')?.sourceUri;
  if (!catalog) return TEST_PATH.test(uri);
  const file = uri.split('/');
  const folder = directoryOf(catalog).split('/');
  let common = 0;
  while (common < folder.length && common < file.length - 1 && file[common] === folder[common]) common++;
  return TEST_PATH.test(`/${file.slice(common).join('/')}`);
}

/** An import as a file writes it, with that file (a relative module is relative to it). */
export interface LearnedImport {
  readonly line: string;
  readonly uri: string;
}

/** What the workspace's raising statements teach. */
export interface LearnedRaises {
  readonly forms: readonly RaiseForm[];
  /** How the workspace writes what qualifies a constant (`ErrorCodes.Patients.`, `apierr.`, `payment_errors.`), by the constant's container. */
  readonly prefixes: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** How often each constant is raised. */
  readonly constantUses: ReadonlyMap<string, number>;
  /** Imports that bind a name, by family and name (`script:ApiError`), the most written first. */
  readonly imports: ReadonlyMap<string, readonly LearnedImport[]>;
  /** The namespace a type is declared in, by family and name (`csharp:ApiException`). */
  readonly namespaces: ReadonlyMap<string, string>;
}

/** The key of a constant's container: its file and the names that enclose it (or how a catalog declares it). */
export function containerKey(binding: ConstantBinding): string {
  return binding.definition ? `${binding.uri}#${binding.definition.containers.join('.')}` : `declared#${binding.qualifiedName.slice(0, -binding.name.length)}`;
}

export function constantKey(binding: ConstantBinding): string {
  return `${containerKey(binding)}#${binding.name}`;
}

/** A statement handed a code: which argument holds it (-1 for the call's receiver), the code, and how it is written. */
interface Use {
  readonly family: LanguageFamily;
  readonly statement: RaiseStatement;
  readonly codeIndex: number;
  readonly status: number;
  readonly binding?: ConstantBinding;
  /** The code as written: its quote when a string, its text when a constant. */
  readonly quote?: string;
  readonly written?: string;
}

/** What each function called with a code takes, decided over all its uses. */
interface Signature {
  /** Positional arguments every use passes (the values of `printf` verbs aside). */
  readonly arity: number;
  /** Where the message goes: a positional index, or a named argument's keyword. */
  readonly messageAt?: number;
  readonly messageKeyword?: string;
}

const MESSAGE_KEYWORD = /^(?:message|msg|detail|description|reason|text)$/i;

const learnedBySet = new WeakMap<ConstantIndex, WeakMap<CatalogSet, { version: number; learned: LearnedRaises }>>();

/** How the workspace raises the codes of a set of catalogs, learned again only once the index has changed. */
export function raiseFormsOf(index: ConstantIndex, set: CatalogSet): LearnedRaises {
  let bySet = learnedBySet.get(index);
  if (!bySet) learnedBySet.set(index, (bySet = new WeakMap()));
  const cached = bySet.get(set);
  if (cached?.version === index.version) return cached.learned;
  const learned = learnRaiseForms(index.allFacts(), set, index);
  bySet.set(set, { version: index.version, learned });
  return learned;
}

export function learnRaiseForms(files: Iterable<FileFacts>, set: CatalogSet, index: ConstantIndex): LearnedRaises {
  const familyOfUri = new Map<string, LanguageFamily | undefined>();
  const fileFamily = (uri: string | undefined) => {
    if (uri === undefined) return undefined;
    if (!familyOfUri.has(uri)) familyOfUri.set(uri, familyOf(index.factsOf(uri)?.languageId ?? ''));
    return familyOfUri.get(uri);
  };
  /** The constant a name written in a file of `family` stands for, when it stands for a code. */
  const resolve = (written: string, family: LanguageFamily): ConstantBinding | undefined => {
    const links = written.split(/\.|::|->|\\/).filter(Boolean);
    const name = links[links.length - 1];
    const qualifier = links[links.length - 2];
    const candidates = index.named(name).filter((b) => set.findCode(b.value).length > 0 && (b.uri === undefined || fileFamily(b.uri) === family));
    const qualified = qualifier === undefined ? candidates : candidates.filter((b) => b.qualifiers.has(qualifier));
    if (qualified.length > 0) return qualified[0];
    // A module alias (`payment_errors.X`) qualifies nothing the index knows: a name only one code has is still that code.
    // A class that does not hold the constant (`Errors.ConsentMissing`, a descriptor named like it) is another thing.
    return qualifier !== undefined && /^[a-z_]/.test(qualifier) && new Set(candidates.map((b) => b.value)).size === 1 ? candidates[0] : undefined;
  };

  const uses: Use[] = [];
  const imports = new Map<string, Map<string, { line: string; uri: string; count: number }>>();
  const namespaces = new Map<string, string>();
  for (const facts of files) {
    const family = familyOf(facts.languageId);
    const raises = facts.raises;
    if (!family || !raises || isTestFile(facts.uri, set)) continue;
    if (raises.namespace) for (const type of raises.types) if (!namespaces.has(`${family}:${type}`)) namespaces.set(`${family}:${type}`, raises.namespace);
    let raisesCodes = false;
    for (const statement of raises.statements) {
      const use = codeOf(statement, family, set, resolve);
      if (use) {
        uses.push(use);
        raisesCodes = true;
      }
    }
    if (!raisesCodes) continue;
    for (const binding of raises.imports) {
      const key = `${family}:${binding.name}`;
      const lines = imports.get(key) ?? new Map<string, { line: string; uri: string; count: number }>();
      imports.set(key, lines);
      const identity = absoluteImport(binding.line, facts.uri, family);
      const seen = lines.get(identity);
      if (seen) seen.count++;
      else lines.set(identity, { line: binding.line, uri: facts.uri, count: 1 });
    }
  }

  const signatures = signaturesOf(uses);
  /** Forms as they are counted: what becomes a {@link RaiseForm}, with the quotes of its uses. */
  interface Tally {
    family: LanguageFamily;
    root?: string;
    parts: FormPart[];
    takesStatus: boolean;
    uses: number;
    statuses: Map<number, number>;
    constantCodes: number;
    stringCodes: number;
    semicolons: number;
    quotes: Map<string, number>;
    codeQuotes: Map<string, number>;
  }
  const forms = new Map<string, Tally>();
  const prefixes = new Map<string, Map<string, number>>();
  const constantUses = new Map<string, number>();
  for (const use of uses) {
    const { statement } = use;
    const count = statement.count;
    if (use.binding && use.written) {
      const prefix = use.written.slice(0, use.written.length - use.binding.name.length);
      const byPrefix = prefixes.get(containerKey(use.binding)) ?? new Map<string, number>();
      prefixes.set(containerKey(use.binding), byPrefix);
      byPrefix.set(prefix, (byPrefix.get(prefix) ?? 0) + count);
      constantUses.set(constantKey(use.binding), (constantUses.get(constantKey(use.binding)) ?? 0) + count);
    }
    const shaped = templateOf(use, signatures.get(signatureKey(use))!);
    if (!shaped) continue;
    const key = `${use.family}\n${JSON.stringify(shaped.parts)}`;
    let form = forms.get(key);
    if (!form) {
      form = {
        family: use.family, root: use.codeIndex < 0 ? undefined : firstName(statement.callee), parts: shaped.parts,
        takesStatus: shaped.parts.some((p) => typeof p !== 'string' && p.hole === 'status'),
        uses: 0, statuses: new Map(), constantCodes: 0, stringCodes: 0, semicolons: 0, quotes: new Map(), codeQuotes: new Map(),
      };
      forms.set(key, form);
    }
    form.uses += count;
    form.statuses.set(use.status, (form.statuses.get(use.status) ?? 0) + count);
    if (use.quote) {
      form.stringCodes += count;
      form.codeQuotes.set(use.quote, (form.codeQuotes.get(use.quote) ?? 0) + count);
    } else form.constantCodes += count;
    if (statement.semicolon) form.semicolons += count;
    if (shaped.messageQuote) form.quotes.set(shaped.messageQuote, (form.quotes.get(shaped.messageQuote) ?? 0) + count);
  }

  return {
    forms: [...forms.values()].map(({ quotes, codeQuotes, parts, root, ...form }): RaiseForm => {
      const quote = plainQuote(mostOf(quotes), form.family);
      const codeQuote = mostOf(codeQuotes);
      return {
        ...form,
        ...(root !== undefined ? { root } : {}),
        ...(codeQuote ? { codeQuote: plainQuote(codeQuote, form.family) } : {}),
        parts: parts.map((p) => (typeof p !== 'string' && p.hole === 'message' ? { hole: 'message', quote } : p)),
      };
    }),
    prefixes,
    constantUses,
    imports: new Map([...imports].map(([key, lines]) => [key, [...lines.values()].sort((a, b) => b.count - a.count).map(({ line, uri }) => ({ line, uri }))])),
    namespaces,
  };
}

/** The code a statement raises, if it raises one: the call's receiver, else its first positional argument that is a code. */
function codeOf(statement: RaiseStatement, family: LanguageFamily, set: CatalogSet, resolve: (written: string, family: LanguageFamily) => ConstantBinding | undefined): Use | undefined {
  const links = statement.callee.split(/(?=\.|::|->)/);
  if (links.length > 1 && !statement.construct) {
    const receiver = links.slice(0, -1).join('');
    // `ErrorCode.SKU_NOT_FOUND.exception(…)`: a constant's own method (a class's static, `ApiError.notFound`, is not one).
    const binding = /^[A-Za-z_$\\][\w$\\]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)+$/.test(receiver) ? resolve(receiver, family) : undefined;
    const hit = binding && set.findCode(binding.value)[0];
    if (binding && hit) return { family, statement, codeIndex: -1, status: hit.entry.status, binding, written: receiver };
  }
  const positional = statement.args.filter((a) => a.keyword === undefined);
  for (const [i, argument] of positional.entries()) {
    if (argument.kind === 'name') {
      const binding = resolve(argument.text, family);
      const hit = binding && set.findCode(binding.value)[0];
      if (binding && hit) return { family, statement, codeIndex: i, status: hit.entry.status, binding, written: argument.text };
    } else if (argument.kind === 'string' && argument.value !== undefined) {
      const hit = set.findCode(argument.value)[0];
      if (hit) return { family, statement, codeIndex: i, status: hit.entry.status, quote: argument.quote };
    }
  }
  return undefined;
}

/** A function's identity: the same call handed its code at the same place. */
function signatureKey(use: Use): string {
  const { statement } = use;
  const callee = use.codeIndex < 0 ? statement.callee.slice(statement.callee.search(/(?:\.|::|->)[^.:>-]*$/)) : statement.callee;
  return `${use.family}\n${statement.keyword}\n${statement.construct}\n${callee}\n${use.codeIndex}`;
}

/** The positional arguments a use passes, without the values of its message's `printf` verbs when they come last. */
function effectiveArguments(use: Use): RaiseArgument[] {
  const positional = use.statement.args.filter((a) => a.keyword === undefined);
  for (let i = use.codeIndex + 1; i < positional.length; i++) {
    const verbs = positional[i].verbs;
    if (positional[i].kind === 'string' && verbs !== undefined && positional.length - i - 1 === verbs) return positional.slice(0, i + 1);
  }
  return positional;
}

function signaturesOf(uses: readonly Use[]): Map<string, Signature> {
  const grouped = new Map<string, Use[]>();
  for (const use of uses) {
    const key = signatureKey(use);
    grouped.set(key, [...(grouped.get(key) ?? []), use]);
  }
  const signatures = new Map<string, Signature>();
  for (const [key, group] of grouped) {
    const arity = Math.min(...group.map((use) => effectiveArguments(use).length));
    const positions = new Map<number, number>();
    const keywords = new Map<string, number>();
    for (const use of group) {
      const args = effectiveArguments(use);
      const at = args.findIndex((a, i) => i > use.codeIndex && a.kind === 'string');
      if (at >= 0) positions.set(at, (positions.get(at) ?? 0) + use.statement.count);
      const named = use.statement.args.find((a) => a.kind === 'string' && a.keyword !== undefined && MESSAGE_KEYWORD.test(a.keyword));
      if (named?.keyword) keywords.set(named.keyword, (keywords.get(named.keyword) ?? 0) + use.statement.count);
    }
    const messageAt = mostOf(positions);
    signatures.set(key, messageAt !== undefined ? { arity, messageAt } : { arity, messageKeyword: mostOf(keywords) });
  }
  return signatures;
}

/** A use as a form (undefined when an argument it must pass cannot be written elsewhere), and the quote of its message. */
function templateOf(use: Use, signature: Signature): { parts: FormPart[]; messageQuote?: string } | undefined {
  const { statement, family } = use;
  const args = effectiveArguments(use);
  const { messageAt, messageKeyword } = signature;
  const keep = Math.max(signature.arity, messageAt !== undefined && args.length > messageAt ? messageAt + 1 : 0);
  const written: FormPart[][] = [];
  let messageQuote: string | undefined;
  for (let i = 0; i < keep; i++) {
    const argument = args[i];
    if (i === use.codeIndex) written.push([{ hole: 'code' }]);
    else if (i === messageAt && argument.kind === 'string') {
      messageQuote = argument.quote;
      written.push([{ hole: 'message', quote: '' }]);
    } else if (argument.kind === 'literal') {
      written.push([/^\d{3}$/.test(argument.text) && Number(argument.text) === use.status ? { hole: 'status' } : argument.text]);
    } else return undefined;
  }
  // A use that goes without the message still takes one where the others pass it.
  if (messageAt !== undefined && messageAt === keep && args.length === keep) written.push([{ hole: 'message', quote: '' }]);
  if (messageKeyword !== undefined) {
    const named = statement.args.find((a) => a.keyword === messageKeyword && a.kind === 'string');
    messageQuote = named?.quote ?? messageQuote;
    written.push([`${messageKeyword}${family === 'python' || family === 'kotlin' ? '=' : ': '}`, { hole: 'message', quote: '' }]);
  }
  const callee = use.codeIndex < 0 ? statement.callee.slice(statement.callee.search(/(?:\.|::|->)[^.:>-]*$/)) : statement.callee;
  const head = `${statement.keyword} ${statement.construct ? 'new ' : ''}`;
  const parts: FormPart[] = use.codeIndex < 0 ? [head, { hole: 'code' }, `${callee}(`] : [`${head}${callee}(`];
  written.forEach((argument, i) => {
    if (i > 0) parts.push(', ');
    parts.push(...argument);
  });
  parts.push(`)${statement.chain}`);
  return { parts: joinText(parts), messageQuote };
}

/** Adjacent text pieces as one. */
function joinText(parts: readonly FormPart[]): FormPart[] {
  const joined: FormPart[] = [];
  for (const part of parts) {
    const last = joined[joined.length - 1];
    if (typeof part === 'string' && typeof last === 'string') joined[joined.length - 1] = last + part;
    else if (part !== '') joined.push(part);
  }
  return joined;
}

function mostOf<T>(counts: ReadonlyMap<T, number>): T | undefined {
  let best: T | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** A quote that writes a plain string: a template literal's backtick interpolates, so a message goes in the family's plain quote. */
function plainQuote(quote: string | undefined, family: LanguageFamily): string {
  if (quote === '"' || (quote === "'" && family !== 'go' && family !== 'java' && family !== 'kotlin' && family !== 'csharp')) return quote;
  return family === 'script' || family === 'php' ? "'" : '"';
}

/** An import line with a relative module made absolute (so that two files importing one module by different paths agree). */
function absoluteImport(line: string, uri: string, family: LanguageFamily): string {
  if (family === 'script') {
    const specifier = /(['"])(\.{1,2}\/[^'"]*)\1/.exec(line);
    return specifier ? line.replace(specifier[2], resolvePath(directoryOf(uri), specifier[2])) : line;
  }
  if (family === 'python') {
    const relative = /^from\s+(\.+)([\w.]*)\s+import/.exec(line);
    if (relative) return line.replace(/^from\s+\.+[\w.]*/, `from ${pythonModulePath(uri, relative[1].length, relative[2])}`);
  }
  return line;
}

/** The folder of a URI or path, without its trailing slash. */
export function directoryOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

/** A relative path resolved against a folder (`/a/b` + `../c` → `/a/c`). */
export function resolvePath(folder: string, relative: string): string {
  const parts = folder.split('/');
  for (const segment of relative.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

/** The path of a folder or file relative to a folder, as a module specifier (`./x`, `../errors/x`). */
export function relativePath(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  const up = a.length - common;
  const rest = b.slice(common).join('/');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}

/** The folder (as a path with `/`) a Python relative import names: `..errors` from `pkg/routers/x.py` is `pkg/errors`. */
function pythonModulePath(uri: string, dots: number, module: string): string {
  let folder = directoryOf(uri);
  for (let i = 1; i < dots; i++) folder = directoryOf(folder);
  return `${folder}/${module.split('.').filter(Boolean).join('/')}`.replace(/\/$/, '');
}
