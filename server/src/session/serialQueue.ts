/**
 * Work that must happen one task at a time (loading a folder's catalogs), where a failed task
 * never stops the ones after it: its error is reported and the queue carries on.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Runs `task` after every task queued before it; resolves when it is done, whether it failed or not. */
  run(task: () => unknown): Promise<void> {
    const done = this.tail.then(task).then(() => undefined, this.onError);
    this.tail = done;
    return done;
  }

  /** Resolves once every task queued so far is done. */
  idle(): Promise<void> {
    return this.tail;
  }
}
