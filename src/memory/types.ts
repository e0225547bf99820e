/**
 * Memory contracts. A memory item is a conversation turn, or something derived from turns (a
 * summary, a fact) that carries the ids of the messages it cites, so anything recalled can be traced
 * back to what was said.
 */

export type MemoryKind = 'turn' | 'summary' | 'fact';

export interface MemoryItem {
  id: string;
  kind: MemoryKind;
  text: string;
  /** Who said it (a turn) or whom it is about (a fact); empty when unknown. */
  speaker: string;
  /** Unix milliseconds: when it was said, or when the cited messages were said. */
  timestamp: number;
  sessionId: string;
  /** Messages this item stands for; a turn cites itself (its own id counts even when omitted). */
  citedMessageIds: string[];
  /** 0..1, from fact extraction; absent means 0. */
  importance?: number;
}

export interface MemoryQuery {
  text: string;
  /** A speaker to favour besides any named in the text (e.g. the person asking about themselves). */
  speaker?: string;
  /** Reference for "last week" and recency; defaults to the newest memory's time. */
  now?: number;
  k: number;
  /**
   * Apply the recency and importance priors (default true). Hybrid search asks for BM25 ranks
   * without them and applies them once, after fusing with the vector ranks.
   */
  priors?: boolean;
}

export interface ScoredItem {
  item: MemoryItem;
  score: number;
}

/** The retrieval index over one memory space (one user and character). */
export interface MemoryIndex {
  /** Adds items in conversation order (a turn's context is the turn added before it in its session). */
  add(items: readonly MemoryItem[]): void;
  /** Removes items; the turn after a removed one is re-indexed so nothing of it lingers as context. */
  remove(ids: readonly string[]): void;
  /** The best `k` items for a query, best first. */
  search(query: MemoryQuery): ScoredItem[];
  /** Number of items held. */
  readonly size: number;
}

/** Anything that ranks memories for a query: BM25 now, a vector retriever when an embedder is set. */
export interface Retriever {
  readonly name: string;
  retrieve(query: MemoryQuery, signal?: AbortSignal): Promise<ScoredItem[]>;
}

/** The message ids an item stands for (a turn: itself plus anything it cites). */
export function messageIdsOf(item: MemoryItem): string[] {
  return item.kind === 'turn' ? [item.id, ...item.citedMessageIds] : item.citedMessageIds;
}
