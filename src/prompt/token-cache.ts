/** Token counts cached by text, per counter, with a bounded size (least recently used goes first). */
import type { TokenCounter } from '../spec/index.js';

export interface TokenCache {
  /** Tokens of `text` for `counter`, counted once per distinct text while it stays cached. */
  count(counter: TokenCounter, text: string): number;
}

/** Creates a cache holding up to `maxEntries` counts per counter. */
export function createTokenCache(maxEntries = 4096): TokenCache {
  const byCounter = new WeakMap<TokenCounter, Map<string, number>>();
  return {
    count(counter, text) {
      if (text === '') return 0;
      let counts = byCounter.get(counter);
      if (!counts) {
        counts = new Map();
        byCounter.set(counter, counts);
      }
      const hit = counts.get(text);
      if (hit !== undefined) {
        // Re-insert so that Map order tracks recency.
        counts.delete(text);
        counts.set(text, hit);
        return hit;
      }
      const tokens = counter.count(text);
      counts.set(text, tokens);
      if (counts.size > maxEntries) {
        const oldest = counts.keys().next();
        if (!oldest.done) counts.delete(oldest.value);
      }
      return tokens;
    },
  };
}
