/**
 * The command line of `error-catalog`: what a run was asked to do, or a usage error that says what
 * to write instead. Nothing here touches the file system.
 */
import { TYPES_LANGUAGES, type TypesLanguage } from '../service/render/typesFile';
import { UsageError } from './errors';

export { UsageError };

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

/** The source rules and the setting each one's severity lives under (`errorCatalog.diagnostics.*`). */
export const RULE_SETTINGS = {
  'unknown-code': 'unknownCode',
  'status-mismatch': 'statusMismatch',
  'envelope-shape': 'envelopeShape',
  'deprecated-code': 'deprecatedCode',
} as const;
const SEVERITIES = ['off', 'hint', 'information', 'warning', 'error'] as const;

export interface CheckOptions {
  readonly command: 'check';
  /** Files and folders to report on (relative to `root` or absolute); none: the whole workspace. */
  readonly paths: readonly string[];
  /** The workspace folder: what the editor would have open. */
  readonly root: string | undefined;
  readonly format: Format;
  /** Where the report goes; undefined: standard output. */
  readonly output: string | undefined;
  /** Warnings allowed before the run fails; -1: any number. */
  readonly maxWarnings: number;
  /** Errors only. */
  readonly quiet: boolean;
  /** Apply the fixes that need no choice, then report what remains. */
  readonly fix: boolean;
  readonly color: boolean | undefined;
  /** A settings file besides `.vscode/settings.json` (default `error-catalog.config.json` in the root, when there is one). */
  readonly config: string | undefined;
  /** `errorCatalog.*` settings given as flags, over every file's. */
  readonly settings: Readonly<Record<string, unknown>>;
}

/** `error-catalog docs CATALOG` and `error-catalog types CATALOG --lang LANG`. */
export interface GenerateInvocation {
  readonly command: 'docs' | 'types';
  readonly catalog: string;
  readonly root: string | undefined;
  readonly output: string | undefined;
  readonly force: boolean;
  /** `types` only. */
  readonly language: TypesLanguage;
  /** `types` only: the package, class or namespace the file declares (see typesFile). */
  readonly name: string | undefined;
}

