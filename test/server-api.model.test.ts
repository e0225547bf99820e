// The REST API over real HTTP with the real engine on the generated tiny GGUF: accounts, import,
// sessions, streamed turns, the message tree operations, abort and client disconnect.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MessageRecord, SessionRecord } from '../src/spec/store.js';
import { EXAMPLE_CARD } from './support/temp-home.js';
import {
  anonymous,
  call,
  readSse,
  signIn,
  startTestServer,
  type Auth,
  type SseEvent,
  type TestServer,
} from './support/server.js';

interface Tree {
  session: SessionRecord;
  messages: MessageRecord[];
  headId: string | null;
}

describe('REST API on the tiny model', () => {
  let server: TestServer;
  let url: string;
  let alice: Auth;
  let characterId: string;

  beforeAll(async () => {
    server = await startTestServer({
      env: { STARLING_MODEL: inject('tinyModelPath') },
      config: { maxReplyTokens: 8 },
    });
    url = server.url;
  });

  afterAll(async () => {
    await server?.close();
  });

  async function tree(sessionId: string): Promise<Tree> {
    const response = await call(url, 'GET', `/api/sessions/${sessionId}`, alice);
    expect(response.status).toBe(200);
    return (await response.json()) as Tree;
  }

  async function newSession(): Promise<Tree> {
    const response = await call(url, 'POST', '/api/sessions', alice, { characterId });
    expect(response.status).toBe(201);
    return (await response.json()) as Tree;
  }

  function turnEnd(events: SseEvent[]) {
    const last = events.at(-1);
    expect(last?.event).toBe('turn-end');
    return last?.data as {
      messageId: string;
      userMessageId: string | null;
      finishReason: string;
      usage: { outputTokens: number };
    };
  }

  it('makes the first account admin and closes sign-up after it', async () => {
    const first = await signIn(url, 'alice', 'correct horse battery');
    expect(first.user.role).toBe('admin');
    expect(first.setCookie).toMatch(/starling_session=/);
    expect(first.setCookie).toMatch(/HttpOnly/i);
    expect(first.setCookie).toMatch(/SameSite=Lax/i);
    const second = await call(url, 'POST', '/api/auth/signup', anonymous, {
      name: 'bob',
      password: 'another secret',
    });
    expect(second.status).toBe(403);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe('signup_closed');

    const login = await signIn(url, 'alice', 'correct horse battery', true);
    alice = login.auth;
    const me = await call(url, 'GET', '/api/me', alice);
    expect(await me.json()).toMatchObject({ user: { name: 'alice', role: 'admin' }, via: 'cookie' });
  });

  it('imports a card by multipart upload', async () => {
    const form = new FormData();
    form.append('file', new Blob([await readFile(EXAMPLE_CARD)], { type: 'application/json' }), 'lin.json');
    const response = await call(url, 'POST', '/api/characters/import', alice, form);
    expect(response.status).toBe(200);
    const imported = (await response.json()) as { id: string; name: string }[];
    expect(imported).toEqual([
      expect.objectContaining({ id: expect.any(String), name: expect.stringContaining('Lin') }),
    ]);
    characterId = imported[0]!.id;
  });

  it('streams a turn over SSE and stores both messages', async () => {
    const { session, messages: roots } = await newSession();
    expect(roots.length).toBeGreaterThan(0);
    const response = await call(url, 'POST', `/api/sessions/${session.id}/messages`, alice, {
      content: 'Hello, Lin!',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const { events } = await readSse(response);
    expect(events[0]?.event).toBe('turn-start');
    expect(events.filter((event) => event.event === 'text-delta').length).toBeGreaterThan(0);
    const end = turnEnd(events);
    expect(end.finishReason).toMatch(/stop|length/);
    expect(end.usage.outputTokens).toBeGreaterThan(0);

    const after = await tree(session.id);
    expect(after.headId).toBe(end.messageId);
    const user = after.messages.find((message) => message.id === end.userMessageId);
    const reply = after.messages.find((message) => message.id === end.messageId);
    expect(user).toMatchObject({ role: 'user', content: 'Hello, Lin!' });
    expect(reply).toMatchObject({ role: 'assistant', parentId: user?.id, status: 'complete' });
    const deltas = events
      .filter((event) => event.event === 'text-delta')
      .map((event) => (event.data as { delta: string }).delta);
    expect(reply?.content).toBe(deltas.join(''));
  });

  it('regenerates a swipe, chooses swipes, edits, branches and deletes', async () => {
    const { session, messages: roots } = await newSession();
    const first = turnEnd(
      (
        await readSse(
          await call(url, 'POST', `/api/sessions/${session.id}/messages`, alice, { content: 'What tea?' }),
        )
      ).events,
    );
    const second = turnEnd(
      (await readSse(await call(url, 'POST', `/api/sessions/${session.id}/regenerate`, alice, {}))).events,
    );
    expect(second.messageId).not.toBe(first.messageId);
    expect(second.userMessageId).toBeNull();
    let current = await tree(session.id);
    const siblings = current.messages.filter((message) => message.parentId === first.userMessageId);
    expect(siblings.map((message) => message.id)).toEqual([first.messageId, second.messageId]);
    expect(current.headId).toBe(second.messageId);

    const chosen = await call(url, 'PUT', `/api/sessions/${session.id}/head`, alice, {
      messageId: first.messageId,
    });
    expect(chosen.status).toBe(200);
    expect(((await chosen.json()) as SessionRecord).headId).toBe(first.messageId);

    const edited = await call(url, 'PATCH', `/api/messages/${first.messageId}`, alice, {
      content: 'Jasmine, of course.',
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ id: first.messageId, content: 'Jasmine, of course.' });

    const branched = await call(url, 'POST', `/api/sessions/${session.id}/branch`, alice, {
      messageId: roots[0]!.id,
    });
    expect(((await branched.json()) as SessionRecord).headId).toBe(roots[0]!.id);

    const removed = await call(url, 'DELETE', `/api/messages/${second.messageId}`, alice);
    expect(removed.status).toBe(200);
    current = await tree(session.id);
    expect(current.messages.some((message) => message.id === second.messageId)).toBe(false);
    expect(current.messages.some((message) => message.id === first.messageId)).toBe(true);
  });

  it('stops a turn on POST /abort and stores the partial reply as incomplete', async () => {
    const { session } = await newSession();
    const response = await call(url, 'POST', `/api/sessions/${session.id}/messages`, alice, {
      content: 'Tell me a long story.',
      maxTokens: 2000,
    });
    let aborted: Promise<Response> | undefined;
    const { events } = await readSse(response, (event) => {
      if (event.event === 'turn-start' && !aborted)
        aborted = call(url, 'POST', `/api/sessions/${session.id}/abort`, alice);
    });
    const abortResponse = await (aborted as Promise<Response>);
    expect(((await abortResponse.json()) as { aborted: boolean }).aborted).toBe(true);
    const end = turnEnd(events);
    expect(end.finishReason).toBe('abort');
    const reply = (await tree(session.id)).messages.find((message) => message.id === end.messageId);
    expect(reply?.status).toBe('incomplete');
  });

  it('treats a client disconnect as abort and stores the partial reply as incomplete', async () => {
    const { session } = await newSession();
    const controller = new AbortController();
    const response = await fetch(`${url}/api/sessions/${session.id}/messages`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: (alice as { cookie: string }).cookie,
        'X-CSRF-Token': (alice as { csrfToken: string }).csrfToken,
      },
      body: JSON.stringify({ content: 'Another long story, please.', maxTokens: 2000 }),
      signal: controller.signal,
    });
    await readSse(response, (event) => {
      if (event.event === 'turn-start') controller.abort();
    });
    let reply: MessageRecord | undefined;
    for (let attempt = 0; attempt < 200 && !reply; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      reply = (await tree(session.id)).messages.find(
        (message) => message.role === 'assistant' && message.parentId !== null,
      );
    }
    expect(reply?.status).toBe('incomplete');
  });
  it('on shutdown aborts running turns, stores their partial replies and then stops', async () => {
    const { session } = await newSession();
    const response = await call(url, 'POST', `/api/sessions/${session.id}/messages`, alice, {
      content: 'One more long story.',
      maxTokens: 2000,
    });
    let closing: Promise<void> | undefined;
    const { events } = await readSse(response, (event) => {
      if (event.event === 'turn-start') closing ??= server.server.close();
    });
    await closing;
    const end = turnEnd(events);
    expect(end.finishReason).toBe('abort');
    const stored = await server.starling.store.messages.get(end.messageId);
    expect(stored?.status).toBe('incomplete');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
