/**
 * Conformance tests for `Store.users.delete`: a user's deletion takes everything they own and
 * everything derived from it, leaves other users' data alone, and keeps their audit rows without
 * text. A driver that can count rows per table passes `tableCounts`, and the suite then proves that
 * nothing is orphaned anywhere: every table is back to its count before the user existed.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../spec/store.js';
import type { CurrentStore } from './contract-support.js';
import { makeCard, makeLorebook } from './contract-support.js';

/** Rows per table, from a driver-specific look at the database. */
export type TableCounts = () => Promise<Record<string, number>>;

/** Tables that hold no per-user rows (the fixture cannot and need not fill them). */
const UNOWNED_TABLES = new Set(['schema_migrations', 'settings', 'model_configs', 'memory_embeddings']);

/** Gives `ownerId` one of everything: characters, books, chats, memories, credentials, jobs, audit. */
async function seedUser(store: Store, ownerId: string, name: string, otherShared?: string) {
  const own = await store.characters.create(
    ownerId,
    makeCard({ name: `${name}'s own` }),
    new Map([['avatar', new Uint8Array([1, 2, 3])]]),
  );
  await store.characters.update(own.id, makeCard({ name: `${name}'s own`, description: 'v2' }));
  const shared = await store.characters.create(ownerId, makeCard({ name: `${name}'s shared` }));
  await store.characters.setShared(shared.id, true);
  const attached = await store.lorebooks.create(ownerId, makeLorebook({ name: `${name} attached` }));
  await store.lorebooks.attach(attached.id, own.id);
  await store.lorebooks.create(ownerId, makeLorebook({ name: `${name} global` }), { global: true });
  const chatWith = async (characterId: string, version: number) => {
    const { session } = await store.sessions.create({
      ownerId,
      characterId,
      characterVersion: version,
      roots: [{ parentId: null, role: 'assistant', content: 'Hello.' }],
    });
    const [user] = await store.messages.append(
      session.id,
      [{ parentId: session.headId, role: 'user', content: `${name} loves green tea.` }],
      { head: 'last' },
    );
    if (user === undefined) throw new Error('append returned nothing');
    await store.messages.append(session.id, [{ parentId: user.id, role: 'assistant', content: 'Noted.' }], {
      head: 'last',
    });
    return { session, user };
  };
  const ownChat = await chatWith(own.id, 2);
  const characters = [own.id, ...(otherShared === undefined ? [] : [otherShared])];
  for (const characterId of characters) {
    const chat = characterId === own.id ? ownChat : await chatWith(characterId, 1);
    await store.memories.add([
      {
        id: chat.user.id,
        ownerId,
        characterId,
        sessionId: chat.session.id,
        kind: 'turn',
        text: chat.user.content,
        timestamp: chat.user.createdAt,
        citedMessageIds: [chat.user.id],
      },
      {
        ownerId,
        characterId,
        kind: 'fact',
        text: `${name} likes tea`,
        timestamp: 1,
        citedMessageIds: [chat.user.id],
      },
    ]);
    await store.relationships.upsert({
      ownerId,
      characterId,
      affinity: 0.2,
      trust: 0.3,
      mood: 'happy',
      updatedAt: 1,
    });
    await store.jobs.enqueue({
      kind: 'memory.turn',
      payload: { ownerId, characterId, sessionId: chat.session.id, messageIds: [chat.user.id] },
      idempotencyKey: `turn:${chat.user.id}`,
    });
    await store.audit.append({
      ownerId,
      sessionId: chat.session.id,
      messageId: chat.user.id,
      characterId,
      direction: 'output',
      action: 'revise',
      source: 'llm_guard',
      policy: 'standard',
      categories: ['violence'],
      scores: { violence: 0.9 },
      reason: `the reply to ${name} described a fight in detail`,
      text: `${name}'s secret reply`,
      revisions: [{ critique: 'too graphic', revision: 'softer' }],
    });
  }
  await store.personas.create(ownerId, { name: `${name} the brave`, isDefault: true });
  await store.apiKeys.create({
    userId: ownerId,
    name: 'bot',
    prefix: `sk-${name}`,
    secretHash: `hash-${name}`,
    scopes: ['chat'],
    expiresAt: null,
  });
  await store.authSessions.create({
    userId: ownerId,
    tokenHash: `token-${name}`,
    csrfToken: 'c',
    expiresAt: 9e15,
  });
  return { own, shared, ownChat };
}

