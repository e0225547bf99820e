import { describe, expect, it } from 'vitest';
import { readChatChunk } from './chat-chunk.js';

describe('readChatChunk', () => {
  it('reads a content delta with its finish reason and ids', () => {
    const chunk = readChatChunk(
      JSON.stringify({
        id: 'c1',
        model: 'm',
        created: 5,
        choices: [{ index: 0, delta: { role: 'assistant', content: 'Hi' }, finish_reason: null }],
      }),
    );
    expect(chunk).toEqual({
      type: 'chunk',
      id: 'c1',
      model: 'm',
      created: 5,
      content: 'Hi',
      reasoning: '',
      toolCalls: [],
      finishReason: null,
      usage: null,
    });
  });

  it('reads tool_calls fragments: index, id, name, argument text (objects re-serialized)', () => {
    const chunk = readChatChunk(
      JSON.stringify({
        choices: [
          {
            delta: {
              tool_calls: [
                { index: 0, id: 'call_1', type: 'function', function: { name: 'recall', arguments: '{"q' } },
                { index: 1, function: { arguments: { query: 'x' } } },
              ],
            },
          },
        ],
      }),
    );
    expect(chunk).toMatchObject({
      type: 'chunk',
      toolCalls: [
        { index: 0, id: 'call_1', name: 'recall', arguments: '{"q' },
        { index: 1, id: null, name: null, arguments: '{"query":"x"}' },
      ],
    });
    expect(readChatChunk('{"choices":[{"delta":{"tool_calls":{"index":0}}}]}').type).toBe('invalid');
    expect(readChatChunk('{"choices":[{"delta":{"tool_calls":[{"index":-1}]}}]}').type).toBe('invalid');
  });

  it('reads the usage chunk (empty choices) and reasoning deltas', () => {
    const usage = readChatChunk(
      JSON.stringify({
        choices: [],
        usage: { prompt_tokens: 12, completion_tokens: 3, prompt_tokens_details: { cached_tokens: 4 } },
      }),
    );
    expect(usage).toMatchObject({
      type: 'chunk',
      content: '',
      usage: { prompt_tokens: 12, completion_tokens: 3, prompt_tokens_details: { cached_tokens: 4 } },
    });
    const reasoning = readChatChunk(JSON.stringify({ choices: [{ delta: { reasoning_content: 'hmm' } }] }));
    expect(reasoning).toMatchObject({ type: 'chunk', reasoning: 'hmm', content: '' });
  });

  it('reports error frames with their message', () => {
    expect(readChatChunk('{"error":{"message":"overloaded","code":"busy"}}')).toMatchObject({
      type: 'error',
      message: 'overloaded',
    });
    expect(readChatChunk('{"error":"plain text"}')).toMatchObject({ type: 'error', message: 'plain text' });
  });

  it('reports bad JSON and bad shapes as results, never throwing', () => {
    expect(readChatChunk('{not json').type).toBe('invalid');
    expect(readChatChunk('[1,2]').type).toBe('invalid');
    expect(readChatChunk('{"choices":{"0":1}}').type).toBe('invalid');
    expect(readChatChunk('{"choices":[7]}').type).toBe('invalid');
    // Wrong types of optional fields are ignored rather than trusted.
    expect(readChatChunk('{"choices":[{"delta":{"content":5},"finish_reason":1}]}')).toMatchObject({
      type: 'chunk',
      content: '',
      finishReason: null,
    });
  });
});
