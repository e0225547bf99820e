/** Retrieval settings. Defaults are round numbers chosen for reasons (see docs/decisions/0011). */

export interface FeedbackOptions {
  /** Top documents of the first pass read for expansion terms. */
  documents: number;
  /** Expansion terms added to the query. */
  terms: number;
  /** Share of the final query given to the expansion terms (RM3's 1 - lambda). */
  weight: number;
}

export interface MemoryIndexOptions {
  /** Weight of the previous turn's words in a turn's document (short answers borrow the question's words). */
  contextWeight: number;
  /** How many earlier turns of the session form a turn's context (weights contextWeight^depth). */
  contextTurns: number;
  /** Weight of the next turn's words (0: off; on costs a re-index of the previous turn per add). */
  followingWeight: number;
  /** Weight of the month token of the time a memory was made. */
  dateWeight: number;
  /** Query weight of "asks for a time" matched against "mentions a time". */
  timeTalkWeight: number;
  /** Multiplier added for memories said by a speaker the query names (0.5 -> x1.5). */
  speakerBoost: number;
  /** Share of the final score from the session the memory belongs to. */
  sessionWeight: number;
  /** Pseudo-relevance feedback (RM3), or null for none. */
  feedback: FeedbackOptions | null;
  /** Added score for recent memories, halving every `recencyHalfLifeMs` (0: off). */
  recencyWeight: number;
  recencyHalfLifeMs: number;
  /** Added score per unit of importance (0: off). */
  importanceWeight: number;
  /** Candidates re-ranked per query. */
  candidates: number;
  /** Minutes east of UTC, for the calendar months that time tokens name. */
  timeZoneOffsetMinutes: number;
  /** BM25 parameters. */
  k1: number;
  b: number;
}

/** The defaults: recency and importance off, everything else on. */
export const DEFAULT_MEMORY_INDEX_OPTIONS: Readonly<MemoryIndexOptions> = {
  contextWeight: 0.5,
  contextTurns: 2,
  followingWeight: 0,
  dateWeight: 0.5,
  timeTalkWeight: 0.5,
  speakerBoost: 0.5,
  sessionWeight: 0.3,
  // RM3 is built and tested but off: on the development conversation it did not raise recall (0011).
  feedback: null,
  recencyWeight: 0,
  recencyHalfLifeMs: 30 * 86_400_000,
  importanceWeight: 0,
  candidates: 100,
  timeZoneOffsetMinutes: 0,
  k1: 1.2,
  b: 0.75,
};
