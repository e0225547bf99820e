/**
 * The long-term summaries a turn's prompt shows: the relationship summary of the person and the
 * character, and the chat's session summary. Read on the turn path, so it must be cheap: each
 * (owner, character) keeps its current summaries in a small LRU, catches up with rows changed since
 * it last looked (the indexed query memory spaces use), and checks that what it shows still exists
 * (one query by id), rebuilding when a deleted chat took a summary with it.
 */
import { latestSummary } from '../memory/summaries.js';
import { scanUntrusted } from '../safety/index.js';
import type { PromptSummary } from '../prompt/index.js';
import type { MemoryRecord } from '../spec/memory-store.js';
import type { Store } from '../spec/store.js';

export interface SummaryReader {
  /** The live relationship summary and, with `sessionId`, that chat's session summary. */
  read(input: { ownerId: string; characterId: string; sessionId?: string }): Promise<PromptSummary[]>;
}

interface Shelf {
  /** Session and relationship summaries nothing supersedes (live or forgotten), by id. */
  records: Map<string, MemoryRecord>;
  syncedTo: number;
}

function isRollup(record: MemoryRecord): boolean {
  return record.kind === 'summary' && (record.subject === 'session' || record.subject === 'relationship');
}

/** Creates the reader over a store; `capacity` bounds the cached (owner, character) pairs. */
export function createSummaryReader(store: Store, capacity = 64): SummaryReader {
  const shelves = new Map<string, Shelf>();

  async function build(ownerId: string, characterId: string): Promise<Shelf> {
    const records = await store.memories.list({
      ownerId,
      characterId,
      kinds: ['summary'],
      includeSuperseded: false,
      includeDeleted: true,
    });
    const shelf: Shelf = { records: new Map(), syncedTo: 0 };
    for (const record of records) {
      shelf.syncedTo = Math.max(shelf.syncedTo, record.updatedAt);
      if (isRollup(record)) shelf.records.set(record.id, record);
    }
    return shelf;
  }

  async function catchUp(shelf: Shelf, ownerId: string, characterId: string): Promise<void> {
    const changed = await store.memories.list({
      ownerId,
      characterId,
      includeDeleted: true,
      updatedSince: shelf.syncedTo - 1,
    });
    for (const record of changed) {
      shelf.syncedTo = Math.max(shelf.syncedTo, record.updatedAt);
      if (!isRollup(record)) continue;
      if (record.supersededBy === null) shelf.records.set(record.id, record);
      else shelf.records.delete(record.id);
    }
  }

  function choose(shelf: Shelf, sessionId: string | undefined): MemoryRecord[] {
    const all = [...shelf.records.values()];
    const relationship = latestSummary(all.filter((record) => record.subject === 'relationship'));
    const session =
      sessionId === undefined
        ? undefined
        : latestSummary(
            all.filter((record) => record.subject === 'session' && record.sessionId === sessionId),
          );
    // The newest one forgotten means: show none (not an older one). A summary is model-written from
    // quoted chat, so it can carry an instruction someone typed: such a summary is kept out too.
    return [relationship, session].filter(
      (record): record is MemoryRecord =>
        record !== undefined &&
        record.deletedAt === null &&
        record.text !== '' &&
        !scanUntrusted(record.text, 'memory').suspicious,
    );
  }

  async function shelfFor(ownerId: string, characterId: string, fresh: boolean): Promise<Shelf> {
    const key = `${ownerId}\u0000${characterId}`;
    let shelf = fresh ? undefined : shelves.get(key);
    shelves.delete(key);
    if (shelf === undefined) shelf = await build(ownerId, characterId);
    else await catchUp(shelf, ownerId, characterId);
    shelves.set(key, shelf);
    while (shelves.size > capacity) {
      const oldest = shelves.keys().next();
      if (oldest.done) break;
      shelves.delete(oldest.value);
    }
    return shelf;
  }

  return {
    async read({ ownerId, characterId, sessionId }) {
      let chosen = choose(await shelfFor(ownerId, characterId, false), sessionId);
      if (chosen.length > 0) {
        const present = await store.memories.list({ ownerId, ids: chosen.map((record) => record.id) });
        // A deleted chat took a summary with it (and may have brought an older one back): rebuild.
        if (present.length !== chosen.length)
          chosen = choose(await shelfFor(ownerId, characterId, true), sessionId);
      }
      return chosen.map((record) => ({
        id: record.id,
        scope: record.subject === 'relationship' ? ('relationship' as const) : ('session' as const),
        text: record.text,
        citedMessageIds: record.citedMessageIds,
      }));
    },
  };
}
