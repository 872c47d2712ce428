/**
 * The statements a source file raises its errors with: `throw new ApiException(ApiException::X)`,
 * `raise NotFound(ErrorCode.X, f"…")`, `return nil, apierr.NewNotFoundError(apierr.CodeX, "…", id)`,
 * `throw ErrorCode.X.exception("…")`. Read from one file alone, before anything is known of codes:
 * each call's arguments are kept by kind (a string, a literal, a name that may be a code constant,
 * anything else), so that the workspace's way of raising a code can be learned once the catalogs and
 * the constants are known (see raiseForms.ts). With them, the imports that bind the names those
 * statements start with, and the types the file declares in its namespace, which is where the
 * imports of languages that import namespaces (C#) come from.
 */
import type { LexedText } from '../text/statements';
import { argumentAt } from '../text/calls';
import { insideRanges } from '../text/codeUsages';

/** An argument of a raising call, by what it can become in a template. */
export interface RaiseArgument {
  /** A string literal, a literal that means the same anywhere (`30`, `true`, `nil`), a dotted name that may be a constant, or anything else. */
  readonly kind: 'string' | 'literal' | 'name' | 'other';
  /** The literal or the name as written (spaces removed from names); empty for strings and other arguments, which are never copied. */
  readonly text: string;
  /** The keyword of a named argument: `field` in `field="email"`, `params` in `params: [$id]`. */
  readonly keyword?: string;
  /** A string's opening quote, without its prefix (`f"…"`, `$"…"` open with `"`). */
  readonly quote?: string;
  /** A string's text when it has no interpolation or escape and is short enough to be a code. */
  readonly value?: string;
  /** The `printf` verbs a string holds (`%s`, `%d`): that many arguments after it are its values. */
  readonly verbs?: number;
}

/** One raising statement's shape, and how often the file writes it. */
export interface RaiseStatement {
  /** `throw`, `raise` or `return`. */
  readonly keyword: string;
  /** Whether the call constructs (`new ApiException(…)`). */
  readonly construct: boolean;
  /** The function called, as written without spaces: `ApiError.notFound`, `apierr.NewNotFoundError`, `ApiError::NotFound.new`, `ErrorCode.SKU_NOT_FOUND.exception`. */
  readonly callee: string;
  readonly args: readonly RaiseArgument[];
  /** Calls chained after it whose arguments are all literals (`.build()`), kept as written; a chain handed anything else is dropped. */
  readonly chain: string;
  /** Whether the statement ends with `;`. */
  readonly semicolon: boolean;
  readonly count: number;
}

/** An import that binds one name, as a line of its language that imports that name alone. */
export interface ImportBinding {
  readonly name: string;
  readonly line: string;
}

/** What a file says about how it raises errors. */
export interface RaiseFacts {
  readonly statements: readonly RaiseStatement[];
  /** Imports of the names the statements start with (the callee's first name, and each name argument's). */
  readonly imports: readonly ImportBinding[];
  /** The file's namespace or package, where the language imports types from one (C#, Java, Kotlin, PHP). */
  readonly namespace?: string;
  /** The types the file declares, for the imports of files that use them without one of their own. */
  readonly types: readonly string[];
}

/** A few distinct statements are enough to learn a file's way of raising; a generated file adds nothing more. */
const MAX_STATEMENTS = 16;
const MAX_ARGUMENTS = 8;
const MAX_TYPES = 32;
/** How far a call's arguments are read (a multi-line call with a long message fits). */
const MAX_CALL_LENGTH = 2000;

export type LanguageFamily = 'script' | 'python' | 'go' | 'java' | 'kotlin' | 'csharp' | 'php' | 'ruby';

const FAMILIES: Readonly<Record<string, LanguageFamily>> = {
  typescript: 'script', typescriptreact: 'script', javascript: 'script', javascriptreact: 'script', python: 'python', go: 'go',
  java: 'java', kotlin: 'kotlin', csharp: 'csharp', php: 'php', ruby: 'ruby',
};

/** The languages that write a raise the same way (TypeScript and JavaScript are one). */
export function familyOf(languageId: string): LanguageFamily | undefined {
  return FAMILIES[languageId];
}

/** The keyword each family raises with: Go returns its errors. */
const KEYWORD: Readonly<Record<LanguageFamily, string>> = {
  script: 'throw', python: 'raise', go: 'return', java: 'throw', kotlin: 'throw', csharp: 'throw', php: 'throw', ruby: 'raise',
};

