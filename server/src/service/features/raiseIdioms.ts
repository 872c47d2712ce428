/**
 * The statement a quick fix writes first for a code: how this codebase raises one. The catalog's
 * `raise` template for the document's language wins; otherwise the form the workspace itself uses
 * most for codes of the code's status (`ApiError.notFound(…)` for a 404 code), else its most used
 * form that takes any code (`new ApiException(…)`). A form needs two uses as evidence, and a form
 * seen only with codes of one status is never written for a code of another.
 *
 * The code goes in as the constant that stands for it, written as the document already writes the
 * constants of its class or module (`payment_errors.X`, `ErrorCodes.Patients.X`), else as the
 * workspace writes them where it raises; or as a string literal where the workspace raises strings.
 * The imports are those the files that use the form write (a relative module made relative to the
 * document), or, for languages that import namespaces, the namespace the type is declared in.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeHit } from '../catalog/catalogSet';
import type { RaiseTemplate } from '../catalog/model';
import { constantReferences, readingOf, type ConstantReference } from '../index/constantReferences';
import type { ConstantBinding } from '../index/constantIndex';
import { constantKey, containerKey, directoryOf, isTestFile, raiseFormsOf, relativePath, resolvePath, takesAnyCode, type LearnedRaises, type RaiseForm } from '../index/raiseForms';
import { familyOf, firstName, importBindings, type LanguageFamily } from '../index/raiseStatements';
import { escapeRegExp } from '../text/textScan';
import type { DocumentContext } from '../workspace';
import { statementsEndWithSemicolons, type RaiseIdiom } from './codeActions';

/** Uses of a form before it is taken for the workspace's way (one use is a one-off). */
export const MIN_FORM_USES = 2;

/** The catalog template's language for a document's (TSX is TypeScript's, JSX JavaScript's). */
const TEMPLATE_LANGUAGE: Readonly<Record<string, string>> = { typescriptreact: 'typescript', javascriptreact: 'javascript' };

/** Languages in which a name the file has not imported does not resolve: no idiom is written without its import. */
const IMPORTS_REQUIRED: ReadonlySet<LanguageFamily> = new Set(['script', 'python', 'go']);

/** What the idioms of one document are written with, read once per request. */
interface Site {
  readonly document: TextDocument;
  readonly text: string;
  readonly family: LanguageFamily;
  readonly context: DocumentContext;
  readonly learned: () => LearnedRaises;
  readonly references: () => readonly ConstantReference[];
}

/** How the document's workspace raises each code, or undefined where it is not known. */
export function raiseIdioms(document: TextDocument, context: DocumentContext): (hit: CodeHit) => RaiseIdiom | undefined {
  const family = familyOf(document.languageId);
  // A test asserts codes; it does not raise them.
  if (!family || isTestFile(document.uri, context.set)) return () => undefined;
  let learned: LearnedRaises | undefined;
  let references: ConstantReference[] | undefined;
  const site: Site = {
    document,
    text: document.getText(),
    family,
    context,
    learned: () => (learned ??= raiseFormsOf(context.constants, context.set)),
    // A constant's own definition is not how the file writes it elsewhere.
    references: () => (references ??= constantReferences(readingOf(document, context)).filter((r) => !(r.binding.uri === document.uri && r.binding.definition?.nameStart === r.start))),
  };
  return (hit) => {
    const template = hit.catalog.raise?.get(TEMPLATE_LANGUAGE[document.languageId] ?? document.languageId);
    if (template) return catalogIdiom(site, hit, template);
    const form = formFor(site.learned().forms, family, hit.entry.status);
    return form && learnedIdiom(site, hit, form);
  };
}

/** The form used most for codes of `status`, else the most used form that takes any code. */
export function formFor(forms: readonly RaiseForm[], family: LanguageFamily, status: number): RaiseForm | undefined {
  const candidates = forms.filter((f) => f.family === family && f.uses >= MIN_FORM_USES);
  const score = (f: RaiseForm) => f.statuses.get(status) ?? 0;
  const best = (list: readonly RaiseForm[], by: (f: RaiseForm) => number) => list.reduce<RaiseForm | undefined>((top, f) => (!top || by(f) > by(top) || (by(f) === by(top) && f.uses > top.uses) ? f : top), undefined);
  const forStatus = candidates.filter((f) => score(f) > 0);
  return forStatus.length > 0 ? best(forStatus, score) : best(candidates.filter(takesAnyCode), (f) => f.uses);
}

