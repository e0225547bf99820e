/**
 * The rest of the REST API for the typed client: accounts and keys, character editing and versions,
 * the message tree, the prompt inspector and lore test, model settings and GGUF downloads. Built on
 * the same request function as the core client, so API-key and cookie (CSRF) modes both apply.
 */
import { StarlingApiError } from './errors.js';
import { queryString } from './query-string.js';
import { readServerSentEvents } from './sse.js';
import type {
  AddModelInput,
  ApiKeyInfo,
  ApiKeyScope,
  AuthStatus,
  CardFields,
  Character,
  CharacterVersion,
  Lorebook,
  LoreTestResult,
  Me,
  MessageRecord,
  ModelConfig,
  ModelList,
  ModelTestResult,
  PromptReport,
  PullEvent,
  SessionRecord,
  SignInResult,
} from './types.js';

type RequestInitWithJson = RequestInit & { json?: unknown };

/** The core client's transport, shared by these groups. */
export interface ClientTransport {
  request(path: string, init?: RequestInitWithJson): Promise<Response>;
  json<T>(path: string, init?: RequestInitWithJson): Promise<T>;
}

const id = encodeURIComponent;

/** Character create, update, versions, export URL and delete. */
export function characterExtras({ json }: ClientTransport) {
  return {
    /** Creates a character from card fields (only `name` is required). */
    create: (fields: CardFields & { name: string; shared?: boolean }) =>
      json<Character>('/api/characters', { method: 'POST', json: fields }),
    /** Saves a new version with the given fields replaced; `lorebook` replaces (null removes) the embedded book. */
    update: (characterId: string, fields: CardFields & { lorebook?: Lorebook | null }) =>
      json<Character>(`/api/characters/${id(characterId)}`, { method: 'PUT', json: fields }),
    /** The version history, oldest first. */
    versions: (characterId: string) =>
      json<CharacterVersion[]>(`/api/characters/${id(characterId)}/versions`),
    /** One saved version (restore it by passing its card fields to `update`). */
    version: (characterId: string, version: number) =>
      json<Character>(`/api/characters/${id(characterId)}/versions/${version}`),
    /** Deletes a character with its versions and sessions. */
    remove: (characterId: string) =>
      json<{ ok: true }>(`/api/characters/${id(characterId)}`, { method: 'DELETE' }),
    /** The path of the export download (for a link); relative to the server. */
    exportPath: (characterId: string, format: 'png' | 'json' | 'charx' = 'json') =>
      `/api/characters/${id(characterId)}/export${queryString({ format })}`,
    /** The path of the avatar image (for an `<img>`); relative to the server. */
    avatarPath: (characterId: string) => `/api/characters/${id(characterId)}/avatar`,
  };
}

/** Session and message-tree operations beyond send/regenerate, plus prompt inspection. */
export function chatGroups({ json }: ClientTransport) {
  return {
    sessions: {
      /** Deletes a session and its messages. */
      remove: (sessionId: string) =>
        json<{ ok: true }>(`/api/sessions/${id(sessionId)}`, { method: 'DELETE' }),
      /** Shows a swipe: the head moves to the latest message under `messageId`. */
      setHead: (sessionId: string, messageId: string) =>
        json<SessionRecord>(`/api/sessions/${id(sessionId)}/head`, { method: 'PUT', json: { messageId } }),
      /** Continues from an earlier message: the next message starts a new branch there. */
      branch: (sessionId: string, messageId: string) =>
        json<SessionRecord>(`/api/sessions/${id(sessionId)}/branch`, { method: 'POST', json: { messageId } }),
      /** What would be sent for `message` now: sections, token counts, lore fired and why. */
      prompt: (sessionId: string, message = '', personaId?: string) =>
        json<PromptReport>(`/api/sessions/${id(sessionId)}/prompt${queryString({ message, personaId })}`),
    },
    messages: {
      /** Replaces a message's text. */
      edit: (messageId: string, content: string) =>
        json<MessageRecord>(`/api/messages/${id(messageId)}`, { method: 'PATCH', json: { content } }),
      /** Deletes a message and everything after it on every branch. */
      remove: (messageId: string) =>
        json<{ ok: true }>(`/api/messages/${id(messageId)}`, { method: 'DELETE' }),
    },
    extra: {
      lore: {
        /** Which entries of `book` the sample messages (oldest first) would fire, and why. */
        test: (book: Lorebook, messages: string[]) =>
          json<LoreTestResult>('/api/lore/test', { method: 'POST', json: { book, messages } }),
      },
    },
  };
}

/** Accounts, API keys and models. */
export function accountGroups({ request, json }: ClientTransport) {
  return {
    auth: {
      /** Creates an account (the first is the admin) and signs in. */
      signUp: (name: string, password: string) =>
        json<SignInResult>('/api/auth/signup', { method: 'POST', json: { name, password } }),
      /** Signs in: the server sets the session cookie; keep the CSRF token for writes. */
      signIn: (name: string, password: string) =>
        json<SignInResult>('/api/auth/login', { method: 'POST', json: { name, password } }),
      /** Ends the cookie session. */
      signOut: () => json<{ ok: true }>('/api/auth/logout', { method: 'POST' }),
      /** The current caller (with the CSRF token for a cookie session). */
      me: () => json<Me>('/api/me'),
      /** Anonymous: whether the instance needs its first (admin) account and whether sign-up is open. */
      status: () => json<AuthStatus>('/api/auth/status'),
      /** Deletes the caller's account and everything they own; needs their password. Cannot be undone. */
      deleteAccount: (password: string) =>
        json<{ ok: true }>('/api/me', { method: 'DELETE', json: { password } }),
    },
    keys: {
      list: () => json<ApiKeyInfo[]>('/api/keys'),
      /** Creates a key; the secret in `key` is shown only in this answer. */
      create: (input: { name: string; scopes?: ApiKeyScope[]; expiresAt?: number | null }) =>
        json<{ key: string; record: ApiKeyInfo }>('/api/keys', { method: 'POST', json: input }),
      revoke: (keyId: string) => json<{ ok: true }>(`/api/keys/${id(keyId)}`, { method: 'DELETE' }),
    },
    models: {
      list: () => json<ModelList>('/api/models'),
      /** Adds or replaces a model configuration (admin). */
      add: (input: AddModelInput) => json<ModelConfig>('/api/models', { method: 'POST', json: input }),
      /** Opens the model and generates a few tokens. */
      test: (name: string) => json<ModelTestResult>(`/api/models/${id(name)}/test`, { method: 'POST' }),
      /** Downloads a GGUF (catalog name or https URL), yielding progress; admin only. */
      async *pull(source: string, options: { sha256?: string; signal?: AbortSignal } = {}) {
        const response = await request('/api/models/pull', {
          method: 'POST',
          json: { source, ...(options.sha256 ? { sha256: options.sha256 } : {}) },
          headers: { accept: 'text/event-stream' },
          signal: options.signal,
        });
        if (!response.body)
          throw new StarlingApiError(response.status, 'stream_missing', 'the response has no body');
        for await (const message of readServerSentEvents(response.body)) {
          if (message.event !== 'progress' && message.event !== 'done' && message.event !== 'error') continue;
          const event = { type: message.event, ...(JSON.parse(message.data) as object) } as PullEvent;
          yield event;
          if (event.type !== 'progress') return;
        }
      },
    },
  };
}
