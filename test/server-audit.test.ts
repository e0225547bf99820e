// The admin audit route over HTTP: filters by action and time, validates `since`, admin only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, startTestServer, type Auth, type TestServer } from './support/server.js';

describe('GET /api/admin/audit', () => {
  let server: TestServer;
  let admin: Auth;

  beforeAll(async () => {
    server = await startTestServer();
    admin = (await signIn(server.url, 'root', 'admin password')).auth;
    const audit = server.starling.store.audit;
    const base = {
      ownerId: 'u1',
      direction: 'input' as const,
      policy: 'standard',
      scores: {},
      reason: 'r',
      text: 't',
    };
    await audit.append({ ...base, action: 'block', categories: ['violence_weapons'], at: 1_000 });
    await audit.append({ ...base, action: 'revise', categories: ['self_harm'], at: 2_000 });
    await audit.append({
      ...base,
      action: 'block',
      categories: ['manipulation'],
      at: Date.parse('2026-01-02'),
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('lists rows newest first with filters', async () => {
    const all = (await (await call(server.url, 'GET', '/api/admin/audit', admin)).json()) as { at: number }[];
    expect(all.map((row) => row.at)).toEqual([Date.parse('2026-01-02'), 2_000, 1_000]);
    const blocks = (await (
      await call(server.url, 'GET', '/api/admin/audit?action=block&since=1500', admin)
    ).json()) as {
      categories: string[];
    }[];
    expect(blocks.map((row) => row.categories)).toEqual([['manipulation']]);
    const iso = await call(server.url, 'GET', '/api/admin/audit?since=2025-12-31T00:00:00Z&limit=5', admin);
    expect(((await iso.json()) as unknown[]).length).toBe(1);
  });

  it('rejects a bad since or action with 400', async () => {
    expect((await call(server.url, 'GET', '/api/admin/audit?since=yesterday', admin)).status).toBe(400);
    expect((await call(server.url, 'GET', '/api/admin/audit?action=delete', admin)).status).toBe(400);
  });
});
