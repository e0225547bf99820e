// Deleting accounts over real HTTP: an admin deletes a user, a user deletes themselves with their
// password; everything they owned goes, their audit rows stay without text, and the last admin and
// the local user are kept. Admins also mark minors.
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

interface ErrorBody {
  error: { code: string; message: string };
}

async function expectError(response: Response, status: number, code: string): Promise<void> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect((JSON.parse(text) as ErrorBody).error.code).toBe(code);
}

describe('deleting accounts', () => {
  let server: TestServer;
  let url: string;
  let admin: { user: { id: string }; auth: Auth };

  beforeAll(async () => {
    server = await startTestServer();
    url = server.url;
    admin = await signIn(url, 'root', 'admin password');
    await call(url, 'PUT', '/api/admin/settings', admin.auth, { signupOpen: true });
  });

  afterAll(async () => {
    await server?.close();
  });

  /** Signs up `name` and gives them a character, a chat and an audit row. */
  async function userWithData(name: string) {
    const signedIn = await signIn(url, name, `${name} password`);
    const created = await call(url, 'POST', '/api/characters', signedIn.auth, { name: `${name}'s Lin` });
    const characterId = ((await created.json()) as { id: string }).id;
    const started = await call(url, 'POST', '/api/sessions', signedIn.auth, { characterId });
    const sessionId = ((await started.json()) as { session: { id: string } }).session.id;
    await server.starling.store.audit.append({
      ownerId: signedIn.user.id,
      sessionId,
      direction: 'input',
      action: 'flag',
      policy: 'standard',
      categories: ['privacy'],
      scores: { privacy: 0.7 },
      reason: 'flag under standard: privacy 0.70; model only',
      text: `${name}'s home address`,
    });
    return { ...signedIn, characterId, sessionId };
  }

  async function expectGone(user: Awaited<ReturnType<typeof userWithData>>): Promise<void> {
    const store = server.starling.store;
    expect(await store.users.get(user.user.id)).toBeNull();
    expect(await store.characters.get(user.characterId)).toBeNull();
    expect(await store.sessions.get(user.sessionId)).toBeNull();
    const audit = await store.audit.list({ ownerId: user.user.id });
    expect(audit).toMatchObject([{ categories: ['privacy'], text: '' }]);
    expect((await call(url, 'GET', '/api/me', user.auth)).status).toBe(401);
  }

  it('lets an admin delete a user with everything they own', async () => {
    const dana = await userWithData('dana');
    const key = await createKey(url, dana.auth);
    // A warm memory index of hers, which the deletion must drop.
    await server.starling.memories.recall(dana.user.id, dana.characterId, 'tea');
    const cachedBefore = server.starling.memoryStatus().cachedSpaces;
    const path = `/api/admin/users/${dana.user.id}`;
    await expectError(await call(url, 'DELETE', path, dana.auth), 403, 'scope_missing');
    await expectError(
      await call(url, 'DELETE', '/api/admin/users/missing', admin.auth),
      404,
      'user_not_found',
    );
    const self = await call(url, 'DELETE', `/api/admin/users/${admin.user.id}`, admin.auth);
    await expectError(self, 400, 'invalid_target');
    const deleted = await call(url, 'DELETE', path, admin.auth);
    expect([deleted.status, await deleted.json()]).toEqual([200, { ok: true }]);
    await expectGone(dana);
    expect(server.starling.memoryStatus().cachedSpaces).toBe(cachedBefore - 1);
    expect((await call(url, 'GET', '/api/me', key)).status).toBe(401);
    const users = (await (await call(url, 'GET', '/api/admin/users', admin.auth)).json()) as { id: string }[];
    expect(users.map((user) => user.id)).not.toContain(dana.user.id);
  });

  it('lets a user delete their own account with their password', async () => {
    const eve = await userWithData('eve');
    await expectError(
      await call(url, 'DELETE', '/api/me', eve.auth, { password: 'wrong password' }),
      400,
      'current_password_invalid',
    );
    await expectError(await call(url, 'DELETE', '/api/me', eve.auth, {}), 400, 'validation_failed');
    await expectError(
      await call(url, 'DELETE', '/api/me', anonymous, { password: 'eve password' }),
      401,
      'unauthorized',
    );
    expect(await server.starling.store.users.get(eve.user.id)).not.toBeNull();
    const deleted = await call(url, 'DELETE', '/api/me', eve.auth, { password: 'eve password' });
    expect(deleted.status).toBe(200);
    expect(deleted.headers.get('set-cookie') ?? '').toMatch(/starling_session=;/);
    await expectGone(eve);
    const again = await call(url, 'POST', '/api/auth/login', anonymous, {
      name: 'eve',
      password: 'eve password',
    });
    expect(again.status).toBe(401);
  });

  it('keeps the last admin and the local user', async () => {
    await expectError(
      await call(url, 'DELETE', '/api/me', admin.auth, { password: 'admin password' }),
      409,
      'last_admin',
    );
    const local = await server.starling.store.users.ensureLocal();
    await expectError(
      await call(url, 'DELETE', `/api/admin/users/${local.id}`, admin.auth),
      409,
      'local_user_protected',
    );
  });

  it('lets an admin mark a minor', async () => {
    const fay = await signIn(url, 'fay', 'fay password');
    const path = `/api/admin/users/${fay.user.id}/minor`;
    await expectError(await call(url, 'PUT', path, fay.auth, { minor: false }), 403, 'scope_missing');
    await expectError(await call(url, 'PUT', path, admin.auth, { minor: 'yes' }), 400, 'validation_failed');
    const marked = await call(url, 'PUT', path, admin.auth, { minor: true });
    expect(await marked.json()).toMatchObject({ id: fay.user.id, minor: true, local: false });
    const me = (await (await call(url, 'GET', '/api/me', fay.auth)).json()) as { user: { minor: boolean } };
    expect(me.user.minor).toBe(true);
  });
});
