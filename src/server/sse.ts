/**
 * Streams one turn as Server-Sent Events: `turn-start`, `text-delta`…, then exactly one final
 * `turn-end` or `error`. Comment lines keep idle connections alive. A client that goes away aborts
 * the turn, so the engine stores the partial reply as incomplete; the turn is registered per session
 * so `POST /abort` and shutdown reach it too.
 */
import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { toStarlingError } from '../spec/errors.js';
import type { TurnEvent, TurnResult } from '../engine/index.js';
import type { AppEnv } from './env.js';
import { statusForCode } from './errors.js';

/** What a streaming route runs: the engine call, given the abort signal and the event sink. */
export type TurnRunner = (options: {
  signal: AbortSignal;
  onEvent: (event: TurnEvent) => void;
}) => Promise<TurnResult>;

function eventData(event: TurnEvent): Record<string, unknown> {
  if (event.type !== 'turn-end') return event;
  // The full text already went out as deltas; the final event carries ids, usage and the reason.
  const { text: _text, ...rest } = event;
  return rest;
}

/** Writes SSE frames in order, even though engine events arrive synchronously. */
function createWriter(stream: SSEStreamingApi) {
  let chain: Promise<void> = Promise.resolve();
  return {
    send(event: string, data: unknown): Promise<void> {
      chain = chain.then(() => stream.writeSSE({ event, data: JSON.stringify(data) })).catch(() => undefined);
      return chain;
    },
    comment(text: string): Promise<void> {
      chain = chain
        .then(() => stream.write(`: ${text}\n\n`))
        .then(() => undefined)
        .catch(() => undefined);
      return chain;
    },
    flushed: () => chain,
  };
}

/** Registers the turn (409 if one is running for the session) and answers with its event stream. */
export function streamTurn(
  c: Context<AppEnv>,
  input: { sessionId: string; ownerId: string; run: TurnRunner },
): Response {
  const { heartbeatSeconds } = c.get('deps').options;
  const turn = c.get('turns').start(input.sessionId, input.ownerId);
  const disconnect = new AbortController();
  const signal = AbortSignal.any([turn.signal, disconnect.signal]);
  const onClientGone = () => disconnect.abort();
  c.req.raw.signal.addEventListener('abort', onClientGone, { once: true });
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    stream.onAbort(onClientGone);
    const writer = createWriter(stream);
    const heartbeat = setInterval(
      () => void writer.comment('heartbeat'),
      Math.max(1, heartbeatSeconds) * 1000,
    );
    try {
      let ended = false;
      const result = await input.run({
        signal,
        onEvent: (event) => {
          ended ||= event.type === 'turn-end';
          void writer.send(event.type, eventData(event));
        },
      });
      // The engine reports turn-end itself; this keeps the "one final event" promise regardless.
      if (!ended) await writer.send('turn-end', eventData({ type: 'turn-end', ...result }));
    } catch (error) {
      const starlingError = toStarlingError(error);
      const internal = statusForCode(starlingError.code) === 500;
      if (internal)
        c.get('deps').log({ level: 'error', requestId: c.get('requestId'), message: starlingError.message });
      await writer.send('error', {
        code: internal ? 'internal_error' : starlingError.code,
        message: internal ? 'internal server error' : starlingError.message,
      });
    } finally {
      clearInterval(heartbeat);
      c.req.raw.signal.removeEventListener('abort', onClientGone);
      turn.finish();
      await writer.flushed();
    }
  });
}
