/**
 * Memory spaces: one retrieval index per (owner, character), built lazily from the store and kept in
 * a bounded LRU. Before each search the space catches up with the store (rows changed since its last
 * look: new turns from the job worker, edits, forgets, supersedes) and every hit is checked against
 * the store, so memories deleted with a session (hard deletes, possibly by another process) are
 * never recalled.
 */
import {
  createMemoryIndex,
  DEFAULT_MEMORY_INDEX_OPTIONS,
  type MemoryIndex,
  type MemoryItem,
  type ScoredItem,
} from '../memory/index.js';
import { hybridSearch } from '../memory/vector-fusion.js';
import type { MemoryRecord } from '../spec/memory-store.js';
import type { Store } from '../spec/store.js';
import type { RecalledMemory } from '../prompt/index.js';
import {
  embedQuery,
  syncSpaceVectors,
  type QueryVector,
  type SpaceEmbedding,
  type SpaceVectors,
} from './memory-vectors.js';

interface Space {
  index: MemoryIndex;
  /** id -> updatedAt of what the index holds. */
  known: Map<string, number>;
  /** What the index holds, by id (the vector side ranks the same items). */
  items: Map<string, MemoryItem>;
  syncedTo: number;
  /** Present once an embedder is configured and a recall or warm-up loaded the space's vectors. */
  vectors?: SpaceVectors;
}

/** Summaries and facts rank on importance as well as words; turns have importance 0. */
const INDEX_OPTIONS = { importanceWeight: 0.5 };
const PRIORS = { ...DEFAULT_MEMORY_INDEX_OPTIONS, ...INDEX_OPTIONS };

export interface MemorySpaces {
  /** The best `k` live memories for `text`, best first, with the store's current text. */
  recall(query: {
    ownerId: string;
    characterId: string;
    text: string;
    k: number;
    now: number;
  }): Promise<RecalledMemory[]>;
  /** Builds (or catches up) the space now, e.g. in the background after a turn; with an embedder id, its vectors too. */
  warm(ownerId: string, characterId: string, embedderId?: string): Promise<void>;
  /** Drops cached spaces (one pair, one owner's, or all) so they are rebuilt from the store. */
  invalidate(ownerId?: string, characterId?: string): void;
  /** Number of cached spaces. */
  readonly size: number;
}

function toItem(record: MemoryRecord): MemoryItem {
  return {
    id: record.id,
    kind: record.kind,
    text: record.text,
    speaker: record.speaker,
    timestamp: record.timestamp,
    sessionId: record.sessionId ?? '',
    citedMessageIds: record.citedMessageIds,
    importance: record.importance,
  };
}

function live(record: MemoryRecord): boolean {
  return record.deletedAt === null && record.supersededBy === null && record.text !== '';
}

/**
 * Creates the LRU of memory spaces over a store; `capacity` bounds the cached pairs. With `embedding`,
 * recall fuses BM25 with vector search (docs/decisions/0017-embeddings.md).
 */
