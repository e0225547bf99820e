/** The SQLite driver: one better-sqlite3 connection behind the asynchronous Store contract. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../spec/store.js';
import { createIdGenerator } from './ids.js';
import { applyMigrations } from './migrations.js';
import { createSqliteApiKeys } from './sqlite-api-keys.js';
import { createSqliteAudit } from './sqlite-audit.js';
import { createSqliteAuthSessions } from './sqlite-auth-sessions.js';
import { createSqliteCharacters } from './sqlite-characters.js';
import { createSqliteContext } from './sqlite-context.js';
import { createSqliteEmbeddings } from './sqlite-embeddings.js';
import { createSqliteJobs } from './sqlite-jobs.js';
import { createSqliteLorebooks } from './sqlite-lorebooks.js';
import { createSqliteMemories } from './sqlite-memories.js';
import { createMessageWriter } from './sqlite-message-writer.js';
import { createSqliteMessages } from './sqlite-messages.js';
import { createSqliteModels } from './sqlite-models.js';
import { createSqlitePersonas } from './sqlite-personas.js';
import { createSqliteRelationships } from './sqlite-relationships.js';
import { createSqliteSessions } from './sqlite-sessions.js';
import { createSqliteSettings } from './sqlite-settings.js';
import { createSqliteUsers } from './sqlite-users.js';
import { toStoreError } from './store-errors.js';

export interface SqliteStoreOptions {
  /** A database file path, or `:memory:`. */
  path: string;
  /** Clock in Unix milliseconds; injectable for tests. */
  now?: () => number;
  /** Id source; defaults to UUIDv7-style ids from `now`. */
  idGenerator?: () => string;
  /** How long a write waits for another process's lock before failing, in milliseconds. */
  busyTimeoutMs?: number;
}

/** Opens (creating and migrating as needed) a SQLite database as a Store. */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  const now = options.now ?? Date.now;
  const newId = options.idGenerator ?? createIdGenerator(now);
  let db: Database.Database;
  try {
    db = new Database(options.path);
  } catch (error) {
    throw toStoreError(error);
  }
  try {
    // WAL lets readers (the server, a CLI) run beside the one writer; NORMAL sync is durable in WAL
    // except for the last commits on power loss, which is the usual trade for a local app.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    applyMigrations(db, now);
  } catch (error) {
    db.close();
    throw toStoreError(error);
  }

  const context = createSqliteContext(db, now, newId);
  const writer = createMessageWriter(context);
  return {
    users: createSqliteUsers(context),
    apiKeys: createSqliteApiKeys(context),
    authSessions: createSqliteAuthSessions(context),
    settings: createSqliteSettings(context),
    characters: createSqliteCharacters(context),
    lorebooks: createSqliteLorebooks(context),
    sessions: createSqliteSessions(context, writer),
    messages: createSqliteMessages(context, writer),
    models: createSqliteModels(context),
    memories: createSqliteMemories(context),
    embeddings: createSqliteEmbeddings(context),
    jobs: createSqliteJobs(context),
    relationships: createSqliteRelationships(context),
    audit: createSqliteAudit(context),
    personas: createSqlitePersonas(context),
    async close() {
      if (db.open) db.close();
    },
  };
}

/** Opens the default store of a Starling home folder: `<home>/starling.db`, creating the folder. */
export function openStore(home: string): Store {
  mkdirSync(home, { recursive: true });
  return openSqliteStore({ path: join(home, 'starling.db') });
}
