// Fault tests over real HTTP: the model backend (a local OpenAI-compatible fake) fails before the
// first token, fails mid-stream, or hangs. The REST SSE stream must end with an `error` event (or,
// for a hang, with the abort the client asks for), the user message must be kept, and a retry must
// work. The typed client (`starling/client`) is the HTTP client throughout.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../bench/support/fake-openai-server.js';
import { createAccounts } from '../src/accounts/index.js';
import {
  collectReply,
  createStarlingClient,
  StarlingApiError,
  type StarlingClient,
} from '../src/client/index.js';
import type { TurnStreamEvent } from '../src/client/index.js';
import type { Starling } from '../src/engine/index.js';
import { defaultServerOptions, startServer, type RunningServer } from '../src/server/index.js';
import { createStarlingOnFakeBackend } from './support/fake-backend-starling.js';
import { createTempHome, EXAMPLE_CARD } from './support/temp-home.js';

async function collect(events: AsyncIterable<TurnStreamEvent>): Promise<TurnStreamEvent[]> {
  const all: TurnStreamEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

describe('server faults: the model backend fails', () => {
  let backend: FakeOpenAIServer;
  let starling: Starling;
  let server: RunningServer;
  let client: StarlingClient;
  let characterId: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    backend = await startFakeOpenAIServer({ tokens: 4, tokensPerSecond: 200 });
    const temp = await createTempHome();
    cleanup = temp.cleanup;
    starling = await createStarlingOnFakeBackend(temp.home, backend.baseUrl, {
      maxReplyTokens: 8,
      modelStallSeconds: 3,
    });
    const accounts = createAccounts(starling.store);
    const user = await accounts.createUser({ name: 'player' });
    const { key } = await accounts.createApiKey(user.id, { name: 'faults' });
    server = await startServer({
      starling,
      accounts,
      log: () => undefined,
      options: defaultServerOptions({ port: 0, heartbeatSeconds: 1 }),
    });
    client = createStarlingClient({ baseUrl: server.url, apiKey: key });
    const imported = await client.characters.import(new Uint8Array(await readFile(EXAMPLE_CARD)), 'lin.json');
    characterId = imported[0]?.id ?? '';
  });

  beforeEach(() => backend.setBehavior({ mode: 'ok', tokens: 4, tokensPerSecond: 200 }));

  afterAll(async () => {
    await server.close();
    await backend.close();
    await starling.close();
    await cleanup();
  });

  it('works end to end through the typed client when the backend is healthy', async () => {
    expect(await client.characters.list()).toEqual([
      expect.objectContaining({ id: characterId, name: 'Lin' }),
    ]);
    expect((await client.characters.get(characterId)).card.name).toBe('Lin');
    const { session } = await client.sessions.create(characterId);
    const events = await collect(client.messages.send(session.id, 'Hello'));
    expect(events.map((event) => event.type)).toEqual([
      'turn-start',
      ...Array(4).fill('text-delta'),
      'turn-end',
    ]);
    const again = await collectReply(client.messages.regenerate(session.id));
    expect(again.text).toBe('tok0 tok1 tok2 tok3 ');
    const { messages } = await client.sessions.get(session.id);
    expect(
      messages.filter((message) => message.role === 'assistant' && message.parentId !== null),
    ).toHaveLength(2);
    expect((await client.sessions.list({ characterId })).map((listed) => listed.id)).toContain(session.id);
  });

  it('answers API errors as StarlingApiError with status and code', async () => {
    const missing = await client.sessions.get('no-such-session').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(StarlingApiError);
    expect(missing).toMatchObject({ status: 404, code: 'session_not_found' });
    const anonymous = createStarlingClient({ baseUrl: server.url });
    await expect(anonymous.characters.list()).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('fails before the first token: an error event, the user message kept, regenerate answers it', async () => {
    const { session } = await client.sessions.create(characterId);
    backend.setBehavior({ mode: 'fail-before-first-token' });
    const events = await collect(client.messages.send(session.id, 'Are you there?'));
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'model_failed' });
    const after = await client.sessions.get(session.id);
    const head = after.messages.find((message) => message.id === after.headId);
    expect(head).toMatchObject({ role: 'user', content: 'Are you there?' });

    backend.setBehavior({ mode: 'ok' });
    const retry = await collectReply(client.messages.regenerate(session.id));
    expect(retry.text).toBe('tok0 tok1 tok2 tok3 ');
    const final = await client.sessions.get(session.id);
    const reply = final.messages.find((message) => message.id === final.headId);
    // The reply answers the kept user message; no second copy of it was stored.
    expect(reply?.parentId).toBe(head?.id);
    expect(final.messages.filter((message) => message.role === 'user')).toHaveLength(1);
  });

  it('times out when the backend sends nothing: an error event, the backend call closed, the user message kept', async () => {
    const { session } = await client.sessions.create(characterId);
    backend.setBehavior({ mode: 'hang' });
    const events = await collect(client.messages.send(session.id, 'Anyone?'));
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'model_timeout' });
    await expect.poll(() => backend.active(), { timeout: 5_000 }).toBe(0);
    const after = await client.sessions.get(session.id);
    expect(after.messages.find((message) => message.id === after.headId)).toMatchObject({
      role: 'user',
      content: 'Anyone?',
    });
  });

  it('fails mid-stream: the deltas, then an error event; the partial reply is kept; regenerate works', async () => {
    const { session } = await client.sessions.create(characterId);
    backend.setBehavior({ mode: 'fail-mid-stream', failAfterTokens: 2, tokensPerSecond: 50 });
    const events = await collect(client.messages.send(session.id, 'Tell me a story'));
    const text = events.map((event) => (event.type === 'text-delta' ? event.delta : '')).join('');
    expect(text).toBe('tok0 tok1 ');
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'model_failed' });
    const after = await client.sessions.get(session.id);
    const partial = after.messages.find((message) => message.id === after.headId);
    expect(partial).toMatchObject({ role: 'assistant', status: 'error', content: 'tok0 tok1 ' });
    const user = after.messages.find((message) => message.id === partial?.parentId);
    expect(user).toMatchObject({ role: 'user', content: 'Tell me a story' });

    backend.setBehavior({ mode: 'ok', tokensPerSecond: 200 });
    const retry = await collectReply(client.messages.regenerate(session.id));
    expect(retry.text).toBe('tok0 tok1 tok2 tok3 ');
  });

  it('hangs: the stream stays open with heartbeats until aborted; the user message is kept; a resend works', async () => {
    const { session } = await client.sessions.create(characterId);
    backend.setBehavior({ mode: 'hang' });
    const events: TurnStreamEvent[] = [];
    const streaming = (async () => {
      for await (const event of client.messages.send(session.id, 'Hello?')) events.push(event);
    })();
    await expect.poll(() => backend.active(), { timeout: 5_000 }).toBe(1);
    // Past one heartbeat, the stream is still open and has not failed.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(events.map((event) => event.type)).toEqual(['turn-start']);
    expect(await client.messages.abort(session.id)).toEqual({ aborted: true });
    await streaming;
    expect(events.at(-1)).toMatchObject({ type: 'turn-end', finishReason: 'abort' });
    await expect.poll(() => backend.active(), { timeout: 5_000 }).toBe(0);
    const after = await client.sessions.get(session.id);
    expect(after.messages.some((message) => message.role === 'user' && message.content === 'Hello?')).toBe(
      true,
    );

    backend.setBehavior({ mode: 'ok' });
    const retry = await collectReply(client.messages.send(session.id, 'Hello again'));
    expect(retry.text).toBe('tok0 tok1 tok2 tok3 ');
  });

  it('a client that stops reading aborts the turn and keeps the partial reply', async () => {
    const { session } = await client.sessions.create(characterId);
    backend.setBehavior({ tokens: 400, tokensPerSecond: 50 });
    for await (const event of client.messages.send(session.id, 'Talk', { maxTokens: 400 })) {
      if (event.type === 'text-delta') break;
    }
    await expect.poll(() => backend.active(), { timeout: 5_000 }).toBe(0);
    await expect
      .poll(async () => {
        const after = await client.sessions.get(session.id);
        return after.messages.find((message) => message.id === after.headId)?.status;
      })
      .toBe('incomplete');
  });
});
