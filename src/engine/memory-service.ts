/**
 * People stay in control of memory: list, search, show, edit, forget and export what a character
 * remembers about them, and read the relationship state. Every call is scoped to one owner; another
 * owner's memory answers exactly like a missing one (`memory_not_found`).
 */
import { NEUTRAL_RELATIONSHIP, decayRelationship } from '../memory/relationship.js';
import { StarlingError } from '../spec/errors.js';
import type { MemoryPatch, MemoryRecord, MemoryRecordKind, RelationshipState } from '../spec/memory-store.js';
import type { Store } from '../spec/store.js';
import type { RecalledMemory } from '../prompt/index.js';
import { scanUntrusted } from '../safety/index.js';
import type { MemorySpaces } from './memory-spaces.js';

/**
 * A memory as people see it: the record, and when its text carries instructions aimed at the model,
 * the rules that fired (`quarantined`). Such a memory is kept out of prompts (untrusted-scan.ts);
 * the list shows it with a warning so the person can forget or correct it.
 */
export type MemoryView = MemoryRecord & { quarantined?: string[] };

/** Marks a memory whose text would be quarantined if recalled. */
export function viewMemory(record: MemoryRecord): MemoryView {
  const scan = scanUntrusted(record.text, 'memory');
  if (!scan.suspicious) return record;
  return { ...record, quarantined: [...new Set(scan.spans.map((span) => span.rule))] };
}

export interface MemoryListOptions {
  characterId?: string;
  kinds?: MemoryRecordKind[];
  /** Case-insensitive substring. */
  search?: string;
  /** Also list facts replaced by newer ones (default false). */
  includeSuperseded?: boolean;
  limit?: number;
  offset?: number;
}

/** Everything remembered about a person, as `starling memory export` and the API give it. */
export interface MemoryExport {
  format: 'starling-memory-export';
  version: 1;
  ownerId: string;
  characterId: string | null;
  exportedAt: number;
  memories: MemoryRecord[];
  relationships: RelationshipState[];
}

const MAX_TEXT = 20_000;

/** Creates the memory service over a store and the cached memory spaces. */
export function createMemoryService(dependencies: {
  store: Store;
  spaces: MemorySpaces;
  now: () => number;
  idle: () => Promise<void>;
}) {
  const { store, spaces, now } = dependencies;

  async function owned(ownerId: string, id: string): Promise<MemoryRecord> {
    const record = await store.memories.get(id);
    if (record === null || record.ownerId !== ownerId || record.deletedAt !== null) {
      throw new StarlingError('memory_not_found', `no memory with id ${id}`);
    }
    return record;
  }

  async function relationship(ownerId: string, characterId: string): Promise<RelationshipState> {
    const state = await store.relationships.get(ownerId, characterId);
    const at = now();
    if (state === null) return { ownerId, characterId, ...NEUTRAL_RELATIONSHIP, updatedAt: at };
    return { ...state, ...decayRelationship(state, at - state.updatedAt) };
  }

  return {
    /** Live memories, oldest first; newest first when `search` is empty is left to the caller. */
    async list(ownerId: string, options: MemoryListOptions = {}): Promise<MemoryView[]> {
      const records = await store.memories.list({
        ownerId,
        characterId: options.characterId,
        kinds: options.kinds,
        search: options.search,
        includeSuperseded: options.includeSuperseded === true,
        limit: options.limit,
        offset: options.offset,
      });
      return records.map(viewMemory);
    },
    /** What the character would recall for `text`, best first (the same ranking a turn uses). */
    async recall(ownerId: string, characterId: string, text: string, k = 10): Promise<RecalledMemory[]> {
      return spaces.recall({ ownerId, characterId, text, k, now: now() });
    },
    /** One memory, or `memory_not_found`. */
    async get(ownerId: string, id: string): Promise<MemoryView> {
      return viewMemory(await owned(ownerId, id));
    },
    /** Corrects a memory's text or weights; the next turn recalls the corrected text. */
    async edit(ownerId: string, id: string, patch: MemoryPatch): Promise<MemoryView> {
      await owned(ownerId, id);
      if (patch.text !== undefined && (patch.text.trim() === '' || patch.text.length > MAX_TEXT)) {
        throw new StarlingError('memory_invalid', `memory text must be 1 to ${MAX_TEXT} characters`);
      }
      return viewMemory(await store.memories.update(id, patch));
    },
    /** Forgets memories: their text is erased and they are never recalled again. Returns how many. */
    async forget(ownerId: string, ids: string[]): Promise<number> {
      for (const id of ids) await owned(ownerId, id);
      return store.memories.softDelete(ids);
    },
    /** Everything remembered (superseded history included), with the relationship state. */
    async export(ownerId: string, characterId?: string): Promise<MemoryExport> {
      const memories = await store.memories.export(ownerId, characterId);
      const characterIds = characterId ? [characterId] : [...new Set(memories.map((m) => m.characterId))];
      const relationships: RelationshipState[] = [];
      for (const id of characterIds) {
        const state = await store.relationships.get(ownerId, id);
        if (state !== null) relationships.push(state);
      }
      return {
        format: 'starling-memory-export',
        version: 1,
        ownerId,
        characterId: characterId ?? null,
        exportedAt: now(),
        memories,
        relationships,
      };
    },
    /** Affinity, trust and mood now (decayed since the last turn); neutral before any turn. */
    relationship,
    /** Resolves when queued memory work is done (tests, scripts, a CLI before it exits). */
    idle: dependencies.idle,
  };
}

export type MemoryService = ReturnType<typeof createMemoryService>;
