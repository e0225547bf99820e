// The authorization matrix: every route × (owner, another user, admin, anonymous) → the expected
// status. No cross-user read or write gets through, and denied writes change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymous,
  call,
  createKey,
  signIn,
  startTestServer,
  type Auth,
  type TestServer,
} from './support/server.js';

type Role = 'owner' | 'other' | 'admin' | 'anonymous';
interface Row {
  method: string;
  path: string;
  body?: unknown;
  expect: Record<Role, number>;
}

const worldInfo = JSON.stringify({
  entries: { '0': { uid: 0, key: ['tea'], content: 'Tea is sacred.', comment: 'tea' } },
});

describe('authorization matrix', () => {
  let server: TestServer;
  let url: string;
  const auth: Record<Role, Auth> = { owner: anonymous, other: anonymous, admin: anonymous, anonymous };
  const ids = {
    privateChar: '',
    sharedChar: '',
    book: '',
    session: '',
    message: '',
    key: '',
    memory: '',
    ownerKey: anonymous as Auth,
    owner: '',
    victor: '',
    doomed: '',
    persona: '',
  };

  beforeAll(async () => {
    server = await startTestServer();
    url = server.url;
    auth.admin = (await signIn(url, 'root', 'admin password')).auth;
    expect((await call(url, 'PUT', '/api/admin/settings', auth.admin, { signupOpen: true })).status).toBe(
      200,
    );
    const owner = await signIn(url, 'olive', 'owner password');
    auth.owner = owner.auth;
    ids.owner = owner.user.id;
    auth.other = (await signIn(url, 'oscar', 'other password')).auth;
    // A user only the admin rows touch (a password reset ends their sessions).
    ids.victor = (await signIn(url, 'victor', 'victor password')).user.id;
    // A user only the admin may delete.
    ids.doomed = (await signIn(url, 'doomed', 'doomed password')).user.id;

    const create = async (name: string, shared: boolean) => {
      const response = await call(url, 'POST', '/api/characters', auth.owner, {
        name,
        firstMessage: 'Hi {{user}}',
        tags: ['t'],
        shared,
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    ids.privateChar = await create('Private Pat', false);
    ids.sharedChar = await create('Shared Sam', true);
    const form = new FormData();
    form.append('file', new Blob([worldInfo], { type: 'application/json' }), 'tea.world_info.json');
    const imported = (await (await call(url, 'POST', '/api/characters/import', auth.owner, form)).json()) as {
      id: string;
    }[];
    ids.book = imported[0]!.id;
    const session = (await (
      await call(url, 'POST', '/api/sessions', auth.owner, { characterId: ids.privateChar })
    ).json()) as {
      session: { id: string };
      messages: { id: string }[];
    };
    ids.session = session.session.id;
    ids.message = session.messages[0]!.id;
    // A memory of the owner's, as the memory job would write it.
    const [memory] = await server.starling.store.memories.add([
      {
        ownerId: ids.owner,
        characterId: ids.privateChar,
        sessionId: ids.session,
        kind: 'fact',
        text: 'Olive likes green tea',
        timestamp: 1,
        citedMessageIds: [ids.message],
      },
    ]);
    ids.memory = memory!.id;
    const keyResponse = await call(url, 'POST', '/api/keys', auth.owner, { name: 'bot' });
    const created = (await keyResponse.json()) as { key: string; record: { id: string } };
    ids.key = created.record.id;
    ids.ownerKey = { kind: 'key', key: created.key };
    const persona = await call(url, 'POST', '/api/personas', auth.owner, { name: 'Captain Olive' });
    ids.persona = ((await persona.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await server?.close();
  });

  const all = (status: number, anon = 401): Record<Role, number> => ({
    owner: status,
    other: status,
    admin: status,
    anonymous: anon,
  });
  const mine = (ok: number): Record<Role, number> => ({ owner: ok, other: 404, admin: 404, anonymous: 401 });
  const adminOnly = (ok: number): Record<Role, number> => ({
    owner: 403,
    other: 403,
    admin: ok,
    anonymous: 401,
  });

  function rows(): Row[] {
    const { privateChar, sharedChar, book, session, message, key, memory, persona } = ids;
    return [
      { method: 'GET', path: '/api/me', expect: all(200) },
      { method: 'GET', path: '/api/admin/users', expect: adminOnly(200) },
      {
        method: 'POST',
        path: '/api/admin/users',
        body: { name: 'newcomer', password: 'a long enough password' },
        expect: adminOnly(201),
      },
      { method: 'GET', path: '/api/admin/settings', expect: adminOnly(200) },
      { method: 'GET', path: '/api/admin/audit?action=block&limit=5', expect: adminOnly(200) },
      { method: 'PUT', path: '/api/admin/settings', body: { signupOpen: true }, expect: adminOnly(200) },
      { method: 'POST', path: `/api/admin/users/${ids.owner}/enable`, expect: adminOnly(200) },
      {
        method: 'PUT',
        path: `/api/admin/users/${ids.victor}/role`,
        body: { role: 'user' },
        expect: adminOnly(200),
      },
      {
        method: 'POST',
        path: `/api/admin/users/${ids.victor}/password`,
        body: { password: 'a new password' },
        expect: adminOnly(200),
      },
      {
        method: 'PUT',
        path: `/api/admin/users/${ids.victor}/minor`,
        body: { minor: true },
        expect: adminOnly(200),
      },
      // Everyone may ask to delete their own account; a wrong password changes nothing.
      { method: 'DELETE', path: '/api/me', body: { password: 'not my password' }, expect: all(400) },
      { method: 'DELETE', path: `/api/admin/users/${ids.doomed}`, expect: adminOnly(200) },
      { method: 'POST', path: '/api/models/pull', body: { source: 'no-such-model' }, expect: adminOnly(200) },
      { method: 'GET', path: '/api/keys', expect: all(200) },
      { method: 'GET', path: '/api/personas', expect: all(200) },
      { method: 'POST', path: '/api/personas', body: { name: 'Someone' }, expect: all(201) },
      {
        method: 'PATCH',
        path: `/api/personas/${persona}`,
        body: { description: 'Brave.' },
        expect: mine(200),
      },
      { method: 'PUT', path: `/api/personas/${persona}/default`, expect: mine(200) },
      { method: 'GET', path: '/api/characters', expect: all(200) },
      { method: 'GET', path: `/api/characters/${privateChar}`, expect: mine(200) },
      { method: 'GET', path: `/api/characters/${privateChar}/versions`, expect: mine(200) },
      { method: 'GET', path: `/api/characters/${privateChar}/export?format=json`, expect: mine(200) },
      {
        method: 'PUT',
        path: `/api/characters/${privateChar}`,
        body: { description: 'changed' },
        expect: mine(200),
      },
      {
        method: 'PUT',
        path: `/api/characters/${privateChar}/sharing`,
        body: { shared: false },
        expect: mine(200),
      },
      { method: 'GET', path: `/api/characters/${sharedChar}`, expect: all(200) },
      { method: 'GET', path: `/api/characters/${sharedChar}/export?format=png`, expect: all(200) },
      {
        method: 'PUT',
        path: `/api/characters/${sharedChar}`,
        body: { description: 'x' },
        expect: { owner: 200, other: 403, admin: 403, anonymous: 401 },
      },
      {
        method: 'PUT',
        path: `/api/characters/${sharedChar}/sharing`,
        body: { shared: true },
        expect: { owner: 200, other: 403, admin: 403, anonymous: 401 },
      },
      { method: 'GET', path: '/api/lorebooks', expect: all(200) },
      { method: 'GET', path: `/api/lorebooks/${book}`, expect: mine(200) },
      {
        method: 'POST',
        path: '/api/lorebooks',
        body: { name: 'Mine', entries: [{ keys: ['k'], content: 'c' }] },
        expect: all(201),
      },
      {
        method: 'PUT',
        path: `/api/lorebooks/${book}`,
        body: { name: 'Tea, revised', entries: [{ keys: ['tea'], content: 'Tea is still sacred.' }] },
        expect: mine(200),
      },
      { method: 'PUT', path: `/api/lorebooks/${book}/global`, body: { global: false }, expect: mine(200) },
      { method: 'PUT', path: `/api/lorebooks/${book}/characters/${privateChar}`, expect: mine(200) },
      { method: 'DELETE', path: `/api/lorebooks/${book}/characters/${privateChar}`, expect: mine(200) },
      { method: 'GET', path: '/api/sessions', expect: all(200) },
      { method: 'GET', path: `/api/sessions/${session}`, expect: mine(200) },
      { method: 'POST', path: `/api/sessions`, body: { characterId: privateChar }, expect: mine(201) },
      {
        method: 'PUT',
        path: `/api/sessions/${session}/head`,
        body: { messageId: message },
        expect: mine(200),
      },
      {
        method: 'POST',
        path: `/api/sessions/${session}/branch`,
        body: { messageId: message },
        expect: mine(200),
      },
      { method: 'POST', path: `/api/sessions/${session}/abort`, expect: mine(200) },
      {
        method: 'POST',
        path: `/api/sessions/${session}/messages`,
        body: { content: 'hi' },
        expect: mine(200),
      },
      {
        method: 'POST',
        path: `/api/sessions/${session}/messages`,
        body: { content: 'hi', personaId: persona },
        expect: mine(200),
      },
      { method: 'GET', path: `/api/sessions/${session}/prompt?personaId=${persona}`, expect: mine(200) },
      {
        method: 'POST',
        path: `/api/sessions/${session}/regenerate`,
        body: {},
        expect: { ...mine(200), owner: 400 },
      },
      { method: 'PATCH', path: `/api/messages/${message}`, body: { content: 'edited' }, expect: mine(200) },
      { method: 'GET', path: '/api/memories', expect: all(200) },
      { method: 'GET', path: '/api/memories/export', expect: all(200) },
      { method: 'GET', path: `/api/memories/${memory}`, expect: mine(200) },
      {
        method: 'PATCH',
        path: `/api/memories/${memory}`,
        body: { text: 'Olive likes oolong' },
        expect: mine(200),
      },
      { method: 'GET', path: `/api/characters/${privateChar}/relationship`, expect: mine(200) },
      { method: 'GET', path: `/api/characters/${sharedChar}/relationship`, expect: all(200) },
      { method: 'DELETE', path: `/api/memories/${memory}`, expect: mine(200) },
      { method: 'GET', path: '/api/models', expect: all(200) },
      {
        method: 'POST',
        path: '/api/models',
        body: { name: 'remote', provider: 'ollama', model: 'qwen' },
        expect: adminOnly(201),
      },
      { method: 'DELETE', path: `/api/keys/${key}`, expect: mine(200) },
      { method: 'DELETE', path: `/api/personas/${persona}`, expect: mine(200) },
      { method: 'DELETE', path: `/api/messages/${message}`, expect: mine(200) },
      { method: 'DELETE', path: `/api/sessions/${session}`, expect: mine(200) },
      { method: 'DELETE', path: `/api/lorebooks/${book}`, expect: mine(200) },
      { method: 'DELETE', path: `/api/characters/${privateChar}`, expect: mine(200) },
      {
        method: 'DELETE',
        path: `/api/characters/${sharedChar}`,
        expect: { owner: 200, other: 403, admin: 403, anonymous: 401 },
      },
    ];
  }

  async function snapshot() {
    const store = server.starling.store;
    return {
      characters: await Promise.all([
        store.characters.get(ids.privateChar),
        store.characters.get(ids.sharedChar),
      ]),
      book: await store.lorebooks.get(ids.book),
      tree: await store.messages.tree(ids.session),
      session: await store.sessions.get(ids.session),
      keys: await store.apiKeys.list(ids.owner),
      memory: await store.memories.get(ids.memory),
      personas: await store.personas.list(ids.owner),
    };
  }

  it('refuses every cross-user and anonymous request and changes nothing', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    for (const role of ['anonymous', 'other', 'admin'] as const) {
      for (const row of rows()) {
        const expected = row.expect[role];
        if (expected < 400) continue; // allowed for this role; checked with the owner below
        const response = await call(url, row.method, row.path, auth[role], row.body);
        const body = (await response.json()) as { error?: { code: string; message: string } };
        if (response.status !== expected)
          failures.push(`${role} ${row.method} ${row.path}: ${response.status}, wanted ${expected}`);
        if (!body.error?.code || !body.error.message)
          failures.push(`${role} ${row.method} ${row.path}: no error body`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses another user’s persona in one’s own session', async () => {
    const created = await call(url, 'POST', '/api/sessions', auth.other, { characterId: ids.sharedChar });
    const otherSession = ((await created.json()) as { session: { id: string } }).session.id;
    const send = await call(url, 'POST', `/api/sessions/${otherSession}/messages`, auth.other, {
      content: 'hi',
      personaId: ids.persona,
    });
    expect(send.status).toBe(404);
    const prompt = await call(
      url,
      'GET',
      `/api/sessions/${otherSession}/prompt?personaId=${ids.persona}`,
      auth.other,
    );
    expect(prompt.status).toBe(404);
    expect((await call(url, 'DELETE', `/api/sessions/${otherSession}`, auth.other)).status).toBe(200);
  });

  it('lets each role do what it may', async () => {
    const failures: string[] = [];
    for (const role of ['other', 'admin', 'owner'] as const) {
      for (const row of rows()) {
        const expected = row.expect[role];
        if (expected >= 300 && role !== 'owner') continue;
        const response = await call(url, row.method, row.path, auth[role], row.body);
        await response.arrayBuffer();
        if (response.status !== expected)
          failures.push(`${role} ${row.method} ${row.path}: ${response.status}, wanted ${expected}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('shows other users only shared characters and never their sessions', async () => {
    const list = (await (
      await call(url, 'GET', '/api/characters?includeShared=true', auth.other)
    ).json()) as unknown[];
    expect(list).toEqual([]); // everything of the owner's was deleted above
    const sessions = (await (await call(url, 'GET', '/api/sessions', auth.other)).json()) as unknown[];
    expect(sessions).toEqual([]);
  });

  it('stops a revoked key, and a key cannot grant itself more scopes', async () => {
    expect((await call(url, 'GET', '/api/me', ids.ownerKey)).status).toBe(401);
    const readOnly = await createKey(url, auth.other, ['read']);
    expect((await call(url, 'GET', '/api/characters', readOnly)).status).toBe(200);
    expect((await call(url, 'POST', '/api/characters', readOnly, { name: 'x' })).status).toBe(403);
    const escalate = await call(url, 'POST', '/api/keys', readOnly, { name: 'more', scopes: ['write'] });
    expect(escalate.status).toBe(403);
    const adminKeyOfUser = await call(url, 'POST', '/api/keys', auth.other, {
      name: 'adm',
      scopes: ['admin'],
    });
    expect(adminKeyOfUser.status).toBe(403);
  });
});
