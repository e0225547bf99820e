// Account operations over real HTTP and the CLI: changing your own password (other sessions end),
// an admin resetting one, the last active admin kept, sign-in attempts limited per address and name,
// and the opt-in trust in X-Forwarded-For.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../src/accounts/index.js';
import { createStarling } from '../src/engine/index.js';
import { runCli } from './support/run-cli.js';
import {
  anonymous,
  call,
  createKey,
  signIn,
  startTestServer,
  type Auth,
  type TestServer,
} from './support/server.js';
import { createTempHome } from './support/temp-home.js';

interface ErrorBody {
  error: { code: string; message: string };
}

async function expectError(response: Response, status: number, code: string): Promise<ErrorBody> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error.code).toBe(code);
  return body;
}

function login(url: string, name: string, password: string, headers: Record<string, string> = {}) {
  return call(url, 'POST', '/api/auth/login', anonymous, { name, password }, headers);
}

describe('password change, reset and the last admin', () => {
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

  /** Sends a request and expects an error with this status and code. */
  async function refused(
    auth: Auth,
    method: string,
    path: string,
    body: unknown,
    status: number,
    code: string,
  ) {
    return expectError(await call(url, method, path, auth, body), status, code);
  }

  it('changes your password with the current one, ends other sessions and renews this one', async () => {
    const first = await signIn(url, 'ann', 'first password');
    const second = await signIn(url, 'ann', 'first password', true);
    const key = await createKey(url, first.auth, ['read', 'write']);
    const body = (currentPassword: string, newPassword: string) => ({ currentPassword, newPassword });
    const path = '/api/me/password';
    await refused(
      first.auth,
      'POST',
      path,
      body('wrong', 'second password'),
      400,
      'current_password_invalid',
    );
    await refused(first.auth, 'POST', path, body('first password', 'short'), 400, 'password_invalid');
    const noCsrf = { ...(first.auth as Auth & { kind: 'cookie' }), omitCsrf: true };
    await refused(noCsrf, 'POST', path, body('first password', 'second password'), 403, 'csrf_failed');
    await refused(anonymous, 'POST', path, body('first password', 'second password'), 401, 'unauthorized');
    const extra = { ...body('first password', 'second password'), role: 'admin' };
    await refused(first.auth, 'POST', path, extra, 400, 'validation_failed');

    const changed = await call(url, 'POST', path, first.auth, body('first password', 'second password'));
    const { ok, csrfToken } = (await changed.json()) as { ok: boolean; csrfToken: string };
    expect([changed.status, ok]).toEqual([200, true]);
    const cookie = (changed.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^starling_session=/);
    const renewed: Auth = { kind: 'cookie', cookie, csrfToken };
    expect((await call(url, 'GET', '/api/me', second.auth)).status).toBe(401);
    expect((await call(url, 'GET', '/api/me', first.auth)).status).toBe(401);
    expect((await call(url, 'POST', '/api/characters', renewed, { name: 'Lin' })).status).toBe(201);
    // API keys are separate credentials and keep working.
    expect((await call(url, 'GET', '/api/me', key)).status).toBe(200);
    await expectError(await login(url, 'ann', 'first password'), 401, 'invalid_credentials');
    expect((await login(url, 'ann', 'second password')).status).toBe(200);

    const byKey = await call(url, 'POST', path, key, body('second password', 'third password'));
    expect(await byKey.json()).toEqual({ ok: true, csrfToken: null });
    expect((await login(url, 'ann', 'third password')).status).toBe(200);
  });

  it('lets an admin reset a password, which ends that user’s sessions', async () => {
    const bob = await signIn(url, 'bob', 'forgotten password');
    const path = `/api/admin/users/${bob.user.id}/password`;
    const password = { password: 'a new password' };
    await refused(bob.auth, 'POST', path, password, 403, 'scope_missing');
    await refused(admin.auth, 'POST', path, { password: 'short' }, 400, 'password_invalid');
    await refused(admin.auth, 'POST', '/api/admin/users/missing/password', password, 404, 'user_not_found');
    // One's own password goes through /api/me/password (current password checked, session kept).
    const own = `/api/admin/users/${admin.user.id}/password`;
    await refused(admin.auth, 'POST', own, password, 400, 'invalid_target');
    expect((await call(url, 'GET', '/api/me', admin.auth)).status).toBe(200);
    expect((await call(url, 'POST', path, admin.auth, password)).status).toBe(200);
    expect((await call(url, 'GET', '/api/me', bob.auth)).status).toBe(401);
    await expectError(await login(url, 'bob', 'forgotten password'), 401, 'invalid_credentials');
    expect((await login(url, 'bob', 'a new password')).status).toBe(200);
  });

  it('keeps the last active admin: no self-demotion while alone, demotion once another admin exists', async () => {
    const role = (id: string) => `/api/admin/users/${id}/role`;
    const toggle = (id: string, action: string) => `/api/admin/users/${id}/${action}`;
    const rootId = admin.user.id;
    const alone = await refused(admin.auth, 'PUT', role(rootId), { role: 'user' }, 409, 'last_admin');
    expect(alone.error.message).toMatch(/root/);
    await refused(admin.auth, 'POST', toggle(rootId, 'disable'), undefined, 400, 'invalid_target');
    await refused(admin.auth, 'PUT', role(rootId), { role: 'owner' }, 400, 'validation_failed');

    const carol = await signIn(url, 'carol', 'carol password');
    const promoted = await call(url, 'PUT', role(carol.user.id), admin.auth, { role: 'admin' });
    expect(await promoted.json()).toMatchObject({ id: carol.user.id, role: 'admin' });
    // A disabled admin does not count as the other admin.
    expect((await call(url, 'POST', toggle(carol.user.id, 'disable'), admin.auth)).status).toBe(200);
    await refused(admin.auth, 'PUT', role(rootId), { role: 'user' }, 409, 'last_admin');
    expect((await call(url, 'POST', toggle(carol.user.id, 'enable'), admin.auth)).status).toBe(200);

    const demoted = await call(url, 'PUT', role(rootId), admin.auth, { role: 'user' });
    expect(await demoted.json()).toMatchObject({ id: rootId, role: 'user' });
    expect((await call(url, 'GET', '/api/admin/users', admin.auth)).status).toBe(403);
    const carolAgain = (await signIn(url, 'carol', 'carol password', true)).auth;
    await refused(carolAgain, 'PUT', role(carol.user.id), { role: 'user' }, 409, 'last_admin');
  });
});