export const IMPORT_SOURCES = ['openapi', 'docs', 'code'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** `error-catalog import openapi SPEC`, `import docs PAGE`, `import code [paths...]`. */
export interface ImportInvocation {
  readonly command: 'import';
  readonly source: ImportSource;
  /** The spec or page (one), or the files and folders to read code from (any, none for the whole folder). */
  readonly inputs: readonly string[];
  readonly root: string | undefined;
  readonly output: string | undefined;
  /** Write over an existing file. */
  readonly force: boolean;
}

export type Invocation = CheckOptions | GenerateInvocation | ImportInvocation | { readonly command: 'help' } | { readonly command: 'version' };


export const USAGE = `Usage: error-catalog check [paths...] [options]
       error-catalog docs CATALOG [-o FILE.md] [--force]
       error-catalog types CATALOG --lang ${TYPES_LANGUAGES.join('|')} [--name NAME] [-o FILE] [--force]
       error-catalog import openapi SPEC [-o api.errors.yaml] [--force]
       error-catalog import docs PAGE.md|PAGE.html|PAGE.txt [-o api.errors.yaml] [--force]
       error-catalog import code [paths...] [-o api.errors.yaml] [--force]

Checks the workspace's error codes against its error catalogs, as the editor does: unknown codes,
statuses that contradict the catalog, error bodies of the wrong shape, deprecated codes, and the
catalogs' own problems.

Options:
  --root DIR             the workspace folder (default: the current folder)
  --format FORMAT        stylish (default), json, sarif, github, junit
  -o, --output FILE      write the report to FILE instead of standard output
  --max-warnings N       fail when there are more than N warnings (default 0; -1: never on warnings)
  --quiet                report errors only
  --fix                  apply the fixes that need no choice (an unknown code with one close code,
                         a deprecated code's replacement, a status that must match its code), then
                         report what remains; a file that changed since it was read is left alone
  --config FILE          settings file (default: error-catalog.config.json in the root, if present)
  --catalog PATH         a catalog to use besides those found (repeatable; a path, glob or builtin:<id>)
  --rule RULE=SEVERITY   a rule's severity: RULE is unknown-code, status-mismatch, envelope-shape or
                         deprecated-code; SEVERITY is off, hint, information, warning or error
  --color, --no-color    colour the stylish report (default: when writing to a terminal)
  -h, --help             this text
  -v, --version          the version

docs writes the catalog as a Markdown error reference page; types writes its codes as constants
and its envelope as types in a language. Both start the file with a header naming the catalog and a
hash of it (\`check\` reports generated files that no longer match), and never write over a file
that error-catalog did not generate unless --force is given. --name is the Go package, Java class,
C# namespace or PHP namespace the file declares.

import starts a catalog from what the project already has: an OpenAPI 3.0, 3.1 or Swagger 2.0
document (its $refs may name other files inside the workspace), an error reference page, or the
codes defined in the code and the statuses they are raised with. It writes to standard output unless
-o is given, never writes over an existing file without --force, marks every value it guessed with a
\`# guessed:\` comment, and says what it could not place.

Exit codes: 0 no problems, 1 problems (errors, or more warnings than --max-warnings allows),
2 a usage or configuration error.`;

/** The arguments one at a time: an option's name (`--flag` of `--flag=value`), and its value when the option takes one. */
class ArgumentReader {
  private index = -1;
  private inline: string | undefined;
  /** The current argument's option name, or the argument itself. */
  flag = '';

  constructor(private readonly args: readonly string[]) {}

  next(): string | undefined {
    const arg = this.args[++this.index];
    if (arg === undefined) return undefined;
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    this.flag = equals > 0 ? arg.slice(0, equals) : arg;
    this.inline = equals > 0 ? arg.slice(equals + 1) : undefined;
    return arg;
  }

  /** The current option's value: after `=`, else the next argument (a negative number is a value, another option is not). */
  value(): string {
    if (this.inline !== undefined) return this.inline;
    const next = this.args[this.index + 1];
    if (next === undefined || (next.startsWith('-') && !/^-\d+$/.test(next))) throw new UsageError(`${this.flag} needs a value.`);
    this.index++;
    return next;
  }
}

/** Reads the arguments after `error-catalog`; throws a UsageError saying what is wrong. */
export function parseArguments(args: readonly string[]): Invocation {
  if (args.length === 0 || args[0] === '-h' || args[0] === '--help' || args[0] === 'help') return { command: 'help' };
  if (args[0] === '-v' || args[0] === '--version') return { command: 'version' };
  if (args[0] === 'docs' || args[0] === 'types') return parseGenerate(args[0], args.slice(1));
  if (args[0] === 'import') return parseImport(args.slice(1));
  if (args[0] !== 'check') throw new UsageError(`Unknown command "${args[0]}". The commands are check, docs, types and import (see \`error-catalog --help\`).`);
  const paths: string[] = [];
  const catalogs: string[] = [];
  const diagnostics: Record<string, string> = {};
  let root: string | undefined;
  let format: Format = 'stylish';
  let output: string | undefined;
  let maxWarnings = 0;
  let quiet = false;
  let fix = false;
  let color: boolean | undefined;
  let config: string | undefined;
  const reader = new ArgumentReader(args.slice(1));
  for (let arg = reader.next(); arg !== undefined; arg = reader.next()) {
    const flag = reader.flag;
    const value = () => reader.value();
    switch (flag) {
      case '-h': case '--help': return { command: 'help' };
      case '-v': case '--version': return { command: 'version' };
      case '--root': root = value(); break;
      case '--format': case '-f': {
        const given = value();
        if (!(FORMATS as readonly string[]).includes(given)) throw new UsageError(`Unknown format "${given}". Use one of: ${FORMATS.join(', ')}.`);
        format = given as Format;
        break;
      }
      case '-o': case '--output': output = value(); break;
      case '--max-warnings': {
        const given = value();
        if (!/^-?\d+$/.test(given) || Number(given) < -1) throw new UsageError(`--max-warnings takes a whole number (or -1 for no limit), not "${given}".`);
        maxWarnings = Number(given);
        break;
      }
      case '--quiet': quiet = true; break;
      case '--fix': fix = true; break;
      case '--color': color = true; break;
      case '--no-color': color = false; break;
      case '--config': config = value(); break;
      case '--catalog': catalogs.push(value()); break;
      case '--rule': {
        const given = value();
        const match = /^([\w-]+)=(\w+)$/.exec(given);
        const setting = match ? RULE_SETTINGS[match[1] as keyof typeof RULE_SETTINGS] : undefined;
        if (!match || !setting) throw new UsageError(`--rule takes RULE=SEVERITY with RULE one of ${Object.keys(RULE_SETTINGS).join(', ')}; "${given}" is not.`);
        if (!(SEVERITIES as readonly string[]).includes(match[2])) throw new UsageError(`Unknown severity "${match[2]}" in --rule ${given}. Use one of: ${SEVERITIES.join(', ')}.`);
        diagnostics[setting] = match[2];
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option "${arg}". See \`error-catalog --help\`.`);
        paths.push(arg);
    }
  }
  const settings: Record<string, unknown> = {};
  if (catalogs.length > 0) settings.catalogs = catalogs;
  if (Object.keys(diagnostics).length > 0) settings.diagnostics = diagnostics;
  return { command: 'check', paths, root, format, output, maxWarnings, quiet, fix, color, config, settings };
}

function parseGenerate(command: 'docs' | 'types', args: readonly string[]): GenerateInvocation {
  const catalogs: string[] = [];
  let root: string | undefined;
  let output: string | undefined;
  let force = false;
  let language: string | undefined;
  let name: string | undefined;
  const reader = new ArgumentReader(args);
  for (let arg = reader.next(); arg !== undefined; arg = reader.next()) {
    const flag = reader.flag;
    const value = () => reader.value();
    switch (flag) {
      case '--root': root = value(); break;
      case '-o': case '--output': output = value(); break;
      case '--force': force = true; break;
      case '--lang': case '--language':
        if (command !== 'types') throw new UsageError(`--lang is an option of \`error-catalog types\`.`);
        language = value();
        break;
      case '--name':
        if (command !== 'types') throw new UsageError(`--name is an option of \`error-catalog types\`.`);
        name = value();
        break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`Unknown option "${arg}" for ${command}. See \`error-catalog --help\`.`);
        catalogs.push(arg);
    }
  }
  if (catalogs.length !== 1) throw new UsageError(`error-catalog ${command} takes one catalog file, e.g. \`error-catalog ${command} api.errors.yaml${command === 'types' ? ' --lang ts' : ''}\`.`);
  if (command === 'types') {
    if (language === undefined) throw new UsageError(`error-catalog types needs --lang, one of: ${TYPES_LANGUAGES.join(', ')}.`);
    if (!(TYPES_LANGUAGES as readonly string[]).includes(language)) throw new UsageError(`Unknown language "${language}". Use one of: ${TYPES_LANGUAGES.join(', ')}.`);
  }
  return { command, catalog: catalogs[0], root, output, force, language: (language ?? 'ts') as TypesLanguage, name };
}

