/**
 * `POST /v1/chat/completions`: the caller's messages run as a real Starling turn with the character
 * named by `model`. Streams OpenAI chunks (`data: {...}` … `data: [DONE]`) or answers one
 * `chat.completion`; a client that goes away aborts the turn.
 */
import type { Context } from 'hono';
import { resolveExternalSession, type ExternalTurnResult } from '../../engine/external-turn.js';
import { StarlingError } from '../../spec/errors.js';
import type { Store } from '../../spec/store.js';
import type { AppEnv } from '../env.js';
import { validationError } from '../errors.js';
import { callerOf } from '../middleware/auth.js';
import { openEventStream } from '../sse.js';
import { resolveCharacterModel } from './characters-as-models.js';
import { createDeltaQueue } from './delta-queue.js';
import { describeFailure, openAIErrorBody } from './openai-errors.js';
import { chatCompletionRequestSchema, SESSION_HEADER, type ChatCompletionRequest } from './schemas.js';
import { chunkBody, completionBody, contentChunkSerializer, usageOf } from './wire.js';

/** Handles one chat-completions request. */
export async function handleChatCompletion(c: Context<AppEnv>): Promise<Response> {
  const caller = callerOf(c);
  const request = await readRequest(c);
  const { starling } = c.get('deps');
  const store = starling.store;
  const ownerId = caller.user.id;
  const character = await resolveCharacterModel(store, ownerId, request.model);
  const session = await resolveExternalSession(store, {
    ownerId,
    character,
    ...(await sessionTarget(store, ownerId, c.req.header(SESSION_HEADER) ?? request.user ?? null)),
  });
  // Registered like any turn, so /abort and shutdown reach it; stateless calls get their own entry.
  const turn = c.get('turns').start(session?.id ?? `external:${c.get('requestId')}`, ownerId);
  const disconnect = new AbortController();
  const onClientGone = (): void => disconnect.abort();
  c.req.raw.signal.addEventListener('abort', onClientGone, { once: true });
  const queue = createDeltaQueue();
  const running = starling.chat.external({
    ownerId,
    character,
    messages: request.messages,
    sessionId: session?.id ?? null,
    maxOutputTokens: request.max_completion_tokens ?? request.max_tokens ?? undefined,
    temperature: request.temperature ?? undefined,
    signal: AbortSignal.any([turn.signal, disconnect.signal]),
    onDelta: (delta) => queue.push(delta),
  });
  const settled = running.then(
    (result) => {
      queue.end();
      return result;
    },
    (error: unknown) => {
      queue.fail(error);
      return null;
    },
  );
  void settled.finally(() => {
    c.req.raw.signal.removeEventListener('abort', onClientGone);
    turn.finish();
  });
  if (session) c.header(SESSION_HEADER, session.id);
  const base = {
    id: `chatcmpl-${c.get('requestId')}`,
    model: request.model,
    created: Math.floor(Date.now() / 1000),
  };
  if (request.stream !== true) {
    const result = await running;
    return c.json(
      completionBody({
        ...base,
        text: result.text,
        finishReason: result.finishReason,
        usage: usageOf(result.promptTokens, result.completionTokens),
      }),
    );
  }
  // A failure before the first token becomes a plain HTTP error (thrown to the error handler).
  await queue.started();
  const includeUsage = request.stream_options?.include_usage === true;
  const { response, writer } = openEventStream(c, onClientGone);
  const write = (body: unknown): void => writer.event(null, JSON.stringify(body));
  const contentChunk = contentChunkSerializer(base);
  // Deltas that arrive in one event-loop turn go out as one chunk.
  let pendingText = '';
  let first = true;
  const flushText = (): void => {
    if (pendingText === '') return;
    writer.event(null, contentChunk(pendingText, first));
    pendingText = '';
    first = false;
  };
  void (async () => {
    try {
      await queue.drain((text) => {
        if (pendingText === '') process.nextTick(flushText);
        pendingText += text;
      });
      const result = (await settled) as ExternalTurnResult;
      flushText();
      if (first) write(chunkBody(base, { delta: { role: 'assistant', content: '' }, finishReason: null }));
      write(chunkBody(base, { delta: {}, finishReason: result.finishReason }));
      if (includeUsage) write(chunkBody(base, null, usageOf(result.promptTokens, result.completionTokens)));
      writer.event(null, '[DONE]');
    } catch (error) {
      flushText();
      const failure = describeFailure(error);
      // OpenAI clients raise an APIError for a data frame that carries `error`.
      write(openAIErrorBody(failure.error, failure.status));
    } finally {
      writer.close();
    }
  })();
  return response;
}

async function readRequest(c: Context<AppEnv>): Promise<ChatCompletionRequest> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (error) {
    throw new StarlingError('invalid_json', 'the request body is not valid JSON', { cause: error });
  }
  const parsed = chatCompletionRequestSchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error, 'body');
  return parsed.data;
}

/** A header or `user` value names one of the caller's sessions by id, or else keys one. */
async function sessionTarget(
  store: Store,
  ownerId: string,
  value: string | null,
): Promise<{ sessionId?: string; sessionKey?: string }> {
  if (value === null || value.trim() === '') return {};
  const session = await store.sessions.get(value);
  return session && session.ownerId === ownerId ? { sessionId: value } : { sessionKey: value };
}
