/**
 * The one error path for every request handler: cancellation is honoured, failures are
 * logged with their stack, and the client gets a fallback answer instead of an error.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export interface ErrorLog {
  error(message: string): void;
}

export async function runSafe<T>(log: ErrorLog, name: string, fallback: T, token: CancellationToken | undefined, work: () => T | Promise<T>): Promise<T | ResponseError<void>> {
  const cancelled = () => new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'Request cancelled');
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = await work();
    return token?.isCancellationRequested ? cancelled() : result;
  } catch (error) {
    // An answer the handler chose (a refused rename, say) goes to the client as it is.
    if (error instanceof ResponseError) return error as ResponseError<void>;
    const e = error as Error;
    log.error(`${name} failed: ${e?.message ?? String(error)}\n${e?.stack ?? ''}`);
    return fallback;
  }
}
