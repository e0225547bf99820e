/** Conformance tests for `Store.embeddings`: memory vectors per embedder, and what removes them. */
import { describe, expect, it } from 'vitest';
import type { Store } from '../spec/store.js';
import type { CurrentStore } from './contract-support.js';
import { expectStarlingError, seedCharacter } from './contract-support.js';

async function seedMemories(store: Store) {
  const { user, character } = await seedCharacter(store);
  const { session } = await store.sessions.create({
    ownerId: user.id,
    characterId: character.id,
    characterVersion: 1,
  });
  await store.messages.append(
    session.id,
    [
      { id: 'q1', parentId: null, role: 'user', content: 'My cat is called Miso.' },
      { id: 'a1', parentId: 'q1', role: 'assistant', content: 'What a lovely name.' },
    ],
    { head: 'last' },
  );
  const base = { ownerId: user.id, characterId: character.id, sessionId: session.id, kind: 'turn' as const };
  const memories = await store.memories.add([
    { ...base, id: 'q1', text: 'My cat is called Miso.', timestamp: 1, citedMessageIds: ['q1'] },
    { ...base, id: 'a1', text: 'What a lovely name.', timestamp: 2, citedMessageIds: ['a1'] },
  ]);
  const space = { ownerId: user.id, characterId: character.id };
  return { user, character, session, memories, space };
}

const vector = (...values: number[]) => Float32Array.from(values);

/** Registers the embedding tests against the store returned by `current`. */
export function describeEmbeddingContract(current: CurrentStore): void {
  describe('memory embeddings', () => {
    it('stores one vector per memory and embedder, lists a space, reports what is missing', async () => {
      const store = current();
      const { memories, space } = await seedMemories(store);
      const [q1, a1] = memories;
      expect(await store.embeddings.missing({ ...space, embedderId: 'e1', limit: 10 })).toHaveLength(2);
      const stored = await store.embeddings.put([
        { memoryId: 'q1', embedderId: 'e1', vector: vector(0.6, 0.8, 0), memoryUpdatedAt: q1!.updatedAt },
        { memoryId: 'q1', embedderId: 'e2', vector: vector(1, 0), memoryUpdatedAt: q1!.updatedAt },
      ]);
      expect(stored).toBe(2);
      const listed = await store.embeddings.list({ ...space, embedderId: 'e1' });
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ memoryId: 'q1', embedderId: 'e1', dims: 3 });
      expect([...listed[0]!.vector]).toEqual([...vector(0.6, 0.8, 0)]);
      const missing = await store.embeddings.missing({ ...space, embedderId: 'e1', limit: 10 });
      expect(missing.map((memory) => memory.id)).toEqual(['a1']);
      expect(await store.embeddings.missing({ ...space, embedderId: 'e1', limit: 0 })).toEqual([]);
      expect(await store.embeddings.list({ ...space, ownerId: 'someone-else', embedderId: 'e1' })).toEqual(
        [],
      );

      // Replacing keeps one row; a later vector shows up for a catch-up read.
      const since = listed[0]!.createdAt;
      await store.embeddings.put([
        { memoryId: 'a1', embedderId: 'e1', vector: vector(0, 0, 1), memoryUpdatedAt: a1!.updatedAt },
        { memoryId: 'q1', embedderId: 'e1', vector: vector(0, 1, 0), memoryUpdatedAt: q1!.updatedAt },
      ]);
      expect(await store.embeddings.list({ ...space, embedderId: 'e1' })).toHaveLength(2);
      const later = await store.embeddings.list({ ...space, embedderId: 'e1', storedSince: since - 1 });
      expect(later.map((embedding) => embedding.memoryId).sort()).toEqual(['a1', 'q1']);

      expect(await store.embeddings.deleteEmbedder('e1')).toBe(2);
      expect(await store.embeddings.list({ ...space, embedderId: 'e1' })).toEqual([]);
      expect(await store.embeddings.list({ ...space, embedderId: 'e2' })).toHaveLength(1);
    });

    it('refuses empty or non-finite vectors and skips memories changed since they were read', async () => {
      const store = current();
      const { memories, space } = await seedMemories(store);
      const q1 = memories[0]!;
      const draft = { memoryId: 'q1', embedderId: 'e1', memoryUpdatedAt: q1.updatedAt };
      await expectStarlingError(store.embeddings.put([{ ...draft, vector: vector() }]), 'embedding_invalid');
      await expectStarlingError(
        store.embeddings.put([{ ...draft, vector: vector(1, Number.NaN) }]),
        'embedding_invalid',
      );
      await store.memories.update('q1', { text: 'My cat is called Mochi.' });
      // The vector was computed from the old text: not stored.
      expect(await store.embeddings.put([{ ...draft, vector: vector(1, 0) }])).toBe(0);
      expect(await store.embeddings.put([{ ...draft, memoryId: 'nope', vector: vector(1, 0) }])).toBe(0);
      expect(await store.embeddings.list({ ...space, embedderId: 'e1' })).toEqual([]);
    });

    it('editing, forgetting, superseding or deleting a memory removes its vectors', async () => {
      const store = current();
      const { memories, space, session } = await seedMemories(store);
      const put = async (id: string) => {
        const memory = await store.memories.get(id);
        return store.embeddings.put([
          { memoryId: id, embedderId: 'e1', vector: vector(1, 0), memoryUpdatedAt: memory!.updatedAt },
        ]);
      };
      const ids = async () =>
        (await store.embeddings.list({ ...space, embedderId: 'e1' }))
          .map((embedding) => embedding.memoryId)
          .sort();
      expect(await put('q1')).toBe(1);
      expect(await put('a1')).toBe(1);

      await store.memories.update('q1', { importance: 1 });
      expect(await ids()).toEqual(['a1', 'q1']);
      await store.memories.update('q1', { text: 'My cat is called Mochi.' });
      expect(await ids()).toEqual(['a1']);
      expect(await put('q1')).toBe(1);
      await store.memories.softDelete(['q1']);
      expect(await ids()).toEqual(['a1']);
      // A forgotten memory is never missing a vector: there is nothing to embed.
      expect(await store.embeddings.missing({ ...space, embedderId: 'e1', limit: 10 })).toEqual([]);

      const [fact] = await store.memories.add([
        { ...space, sessionId: null, kind: 'fact', text: 'Has a cat', timestamp: 3, citedMessageIds: ['a1'] },
      ]);
      expect(await put(fact!.id)).toBe(1);
      await store.memories.supersede([fact!.id], {
        ...space,
        sessionId: null,
        kind: 'fact',
        text: 'Has a cat named Miso',
        timestamp: 4,
        citedMessageIds: ['a1'],
      });
      expect(await ids()).toEqual(['a1']);

      await store.sessions.delete(session.id);
      expect(await ids()).toEqual([]);
      expect(memories).toHaveLength(2);
      expect(await store.embeddings.deleteEmbedder('e1')).toBe(0);
    });
  });
}
