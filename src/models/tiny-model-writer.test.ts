import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGgufFileInfo } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFloat16Bits } from '../../scripts/tiny-model/gguf-encoding.js';
import { writeTinyModel } from '../../scripts/tiny-model/write-tiny-model.js';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'starling-gguf-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('writeTinyModel', () => {
  it('writes a GGUF v3 whose header reads back with the metadata and tensors llama needs', async () => {
    const path = join(directory, 'tiny.gguf');
    const result = await writeTinyModel(path, { context: 4096, seed: 7 });
    expect(result.bytes).toBe((await stat(path)).size);
    expect(result.parameters).toBeGreaterThan(2_000_000);
    expect(result.parameters).toBeLessThan(8_000_000);

    const info = await readGgufFileInfo(path, { readTensorInfo: true });
    expect(info.version).toBe(3);
    const metadata = info.metadata as unknown as Record<string, Record<string, unknown>>;
    expect(metadata['general']?.['architecture']).toBe('llama');
    expect(metadata['llama']?.['context_length']).toBe(4096);
    const tokenizer = metadata['tokenizer'] as { ggml: Record<string, unknown>; chat_template: string };
    const tokens = tokenizer.ggml['tokens'] as string[];
    const types = tokenizer.ggml['token_type'] as number[];
    expect(tokenizer.ggml['model']).toBe('llama');
    expect(tokens.slice(0, 5)).toEqual(['<unk>', '<s>', '</s>', '<|im_start|>', '<|im_end|>']);
    expect(tokens[5 + 0x41]).toBe('<0x41>');
    expect(types[5 + 0x41]).toBe(6);
    expect(types[3]).toBe(3);
    expect(tokens).toContain('你');
    expect(metadata['llama']?.['vocab_size']).toBe(tokens.length);
    expect(tokenizer.chat_template).toContain('<|im_start|>');

    const tensors = new Map(
      (info.fullTensorInfo ?? []).map((tensor) => [tensor.name, tensor.dimensions.map(Number)]),
    );
    expect(tensors.get('token_embd.weight')).toEqual([256, tokens.length]);
    expect(tensors.get('blk.3.ffn_down.weight')).toEqual([768, 256]);
    expect(tensors.size).toBe(3 + 4 * 9);
  });

  it('writes the same bytes for the same seed', async () => {
    const a = await writeTinyModel(join(directory, 'a.gguf'), { seed: 1 });
    const b = await writeTinyModel(join(directory, 'b.gguf'), { seed: 1 });
    expect(a.bytes).toBe(b.bytes);
    expect((await readFile(a.path)).equals(await readFile(b.path))).toBe(true);
  });

  it('encodes half floats', () => {
    expect(toFloat16Bits(1)).toBe(0x3c00);
    expect(toFloat16Bits(-2)).toBe(0xc000);
    expect(toFloat16Bits(0)).toBe(0);
    expect(toFloat16Bits(0.5)).toBe(0x3800);
  });
});
