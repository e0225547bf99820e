/**
 * Bridges the model's pushed deltas (`onDelta`) to the pull-based output screen, and hands released
 * text back in the model's own chunks, so a client still sees token-sized deltas, each only after
 * the sentence it belongs to was screened.
 */

/** A push-to-pull queue of text deltas; `end` finishes the iteration. */
export interface DeltaQueue extends AsyncIterable<string> {
  push(delta: string): void;
  end(): void;
}

/** Creates an unbounded delta queue (the producer is the model, bounded by maxOutputTokens). */
export function createDeltaQueue(): DeltaQueue {
  const items: string[] = [];
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  return {
    push(delta) {
      if (ended) return;
      items.push(delta);
      notify();
    },
    end() {
      ended = true;
      notify();
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const next = items.shift();
        if (next !== undefined) {
          yield next;
          continue;
        }
        if (ended) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
  };
}

/** Remembers the original deltas and returns, for each released text, the deltas it covers. */
export function createRechunker(): { record(delta: string): void; release(text: string): string[] } {
  const pending: string[] = [];
  return {
    record(delta) {
      if (delta !== '') pending.push(delta);
    },
    release(text) {
      const out: string[] = [];
      let left = text.length;
      while (left > 0) {
        const head = pending[0];
        if (head === undefined) break;
        if (head.length <= left) {
          out.push(head);
          pending.shift();
          left -= head.length;
        } else {
          out.push(head.slice(0, left));
          pending[0] = head.slice(left);
          left = 0;
        }
      }
      return out;
    },
  };
}
