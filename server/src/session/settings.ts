/**
 * Settings under `errorCatalog.*`, pulled per resource (`workspace/configuration`), merged over
 * the defaults, cached per scope and cleared on change. Clients without the pull model give
 * them through initialization options or `didChangeConfiguration`.
 */

export interface Settings {
  /** Extra catalogs: workspace-relative paths, globs, or `builtin:<id>`. */
  readonly catalogs: readonly string[];
  /** Built-in catalogs used where no workspace catalog applies. */
  readonly builtins: readonly string[];
  /** Globs of folders and files never searched for catalogs (besides `files.exclude`). */
  readonly exclude: readonly string[];
  readonly hover: { readonly enabled: boolean; readonly statuses: boolean };
  readonly completion: { readonly enabled: boolean; readonly maxItems: number };
  /** The framework generated responses are written for; `auto` detects it from each file. */
  readonly framework: string;
  /** Severity of each source diagnostic rule. */
  readonly diagnostics: {
    readonly unknownCode: RuleSeverity;
    readonly statusMismatch: RuleSeverity;
    readonly envelopeShape: RuleSeverity;
    readonly deprecatedCode: RuleSeverity;
    /** Milliseconds after the last change before a file is checked. */
    readonly delay: number;
  };
  /** Functions and constructors whose first argument is an error code (`ApiError`, `errors.New`). */
  readonly codeFunctions: readonly string[];
  /** Regular expressions whose first capture group is an error code. */
  readonly codePatterns: readonly string[];
  /** Catalog files larger than this (in megabytes) are not read. */
  readonly maxCatalogSizeMB: number;
}

export type RuleSeverity = 'off' | 'hint' | 'information' | 'warning' | 'error';
const RULE_SEVERITIES: readonly RuleSeverity[] = ['off', 'hint', 'information', 'warning', 'error'];

export const BUILTIN_IDS = ['connectify', 'details-array', 'success-meta', 'error-code-map', 'dashed-codes', 'problem-details', 'http-status'] as const;

export const DEFAULT_SETTINGS: Settings = {
  catalogs: [],
  builtins: [...BUILTIN_IDS],
  exclude: ['**/node_modules/**', '**/.git/**'],
  hover: { enabled: true, statuses: true },
  completion: { enabled: true, maxItems: 100 },
  framework: 'auto',
  diagnostics: { unknownCode: 'warning', statusMismatch: 'warning', envelopeShape: 'warning', deprecatedCode: 'hint', delay: 250 },
  codeFunctions: [],
  codePatterns: [],
  maxCatalogSizeMB: 32,
};

export const FRAMEWORK_IDS = ['auto', 'express', 'fastify', 'koa', 'hono', 'nestjs', 'nextjs', 'fetch', 'fastapi', 'fastapi-exception', 'flask', 'django', 'net-http', 'gin', 'spring', 'aspnet', 'rails', 'laravel'] as const;

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}

function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Reads a raw `errorCatalog` settings object, ignoring values of the wrong type (they fall
 * back to the default) and reporting them so the user can fix them.
 */
export function readSettings(raw: unknown, report: (message: string) => void = () => {}): Settings {
  const value = record(raw);
  const hover = record(value.hover);
  const completion = record(value.completion);
  const check = <T>(name: string, given: unknown, parsed: T | undefined, fallback: T): T => {
    if (given !== undefined && given !== null && parsed === undefined) report(`Setting errorCatalog.${name} has the wrong type; using the default.`);
    return parsed ?? fallback;
  };
  const maxItems = typeof completion.maxItems === 'number' && completion.maxItems >= 1 ? Math.min(Math.floor(completion.maxItems), 5000) : undefined;
  const diagnostics = record(value.diagnostics);
  const severity = (name: Exclude<keyof Settings['diagnostics'], 'delay'>) => {
    const given = diagnostics[name];
    const parsed = typeof given === 'string' && (RULE_SEVERITIES as readonly string[]).includes(given) ? (given as RuleSeverity) : undefined;
    return check(`diagnostics.${name}`, given, parsed, DEFAULT_SETTINGS.diagnostics[name]);
  };
  const framework = typeof value.framework === 'string' && (FRAMEWORK_IDS as readonly string[]).includes(value.framework) ? value.framework : undefined;
  return {
    framework: check('framework', value.framework, framework, DEFAULT_SETTINGS.framework),
    diagnostics: {
      unknownCode: severity('unknownCode'),
      statusMismatch: severity('statusMismatch'),
      envelopeShape: severity('envelopeShape'),
      deprecatedCode: severity('deprecatedCode'),
      delay: check('diagnostics.delay', diagnostics.delay, typeof diagnostics.delay === 'number' && diagnostics.delay >= 0 ? Math.min(diagnostics.delay, 10_000) : undefined, DEFAULT_SETTINGS.diagnostics.delay),
    },
    codeFunctions: check('codeFunctions', value.codeFunctions, stringArray(value.codeFunctions), DEFAULT_SETTINGS.codeFunctions),
    codePatterns: check('codePatterns', value.codePatterns, stringArray(value.codePatterns), DEFAULT_SETTINGS.codePatterns),
    maxCatalogSizeMB: check('maxCatalogSizeMB', value.maxCatalogSizeMB, typeof value.maxCatalogSizeMB === 'number' && value.maxCatalogSizeMB >= 1 ? Math.min(value.maxCatalogSizeMB, 512) : undefined, DEFAULT_SETTINGS.maxCatalogSizeMB),
    catalogs: check('catalogs', value.catalogs, stringArray(value.catalogs), DEFAULT_SETTINGS.catalogs),
    builtins: check('builtins', value.builtins, stringArray(value.builtins), DEFAULT_SETTINGS.builtins),
    exclude: [...DEFAULT_SETTINGS.exclude, ...check('exclude', value.exclude, stringArray(value.exclude), [])],
    hover: {
      enabled: check('hover.enabled', hover.enabled, bool(hover.enabled), DEFAULT_SETTINGS.hover.enabled),
      statuses: check('hover.statuses', hover.statuses, bool(hover.statuses), DEFAULT_SETTINGS.hover.statuses),
    },
    completion: {
      enabled: check('completion.enabled', completion.enabled, bool(completion.enabled), DEFAULT_SETTINGS.completion.enabled),
      maxItems: check('completion.maxItems', completion.maxItems, maxItems, DEFAULT_SETTINGS.completion.maxItems),
    },
  };
}

