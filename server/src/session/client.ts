/**
 * What the session asks of the editor on the other end: a small interface, so that the session
 * never holds the connection and tests can stand in for the client.
 */
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import type { CatalogsChangedParams } from '../protocol';
import type { Logger } from './catalogRegistry';

export interface ProgressReporter {
  report(percentage: number, message: string): void;
  done(): void;
  /** Whether the user cancelled the work in the editor. */
  readonly cancelled: boolean;
}

export interface ClientPort {
  readonly log: Logger;
  publishDiagnostics(params: PublishDiagnosticsParams): void;
  catalogsChanged(params: CatalogsChangedParams): void;
  /** Asks the client to re-request code lenses. */
  refreshCodeLenses(): void;
  /** A configuration section for a scope (`workspace/configuration`). */
  configuration(scopeUri: string | undefined, section: string): Promise<unknown>;
  /** Watches files (`workspace/didChangeWatchedFiles`) and the `errorCatalog` section, as the client allows. */
  registerWatchers(globs: readonly string[]): void;
  registerConfiguration(section: string): void;
  /** Progress shown in the editor for long work, when the client can show it. */
  beginProgress(title: string): Promise<ProgressReporter | undefined>;
}
