// The /v1 routes on their own, over real HTTP on 127.0.0.1, with the official `openai` client and a
// local OpenAI-compatible fake backend as the Starling model. The full server is covered by
// test/openai-client.model.test.ts; this file pins the OpenAI layer's behaviour.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../bench/support/fake-openai-server.js';
import { createAccounts } from '../src/accounts/index.js';
import { importFiles, type Starling } from '../src/engine/index.js';
import type { AppEnv, ServerDependencies } from '../src/server/env.js';
import { authenticate } from '../src/server/middleware/auth.js';
import { createOpenAIRoutes } from '../src/server/openai/index.js';
import { createTurnRegistry } from '../src/server/turn-registry.js';
import { createStarlingOnFakeBackend } from './support/fake-backend-starling.js';
import { createTempHome, EXAMPLE_CARD } from './support/temp-home.js';

describe('OpenAI-compatible routes', () => {
  let backend: FakeOpenAIServer;
  let starling: Starling;
  let server: ServerType;
  let baseURL: string;
  let aliceKey: string;
  let aliceId: string;
  let linId: string;
  let sharedId: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    backend = await startFakeOpenAIServer({ tokens: 4 });
    const temp = await createTempHome();
    cleanup = temp.cleanup;
    starling = await createStarlingOnFakeBackend(temp.home, backend.baseUrl, { maxReplyTokens: 8 });
    const accounts = createAccounts(starling.store);
    const alice = await accounts.createUser({ name: 'alice' });
    const bob = await accounts.createUser({ name: 'bob' });
    aliceId = alice.id;
    aliceKey = (await accounts.createApiKey(alice.id, { name: 'test' })).key;
    const card = new Uint8Array(await readFile(EXAMPLE_CARD));
    const imported = await importFiles(starling.store, alice.id, [{ name: 'lin.json', bytes: card }]);
    linId = imported.imported.find((item) => item.kind === 'character')?.id ?? '';
    const bobs = await importFiles(starling.store, bob.id, [
      { name: 'a.json', bytes: card },
      { name: 'b.json', bytes: card },
    ]);
    const [privateOne, sharedOne] = bobs.imported.filter((item) => item.kind === 'character');
    sharedId = sharedOne?.id ?? '';
    await starling.store.characters.setShared(sharedId, true);
    expect(privateOne).toBeDefined();

    const deps: ServerDependencies = {
      starling,
      accounts,
      log: () => undefined,
      options: {
        host: '127.0.0.1',
        port: 0,
        corsOrigins: [],
        maxJsonBytes: 1_000_000,
        maxUploadBytes: 1_000_000,
        rateLimitPerKey: 10_000,
        rateLimitPerIp: 10_000,
        secureCookies: false,
        heartbeatSeconds: 15,
      },
    };
    const turns = createTurnRegistry();
    const app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      c.set('deps', deps);
      c.set('requestId', randomUUID());
      c.set('turns', turns);
      await next();
    });
    app.use(authenticate());
    app.route('/v1', createOpenAIRoutes());
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
        baseURL = `http://127.0.0.1:${info.port}/v1`;
        resolve();
      });
    });
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await backend.close();
    await starling.close();
    await cleanup();
  });

  const client = () => new OpenAI({ baseURL, apiKey: aliceKey, maxRetries: 0 });

  it('lists own and shared characters as models, never private ones of others', async () => {
    const models = [];
    for await (const model of client().models.list()) models.push(model);
    expect(models.map((model) => model.id).sort()).toEqual([linId, sharedId].sort());
    expect(models.find((model) => model.id === linId)).toMatchObject({
      object: 'model',
      owned_by: 'alice',
      slug: 'lin',
    });
    expect(models.find((model) => model.id === sharedId)?.owned_by).toBe('bob');
  });

  it('answers a non-streaming completion with usage, selecting the character by slug', async () => {
    const completion = await client().chat.completions.create({
      model: 'lin',
      messages: [{ role: 'user', content: 'Hello' }],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message.content).toBe('tok0 tok1 tok2 tok3 ');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage).toEqual({ prompt_tokens: 10, completion_tokens: 4, total_tokens: 14 });
  });

  it('streams chunks, then the finish reason, usage and [DONE]', async () => {
    const stream = await client().chat.completions.create({
      model: linId,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hello' },
      ],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    const finishes: (string | null | undefined)[] = [];
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.choices[0]?.finish_reason) finishes.push(chunk.choices[0].finish_reason);
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('tok0 tok1 tok2 tok3 ');
    expect(finishes).toEqual(['stop']);
    expect(usage?.total_tokens).toBe(14);
  });

  it('ties requests with the same `user` to one stored session and names it in a header', async () => {
    const user = `player-${randomUUID()}`;
    const first = await client()
      .chat.completions.create({ model: 'lin', user, messages: [{ role: 'user', content: 'One' }] })
      .withResponse();
    const sessionId = first.response.headers.get('x-starling-session');
    expect(sessionId).toBeTruthy();
    await client().chat.completions.create({
      model: 'lin',
      user,
      messages: [
        { role: 'user', content: 'One' },
        { role: 'assistant', content: first.data.choices[0]?.message.content ?? '' },
        { role: 'user', content: 'Two' },
      ],
    });
    const session = await starling.store.sessions.get(sessionId ?? '');
    expect(session?.ownerId).toBe(aliceId);
    const path = await starling.store.messages.path(session?.headId ?? '');
    expect(path.map((message) => `${message.role}:${message.content.trim()}`)).toEqual([
      'user:One',
      'assistant:tok0 tok1 tok2 tok3',
      'user:Two',
      'assistant:tok0 tok1 tok2 tok3',
    ]);
  });

  it('answers errors in OpenAI shape: unknown model 404, bad body 400, no key 401', async () => {
    const notFound = await client()
      .chat.completions.create({ model: 'nobody', messages: [{ role: 'user', content: 'x' }] })
      .catch((error: unknown) => error);
    expect(notFound).toBeInstanceOf(OpenAI.NotFoundError);
    expect(notFound).toMatchObject({ status: 404, code: 'model_not_found', type: 'invalid_request_error' });
    const badBody = await fetch(`${baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${aliceKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'lin', messages: 'hello' }),
    });
    expect(badBody.status).toBe(400);
    expect(await badBody.json()).toMatchObject({
      error: { type: 'invalid_request_error', code: 'validation_failed' },
    });
    const anonymous = await fetch(`${baseURL}/models`);
    expect(anonymous.status).toBe(401);
  });

  it('turns backend failures into errors: before the first token a 502, mid-stream an error frame', async () => {
    backend.setBehavior({ mode: 'fail-before-first-token' });
    const before = await client()
      .chat.completions.create({ model: 'lin', messages: [{ role: 'user', content: 'x' }], stream: true })
      .catch((error: unknown) => error);
    expect(before).toMatchObject({ status: 502, code: 'model_failed', type: 'server_error' });
    backend.setBehavior({ mode: 'fail-mid-stream', failAfterTokens: 2, tokensPerSecond: 50 });
    let text = '';
    const mid = await (async () => {
      const stream = await client().chat.completions.create({
        model: 'lin',
        messages: [{ role: 'user', content: 'x' }],
        stream: true,
      });
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })().catch((error: unknown) => error);
    backend.setBehavior({ mode: 'ok', tokensPerSecond: 0 });
    expect(text).toBe('tok0 tok1 ');
    expect(mid).toBeInstanceOf(OpenAI.APIError);
    expect(mid).toMatchObject({ code: 'model_failed' });
  });

  it('aborts the turn when the client goes away, keeping the partial reply', async () => {
    backend.setBehavior({ tokensPerSecond: 20, tokens: 200 });
    const controller = new AbortController();
    const user = `gone-${randomUUID()}`;
    const stream = await client().chat.completions.create(
      {
        model: 'lin',
        user,
        messages: [{ role: 'user', content: 'Talk a lot' }],
        stream: true,
        max_tokens: 200,
      },
      { signal: controller.signal },
    );
    const done = (async () => {
      for await (const _chunk of stream) controller.abort();
    })().catch(() => undefined);
    await done;
    await expect.poll(() => backend.active(), { timeout: 5_000 }).toBe(0);
    backend.setBehavior({ tokensPerSecond: 0, tokens: 4 });
    const sessions = await starling.store.sessions.list({ ownerId: aliceId, characterId: linId });
    const session = sessions.find((candidate) => candidate.title === `openai:${user}`);
    await expect
      .poll(async () =>
        (await starling.store.messages.tree(session?.id ?? '')).map((message) => message.status),
      )
      .toEqual(['complete', 'incomplete']);
  });
});