describe('sign-in attempts', () => {
  const attempts = 3;
  const servers: Record<'direct' | 'proxied', TestServer | undefined> = {
    direct: undefined,
    proxied: undefined,
  };
  const urlOf = (which: 'direct' | 'proxied') => servers[which]?.url ?? '';

  beforeAll(async () => {
    servers.direct = await startTestServer({ options: { signInAttemptsPerWindow: attempts } });
    servers.proxied = await startTestServer({
      options: { signInAttemptsPerWindow: attempts, trustProxy: true },
    });
    await signIn(urlOf('direct'), 'ursula', 'right password');
  });

  afterAll(async () => {
    await Promise.all([servers.direct?.close(), servers.proxied?.close()]);
  });

  async function exhaust(url: string, name: string, headers: Record<string, string> = {}): Promise<void> {
    for (let attempt = 0; attempt < attempts; attempt++) {
      await expectError(await login(url, name, 'wrong password', headers), 401, 'invalid_credentials');
    }
  }

  it('limits attempts per address and name, with Retry-After, even for the right password', async () => {
    const url = urlOf('direct');
    await exhaust(url, 'ursula');
    const limited = await login(url, 'ursula', 'right password');
    await expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // The name is folded like stored names, so case does not open a new bucket.
    await expectError(await login(url, 'URSULA', 'right password'), 429, 'rate_limited');
    // Another name from the same address has its own attempts.
    await expectError(await login(url, 'victor', 'wrong password'), 401, 'invalid_credentials');
  });

  it('ignores X-Forwarded-For by default, so a client cannot pick a fresh address', async () => {
    await exhaust(urlOf('direct'), 'walter');
    for (const address of ['203.0.113.7', '198.51.100.1']) {
      const response = await login(urlOf('direct'), 'walter', 'x', { 'X-Forwarded-For': address });
      await expectError(response, 429, 'rate_limited');
    }
  });

  it('with trustProxy, takes the client address from the first X-Forwarded-For hop', async () => {
    const url = urlOf('proxied');
    const forwarded = { 'X-Forwarded-For': '203.0.113.7, 10.0.0.1' };
    await exhaust(url, 'walter', forwarded);
    await expectError(await login(url, 'walter', 'x', forwarded), 429, 'rate_limited');
    // Same proxy hop, different client: a separate bucket.
    const other = { 'X-Forwarded-For': '198.51.100.1, 10.0.0.1' };
    await expectError(await login(url, 'walter', 'x', other), 401, 'invalid_credentials');
    // Not an address: the connection's address is used instead.
    await exhaust(url, 'walter', { 'X-Forwarded-For': 'not-an-ip' });
    await expectError(await login(url, 'walter', 'x'), 429, 'rate_limited');
  });

  it('is turned on by `starling serve --trust-proxy`, with ten attempts by default', async () => {
    const temp = await createTempHome();
    const bin = path.resolve(import.meta.dirname, '../bin/starling.js');
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--trust-proxy'], {
      env: { ...process.env, STARLING_HOME: temp.home, STARLING_MODEL: '', NODE_LLAMA_CPP_GPU: 'false' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const exited = new Promise((resolve) => child.on('close', resolve));
    try {
      let stdout = '';
      const url = await new Promise<string>((resolve, reject) => {
        setTimeout(() => reject(new Error('no URL printed')), 15_000).unref();
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec((stdout += chunk));
          if (match?.[1]) resolve(match[1]);
        });
      });
      const first = { 'X-Forwarded-For': '203.0.113.7' };
      for (let attempt = 0; attempt < 10; attempt++) {
        await expectError(await login(url, 'nobody', 'x', first), 401, 'invalid_credentials');
      }
      await expectError(await login(url, 'nobody', 'x', first), 429, 'rate_limited');
      const second = { 'X-Forwarded-For': '198.51.100.1' };
      await expectError(await login(url, 'nobody', 'x', second), 401, 'invalid_credentials');
    } finally {
      child.kill('SIGTERM');
      await exited;
      await temp.cleanup();
    }
  });
});

