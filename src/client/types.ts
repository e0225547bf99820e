/**
 * What the REST API sends and receives, as the client sees it. Record shapes are the store's own
 * (`src/spec/store.ts`), so server and client cannot drift apart.
 */
import type { CharacterCard, ImportWarning } from '../spec/character.js';
import type { CharacterRecord, CharacterSummary, MessageRecord, SessionRecord } from '../spec/store.js';

export type { CharacterSummary, MessageRecord, SessionRecord };

/** A character with its card (camelCase fields). */
export type Character = Omit<CharacterRecord, 'card'> & { card: CharacterCard };

/** One file's outcome of `characters.import`: the stored id and name, or why it failed. */
export interface ImportedItem {
  id: string | null;
  name: string | null;
  kind: 'character' | 'lorebook' | null;
  file: string;
  warnings: ImportWarning[];
  error?: { code: string; message: string };
}

/** A session with its whole message tree; `headId` marks the shown branch. */
export interface SessionWithMessages {
  session: SessionRecord;
  messages: MessageRecord[];
  headId: string | null;
}

export interface TurnUsage {
  inputTokens: number | null;
  outputTokens: number | null;
}

/** The events of one streamed turn; every stream ends with `turn-end` or `error`. */
export type TurnStreamEvent =
  | { type: 'turn-start'; sessionId: string; parentId: string | null }
  | { type: 'text-delta'; delta: string }
  | {
      type: 'turn-end';
      sessionId: string;
      userMessageId: string | null;
      messageId: string;
      finishReason: 'stop' | 'length' | 'abort' | 'content-filter' | 'error' | 'other';
      usage: TurnUsage;
    }
  | { type: 'error'; code: string; message: string };

export interface TurnOptions {
  signal?: AbortSignal;
  /** A configured model name instead of the server's default. */
  model?: string;
  maxTokens?: number;
}

export interface StarlingClientOptions {
  /** The server's address, e.g. `http://127.0.0.1:8787`. */
  baseUrl: string;
  /** An API key (`sk-star-…`); without one, requests carry the browser's cookies. */
  apiKey?: string;
  /** A fetch implementation; default `globalThis.fetch`. */
  fetch?: typeof fetch;
}
