/**
 * The language server running in the test's own process, connected by a pair of streams: the same
 * server the bundle starts, minus the process. Protocol tests use it where a spawned process adds
 * nothing but start-up time; `exit` ends this server only, never the test process.
 */
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createConnection, createProtocolConnection, ProposedFeatures } from 'vscode-languageserver';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { nodeFileSystem } from '../../server/src/node/fileSystem';
import { startServer } from '../../server/src/server';
import { LspClient, type ExitStatus, type InitializeOptions, type ServerEndpoint } from './lspClient';
import { REPO_ROOT } from './paths';

export function inProcessServer(): ServerEndpoint {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  let ended: ((status: ExitStatus) => void) | undefined;
  const exited = new Promise<ExitStatus>((resolve) => { ended = resolve; });
  let running = true;
  const stop = (code: number) => {
    if (!running) return;
    running = false;
    void session.dispose();
    connection.dispose();
    fromServer.end();
    ended?.({ code, signal: null });
  };
  const connection = createConnection(
    (logger) => createProtocolConnection(new StreamMessageReader(toServer), new StreamMessageWriter(fromServer), logger),
    // No watchdog on a parent process and no process.exit: the server is a guest in the test's process.
    { shutdownReceived: false, initialize: () => {}, exit: (code) => stop(code) },
    ProposedFeatures.all,
  );
  const session = startServer(connection, { fs: nodeFileSystem(join(REPO_ROOT, 'catalog', 'builtin')) });
  return {
    fromServer,
    toServer,
    exited,
    failed: new Promise<Error>(() => {}),
    pid: undefined,
    alive: () => running,
    kill: () => stop(1),
  };
}

/** A client of a server running in this process. */
export function inProcessClient(): LspClient {
  return new LspClient(undefined, undefined, undefined, { endpoint: inProcessServer() });
}

export type { InitializeOptions };
