import type { JSONSchema7, LanguageModelV3CallOptions, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { generateText, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ChatModelHandle } from '../../spec/model.js';
import { loadLlamaBinding } from './llama-binding.js';
import { loadLlamaModel } from './load-llama-model.js';

const modelPath = inject('tinyModelPath');
let handle: ChatModelHandle;

beforeAll(async () => {
  handle = await loadLlamaModel({ modelPath, contextSize: 2048, name: 'tiny', threads: 1 });
});
afterAll(async () => {
  await handle.dispose();
});

function call(text: string, extra: Partial<LanguageModelV3CallOptions> = {}): LanguageModelV3CallOptions {
  return {
    prompt: [
      { role: 'system', content: 'You are a friendly dragon.' },
      { role: 'user', content: [{ type: 'text', text }] },
    ],
    maxOutputTokens: 8,
    temperature: 0,
    ...extra,
  };
}

async function collect(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamPart[]> {
  const { stream } = await handle.model.doStream(options);
  const parts: LanguageModelV3StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

function finishOf(parts: LanguageModelV3StreamPart[]) {
  const finish = parts.find((part) => part.type === 'finish');
  if (finish?.type !== 'finish') throw new Error('no finish part');
  return finish;
}

describe('loadLlamaModel on the tiny test model', () => {
  it('describes itself and counts tokens exactly with the model tokenizer', async () => {
    expect(handle.name).toBe('tiny');
    expect(handle.contextSize).toBeGreaterThanOrEqual(2048);
    expect(handle.model.specificationVersion).toBe('v3');
    const llama = await loadLlamaBinding();
    const reference = await llama.loadModel({ modelPath });
    try {
      for (const text of [
        'Hello world, the dragon tells a story.',
        '你好，世界！我是一个学生。',
        'naïve café ☕\nline',
      ]) {
        expect(handle.tokenCounter.count(text)).toBe(reference.tokenize(text).length);
      }
    } finally {
      await reference.dispose();
    }
    expect(handle.tokenCounter.kind).toBe('exact');
    expect(handle.tokenCounter.count('')).toBe(0);
    // ChatML: <|im_start|> role \n … <|im_end|> \n
    expect(handle.tokenCounter.messageOverhead).toBeGreaterThanOrEqual(3);
    expect(handle.tokenCounter.messageOverhead).toBeLessThanOrEqual(8);
  });

  it('streams deltas that join to the generated text, with usage and a finish reason', async () => {
    const parts = await collect(call('Hello there!'));
    expect(parts[0]?.type).toBe('stream-start');
    const deltas = parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : []));
    expect(deltas.length).toBeGreaterThan(0);
    const finish = finishOf(parts);
    expect(['length', 'stop']).toContain(finish.finishReason.unified);
    expect(finish.usage.outputTokens.total).toBeGreaterThan(0);
    expect(finish.usage.outputTokens.total).toBeLessThanOrEqual(8);
    expect(finish.usage.inputTokens.total).toBeGreaterThan(10);
    const generated = await handle.model.doGenerate(call('Hello there!'));
    expect(generated.content).toEqual([{ type: 'text', text: deltas.join('') }]);
  });

  it('works through the AI SDK (generateText, streamText)', async () => {
    const result = await generateText({
      model: handle.model,
      prompt: 'Tell me a story.',
      maxOutputTokens: 6,
    });
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    const streamed = streamText({
      model: handle.model,
      prompt: 'Tell me a story.',
      maxOutputTokens: 6,
      temperature: 0,
    });
    let text = '';
    for await (const delta of streamed.textStream) text += delta;
    expect(text).toBe(await streamed.text);
  });

  it('ends cleanly on abort, keeping what was produced', async () => {
    const controller = new AbortController();
    const { stream } = await handle.model.doStream(
      call('Hello!', { maxOutputTokens: 200, abortSignal: controller.signal }),
    );
    const parts: LanguageModelV3StreamPart[] = [];
    for await (const part of stream) {
      parts.push(part);
      if (part.type === 'text-delta') controller.abort();
    }
    const finish = finishOf(parts);
    expect(finish.finishReason).toEqual({ unified: 'other', raw: 'abort' });
    expect(finish.usage.outputTokens.total).toBeLessThan(200);
    expect(parts.some((part) => part.type === 'text-delta')).toBe(true);
    // An already-aborted signal ends at once, without text.
    const early = await collect(call('Hello!', { abortSignal: AbortSignal.abort() }));
    expect(finishOf(early).finishReason.raw).toBe('abort');
  });

  it('constrains output to a JSON schema', async () => {
    const schema: JSONSchema7 = {
      type: 'object',
      properties: { mood: { enum: ['happy', 'sad'] }, awake: { type: 'boolean' } },
      required: ['mood', 'awake'],
      additionalProperties: false,
    };
    const result = await handle.model.doGenerate(
      call('How do you feel?', { maxOutputTokens: 48, responseFormat: { type: 'json', schema } }),
    );
    const text = result.content[0]?.type === 'text' ? result.content[0].text : '';
    const parsed = JSON.parse(text) as { mood: string; awake: boolean };
    expect(['happy', 'sad']).toContain(parsed.mood);
    expect(typeof parsed.awake).toBe('boolean');
  });

  it('reuses the KV cache of the previous prompt + reply on the next turn of a session', async () => {
    const starling = { sessionKey: 'session-a' };
    const long = 'The dragon lives in the castle by the river. '.repeat(20);
    const first = await handle.model.doGenerate(call(long, { providerOptions: { starling } }));
    const reply = first.content[0]?.type === 'text' ? first.content[0].text : '';
    const firstMeta = first.providerMetadata?.['starling'] as {
      promptTokens: number;
      reusedPromptTokens: number;
    };
    const second = await handle.model.doGenerate({
      prompt: [
        { role: 'system', content: 'You are a friendly dragon.' },
        { role: 'user', content: [{ type: 'text', text: long }] },
        { role: 'assistant', content: [{ type: 'text', text: reply }] },
        { role: 'user', content: [{ type: 'text', text: 'And then?' }] },
      ],
      maxOutputTokens: 8,
      temperature: 0,
      providerOptions: { starling },
    });
    const secondMeta = second.providerMetadata?.['starling'] as {
      promptTokens: number;
      reusedPromptTokens: number;
    };
    expect(secondMeta.reusedPromptTokens).toBeGreaterThanOrEqual(firstMeta.promptTokens);
    expect(second.usage.inputTokens.cacheRead).toBe(secondMeta.reusedPromptTokens);
    expect(second.usage.inputTokens.noCache).toBeLessThan(20);
    // Another session does not see session-a's cache.
    const other = await handle.model.doGenerate(
      call('Something else entirely.', { providerOptions: { starling: { sessionKey: 'b' } } }),
    );
    expect(
      (other.providerMetadata?.['starling'] as { reusedPromptTokens: number }).reusedPromptTokens,
    ).toBeLessThan(10);
  });

  it('honours stop sequences', async () => {
    const free = await handle.model.doGenerate(call('Hello there!', { maxOutputTokens: 12 }));
    const text = free.content[0]?.type === 'text' ? free.content[0].text : '';
    const stopAt = text.trim().slice(0, 2);
    expect(stopAt.length).toBeGreaterThan(0);
    const stopped = await handle.model.doGenerate(
      call('Hello there!', { maxOutputTokens: 12, stopSequences: [stopAt] }),
    );
    const stoppedText = stopped.content[0]?.type === 'text' ? stopped.content[0].text : '';
    expect(stoppedText).not.toContain(stopAt);
    expect(stopped.finishReason.unified).toBe('stop');
  });
});
