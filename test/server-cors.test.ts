// CORS over real HTTP: configured origins get preflight and response headers (with credentials, so
// never `*`); other origins and a server with no origins configured get no CORS headers at all;
// cross-origin cookie writes still need the CSRF token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, startTestServer, type Auth, type TestServer } from './support/server.js';

const allowed = 'https://app.example';
const foreign = 'https://evil.example';

function corsHeaders(response: Response): Record<string, string> {
  return Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-')));
}

function preflight(url: string, path: string, origin: string, method = 'POST'): Promise<Response> {
  return fetch(url + path, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': method,
      'Access-Control-Request-Headers': 'authorization, content-type, x-csrf-token',
    },
  });
}

describe('CORS with configured origins', () => {
  let server: TestServer;
  let url: string;
  let user: Auth & { kind: 'cookie' };

  beforeAll(async () => {
    server = await startTestServer({ options: { corsOrigins: [allowed, 'http://localhost:5173'] } });
    url = server.url;
    user = (await signIn(url, 'ursula', 'user password')).auth as Auth & { kind: 'cookie' };
  });

  afterAll(async () => {
    await server?.close();
  });

  it('answers a preflight from an allowed origin with what the client may send', async () => {
    const response = await preflight(url, '/api/characters', allowed);
    expect(response.status).toBe(204);
    const headers = corsHeaders(response);
    expect(headers['access-control-allow-origin']).toBe(allowed);
    expect(headers['access-control-allow-credentials']).toBe('true');
    expect(headers['access-control-allow-methods']?.split(',')).toEqual(
      expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    );
    const allowHeaders = headers['access-control-allow-headers']?.toLowerCase().split(',') ?? [];
    expect(allowHeaders).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'x-csrf-token', 'x-starling-session']),
    );
    expect(headers['access-control-max-age']).toBe('600');
    expect(response.headers.get('vary')).toMatch(/origin/i);
    // The preflight needs no credentials and is not an API call.
    expect(await response.text()).toBe('');
  });

  it('marks actual responses to an allowed origin readable, with credentials and exposed headers', async () => {
    const response = await call(url, 'GET', '/api/me', user, undefined, { Origin: allowed });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    const exposed = response.headers.get('access-control-expose-headers')?.toLowerCase() ?? '';
    expect(exposed.split(',')).toEqual(
      expect.arrayContaining(['x-request-id', 'retry-after', 'x-starling-session']),
    );
    expect(response.headers.get('vary')).toMatch(/origin/i);
    const second = await call(url, 'GET', '/healthz', { kind: 'anonymous' }, undefined, {
      Origin: 'http://localhost:5173',
    });
    expect(second.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    // Errors are readable too, so a browser client sees the code.
    const denied = await call(url, 'GET', '/api/me', { kind: 'anonymous' }, undefined, { Origin: allowed });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-allow-origin')).toBe(allowed);
  });

  it('gives other origins no CORS headers, on preflight and on requests', async () => {
    for (const origin of [foreign, 'https://app.example.evil', 'null', `${allowed}:443`]) {
      const pre = await preflight(url, '/api/characters', origin);
      expect(corsHeaders(pre), origin).toEqual({});
      const actual = await call(url, 'GET', '/api/me', user, undefined, { Origin: origin });
      expect(corsHeaders(actual), origin).toEqual({});
      expect(actual.headers.get('vary'), origin).toMatch(/origin/i);
    }
  });

  it('never answers with a wildcard origin, and cross-origin cookie writes still need the CSRF token', async () => {
    const response = await call(url, 'GET', '/healthz', { kind: 'anonymous' }, undefined, {
      Origin: allowed,
    });
    expect(response.headers.get('access-control-allow-origin')).not.toBe('*');
    const noCsrf = await call(
      url,
      'POST',
      '/api/characters',
      { ...user, omitCsrf: true },
      { name: 'x' },
      {
        Origin: allowed,
      },
    );
    expect(noCsrf.status).toBe(403);
    expect(((await noCsrf.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    const withCsrf = await call(url, 'POST', '/api/characters', user, { name: 'x' }, { Origin: allowed });
    expect(withCsrf.status).toBe(201);
  });
});

describe('CORS with no origins configured', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('sends no CORS headers to anyone', async () => {
    const pre = await preflight(server.url, '/api/characters', allowed);
    expect(corsHeaders(pre)).toEqual({});
    await pre.arrayBuffer();
    const actual = await call(server.url, 'GET', '/healthz', { kind: 'anonymous' }, undefined, {
      Origin: allowed,
    });
    expect(actual.status).toBe(200);
    expect(corsHeaders(actual)).toEqual({});
  });
});
