/** Conformance tests for `Store.personas`: per-owner personas with at most one default. */
import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './contract-support.js';
import { expectStarlingError } from './contract-support.js';

/** Registers the persona tests against the store returned by `current`. */
export function describePersonaContract(current: CurrentStore): void {
  describe('personas', () => {
    async function twoUsers() {
      const store = current();
      const owner = await store.users.create({ name: 'ann', role: 'user', passwordHash: null });
      const other = await store.users.create({ name: 'bob', role: 'user', passwordHash: null });
      return { store, owner, other };
    }

    it('creates, reads back, updates and deletes a persona', async () => {
      const { store, owner } = await twoUsers();
      const created = await store.personas.create(owner.id, {
        name: 'Captain Ann',
        description: 'A sailor.',
      });
      expect(created).toMatchObject({
        ownerId: owner.id,
        name: 'Captain Ann',
        description: 'A sailor.',
        isDefault: false,
      });
      expect(await store.personas.get(created.id)).toEqual(created);
      const updated = await store.personas.update(created.id, { description: 'A retired sailor.' });
      expect(updated).toMatchObject({ name: 'Captain Ann', description: 'A retired sailor.' });
      expect(await store.personas.delete(created.id)).toBe(true);
      expect(await store.personas.delete(created.id)).toBe(false);
      expect(await store.personas.get(created.id)).toBeNull();
      await expectStarlingError(store.personas.update(created.id, { name: 'x' }), 'persona_not_found');
    });

    it('lists only the owner’s personas, default first', async () => {
      const { store, owner, other } = await twoUsers();
      await store.personas.create(owner.id, { name: 'Alpha' });
      const zed = await store.personas.create(owner.id, { name: 'Zed', isDefault: true });
      await store.personas.create(other.id, { name: 'Bob' });
      expect((await store.personas.list(owner.id)).map((persona) => persona.name)).toEqual(['Zed', 'Alpha']);
      expect((await store.personas.list(other.id)).map((persona) => persona.name)).toEqual(['Bob']);
      expect((await store.personas.get(zed.id))?.isDefault).toBe(true);
    });

    it('keeps one default per owner and clears it on request', async () => {
      const { store, owner, other } = await twoUsers();
      const first = await store.personas.create(owner.id, { name: 'First', isDefault: true });
      const second = await store.personas.create(owner.id, { name: 'Second', isDefault: true });
      const theirs = await store.personas.create(other.id, { name: 'Theirs', isDefault: true });
      const defaults = async () =>
        (await store.personas.list(owner.id)).filter((persona) => persona.isDefault).map((p) => p.id);
      expect(await defaults()).toEqual([second.id]);
      await store.personas.setDefault(owner.id, first.id);
      expect(await defaults()).toEqual([first.id]);
      await store.personas.setDefault(owner.id, null);
      expect(await defaults()).toEqual([]);
      expect((await store.personas.get(theirs.id))?.isDefault).toBe(true);
    });

    it('refuses to make another owner’s or a missing persona the default', async () => {
      const { store, owner, other } = await twoUsers();
      const mine = await store.personas.create(owner.id, { name: 'Mine', isDefault: true });
      const theirs = await store.personas.create(other.id, { name: 'Theirs' });
      await expectStarlingError(store.personas.setDefault(owner.id, theirs.id), 'persona_not_found');
      await expectStarlingError(store.personas.setDefault(owner.id, 'missing'), 'persona_not_found');
      expect((await store.personas.get(mine.id))?.isDefault).toBe(true);
    });
  });
}