const STATEMENT_START = /(?<![\w$.>:])(throw|raise|return)\b[ \t]*(\(?)[ \t]*/g;
/** Go's zero values before the error in a `return` (`nil, `, `store.Order{}, `, `"", `). */
const GO_RESULTS = /(?:(?:""|[^\n;(),"'`]+),[ \t]*)*/y;
const CALLEE = /(new[ \t]+)?([A-Za-z_$\\][\w$\\]*(?:[ \t]*(?:\.|::|->)[ \t]*[A-Za-z_$][\w$]*){0,5})[ \t]*\(/y;
const CHAINED_CALL = /\s*\.\s*([A-Za-z_$][\w$]*)[ \t]*\(/y;
const NAME = /^[A-Za-z_$\\][\w$\\]*(?:\s*(?:\.|::|->)\s*[A-Za-z_$][\w$]*){0,5}$/;
const LITERAL = /^(?:-?\d[\d_]*(?:\.\d+)?[A-Za-z]{0,2}|0[xX][0-9a-fA-F]+|true|false|null|nil|None|True|False|undefined|:[a-z_]\w*)$/;
const NAMED_ARGUMENT: Partial<Record<LanguageFamily, RegExp>> = {
  python: /^([A-Za-z_]\w*)\s*=(?!=)\s*([\s\S]+)$/,
  kotlin: /^([A-Za-z_]\w*)\s*=(?!=)\s*([\s\S]+)$/,
  ruby: /^([A-Za-z_]\w*):(?!:)\s*([\s\S]+)$/,
  php: /^([A-Za-z_]\w*)\s*:(?!:)\s*([\s\S]+)$/,
  csharp: /^([A-Za-z_]\w*)\s*:(?!:)\s*([\s\S]+)$/,
};

/** The statements of a file that raise a call, with the imports and declarations that go with them. */
export function raiseFactsOf(text: string, languageId: string, lexed: LexedText): RaiseFacts | undefined {
  const family = familyOf(languageId);
  if (!family) return undefined;
  const keyword = KEYWORD[family];
  const byShape = new Map<string, RaiseStatement>();
  for (const m of text.matchAll(STATEMENT_START)) {
    if (m[1] !== keyword) continue;
    const start = m.index ?? 0;
    if (insideRanges(lexed.comments, start) || insideRanges(lexed.strings, start)) continue;
    const statement = statementAt(text, start + m[0].length, family, keyword, m[2] === '(');
    if (!statement) continue;
    const shape = JSON.stringify([statement.construct, statement.callee, statement.args, statement.chain, statement.semicolon]);
    const seen = byShape.get(shape);
    if (seen) byShape.set(shape, { ...seen, count: seen.count + 1 });
    else if (byShape.size < MAX_STATEMENTS) byShape.set(shape, statement);
  }
  const statements = [...byShape.values()];
  const declared = declarationsOf(text, family);
  if (statements.length === 0 && declared.types.length === 0) return undefined;
  const roots = new Set<string>();
  for (const statement of statements) {
    roots.add(firstName(statement.callee));
    for (const argument of statement.args) if (argument.kind === 'name') roots.add(firstName(argument.text));
  }
  return { statements, imports: roots.size > 0 ? importBindings(text, family, roots) : [], ...declared };
}

/** The first name of a dotted name: `ApiError` of `ApiError::NotFound.new`, `apierr` of `apierr.NewNotFoundError`. */
export function firstName(chain: string): string {
  return chain.split(/\.|::|->|\\/).find(Boolean) ?? chain;
}

function statementAt(text: string, from: number, family: LanguageFamily, keyword: string, parenthesized: boolean): RaiseStatement | undefined {
  let at = from;
  if (family === 'go') {
    GO_RESULTS.lastIndex = at;
    at += GO_RESULTS.exec(text)?.[0].length ?? 0;
  }
  CALLEE.lastIndex = at;
  const call = CALLEE.exec(text);
  if (!call) return undefined;
  const construct = call[1] !== undefined;
  const callee = call[2].replace(/\s+/g, '');
  if (/^(?:new|await|yield|typeof|function|not|lambda|if)$/.test(callee)) return undefined;
  const parsed = callArguments(text, at + call[0].length - 1);
  if (!parsed) return undefined;
  const args = parsed.args.map((raw) => argumentOf(raw, family));
  let end = parsed.close + 1;
  // Chained calls: kept when handed only literals, dropped otherwise (`.WithInternalError(err)`).
  let chain = '';
  let dropped = false;
  for (;;) {
    CHAINED_CALL.lastIndex = end;
    const link = CHAINED_CALL.exec(text);
    if (!link) break;
    const chained = callArguments(text, end + link[0].length - 1);
    if (!chained) return undefined;
    const literal = chained.args.every((raw) => LITERAL.test(normalized(raw)) || stringLiteral(normalized(raw), family) !== undefined);
    if (literal && !dropped) chain += `.${link[1]}(${chained.args.map(normalized).join(', ')})`;
    else dropped = true;
    end = chained.close + 1;
  }
  if (dropped) chain = '';
  const rest = text.slice(end, Math.min(text.length, end + 400));
  const tail = (parenthesized ? /^[ \t]*\)/ : /^/).exec(rest);
  if (!tail) return undefined;
  const after = rest.slice(tail[0].length);
  // The statement ends here: a `;`, a Ruby modifier or Python's `from exc` (both dropped), then the line's end or its block's.
  const ending = /^[ \t]*(;)?[ \t]*(?:(?:if|unless)\b[^\n]*|from\b[^\n]*)?[ \t]*(?:$|\r?\n|\/\/|#|\})/.exec(after);
  if (!ending) return undefined;
  if (/^[ \t]*;?[ \t]*(?:if|unless)\b/.test(after) && family !== 'ruby') return undefined;
  if (/^[ \t]*;?[ \t]*from\b/.test(after) && family !== 'python') return undefined;
  return { keyword, construct, callee, args, chain, semicolon: ending[1] === ';', count: 1 };
}

/** The text of each argument of the call whose `(` is at `open`, and where it closes; undefined when it does not close nearby or takes more arguments than a raise is learned from. */
function callArguments(text: string, open: number): { args: string[]; close: number } | undefined {
  const limit = Math.min(text.length, open + MAX_CALL_LENGTH);
  const args: string[] = [];
  for (let index = 0; index < MAX_ARGUMENTS; index++) {
    const span = argumentAt(text, open, index, limit);
    // The previous argument ended with a comma, so there is one more: without it, the call does not close nearby.
    if (!span) return undefined;
    const raw = text.slice(span.start, span.end);
    const last = text[span.end] === ')';
    // A trailing comma leaves nothing after it; no arguments at all leave nothing either.
    if (raw.trim() !== '' || !last) args.push(raw);
    if (last) return { args, close: span.end };
  }
  return undefined;
}

const normalized = (raw: string) => raw.replace(/\s+/g, ' ').trim();

/** A string literal's quote and text, when `raw` is exactly one (with its language's prefixes). */
function stringLiteral(raw: string, family: LanguageFamily): { quote: string; content: string; interpolated: boolean } | undefined {
  const prefix = /^(?:[fFrRbBuU]{1,2}(?=["'])|\$@?(?=")|@\$?(?=")|)/.exec(raw)![0];
  const quote = raw[prefix.length];
  if (quote !== '"' && quote !== "'" && quote !== '`') return undefined;
  let i = prefix.length + 1;
  while (i < raw.length && raw[i] !== quote) i += raw[i] === '\\' ? 2 : 1;
  if (i !== raw.length - 1) return undefined;
  const content = raw.slice(prefix.length + 1, -1);
  const interpolated = (quote === '`' && family === 'script' && content.includes('${'))
    || (/[fF]/.test(prefix) && content.includes('{'))
    || (prefix.includes('$'))
    || (quote === '"' && family === 'ruby' && content.includes('#{'))
    || (quote === '"' && (family === 'php' || family === 'kotlin') && content.includes('$'));
  return { quote, content, interpolated };
}

function argumentOf(raw: string, family: LanguageFamily): RaiseArgument {
  let text = normalized(raw);
  let keyword: string | undefined;
  const named = NAMED_ARGUMENT[family]?.exec(text);
  if (named && !LITERAL.test(text)) {
    keyword = named[1];
    text = named[2].trim();
  }
  const string = stringLiteral(text, family);
  if (string) {
    const plain = !string.interpolated && !string.content.includes('\\') && string.content.length <= 200 && !/\s/.test(string.content);
    const verbs = string.content.replace(/%%/g, '').match(/%[-+# 0]*\d*(?:\.\d+)?[a-zA-Z]/g)?.length ?? 0;
    return { kind: 'string', text: '', keyword, quote: string.quote, ...(plain ? { value: string.content } : {}), ...(verbs > 0 ? { verbs } : {}) };
  }
  if (LITERAL.test(text)) return { kind: 'literal', text, keyword };
  if (NAME.test(text)) {
    const name = text.replace(/\s+/g, '');
    const last = name.split(/\.|::|->/).pop() ?? '';
    // Constants are named with a capital or in capitals; locals and parameters are not.
    if (/^[A-Z]/.test(last)) return { kind: 'name', text: name, keyword };
  }
  return { kind: 'other', text: '', keyword };
}

const NAMESPACE: Partial<Record<LanguageFamily, RegExp>> = {
  csharp: /^[ \t]*namespace[ \t]+([\w.]+)/m,
  java: /^[ \t]*package[ \t]+([\w.]+)[ \t]*;/m,
  kotlin: /^[ \t]*package[ \t]+([\w.]+)/m,
  php: /^[ \t]*namespace[ \t]+\\?([\w\\]+)[ \t]*[;{]/m,
};
const TYPE_DECLARATION = /^[ \t]*(?:(?:public|internal|private|protected|static|sealed|abstract|final|partial|readonly|data|open|enum|annotation)[ \t]+)*(?:class|interface|enum|record|struct|trait|object)[ \t]+([A-Z]\w*)/gm;

/** The namespace a file declares its types in, and those types, where a language imports types by their namespace. */
function declarationsOf(text: string, family: LanguageFamily): { namespace?: string; types: string[] } {
  const pattern = NAMESPACE[family];
  if (!pattern) return { types: [] };
  const namespace = pattern.exec(text)?.[1];
  const types: string[] = [];
  for (const m of text.matchAll(TYPE_DECLARATION)) {
    if (types.length >= MAX_TYPES) break;
    if (!types.includes(m[1])) types.push(m[1]);
  }
  return { ...(namespace ? { namespace } : {}), types };
}

// ---- Imports ----

/** The imports of a file that bind `names`, each rewritten to import that name alone. Type-only imports bind no value and are left out. */
export function importBindings(text: string, family: LanguageFamily, names: ReadonlySet<string>): ImportBinding[] {
  const found: ImportBinding[] = [];
  const bind = (name: string, line: string) => {
    if (names.has(name) && !found.some((b) => b.name === name)) found.push({ name, line });
  };
  switch (family) {
    case 'script':
      for (const m of text.matchAll(/^[ \t]*import[ \t]+(type[ \t]+)?([^'";]*?)[ \t]*from[ \t]*(['"])([^'"\n]+)\3/gm)) {
        if (m[1]) continue;
        const clause = m[2].replace(/\s+/g, ' ').trim();
        const specifier = m[4];
        const braces = /\{([^}]*)\}/.exec(clause);
        const outside = clause.replace(/\{[^}]*\}/, '').replace(/,/g, ' ').trim();
        const namespace = /\*\s*as\s+([\w$]+)/.exec(outside);
        if (namespace) bind(namespace[1], `import * as ${namespace[1]} from '${specifier}';`);
        else if (/^[\w$]+$/.test(outside)) bind(outside, `import ${outside} from '${specifier}';`);
        for (const member of braces?.[1].split(',') ?? []) {
          const part = member.trim();
          if (!part || /^type\s/.test(part)) continue;
          const [imported, local] = part.split(/\s+as\s+/);
          bind((local ?? imported).trim(), `import { ${part} } from '${specifier}';`);
        }
      }
      for (const m of text.matchAll(/^[ \t]*(?:const|let|var)[ \t]+\{([^}]*)\}[ \t]*=[ \t]*require\((['"])([^'"\n]+)\2\)/gm)) {
        for (const member of m[1].split(',')) {
          const [imported, local] = member.trim().split(/\s*:\s*/);
          if (imported) bind((local ?? imported).trim(), `const { ${member.trim()} } = require('${m[3]}');`);
        }
      }
      break;
    case 'python':
      for (const m of text.matchAll(/^from[ \t]+([\w.]+)[ \t]+import[ \t]+(?:\(([^)]*)\)|([^\n#]*))/gm)) {
        for (const member of (m[2] ?? m[3]).split(',')) {
          const part = member.replace(/#[^\n]*/g, '').trim();
          if (!part) continue;
          const [imported, local] = part.split(/\s+as\s+/);
          bind((local ?? imported).trim(), `from ${m[1]} import ${part}`);
        }
      }
      for (const m of text.matchAll(/^import[ \t]+([\w.]+)(?:[ \t]+as[ \t]+(\w+))?[ \t]*$/gm)) {
        bind(m[2] ?? m[1].split('.')[0], m[2] ? `import ${m[1]} as ${m[2]}` : `import ${m[1]}`);
      }
      break;
    case 'go':
      for (const m of text.matchAll(/^[ \t]*(?:import[ \t]+)?(?:([\w.]+)[ \t]+)?"([^"\n]+)"[ \t]*(?:\/\/.*)?$/gm)) {
        const last = m[2].slice(m[2].lastIndexOf('/') + 1);
        // An alias other than the package's own name cannot be written as a plain import line.
        if (m[1] === undefined || m[1] === last) bind(last, `import "${m[2]}"`);
      }
      break;
    case 'java':
    case 'kotlin':
      for (const m of text.matchAll(/^[ \t]*import[ \t]+([\w.]+)\.(\w+)[ \t]*;?[ \t]*$/gm)) bind(m[2], `import ${m[1]}.${m[2]}${family === 'java' ? ';' : ''}`);
      break;
    case 'php':
      for (const m of text.matchAll(/^[ \t]*use[ \t]+\\?([\w\\]+?)(?:[ \t]+as[ \t]+(\w+))?[ \t]*;/gm)) {
        const local = m[2] ?? m[1].slice(m[1].lastIndexOf('\\') + 1);
        bind(local, m[2] ? `use ${m[1]} as ${m[2]};` : `use ${m[1]};`);
      }
      break;
    default:
      break;
  }
  return found;
}
