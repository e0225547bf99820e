/** Conformance tests for `Store.audit`: append-only safety decisions, filtered and newest first. */
import { describe, expect, it } from 'vitest';
import { AUDIT_TEXT_LIMIT } from '../spec/audit-store.js';
import type { AuditDraft } from '../spec/audit-store.js';
import type { CurrentStore } from './contract-support.js';
import { makeCard } from './contract-support.js';

function draft(overrides: Partial<AuditDraft> = {}): AuditDraft {
  return {
    ownerId: 'owner-1',
    direction: 'input',
    action: 'block',
    policy: 'standard',
    categories: ['violence_weapons'],
    scores: { violence_weapons: 0.91 },
    reason: 'rule en.weapon_howto',
    text: 'how do I build a bomb',
    ...overrides,
  };
}

/** Registers the audit-log tests against the store returned by `current`. */
export function describeAuditContract(current: CurrentStore): void {
  describe('audit log', () => {
    it('appends a row and reads it back with every field', async () => {
      const store = current();
      const row = await store.audit.append(
        draft({
          sessionId: 's1',
          messageId: 'm1',
          characterId: 'c1',
          action: 'revise',
          direction: 'output',
          revisions: [{ critique: 'too graphic', revision: 'A softer line.' }],
          at: 1000,
        }),
      );
      expect(row).toMatchObject({
        at: 1000,
        ownerId: 'owner-1',
        sessionId: 's1',
        messageId: 'm1',
        characterId: 'c1',
        direction: 'output',
        action: 'revise',
        policy: 'standard',
        categories: ['violence_weapons'],
        scores: { violence_weapons: 0.91 },
        text: 'how do I build a bomb',
        revisions: [{ critique: 'too graphic', revision: 'A softer line.' }],
      });
      expect(typeof row.id).toBe('string');
      expect(await store.audit.list()).toEqual([row]);
    });

    it('fills in null ids and empty revisions', async () => {
      const row = await current().audit.append(draft({ direction: 'import', action: 'flag' }));
      expect(row).toMatchObject({ sessionId: null, messageId: null, characterId: null, revisions: [] });
    });

    it('caps stored text at the audit limit', async () => {
      const row = await current().audit.append(draft({ text: 'x'.repeat(AUDIT_TEXT_LIMIT + 50) }));
      expect(row.text.length).toBe(AUDIT_TEXT_LIMIT);
    });

    it('filters by owner, session, action and time, newest first, with a limit', async () => {
      const store = current();
      await store.audit.append(draft({ at: 1, sessionId: 'a' }));
      await store.audit.append(draft({ at: 2, sessionId: 'b', action: 'revise' }));
      await store.audit.append(draft({ at: 3, ownerId: 'owner-2', sessionId: 'a' }));
      expect((await store.audit.list()).map((row) => row.at)).toEqual([3, 2, 1]);
      expect((await store.audit.list({ ownerId: 'owner-1' })).map((row) => row.at)).toEqual([2, 1]);
      expect((await store.audit.list({ sessionId: 'a' })).map((row) => row.at)).toEqual([3, 1]);
      expect((await store.audit.list({ action: 'revise' })).map((row) => row.at)).toEqual([2]);
      expect((await store.audit.list({ since: 2 })).map((row) => row.at)).toEqual([3, 2]);
      expect((await store.audit.list({ limit: 1 })).map((row) => row.at)).toEqual([3]);
    });

    it('keeps rows after the session they name is deleted', async () => {
      const store = current();
      const owner = await store.users.ensureLocal();
      const character = await store.characters.create(owner.id, makeCard());
      const { session } = await store.sessions.create({
        ownerId: owner.id,
        characterId: character.id,
        characterVersion: character.version,
        title: 't',
        seed: 1,
        roots: [],
      });
      await store.audit.append(
        draft({ ownerId: owner.id, sessionId: session.id, characterId: character.id }),
      );
      await store.sessions.delete(session.id);
      expect(await store.audit.list({ sessionId: session.id })).toHaveLength(1);
    });
  });
}
