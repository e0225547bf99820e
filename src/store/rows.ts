/**
 * Row shapes as SQLite returns them, and their conversion to the contract's records. Every JSON
 * column is parsed and shape-checked here, so no other file touches raw column text.
 */
import type { z } from 'zod';
import type {
  CharacterRecord,
  CharacterSummary,
  LorebookRecord,
  MessageRecord,
  ModelConfigRecord,
  SessionRecord,
} from '../spec/store.js';
import {
  characterCardShape,
  jsonObjectShape,
  lorebookShape,
  messageRoleShape,
  messageStatusShape,
  tagsShape,
} from './json-shapes.js';
import { corruptRow } from './store-errors.js';

export interface CharacterRow {
  id: string;
  owner_id: string;
  shared: number;
  version: number;
  card: string;
  created_at: number;
  updated_at: number;
}

export interface CharacterSummaryRow {
  id: string;
  owner_id: string;
  shared: number;
  name: string;
  version: number;
  tags: string;
  updated_at: number;
}

export interface LorebookRow {
  id: string;
  owner_id: string;
  book: string;
  is_global: number;
  created_at: number;
  updated_at: number;
}

export interface SessionRow {
  id: string;
  owner_id: string;
  character_id: string;
  character_version: number;
  title: string;
  head_id: string | null;
  seed: number;
  created_at: number;
  updated_at: number;
}

export interface MessageRow {
  id: string;
  session_id: string;
  parent_id: string | null;
  role: string;
  content: string;
  status: string;
  meta: string;
  created_at: number;
}

export interface ModelConfigRow {
  name: string;
  provider: string;
  model: string;
  base_url: string | null;
  api_key_env: string | null;
  context_size: number | null;
  options: string;
  created_at: number;
}

/** Parses a JSON column and checks its shape, or throws `store_corrupt` naming the row. */
export function readJson<Shape extends z.ZodType>(
  table: string,
  id: string,
  text: string,
  shape: Shape,
): z.output<Shape> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw corruptRow(table, id, 'invalid JSON', error);
  }
  const checked = shape.safeParse(value);
  if (!checked.success) throw corruptRow(table, id, checked.error.message, checked.error);
  // The checked copy drops keys the shape does not name; keep the stored value so fields written
  // by a newer Starling survive a read-modify-write here.
  return value as z.output<Shape>;
}

/** A character row (joined with one of its versions) as a record. */
export function toCharacterRecord(row: CharacterRow): CharacterRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    shared: row.shared === 1,
    version: row.version,
    card: readJson('character_versions', `${row.id}@${row.version}`, row.card, characterCardShape),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A character row as a list entry. */
export function toCharacterSummary(row: CharacterSummaryRow): CharacterSummary {
  return {
    id: row.id,
    ownerId: row.owner_id,
    shared: row.shared === 1,
    name: row.name,
    version: row.version,
    tags: readJson('characters', row.id, row.tags, tagsShape),
    updatedAt: row.updated_at,
  };
}

/** A lorebook row, with the characters it is attached to, as a record. */
export function toLorebookRecord(row: LorebookRow, characterIds: string[]): LorebookRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    book: readJson('lorebooks', row.id, row.book, lorebookShape),
    characterIds,
    global: row.is_global === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A session row as a record. */
export function toSessionRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    characterId: row.character_id,
    characterVersion: row.character_version,
    title: row.title,
    headId: row.head_id,
    seed: row.seed,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A message row as a record. */
export function toMessageRecord(row: MessageRow): MessageRecord {
  const role = messageRoleShape.safeParse(row.role);
  if (!role.success) throw corruptRow('messages', row.id, `unknown role ${JSON.stringify(row.role)}`);
  const status = messageStatusShape.safeParse(row.status);
  if (!status.success) throw corruptRow('messages', row.id, `unknown status ${JSON.stringify(row.status)}`);
  return {
    id: row.id,
    sessionId: row.session_id,
    parentId: row.parent_id,
    role: role.data,
    content: row.content,
    status: status.data,
    createdAt: row.created_at,
    meta: readJson('messages', row.id, row.meta, jsonObjectShape),
  };
}

/** A model config row as a record. */
export function toModelConfigRecord(row: ModelConfigRow): ModelConfigRecord {
  return {
    name: row.name,
    provider: row.provider,
    model: row.model,
    baseUrl: row.base_url,
    apiKeyEnv: row.api_key_env,
    contextSize: row.context_size,
    options: readJson('model_configs', row.name, row.options, jsonObjectShape),
    createdAt: row.created_at,
  };
}
