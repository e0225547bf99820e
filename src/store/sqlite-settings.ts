/** Instance-wide settings on SQLite: one JSON value per key. */
import type { SettingsStore } from '../spec/store.js';
import type { SqliteContext } from './sqlite-context.js';
import { corruptRow } from './store-errors.js';

/** Creates the SQLite settings domain; statements are prepared once here. */
export function createSqliteSettings(context: SqliteContext): SettingsStore {
  const { db } = context;
  const selectOne = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const deleteOne = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');

  return {
    async get(key) {
      return context.read(() => {
        const row = selectOne.get(key);
        if (row === undefined) return undefined;
        try {
          return JSON.parse(row.value) as unknown;
        } catch (error) {
          throw corruptRow('settings', key, 'invalid JSON', error);
        }
      });
    },
    async set(key, value) {
      // `undefined` has no JSON form; setting it removes the key, so `get` reads undefined back.
      const text = value === undefined ? undefined : JSON.stringify(value);
      context.write(() => (text === undefined ? deleteOne.run(key) : upsert.run(key, text)));
    },
  };
}
