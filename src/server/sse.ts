/**
 * Streams one turn as Server-Sent Events: `turn-start`, `text-delta`…, then exactly one final
 * `turn-end` or `error`. Comment lines keep idle connections alive. A client that goes away aborts
 * the turn, so the engine stores the partial reply as incomplete; the turn is registered per session
 * so `POST /abort` and shutdown reach it too.
 *
 * Frames are written to one ReadableStream body: the frames queued while one event-loop turn runs
 * go out as one chunk (one socket write), and frames that pile up while the client is slow go out
 * together when it reads again (docs/decisions/0010-streaming-performance.md).
 */
import type { Context } from 'hono';
import { toStarlingError } from '../spec/errors.js';
import type { TurnEvent, TurnResult } from '../engine/index.js';
import type { AppEnv } from './env.js';
import { statusForCode } from './errors.js';

/** What a streaming route runs: the engine call, given the abort signal and the event sink. */
export type TurnRunner = (options: {
  signal: AbortSignal;
  onEvent: (event: TurnEvent) => void;
}) => Promise<TurnResult>;

/** Queues SSE frames in order; nothing is written after `close()`. */
export interface EventStreamWriter {
  /** One event; `name` null sends an unnamed (`message`) event. `data` may span lines. */
  event(name: string | null, data: string): void;
  /** A comment line, e.g. a heartbeat. */
  comment(text: string): void;
  /** Sends what is queued and ends the body. */
  close(): void;
}

/** Opens a `text/event-stream` response; `onCancel` runs when the client stops reading. */
export function openEventStream(
  c: Context<AppEnv>,
  onCancel: () => void,
): { response: Response; writer: EventStreamWriter } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let pending = '';
  let scheduled = false;
  let closed = false;
  // Sends the queued frames when the body has room; otherwise they wait for the next read (pull).
  const flush = (): void => {
    scheduled = false;
    if (pending === '' || closed || (controller.desiredSize ?? 0) <= 0) return;
    const chunk = Buffer.from(pending, 'utf8');
    pending = '';
    controller.enqueue(chunk);
  };
  const queue = (frame: string): void => {
    if (closed) return;
    pending += frame;
    if (scheduled) return;
    scheduled = true;
    // After the microtasks of this turn: deltas parsed from one network read leave together.
    process.nextTick(flush);
  };
  const body = new ReadableStream<Uint8Array>({
    start(start) {
      controller = start;
    },
    pull: flush,
    cancel() {
      closed = true;
      pending = '';
      onCancel();
    },
  });
  const writer: EventStreamWriter = {
    event(name, data) {
      const lines = /[\r\n]/.test(data) ? data.split(/\r\n|\r|\n/).join('\ndata: ') : data;
      queue(name === null ? `data: ${lines}\n\n` : `event: ${name}\ndata: ${lines}\n\n`);
    },
    comment(text) {
      queue(`: ${text}\n\n`);
    },
    close() {
      if (closed) return;
      // Whatever is queued goes out now, whether or not the client has read the previous chunk.
      // (enqueue may call pull synchronously, so the state is settled first.)
      const rest = pending;
      pending = '';
      closed = true;
      if (rest !== '') controller.enqueue(Buffer.from(rest, 'utf8'));
      controller.close();
    },
  };
  c.header('Transfer-Encoding', 'chunked');
  c.header('Content-Type', 'text/event-stream');
  c.header('Cache-Control', 'no-cache');
  c.header('Connection', 'keep-alive');
  c.header('X-Accel-Buffering', 'no');
  return { response: c.newResponse(body), writer };
}

function eventData(event: TurnEvent): string {
  // Most events are deltas: built by hand, the same bytes as JSON.stringify(event).
  if (event.type === 'text-delta') return `{"type":"text-delta","delta":${JSON.stringify(event.delta)}}`;
  if (event.type !== 'turn-end') return JSON.stringify(event);
  // The full text already went out as deltas; the final event carries ids, usage and the reason.
  const { text: _text, ...rest } = event;
  return JSON.stringify(rest);
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
  const { response, writer } = openEventStream(c, onClientGone);
  const heartbeat = setInterval(() => writer.comment('heartbeat'), Math.max(1, heartbeatSeconds) * 1000);
  void (async () => {
    try {
      let ended = false;
      const result = await input.run({
        signal,
        onEvent: (event) => {
          ended ||= event.type === 'turn-end';
          writer.event(event.type, eventData(event));
        },
      });
      // The engine reports turn-end itself; this keeps the "one final event" promise regardless.
      if (!ended) writer.event('turn-end', eventData({ type: 'turn-end', ...result }));
    } catch (error) {
      const starlingError = toStarlingError(error);
      const internal = statusForCode(starlingError.code) === 500;
      if (internal)
        c.get('deps').log({ level: 'error', requestId: c.get('requestId'), message: starlingError.message });
      writer.event(
        'error',
        JSON.stringify({
          code: internal ? 'internal_error' : starlingError.code,
          message: internal ? 'internal server error' : starlingError.message,
        }),
      );
    } finally {
      clearInterval(heartbeat);
      c.req.raw.signal.removeEventListener('abort', onClientGone);
      turn.finish();
      writer.close();
    }
  })();
  return response;
}
