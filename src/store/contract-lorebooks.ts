/** Conformance tests for `Store.lorebooks`. */
import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './contract-support.js';
import {
  expectStarlingError,
  makeCard,
  makeEntry,
  makeLorebook,
  nextMillisecond,
} from './contract-support.js';

/** Registers the lorebook tests against the store returned by `current`. */
export function describeLorebookContract(current: CurrentStore): void {
  describe('lorebooks', () => {
    it('creates, reads, updates and lists books', async () => {
      const store = current();
      const book = makeLorebook({
        entries: [makeEntry(), makeEntry({ id: 2, keys: ['城'], content: '一座城。' })],
      });
      const created = await store.lorebooks.create('owner-1', book);
      expect(created).toMatchObject({ ownerId: 'owner-1', book, characterIds: [], global: false });
      expect(await store.lorebooks.get(created.id)).toEqual(created);
      expect(await store.lorebooks.get('missing')).toBeNull();
      const global = await store.lorebooks.create('owner-1', makeLorebook({ name: 'Rules' }), {
        global: true,
      });
      expect(global.global).toBe(true);
      await store.lorebooks.create('owner-2', makeLorebook({ name: 'Theirs' }));

      await nextMillisecond();
      const updated = await store.lorebooks.update(
        created.id,
        makeLorebook({ name: 'World v2', entries: [] }),
      );
      expect(updated.book.name).toBe('World v2');
      expect(updated.updatedAt).toBeGreaterThan(created.updatedAt);
      expect(updated.createdAt).toBe(created.createdAt);
      await expectStarlingError(store.lorebooks.update('missing', makeLorebook()), 'lorebook_not_found');

      const listed = await store.lorebooks.list('owner-1');
      expect(listed.map((record) => record.id)).toEqual([created.id, global.id]);
    });

    it('resolves by id, else by name case-insensitively, per owner', async () => {
      const store = current();
      const book = await store.lorebooks.create('owner-1', makeLorebook({ name: 'Middle Earth' }));
      const chinese = await store.lorebooks.create('owner-1', makeLorebook({ name: '江湖' }));
      expect((await store.lorebooks.resolve('owner-1', book.id))?.id).toBe(book.id);
      expect((await store.lorebooks.resolve('owner-1', 'middle EARTH'))?.id).toBe(book.id);
      expect((await store.lorebooks.resolve('owner-1', '江湖'))?.id).toBe(chinese.id);
      expect(await store.lorebooks.resolve('owner-2', book.id)).toBeNull();
      expect(await store.lorebooks.resolve('owner-2', 'Middle Earth')).toBeNull();
    });

    it('attaches and detaches books, idempotently', async () => {
      const store = current();
      const character = await store.characters.create('owner-1', makeCard());
      const second = await store.characters.create('owner-1', makeCard({ name: 'Bob' }));
      const book = await store.lorebooks.create('owner-1', makeLorebook());
      await store.lorebooks.attach(book.id, character.id);
      await store.lorebooks.attach(book.id, character.id);
      await store.lorebooks.attach(book.id, second.id);
      expect((await store.lorebooks.get(book.id))?.characterIds).toEqual([character.id, second.id]);
      await store.lorebooks.detach(book.id, character.id);
      await store.lorebooks.detach(book.id, character.id);
      expect((await store.lorebooks.get(book.id))?.characterIds).toEqual([second.id]);

      await expectStarlingError(store.lorebooks.attach('missing', character.id), 'lorebook_not_found');
      await expectStarlingError(store.lorebooks.attach(book.id, 'missing'), 'character_not_found');
      await expectStarlingError(store.lorebooks.detach('missing', character.id), 'lorebook_not_found');
      const foreign = await store.characters.create('owner-2', makeCard());
      await expectStarlingError(store.lorebooks.attach(book.id, foreign.id), 'owner_mismatch');
    });

    it('gives a character its attached books, then the owner’s global books, without duplicates', async () => {
      const store = current();
      const character = await store.characters.create('owner-1', makeCard());
      const other = await store.characters.create('owner-1', makeCard({ name: 'Other' }));
      const globalFirst = await store.lorebooks.create('owner-1', makeLorebook({ name: 'G1' }), {
        global: true,
      });
      const attachedLater = await store.lorebooks.create('owner-1', makeLorebook({ name: 'A2' }));
      const attachedEarlier = await store.lorebooks.create('owner-1', makeLorebook({ name: 'A1' }));
      const globalAndAttached = await store.lorebooks.create('owner-1', makeLorebook({ name: 'GA' }), {
        global: true,
      });
      await store.lorebooks.create('owner-1', makeLorebook({ name: 'Unrelated' }));
      await store.lorebooks.create('owner-2', makeLorebook({ name: 'Foreign global' }), { global: true });
      await store.lorebooks.attach(attachedEarlier.id, character.id);
      await nextMillisecond();
      await store.lorebooks.attach(attachedLater.id, character.id);
      await nextMillisecond();
      await store.lorebooks.attach(globalAndAttached.id, character.id);

      const names = async (characterId: string) =>
        (await store.lorebooks.forCharacter(characterId)).map((record) => record.book.name);
      expect(await names(character.id)).toEqual(['A1', 'A2', 'GA', 'G1']);
      expect(await names(other.id)).toEqual(['G1', 'GA']);

      await store.lorebooks.setGlobal(globalFirst.id, false);
      expect(await names(other.id)).toEqual(['GA']);
      expect((await store.lorebooks.get(globalFirst.id))?.global).toBe(false);
      await expectStarlingError(store.lorebooks.setGlobal('missing', true), 'lorebook_not_found');
      await expectStarlingError(store.lorebooks.forCharacter('missing'), 'character_not_found');
    });

    it('deletes a book and its links, leaving characters alone', async () => {
      const store = current();
      const character = await store.characters.create('owner-1', makeCard());
      const book = await store.lorebooks.create('owner-1', makeLorebook(), { global: true });
      await store.lorebooks.attach(book.id, character.id);
      expect(await store.lorebooks.delete(book.id)).toBe(true);
      expect(await store.lorebooks.get(book.id)).toBeNull();
      expect(await store.lorebooks.forCharacter(character.id)).toEqual([]);
      expect(await store.characters.get(character.id)).not.toBeNull();
      expect(await store.lorebooks.delete(book.id)).toBe(false);
    });
  });
}
