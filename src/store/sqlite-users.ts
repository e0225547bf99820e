/** Users on SQLite: the local user of a personal install and the accounts of a shared instance. */
import type { User, UserStore } from '../spec/store.js';
import type { UserRow } from './account-rows.js';
import { toUser } from './account-rows.js';
import { foldCase } from './search-text.js';
import type { SqliteContext } from './sqlite-context.js';
import { notFound, userExists } from './store-errors.js';
import { createUserDeleter } from './sqlite-user-delete.js';

const localUserName = 'local';
const userColumns = 'id, name, role, disabled, minor, is_local, created_at';

/** The key names are unique by: NFC-normalised and lowercased, so `Ann` and `ann` are one name. */
function nameKey(name: string): string {
  return foldCase(name.normalize('NFC'));
}

/** Creates the SQLite user domain; statements are prepared once here. */
export function createSqliteUsers(context: SqliteContext): UserStore {
  const { db } = context;
  const selectLocal = db.prepare<[], UserRow>(`SELECT ${userColumns} FROM users WHERE is_local = 1`);
  const selectById = db.prepare<[string], UserRow>(`SELECT ${userColumns} FROM users WHERE id = ?`);
  const selectByKey = db.prepare<[string], UserRow>(`SELECT ${userColumns} FROM users WHERE name_key = ?`);
  const selectAll = db.prepare<[], UserRow>(`SELECT ${userColumns} FROM users ORDER BY created_at, id`);
  const selectCount = db.prepare<[], { count: number }>('SELECT count(*) AS count FROM users');
  const selectHash = db.prepare<[string], { password_hash: string | null }>(
    'SELECT password_hash FROM users WHERE id = ?',
  );
  const insertUser = db.prepare(
    `INSERT INTO users (id, name, name_key, is_local, role, disabled, minor, password_hash, created_at)
     VALUES (@id, @name, @nameKey, @isLocal, @role, 0, @minor, @passwordHash, @createdAt)`,
  );
  const updateHash = db.prepare<[string, string]>('UPDATE users SET password_hash = ? WHERE id = ?');
  const updateDisabled = db.prepare<[number, string]>('UPDATE users SET disabled = ? WHERE id = ?');
  const updateRole = db.prepare<[string, string]>('UPDATE users SET role = ? WHERE id = ?');
  const updateMinor = db.prepare<[number, string]>('UPDATE users SET minor = ? WHERE id = ?');
  const deleteUser = createUserDeleter(context);

  function insert(
    name: string,
    role: User['role'],
    passwordHash: string | null,
    isLocal: boolean,
    minor = false,
  ): User {
    const user: User = {
      id: context.newId(),
      name,
      role,
      disabled: false,
      minor,
      local: isLocal,
      createdAt: context.now(),
    };
    insertUser.run({
      id: user.id,
      name,
      nameKey: nameKey(name),
      isLocal: isLocal ? 1 : null,
      role,
      minor: minor ? 1 : 0,
      passwordHash,
      createdAt: user.createdAt,
    });
    return user;
  }

  function mustChange(changes: number, id: string): void {
    if (changes === 0) throw notFound('user', id);
  }

  return {
    async ensureLocal() {
      // Read and insert under one write lock so two processes starting together make one user.
      return context.write(() => {
        const existing = selectLocal.get();
        if (existing !== undefined) return toUser(existing);
        const role = (selectCount.get()?.count ?? 0) === 0 ? 'admin' : 'user';
        // An account may already be called "local"; the local user then takes the next free name.
        let name = localUserName;
        for (let suffix = 2; selectByKey.get(nameKey(name)) !== undefined; suffix += 1) {
          name = `${localUserName}-${suffix}`;
        }
        return insert(name, role, null, true);
      });
    },
    async get(id) {
      return context.read(() => {
        const row = selectById.get(id);
        return row === undefined ? null : toUser(row);
      });
    },
    async create(input) {
      return context.write(() => {
        if (selectByKey.get(nameKey(input.name)) !== undefined) throw userExists(input.name);
        return insert(input.name, input.role, input.passwordHash, false, input.minor === true);
      });
    },
    async findByName(name) {
      return context.read(() => {
        const row = selectByKey.get(nameKey(name));
        return row === undefined ? null : toUser(row);
      });
    },
    async passwordHash(userId) {
      return context.read(() => selectHash.get(userId)?.password_hash ?? null);
    },
    async setPasswordHash(userId, passwordHash) {
      context.write(() => mustChange(updateHash.run(passwordHash, userId).changes, userId));
    },
    async setDisabled(userId, disabled) {
      context.write(() => mustChange(updateDisabled.run(disabled ? 1 : 0, userId).changes, userId));
    },
    async setRole(userId, role) {
      context.write(() => mustChange(updateRole.run(role, userId).changes, userId));
    },
    async setMinor(userId, minor) {
      context.write(() => mustChange(updateMinor.run(minor ? 1 : 0, userId).changes, userId));
    },
    async delete(userId) {
      return context.write(() => deleteUser(userId));
    },
    async list() {
      return context.read(() => selectAll.all().map(toUser));
    },
    async count() {
      return context.read(() => selectCount.get()?.count ?? 0);
    },
  };
}
