import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Embedder } from '../../spec/embedder.js';
import { StarlingError } from '../../spec/errors.js';
import { llamaConfigFor } from '../resolve-model.js';
import { loadLlamaEmbedder } from './llama-embedder.js';
import { openEmbedder } from './open-embedder.js';

const modelPath = inject('tinyModelPath');
let embedder: Embedder;

beforeAll(async () => {
  embedder = await loadLlamaEmbedder({ modelPath, name: 'tiny', threads: 1, contextSize: 256 });
});
afterAll(async () => {
  await embedder.dispose();
});

describe('GGUF embedder on the tiny test model', () => {
  it('gives one finite vector of the model dimension per text, the same for the same text', async () => {
    const [first, second, again, empty] = await embedder.embed([
      'My cat is called Miso.',
      'We went hiking in the mountains last week.',
      'My cat is called Miso.',
      '',
    ]);
    expect(first).toBeInstanceOf(Float32Array);
    expect(first!.length).toBeGreaterThan(0);
    expect(second!.length).toBe(first!.length);
    expect(first!.every((value) => Number.isFinite(value))).toBe(true);
    expect([...again!]).toEqual([...first!]);
    expect([...empty!].every((value) => value === 0)).toBe(true);
    expect(embedder.id).toMatch(/^llama:.+\.gguf:\d+$/);
    expect(embedder.name).toBe('tiny');
  });

  it('cuts texts longer than its context instead of failing', async () => {
    const long = 'hiking mountains '.repeat(400);
    const [vector] = await embedder.embed([long]);
    expect(vector!.every((value) => Number.isFinite(value))).toBe(true);
  });

  it('lets a query in between the texts of a running batch, and honours cancellation', async () => {
    const batch = embedder.embed(
      Array.from({ length: 8 }, (_, index) => `background memory number ${index}`),
    );
    let batchDone = false;
    void batch.then(() => (batchDone = true));
    const [query] = await embedder.embed(['what is my cat called?']);
    expect(query!.length).toBeGreaterThan(0);
    expect(batchDone).toBe(false);
    await batch;
    const cancelled = await embedder
      .embed(['x'], { signal: AbortSignal.abort() })
      .catch((error: unknown) => error);
    expect(StarlingError.isInstance(cancelled) && cancelled.code).toBe('embedder_aborted');
  });

  it('opens from a llama model config', async () => {
    const opened = await openEmbedder({
      ...llamaConfigFor('tiny-embed', modelPath),
      options: { threads: 1 },
    });
    try {
      expect(opened.name).toBe('tiny-embed');
      expect(opened.id).toBe(embedder.id);
      const [vector] = await opened.embed(['hello']);
      expect(vector!.length).toBe((await embedder.embed(['hello']))[0]!.length);
    } finally {
      await opened.dispose();
      await opened.dispose();
    }
  });
});
