/** Starling over a fresh home whose default model is a local fake OpenAI-compatible backend. */
import { createStarling, type Starling, type StarlingConfig } from '../../src/engine/index.js';

/** Opens Starling in `home` with the model `fake` pointing at `baseUrl` (provider `custom`). */
export async function createStarlingOnFakeBackend(
  home: string,
  baseUrl: string,
  config: Partial<StarlingConfig> = {},
): Promise<Starling> {
  const starling = await createStarling({
    home,
    env: { STARLING_MODEL: 'fake' },
    config: { maxReplyTokens: 8, ...config },
  });
  await starling.store.models.upsert({
    name: 'fake',
    provider: 'custom',
    model: 'fake',
    baseUrl,
    apiKeyEnv: null,
    contextSize: 8192,
    options: {},
  });
  return starling;
}