function parseImport(args: readonly string[]): ImportInvocation {
  const source = args[0];
  if (!(IMPORT_SOURCES as readonly string[]).includes(source ?? '')) {
    throw new UsageError(`error-catalog import takes what to import from first: ${IMPORT_SOURCES.join(', ')} (e.g. \`error-catalog import openapi openapi.yaml -o api.errors.yaml\`).`);
  }
  const inputs: string[] = [];
  let root: string | undefined;
  let output: string | undefined;
  let force = false;
  const reader = new ArgumentReader(args.slice(1));
  for (let arg = reader.next(); arg !== undefined; arg = reader.next()) {
    switch (reader.flag) {
      case '--root': root = reader.value(); break;
      case '-o': case '--output': output = reader.value(); break;
      case '--force': force = true; break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`Unknown option "${arg}" for import. See \`error-catalog --help\`.`);
        inputs.push(arg);
    }
  }
  if (source !== 'code' && inputs.length !== 1) {
    const example = source === 'openapi' ? 'openapi.yaml' : 'docs/errors.md';
    throw new UsageError(`error-catalog import ${source} takes one file, e.g. \`error-catalog import ${source} ${example} -o api.errors.yaml\`.`);
  }
  return { command: 'import', source: source as ImportSource, inputs, root, output, force };
}
