/**
 * The storage contract for memory: what a character remembers about a person (turns, summaries,
 * facts), the durable queue of memory work, and the relationship state per (person, character).
 * Part of `Store`; every driver passes the same conformance suite (`src/store/contract-memories.ts`).
 */

export type MemoryRecordKind = 'turn' | 'summary' | 'fact';

export interface MemoryRecord {
  /** A turn's memory has its message's id; summaries and facts get new ids. */
  id: string;
  ownerId: string;
  characterId: string;
  /** The session it came from; null for memories that span sessions. */
  sessionId: string | null;
  kind: MemoryRecordKind;
  /** Empty once forgotten: a forgotten memory keeps only its tombstone. */
  text: string;
  /** Who said it (turns) or who it is about (facts); may be empty. */
  speaker: string;
  /** What a fact is about ("name", "pet", "birthday"); empty for turns. */
  subject: string;
  /** 0..1. */
  importance: number;
  /** 0..1. */
  confidence: number;
  /** When it was said (Unix ms). */
  timestamp: number;
  /** The messages it stands for; a turn cites its own message. */
  citedMessageIds: string[];
  /** The newer memory that replaced this one (kept as history), else null. */
  supersededBy: string | null;
  createdAt: number;
  updatedAt: number;
  /** When it was forgotten, else null. */
  deletedAt: number | null;
}

/** A memory to add; `id` may be chosen by the caller (a turn uses its message id). */
export interface MemoryDraft {
  id?: string;
  ownerId: string;
  characterId: string;
  sessionId?: string | null;
  kind: MemoryRecordKind;
  text: string;
  speaker?: string;
  subject?: string;
  importance?: number;
  confidence?: number;
  timestamp: number;
  citedMessageIds?: string[];
}

export interface MemoryListQuery {
  ownerId: string;
  characterId?: string;
  kinds?: MemoryRecordKind[];
  /** Only these ids. */
  ids?: string[];
  /** Include forgotten memories (tombstones); default false. */
  includeDeleted?: boolean;
  /** Include memories replaced by newer ones; default true. */
  includeSuperseded?: boolean;
  /** Only memories changed after this time (Unix ms). */
  updatedSince?: number;
  /** Case-insensitive substring over the text. */
  search?: string;
  limit?: number;
  offset?: number;
}

/** What a person may change in a memory. */
export interface MemoryPatch {
  text?: string;
  subject?: string;
  importance?: number;
  confidence?: number;
}

export interface MemoryStore {
  /**
   * Adds memories in one transaction, in order. Idempotent by id: a draft whose id exists (even
   * forgotten) is skipped, so a retried job never duplicates or revives a memory. Returns what was added.
   */
  add(drafts: MemoryDraft[]): Promise<MemoryRecord[]>;
  /**
   * Adds `draft` and marks `oldIds` as superseded by it, in one transaction. Throws `store_conflict`
   * (writing nothing) when an old memory is no longer current (forgotten or already replaced), or
   * when a summary cites a message that no longer exists.
   */
  supersede(oldIds: string[], draft: MemoryDraft): Promise<MemoryRecord>;
  get(id: string): Promise<MemoryRecord | null>;
  /** Oldest first (by timestamp, then id). */
  list(query: MemoryListQuery): Promise<MemoryRecord[]>;
  /** Throws `memory_not_found` for an unknown or forgotten id. */
  update(id: string, patch: MemoryPatch): Promise<MemoryRecord>;
  /**
   * Forgets: clears the text and marks the memories deleted, with the older versions each one
   * replaced (its history goes with it). Returns how many of `ids` changed.
   */
  softDelete(ids: string[]): Promise<number>;
  /** Every memory derived from a session (its turns, and anything citing its messages). */
  forSession(sessionId: string): Promise<MemoryRecord[]>;
  /** Everything remembered about an owner (optionally with one character), superseded history included. */
  export(ownerId: string, characterId?: string): Promise<MemoryRecord[]>;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobRecord {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  status: JobStatus;
  attempts: number;
  /** Not claimed before this time (Unix ms). */
  runAfter: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

/** The durable queue of background work (memory updates). */
export interface JobStore {
  /** Queues a job unless one with the same key exists (in any status); returns it and whether it is new. */
  enqueue(input: {
    kind: string;
    payload: Record<string, unknown>;
    idempotencyKey: string;
    runAfter?: number;
  }): Promise<{ job: JobRecord; created: boolean }>;
  /** Takes the oldest due queued job (status -> running, attempts + 1), or null. */
  claimNext(now: number): Promise<JobRecord | null>;
  complete(id: string): Promise<void>;
  /** Records a failure: queued again at `retryAt`, or `failed` for good when `retryAt` is null. */
  fail(id: string, error: string, retryAt: number | null): Promise<void>;
  /** After a restart: jobs left running by a stopped process are queued again. Returns how many. */
  resumeRunning(): Promise<number>;
  get(id: string): Promise<JobRecord | null>;
  /** Jobs running or queued (with `now`: only queued ones due by then). */
  pending(now?: number): Promise<number>;
}

export interface RelationshipState {
  ownerId: string;
  characterId: string;
  /** -1..1: how much the character likes the person. */
  affinity: number;
  /** 0..1. */
  trust: number;
  /** A word: `neutral`, `happy`, `sad`, `angry`, … */
  mood: string;
  updatedAt: number;
}

export interface RelationshipStore {
  get(ownerId: string, characterId: string): Promise<RelationshipState | null>;
  upsert(state: RelationshipState): Promise<RelationshipState>;
}
