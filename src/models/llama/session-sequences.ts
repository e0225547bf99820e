/**
 * One context sequence (KV cache) per chat session, least recently used evicted first. A later turn
 * of the same session lands on the sequence that still holds its previous prompt + reply, so
 * node-llama-cpp only evaluates the tokens after the shared prefix.
 */
import { LlamaChat, type ChatWrapper, type LlamaContextSequence } from 'node-llama-cpp';

export interface SessionSlot {
  readonly sequence: LlamaContextSequence;
  readonly chat: LlamaChat;
}

/** Calls without a session key share one slot; reuse there still works when prompts share a prefix. */
const anonymousKey = '\u0000anonymous';

export class SessionSequences {
  private readonly free: SessionSlot[];
  /** Insertion order is recency: a used key is deleted and set again. */
  private readonly bySession = new Map<string, SessionSlot>();

  constructor(sequences: readonly LlamaContextSequence[], chatWrapper: ChatWrapper) {
    this.free = sequences.map((sequence) => ({
      sequence,
      chat: new LlamaChat({ contextSequence: sequence, chatWrapper, autoDisposeSequence: false }),
    }));
  }

  /** The slot for `sessionKey`, taking a free one or clearing the least recently used one. */
  async acquire(sessionKey: string | undefined): Promise<SessionSlot> {
    const key = sessionKey ?? anonymousKey;
    const existing = this.bySession.get(key);
    if (existing !== undefined) {
      this.bySession.delete(key);
      this.bySession.set(key, existing);
      return existing;
    }
    let slot = this.free.pop();
    if (slot === undefined) {
      const [oldestKey, oldest] = this.bySession.entries().next().value ?? [];
      if (oldestKey === undefined || oldest === undefined) throw new Error('session pool has no sequences');
      this.bySession.delete(oldestKey);
      await oldest.sequence.clearHistory();
      slot = oldest;
    }
    this.bySession.set(key, slot);
    return slot;
  }

  /** Disposes every chat; the sequences go with their context. */
  dispose(): void {
    for (const slot of [...this.free, ...this.bySession.values()])
      slot.chat.dispose({ disposeSequence: false });
    this.free.length = 0;
    this.bySession.clear();
  }
}
