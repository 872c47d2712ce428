/**
 * Diagnostics of open source documents: each is checked a little after its last change, in steps
 * (so that hovers and completions are answered in between), and a pass made stale by a newer
 * edit is dropped. Files too large, minified or binary are not checked, and say why once.
 */
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SourceDiagnosticCode, type DocumentContext, type LanguageService, type SourceChecker } from '../service/languageService';
import type { Logger } from './catalogRegistry';
import type { Settings } from './settings';

const MAX_CHECKED_LENGTH = 1024 * 1024;

/** The lines of a text, counted without splitting it (checked on every edit of a large file). */
function lineCount(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Why a document is not checked (too large, minified, binary), or undefined to check it. */
export function skipReason(text: string): string | undefined {
  if (text.length > MAX_CHECKED_LENGTH) return 'it is larger than 1 MB';
  if (text.includes('\0')) return 'it looks binary';
  const lines = text.split('\n', 50);
  if (lines.some((line) => line.length > 10_000) || (text.length > 50_000 && text.length / lineCount(text) > 500)) return 'it looks minified';
  return undefined;
}

/** A check of a source document in its context, under its folder's rule severities, in steps. */
export function checkSource(checker: SourceChecker, document: TextDocument, context: DocumentContext, settings: Settings): Generator<void, Diagnostic[]> {
  const rules = settings.diagnostics;
  return checker.check(document, context.set, {
    severity: {
      [SourceDiagnosticCode.UnknownCode]: rules.unknownCode,
      [SourceDiagnosticCode.StatusMismatch]: rules.statusMismatch,
      [SourceDiagnosticCode.EnvelopeShape]: rules.envelopeShape,
      [SourceDiagnosticCode.DeprecatedCode]: rules.deprecatedCode,
    },
    functions: context.usage.functions,
    patterns: context.usage.patterns,
    constants: context.constants,
  });
}

export interface PublisherDependencies {
  readonly service: LanguageService;
  /** The open document by uri. */
  readonly document: (uri: string) => TextDocument | undefined;
  /** The context and settings a document is read in, once its folder's catalogs are loaded. */
  readonly contextFor: (uri: string) => Promise<{ context: DocumentContext; settings: Settings }>;
  /** The settings of a document's folder (for the delay), without waiting for catalogs. */
  readonly settingsFor: (uri: string) => Promise<Settings>;
  readonly publish: (params: PublishDiagnosticsParams) => void;
  /** Diagnostics of a generated file whose catalog has changed (see features/generatedFiles.ts). */
  readonly generated?: (document: TextDocument) => Diagnostic[];
  readonly log: Logger;
}

export class DiagnosticsPublisher {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Each open document's checker keeps its last findings, so an edit re-checks only what it touched. */
  private readonly checkers = new Map<string, SourceChecker>();
  private readonly loggedSkips = new Set<string>();

  constructor(private readonly deps: PublisherDependencies) {}

  /** Checks a document a little after the last change (the folder's `diagnostics.delay`, or `delay` when given). */
  schedule(uri: string, delay?: number): void {
    clearTimeout(this.pending.get(uri));
    const run = (wait: number) => {
      clearTimeout(this.pending.get(uri));
      this.pending.set(uri, setTimeout(() => {
        this.pending.delete(uri);
        this.check(uri).catch((error) => this.deps.log.error(`Checking ${uri} failed: ${(error as Error)?.stack ?? String(error)}`));
      }, wait));
    };
    if (delay !== undefined) run(delay);
    else this.deps.settingsFor(uri).then((settings) => run(settings.diagnostics.delay), () => run(0));
  }

  /** The document was closed: its pending check and kept findings go, and so do its diagnostics. */
  closed(uri: string, clear: boolean): void {
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    this.checkers.delete(uri);
    this.loggedSkips.delete(uri);
    if (clear) this.deps.publish({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private async check(uri: string): Promise<void> {
    const document = this.deps.document(uri);
    if (!document) return;
    const version = document.version;
    const stale = () => this.deps.document(uri)?.version !== version;
    const reason = skipReason(document.getText());
    if (reason) {
      if (!this.loggedSkips.has(uri)) {
        this.loggedSkips.add(uri);
        this.deps.log.info(`Not checking ${uri} for error codes: ${reason}.`);
      }
      this.deps.publish({ uri, diagnostics: [] });
      return;
    }
    const { context, settings } = await this.deps.contextFor(uri);
    if (stale()) return;
    let checker = this.checkers.get(uri);
    if (!checker) this.checkers.set(uri, (checker = this.deps.service.createSourceChecker()));
    const steps = checkSource(checker, document, context, settings);
    // Between steps, requests waiting (hover, completion) are answered; a newer version makes this pass stale.
    let step = steps.next();
    while (!step.done) {
      await new Promise((resolve) => setImmediate(resolve));
      if (stale()) return;
      step = steps.next();
    }
    if (stale()) return;
    const diagnostics: Diagnostic[] = [...step.value, ...(this.deps.generated?.(document) ?? [])];
    this.deps.publish({ uri, version, diagnostics });
  }
}
