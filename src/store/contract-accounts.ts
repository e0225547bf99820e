/** Conformance tests for `Store.users` and `Store.models`. */
import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './contract-support.js';
import { nextMillisecond } from './contract-support.js';

/** Registers the user and model-config tests against the store returned by `current`. */
export function describeAccountContract(current: CurrentStore): void {
  describe('users', () => {
    it('creates the local user once', async () => {
      const store = current();
      const first = await store.users.ensureLocal();
      const again = await store.users.ensureLocal();
      expect(again).toEqual(first);
      expect(await store.users.get(first.id)).toEqual(first);
      expect(await store.users.get('missing')).toBeNull();
    });
  });

  describe('model configs', () => {
    const local = {
      name: 'tiny',
      provider: 'llama',
      model: '/models/tiny.gguf',
      baseUrl: null,
      apiKeyEnv: null,
      contextSize: 2048,
      options: { temperature: 0.7, stop: ['</s>'] },
    };

    it('upserts, keeping the first creation time', async () => {
      const store = current();
      const created = await store.models.upsert(local);
      expect(created).toMatchObject(local);
      await nextMillisecond();
      const changed = {
        ...local,
        provider: 'dashscope',
        model: 'qwen-plus',
        baseUrl: 'https://x.test/v1',
        apiKeyEnv: 'QWEN_KEY',
        contextSize: null,
        options: {},
      };
      const updated = await store.models.upsert(changed);
      expect(updated).toEqual({ ...changed, createdAt: created.createdAt });
      expect(await store.models.get('tiny')).toEqual(updated);
      expect(await store.models.get('missing')).toBeNull();
    });

    it('lists by name and deletes', async () => {
      const store = current();
      await store.models.upsert({ ...local, name: 'zeta' });
      await store.models.upsert({ ...local, name: 'alpha' });
      expect((await store.models.list()).map((config) => config.name)).toEqual(['alpha', 'zeta']);
      expect(await store.models.delete('zeta')).toBe(true);
      expect(await store.models.delete('zeta')).toBe(false);
      expect((await store.models.list()).map((config) => config.name)).toEqual(['alpha']);
    });
  });
}
