// Bad input over real HTTP: malformed JSON, wrong types, unknown fields, huge and slow bodies, bad
// credentials, missing CSRF and rate limits each get the right status and a plain error body.
import { request } from 'node:http';
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

async function expectError(response: Response, status: number, code?: string): Promise<ErrorBody> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  const body = JSON.parse(text) as ErrorBody;
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  expect(text).not.toMatch(/\bat .+:\d+:\d+/); // no stack frames
  if (code) expect(body.error.code).toBe(code);
  return body;
}

/** Sends a chunked body that stalls after the first chunk; resolves with the status the server answers. */
function slowUpload(url: string, cookie: string, csrf: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL('/api/characters', url);
    const outgoing = request(target, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: cookie,
        'X-CSRF-Token': csrf,
        'Transfer-Encoding': 'chunked',
      },
    });
    const timer = setTimeout(() => reject(new Error('no answer to a slow upload')), 5000);
    outgoing.on('response', (response) => {
      clearTimeout(timer);
      response.resume();
      outgoing.destroy();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', () => undefined);
    outgoing.write('{"name": "sl');
  });
}

describe('bad input', () => {
  let server: TestServer;
  let url: string;
  let user: Auth & { kind: 'cookie' };

  beforeAll(async () => {
    server = await startTestServer({
      options: { maxJsonBytes: 4096, maxUploadBytes: 16_384, bodyTimeoutMs: 300 },
    });
    url = server.url;
    user = (await signIn(url, 'ursula', 'a fine password')).auth as Auth & { kind: 'cookie' };
  });

  afterAll(async () => {
    await server?.close();
  });

  it('refuses malformed JSON, wrong types and unknown fields with the field named', async () => {
    await expectError(await call(url, 'POST', '/api/characters', user, '{"name": '), 400, 'invalid_json');
    const wrongType = await expectError(
      await call(url, 'POST', '/api/characters', user, { name: 42 }),
      400,
      'validation_failed',
    );
    expect(wrongType.error.message).toMatch(/name/);
    const unknown = await expectError(
      await call(url, 'POST', '/api/characters', user, { name: 'A', evil: true }),
      400,
    );
    expect(unknown.error.message).toMatch(/evil/);
    const nested = await expectError(
      await call(url, 'POST', '/api/characters', user, { name: 'A', tags: ['ok', 7] }),
      400,
    );
    expect(nested.error.message).toMatch(/tags\.1/);
    await expectError(await call(url, 'GET', '/api/characters?limit=-1', user), 400, 'validation_failed');
    await expectError(
      await call(url, 'POST', '/api/sessions', user, { characterId: 'x' }, { 'Content-Type': 'text/plain' }),
      415,
    );
    expect(await server.starling.store.characters.list({ ownerId: 'any' })).toEqual([]);
  });

  it('refuses bodies over the limit, declared or streamed, and slow uploads', async () => {
    await expectError(
      await call(url, 'POST', '/api/characters', user, { name: 'x'.repeat(10_000) }),
      413,
      'payload_too_large',
    );
    const chunks = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(2048).fill(32));
      },
    });
    const streamed = await fetch(`${url}/api/characters`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: user.cookie, 'X-CSRF-Token': user.csrfToken },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    await expectError(streamed, 413);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(20_000)]), 'big.png');
    await expectError(await call(url, 'POST', '/api/characters/import', user, form), 413);
    expect(await slowUpload(url, user.cookie, user.csrfToken)).toBe(408);
  });

  it('refuses invalid, revoked and expired keys and forged cookies with 401', async () => {
    await expectError(await call(url, 'GET', '/api/me', { kind: 'key', key: 'not-a-key' }), 401);
    await expectError(
      await call(url, 'GET', '/api/me', { kind: 'key', key: 'sk-star-forged0000000000000000' }),
      401,
    );
    const revoked = await createKey(url, user);
    const keys = (await (await call(url, 'GET', '/api/keys', user)).json()) as { id: string }[];
    await call(url, 'DELETE', `/api/keys/${keys.at(-1)!.id}`, user);
    await expectError(await call(url, 'GET', '/api/me', revoked), 401, 'api_key_invalid');
    const expiring = await createKey(url, user, ['read'], Date.now() + 200);
    expect((await call(url, 'GET', '/api/me', expiring)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expectError(await call(url, 'GET', '/api/me', expiring), 401);
    const forged = { ...user, cookie: 'starling_session=forged-token' };
    await expectError(await call(url, 'GET', '/api/me', forged), 401, 'unauthorized');
    await expectError(
      await call(url, 'POST', '/api/auth/login', anonymous, { name: 'ursula', password: 'wrong' }),
      401,
      'invalid_credentials',
    );
  });

  it('requires the CSRF token on cookie writes', async () => {
    await expectError(
      await call(url, 'POST', '/api/characters', { ...user, omitCsrf: true }, { name: 'A' }),
      403,
      'csrf_failed',
    );
    await expectError(
      await call(url, 'POST', '/api/characters', { ...user, csrfToken: 'wrong' }, { name: 'A' }),
      403,
      'csrf_failed',
    );
    expect((await call(url, 'GET', '/api/characters', { ...user, omitCsrf: true })).status).toBe(200);
  });

  it('answers unknown routes and ids with 404 and sets security headers and request ids', async () => {
    const response = await call(url, 'GET', '/api/nothing-here', user);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-request-id')).toBeTruthy();
    await expectError(response, 404);
    await expectError(await call(url, 'GET', '/api/characters/nope', user), 404, 'character_not_found');
    await expectError(await call(url, 'GET', '/api/sessions/nope', user), 404, 'session_not_found');
  });

  it('serves the OpenAPI document and a script-free docs page', async () => {
    const document = (await (await fetch(`${url}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/characters/import', '/api/sessions/{id}/messages']),
    );
    const docs = await fetch(`${url}/api/docs`);
    const html = await docs.text();
    expect(html).toContain('/api/characters/import');
    expect(html).not.toMatch(/<script/i);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it('never logs secrets', () => {
    const text = JSON.stringify(server.logs);
    expect(text).not.toContain('sk-star-');
    expect(text).not.toContain(user.cookie.split('=')[1]);
    expect(server.logs.some((record) => record.msg === 'request' && record.status === 401)).toBe(true);
  });
});

describe('rate limits', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ options: { rateLimitPerIp: 1000, rateLimitPerKey: 3 } });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('answers 429 with Retry-After per API key, and per address', async () => {
    const { auth } = await signIn(server.url, 'rita', 'rate password');
    const key = await createKey(server.url, auth);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      last = await call(server.url, 'GET', '/api/me', key);
      statuses.push(last.status);
      if (last.status === 429) break;
      await last.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectError(last!, 429, 'rate_limited');
    expect((await call(server.url, 'GET', '/api/me', auth)).status).toBe(200); // cookie callers: per address only

    const strict = await startTestServer({ options: { rateLimitPerIp: 2 } });
    try {
      const results = [];
      for (let attempt = 0; attempt < 3; attempt += 1)
        results.push((await fetch(`${strict.url}/healthz`)).status);
      expect(results).toEqual([200, 200, 429]);
    } finally {
      await strict.close();
    }
  });
});
