/**
 * Catalog checking off the main thread. Parsing and validating a catalog of tens of megabytes takes
 * seconds; done on the main thread it would hold up every request meanwhile, in every folder. Large
 * catalogs are checked on a worker thread (the same bundle, started as a worker), and only the
 * model is built on the main thread; small ones are checked in place, where a thread would cost
 * more than it saves.
 */
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { checkCatalog, type CatalogCheck, type LoadOptions } from '../service/catalog/catalogLoader';

/** Catalogs at least this long are checked on the worker: below it, starting and feeding a thread costs more than the parse. */
const OFF_THREAD_CHARACTERS = 4 * 1024 * 1024;

/** Checks a catalog's text (parse, schema, the checks beyond it): what a cache can keep and a model is built from. */
export type CatalogChecker = (uri: string, text: string, options: LoadOptions) => Promise<CatalogCheck>;

interface CheckRequest { readonly id: number; readonly uri: string; readonly text: string; readonly options: LoadOptions }
type CheckResponse = { readonly id: number; readonly check: CatalogCheck } | { readonly id: number; readonly error: string };

/** A checker that sends large catalogs to a worker thread running `script` (this bundle). */
export function offThreadChecker(script: string, log: (message: string) => void): CatalogChecker {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: (check: CatalogCheck) => void; reject: (error: Error) => void }>();
  const failAll = (error: Error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
    worker = undefined;
  };
  const workerFor = (): Worker => {
    if (!worker) {
      worker = new Worker(script, { workerData: { role: 'catalog-checker' } });
      worker.on('message', (response: CheckResponse) => {
        const waiter = pending.get(response.id);
        pending.delete(response.id);
        if ('error' in response) waiter?.reject(new Error(response.error));
        else waiter?.resolve(response.check);
      });
      worker.on('error', failAll);
      worker.on('exit', (code) => failAll(new Error(`the catalog checker stopped (exit code ${code})`)));
      // An idle worker must not keep the server alive once its connection closes.
      worker.unref();
    }
    return worker;
  };
  return async (uri, text, options) => {
    if (text.length < OFF_THREAD_CHARACTERS) return checkCatalog(uri, text, options);
    log(`Reading catalog ${uri} (${(text.length / 1024 / 1024).toFixed(1)} MB) in the background.`);
    return new Promise<CatalogCheck>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const { knownStatuses, standardReasons } = options;
      workerFor().postMessage({ id, uri, text, options: { knownStatuses, standardReasons } } satisfies CheckRequest);
    });
  };
}

/** Whether this thread is the catalog checker (the bundle started as a worker). */
export const isCatalogChecker = !isMainThread;

/** The worker's side: check each catalog sent, answer with the result or the error. */
export function serveCatalogChecks(): void {
  parentPort?.on('message', (request: CheckRequest) => {
    let response: CheckResponse;
    try {
      response = { id: request.id, check: checkCatalog(request.uri, request.text, request.options) };
    } catch (error) {
      response = { id: request.id, error: (error as Error)?.message ?? String(error) };
    }
    parentPort?.postMessage(response);
  });
}
