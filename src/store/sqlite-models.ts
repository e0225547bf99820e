/** Named model configurations on SQLite. */
import type { ModelConfigStore } from '../spec/store.js';
import type { ModelConfigRow } from './rows.js';
import { toModelConfigRecord } from './rows.js';
import type { SqliteContext } from './sqlite-context.js';

/** Creates the SQLite model-config domain; statements are prepared once here. */
export function createSqliteModels(context: SqliteContext): ModelConfigStore {
  const { db } = context;
  // created_at is left alone on conflict: it records when the name was first configured.
  const upsert = db.prepare(
    `INSERT INTO model_configs (name, provider, model, base_url, api_key_env, context_size, options, created_at)
     VALUES (@name, @provider, @model, @baseUrl, @apiKeyEnv, @contextSize, @options, @now)
     ON CONFLICT (name) DO UPDATE SET provider = excluded.provider, model = excluded.model,
       base_url = excluded.base_url, api_key_env = excluded.api_key_env,
       context_size = excluded.context_size, options = excluded.options`,
  );
  const selectOne = db.prepare<[string], ModelConfigRow>('SELECT * FROM model_configs WHERE name = ?');
  const selectAll = db.prepare<[], ModelConfigRow>('SELECT * FROM model_configs ORDER BY name');
  const deleteOne = db.prepare<[string]>('DELETE FROM model_configs WHERE name = ?');

  return {
    async upsert(config) {
      return context.write(() => {
        upsert.run({
          name: config.name,
          provider: config.provider,
          model: config.model,
          baseUrl: config.baseUrl,
          apiKeyEnv: config.apiKeyEnv,
          contextSize: config.contextSize,
          options: JSON.stringify(config.options),
          now: context.now(),
        });
        const row = selectOne.get(config.name);
        // The row was written in this transaction; its absence would be a driver bug.
        if (row === undefined) throw new Error(`model config ${config.name} vanished after upsert`);
        return toModelConfigRecord(row);
      });
    },
    async get(name) {
      return context.read(() => {
        const row = selectOne.get(name);
        return row === undefined ? null : toModelConfigRecord(row);
      });
    },
    async list() {
      return context.read(() => selectAll.all().map(toModelConfigRecord));
    },
    async delete(name) {
      return context.write(() => deleteOne.run(name).changes > 0);
    },
  };
}
