// Function tools on the embedded provider with the tiny random-weights model: tools are offered
// without an `unsupported` warning and documented in the prompt, a prompt holding earlier calls and
// results continues the model turn, and, with a chat wrapper whose call prefix is what this model
// says anyway, node-llama-cpp parses a real function call that becomes a `tool-call` part.
import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ChatModelHandle } from '../../spec/model.js';
import { loadLlamaModel } from './load-llama-model.js';
import { triggerModel } from './test-support/trigger-model.js';

let handle: ChatModelHandle;

beforeAll(async () => {
  handle = await loadLlamaModel({
    modelPath: inject('tinyModelPath'),
    contextSize: 2048,
    name: 'tiny',
    threads: 1,
  });
});
afterAll(async () => {
  await handle.dispose();
});

const tools: LanguageModelV3CallOptions['tools'] = [
  {
    type: 'function',
    name: 'remember',
    description: 'Remember a fact the user stated.',
    inputSchema: {
      type: 'object',
      properties: { text: { type: 'string', maxLength: 12 } },
      required: ['text'],
      additionalProperties: false,
    },
  },
];

const base: LanguageModelV3CallOptions = {
  prompt: [
    { role: 'system', content: 'You are Lin.' },
    { role: 'user', content: [{ type: 'text', text: 'My cat is Miso.' }] },
  ],
  maxOutputTokens: 4,
  temperature: 0,
};

async function run(options: LanguageModelV3CallOptions) {
  const { stream } = await handle.model.doStream(options);
  const parts: LanguageModelV3StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  const start = parts.find((part) => part.type === 'stream-start');
  const finish = parts.find((part) => part.type === 'finish');
  if (start?.type !== 'stream-start' || finish?.type !== 'finish') throw new Error('incomplete stream');
  return { warnings: start.warnings, finish, errors: parts.filter((part) => part.type === 'error') };
}

describe('embedded function tools', () => {
  it('offers tools without warnings and documents them in the prompt', async () => {
    expect(handle.toolCalls).toBe(true);
    const plain = await run(base);
    const offered = await run({ ...base, tools, toolChoice: { type: 'auto' } });
    expect(offered.warnings).toEqual([]);
    expect(offered.errors).toEqual([]);
    expect(offered.finish.usage.inputTokens.total ?? 0).toBeGreaterThan(
      (plain.finish.usage.inputTokens.total ?? 0) + 20,
    );
    const withheld = await run({ ...base, tools, toolChoice: { type: 'none' } });
    expect(withheld.finish.usage.inputTokens.total).toBe(plain.finish.usage.inputTokens.total);
  });

  it('continues after earlier tool calls and their results', async () => {
    const result = await run({
      ...base,
      tools,
      prompt: [
        ...base.prompt,
        {
          role: 'assistant',
          content: [
            { type: 'tool-call', toolCallId: 'a', toolName: 'remember', input: { text: 'cat Miso' } },
          ],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'a',
              toolName: 'remember',
              output: { type: 'json', value: { id: 'm1' } },
            },
          ],
        },
      ],
    });
    expect(result.warnings).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.finish.usage.inputTokens.total ?? 0).toBeGreaterThan(0);
  });
});

describe('embedded function calls parsed by node-llama-cpp', () => {
  it('become tool-call parts with input generated under the schema grammar', async () => {
    const trigger = await triggerModel(inject('tinyModelPath'));
    try {
      const { stream } = await trigger.model.doStream({
        ...base,
        tools,
        toolChoice: { type: 'auto' },
        maxOutputTokens: 60,
      });
      const parts: LanguageModelV3StreamPart[] = [];
      for await (const part of stream) parts.push(part);
      const calls = parts.filter((part) => part.type === 'tool-call');
      expect(calls).toHaveLength(1);
      const [call] = calls;
      expect(call?.type === 'tool-call' && call.toolName).toBe('remember');
      expect(call?.type === 'tool-call' && call.toolCallId).toMatch(/^call_/);
      const input = JSON.parse(call?.type === 'tool-call' ? call.input : 'null') as { text: unknown };
      expect(Object.keys(input)).toEqual(['text']);
      expect(typeof input.text).toBe('string');
      const finish = parts.find((part) => part.type === 'finish');
      expect(finish?.type === 'finish' && finish.finishReason).toEqual({
        unified: 'tool-calls',
        raw: 'functionCalls',
      });
    } finally {
      await trigger.dispose();
    }
  });

  it('pass on a call whose parameters fail the schema check as a tool call with its raw input', async () => {
    const trigger = await triggerModel(inject('tinyModelPath'));
    try {
      // A grammar cannot bound an integer range: the model writes any integer, the check rejects it.
      const ranged: LanguageModelV3CallOptions['tools'] = [
        {
          type: 'function',
          name: 'pick',
          inputSchema: {
            type: 'object',
            properties: { n: { type: 'integer', minimum: 1, maximum: 5 } },
            required: ['n'],
            additionalProperties: false,
          },
        },
      ];
      const { stream } = await trigger.model.doStream({ ...base, tools: ranged, maxOutputTokens: 60 });
      const parts: LanguageModelV3StreamPart[] = [];
      for await (const part of stream) parts.push(part);
      expect(parts.filter((part) => part.type === 'error')).toEqual([]);
      const call = parts.find((part) => part.type === 'tool-call');
      expect(call?.type === 'tool-call' && call.toolName).toBe('pick');
      expect(call?.type === 'tool-call' && call.input).toMatch(/^\{\s*"n"\s*:/);
      // This model (temperature 0) writes a huge number: the check failed, and the call still came.
      const { n } = JSON.parse(call?.type === 'tool-call' ? call.input : '{}') as { n: number };
      expect(n >= 1 && n <= 5).toBe(false);
    } finally {
      await trigger.dispose();
    }
  });
});