export function createMemorySpaces(store: Store, capacity = 32, embedding?: SpaceEmbedding): MemorySpaces {
  const spaces = new Map<string, Promise<Space>>();
  const keyOf = (ownerId: string, characterId: string): string => `${ownerId}\u0000${characterId}`;

  async function build(ownerId: string, characterId: string): Promise<Space> {
    const records = await store.memories.list({ ownerId, characterId, includeSuperseded: false });
    const index = createMemoryIndex(INDEX_OPTIONS);
    const known = new Map<string, number>();
    const byId = new Map<string, MemoryItem>();
    let syncedTo = 0;
    const items: MemoryItem[] = [];
    for (const record of records) {
      syncedTo = Math.max(syncedTo, record.updatedAt);
      if (!live(record)) continue;
      const item = toItem(record);
      items.push(item);
      byId.set(record.id, item);
      known.set(record.id, record.updatedAt);
    }
    index.add(items);
    return { index, known, items: byId, syncedTo };
  }

  async function catchUp(space: Space, ownerId: string, characterId: string): Promise<void> {
    const changed = await store.memories.list({
      ownerId,
      characterId,
      includeDeleted: true,
      updatedSince: space.syncedTo - 1,
    });
    const added: MemoryItem[] = [];
    for (const record of changed) {
      space.syncedTo = Math.max(space.syncedTo, record.updatedAt);
      const seen = space.known.get(record.id);
      if (seen === record.updatedAt) continue;
      const item = live(record) ? toItem(record) : null;
      // A vector encodes the text: when only the weights changed it stays (the store keeps it too).
      const sameText = item !== null && space.items.get(record.id)?.text === item.text;
      if (seen !== undefined) forget(space, [record.id], sameText);
      if (item === null) continue;
      added.push(item);
      space.items.set(record.id, item);
      space.known.set(record.id, record.updatedAt);
      if (sameText) space.vectors?.index?.replaceItem(item);
    }
    if (added.length > 0) space.index.add(added);
  }

  /** Drops memories from both sides of a space (a changed one is re-added; its vector comes later). */
  function forget(space: Space, ids: string[], keepVectors = false): void {
    space.index.remove(ids);
    if (!keepVectors) space.vectors?.index?.remove(ids);
    for (const id of ids) {
      space.known.delete(id);
      space.items.delete(id);
    }
  }

  /** BM25 alone, or fused with the vector ranking when the query was embedded in time. */
  async function search(
    space: Space,
    query: { ownerId: string; characterId: string; text: string; k: number; now: number },
    embedded: Promise<QueryVector | null> | undefined,
  ): Promise<ScoredItem[]> {
    const vector = embedded === undefined ? null : await embedded;
    if (vector !== null) {
      space.vectors = await syncSpaceVectors(
        store,
        { ...query, items: space.items },
        space.vectors,
        vector.embedderId,
      );
      const vectors = space.vectors.index;
      if (vectors !== null && vectors.size > 0 && vectors.dimensions === vector.vector.length) {
        return hybridSearch(space.index, vectors, vector.vector, query, PRIORS);
      }
    }
    return space.index.search(query);
  }

  async function spaceFor(ownerId: string, characterId: string): Promise<Space> {
    const key = keyOf(ownerId, characterId);
    let pending = spaces.get(key);
    if (pending === undefined) {
      pending = build(ownerId, characterId);
      pending.catch(() => spaces.delete(key));
    } else {
      spaces.delete(key);
    }
    spaces.set(key, pending);
    while (spaces.size > capacity) {
      const oldest = spaces.keys().next();
      if (oldest.done) break;
      spaces.delete(oldest.value);
    }
    const space = await pending;
    await catchUp(space, ownerId, characterId);
    return space;
  }

  return {
    async recall({ ownerId, characterId, text, k, now }) {
      if (text.trim() === '' || k <= 0) return [];
      // The query is embedded while the space catches up; embedQuery never rejects.
      const embedded = embedding === undefined ? undefined : embedQuery(embedding, text);
      const space = await spaceFor(ownerId, characterId);
      if (space.index.size === 0) return [];
      const hits = await search(space, { ownerId, characterId, text, k, now }, embedded);
      if (hits.length === 0) return [];
      const current = new Map(
        (await store.memories.list({ ownerId, characterId, ids: hits.map((hit) => hit.item.id) })).map(
          (record) => [record.id, record],
        ),
      );
      const gone = hits
        .map((hit) => hit.item.id)
        .filter((id) => {
          const record = current.get(id);
          return record === undefined || !live(record);
        });
      if (gone.length > 0) forget(space, gone);
      const recalled: RecalledMemory[] = [];
      for (const [rank, hit] of hits.entries()) {
        const record = current.get(hit.item.id);
        if (record === undefined || !live(record)) continue;
        recalled.push({
          id: record.id,
          text: record.text,
          citedMessageIds: record.citedMessageIds.length > 0 ? record.citedMessageIds : [record.id],
          timestamp: record.timestamp,
          speaker: record.kind === 'turn' ? record.speaker : '',
          reason: `matched the new message (${record.kind}, rank ${rank + 1}, score ${hit.score.toFixed(2)})`,
        });
      }
      return recalled;
    },
    async warm(ownerId, characterId, embedderId) {
      const space = await spaceFor(ownerId, characterId);
      if (embedderId !== undefined) {
        space.vectors = await syncSpaceVectors(
          store,
          { ownerId, characterId, items: space.items },
          space.vectors,
          embedderId,
        );
      }
    },
    invalidate(ownerId, characterId) {
      for (const key of [...spaces.keys()]) {
        const [owner, character] = key.split('\u0000');
        if (ownerId !== undefined && owner !== ownerId) continue;
        if (characterId !== undefined && character !== characterId) continue;
        spaces.delete(key);
      }
    },
    get size() {
      return spaces.size;
    },
  };
}
