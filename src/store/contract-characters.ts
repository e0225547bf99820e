/** Conformance tests for `Store.characters`. */
import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './contract-support.js';
import { expectStarlingError, makeCard, makeLorebook, nextMillisecond } from './contract-support.js';

/** Registers the character tests against the store returned by `current`. */
export function describeCharacterContract(current: CurrentStore): void {
  describe('characters', () => {
    it('creates version 1 and reads the full card back', async () => {
      const store = current();
      const card = makeCard({ lorebook: makeLorebook({ name: 'Embedded' }) });
      const created = await store.characters.create('owner-1', card);
      expect(created).toMatchObject({ ownerId: 'owner-1', version: 1, card });
      expect(created.updatedAt).toBe(created.createdAt);
      expect(await store.characters.get(created.id)).toEqual(created);
      expect(await store.characters.get('missing')).toBeNull();
    });

    it('gives ids that sort by creation', async () => {
      const store = current();
      const ids: string[] = [];
      for (let index = 0; index < 20; index += 1) {
        ids.push((await store.characters.create('owner-1', makeCard({ name: `C${index}` }))).id);
      }
      expect(new Set(ids).size).toBe(20);
      expect([...ids].sort()).toEqual(ids);
    });

    it('adds a version on update and keeps old versions readable', async () => {
      const store = current();
      const first = await store.characters.create('owner-1', makeCard());
      await nextMillisecond();
      const second = await store.characters.update(first.id, makeCard({ description: 'Now a wizard.' }));
      expect(second.version).toBe(2);
      expect(second.createdAt).toBe(first.createdAt);
      expect(second.updatedAt).toBeGreaterThan(first.updatedAt);
      expect((await store.characters.get(first.id))?.card.description).toBe('Now a wizard.');
      const old = await store.characters.getVersion(first.id, 1);
      expect(old?.version).toBe(1);
      expect(old?.card).toEqual(first.card);
      expect(await store.characters.getVersion(first.id, 3)).toBeNull();
      const versions = await store.characters.listVersions(first.id);
      expect(versions.map((entry) => entry.version)).toEqual([1, 2]);
      expect(versions[1]?.createdAt).toBe(second.updatedAt);
      await expectStarlingError(store.characters.update('missing', makeCard()), 'character_not_found');
      await expectStarlingError(store.characters.listVersions('missing'), 'character_not_found');
    });

    it('stores assets once per character and keeps them across updates', async () => {
      const store = current();
      const avatar = new Uint8Array([137, 80, 78, 71, 0, 255]);
      const assets = new Map([
        ['avatar', avatar],
        ['emotions/happy.png', new Uint8Array([1, 2, 3])],
      ]);
      const character = await store.characters.create('owner-1', makeCard(), assets);
      await store.characters.update(character.id, makeCard({ name: 'Alice 2' }));
      const read = await store.characters.getAssets(character.id);
      expect([...read.keys()].sort()).toEqual(['avatar', 'emotions/happy.png']);
      expect(Array.from(read.get('avatar') ?? [])).toEqual(Array.from(avatar));
      const bare = await store.characters.create('owner-1', makeCard());
      expect((await store.characters.getAssets(bare.id)).size).toBe(0);
      await expectStarlingError(store.characters.getAssets('missing'), 'character_not_found');
    });

    it('resolves by exact id, else by name case-insensitively, newest first, per owner', async () => {
      const store = current();
      const older = await store.characters.create('owner-1', makeCard({ name: 'Alice' }));
      await nextMillisecond();
      const newer = await store.characters.create('owner-1', makeCard({ name: 'alice' }));
      const chinese = await store.characters.create('owner-1', makeCard({ name: '小明' }));
      const greek = await store.characters.create('owner-1', makeCard({ name: 'Σοφία' }));
      await store.characters.create('owner-2', makeCard({ name: 'Bob' }));
      expect((await store.characters.resolve('owner-1', older.id))?.id).toBe(older.id);
      expect((await store.characters.resolve('owner-1', 'ALICE'))?.id).toBe(newer.id);
      expect((await store.characters.resolve('owner-1', '小明'))?.id).toBe(chinese.id);
      expect((await store.characters.resolve('owner-1', 'ΣΟΦΊΑ'))?.id).toBe(greek.id);
      expect(await store.characters.resolve('owner-1', 'Bob')).toBeNull();
      expect(await store.characters.resolve('owner-2', older.id)).toBeNull();
      expect(await store.characters.resolve('owner-1', 'Ali')).toBeNull();
    });

    it('lists newest updated first with search, tag filter, limit and offset', async () => {
      const store = current();
      const alice = await store.characters.create(
        'owner-1',
        makeCard({ name: 'Alice', tags: ['Fantasy', 'Books'], creator: 'Ann' }),
      );
      await nextMillisecond();
      const ming = await store.characters.create(
        'owner-1',
        makeCard({ name: '小明', nickname: '明明', tags: ['日常'], creator: '作者甲' }),
      );
      await nextMillisecond();
      const odd = await store.characters.create(
        'owner-1',
        makeCard({ name: '100% Real_Name', tags: ['sci-fi'], creator: 'Zed' }),
      );
      await store.characters.create('owner-2', makeCard({ name: 'Alice' }));
      const names = async (query: Parameters<typeof store.characters.list>[0]) =>
        (await store.characters.list(query)).map((summary) => summary.id);

      expect(await names({ ownerId: 'owner-1' })).toEqual([odd.id, ming.id, alice.id]);
      await nextMillisecond();
      await store.characters.update(alice.id, makeCard({ name: 'Alice', tags: ['Fantasy'], creator: 'Ann' }));
      expect(await names({ ownerId: 'owner-1' })).toEqual([alice.id, odd.id, ming.id]);

      expect(await names({ ownerId: 'owner-1', search: 'ALI' })).toEqual([alice.id]);
      expect(await names({ ownerId: 'owner-1', search: '小' })).toEqual([ming.id]);
      expect(await names({ ownerId: 'owner-1', search: '明明' })).toEqual([ming.id]);
      expect(await names({ ownerId: 'owner-1', search: '日常' })).toEqual([ming.id]);
      expect(await names({ ownerId: 'owner-1', search: '作者' })).toEqual([ming.id]);
      expect(await names({ ownerId: 'owner-1', search: 'fantasy' })).toEqual([alice.id]);
      expect(await names({ ownerId: 'owner-1', search: 'ann' })).toEqual([alice.id]);
      expect(await names({ ownerId: 'owner-1', search: '%' })).toEqual([odd.id]);
      expect(await names({ ownerId: 'owner-1', search: 'l_' })).toEqual([odd.id]);
      expect(await names({ ownerId: 'owner-1', search: 'nobody' })).toEqual([]);
      expect(await names({ ownerId: 'owner-1', tag: 'FANTASY' })).toEqual([alice.id]);
      expect(await names({ ownerId: 'owner-1', tag: 'fan' })).toEqual([]);
      expect(await names({ ownerId: 'owner-1', tag: '日常', search: '明' })).toEqual([ming.id]);
      expect(await names({ ownerId: 'owner-1', limit: 2 })).toEqual([alice.id, odd.id]);
      expect(await names({ ownerId: 'owner-1', limit: 2, offset: 2 })).toEqual([ming.id]);
      expect(await names({ ownerId: 'owner-1', offset: 1 })).toEqual([odd.id, ming.id]);

      const [summary] = await store.characters.list({ ownerId: 'owner-1', limit: 1 });
      expect(summary).toEqual({
        id: alice.id,
        ownerId: 'owner-1',
        shared: false,
        name: 'Alice',
        version: 2,
        tags: ['Fantasy'],
        updatedAt: (await store.characters.get(alice.id))?.updatedAt,
      });
    });

    it('deletes a character with its versions, assets, sessions, messages and lorebook links', async () => {
      const store = current();
      const character = await store.characters.create(
        'owner-1',
        makeCard(),
        new Map([['avatar', new Uint8Array([1])]]),
      );
      await store.characters.update(character.id, makeCard({ name: 'Alice 2' }));
      const { session, messages } = await store.sessions.create({
        ownerId: 'owner-1',
        characterId: character.id,
        characterVersion: 1,
        roots: [{ parentId: null, role: 'assistant', content: 'Hi' }],
      });
      await store.messages.append(session.id, [
        { parentId: messages[0]?.id ?? null, role: 'user', content: 'Yo' },
      ]);
      const book = await store.lorebooks.create('owner-1', makeLorebook());
      await store.lorebooks.attach(book.id, character.id);
      const other = await store.characters.create('owner-1', makeCard({ name: 'Other' }));
      await store.lorebooks.attach(book.id, other.id);

      expect(await store.characters.delete(character.id)).toBe(true);
      expect(await store.characters.get(character.id)).toBeNull();
      expect(await store.characters.getVersion(character.id, 1)).toBeNull();
      await expectStarlingError(store.characters.getAssets(character.id), 'character_not_found');
      expect(await store.sessions.get(session.id)).toBeNull();
      expect(await store.messages.get(messages[0]?.id ?? '')).toBeNull();
      expect((await store.lorebooks.get(book.id))?.characterIds).toEqual([other.id]);
      expect(await store.characters.delete(character.id)).toBe(false);
    });
  });
}
