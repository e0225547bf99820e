// The SSE turn stream on its own: heartbeats while a turn is slow, exactly one final event on every
// path, internal errors never shown, and one running turn per session.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { TurnResult } from '../src/engine/index.js';
import { StarlingError } from '../src/spec/errors.js';
import {
  createTurnRegistry,
  defaultServerOptions,
  type AppEnv,
  type ServerDependencies,
} from '../src/server/index.js';
import { createErrorHandler } from '../src/server/errors.js';
import { streamTurn, type TurnRunner } from '../src/server/sse.js';
import { readSse } from './support/server.js';

const result: TurnResult = {
  sessionId: 's',
  userMessageId: 'u',
  messageId: 'm',
  text: 'hi',
  finishReason: 'stop',
  usage: { inputTokens: 1, outputTokens: 1 },
};

function appWith(run: TurnRunner) {
  const logs: Record<string, unknown>[] = [];
  const deps = {
    options: defaultServerOptions({ heartbeatSeconds: 1 }),
    log: (record) => logs.push(record),
  } as Pick<ServerDependencies, 'options' | 'log'> as ServerDependencies;
  const turns = createTurnRegistry();
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('turns', turns);
    c.set('requestId', 'r');
    await next();
  });
  app.post('/turn', (c) => streamTurn(c, { sessionId: 's', ownerId: 'o', run }));
  return { app, turns, logs };
}

describe('SSE turn stream', () => {
  it('sends heartbeats while the turn is slow and ends with turn-end', async () => {
    const { app, turns } = appWith(async ({ onEvent }) => {
      onEvent({ type: 'turn-start', sessionId: 's', parentId: null });
      await new Promise((resolve) => setTimeout(resolve, 1200));
      onEvent({ type: 'text-delta', delta: 'hi' });
      onEvent({ type: 'turn-end', ...result });
      return result;
    });
    const { events, comments } = await readSse(await app.request('/turn', { method: 'POST' }));
    expect(comments).toBeGreaterThanOrEqual(1);
    expect(events.map((event) => event.event)).toEqual(['turn-start', 'text-delta', 'turn-end']);
    expect(events[2]?.data).not.toHaveProperty('text');
    expect(turns.size).toBe(0);
  });

  it('ends with an error event for Starling errors and hides internal ones', async () => {
    const known = appWith(async () => {
      throw new StarlingError('model_failed', 'the model broke');
    });
    const first = await readSse(await known.app.request('/turn', { method: 'POST' }));
    expect(first.events).toEqual([
      { event: 'error', data: { code: 'model_failed', message: 'the model broke' } },
    ]);

    const internal = appWith(async () => {
      throw new Error('secret path /etc/x');
    });
    const second = await readSse(await internal.app.request('/turn', { method: 'POST' }));
    expect(second.events).toEqual([
      { event: 'error', data: { code: 'internal_error', message: 'internal server error' } },
    ]);
    expect(internal.logs.some((record) => String(record.message).includes('secret path'))).toBe(true);
  });

  it('refuses a second turn on the same session with 409 and aborts through the registry', async () => {
    let seen: AbortSignal | undefined;
    const { app, turns } = appWith(
      ({ signal, onEvent }) =>
        new Promise((resolve) => {
          seen = signal;
          onEvent({ type: 'turn-start', sessionId: 's', parentId: null });
          signal.addEventListener('abort', () => resolve({ ...result, finishReason: 'abort' }));
        }),
    );
    const first = await app.request('/turn', { method: 'POST' });
    const second = await app.request('/turn', { method: 'POST' });
    expect(second.status).toBe(409);
    expect(turns.abort('s', 'someone-else')).toBe(false);
    expect(turns.abort('s', 'o')).toBe(true);
    expect(seen?.aborted).toBe(true);
    await readSse(first);
    await turns.idle();
    expect(turns.size).toBe(0);
  });
});