/** Registers the user-deletion tests; `tableCounts` (optional) adds the every-table check. */
export function describeUserDeleteContract(current: CurrentStore, tableCounts?: TableCounts): void {
  describe('user deletion', () => {
    it('deletes the user and everything they own, and nothing of anyone else', async () => {
      const store = current();
      const kept = await store.users.create({ name: 'kept', role: 'admin', passwordHash: 'h' });
      const keptData = await seedUser(store, kept.id, 'kept');
      const before = await tableCounts?.();
      const gone = await store.users.create({ name: 'gone', role: 'user', passwordHash: 'h' });
      const goneData = await seedUser(store, gone.id, 'gone', keptData.shared.id);
      // Another user's chat with the deleted user's shared character goes with the character.
      const { session: keptOnGone } = await store.sessions.create({
        ownerId: kept.id,
        characterId: goneData.shared.id,
        characterVersion: 1,
        roots: [{ parentId: null, role: 'assistant', content: 'Hi.' }],
      });
      await store.memories.add([
        {
          ownerId: kept.id,
          characterId: goneData.shared.id,
          kind: 'fact',
          text: 'kept said hi',
          timestamp: 2,
        },
      ]);
      const during = await tableCounts?.();
      if (before !== undefined && during !== undefined) {
        const untouched = Object.keys(during).filter(
          (table) => !UNOWNED_TABLES.has(table) && during[table] === before[table],
        );
        // A new table of per-user data must get a row in this fixture (and be emptied by delete).
        expect(untouched, 'tables the fixture does not fill').toEqual([]);
      }

      expect(await store.users.delete(gone.id)).toBe(true);

      expect(await store.users.get(gone.id)).toBeNull();
      expect(await store.users.findByName('gone')).toBeNull();
      expect(await store.characters.get(goneData.own.id)).toBeNull();
      expect(await store.characters.get(goneData.shared.id)).toBeNull();
      expect(await store.characters.list({ ownerId: gone.id })).toEqual([]);
      expect(await store.lorebooks.list(gone.id)).toEqual([]);
      expect(await store.sessions.list({ ownerId: gone.id })).toEqual([]);
      expect(await store.sessions.get(goneData.ownChat.session.id)).toBeNull();
      expect(await store.messages.get(goneData.ownChat.user.id)).toBeNull();
      expect(await store.sessions.get(keptOnGone.id)).toBeNull();
      expect(await store.memories.list({ ownerId: gone.id, includeDeleted: true })).toEqual([]);
      expect(await store.relationships.get(gone.id, keptData.shared.id)).toBeNull();
      expect(await store.personas.list(gone.id)).toEqual([]);
      expect(await store.apiKeys.list(gone.id)).toEqual([]);
      expect(await store.apiKeys.findBySecretHash('hash-gone')).toBeNull();
      expect(await store.authSessions.findByTokenHash('token-gone')).toBeNull();
      expect(await store.jobs.pending()).toBe(1);

      const goneAudit = await store.audit.list({ ownerId: gone.id });
      expect(goneAudit).toHaveLength(2);
      for (const row of goneAudit) {
        expect(row).toMatchObject({ action: 'revise', source: 'llm_guard', categories: ['violence'] });
        expect(row).toMatchObject({ text: '', revisions: [], reason: '' });
      }

      // The kept user's data is whole.
      expect(await store.characters.get(keptData.shared.id)).not.toBeNull();
      expect(await store.messages.tree(keptData.ownChat.session.id)).toHaveLength(3);
      expect(await store.memories.list({ ownerId: kept.id })).toHaveLength(2);
      expect(await store.relationships.get(kept.id, keptData.own.id)).not.toBeNull();
      expect(await store.personas.list(kept.id)).toHaveLength(1);
      expect(await store.audit.list({ ownerId: kept.id })).toMatchObject([{ text: "kept's secret reply" }]);
      const after = await tableCounts?.();
      if (before !== undefined && after !== undefined) {
        expect({ ...after, audit_log: before.audit_log }).toEqual(before);
        expect(after.audit_log).toBe((before.audit_log ?? 0) + 2);
      }
    });

    it('returns false for an unknown user and changes nothing', async () => {
      const store = current();
      const ann = await store.users.create({ name: 'ann', role: 'user', passwordHash: null });
      expect(await store.users.delete('missing')).toBe(false);
      expect(await store.users.get(ann.id)).toEqual(ann);
    });

    it('stores and changes the minor flag', async () => {
      const store = current();
      const kid = await store.users.create({ name: 'kid', role: 'user', passwordHash: null, minor: true });
      expect(kid).toMatchObject({ minor: true, local: false });
      expect(await store.users.get(kid.id)).toEqual(kid);
      await store.users.setMinor(kid.id, false);
      expect(await store.users.get(kid.id)).toMatchObject({ minor: false });
      expect(await store.users.ensureLocal()).toMatchObject({ minor: false, local: true });
    });
  });
}
