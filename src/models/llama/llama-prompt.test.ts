import { describe, expect, it } from 'vitest';
import { toChatHistory } from './llama-prompt.js';

describe('toChatHistory', () => {
  it('turns tool calls into function calls of the model turn and fills in their results', () => {
    const { history, warnings } = toChatHistory([
      { role: 'system', content: 'Be Lin.' },
      { role: 'user', content: [{ type: 'text', text: 'My cat is Miso.' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'One moment.' },
          { type: 'tool-call', toolCallId: 'a', toolName: 'remember', input: { text: 'cat Miso' } },
          { type: 'tool-call', toolCallId: 'b', toolName: 'recall', input: '{"query":"cat"}' },
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
          {
            type: 'tool-result',
            toolCallId: 'b',
            toolName: 'recall',
            output: { type: 'error-json', value: { error: { code: 'tool_failed' } } },
          },
        ],
      },
    ]);
    expect(warnings).toEqual([]);
    // The model turn with the calls is the last item: generation continues it after the results.
    expect(history).toEqual([
      { type: 'system', text: 'Be Lin.' },
      { type: 'user', text: 'My cat is Miso.' },
      {
        type: 'model',
        response: [
          'One moment.',
          { type: 'functionCall', name: 'remember', params: { text: 'cat Miso' }, result: { id: 'm1' } },
          {
            type: 'functionCall',
            name: 'recall',
            params: { query: 'cat' },
            result: { error: { code: 'tool_failed' } },
          },
        ],
      },
    ]);
  });

  it('drops a tool result without its call, with a warning', () => {
    const { history, warnings } = toChatHistory([
      { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
      {
        role: 'tool',
        content: [
          { type: 'tool-result', toolCallId: 'x', toolName: 'recall', output: { type: 'text', value: 'r' } },
        ],
      },
    ]);
    expect(history.at(-1)).toEqual({ type: 'model', response: [] });
    expect(warnings).toHaveLength(1);
  });
});
