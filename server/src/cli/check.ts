/**
 * `error-catalog check`: the editor's checks over a whole workspace, run by the very session the
 * language server runs (the same scan for catalogs and source files, the same settings, the same
 * constant index and the same checks), with the files read from disk instead of opened buffers.
 */
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { UnambiguousFix } from '../service/languageService';
import type { CatalogLoader } from '../session/catalogRegistry';
import { isInside, type FileSystem } from '../session/files';
import type { Session } from '../session/session';
import type { CheckOptions } from './arguments';
import { ConfigurationError } from './errors';
import { absolute, openSession } from './workspace';
import { combineSettings, configFileSettings, SettingsError, vsCodeSettings, type SettingsObject } from './settingsFiles';

export type FindingSeverity = 'error' | 'warning' | 'note';

/** One problem, where it is: positions are 1-based, columns count UTF-16 code units as editors do. */
export interface Finding {
  /** The file's path from the workspace root, with forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: FindingSeverity;
  readonly rule: string;
  readonly message: string;
  /** The docs page of the code concerned, when its catalog has one. */
  readonly docs?: string;
}

/** A fix `--fix` applied. */
export interface AppliedFix {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  /** What it did: `Change to ORDER_NOT_FOUND`. */
  readonly title: string;
}

export interface CheckResult {
  readonly root: string;
  readonly findings: readonly Finding[];
  /** What `--fix` changed (the findings are those that remain after it). */
  readonly fixed: readonly AppliedFix[];
  /** Files `--fix` left alone because they changed on disk while the check ran. */
  readonly changedWhileFixing: readonly string[];
  /** Source and catalog files checked. */
  readonly filesChecked: number;
  readonly catalogs: number;
  /** Source files left out, and why (too large, minified, binary). */
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
}

export interface CheckEnvironment {
  readonly fs: FileSystem;
  /** A settings file's text, or undefined when there is none. */
  readonly readSettingsFile: (path: string) => string | undefined;
  /** Whether a path names an existing file or folder. */
  readonly exists: (path: string) => boolean;
  readonly loadCatalog?: CatalogLoader;
  /** Warnings about settings and catalogs, for standard error. */
  readonly warn: (message: string) => void;
  /** Called after each file with the count done and the total. */
  readonly progress?: (done: number, total: number) => void;
  /** Replaces a file's text if it still is `expected`; false (and nothing written) when it is not. */
  readonly replaceFile?: (path: string, expected: string, text: string) => boolean;
}


export const CONFIG_FILE = 'error-catalog.config.json';
/** Source files read ahead of the one being checked. */
const READ_AHEAD = 8;
/** Fixing passes before the last, checking one (fixes that keep uncovering fixes stop there). */
const MAX_FIX_PASSES = 5;

const SEVERITY: Record<DiagnosticSeverity, FindingSeverity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'note',
  [DiagnosticSeverity.Hint]: 'note',
};

/** The settings of the run, from the workspace's files and the flags. */
export function runSettings(options: Pick<CheckOptions, 'config' | 'settings'>, root: string, env: Pick<CheckEnvironment, 'readSettingsFile'>): { errorCatalog: SettingsObject; filesExclude: SettingsObject } {
  try {
    const vsCodeFile = `${root}/.vscode/settings.json`;
    const vsCodeText = env.readSettingsFile(vsCodeFile);
    const vsCode = vsCodeText === undefined ? { errorCatalog: {}, filesExclude: {} } : vsCodeSettings(vsCodeText, vsCodeFile);
    const configFile = options.config === undefined ? `${root}/${CONFIG_FILE}` : absolute(options.config, root);
    const configText = env.readSettingsFile(configFile);
    if (configText === undefined && options.config !== undefined) throw new ConfigurationError(`The settings file ${options.config} does not exist. Give an existing file to --config, or leave the flag out.`);
    const config = configText === undefined ? {} : configFileSettings(configText, configFile);
    return { errorCatalog: combineSettings(vsCode.errorCatalog, config, options.settings as SettingsObject), filesExclude: vsCode.filesExclude };
  } catch (error) {
    if (error instanceof SettingsError) throw new ConfigurationError(error.message);
    throw error;
  }
}

/** The text with the fixes applied, first come first served where two would touch the same text. */
function applyFixes(text: string, fixes: readonly UnambiguousFix[]): { text: string; fixes: Omit<AppliedFix, 'file'>[] } {
  const document = TextDocument.create('file:///fixing', 'plaintext', 0, text);
  const taken: { start: number; end: number }[] = [];
  const edits: TextEdit[] = [];
  const applied: Omit<AppliedFix, 'file'>[] = [];
  for (const fix of fixes) {
    const spans = fix.edits.map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end) }));
    if (spans.some((span) => taken.some((t) => span.start < t.end && t.start < span.end))) continue;
    taken.push(...spans);
    edits.push(...fix.edits);
    applied.push({ line: fix.diagnostic.range.start.line + 1, column: fix.diagnostic.range.start.character + 1, rule: String(fix.diagnostic.code), title: fix.title });
  }
  return { text: TextDocument.applyEdits(document, edits), fixes: applied };
}

