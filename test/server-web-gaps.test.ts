// What the web UI needed from the server: the anonymous first-run probe (/api/auth/status), the
// CSRF token in /api/me for cookie sessions, and saving a card's embedded lorebook through
// PUT /api/characters/{id} (owner-only, a new version, strictly validated).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_LIMITS } from '../src/cards/index.js';
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

interface EntryBody {
  id: number;
  name: string;
  keys: string[];
  content: string;
  enabled: boolean;
  position: string;
}

interface CharacterBody {
  id: string;
  version: number;
  card: { name: string; description: string; lorebook: { name: string; entries: EntryBody[] } | null };
}

async function status(url: string): Promise<unknown> {
  const response = await call(url, 'GET', '/api/auth/status');
  expect(response.status).toBe(200);
  return response.json();
}

describe('GET /api/auth/status', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('tells an anonymous caller about first run and sign-up, and nothing else', async () => {
    // A fresh instance: nobody can sign in yet, so the next sign-up creates the admin.
    expect(await status(server.url)).toEqual({ needsSetup: true, signupOpen: true });

    const admin = await signIn(server.url, 'root', 'admin password');
    // Exactly two booleans: no user names, counts or ids leak to anonymous callers.
    const after = await status(server.url);
    expect(after).toEqual({ needsSetup: false, signupOpen: false });
    expect(JSON.stringify(after)).not.toContain('root');

    expect(
      (await call(server.url, 'PUT', '/api/admin/settings', admin.auth, { signupOpen: true })).status,
    ).toBe(200);
    expect(await status(server.url)).toEqual({ needsSetup: false, signupOpen: true });
    // Signed-in callers get the same answer; the route needs no CSRF token (it is a read).
    const response = await call(server.url, 'GET', '/api/auth/status', admin.auth);
    expect(await response.json()).toEqual({ needsSetup: false, signupOpen: true });
  });

  it('is documented in the OpenAPI document', async () => {
    const document = (await (await call(server.url, 'GET', '/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toContain('/api/auth/status');
  });
});

describe('GET /api/me hands the cookie session its CSRF token', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('returns the token to cookie callers and never to API keys', async () => {
    const { auth } = await signIn(server.url, 'root', 'admin password');
    const me = (await (await call(server.url, 'GET', '/api/me', auth)).json()) as { csrfToken?: string };
    expect(auth.kind === 'cookie' && me.csrfToken === auth.csrfToken).toBe(true);
    const key = await createKey(server.url, auth);
    const viaKey = (await (await call(server.url, 'GET', '/api/me', key)).json()) as object;
    expect(viaKey).not.toHaveProperty('csrfToken');
    expect((await call(server.url, 'GET', '/api/me', anonymous)).status).toBe(401);
  });
});

describe('PUT /api/characters/{id} with a lorebook', () => {
  let server: TestServer;
  let url: string;
  let owner: Auth;
  let other: Auth;
  let characterId: string;

  beforeAll(async () => {
    server = await startTestServer();
    url = server.url;
    const admin = await signIn(url, 'root', 'admin password');
    await call(url, 'PUT', '/api/admin/settings', admin.auth, { signupOpen: true });
    owner = (await signIn(url, 'olive', 'owner password')).auth;
    other = (await signIn(url, 'oscar', 'other password')).auth;
    const created = await call(url, 'POST', '/api/characters', owner, {
      name: 'Mira',
      description: 'Keeps the harbor.',
    });
    expect(created.status).toBe(201);
    characterId = ((await created.json()) as CharacterBody).id;
  });

  afterAll(async () => {
    await server?.close();
  });

  async function put(body: unknown, auth: Auth = owner): Promise<Response> {
    return call(url, 'PUT', `/api/characters/${characterId}`, auth, body);
  }

  async function current(): Promise<CharacterBody> {
    return (await (await call(url, 'GET', `/api/characters/${characterId}`, owner)).json()) as CharacterBody;
  }

  it('saves the embedded book as a new version, filling entry defaults and keeping other fields', async () => {
    const before = await current();
    const response = await put({
      lorebook: {
        name: 'Harbor lore',
        entries: [
          { id: 3, name: 'Lighthouse', keys: ['lighthouse'], content: 'Dark for ten years.' },
          { keys: ['fog'], content: 'The fog rolls in at dusk.' },
        ],
      },
    });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    const saved = JSON.parse(text) as CharacterBody;
    expect(saved.version).toBe(before.version + 1);
    expect(saved.card.description).toBe('Keeps the harbor.');
    expect(saved.card.lorebook?.name).toBe('Harbor lore');
    expect(saved.card.lorebook?.entries.map((entry) => entry.id)).toEqual([3, 4]);
    expect(saved.card.lorebook?.entries[1]).toMatchObject({ enabled: true, position: 'after_char' });
    expect(await current()).toEqual(saved);

    // Changing only card fields keeps the book; the old version still has no book.
    const renamed = (await (await put({ nickname: 'Keeper' })).json()) as CharacterBody;
    expect(renamed.card.lorebook?.entries).toHaveLength(2);
    const first = await call(url, 'GET', `/api/characters/${characterId}/versions/${before.version}`, owner);
    expect(((await first.json()) as CharacterBody).card.lorebook).toBeNull();
  });

  it('lets a lorebook-activation test see the saved keys', async () => {
    const { card } = await current();
    const response = await call(url, 'POST', '/api/lore/test', owner, {
      book: card.lorebook,
      messages: ['Is the lighthouse lit?'],
    });
    expect(response.status).toBe(200);
    const fired = (await response.json()) as { entries: { name: string }[] };
    expect(fired.entries.map((entry) => entry.name)).toEqual(['Lighthouse']);
  });

  it('removes the book with null', async () => {
    const response = await put({ lorebook: null });
    expect(response.status).toBe(200);
    expect(((await response.json()) as CharacterBody).card.lorebook).toBeNull();
  });

  it('is owner-only: another user gets 404 and nothing changes', async () => {
    const before = await current();
    const response = await put({ lorebook: { name: 'Stolen', entries: [] } }, other);
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.code).toBe('character_not_found');
    expect((await put({ lorebook: { name: 'x' } }, anonymous)).status).toBe(401);
    expect(await current()).toEqual(before);
  });

  it.each([
    ['an unknown book field', { name: 'B', evil: true }, /unknown field/],
    ['an unknown entry field', { name: 'B', entries: [{ keys: ['a'], script: 'x' }] }, /unknown field/],
    ['a blank name', { name: '  ', entries: [] }, /lorebook\.name/],
    ['a probability over 100', { name: 'B', entries: [{ keys: ['a'], probability: 101 }] }, /probability/],
    ['a bad position', { name: 'B', entries: [{ keys: ['a'], position: 'everywhere' }] }, /position/],
    ['duplicate entry ids', { name: 'B', entries: [{ id: 1 }, { id: 1 }] }, /duplicate entry id 1/],
    [
      'too many keys',
      { name: 'B', entries: [{ keys: Array.from({ length: CARD_LIMITS.maxKeysPerEntry + 1 }, () => 'k') }] },
      /keys/,
    ],
  ])('refuses %s with 400 and saves nothing', async (_label, lorebook, field) => {
    const before = await current();
    const response = await put({ lorebook });
    const text = await response.text();
    expect(response.status, text).toBe(400);
    const body = JSON.parse(text) as ErrorBody;
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toMatch(field);
    expect(await current()).toEqual(before);
  });
});
