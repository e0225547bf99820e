/** Conformance tests for `Store.sessions`. */
import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './contract-support.js';
import { expectStarlingError, makeCard, nextMillisecond, seedCharacter } from './contract-support.js';

/** Registers the session tests against the store returned by `current`. */
export function describeSessionContract(current: CurrentStore): void {
  describe('sessions', () => {
    it('creates a session with its roots and the head on the first root', async () => {
      const store = current();
      const { user, character } = await seedCharacter(store);
      const { session, messages } = await store.sessions.create({
        ownerId: user.id,
        characterId: character.id,
        characterVersion: 1,
        title: 'Night shift',
        seed: 42,
        roots: [
          { parentId: null, role: 'assistant', content: 'Hello.' },
          { parentId: null, role: 'assistant', content: 'Oh, a visitor!', meta: { greeting: 1 } },
        ],
      });
      expect(session).toMatchObject({
        ownerId: user.id,
        characterId: character.id,
        characterVersion: 1,
        title: 'Night shift',
        seed: 42,
        headId: messages[0]?.id,
      });
      expect(messages.map((message) => [message.parentId, message.content, message.status])).toEqual([
        [null, 'Hello.', 'complete'],
        [null, 'Oh, a visitor!', 'complete'],
      ]);
      expect(messages[1]?.meta).toEqual({ greeting: 1 });
      expect(await store.sessions.get(session.id)).toEqual(session);
      expect(await store.messages.roots(session.id)).toEqual(messages);
      expect(await store.sessions.get('missing')).toBeNull();
    });

    it('creates an empty session with defaults', async () => {
      const store = current();
      const { user, character } = await seedCharacter(store);
      const { session, messages } = await store.sessions.create({
        ownerId: user.id,
        characterId: character.id,
        characterVersion: 1,
      });
      expect(messages).toEqual([]);
      expect(session.headId).toBeNull();
      expect(session.title).toBe('');
      expect(Number.isInteger(session.seed)).toBe(true);
    });

    it('refuses unknown characters and versions, and writes nothing on a bad root', async () => {
      const store = current();
      const { user, character } = await seedCharacter(store);
      const base = { ownerId: user.id, characterId: character.id, characterVersion: 1 };
      await expectStarlingError(
        store.sessions.create({ ...base, characterId: 'missing' }),
        'character_not_found',
      );
      await expectStarlingError(
        store.sessions.create({ ...base, characterVersion: 2 }),
        'character_version_not_found',
      );
      await expectStarlingError(
        store.sessions.create({
          ...base,
          roots: [
            { parentId: null, role: 'assistant', content: 'ok' },
            { parentId: 'missing', role: 'assistant', content: 'bad' },
          ],
        }),
        'message_parent_not_found',
      );
      expect(await store.sessions.list({ ownerId: user.id })).toEqual([]);
    });

    it('keeps the character version it started on', async () => {
      const store = current();
      const { user, character } = await seedCharacter(store);
      const { session } = await store.sessions.create({
        ownerId: user.id,
        characterId: character.id,
        characterVersion: 1,
      });
      await store.characters.update(character.id, makeCard({ name: 'Alice II' }));
      expect((await store.sessions.get(session.id))?.characterVersion).toBe(1);
      const later = await store.sessions.create({
        ownerId: user.id,
        characterId: character.id,
        characterVersion: 2,
      });
      expect(later.session.characterVersion).toBe(2);
    });

    it('lists an owner’s sessions, newest activity first, by character, with a limit', async () => {
      const store = current();
      const { user, character } = await seedCharacter(store);
      const other = await store.characters.create(user.id, makeCard({ name: 'Bob' }));
      const start = (characterId: string) =>
        store.sessions.create({ ownerId: user.id, characterId, characterVersion: 1 });
      const first = await start(character.id);
      await nextMillisecond();
      const second = await start(other.id);
      await nextMillisecond();
      const third = await start(character.id);
      await store.sessions.create({
        ownerId: 'someone-else',
        characterId: character.id,
        characterVersion: 1,
      });
      const ids = async (query: Parameters<typeof store.sessions.list>[0]) =>
        (await store.sessions.list(query)).map((session) => session.id);

      expect(await ids({ ownerId: user.id })).toEqual([
        third.session.id,
        second.session.id,
        first.session.id,
      ]);
      await nextMillisecond();
      await store.messages.append(first.session.id, [
        { parentId: null, role: 'user', content: 'back again' },
      ]);
      expect(await ids({ ownerId: user.id })).toEqual([
        first.session.id,
        third.session.id,
        second.session.id,
      ]);
      expect(await ids({ ownerId: user.id, characterId: character.id })).toEqual([
        first.session.id,
        third.session.id,
      ]);
      expect(await ids({ ownerId: user.id, limit: 1 })).toEqual([first.session.id]);
    });

    it('sets the head only to a message of the same session', async () => {
      const store = current();
      const { user, character } = await seedCharacter(store);
      const roots = [
        { parentId: null, role: 'assistant' as const, content: 'A' },
        { parentId: null, role: 'assistant' as const, content: 'B' },
      ];
      const one = await store.sessions.create({
        ownerId: user.id,
        characterId: character.id,
        characterVersion: 1,
        roots,
      });
      const two = await store.sessions.create({
        ownerId: user.id,
        characterId: character.id,
        characterVersion: 1,
        roots,
      });
      const secondRoot = one.messages[1]?.id ?? '';
      await nextMillisecond();
      await store.sessions.setHead(one.session.id, secondRoot);
      const moved = await store.sessions.get(one.session.id);
      expect(moved?.headId).toBe(secondRoot);
      expect(moved?.updatedAt).toBeGreaterThan(one.session.updatedAt);
      await store.sessions.setHead(one.session.id, null);
      expect((await store.sessions.get(one.session.id))?.headId).toBeNull();
      await expectStarlingError(
        store.sessions.setHead(one.session.id, two.messages[0]?.id ?? ''),
        'message_not_found',
      );
      await expectStarlingError(store.sessions.setHead('missing', null), 'session_not_found');
    });

    it('renames and deletes sessions with all their messages', async () => {
      const store = current();
      const { user, character } = await seedCharacter(store);
      const { session, messages } = await store.sessions.create({
        ownerId: user.id,
        characterId: character.id,
        characterVersion: 1,
        roots: [{ parentId: null, role: 'assistant', content: 'Hi' }],
      });
      await store.sessions.rename(session.id, '新的标题');
      expect((await store.sessions.get(session.id))?.title).toBe('新的标题');
      await expectStarlingError(store.sessions.rename('missing', 'x'), 'session_not_found');
      expect(await store.sessions.delete(session.id)).toBe(true);
      expect(await store.sessions.get(session.id)).toBeNull();
      expect(await store.messages.get(messages[0]?.id ?? '')).toBeNull();
      expect(await store.sessions.delete(session.id)).toBe(false);
      expect(await store.characters.get(character.id)).not.toBeNull();
    });
  });
}
