/**
 * Values as literals of each output language: the one place that knows how a JSON body is
 * written as a JS object literal, a Python dict, a Go map, a Java `Map.of`, a C# anonymous
 * object, a Ruby hash, a PHP array, JSON or YAML. Tab stops (`Slot`s) become tab stops inside
 * the literal, so a snippet's defaults are always valid code.
 */
import { code, isSlot, type Code, type Piece } from './code';

export type OutputLanguage = 'javascript' | 'python' | 'go' | 'java' | 'csharp' | 'ruby' | 'php' | 'json' | 'yaml';

/** A value the language's literals cannot express (Java's `Map.of` takes no null): the caller falls back to JSON. */
export class UnrenderableValue extends Error {}

interface Layout {
  readonly open: string;
  readonly close: string;
  readonly empty: string;
  readonly entry: (key: string, value: Code) => Code;
  /** Go requires a comma after the last element of a multi-line literal. */
  readonly trailingComma: boolean;
}

interface Syntax {
  /** The contents of a double- or single-quoted string, escaped for this language. */
  readonly escape: (text: string) => string;
  readonly quote: string;
  readonly null: string;
  readonly true: string;
  readonly false: string;
  readonly object: (keys: readonly string[]) => Layout;
  readonly array: Layout;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const escapeDoubleQuoted = (text: string) => JSON.stringify(text).slice(1, -1);

/** C#'s reserved words: an identifier that is one is written `@name`. */
export const C_SHARP_KEYWORDS: ReadonlySet<string> = new Set(('abstract as base bool break byte case catch char checked class const continue decimal default delegate do double else enum event explicit extern false finally fixed float for foreach goto if implicit in int interface internal is lock long namespace new null object operator out override params private protected public readonly ref return sbyte sealed short sizeof stackalloc static string struct switch this throw true try typeof uint ulong unchecked unsafe ushort using virtual void volatile while').split(' '));

function layout(open: string, close: string, empty: string, entry: Layout['entry'], trailingComma = false): Layout {
  return { open, close, empty, entry, trailingComma };
}

const valueOnly = (_key: string, value: Code) => value;

export interface LiteralOptions {
  /** Go: the type of a nested object, `map[string]any` or Gin's `gin.H`. */
  readonly goMapType?: string;
  /** One level of indentation, as the document writes it (two spaces unless told). */
  readonly unit?: string;
}

function syntaxOf(language: OutputLanguage, options: LiteralOptions): Syntax {
  switch (language) {
    case 'javascript':
      return {
        escape: (t) => t.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'),
        quote: "'", null: 'null', true: 'true', false: 'false',
        object: () => layout('{', '}', '{}', (k, v) => code(IDENTIFIER.test(k) ? k : `'${syntaxOf('javascript', options).escape(k)}'`, ': ', v)),
        array: layout('[', ']', '[]', valueOnly),
      };
    case 'python':
      return {
        escape: escapeDoubleQuoted, quote: '"', null: 'None', true: 'True', false: 'False',
        object: () => layout('{', '}', '{}', (k, v) => code(`"${escapeDoubleQuoted(k)}": `, v)),
        array: layout('[', ']', '[]', valueOnly),
      };
    case 'go': {
      const mapType = options.goMapType ?? 'map[string]any';
      return {
        escape: escapeDoubleQuoted, quote: '"', null: 'nil', true: 'true', false: 'false',
        object: () => layout(`${mapType}{`, '}', `${mapType}{}`, (k, v) => code(`"${escapeDoubleQuoted(k)}": `, v), true),
        array: layout('[]any{', '}', '[]any{}', valueOnly, true),
      };
    }
    case 'java':
      return {
        escape: escapeDoubleQuoted, quote: '"', null: 'null', true: 'true', false: 'false',
        // Map.of takes at most ten pairs; Map.ofEntries any number.
        object: (keys) => keys.length <= 10
          ? layout('Map.of(', ')', 'Map.of()', (k, v) => code(`"${escapeDoubleQuoted(k)}", `, v))
          : layout('Map.ofEntries(', ')', 'Map.of()', (k, v) => code(`Map.entry("${escapeDoubleQuoted(k)}", `, v, ')')),
        array: layout('List.of(', ')', 'List.of()', valueOnly),
      };
    case 'csharp':
      return {
        escape: escapeDoubleQuoted, quote: '"', null: 'null', true: 'true', false: 'false',
        // Anonymous objects serialize under ASP.NET's camelCase policy, which lower-cases a leading capital;
        // dictionaries keep keys as written. Keys that are not lower-case identifiers go through a dictionary.
        object: (keys) => keys.every((k) => /^[a-z_]\w*$/.test(k))
          ? layout('new\n{', '}', 'new { }', (k, v) => code(`${C_SHARP_KEYWORDS.has(k) ? '@' : ''}${k} = `, v))
          : layout('new Dictionary<string, object>\n{', '}', 'new Dictionary<string, object>()', (k, v) => code(`["${escapeDoubleQuoted(k)}"] = `, v)),
        // `object` rather than `object?`: valid with and without nullable reference types.
        array: layout('new object[]\n{', '}', 'Array.Empty<object>()', valueOnly),
      };
    case 'ruby':
      return {
        // `#{` interpolates inside double quotes.
        escape: (t) => escapeDoubleQuoted(t).replace(/#(?=[{$@])/g, '\\#'),
        quote: '"', null: 'nil', true: 'true', false: 'false',
        object: () => layout('{', '}', '{}', (k, v) => code(/^[a-z_][A-Za-z0-9_]*$/.test(k) ? `${k}: ` : `"${escapeDoubleQuoted(k).replace(/#(?=[{$@])/g, '\\#')}": `, v)),
        array: layout('[', ']', '[]', valueOnly),
      };
    case 'php':
      return {
        escape: (t) => t.replace(/\\/g, '\\\\').replace(/'/g, "\\'"),
        quote: "'", null: 'null', true: 'true', false: 'false',
        object: () => layout('[', ']', '(object) []', (k, v) => code(`'${k.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}' => `, v)),
        array: layout('[', ']', '[]', valueOnly),
      };
    case 'json':
    case 'yaml':
      return {
        escape: escapeDoubleQuoted, quote: '"', null: 'null', true: 'true', false: 'false',
        object: () => layout('{', '}', '{}', (k, v) => code(`"${escapeDoubleQuoted(k)}": `, v)),
        array: layout('[', ']', '[]', valueOnly),
      };
  }
}

/** Text escaped for a string literal of `language` in the quote its literals use (`'` in JavaScript and PHP, `"` elsewhere). */
export function escapeString(text: string, language: OutputLanguage): string {
  return syntaxOf(language, {}).escape(text);
}

/** A JavaScript string with an apostrophe and no double quote reads better in double quotes (`"doesn't"`), as code formatters write it. */
function quoteFor(text: string, syntax: Syntax, language: OutputLanguage): { quote: string; escaped: string } {
  if (language === 'javascript' && text.includes("'") && !text.includes('"')) return { quote: '"', escaped: escapeDoubleQuoted(text) };
  return { quote: syntax.quote, escaped: syntax.escape(text) };
}

function scalar(value: unknown, syntax: Syntax, language: OutputLanguage): Code {
  if (isSlot(value)) {
    const inner = value.value;
    if (typeof inner === 'string') {
      const { quote, escaped } = quoteFor(inner, syntax, language);
      return code(quote, { tabStop: value.tabStop, text: escaped }, quote);
    }
    return [{ tabStop: value.tabStop, text: String(inner) }];
  }
  if (value === null || value === undefined) {
    if (language === 'java') throw new UnrenderableValue('Java\'s Map.of and List.of cannot hold null');
    return [syntax.null];
  }
  if (typeof value === 'boolean') return [value ? syntax.true : syntax.false];
  if (typeof value === 'number') return [Number.isFinite(value) ? String(value) : syntax.null];
  const { quote, escaped } = quoteFor(String(value), syntax, language);
  return [`${quote}${escaped}${quote}`];
}

/** A value as a literal of `language`, laid out over lines, continuing at `indent`. */
/**
 * gofmt aligns the values of consecutive key-value lines whose whole pair fits on one line;
 * a multi-line value ends the run. Returns the spaces to put before each value.
 */
function gofmtKeyPadding(keys: readonly string[], values: readonly Code[]): string[] {
  const width = keys.map((k) => JSON.stringify(k).length + 1);
  const singleLine = values.map((v) => !v.some((piece) => (typeof piece === 'string' ? piece : piece.text).includes('\n')));
  const padding = keys.map(() => '');
  for (let start = 0; start < keys.length;) {
    if (!singleLine[start]) { start++; continue; }
    let end = start;
    while (end < keys.length && singleLine[end]) end++;
    const column = Math.max(...width.slice(start, end));
    for (let i = start; i < end; i++) padding[i] = ' '.repeat(column - width[i]);
    start = end;
  }
  return padding;
}

export function renderLiteral(value: unknown, language: OutputLanguage, indent = '', options: LiteralOptions = {}): Piece[] {
  // Go is indented with tabs, whatever the document says: gofmt would rewrite anything else.
  const UNIT = language === 'go' ? '\t' : options.unit ?? '  ';
  if (language === 'yaml') return renderYaml(value, indent, UNIT);
  const syntax = syntaxOf(language, options);
  const render = (node: unknown, at: string): Piece[] => {
    if (node === null || typeof node !== 'object' || isSlot(node)) return code(scalar(node, syntax, language));
    const isArray = Array.isArray(node);
    const entries: [string, unknown][] = isArray ? (node as unknown[]).map((v, i) => [String(i), v]) : Object.entries(node);
    const shape = isArray ? syntax.array : syntax.object(entries.map(([k]) => k));
    if (entries.length === 0) return [shape.empty];
    const inner = at + UNIT;
    const values = entries.map(([, child]) => render(child, inner));
    const keyPadding = language === 'go' && !isArray ? gofmtKeyPadding(entries.map(([key]) => key), values) : undefined;
    const lines = entries.map(([key, ], i) => code(inner, shape.entry(key, keyPadding ? code(keyPadding[i], values[i]) : values[i]), i < entries.length - 1 || shape.trailingComma ? ',' : ''));
    // Openers that end a line (`new\n{`) keep their own line break; the body follows on the next line.
    const open = shape.open.replace(/\n/g, `\n${at}`);
    return code(open, '\n', ...lines.flatMap((line) => [...line, '\n']), at, shape.close);
  };
  return render(value, indent);
}

const YAML_PLAIN_KEY = /^[A-Za-z_][\w-]*$/;

function renderYaml(value: unknown, indent: string, UNIT: string): Piece[] {
  const key = (k: string) => (YAML_PLAIN_KEY.test(k) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(k) ? k : JSON.stringify(k));
  const syntax = syntaxOf('yaml', {});
  const isBlock = (v: unknown) => v !== null && typeof v === 'object' && !isSlot(v) && Object.keys(v).length > 0;
  const render = (node: unknown, at: string): Piece[] => {
    if (!isBlock(node)) {
      if (Array.isArray(node)) return ['[]'];
      if (node !== null && typeof node === 'object' && !isSlot(node)) return ['{}'];
      return code(scalar(node, syntax, 'yaml'));
    }
    const lines: Piece[][] = [];
    if (Array.isArray(node)) {
      for (const item of node) {
        // A mapping in a list starts on the dash's line: `- field: x`.
        // YAML aligns a mapping in a list after its dash, whatever the document's unit.
        lines.push(isBlock(item) && !Array.isArray(item) ? code('- ', render(item, `${at}  `)) : code('- ', isBlock(item) ? code('\n', `${at}  `, render(item, `${at}  `)) : render(item, at)));
      }
    } else {
      for (const [k, v] of Object.entries(node as object)) {
        lines.push(isBlock(v) ? code(`${key(k)}:\n${at}${UNIT}`, render(v, at + UNIT)) : code(`${key(k)}: `, render(v, at)));
      }
    }
    return code(...lines.flatMap((line, i) => (i === 0 ? line : code(`\n${at}`, line))));
  };
  return render(value, indent);
}