// ---- The statement ----

function learnedIdiom(site: Site, hit: CodeHit, form: RaiseForm): RaiseIdiom | undefined {
  const code = codeFor(site, hit, form);
  if (!code) return undefined;
  const imports: string[] = [];
  let parts = form.parts;
  if (form.root) {
    const root = rootOf(site, form.root);
    if (!root) return undefined;
    if (root.strip) parts = parts.map((p) => (typeof p === 'string' ? p.replace(new RegExp(`(?<![\\w$.])${escapeRegExp(form.root!)}\\.`), '') : p));
    if (root.line) imports.push(root.line);
  }
  imports.push(...code.imports);
  const template: (string | { hole: 'code' | 'message' })[] = [];
  for (const part of parts) {
    if (typeof part === 'string') template.push(part);
    else if (part.hole === 'code') template.push({ hole: 'code' });
    else if (part.hole === 'status') template.push(String(hit.entry.status));
    else template.push(part.quote, { hole: 'message' }, part.quote);
  }
  template.push(terminatorOf(site, form));
  return { template: joined(template), codeText: code.text, imports: [...new Set(imports)] };
}

/** The code for a learned form: its constant where the form's uses write constants and the document can have it, else its string where the form takes strings. */
function codeFor(site: Site, hit: CodeHit, form: RaiseForm): { text: string; imports: readonly string[] } | undefined {
  const asString = { text: quoted(hit.entry.code, form.codeQuote ?? defaultQuote(site.family)), imports: [] };
  if (form.stringCodes > form.constantCodes) return asString;
  const constant = constantWriting(site, hit);
  if (constant?.resolved) return constant;
  // A form seen only with constants may not take a string (a Java enum, a Go typed constant).
  return form.stringCodes > 0 ? asString : undefined;
}

