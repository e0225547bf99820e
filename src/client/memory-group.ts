/** Memory for the typed client: list and search, edit, forget, export, and the relationship state. */
import type { ClientTransport } from './more-groups.js';
import { queryString } from './query-string.js';
import type { Memory, MemoryExport, Relationship } from './types.js';

const id = encodeURIComponent;

/** What characters remember about the caller. */
export function memoryGroup({ json }: ClientTransport) {
  return {
    /** Memories, oldest first; `search` filters by text. */
    list: (
      query: {
        characterId?: string;
        search?: string;
        kind?: Memory['kind'];
        limit?: number;
        offset?: number;
      } = {},
    ) => json<Memory[]>(`/api/memories${queryString(query)}`),
    /** One memory. */
    get: (memoryId: string) => json<Memory>(`/api/memories/${id(memoryId)}`),
    /** Corrects a memory. */
    edit: (memoryId: string, patch: { text?: string; subject?: string; importance?: number }) =>
      json<Memory>(`/api/memories/${id(memoryId)}`, { method: 'PATCH', json: patch }),
    /** Forgets a memory: the text is erased and never recalled again. */
    forget: (memoryId: string) =>
      json<{ forgotten: number }>(`/api/memories/${id(memoryId)}`, { method: 'DELETE' }),
    /** Everything remembered, as one JSON document. */
    export: (characterId?: string) =>
      json<MemoryExport>(`/api/memories/export${queryString({ characterId })}`),
    /** The character's affinity, trust and mood towards the caller. */
    relationship: (characterId: string) =>
      json<Relationship>(`/api/characters/${id(characterId)}/relationship`),
  };
}
