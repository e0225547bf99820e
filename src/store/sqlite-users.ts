/** Users on SQLite: for now only the one local user of a personal install. */
import type { User, UserStore } from '../spec/store.js';
import type { SqliteContext } from './sqlite-context.js';

const localUserName = 'local';

/** Creates the SQLite user domain; statements are prepared once here. */
export function createSqliteUsers(context: SqliteContext): UserStore {
  const { db } = context;
  const selectLocal = db.prepare<[], User>(
    'SELECT id, name, created_at AS createdAt FROM users WHERE is_local = 1',
  );
  const selectUser = db.prepare<[string], User>(
    'SELECT id, name, created_at AS createdAt FROM users WHERE id = ?',
  );
  const insertLocal = db.prepare<[string, string, number]>(
    'INSERT INTO users (id, name, is_local, created_at) VALUES (?, ?, 1, ?)',
  );

  return {
    async ensureLocal() {
      // Read and insert under one write lock so two processes starting together make one user.
      return context.write(() => {
        const existing = selectLocal.get();
        if (existing !== undefined) return existing;
        const user: User = { id: context.newId(), name: localUserName, createdAt: context.now() };
        insertLocal.run(user.id, user.name, user.createdAt);
        return user;
      });
    },
    async get(id) {
      return context.read(() => selectUser.get(id) ?? null);
    },
  };
}