/** `files.exclude`-style objects (glob keys set to `true`) to a list of globs. */
export function excludeGlobs(filesExclude: unknown): string[] {
  return Object.entries(record(filesExclude)).filter(([, on]) => on === true).map(([glob]) => glob);
}

/** Where settings come from: pulled from the client per scope when it can be asked, else what it pushed. */
export interface SettingsSource {
  /** Asks the client for a section in a scope (`workspace/configuration`); undefined when the client cannot be asked. */
  readonly pull?: (scopeUri: string | undefined, section: string) => Promise<unknown>;
}

/**
 * Settings per workspace folder, pulled once and kept until they change (never global mutable
 * settings: each folder of a multi-root workspace has its own).
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** Settings the client gave rather than being asked (initialization options, pushed configuration). */
  private pushed: unknown;

  constructor(
    private readonly source: SettingsSource,
    /** The workspace folder (uri) a resource belongs to. */
    private readonly folderOf: (uri: string) => string | undefined,
    private readonly warn: (message: string) => void,
  ) {}

  /** Settings for a resource, cached per workspace folder. */
  get(uri: string | undefined): Promise<Settings> {
    const scope = (uri && this.folderOf(uri)) ?? '';
    let settings = this.cache.get(scope);
    if (!settings) {
      const pull = this.source.pull;
      settings = pull
        ? pull(scope || undefined, 'errorCatalog').then((raw) => readSettings(raw ?? this.pushed, this.warn), () => readSettings(this.pushed, this.warn))
        : Promise.resolve(readSettings(this.pushed, this.warn));
      this.cache.set(scope, settings);
    }
    return settings;
  }

  /** The folder's `files.exclude` globs (never searched for catalogs). */
  async filesExclude(folderUri: string): Promise<string[]> {
    if (!this.source.pull) return [];
    return excludeGlobs(await this.source.pull(folderUri, 'files.exclude').catch(() => undefined));
  }

  /** Settings the client pushed; undefined keeps what it pushed before. */
  push(raw: unknown): void {
    if (raw !== undefined) this.pushed = raw;
  }

  clear(): void {
    this.cache.clear();
  }
}

/** Longer patterns are not ones a person writes for a code; they are refused. */
const MAX_PATTERN_LENGTH = 500;

/**
 * Why a `codePatterns` entry cannot be run on untrusted text, if it cannot. The runtime falls back to
 * a linear-time engine when a pattern backtracks too much (see node/main.ts), which that engine can
 * do for every pattern but those with backreferences or lookarounds: those could take exponential
 * time on a crafted line, so they are refused.
 */
export function backtrackingProblem(source: string): string | undefined {
  if (source.length > MAX_PATTERN_LENGTH) return `it is longer than ${MAX_PATTERN_LENGTH} characters`;
  // Escapes are skipped so that `\\1` (a backslash, then 1) is not read as a backreference.
  const unescaped = source.replace(/\\[^1-9k]/g, '__');
  if (/\\[1-9]|\\k</.test(unescaped)) return 'backreferences (\\1, \\k<name>) may take exponential time on some lines';
  if (/\(\?<?[=!]/.test(unescaped)) return 'lookarounds ((?=, (?!, (?<=, (?<!) may take exponential time on some lines';
  return undefined;
}
