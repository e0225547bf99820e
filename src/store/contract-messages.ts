/** Conformance tests for `Store.messages`: the branching message tree and its head. */
import { describe, expect, it } from 'vitest';
import type { MessageDraft, Store } from '../spec/store.js';
import type { CurrentStore } from './contract-support.js';
import { expectStarlingError, nextMillisecond, seedCharacter } from './contract-support.js';

async function startSession(store: Store) {
  const { user, character } = await seedCharacter(store);
  const { session } = await store.sessions.create({
    ownerId: user.id,
    characterId: character.id,
    characterVersion: 1,
    roots: [{ id: 'greeting', parentId: null, role: 'assistant', content: 'Hello.' }],
  });
  return session;
}

const turn = (id: string, parentId: string | null, role: MessageDraft['role'] = 'user'): MessageDraft => ({
  id,
  parentId,
  role,
  content: `${role} ${id}`,
});

/** Registers the message tests against the store returned by `current`. */
export function describeMessageContract(current: CurrentStore): void {
  describe('messages', () => {
    it('appends drafts that chain to earlier drafts, with increasing times, and moves the head', async () => {
      const store = current();
      const session = await startSession(store);
      await nextMillisecond();
      const appended = await store.messages.append(
        session.id,
        [
          turn('u1', 'greeting'),
          {
            parentId: 'u1',
            role: 'assistant',
            content: 'Hi!',
            status: 'incomplete',
            meta: { model: 'tiny' },
          },
        ],
        { head: 'last' },
      );
      const [user, reply] = appended;
      expect(user).toMatchObject({
        id: 'u1',
        sessionId: session.id,
        parentId: 'greeting',
        status: 'complete',
        meta: {},
      });
      expect(reply).toMatchObject({
        parentId: 'u1',
        role: 'assistant',
        status: 'incomplete',
        meta: { model: 'tiny' },
      });
      expect(reply?.createdAt).toBeGreaterThan(user?.createdAt ?? Infinity);
      expect(await store.messages.get(reply?.id ?? '')).toEqual(reply);
      const after = await store.sessions.get(session.id);
      expect(after?.headId).toBe(reply?.id);
      expect(after?.updatedAt).toBeGreaterThan(session.updatedAt);

      const timed = await store.messages.append(session.id, [{ ...turn('u2', 'greeting'), createdAt: 5 }]);
      expect(timed[0]?.createdAt).toBe(5);
      expect((await store.sessions.get(session.id))?.headId).toBe(reply?.id);
      expect(await store.messages.get('missing')).toBeNull();
    });

    it('moves the head to a given id, to null, or leaves it', async () => {
      const store = current();
      const session = await startSession(store);
      await store.messages.append(session.id, [turn('a', 'greeting'), turn('b', 'greeting')], { head: 'a' });
      expect((await store.sessions.get(session.id))?.headId).toBe('a');
      await store.messages.append(session.id, [turn('c', 'a')]);
      expect((await store.sessions.get(session.id))?.headId).toBe('a');
      await store.messages.append(session.id, [], { head: 'b' });
      expect((await store.sessions.get(session.id))?.headId).toBe('b');
      await store.messages.append(session.id, [], { head: null });
      expect((await store.sessions.get(session.id))?.headId).toBeNull();
    });

    it('inserts nothing and keeps the head when any draft is bad', async () => {
      const store = current();
      const session = await startSession(store);
      const other = await store.sessions.create({
        ownerId: session.ownerId,
        characterId: session.characterId,
        characterVersion: 1,
        roots: [{ id: 'elsewhere', parentId: null, role: 'assistant', content: 'Other chat.' }],
      });
      const before = await store.messages.tree(session.id);
      const error = await expectStarlingError(
        store.messages.append(session.id, [turn('x1', 'greeting'), turn('x2', 'nope'), turn('x3', 'x1')], {
          head: 'last',
        }),
        'message_parent_not_found',
      );
      expect(error.message).toContain('nope');
      await expectStarlingError(
        store.messages.append(session.id, [turn('y1', 'elsewhere')], { head: 'last' }),
        'message_parent_not_found',
      );
      await expectStarlingError(
        store.messages.append(session.id, [turn('z1', 'greeting')], { head: 'elsewhere' }),
        'message_not_found',
      );
      await expectStarlingError(
        store.messages.append(session.id, [turn('w1', 'greeting'), turn('greeting', null)], { head: 'last' }),
        'store_conflict',
      );
      await expectStarlingError(store.messages.append('missing', [turn('v1', null)]), 'session_not_found');
      expect(await store.messages.tree(session.id)).toEqual(before);
      expect((await store.sessions.get(session.id))?.headId).toBe('greeting');
      expect((await store.messages.tree(other.session.id)).map((message) => message.id)).toEqual([
        'elsewhere',
      ]);
    });

    it('reads the tree, a path, children and roots in creation order', async () => {
      const store = current();
      const session = await startSession(store);
      await store.messages.append(session.id, [
        { id: 'alt', parentId: null, role: 'assistant', content: 'Alt.' },
      ]);
      await store.messages.append(session.id, [
        turn('u1', 'greeting'),
        turn('a1', 'u1', 'assistant'),
        turn('a1-swipe', 'u1', 'assistant'),
        turn('u2', 'a1-swipe'),
      ]);
      const ids = (records: { id: string }[]) => records.map((record) => record.id);
      expect(ids(await store.messages.tree(session.id))).toEqual([
        'greeting',
        'alt',
        'u1',
        'a1',
        'a1-swipe',
        'u2',
      ]);
      expect(ids(await store.messages.path('u2'))).toEqual(['greeting', 'u1', 'a1-swipe', 'u2']);
      expect(ids(await store.messages.path('greeting'))).toEqual(['greeting']);
      expect(ids(await store.messages.children('u1'))).toEqual(['a1', 'a1-swipe']);
      expect(ids(await store.messages.children('u2'))).toEqual([]);
      expect(ids(await store.messages.roots(session.id))).toEqual(['greeting', 'alt']);
      await expectStarlingError(store.messages.path('missing'), 'message_not_found');
      await expectStarlingError(store.messages.children('missing'), 'message_not_found');
      await expectStarlingError(store.messages.tree('missing'), 'session_not_found');
      await expectStarlingError(store.messages.roots('missing'), 'session_not_found');
    });

    it('updates content, status and meta', async () => {
      const store = current();
      const session = await startSession(store);
      await store.messages.append(session.id, [
        { ...turn('a', 'greeting', 'assistant'), meta: { model: 'm' } },
      ]);
      const edited = await store.messages.update('a', { content: 'Partial…', status: 'incomplete' });
      expect(edited).toMatchObject({
        id: 'a',
        content: 'Partial…',
        status: 'incomplete',
        meta: { model: 'm' },
      });
      const replaced = await store.messages.update('a', { meta: { model: 'n', usage: { tokens: 3 } } });
      expect(replaced.meta).toEqual({ model: 'n', usage: { tokens: 3 } });
      expect(await store.messages.get('a')).toEqual(replaced);
      await expectStarlingError(store.messages.update('missing', { content: 'x' }), 'message_not_found');
    });

    it('deletes a subtree and moves the head out of it', async () => {
      const store = current();
      const session = await startSession(store);
      await store.messages.append(
        session.id,
        [
          turn('u1', 'greeting'),
          turn('a1', 'u1', 'assistant'),
          turn('u2', 'a1'),
          turn('a2', 'u1', 'assistant'),
        ],
        { head: 'u2' },
      );
      expect(await store.messages.deleteSubtree('a2')).toBe(1);
      expect((await store.sessions.get(session.id))?.headId).toBe('u2');
      expect(await store.messages.deleteSubtree('a1')).toBe(2);
      expect((await store.sessions.get(session.id))?.headId).toBe('u1');
      expect((await store.messages.tree(session.id)).map((message) => message.id)).toEqual([
        'greeting',
        'u1',
      ]);

      await store.messages.append(
        session.id,
        [turn('b1', 'u1', 'assistant'), turn('b2', 'u1', 'assistant')],
        {
          head: 'b1',
        },
      );
      await expectStarlingError(store.messages.deleteSubtree('u1', { newHead: 'b2' }), 'message_not_found');
      expect((await store.messages.tree(session.id)).length).toBe(4);
      expect(await store.messages.deleteSubtree('b1', { newHead: 'b2' })).toBe(1);
      expect((await store.sessions.get(session.id))?.headId).toBe('b2');
      expect(await store.messages.deleteSubtree('b2', { newHead: null })).toBe(1);
      expect((await store.sessions.get(session.id))?.headId).toBeNull();
      await store.sessions.setHead(session.id, 'u1');
      expect(await store.messages.deleteSubtree('greeting')).toBe(2);
      expect((await store.sessions.get(session.id))?.headId).toBeNull();
      await expectStarlingError(store.messages.deleteSubtree('greeting'), 'message_not_found');
    });

    it('handles a chat thousands of messages deep', async () => {
      const store = current();
      const session = await startSession(store);
      const drafts: MessageDraft[] = [];
      for (let index = 0; index < 2500; index += 1) {
        drafts.push(
          turn(`m${index}`, index === 0 ? 'greeting' : `m${index - 1}`, index % 2 ? 'assistant' : 'user'),
        );
      }
      await store.messages.append(session.id, drafts, { head: 'last' });
      expect((await store.messages.path('m2499')).length).toBe(2501);
      expect(await store.messages.deleteSubtree('m1000')).toBe(1500);
      expect((await store.sessions.get(session.id))?.headId).toBe('m999');
      expect(await store.sessions.delete(session.id)).toBe(true);
      expect(await store.messages.get('m0')).toBeNull();
    });
  });
}
