/**
 * The SQLite schema as an ordered list of migrations. A migration is never edited once released;
 * later domains (memories, audit, jobs) arrive as new entries at the end, as accounts (2) did.
 */
import type Database from 'better-sqlite3';
import { StarlingError } from '../spec/errors.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const initialSchema = `
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- 1 for the single local user of a personal install; NULL for accounts added later.
  is_local INTEGER,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX users_one_local ON users (is_local) WHERE is_local = 1;

-- owner_id is not a foreign key: accounts arrive in a later migration, and the contract lets any
-- owner id own records until then.
CREATE TABLE characters (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  -- JavaScript-lowercased copies: SQLite's lower() only folds ASCII.
  name_key TEXT NOT NULL,
  tags TEXT NOT NULL,
  tag_keys TEXT NOT NULL,
  search_text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX characters_owner_updated ON characters (owner_id, updated_at DESC);
CREATE INDEX characters_owner_name ON characters (owner_id, name_key);

CREATE TABLE character_versions (
  character_id TEXT NOT NULL REFERENCES characters (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  card TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (character_id, version)
);

CREATE TABLE character_assets (
  character_id TEXT NOT NULL REFERENCES characters (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (character_id, key)
);

CREATE TABLE lorebooks (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  book TEXT NOT NULL,
  is_global INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX lorebooks_owner ON lorebooks (owner_id, is_global);

CREATE TABLE lorebook_links (
  lorebook_id TEXT NOT NULL REFERENCES lorebooks (id) ON DELETE CASCADE,
  character_id TEXT NOT NULL REFERENCES characters (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (lorebook_id, character_id)
);
CREATE INDEX lorebook_links_character ON lorebook_links (character_id);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL,
  character_id TEXT NOT NULL,
  character_version INTEGER NOT NULL,
  title TEXT NOT NULL,
  head_id TEXT REFERENCES messages (id) ON DELETE SET NULL,
  seed INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  FOREIGN KEY (character_id, character_version)
    REFERENCES character_versions (character_id, version) ON DELETE CASCADE
);
CREATE INDEX sessions_owner_updated ON sessions (owner_id, updated_at DESC);
CREATE INDEX sessions_character ON sessions (character_id, character_version);
CREATE INDEX sessions_head ON sessions (head_id);

-- The parent key includes session_id so a message can only hang under one of its own session.
-- It deliberately has no ON DELETE CASCADE: SQLite runs foreign-key actions as triggers, nested at
-- most 1000 deep, so cascading down a long chat fails. Subtrees are deleted in one statement instead
-- (the check runs at statement end), and sessions cascade to all their messages by session_id.
CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  parent_id TEXT,
  role TEXT NOT NULL,
  content TEXT NOT NULL,
  status TEXT NOT NULL,
  meta TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  FOREIGN KEY (session_id, parent_id) REFERENCES messages (session_id, id)
);
CREATE UNIQUE INDEX messages_session_id ON messages (session_id, id);
CREATE INDEX messages_session_created ON messages (session_id, created_at);
CREATE INDEX messages_parent ON messages (parent_id);

CREATE TABLE model_configs (
  name TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  model TEXT NOT NULL,
  base_url TEXT,
  api_key_env TEXT,
  context_size INTEGER,
  options TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`;

// Accounts: roles, passwords, API keys, browser sessions, instance settings, shared characters.
// Before this migration only the local user could exist, so it becomes the admin. Its name is ASCII
// ('local'), so SQLite's lower() gives the same key the driver computes in JavaScript.
const accountsSchema = `
ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'user';
ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN password_hash TEXT;
-- JavaScript-lowercased name: names are unique case-insensitively, beyond ASCII too.
ALTER TABLE users ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE users SET name_key = lower(name);
UPDATE users SET role = 'admin' WHERE is_local = 1;
CREATE UNIQUE INDEX users_name_key ON users (name_key);

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  prefix TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  last_used_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX api_keys_user ON api_keys (user_id, created_at);

CREATE TABLE auth_sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX auth_sessions_user ON auth_sessions (user_id);
CREATE INDEX auth_sessions_expires ON auth_sessions (expires_at);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

ALTER TABLE characters ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
CREATE INDEX characters_shared_updated ON characters (updated_at DESC) WHERE shared = 1;
CREATE INDEX characters_shared_name ON characters (name_key) WHERE shared = 1;
`;

// Memory: what characters remember (turns, summaries, facts), the durable job queue that updates
// it off the reply path, and the relationship state per (owner, character). Memories go with their
// character (FK) and their session (FK); facts citing a deleted session's messages are removed by
// the driver in the same transaction (the citations are a JSON array, not a key).
const memorySchema = `
CREATE TABLE memories (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL,
  character_id TEXT NOT NULL REFERENCES characters (id) ON DELETE CASCADE,
  session_id TEXT REFERENCES sessions (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('turn', 'summary', 'fact')),
  text TEXT NOT NULL,
  text_key TEXT NOT NULL,
  speaker TEXT NOT NULL,
  subject TEXT NOT NULL,
  importance REAL NOT NULL,
  confidence REAL NOT NULL,
  timestamp INTEGER NOT NULL,
  cited_message_ids TEXT NOT NULL,
  superseded_by TEXT REFERENCES memories (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX memories_owner_character ON memories (owner_id, character_id, timestamp, id);
CREATE INDEX memories_owner_updated ON memories (owner_id, character_id, updated_at);
CREATE INDEX memories_session ON memories (session_id);
CREATE INDEX memories_superseded ON memories (superseded_by);

CREATE TABLE memory_jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  attempts INTEGER NOT NULL,
  run_after INTEGER NOT NULL,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX memory_jobs_due ON memory_jobs (status, run_after, id);

CREATE TABLE relationship_state (
  owner_id TEXT NOT NULL,
  character_id TEXT NOT NULL REFERENCES characters (id) ON DELETE CASCADE,
  affinity REAL NOT NULL,
  trust REAL NOT NULL,
  mood TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (owner_id, character_id)
);
`;

// No foreign keys: audit rows outlive the sessions, messages and characters they name (admins
// review them after a chat is deleted); see docs/decisions/0014-safety-pipeline.md.
const auditSchema = `
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  owner_id TEXT NOT NULL,
  session_id TEXT,
  message_id TEXT,
  character_id TEXT,
  direction TEXT NOT NULL CHECK (direction IN ('input', 'output', 'import')),
  action TEXT NOT NULL CHECK (action IN ('block', 'revise', 'flag')),
  policy TEXT NOT NULL,
  categories TEXT NOT NULL,
  scores TEXT NOT NULL,
  reason TEXT NOT NULL,
  original_text TEXT NOT NULL,
  revisions TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_owner ON audit_log (owner_id, at DESC);
CREATE INDEX audit_log_session ON audit_log (session_id, at DESC);
`;

// One default per owner is enforced by a partial unique index, so no write can leave two.
const personasSchema = `
CREATE TABLE personas (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX personas_owner ON personas (owner_id, name);
CREATE UNIQUE INDEX personas_one_default ON personas (owner_id) WHERE is_default = 1;
`;

// Minors and audit sources. `users.minor` makes a user's turns run under `teen` at least. The audit
// log is rebuilt (SQLite cannot change a CHECK in place) to add `source` (who decided: the built-in
// classifier, the LLM guard, or the hidden-instruction scan) and the `memory` and `tool` directions
// (untrusted text scanned when it is used). Rows written before this migration marked guard decisions
// with a `llm_guard: ` reason prefix; it moves into the column.
const minorsAndAuditSourceSchema = `
ALTER TABLE users ADD COLUMN minor INTEGER NOT NULL DEFAULT 0 CHECK (minor IN (0, 1));

CREATE TABLE audit_log_v6 (
  id TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  owner_id TEXT NOT NULL,
  session_id TEXT,
  message_id TEXT,
  character_id TEXT,
  direction TEXT NOT NULL CHECK (direction IN ('input', 'output', 'import', 'memory', 'tool')),
  action TEXT NOT NULL CHECK (action IN ('block', 'revise', 'flag')),
  source TEXT NOT NULL DEFAULT 'classifier' CHECK (source IN ('classifier', 'llm_guard', 'injection_scan')),
  policy TEXT NOT NULL,
  categories TEXT NOT NULL,
  scores TEXT NOT NULL,
  reason TEXT NOT NULL,
  original_text TEXT NOT NULL,
  revisions TEXT NOT NULL
);
INSERT INTO audit_log_v6 (id, at, owner_id, session_id, message_id, character_id, direction, action,
    source, policy, categories, scores, reason, original_text, revisions)
  SELECT id, at, owner_id, session_id, message_id, character_id, direction, action,
    CASE WHEN substr(reason, 1, 11) = 'llm_guard: ' THEN 'llm_guard'
         WHEN direction = 'import' THEN 'injection_scan'
         ELSE 'classifier' END,
    policy, categories, scores,
    CASE WHEN substr(reason, 1, 11) = 'llm_guard: ' THEN substr(reason, 12) ELSE reason END,
    original_text, revisions
  FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_v6 RENAME TO audit_log;
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_owner ON audit_log (owner_id, at DESC);
CREATE INDEX audit_log_session ON audit_log (session_id, at DESC);
`;

// Memory vectors, one per (memory, embedder). A vector belongs to the text it was computed from:
// the row goes with its memory (FK cascade) and a trigger drops it when the memory is forgotten,
// superseded or its text changes, so no vector outlives what it encodes (0017-embeddings.md).
const embeddingsSchema = `
-- owner_id and character_id are copies of the memory's, so loading or catching up one memory space
-- is a range scan of one index.
CREATE TABLE memory_embeddings (
  memory_id TEXT NOT NULL REFERENCES memories (id) ON DELETE CASCADE,
  embedder_id TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  character_id TEXT NOT NULL,
  dims INTEGER NOT NULL CHECK (dims > 0),
  vector BLOB NOT NULL CHECK (length(vector) = dims * 4),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (memory_id, embedder_id)
);
CREATE INDEX memory_embeddings_space ON memory_embeddings (owner_id, character_id, embedder_id, created_at);
CREATE INDEX memory_embeddings_embedder ON memory_embeddings (embedder_id);

CREATE TRIGGER memory_embeddings_stale AFTER UPDATE OF text, deleted_at, superseded_by ON memories
WHEN new.text IS NOT old.text OR (new.deleted_at IS NOT NULL AND old.deleted_at IS NULL)
  OR (new.superseded_by IS NOT NULL AND old.superseded_by IS NULL)
BEGIN
  DELETE FROM memory_embeddings WHERE memory_id = new.id;
END;
`;

// Import findings written between migrations 6 and 8 were labelled `classifier` (the default)
// although the hidden-instruction scan found them; they move to their real source.
const importAuditSourceFix = `
UPDATE audit_log SET source = 'injection_scan' WHERE direction = 'import' AND source = 'classifier';
`;

/** Every migration this code knows, oldest first. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initialSchema },
  { version: 2, name: 'accounts', sql: accountsSchema },
  { version: 3, name: 'memory', sql: memorySchema },
  { version: 4, name: 'audit', sql: auditSchema },
  { version: 5, name: 'personas', sql: personasSchema },
  { version: 6, name: 'minors-and-audit-source', sql: minorsAndAuditSourceSchema },
  { version: 7, name: 'memory-embeddings', sql: embeddingsSchema },
  { version: 8, name: 'import-audit-source', sql: importAuditSourceFix },
];

/** Brings the database up to the newest known version; refuses one migrated by newer code. */
export function applyMigrations(
  db: Database.Database,
  now: () => number,
  known: readonly Migration[] = migrations,
): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const latestKnown = known.reduce((latest, migration) => Math.max(latest, migration.version), 0);
  const currentVersion = db.prepare<[], { version: number | null }>(
    'SELECT max(version) AS version FROM schema_migrations',
  );
  const record = db.prepare<[number, string, number]>(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  const applyPending = db.transaction(() => {
    // Read inside the write lock: another process may have migrated while this one waited.
    const current = currentVersion.get()?.version ?? 0;
    if (current > latestKnown) {
      throw new StarlingError(
        'store_schema_too_new',
        `database schema version ${current} is newer than this Starling knows (${latestKnown}); upgrade Starling`,
        { details: { version: current, known: latestKnown } },
      );
    }
    for (const migration of [...known].sort((a, b) => a.version - b.version)) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now());
    }
  });
  applyPending.immediate();
}
