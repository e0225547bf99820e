/**
 * The storage contract. Every driver (SQLite now, PostgreSQL later) implements it and passes the
 * same conformance suite (`src/store/contract.ts`). The interface is asynchronous because
 * networked drivers need it; each method is one unit of work, and a turn's writes are committed by
 * one call (`messages.append`), never a transaction held open across awaits.
 *
 * Ids are opaque strings (UUIDv7-style, sortable by creation). Times are Unix milliseconds.
 */
import type { AssetFiles, CharacterCard } from './character.js';
import type { Lorebook } from './lorebook.js';
import type { AuditStore } from './audit-store.js';
import type { PersonaStore } from './persona-store.js';
import type { JobStore, MemoryStore, RelationshipStore } from './memory-store.js';
import type { MemoryEmbeddingStore } from './memory-embedding-store.js';

export type UserRole = 'admin' | 'user';

export interface User {
  id: string;
  name: string;
  role: UserRole;
  /** A disabled user cannot sign in or use API keys; their data stays. */
  disabled: boolean;
  /** A minor's turns run under the `teen` safety policy at least. */
  minor: boolean;
  /** The single local user of a personal install (what the CLI acts as by default). */
  local: boolean;
  createdAt: number;
}

/** What API keys may do. `chat` covers sending messages and reading sessions; `admin` needs an admin user. */
export type ApiKeyScope = 'read' | 'write' | 'chat' | 'admin';

