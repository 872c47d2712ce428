/**
 * Progress of a long check on standard error: nothing for a run that ends within a second (most
 * do), then a line at most every second, so that CI logs show a long run is alive without filling up.
 */
export const PROGRESS_AFTER_MS = 1000;

/** A callback for `(done, total)` that writes a line through `write` when it is time; `now` is the clock in milliseconds. */
export function progressLines(now: () => number, write: (line: string) => void): (done: number, total: number) => void {
  const started = now();
  let shown = started;
  return (done, total) => {
    const time = now();
    if (done >= total || time - shown < PROGRESS_AFTER_MS) return;
    shown = time;
    write(`error-catalog: checked ${done} of ${total} files…\n`);
  };
}
