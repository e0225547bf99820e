/**
 * Hands the text deltas of a running turn to the response writer. The writer waits for the first
 * delta before it commits to a streaming response, so a turn that fails before any text is answered
 * with a plain HTTP error; deltas that arrive while the client is busy are sent together.
 */
export interface DeltaQueue extends AsyncIterable<string> {
  push(delta: string): void;
  end(): void;
  fail(error: unknown): void;
  /** Resolves at the first delta or the end; rejects when the turn fails before any delta. */
  started(): Promise<void>;
}

/** Creates an empty queue. */
export function createDeltaQueue(): DeltaQueue {
  const buffer: string[] = [];
  let ended = false;
  let failure: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const signal = (): void => {
    const waiting = wake;
    wake = null;
    waiting?.();
  };
  const settled = (): boolean => buffer.length > 0 || ended || failure !== null;
  const waitForChange = (): Promise<void> => new Promise((resolve) => (wake = resolve));
  return {
    push(delta) {
      if (delta === '' || ended || failure) return;
      buffer.push(delta);
      signal();
    },
    end() {
      ended = true;
      signal();
    },
    fail(error) {
      failure = { error };
      signal();
    },
    async started() {
      while (!settled()) await waitForChange();
      if (buffer.length === 0 && failure) throw failure.error;
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (buffer.length > 0) {
          yield buffer.splice(0).join('');
          continue;
        }
        if (failure) throw failure.error;
        if (ended) return;
        await waitForChange();
      }
    },
  };
}
