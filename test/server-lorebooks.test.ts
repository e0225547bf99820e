// Lorebooks as JSON over real HTTP: create with defaults, replace whole, round-trip, owner-only
// writes, and strict validation with the importer's limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_LIMITS } from '../src/cards/index.js';
import { call, signIn, startTestServer, type Auth, type TestServer } from './support/server.js';

interface ErrorBody {
  error: { code: string; message: string };
}

interface BookBody {
  id: string;
  ownerId: string;
  characterIds: string[];
  global: boolean;
  book: { name: string; entries: { id: number; keys: string[]; content: string; depth: number }[] };
}

describe('lorebooks over JSON', () => {
  let server: TestServer;
  let url: string;
  let owner: Auth;
  let other: Auth;

  beforeAll(async () => {
    server = await startTestServer();
    url = server.url;
    const admin = await signIn(url, 'root', 'admin password');
    await call(url, 'PUT', '/api/admin/settings', admin.auth, { signupOpen: true });
    owner = (await signIn(url, 'olive', 'owner password')).auth;
    other = (await signIn(url, 'oscar', 'other password')).auth;
  });

  afterAll(async () => {
    await server?.close();
  });

  async function create(body: unknown, auth: Auth = owner): Promise<BookBody> {
    const response = await call(url, 'POST', '/api/lorebooks', auth, body);
    const text = await response.text();
    expect(response.status, text).toBe(201);
    return JSON.parse(text) as BookBody;
  }

  async function expectInvalid(method: string, path: string, body: unknown, field: RegExp) {
    const response = await call(url, method, path, owner, body);
    const text = await response.text();
    expect(response.status, text).toBe(400);
    const parsed = JSON.parse(text) as ErrorBody;
    expect(parsed.error.code).toBe('validation_failed');
    expect(parsed.error.message).toMatch(field);
  }

  it('creates a book from a name and keyed entries, filling the defaults and ids', async () => {
    const created = await create({
      name: 'Tea house',
      entries: [
        { keys: ['tea'], content: 'Tea is sacred.' },
        { id: 7, keys: ['kettle'], content: 'The kettle sings.', position: 'at_depth', depth: 2 },
        { keys: ['cup'], content: 'Cups are small.' },
      ],
    });
    expect(created).toMatchObject({ characterIds: [], global: false });
    expect(created.book).toMatchObject({
      name: 'Tea house',
      description: '',
      scanDepth: null,
      tokenBudget: null,
      recursiveScanning: false,
      extensions: {},
    });
    expect(created.book.entries.map((entry) => entry.id)).toEqual([8, 7, 9]);
    expect(created.book.entries[0]).toMatchObject({ enabled: true, position: 'after_char', depth: 4 });
    expect(created.book.entries[1]).toMatchObject({ position: 'at_depth', depth: 2 });

    const read = await call(url, 'GET', `/api/lorebooks/${created.id}`, owner);
    expect(await read.json()).toEqual(created);
    const list = (await (await call(url, 'GET', '/api/lorebooks', owner)).json()) as unknown[];
    expect(list).toContainEqual(expect.objectContaining({ id: created.id, name: 'Tea house', entries: 3 }));
    const global = await create({ name: 'Everywhere', global: true });
    expect(global.global).toBe(true);
    expect(global.book.entries).toEqual([]);
  });

  it('replaces the whole book, keeps attachments, and round-trips what GET returns', async () => {
    const created = await create({ name: 'Old', entries: [{ keys: ['a'], content: 'A' }, { content: 'B' }] });
    const character = (await (await call(url, 'POST', '/api/characters', owner, { name: 'Lin' })).json()) as {
      id: string;
    };
    expect(
      (await call(url, 'PUT', `/api/lorebooks/${created.id}/characters/${character.id}`, owner)).status,
    ).toBe(200);
    const replaced = await call(url, 'PUT', `/api/lorebooks/${created.id}`, owner, {
      name: 'New',
      entries: [{ keys: ['c'], content: 'C' }],
    });
    const body = (await replaced.json()) as BookBody;
    expect(replaced.status).toBe(200);
    expect(body.book.name).toBe('New');
    expect(body.book.entries.map((entry) => entry.content)).toEqual(['C']);
    expect(body.characterIds).toEqual([character.id]);
    const forCharacter = await server.starling.store.lorebooks.forCharacter(character.id);
    // Attached books come first; the owner's global book from the first test follows.
    expect(forCharacter.map((record) => record.book.name)).toEqual(['New', 'Everywhere']);

    const again = await call(url, 'PUT', `/api/lorebooks/${created.id}`, owner, body.book);
    expect(again.status).toBe(200);
    expect(((await again.json()) as BookBody).book).toEqual(body.book);
  });

  it("answers 404 for another user's book and changes nothing", async () => {
    const created = await create({ name: 'Private', entries: [{ keys: ['x'], content: 'X' }] });
    const before = await server.starling.store.lorebooks.get(created.id);
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', { name: 'Stolen' }],
      ['DELETE', undefined],
    ] as const) {
      const response = await call(url, method, `/api/lorebooks/${created.id}`, other, body);
      expect(response.status).toBe(404);
      expect(((await response.json()) as ErrorBody).error.code).toBe('lorebook_not_found');
    }
    expect(await server.starling.store.lorebooks.get(created.id)).toEqual(before);
    const notMine = await call(url, 'PUT', '/api/lorebooks/missing', owner, { name: 'x' });
    expect(notMine.status).toBe(404);
  });

  it('refuses unknown fields, wrong types, duplicate ids and books over the limits', async () => {
    const path = '/api/lorebooks';
    await expectInvalid('POST', path, {}, /name/);
    await expectInvalid('POST', path, { name: '   ' }, /name/);
    await expectInvalid('POST', path, { name: 'x', evil: true }, /unknown field.*"evil"/);
    await expectInvalid('POST', path, { name: 'x', entries: [{ content: 'c', evil: 1 }] }, /"evil"/);
    await expectInvalid('POST', path, { name: 'x', entries: [{ keys: 'tea' }] }, /entries\.0\.keys/);
    await expectInvalid('POST', path, { name: 'x', entries: [{ depth: -1 }] }, /entries\.0\.depth/);
    await expectInvalid('POST', path, { name: 'x', entries: [{ probability: 101 }] }, /probability/);
    await expectInvalid('POST', path, { name: 'x', entries: [{ position: 'top' }] }, /position/);
    await expectInvalid(
      'POST',
      path,
      { name: 'x', entries: [{ id: 1 }, { id: 1 }] },
      /entries\.1\.id.*duplicate/,
    );
    const keys = Array.from({ length: CARD_LIMITS.maxKeysPerEntry / 2 + 1 }, (_, index) => `k${index}`);
    await expectInvalid('POST', path, { name: 'x', entries: [{ keys, secondaryKeys: keys }] }, /keys/);
    const entries = Array.from({ length: CARD_LIMITS.maxLorebookEntries + 1 }, () => ({}));
    await expectInvalid('POST', path, { name: 'x', entries }, /entries/);
    const created = await create({ name: 'Valid' });
    await expectInvalid('PUT', `${path}/${created.id}`, { name: 'x', global: true }, /"global"/);
    expect((await server.starling.store.lorebooks.get(created.id))?.book.name).toBe('Valid');
  });

  it('refuses a body over the JSON limit with 413', async () => {
    const content = 'x'.repeat(1_100_000);
    const response = await call(url, 'POST', '/api/lorebooks', owner, {
      name: 'Big',
      entries: [{ content }],
    });
    expect(response.status).toBe(413);
  });
});
