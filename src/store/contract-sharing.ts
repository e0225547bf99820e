/** Conformance tests for character isolation between owners and for shared characters. */
import { describe, expect, it } from 'vitest';
import type { Store } from '../spec/store.js';
import type { CurrentStore } from './contract-support.js';
import { expectStarlingError, makeCard, nextMillisecond } from './contract-support.js';

async function ownersWithCharacters(store: Store) {
  const ann = await store.users.create({ name: 'ann', role: 'user', passwordHash: null });
  const bob = await store.users.create({ name: 'bob', role: 'user', passwordHash: null });
  const annPrivate = await store.characters.create(ann.id, makeCard({ name: 'Secret', tags: ['mine'] }));
  await nextMillisecond();
  const annShared = await store.characters.create(ann.id, makeCard({ name: 'Guide', tags: ['public'] }));
  await store.characters.setShared(annShared.id, true);
  await nextMillisecond();
  const bobOwn = await store.characters.create(bob.id, makeCard({ name: 'Bobby' }));
  return { ann, bob, annPrivate, annShared, bobOwn };
}

/** Registers the isolation and sharing tests against the store returned by `current`. */
export function describeSharingContract(current: CurrentStore): void {
  describe('character isolation and sharing', () => {
    it('creates characters private and shares them without touching updatedAt', async () => {
      const store = current();
      const created = await store.characters.create('owner-1', makeCard());
      expect(created.shared).toBe(false);
      await nextMillisecond();
      await store.characters.setShared(created.id, true);
      const shared = await store.characters.get(created.id);
      expect(shared).toEqual({ ...created, shared: true });
      expect((await store.characters.list({ ownerId: 'owner-1' }))[0]?.shared).toBe(true);
      await store.characters.setShared(created.id, false);
      expect((await store.characters.get(created.id))?.shared).toBe(false);
      await expectStarlingError(store.characters.setShared('missing', true), 'character_not_found');
    });

    it("never resolves another owner's private character", async () => {
      const store = current();
      const { bob, annPrivate } = await ownersWithCharacters(store);
      expect(await store.characters.resolve(bob.id, annPrivate.id)).toBeNull();
      expect(await store.characters.resolve(bob.id, 'Secret')).toBeNull();
      expect(await store.characters.resolve(bob.id, annPrivate.id, { includeShared: true })).toBeNull();
      expect(await store.characters.resolve(bob.id, 'secret', { includeShared: true })).toBeNull();
    });

    it('resolves shared characters only when asked to', async () => {
      const store = current();
      const { ann, bob, annShared } = await ownersWithCharacters(store);
      expect(await store.characters.resolve(bob.id, annShared.id)).toBeNull();
      expect(await store.characters.resolve(bob.id, 'Guide')).toBeNull();
      const byId = await store.characters.resolve(bob.id, annShared.id, { includeShared: true });
      expect(byId).toMatchObject({ id: annShared.id, ownerId: ann.id, shared: true });
      expect((await store.characters.resolve(bob.id, 'guide', { includeShared: true }))?.id).toBe(
        annShared.id,
      );
      expect((await store.characters.resolve(ann.id, 'Guide'))?.id).toBe(annShared.id);
    });

    it("prefers the owner's own character on a name tie", async () => {
      const store = current();
      const { bob, annShared } = await ownersWithCharacters(store);
      const bobGuide = await store.characters.create(bob.id, makeCard({ name: 'Guide' }));
      // Make the shared one the most recently updated, so recency alone would pick it.
      await nextMillisecond();
      await store.characters.update(annShared.id, makeCard({ name: 'Guide' }));
      expect((await store.characters.resolve(bob.id, 'Guide', { includeShared: true }))?.id).toBe(
        bobGuide.id,
      );
    });

    it("lists only the owner's characters unless shared ones are asked for", async () => {
      const store = current();
      const { ann, bob, annShared, bobOwn } = await ownersWithCharacters(store);
      const own = await store.characters.list({ ownerId: bob.id });
      expect(own.map((character) => character.id)).toEqual([bobOwn.id]);
      const withShared = await store.characters.list({ ownerId: bob.id, includeShared: true });
      expect(withShared.map((character) => [character.name, character.ownerId, character.shared])).toEqual([
        ['Bobby', bob.id, false],
        ['Guide', ann.id, true],
      ]);
      expect(withShared.map((character) => character.id)).toContain(annShared.id);
      expect(
        (await store.characters.list({ ownerId: ann.id, includeShared: true })).map((c) => c.name),
      ).toEqual(['Guide', 'Secret']);
    });

    it('applies search, tag and paging to shared characters too', async () => {
      const store = current();
      const { bob } = await ownersWithCharacters(store);
      const query = { ownerId: bob.id, includeShared: true };
      expect((await store.characters.list({ ...query, search: 'gui' })).map((c) => c.name)).toEqual([
        'Guide',
      ]);
      expect((await store.characters.list({ ...query, search: 'secret' })).map((c) => c.name)).toEqual([]);
      expect((await store.characters.list({ ...query, tag: 'PUBLIC' })).map((c) => c.name)).toEqual([
        'Guide',
      ]);
      expect((await store.characters.list({ ...query, tag: 'mine' })).map((c) => c.name)).toEqual([]);
      expect((await store.characters.list({ ...query, limit: 1, offset: 1 })).map((c) => c.name)).toEqual([
        'Guide',
      ]);
    });
  });
}
