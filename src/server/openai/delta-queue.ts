/**
 * Hands the text deltas of a running turn to the response writer. The writer waits for the first
 * delta before it commits to a streaming response, so a turn that fails before any text is answered
 * with a plain HTTP error; after that, deltas go straight to the writer's callback.
 */
export interface DeltaQueue {
  push(delta: string): void;
  end(): void;
  fail(error: unknown): void;
  /** Resolves at the first delta or the end; rejects when the turn fails before any delta. */
  started(): Promise<void>;
  /**
   * Sends the buffered deltas (joined) to `onText`, then each later one as it comes; resolves when
   * the turn ends, rejects with its error when it fails.
   */
  drain(onText: (text: string) => void): Promise<void>;
}

/** Creates an empty queue. */
export function createDeltaQueue(): DeltaQueue {
  const buffer: string[] = [];
  let sink: ((text: string) => void) | null = null;
  let outcome: { ok: true } | { ok: false; error: unknown } | null = null;
  const waiters: { resolve: () => void; reject: (error: unknown) => void; drain: boolean }[] = [];
  const settle = (): void => {
    for (const waiter of waiters.splice(0)) {
      if (outcome === null || outcome.ok) waiter.resolve();
      // started() only rejects when nothing arrived; drain() reports the failure after the text.
      else if (!waiter.drain && buffer.length > 0) waiter.resolve();
      else waiter.reject(outcome.error);
    }
  };
  return {
    push(delta) {
      if (delta === '' || outcome !== null) return;
      if (sink !== null) return sink(delta);
      buffer.push(delta);
      if (buffer.length === 1) settle();
    },
    end() {
      outcome ??= { ok: true };
      settle();
    },
    fail(error) {
      outcome ??= { ok: false, error };
      settle();
    },
    started() {
      if (buffer.length > 0 || sink !== null || outcome?.ok === true) return Promise.resolve();
      if (outcome !== null && !outcome.ok) return Promise.reject(outcome.error);
      return new Promise((resolve, reject) => waiters.push({ resolve, reject, drain: false }));
    },
    drain(onText) {
      if (buffer.length > 0) onText(buffer.splice(0).join(''));
      sink = onText;
      if (outcome !== null) return outcome.ok ? Promise.resolve() : Promise.reject(outcome.error);
      return new Promise((resolve, reject) => waiters.push({ resolve, reject, drain: true }));
    },
  };
}