/** The catalog's own template: `${constant}`, `${code}`, `${message}` and `${status}` filled for the code. */
function catalogIdiom(site: Site, hit: CodeHit, raise: RaiseTemplate): RaiseIdiom | undefined {
  const template: (string | { hole: 'code' | 'message' })[] = [];
  for (const piece of raise.template.split(/(\$\{(?:constant|code|message|status)\})/)) {
    const before = template[template.length - 1];
    const quote = typeof before === 'string' ? /["'`]$/.exec(before)?.[0] : undefined;
    if (piece === '${constant}') template.push({ hole: 'code' });
    else if (piece === '${message}') template.push({ hole: 'message' });
    else if (piece === '${status}') template.push(String(hit.entry.status));
    else if (piece === '${code}') template.push(quote ? escapedFor(hit.entry.code, quote) : hit.entry.code);
    else template.push(piece);
  }
  const imports = raise.imports.map((line) => relativeImport(line, hit.catalog.sourceUri, site));
  let codeText = quoted(hit.entry.code, defaultQuote(site.family));
  const constant = template.some((p) => typeof p !== 'string' && p.hole === 'code') ? constantWriting(site, hit) : undefined;
  // The constant goes in where its import is known or the template's own imports name it; otherwise the code's string.
  if (constant && (constant.resolved || imports.some((line) => new RegExp(`\\b${escapeRegExp(constant.root ?? '')}\\b`).test(line)))) {
    codeText = constant.text;
    imports.push(...constant.imports);
  }
  return { template: joined(template), codeText, imports: [...new Set(imports)] };
}

function joined(parts: readonly (string | { hole: 'code' | 'message' })[]): (string | { hole: 'code' | 'message' })[] {
  const out: (string | { hole: 'code' | 'message' })[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
    else if (part !== '') out.push(part);
  }
  return out;
}

/** `;` where the language ends statements with one, and where a script's file does. */
function terminatorOf(site: Site, form: RaiseForm): string {
  switch (site.family) {
    case 'script': {
      const semicolons = statementsEndWithSemicolons(site.text);
      // A file with no statement either way yet (which counts as using semicolons) follows the form's uses.
      const undecided = semicolons && !/;[ \t]*$/m.test(site.text);
      return (undecided ? form.semicolons * 2 > form.uses : semicolons) ? ';' : '';
    }
    case 'java': case 'csharp': case 'php': return ';';
    default: return form.semicolons * 2 > form.uses ? ';' : '';
  }
}

// ---- The code ----

interface ConstantWriting {
  readonly text: string;
  /** Import lines the constant needs. */
  readonly imports: readonly string[];
  /** The name it starts with, when the document does not have it yet. */
  readonly root?: string;
  /** Whether the document has that name or a known import gives it. */
  readonly resolved: boolean;
}

/**
 * The constant that stands for the code, as the document writes the constants of its class or
 * module, else as the workspace writes them where it raises; undefined when no constant does.
 */
function constantWriting(site: Site, hit: CodeHit): ConstantWriting | undefined {
  const { constants } = site.context;
  const bindings = constants.standingFor(hit.entry.code).filter((b) => b.uri === undefined || familyOf(constants.factsOf(b.uri)?.languageId ?? '') === site.family);
  if (bindings.length === 0) return undefined;
  const learned = site.learned();
  const references = site.references();
  const direct = references.find((r) => bindings.includes(r.binding));
  let binding: ConstantBinding;
  let prefix: string | undefined;
  if (direct) {
    binding = direct.binding;
    prefix = writtenPrefix(site.text, direct.start);
  } else {
    binding = [...bindings].sort((a, b) => (learned.constantUses.get(constantKey(b)) ?? 0) - (learned.constantUses.get(constantKey(a)) ?? 0))[0];
    const sibling = references.find((r) => containerKey(r.binding) === containerKey(binding));
    if (sibling) prefix = writtenPrefix(site.text, sibling.start);
  }
  if (prefix !== undefined) return { text: prefix + binding.name, imports: [], resolved: true };
  const learnedPrefix = mostOf(learned.prefixes.get(containerKey(binding))) ?? fallbackPrefix(binding, site.family);
  const name = learnedPrefix ? firstName(learnedPrefix) : binding.name;
  const root = rootOf(site, name);
  if (!root) return { text: learnedPrefix + binding.name, imports: [], root: name, resolved: false };
  const text = root.strip ? learnedPrefix.slice(name.length + 1) + binding.name : learnedPrefix + binding.name;
  return { text, imports: root.line ? [root.line] : [], root: name, resolved: true };
}

/** What qualifies a name where it is written (`ErrorCodes.Patients.`, `apierr.`), or undefined when it is not a plain chain of names. */
function writtenPrefix(text: string, start: number): string | undefined {
  let at = start;
  for (;;) {
    const separator = text.slice(at - 2, at) === '::' || text.slice(at - 2, at) === '->' ? 2 : text[at - 1] === '.' ? 1 : 0;
    if (separator === 0) break;
    let name = at - separator;
    while (name > 0 && /[\w$\\]/.test(text[name - 1])) name--;
    if (name === at - separator) return undefined;
    at = name;
  }
  return text.slice(at, start);
}

/** What qualifies a constant by its definition: its enclosing names (`ErrorCodes.Patients.`), else its module (`apierr.`). */
function fallbackPrefix(binding: ConstantBinding, family: LanguageFamily): string {
  const containers = binding.definition?.containers ?? [];
  const separator = family === 'php' || (family === 'ruby' && binding.definition?.kind !== 'enum-member') ? '::' : '.';
  if (containers.length > 1) return `${containers.join(separator)}${separator}`;
  return binding.qualifiedName.slice(0, binding.qualifiedName.length - binding.name.length);
}

function defaultQuote(family: LanguageFamily): string {
  return family === 'script' || family === 'php' || family === 'ruby' || family === 'python' ? "'" : '"';
}

function escapedFor(text: string, quote: string): string {
  return text.replace(/\\/g, '\\\\').replace(new RegExp(escapeRegExp(quote), 'g'), `\\${quote}`);
}

function quoted(text: string, quote: string): string {
  return `${quote}${escapedFor(text, quote)}${quote}`;
}

function mostOf(counts: ReadonlyMap<string, number> | undefined): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, count] of counts ?? []) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

// ---- The names the statement needs ----

/**
 * How the document gets a name the statement starts with: it has it already, an import line gives
 * it, or (Go) the name is the document's own package and is dropped. Undefined where the name
 * cannot be had: a TypeScript name the file imports as a type only, or one no file imports.
 */
