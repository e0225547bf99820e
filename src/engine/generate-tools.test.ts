import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3StreamPart,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import type { ChatModelHandle } from '../spec/model.js';
import type { ToolCallRequest, ToolResult } from '../spec/tools.js';
import { generateReply, type GenerateTools } from './generate.js';

const usage = {
  inputTokens: { total: 10, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 2, text: undefined, reasoning: undefined },
};

/** A model that answers each call with the next scripted round: text, then tool calls. */
function roundsModel(rounds: { text?: string; calls?: { name: string; input: string }[] }[]) {
  const calls: LanguageModelV3CallOptions[] = [];
  const model: LanguageModelV3 = {
    specificationVersion: 'v3',
    provider: 'test',
    modelId: 'rounds',
    supportedUrls: {},
    doGenerate: () => Promise.reject(new Error('not used')),
    doStream: async (call) => {
      calls.push(call);
      const round = rounds.shift() ?? { text: 'fallback' };
      const parts: LanguageModelV3StreamPart[] = [];
      if (round.text) parts.push({ type: 'text-delta', id: 't', delta: round.text });
      (round.calls ?? []).forEach((toolCall, index) =>
        parts.push({
          type: 'tool-call',
          toolCallId: `c${calls.length}-${index}`,
          toolName: toolCall.name,
          input: toolCall.input,
        }),
      );
      const reason = (round.calls ?? []).length > 0 ? ('tool-calls' as const) : ('stop' as const);
      parts.push({ type: 'finish', finishReason: { unified: reason, raw: undefined }, usage });
      return {
        stream: new ReadableStream({
          start: (controller) => (parts.forEach((part) => controller.enqueue(part)), controller.close()),
        }),
      };
    },
  };
  const handle: ChatModelHandle = {
    name: 'rounds',
    model,
    tokenCounter: { count: (text) => text.length, messageOverhead: 0, kind: 'estimate' },
    contextSize: 4096,
    toolCalls: true,
    dispose: async () => undefined,
  };
  return { handle, calls };
}

function tools(execute: (call: ToolCallRequest) => Promise<ToolResult>, maxRounds = 3): GenerateTools {
  return {
    definitions: [{ type: 'function', name: 'recall', inputSchema: { type: 'object' } }],
    execute,
    maxRounds,
  };
}

const ok = async (call: ToolCallRequest): Promise<ToolResult> => ({
  ok: true,
  callId: call.id,
  name: call.name,
  input: {},
  result: { found: 'tea' },
  summary: {},
});

describe('generateReply with tools', () => {
  it('runs tool rounds, feeds results back and joins the text of the rounds', async () => {
    const { handle, calls } = roundsModel([
      { text: 'Let me think.', calls: [{ name: 'recall', input: '{"query":"tea"}' }] },
      { text: 'You like tea.' },
    ]);
    const deltas: string[] = [];
    const outcome = await generateReply({
      handle,
      messages: [{ role: 'user', content: 'What do I like?', sections: [] }],
      maxOutputTokens: 10,
      sessionKey: 's',
      onDelta: (delta) => deltas.push(delta),
      tools: tools(ok),
    });
    expect(outcome.text).toBe('Let me think. You like tea.');
    expect(deltas.join('')).toBe(outcome.text);
    expect(outcome.finishReason).toBe('stop');
    expect(outcome.usage).toEqual({ inputTokens: 20, outputTokens: 4 });
    expect(outcome.toolCalls).toEqual([{ round: 0, name: 'recall', ok: true, summary: {} }]);
    expect(calls[1]?.prompt.slice(-2)).toEqual([
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Let me think.' },
          { type: 'tool-call', toolCallId: 'c1-0', toolName: 'recall', input: { query: 'tea' } },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'c1-0',
            toolName: 'recall',
            output: { type: 'json', value: { found: 'tea' } },
          },
        ],
      },
    ]);
    expect(calls.map((call) => call.toolChoice)).toEqual([{ type: 'auto' }, { type: 'auto' }]);
  });

  it('sends error results back as error-json and keeps going', async () => {
    const { handle, calls } = roundsModel([
      { calls: [{ name: 'recall', input: 'not json' }] },
      { text: 'Sorry.' },
    ]);
    const outcome = await generateReply({
      handle,
      messages: [{ role: 'user', content: 'Hi', sections: [] }],
      maxOutputTokens: 10,
      sessionKey: 's',
      tools: tools(async (call) => ({
        ok: false,
        callId: call.id,
        name: call.name,
        input: undefined,
        error: { code: 'tool_input_not_json', message: 'bad' },
      })),
    });
    expect(outcome.text).toBe('Sorry.');
    expect(calls[1]?.prompt.at(-1)).toMatchObject({
      role: 'tool',
      content: [
        { output: { type: 'error-json', value: { error: { code: 'tool_input_not_json', message: 'bad' } } } },
      ],
    });
    // The raw text of an unparsable call goes back as it was.
    expect(calls[1]?.prompt.at(-2)).toMatchObject({ content: [{ type: 'tool-call', input: 'not json' }] });
  });

  it('stops when the turn is aborted during a tool round', async () => {
    const controller = new AbortController();
    const { handle, calls } = roundsModel([{ calls: [{ name: 'recall', input: '{}' }] }, { text: 'never' }]);
    const outcome = await generateReply({
      handle,
      messages: [{ role: 'user', content: 'Hi', sections: [] }],
      maxOutputTokens: 10,
      sessionKey: 's',
      signal: controller.signal,
      tools: tools(async (call) => {
        controller.abort();
        return ok(call);
      }),
    });
    expect(outcome.finishReason).toBe('abort');
    expect(outcome.text).toBe('');
    expect(calls).toHaveLength(1);
  });

  it('without tools, offers none and records none', async () => {
    const { handle, calls } = roundsModel([{ text: 'Hello.' }]);
    const outcome = await generateReply({
      handle,
      messages: [{ role: 'user', content: 'Hi', sections: [] }],
      maxOutputTokens: 10,
      sessionKey: 's',
    });
    expect(outcome).toMatchObject({ text: 'Hello.', finishReason: 'stop' });
    expect(outcome.toolCalls).toBeUndefined();
    expect(calls[0]?.tools).toBeUndefined();
  });
});
