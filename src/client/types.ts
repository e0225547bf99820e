/**
 * What the REST API sends and receives, as the client sees it. Record shapes are the store's own
 * (`src/spec/store.ts`), so server and client cannot drift apart.
 */
import type { CharacterCard, ImportWarning } from '../spec/character.js';
import type { Lorebook, LorebookEntry, LorePosition, SelectiveLogic } from '../spec/lorebook.js';
import type { ActivatedLore, PromptMessage, PromptSection } from '../spec/prompt.js';
import type {
  ApiKeyScope,
  CharacterRecord,
  CharacterSummary,
  LorebookRecord,
  MessageRecord,
  SessionRecord,
  User,
} from '../spec/store.js';

export type { CharacterCard, CharacterSummary, Lorebook, LorebookEntry, LorePosition, SelectiveLogic };
export type { LorebookRecord, MessageRecord, SessionRecord };
export type { ActivatedLore, ApiKeyScope, ImportWarning, PromptMessage, PromptSection };

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
  /** The user's persona for this turn; default: the caller's default persona. */
  personaId?: string;
}

export interface StarlingClientOptions {
  /** The server's address, e.g. `http://127.0.0.1:8787`. */
  baseUrl: string;
  /** An API key (`sk-star-…`); without one, requests carry the browser's cookies. */
  apiKey?: string;
  /** A fetch implementation; default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /**
   * Cookie mode (browsers): returns the CSRF token from sign-in, sent as `X-CSRF-Token` on writes.
   * Read on every request, so a sign-in after the client was made is picked up.
   */
  csrfToken?: () => string | null | undefined;
}

/** A user account as the API shows it. */
export type UserAccount = User;

/** What sign-up and sign-in answer: the user and the CSRF token for cookie writes. */
export interface SignInResult {
  user: User;
  csrfToken: string;
}

/** The current caller. */
export interface Me {
  user: User;
  via: 'api-key' | 'cookie';
  scopes: string[];
  /** Present when the server hands the cookie session's CSRF token back (newer servers). */
  csrfToken?: string;
}

/** `GET /api/auth/status` (anonymous): what the signed-out page should offer. */
export interface AuthStatus {
  /** Nobody can sign in yet: the next sign-up creates the admin. */
  needsSetup: boolean;
  signupOpen: boolean;
}

/** One of `lorebooks.list`: a book without its entries. */
export interface LorebookSummary {
  id: string;
  ownerId: string;
  name: string;
  entries: number;
  characterIds: string[];
  global: boolean;
  updatedAt: number;
}

/** Camel-case card fields for create and update (only `name` is required on create). */
export type CardFields = Partial<
  Omit<CharacterCard, 'assets' | 'source' | 'creationDate' | 'modificationDate' | 'lorebook'>
>;

/** One saved version of a character. */
export interface CharacterVersion {
  version: number;
  createdAt: number;
}

/** The prompt inspector's answer: a dry run of the next turn. */
export interface PromptReport {
  messages: PromptMessage[];
  tokens: { total: number; budget: number; bySection: Partial<Record<PromptSection, number>> };
  lore: ActivatedLore[];
  droppedMessageIds: string[];
  droppedExampleBlocks: number;
  /** Recalled memories placed in the prompt, with why and the messages they stand for. */
  memories?: { id: string; text: string; reason: string; citedMessageIds: string[]; tokens: number }[];
  /** Recalled memories kept out of the prompt: they carry instructions aimed at the model. */
  quarantinedMemories?: { id: string; rules: string[]; reason: string }[];
  /** `exact` with the model's tokenizer, `estimate` when no model could be opened. */
  counter: 'exact' | 'estimate';
}

/** Something a character remembers about the caller. */
export interface Memory {
  id: string;
  ownerId: string;
  characterId: string;
  sessionId: string | null;
  kind: 'turn' | 'summary' | 'fact';
  text: string;
  speaker: string;
  subject: string;
  importance: number;
  confidence: number;
  timestamp: number;
  citedMessageIds: string[];
  supersededBy: string | null;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
  /** Present when the text carries instructions aimed at the model (never put into a prompt): the rules that fired. */
  quarantined?: string[];
}

/** A character's affinity (-1..1), trust (0..1) and mood towards the caller. */
export interface Relationship {
  ownerId: string;
  characterId: string;
  affinity: number;
  trust: number;
  mood: string;
  updatedAt: number;
}

/** `GET /api/memories/export`. */
export interface MemoryExport {
  format: 'starling-memory-export';
  version: 1;
  ownerId: string;
  characterId: string | null;
  exportedAt: number;
  memories: Memory[];
  relationships: Relationship[];
}

/** The lore test box's answer. */
export interface LoreTestResult {
  entries: { id: string; name: string; reason: string; position: string; depth: number; tokens: number }[];
  skipped: { id: string; name: string; reason: string }[];
  warnings: string[];
  tokens: number;
}

/** A configured model (API keys are named by environment variable, never sent). */
export interface ModelConfig {
  name: string;
  provider: string;
  model: string;
  baseUrl: string | null;
  apiKeyEnv: string | null;
  contextSize: number | null;
}

export interface ModelList {
  configured: ModelConfig[];
  catalog: { name: string; description: string; downloaded: boolean }[];
}

/** Input of `models.add`. */
export interface AddModelInput {
  name: string;
  provider: string;
  model: string;
  baseUrl?: string;
  apiKeyEnv?: string;
  contextSize?: number;
}

export interface ModelTestResult {
  ok: true;
  model: string;
  text: string;
  ms: number;
}

/** Events of a GGUF download. */
export type PullEvent =
  | { type: 'progress'; received: number; total: number | null }
  | { type: 'done'; [key: string]: unknown }
  | { type: 'error'; code: string; message: string };

/** An API key as listed (never its secret). */
export interface ApiKeyInfo {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
}
