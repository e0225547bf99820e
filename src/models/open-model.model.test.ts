import { describe, expect, inject, it } from 'vitest';
import { openModel } from './open-model.js';
import { llamaConfigFor } from './resolve-model.js';

describe('openModel', () => {
  it('opens a llama config with the embedded provider', async () => {
    const handle = await openModel(
      { ...llamaConfigFor('tiny', inject('tinyModelPath')), contextSize: 1024 },
      { threads: 1, sessions: 1 },
    );
    try {
      expect(handle.name).toBe('tiny');
      expect(handle.model.provider).toBe('starling.llama');
      expect(handle.tokenCounter.kind).toBe('exact');
    } finally {
      await handle.dispose();
      await handle.dispose();
    }
    await expect(handle.model.doGenerate({ prompt: [] })).rejects.toMatchObject({ code: 'model_disposed' });
  });

  it('reports a missing GGUF file', async () => {
    await expect(openModel(llamaConfigFor('gone', '/nonexistent/model.gguf'))).rejects.toMatchObject({
      code: 'model_file_not_found',
    });
  });
});
