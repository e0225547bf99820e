/**
 * The typed client for Starling's REST API: characters, sessions and streamed turns. Uses only
 * `fetch`, web streams and `TextDecoder`, so it runs in browsers, Node 20+, Deno and Bun.
 */
import { adminGroup } from './admin-group.js';
import { errorFromResponse, StarlingApiError } from './errors.js';
import { lorebookGroup } from './lorebook-group.js';
import { memoryGroup } from './memory-group.js';
import { accountGroups, chatGroups, characterExtras } from './more-groups.js';
import { auditGroup, personaGroup } from './persona-group.js';
import { queryString } from './query-string.js';
import { readServerSentEvents } from './sse.js';
import type {
  Character,
  CharacterSummary,
  ImportedItem,
  SessionRecord,
  SessionWithMessages,
  StarlingClientOptions,
  TurnOptions,
  TurnStreamEvent,
} from './types.js';

const turnEvents = new Set(['turn-start', 'text-delta', 'turn-end', 'error']);

/** Creates a client for one server and credential. */
export function createStarlingClient(options: StarlingClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function request(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (options.apiKey) headers.set('authorization', `Bearer ${options.apiKey}`);
    const method = (init.method ?? 'GET').toUpperCase();
    const csrfToken = options.csrfToken?.();
    if (csrfToken && method !== 'GET' && method !== 'HEAD') headers.set('x-csrf-token', csrfToken);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, { ...init, headers, body });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new StarlingApiError(0, 'network_error', `could not reach ${baseUrl}: ${describe(error)}`, {
        cause: error,
      });
    }
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  }

  async function json<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
    return (await (await request(path, init)).json()) as T;
  }

  const http = { request, json };
  const chat = chatGroups(http);

  async function* turn(path: string, payload: Record<string, unknown>, turnOptions: TurnOptions) {
    const { signal, ...rest } = turnOptions;
    const response = await request(path, {
      method: 'POST',
      json: { ...payload, ...rest },
      headers: { accept: 'text/event-stream' },
      signal,
    });
    if (!response.body)
      throw new StarlingApiError(response.status, 'stream_missing', 'the response has no body');
    let final = false;
    for await (const message of readServerSentEvents(response.body)) {
      if (!turnEvents.has(message.event)) continue;
      const event = { type: message.event, ...(JSON.parse(message.data) as object) } as TurnStreamEvent;
      final = event.type === 'turn-end' || event.type === 'error';
      yield event;
      if (final) return;
    }
    if (!final)
      throw new StarlingApiError(0, 'stream_interrupted', 'the event stream ended before the turn did');
  }

  return {
    characters: {
      /** The caller's characters (and shared ones with `includeShared`). */
      list: (query: { search?: string; tag?: string; includeShared?: boolean; limit?: number } = {}) =>
        json<CharacterSummary[]>(`/api/characters${queryString(query)}`),
      /** One character with its card. */
      get: (id: string) => json<Character>(`/api/characters/${encodeURIComponent(id)}`),
      /** Uploads a card or lorebook file (PNG, JSON, CHARX); returns what was stored per file. */
      import(file: Blob | Uint8Array, name: string): Promise<ImportedItem[]> {
        const form = new FormData();
        const blob = file instanceof Blob ? file : new Blob([new Uint8Array(file)]);
        form.append('file', blob, name);
        return json<ImportedItem[]>('/api/characters/import', { method: 'POST', body: form });
      },
      ...characterExtras(http),
    },
    sessions: {
      /** Starts a chat with a character; the greeting is the first message. */
      create: (characterId: string, input: { title?: string } = {}) =>
        json<SessionWithMessages>('/api/sessions', { method: 'POST', json: { characterId, ...input } }),
      /** A session with its whole message tree. */
      get: (id: string) => json<SessionWithMessages>(`/api/sessions/${encodeURIComponent(id)}`),
      /** The caller's sessions, newest first. */
      list: (query: { characterId?: string; limit?: number } = {}) =>
        json<SessionRecord[]>(`/api/sessions${queryString(query)}`),
      ...chat.sessions,
    },
    messages: {
      /** Sends a user message and streams the reply's events. Breaking out of the loop aborts the turn. */
      send: (
        sessionId: string,
        content: string,
        turnOptions: TurnOptions = {},
      ): AsyncGenerator<TurnStreamEvent> =>
        turn(`/api/sessions/${encodeURIComponent(sessionId)}/messages`, { content }, turnOptions),
      /** Generates another reply (a new swipe) to the last user message, or beside `messageId`. */
      regenerate: (
        sessionId: string,
        turnOptions: TurnOptions & { messageId?: string } = {},
      ): AsyncGenerator<TurnStreamEvent> => {
        const { messageId, ...rest } = turnOptions;
        const payload = messageId === undefined ? {} : { messageId };
        return turn(`/api/sessions/${encodeURIComponent(sessionId)}/regenerate`, payload, rest);
      },
      /** Stops the session's running turn (from anywhere); the partial reply is kept. */
      abort: (sessionId: string) =>
        json<{ aborted: boolean }>(`/api/sessions/${encodeURIComponent(sessionId)}/abort`, {
          method: 'POST',
        }),
      ...chat.messages,
    },
    ...chat.extra,
    ...accountGroups(http),
    memories: memoryGroup(http),
    lorebooks: lorebookGroup(http),
    personas: personaGroup(http),
    audit: auditGroup(http),
    admin: adminGroup(http),
  };
}

/** The client `createStarlingClient` returns. */
export type StarlingClient = ReturnType<typeof createStarlingClient>;

/** Collects a turn's text; throws StarlingApiError when the turn ends with an `error` event. */
export async function collectReply(
  events: AsyncIterable<TurnStreamEvent>,
): Promise<{ text: string; messageId: string }> {
  let text = '';
  for await (const event of events) {
    if (event.type === 'text-delta') text += event.delta;
    if (event.type === 'error') throw new StarlingApiError(200, event.code, event.message);
    if (event.type === 'turn-end') return { text, messageId: event.messageId };
  }
  throw new StarlingApiError(0, 'stream_interrupted', 'the event stream ended before the turn did');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
