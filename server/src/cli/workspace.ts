/**
 * The editor's session opened on a folder from the command line: no connection, no open documents,
 * settings answered from what the command read, and everything loaded and indexed before it is used.
 */
import { URI } from 'vscode-uri';
import type { CatalogLoader, Logger } from '../session/catalogRegistry';
import { normalizePath, type FileSystem } from '../session/files';
import { Session } from '../session/session';

/** A path as given on the command line (relative to `base`, or absolute), with `.` and `..` resolved. */
export function absolute(path: string, base: string): string {
  return normalizePath(path.startsWith('/') ? path : `${base}/${path}`);
}

export interface CommandLineWorkspace {
  readonly root: string;
  readonly fs: FileSystem;
  readonly loadCatalog?: CatalogLoader;
  /** What `workspace/configuration` answers for `errorCatalog` and for `files.exclude`. */
  readonly settings: { readonly errorCatalog: unknown; readonly filesExclude?: unknown };
  readonly log: Pick<Logger, 'warn' | 'error'>;
}

/** A session on `root` whose catalogs are loaded and constants indexed; the caller disposes of it. */
export async function openSession(workspace: CommandLineWorkspace): Promise<Session> {
  const { settings, log } = workspace;
  const session = new Session({
    log: { info: () => undefined, warn: log.warn, error: log.error },
    publishDiagnostics: () => undefined,
    catalogsChanged: () => undefined,
    refreshCodeLenses: () => undefined,
    configuration: async (_scope, section) => (section === 'errorCatalog' ? settings.errorCatalog : section === 'files.exclude' ? settings.filesExclude : undefined),
    registerWatchers: () => undefined,
    registerConfiguration: () => undefined,
    beginProgress: async () => undefined,
  }, { get: () => undefined, all: () => [] }, { fs: workspace.fs, loadCatalog: workspace.loadCatalog, countsReferences: false });
  try {
    const rootUri = URI.file(workspace.root).toString();
    session.initialize({ processId: null, rootUri, workspaceFolders: [{ uri: rootUri, name: workspace.root.slice(workspace.root.lastIndexOf('/') + 1) }], capabilities: { workspace: { configuration: true } } });
    session.initialized();
    await session.settled();
    return session;
  } catch (error) {
    await session.dispose();
    throw error;
  }
}