describe('starling users passwd and role', () => {
  let env: Record<string, string>;
  let home: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const temp = await createTempHome();
    ({ home, cleanup } = temp);
    env = { STARLING_HOME: home, STARLING_MODEL: '' };
  });

  afterAll(() => cleanup());

  async function verify(name: string, password: string): Promise<string> {
    const starling = await createStarling({ home, env: {} });
    try {
      return (await createAccounts(starling.store).verifyPassword(name, password)).name;
    } catch (error) {
      return (error as { code?: string }).code ?? 'error';
    } finally {
      await starling.close();
    }
  }

  /** Runs `starling users <args>` with an optional stdin line; resolves with exit code and last stderr line. */
  async function users(args: string[], input?: string): Promise<[number, string]> {
    const result = await runCli(['users', ...args], env, { input: input === undefined ? '' : `${input}\n` });
    return [result.code, result.stderr.trim().split('\n').at(-1) ?? ''];
  }

  it('sets a password from stdin only', async () => {
    expect((await users(['add', 'ann', '--admin', '--password-stdin'], 'first password'))[0]).toBe(0);
    expect(await users(['passwd', 'ann'], 'second password')).toEqual([
      1,
      expect.stringMatching(/^error: usage: .*--password-stdin/),
    ]);
    expect((await users(['passwd', 'ann', '--password-stdin'], 'short'))[1]).toMatch(
      /^error: password_invalid/,
    );
    const missing = await users(['passwd', 'nobody', '--password-stdin'], 'second password');
    expect(missing[1]).toMatch(/^error: user_not_found: /);
    const changed = await users(['passwd', 'ann', '--password-stdin'], 'second password');
    expect(changed[0]).toBe(0);
    expect(changed[1]).not.toContain('second password');
    expect(await verify('ann', 'first password')).toBe('invalid_credentials');
    expect(await verify('ann', 'second password')).toBe('ann');
  });

  it('changes roles but keeps one active admin', async () => {
    // The install's local user is an admin too, but it has no password and cannot sign in: it
    // neither counts as another admin nor is kept.
    expect((await users(['role', 'local', 'user']))[0]).toBe(0);
    expect(await users(['role', 'ann', 'user'])).toEqual([1, expect.stringMatching(/^error: last_admin: /)]);
    expect((await users(['disable', 'ann']))[1]).toMatch(/^error: last_admin: /);
    expect((await users(['role', 'ann', 'owner']))[1]).toMatch(/^error: usage: /);
    expect((await users(['role', 'local', 'admin']))[0]).toBe(0);
    expect((await users(['role', 'ann', 'user']))[1]).toMatch(/^error: last_admin: /);
    expect((await users(['add', 'bea', '--password-stdin'], 'bea password'))[0]).toBe(0);
    expect((await users(['role', 'bea', 'admin']))[0]).toBe(0);
    expect((await users(['disable', 'ann']))[0]).toBe(0);
  });
});
