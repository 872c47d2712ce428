/**
 * Catalog loading off the main thread. Parsing and validating a catalog of tens of megabytes takes
 * seconds; done on the main thread it would hold up every request meanwhile, in every folder. Large
 * catalogs are checked on a worker thread (the same bundle, started as a worker), and only the
 * model is built here; small ones load in place, where a thread would cost more than it saves.
 */
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { catalogFromCheck, checkCatalog, loadCatalog, type CatalogCheck, type LoadOptions } from '../service/catalog/catalogLoader';
import type { CatalogLoader } from '../session/catalogRegistry';

/** Catalogs at least this long are checked on the worker. */
const OFF_THREAD_CHARACTERS = 512 * 1024;

interface CheckRequest { readonly id: number; readonly uri: string; readonly text: string; readonly options: LoadOptions }
type CheckResponse = { readonly id: number; readonly check: CatalogCheck } | { readonly id: number; readonly error: string };

/** A loader that checks large catalogs on a worker thread; `script` is the file the worker runs (this bundle). */
export function offThreadLoader(script: string, log: (message: string) => void): CatalogLoader {
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
    if (text.length < OFF_THREAD_CHARACTERS) return loadCatalog(uri, text, options);
    log(`Reading catalog ${uri} (${(text.length / 1024 / 1024).toFixed(1)} MB) in the background.`);
    const check = await new Promise<CatalogCheck>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const { knownStatuses, standardReasons } = options;
      workerFor().postMessage({ id, uri, text, options: { knownStatuses, standardReasons } } satisfies CheckRequest);
    });
    return catalogFromCheck(uri, text, check, options);
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
