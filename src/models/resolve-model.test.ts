import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StarlingError } from '../spec/errors.js';
import type { ModelConfigRecord } from '../spec/store.js';
import { defaultModelName, findCatalogEntry } from './catalog.js';
import { resolveModel } from './resolve-model.js';

let home: string;
const remote: ModelConfigRecord = {
  name: 'qwen-cloud',
  provider: 'dashscope',
  model: 'qwen-plus',
  baseUrl: null,
  apiKeyEnv: 'DASHSCOPE_API_KEY',
  contextSize: 32768,
  options: {},
  createdAt: 1,
};
const configs = async (name: string) => (name === remote.name ? remote : null);

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'starling-home-'));
  await writeFile(join(home, 'local.gguf'), 'GGUF');
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

async function errorOf(promise: Promise<unknown>): Promise<StarlingError> {
  try {
    await promise;
  } catch (error) {
    if (StarlingError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a StarlingError');
}

describe('resolveModel', () => {
  it('turns an existing .gguf path into a llama config', async () => {
    const config = await resolveModel(join(home, 'local.gguf'), { home, configs });
    expect(config).toMatchObject({ provider: 'llama', model: join(home, 'local.gguf'), name: 'local.gguf' });
  });

  it('reports a missing .gguf path', async () => {
    const error = await errorOf(resolveModel(join(home, 'missing.gguf'), { home, configs }));
    expect(error.code).toBe('model_file_not_found');
    expect(error.message).toContain('missing.gguf');
  });

  it('returns a configured model by name', async () => {
    expect(await resolveModel('qwen-cloud', { home, configs })).toBe(remote);
  });

  it('says how to download the default when it is not pulled yet', async () => {
    const error = await errorOf(resolveModel('', { home, configs, env: {} }));
    expect(error.code).toBe('model_not_downloaded');
    expect(error.message).toContain(`starling models pull ${defaultModelName}`);
    expect(error.message).toContain('starling models add');
  });

  it('finds a pulled catalog model under <home>/models', async () => {
    const entry = findCatalogEntry(defaultModelName);
    if (entry === null) throw new Error('default missing from the catalog');
    await mkdir(join(home, 'models'), { recursive: true });
    await writeFile(join(home, 'models', entry.fileName), 'GGUF');
    const config = await resolveModel(defaultModelName, { home, configs });
    expect(config).toMatchObject({
      provider: 'llama',
      name: defaultModelName,
      model: join(home, 'models', entry.fileName),
    });
  });

  it('uses STARLING_MODEL for an empty spec', async () => {
    expect(await resolveModel(' ', { home, configs, env: { STARLING_MODEL: 'qwen-cloud' } })).toBe(remote);
  });

  it('explains what to do for an unknown name', async () => {
    const error = await errorOf(resolveModel('nonesuch', { home, configs }));
    expect(error.code).toBe('model_not_found');
    expect(error.message).toContain('nonesuch');
    expect(error.message).toContain('starling models pull');
    expect(error.message).toContain('STARLING_MODEL');
  });
});
