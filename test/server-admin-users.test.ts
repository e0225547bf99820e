// Creating users as an admin (POST /api/admin/users), over real HTTP: role and minor as given, the
// new user can sign in, a taken name or a short password is refused precisely, and only admins may.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, call, signIn, startTestServer, type Auth, type TestServer } from './support/server.js';

interface ErrorBody {
  error: { code: string; message: string };
}

describe('POST /api/admin/users', () => {
  let server: TestServer;
  let admin: Auth;
  let user: Auth;

  beforeAll(async () => {
    server = await startTestServer();
    admin = (await signIn(server.url, 'root', 'admin password')).auth;
    await call(server.url, 'PUT', '/api/admin/settings', admin, { signupOpen: true });
    user = (await signIn(server.url, 'plain', 'plain password')).auth;
  });

  afterAll(async () => {
    await server?.close();
  });

  const create = (auth: Auth, body: unknown) => call(server.url, 'POST', '/api/admin/users', auth, body);

  async function expectError(response: Response, status: number, code: string) {
    const text = await response.text();
    expect(response.status, text).toBe(status);
    expect((JSON.parse(text) as ErrorBody).error.code).toBe(code);
  }

  it('creates a user with the given role and minor flag, who can then sign in', async () => {
    const response = await create(admin, { name: 'kim', password: 'kim password', minor: true });
    expect(response.status).toBe(201);
    const created = (await response.json()) as {
      id: string;
      role: string;
      minor: boolean;
      disabled: boolean;
    };
    expect(created).toMatchObject({ role: 'user', minor: true, disabled: false });
    const signedIn = await signIn(server.url, 'kim', 'kim password', true);
    expect(signedIn.user).toMatchObject({ id: created.id, role: 'user' });

    const second = await create(admin, { name: 'lee', password: 'lee password', role: 'admin' });
    expect(await second.json()).toMatchObject({ name: 'lee', role: 'admin', minor: false });
  });

  it('refuses a taken name, a short password and unknown fields', async () => {
    await expectError(await create(admin, { name: 'KIM', password: 'another password' }), 409, 'user_exists');
    await expectError(await create(admin, { name: 'short', password: 'abc' }), 400, 'password_invalid');
    await expectError(
      await create(admin, { name: 'a b', password: 'long password' }),
      400,
      'user_name_invalid',
    );
    await expectError(
      await create(admin, { name: 'extra', password: 'long password', local: true }),
      400,
      'validation_failed',
    );
  });

  it('is for admins only', async () => {
    await expectError(
      await create(user, { name: 'sneaky', password: 'sneaky password' }),
      403,
      'scope_missing',
    );
    await expectError(
      await create(anonymous, { name: 'sneaky', password: 'sneaky password' }),
      401,
      'unauthorized',
    );
    expect(await server.starling.store.users.findByName('sneaky')).toBeNull();
  });
});