export interface ApiKeyRecord {
  id: string;
  userId: string;
  name: string;
  /** The first characters of the key, shown so people can tell keys apart; never enough to use it. */
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

/** A signed-in browser session; only the hash of its token is stored. */
export interface AuthSessionRecord {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

export interface CharacterRecord {
  id: string;
  ownerId: string;
  /** Shared characters can be read and chatted with by every user of the instance; only the owner edits. */
  shared: boolean;
  /** Current version number, starting at 1; every update adds one. */
  version: number;
  card: CharacterCard;
  createdAt: number;
  updatedAt: number;
}

export interface CharacterSummary {
  id: string;
  ownerId: string;
  shared: boolean;
  name: string;
  version: number;
  tags: string[];
  updatedAt: number;
}

export interface LorebookRecord {
  id: string;
  ownerId: string;
  book: Lorebook;
  /** Character ids this book is attached to. A book attached to none and marked global applies to all. */
  characterIds: string[];
  global: boolean;
  createdAt: number;
  updatedAt: number;
}

export type MessageRole = 'system' | 'user' | 'assistant';

/** `incomplete`: generation was aborted or interrupted; the text is what was produced. */
export type MessageStatus = 'complete' | 'incomplete' | 'error';

export interface MessageRecord {
  id: string;
  sessionId: string;
  /** null for roots (the greeting and its alternates are sibling roots). */
  parentId: string | null;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  createdAt: number;
  /** Free-form metadata: model name, finish reason, usage, swipe source, lore fired … */
  meta: Record<string, unknown>;
}

export interface SessionRecord {
  id: string;
  ownerId: string;
  characterId: string;
  /** The character version the session started on. */
  characterVersion: number;
  title: string;
  /** The leaf of the active branch; the conversation is the path from the root to it. */
  headId: string | null;
  /** Seed for reproducible randomness in this chat (macros, lore probability). */
  seed: number;
  createdAt: number;
  updatedAt: number;
}

export interface ModelConfigRecord {
  name: string;
  /** `llama` (a local GGUF) or an OpenAI-compatible preset: openai, dashscope, ollama, vllm, llama-server, custom. */
  provider: string;
  /** GGUF path for `llama`; remote model id otherwise. */
  model: string;
  baseUrl: string | null;
  /** Name of the environment variable holding the API key; the key itself is never stored here. */
  apiKeyEnv: string | null;
  contextSize: number | null;
  options: Record<string, unknown>;
  createdAt: number;
}

/** A message to be inserted. `parentId` may name an earlier draft of the same append call by its `id`. */
export interface MessageDraft {
  /** Optional caller-chosen id; generated when absent. */
  id?: string;
  parentId: string | null;
  role: MessageRole;
  content: string;
  status?: MessageStatus;
  createdAt?: number;
  meta?: Record<string, unknown>;
}

export interface CharacterListQuery {
  ownerId: string;
  /** Also list other users' shared characters. */
  includeShared?: boolean;
  /** Case-insensitive substring over name, nickname, tags and creator. */
  search?: string;
  tag?: string;
  limit?: number;
  offset?: number;
}

export interface CharacterStore {
  /** `assets` holds binary files (key `avatar` is the main image); stored once per character. */
  create(ownerId: string, card: CharacterCard, assets?: AssetFiles): Promise<CharacterRecord>;
  /** Saves a new version; sessions keep the version they started on. */
  update(id: string, card: CharacterCard): Promise<CharacterRecord>;
  getAssets(id: string): Promise<AssetFiles>;
  get(id: string): Promise<CharacterRecord | null>;
  getVersion(id: string, version: number): Promise<CharacterRecord | null>;
  listVersions(id: string): Promise<{ version: number; createdAt: number }[]>;
  /**
   * Exact id, else exact name (case-insensitive) among the owner's characters, newest first. With
   * `includeShared`, other users' shared characters match too (the owner's own win on a name tie).
   * A character the owner may not read resolves to null.
   */
  resolve(
    ownerId: string,
    idOrName: string,
    options?: { includeShared?: boolean },
  ): Promise<CharacterRecord | null>;
  setShared(id: string, shared: boolean): Promise<void>;
  list(query: CharacterListQuery): Promise<CharacterSummary[]>;
  /** Deletes the character, its versions, sessions, messages, memories, relationship state and lorebook links. */
  delete(id: string): Promise<boolean>;
}

export interface LorebookStore {
  create(ownerId: string, book: Lorebook, options?: { global?: boolean }): Promise<LorebookRecord>;
  update(id: string, book: Lorebook): Promise<LorebookRecord>;
  get(id: string): Promise<LorebookRecord | null>;
  resolve(ownerId: string, idOrName: string): Promise<LorebookRecord | null>;
  list(ownerId: string): Promise<LorebookRecord[]>;
  attach(lorebookId: string, characterId: string): Promise<void>;
  detach(lorebookId: string, characterId: string): Promise<void>;
  setGlobal(lorebookId: string, global: boolean): Promise<void>;
  /** Books that apply to a character: attached ones, then the owner's global ones. */
  forCharacter(characterId: string): Promise<LorebookRecord[]>;
  delete(id: string): Promise<boolean>;
}

export interface SessionStore {
  /** Creates the session and its root messages (greeting + alternates) in one transaction. */
  create(input: {
    ownerId: string;
    characterId: string;
    characterVersion: number;
    title?: string;
    seed?: number;
    roots?: MessageDraft[];
  }): Promise<{ session: SessionRecord; messages: MessageRecord[] }>;
  get(id: string): Promise<SessionRecord | null>;
  list(query: { ownerId: string; characterId?: string; limit?: number }): Promise<SessionRecord[]>;
  setHead(sessionId: string, headId: string | null): Promise<void>;
  rename(sessionId: string, title: string): Promise<void>;
  /** Deletes the session, all its messages and every memory derived from them. */
  delete(id: string): Promise<boolean>;
}

export interface MessageStore {
  /**
   * Inserts the drafts in order and, when `head` is given, moves the session head, all in one
   * transaction. A draft's parentId may be the id of an earlier draft in the same call.
   */
  append(
    sessionId: string,
    drafts: MessageDraft[],
    options?: { head?: 'last' | string | null },
  ): Promise<MessageRecord[]>;
  get(id: string): Promise<MessageRecord | null>;
  /** Every message of the session (the whole tree), oldest first. */
  tree(sessionId: string): Promise<MessageRecord[]>;
  /** The path from the root to `leafId` (inclusive), oldest first. */
  path(leafId: string): Promise<MessageRecord[]>;
  children(parentId: string): Promise<MessageRecord[]>;
  /** Sibling roots when `parentId` is null. */
  roots(sessionId: string): Promise<MessageRecord[]>;
  update(
    id: string,
    patch: { content?: string; status?: MessageStatus; meta?: Record<string, unknown> },
  ): Promise<MessageRecord>;
  /**
   * Deletes a message and its whole subtree; if the session head was inside it, the head moves to
   * `newHead` (default: the deleted message's parent). Memories citing a deleted message go too. One transaction.
   */
  deleteSubtree(id: string, options?: { newHead?: string | null }): Promise<number>;
}

export interface ModelConfigStore {
  upsert(config: Omit<ModelConfigRecord, 'createdAt'>): Promise<ModelConfigRecord>;
  get(name: string): Promise<ModelConfigRecord | null>;
  list(): Promise<ModelConfigRecord[]>;
  delete(name: string): Promise<boolean>;
}

export interface UserStore {
  /** The single local user of a personal install, created on first use (as admin when it is the first user). */
  ensureLocal(): Promise<User>;
  get(id: string): Promise<User | null>;
  /** Throws `user_exists` when the name (case-insensitive) is taken. */
  create(input: {
    name: string;
    role: UserRole;
    passwordHash: string | null;
    minor?: boolean;
  }): Promise<User>;
  findByName(name: string): Promise<User | null>;
  /** The stored password hash (a KDF string), or null when the user has no password. */
  passwordHash(userId: string): Promise<string | null>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  setDisabled(userId: string, disabled: boolean): Promise<void>;
  setRole(userId: string, role: UserRole): Promise<void>;
  setMinor(userId: string, minor: boolean): Promise<void>;
  /**
   * Deletes the user and everything they own, in one transaction: their characters (with versions,
   * assets, lorebook links, and every session, memory and relationship on them, other users' too),
   * lorebooks, sessions and messages, memories, relationship state, memory jobs naming them or their
   * chats, personas, API keys and browser sessions. Their audit rows stay (they outlive content by
   * design) but lose their text. Returns false for an unknown id. Policy (last admin, local user)
   * is the caller's.
   */
  delete(userId: string): Promise<boolean>;
  list(): Promise<User[]>;
  count(): Promise<number>;
}

export interface ApiKeyStore {
  /** Stores a key by the hash of its secret; the secret itself is never stored. */
  create(input: {
    userId: string;
    name: string;
    prefix: string;
    secretHash: string;
    scopes: ApiKeyScope[];
    expiresAt: number | null;
  }): Promise<ApiKeyRecord>;
  /** Looks a key up by the hash of its secret (revoked and expired keys included; callers check). */
  findBySecretHash(secretHash: string): Promise<ApiKeyRecord | null>;
  list(userId: string): Promise<ApiKeyRecord[]>;
  revoke(id: string): Promise<void>;
  touch(id: string, at: number): Promise<void>;
}

export interface AuthSessionStore {
  create(input: {
    userId: string;
    tokenHash: string;
    csrfToken: string;
    expiresAt: number;
  }): Promise<AuthSessionRecord>;
  findByTokenHash(tokenHash: string): Promise<AuthSessionRecord | null>;
  delete(id: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
  /** Removes expired sessions; returns how many. */
  purgeExpired(now: number): Promise<number>;
}

/** Instance-wide settings as JSON values (e.g. `signup_open`). */
export interface SettingsStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface Store {
  readonly users: UserStore;
  readonly apiKeys: ApiKeyStore;
  readonly authSessions: AuthSessionStore;
  readonly settings: SettingsStore;
  readonly characters: CharacterStore;
  readonly lorebooks: LorebookStore;
  readonly sessions: SessionStore;
  readonly messages: MessageStore;
  readonly models: ModelConfigStore;
  readonly memories: MemoryStore;
  readonly embeddings: MemoryEmbeddingStore;
  readonly jobs: JobStore;
  readonly relationships: RelationshipStore;
  readonly audit: AuditStore;
  readonly personas: PersonaStore;
  close(): Promise<void>;
}