function rootOf(site: Site, name: string): { line?: string; strip?: boolean } | undefined {
  const { family, text } = site;
  if (family === 'ruby') return {};
  if (family === 'go' && new RegExp(`^package\\s+${escapeRegExp(name)}\\s*$`, 'm').test(text) && !importBindings(text, 'go', new Set([name])).length) return { strip: true };
  const had = documentHas(site, name);
  if (had === 'type') return undefined;
  if (had) return {};
  const learned = site.learned();
  const line = learned.imports.get(`${family}:${name}`)?.[0];
  if (line) return { line: relativeImport(line.line, line.uri, site) };
  const namespace = learned.namespaces.get(`${family}:${name}`);
  if (namespace) {
    switch (family) {
      case 'csharp': return { line: `using ${namespace};` };
      case 'java': return { line: `import ${namespace}.${name};` };
      case 'kotlin': return { line: `import ${namespace}.${name}` };
      case 'php': return { line: `use ${namespace}\\${name};` };
      default: break;
    }
  }
  return IMPORTS_REQUIRED.has(family) ? undefined : {};
}

/** Whether the document has a name: as a value, as a type only (TypeScript's `import type`), or not. */
function documentHas(site: Site, name: string): 'value' | 'type' | undefined {
  const { family, text } = site;
  const n = escapeRegExp(name);
  if (importBindings(text, family, new Set([name])).length > 0) return 'value';
  const namespace = site.learned().namespaces.get(`${family}:${name}`);
  switch (family) {
    case 'script':
      if (new RegExp(`^\\s*(?:export\\s+)?(?:default\\s+)?(?:abstract\\s+)?(?:class|function|const|let|var|enum|namespace)\\s+${n}\\b`, 'm').test(text)) return 'value';
      if (new RegExp(`^\\s*import\\s+type\\s+(?:\\{[^}]*\\b${n}\\b[^}]*\\}|${n}\\b)|^\\s*import\\s+\\{[^}]*\\btype\\s+${n}\\b`, 'm').test(text)) return 'type';
      return undefined;
    case 'python':
      return new RegExp(`^(?:class|def)\\s+${n}\\b|^${n}\\s*[:=]`, 'm').test(text) ? 'value' : undefined;
    case 'go':
      return new RegExp(`^\\s*(?:import\\s+)?${n}\\s+"[^"]+"`, 'm').test(text) ? 'value' : undefined;
    case 'java':
    case 'kotlin':
    case 'csharp':
    case 'php': {
      if (new RegExp(`^[ \\t]*(?:[\\w]+[ \\t]+)*(?:class|interface|enum|record|struct|trait|object)[ \\t]+${n}\\b`, 'm').test(text)) return 'value';
      if (!namespace) return undefined;
      const ns = escapeRegExp(namespace);
      const own = family === 'php' ? `^\\s*namespace\\s+\\\\?${ns}\\s*[;{]` : family === 'csharp' ? `^\\s*namespace\\s+${ns}(?:\\.[\\w.]+)?\\s*[;{]?\\s*$` : `^\\s*package\\s+${ns}\\s*;?\\s*$`;
      const imported = family === 'csharp' ? `^\\s*(?:global\\s+)?using\\s+${ns}\\s*;` : family === 'php' ? '(?!)' : `^\\s*import\\s+${ns}\\.\\*\\s*;?\\s*$`;
      return new RegExp(`${own}|${imported}`, 'm').test(text) ? 'value' : undefined;
    }
    default:
      return undefined;
  }
}

/** An import line written in `fromUri`'s folder, rewritten for the document: its relative module made relative to the document. */
function relativeImport(line: string, fromUri: string, site: Site): string {
  const target = site.document.uri;
  if (site.family === 'script') {
    const specifier = /(['"])(\.{1,2}\/[^'"]*)\1/.exec(line);
    if (!specifier) return line;
    return line.replace(specifier[2], relativePath(directoryOf(target), resolvePath(directoryOf(fromUri), specifier[2])));
  }
  if (site.family === 'python') {
    const relative = /^from\s+(\.+)([\w.]*)\s+import\b/.exec(line);
    if (!relative) return line;
    let folder = directoryOf(fromUri);
    for (let i = 1; i < relative[1].length; i++) folder = directoryOf(folder);
    const module = relative[2] ? `${folder}/${relative[2].split('.').join('/')}` : folder;
    const path = relativePath(directoryOf(target), module);
    const ups = path.match(/\.\.\//g)?.length ?? 0;
    const rest = path.replace(/^(?:\.\.\/)+|^\.\//, '').split('/').filter(Boolean).join('.');
    return line.replace(/^from\s+\.+[\w.]*/, `from ${'.'.repeat(ups + 1)}${rest}`);
  }
  return line;
}
