/** Conformance tests for `Store.memories`, `Store.jobs` and `Store.relationships`. */
import { describe, expect, it } from 'vitest';
import type { MemoryDraft } from '../spec/memory-store.js';
import type { Store } from '../spec/store.js';
import type { CurrentStore } from './contract-support.js';
import { expectStarlingError, makeCard, seedCharacter } from './contract-support.js';

async function seedChat(store: Store) {
  const { user, character } = await seedCharacter(store);
  const { session } = await store.sessions.create({
    ownerId: user.id,
    characterId: character.id,
    characterVersion: 1,
  });
  const [question, answer] = await store.messages.append(
    session.id,
    [
      { id: 'q1', parentId: null, role: 'user', content: 'My cat is called Miso.' },
      { id: 'a1', parentId: 'q1', role: 'assistant', content: 'What a lovely name.' },
    ],
    { head: 'last' },
  );
  const base = { ownerId: user.id, characterId: character.id, sessionId: session.id };
  const turns: MemoryDraft[] = [question!, answer!].map((message) => ({
    ...base,
    id: message.id,
    kind: 'turn',
    text: message.content,
    speaker: message.role,
    timestamp: message.createdAt,
    citedMessageIds: [message.id],
  }));
  return { user, character, session, turns, base };
}

/** Registers the memory, job and relationship tests against the store returned by `current`. */
export function describeMemoryContract(current: CurrentStore): void {
  describe('memories', () => {
    it('adds idempotently by id, lists, searches, edits and forgets as a tombstone', async () => {
      const store = current();
      const { user, character, turns } = await seedChat(store);
      expect(await store.memories.add(turns)).toHaveLength(2);
      expect(await store.memories.add(turns)).toEqual([]);
      const listed = await store.memories.list({ ownerId: user.id, characterId: character.id });
      expect(listed.map((memory) => memory.id)).toEqual(['q1', 'a1']);
      expect(listed[0]).toMatchObject({ kind: 'turn', citedMessageIds: ['q1'], deletedAt: null });
      const found = await store.memories.list({ ownerId: user.id, search: 'MISO' });
      expect(found.map((memory) => memory.id)).toEqual(['q1']);
      expect(await store.memories.list({ ownerId: 'someone-else' })).toEqual([]);

      const edited = await store.memories.update('q1', { text: 'My cat is called Mochi.', importance: 3 });
      expect(edited).toMatchObject({ text: 'My cat is called Mochi.', importance: 1 });
      expect(edited.updatedAt).toBeGreaterThan(listed[0]!.updatedAt);

      expect(await store.memories.softDelete(['q1', 'missing'])).toBe(1);
      const tombstone = await store.memories.get('q1');
      expect(tombstone).toMatchObject({ text: '', deletedAt: expect.any(Number) });
      expect((await store.memories.list({ ownerId: user.id })).map((memory) => memory.id)).toEqual(['a1']);
      expect(await store.memories.list({ ownerId: user.id, includeDeleted: true })).toHaveLength(2);
      // A retried job cannot bring a forgotten memory back.
      expect(await store.memories.add(turns)).toEqual([]);
      expect((await store.memories.get('q1'))?.deletedAt).not.toBeNull();
      await expectStarlingError(store.memories.update('q1', { text: 'x' }), 'memory_not_found');
      await expectStarlingError(store.memories.update('missing', { text: 'x' }), 'memory_not_found');
    });

    it('supersedes a fact and keeps the old one as history', async () => {
      const store = current();
      const { user, base } = await seedChat(store);
      const [old] = await store.memories.add([
        { ...base, sessionId: null, kind: 'fact', text: 'Lives in Paris', subject: 'home', timestamp: 1 },
      ]);
      const newer = await store.memories.supersede([old!.id], {
        ...base,
        sessionId: null,
        kind: 'fact',
        text: 'Lives in Berlin',
        subject: 'home',
        timestamp: 2,
        citedMessageIds: ['q1'],
      });
      expect((await store.memories.get(old!.id))?.supersededBy).toBe(newer.id);
      const current_ = await store.memories.list({
        ownerId: user.id,
        includeSuperseded: false,
        kinds: ['fact'],
      });
      expect(current_.map((memory) => memory.text)).toEqual(['Lives in Berlin']);
      expect((await store.memories.export(user.id)).map((memory) => memory.text)).toContain('Lives in Paris');
      const since = await store.memories.list({ ownerId: user.id, updatedSince: newer.createdAt - 1 });
      expect(since.map((memory) => memory.id)).toContain(newer.id);
    });

    it('refuses to supersede a memory forgotten or replaced meanwhile, writing nothing', async () => {
      const store = current();
      const { user, base } = await seedChat(store);
      const fact = (id: string, text: string) => ({
        ...base,
        id,
        sessionId: null,
        kind: 'fact' as const,
        text,
        subject: 'debt',
        timestamp: 1,
        citedMessageIds: ['q1'],
      });
      await store.memories.add([fact('f1', 'Owes Sam money'), fact('f2', 'Likes tea')]);
      await store.memories.softDelete(['f1']);
      await expectStarlingError(
        store.memories.supersede(['f1'], fact('f3', 'Owes Sam 50')),
        'store_conflict',
      );
      await store.memories.supersede(['f2'], fact('f4', 'Likes green tea'));
      await expectStarlingError(
        store.memories.supersede(['f2'], fact('f5', 'Likes coffee')),
        'store_conflict',
      );
      const ids = (await store.memories.list({ ownerId: user.id, includeDeleted: true })).map((m) => m.id);
      expect(ids).not.toContain('f3');
      expect(ids).not.toContain('f5');
    });

    it('refuses a summary citing a message that no longer exists', async () => {
      const store = current();
      const { base } = await seedChat(store);
      const summary = { ...base, sessionId: null, kind: 'summary' as const, text: 'They talked about Miso' };
      await expectStarlingError(
        store.memories.supersede([], { ...summary, timestamp: 1, citedMessageIds: ['q1', 'gone'] }),
        'store_conflict',
      );
      await expectStarlingError(
        store.memories.add([{ ...summary, timestamp: 1, citedMessageIds: ['gone'] }]),
        'store_conflict',
      );
      const written = await store.memories.supersede([], {
        ...summary,
        timestamp: 1,
        citedMessageIds: ['q1'],
      });
      expect(written.citedMessageIds).toEqual(['q1']);
    });

    it('forgetting a memory forgets the versions it replaced, so deleting a chat revives nothing', async () => {
      const store = current();
      const { user, character, base } = await seedChat(store);
      const { session: other } = await store.sessions.create({
        ownerId: user.id,
        characterId: character.id,
        characterVersion: 1,
      });
      await store.messages.append(
        other.id,
        [{ id: 'q2', parentId: null, role: 'user', content: 'A secret' }],
        {
          head: 'last',
        },
      );
      const summary = { ...base, sessionId: null, kind: 'summary' as const, subject: 'relationship' };
      const first = await store.memories.supersede([], {
        ...summary,
        id: 'r1',
        text: 'The secret debt',
        timestamp: 1,
        citedMessageIds: ['q1'],
      });
      await store.memories.supersede([first.id], {
        ...summary,
        id: 'r2',
        text: 'The secret debt, and more',
        timestamp: 2,
        citedMessageIds: ['q1', 'q2'],
      });
      expect(await store.memories.softDelete(['r2'])).toBe(1);
      await store.sessions.delete(other.id);
      const left = await store.memories.list({ ownerId: user.id, includeDeleted: true, kinds: ['summary'] });
      expect(left.map((memory) => [memory.id, memory.text, memory.deletedAt !== null])).toEqual([
        ['r1', '', true],
      ]);
    });

    it('deleting a session deletes its memories and facts citing its messages; nothing is orphaned', async () => {
      const store = current();
      const { user, character, session, turns, base } = await seedChat(store);
      await store.memories.add(turns);
      await store.memories.add([
        { ...base, sessionId: null, kind: 'fact', text: 'Has a cat', timestamp: 1, citedMessageIds: ['q1'] },
        { ...base, sessionId: null, kind: 'fact', text: 'Unrelated', timestamp: 1, citedMessageIds: [] },
      ]);
      expect((await store.memories.forSession(session.id)).map((memory) => memory.text)).toEqual([
        'Has a cat',
        'My cat is called Miso.',
        'What a lovely name.',
      ]);
      await store.sessions.delete(session.id);
      const left = await store.memories.list({ ownerId: user.id, includeDeleted: true });
      expect(left.map((memory) => memory.text)).toEqual(['Unrelated']);
      await store.characters.delete(character.id);
      expect(await store.memories.list({ ownerId: user.id, includeDeleted: true })).toEqual([]);
    });

    it('deleting messages deletes the memories citing them; editing keeps the turn in step', async () => {
      const store = current();
      const { user, turns, base } = await seedChat(store);
      await store.memories.add(turns);
      await store.memories.add([
        { ...base, kind: 'summary', text: 'They talked about a cat', timestamp: 1, citedMessageIds: ['a1'] },
      ]);
      await store.messages.update('q1', { content: 'My dog is called Miso.' });
      expect((await store.memories.get('q1'))?.text).toBe('My dog is called Miso.');
      await store.messages.deleteSubtree('a1');
      expect((await store.memories.list({ ownerId: user.id })).map((memory) => memory.id)).toEqual(['q1']);
    });

    it('deleting a character deletes its memories and relationship state', async () => {
      const store = current();
      const { user, character, turns } = await seedChat(store);
      const other = await store.characters.create(user.id, makeCard({ name: 'Bob' }));
      await store.memories.add(turns);
      await store.relationships.upsert({
        ownerId: user.id,
        characterId: character.id,
        affinity: 0.2,
        trust: 0.6,
        mood: 'happy',
        updatedAt: 5,
      });
      await store.characters.delete(character.id);
      expect(await store.memories.list({ ownerId: user.id, includeDeleted: true })).toEqual([]);
      expect(await store.relationships.get(user.id, character.id)).toBeNull();
      expect(await store.characters.get(other.id)).not.toBeNull();
    });
  });

  describe('jobs', () => {
    it('enqueues idempotently, claims due jobs in order, retries and completes', async () => {
      const store = current();
      const first = await store.jobs.enqueue({
        kind: 'index',
        payload: { a: 1 },
        idempotencyKey: 'k1',
        runAfter: 0,
      });
      expect(first).toMatchObject({
        created: true,
        job: { status: 'queued', attempts: 0, payload: { a: 1 } },
      });
      const again = await store.jobs.enqueue({ kind: 'index', payload: { a: 2 }, idempotencyKey: 'k1' });
      expect(again).toMatchObject({ created: false, job: { id: first.job.id, payload: { a: 1 } } });
      await store.jobs.enqueue({ kind: 'later', payload: {}, idempotencyKey: 'k2', runAfter: 10_000 });
      expect(await store.jobs.pending()).toBe(2);
      expect(await store.jobs.pending(5_000)).toBe(1);

      const claimed = await store.jobs.claimNext(5_000);
      expect(claimed).toMatchObject({ id: first.job.id, status: 'running', attempts: 1 });
      expect(await store.jobs.claimNext(5_000)).toBeNull();
      await store.jobs.fail(first.job.id, 'boom', 6_000);
      expect(await store.jobs.get(first.job.id)).toMatchObject({
        status: 'queued',
        lastError: 'boom',
        runAfter: 6_000,
      });
      expect(await store.jobs.claimNext(5_500)).toBeNull();
      expect((await store.jobs.claimNext(6_000))?.attempts).toBe(2);
      await store.jobs.complete(first.job.id);
      expect((await store.jobs.get(first.job.id))?.status).toBe('done');
      const late = await store.jobs.claimNext(10_000);
      await store.jobs.fail(late!.id, 'gave up', null);
      expect((await store.jobs.get(late!.id))?.status).toBe('failed');
      expect(await store.jobs.pending()).toBe(0);
    });

    it('resumes jobs left running by a stopped process', async () => {
      const store = current();
      const { job } = await store.jobs.enqueue({
        kind: 'index',
        payload: {},
        idempotencyKey: 'k',
        runAfter: 0,
      });
      await store.jobs.claimNext(1);
      expect(await store.jobs.resumeRunning()).toBe(1);
      expect(await store.jobs.get(job.id)).toMatchObject({ status: 'queued', attempts: 1 });
    });
  });

  describe('relationships', () => {
    it('reads null until set, then upserts', async () => {
      const store = current();
      const { user, character } = await seedCharacter(store);
      expect(await store.relationships.get(user.id, character.id)).toBeNull();
      const state = {
        ownerId: user.id,
        characterId: character.id,
        affinity: 0.1,
        trust: 0.5,
        mood: 'neutral',
        updatedAt: 1,
      };
      expect(await store.relationships.upsert(state)).toEqual(state);
      const changed = { ...state, affinity: -0.2, mood: 'sad', updatedAt: 2 };
      expect(await store.relationships.upsert(changed)).toEqual(changed);
      expect(await store.relationships.get(user.id, character.id)).toEqual(changed);
    });
  });
}