export async function runCheck(options: CheckOptions, cwd: string, env: CheckEnvironment): Promise<CheckResult> {
  if (!options.fix) return checkOnce(options, cwd, env, false);
  // Each pass checks everything again from scratch (a fixed constant changes what other files mean),
  // and a fix can uncover another (a deprecated code's replacement has its own status).
  const fixed: AppliedFix[] = [];
  const changedWhileFixing = new Set<string>();
  for (let pass = 0; ; pass++) {
    const result = await checkOnce(options, cwd, env, pass < MAX_FIX_PASSES);
    fixed.push(...result.fixed);
    for (const file of result.changedWhileFixing) changedWhileFixing.add(file);
    if (result.fixed.length === 0) return { ...result, fixed, changedWhileFixing: [...changedWhileFixing] };
  }
}

async function checkOnce(options: CheckOptions, cwd: string, env: CheckEnvironment, fix: boolean): Promise<CheckResult> {
  const root = absolute(options.root ?? '.', cwd);
  if (!env.exists(root)) throw new ConfigurationError(`The workspace folder ${root} does not exist. Give an existing folder to --root.`);
  const wanted = options.paths.map((path) => {
    const full = absolute(path, cwd);
    if (!isInside(root, full) && full !== root) throw new ConfigurationError(`${path} is outside the workspace folder ${root}. Check paths inside it, or give another --root.`);
    if (!env.exists(full)) throw new ConfigurationError(`${path} does not exist.`);
    return full;
  });
  const reported = (path: string) => wanted.length === 0 || wanted.some((w) => w === path || isInside(w, path));
  const settings = runSettings(options, root, env);
  const session = await openSession({ root, fs: env.fs, loadCatalog: env.loadCatalog, settings, log: { warn: env.warn, error: env.warn } });
  try {

    const findings: Finding[] = [];
    const skipped: { file: string; reason: string }[] = [];
    const relative = (path: string) => path.slice(root.length).replace(/^\/+/, '');
    const add = (path: string, diagnostics: readonly Diagnostic[]) => {
      for (const d of diagnostics) {
        const severity = SEVERITY[d.severity ?? DiagnosticSeverity.Error];
        if (options.quiet && severity !== 'error') continue;
        findings.push({
          file: relative(path),
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
          severity,
          rule: String(d.code ?? 'error-catalog'),
          message: typeof d.message === 'string' ? d.message : d.message.value,
          ...(d.codeDescription?.href ? { docs: d.codeDescription.href } : {}),
        });
      }
    };
    const catalogs = session.catalogReports().filter((report) => reported(report.path));
    for (const report of catalogs) add(report.path, report.diagnostics);
    const sources = session.sourcePaths().filter(reported);
    const fixed: AppliedFix[] = [];
    const changedWhileFixing: string[] = [];
    // Files are read a few ahead of the one being checked, so that reading overlaps checking.
    const reports: ReturnType<Session['sourceReport']>[] = [];
    const readAhead = (i: number) => {
      if (i < sources.length) reports[i] = session.sourceReport(sources[i]);
    };
    for (let i = 0; i < READ_AHEAD; i++) readAhead(i);
    for (let i = 0; i < sources.length; i++) {
      const report = await reports[i];
      delete reports[i];
      readAhead(i + READ_AHEAD);
      if ('skipped' in report) skipped.push({ file: relative(sources[i]), reason: report.skipped });
      else {
        add(sources[i], report.diagnostics);
        if (fix && report.diagnostics.length > 0) {
          const applied = applyFixes(report.text, await session.sourceFixes(report.uri, report.text, report.diagnostics));
          if (applied.fixes.length > 0) {
            if (env.replaceFile?.(sources[i], report.text, applied.text)) fixed.push(...applied.fixes.map((f) => ({ file: relative(sources[i]), ...f })));
            else changedWhileFixing.push(relative(sources[i]));
          }
        }
      }
      env.progress?.(i + 1, sources.length);
    }
    // Docs pages generated from a catalog are checked against it too.
    const pages = session.pagePaths().filter(reported);
    for (const page of pages) {
      const report = await session.pageReport(page);
      if (report) add(page, report.diagnostics);
    }
    findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
    return { root, findings, fixed, changedWhileFixing, filesChecked: catalogs.length + sources.length + pages.length - skipped.length, catalogs: catalogs.length, skipped };
  } finally {
    await session.dispose();
  }
}
