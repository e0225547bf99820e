// The lean streaming path against a scripted local server, over both transports (node:http and an
// injected fetch): bytes split anywhere, CRLF, comments, [DONE], usage, error frames, HTTP errors,
// a cut connection, abort, and the calls that go to the AI SDK instead.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  APICallError,
  type LanguageModelV3CallOptions,
  type LanguageModelV3StreamPart,
} from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteModel } from './create-remote-model.js';

type Script = (response: ServerResponse) => void | Promise<void>;
let script: Script = () => undefined;
let lastBody: Record<string, unknown> = {};
let server: Server;
let baseUrl: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const frame = (body: unknown, end = '\n'): string => `data: ${JSON.stringify(body)}${end}${end}`;
const delta = (content: string, finish: string | null = null) =>
  frame({
    id: 'c1',
    model: 'm',
    created: 1,
    choices: [{ index: 0, delta: { content }, finish_reason: finish }],
  });
const usage = frame({ choices: [], usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 } });

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (part: Buffer) => (text += part.toString('utf8')));
    request.on('end', () => {
      lastBody = JSON.parse(text) as Record<string, unknown>;
      void script(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const call: LanguageModelV3CallOptions = {
  prompt: [
    { role: 'system', content: 'Be Lin.' },
    { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
  ],
  maxOutputTokens: 16,
  temperature: 0.5,
  providerOptions: { starling: { sessionKey: 's' } },
};

const transports = [
  ['node:http', {}],
  ['injected fetch', { fetch: globalThis.fetch }],
] as const;

async function collect(stream: ReadableStream<LanguageModelV3StreamPart>) {
  const parts: LanguageModelV3StreamPart[] = [];
  let failure: unknown = null;
  try {
    for await (const part of stream) parts.push(part);
  } catch (error) {
    failure = error;
  }
  const text = parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : [])).join('');
  return { parts, text, failure };
}

describe.each(transports)('lean streaming over %s', (_name, options) => {
  const model = () =>
    createRemoteModel(
      {
        name: 'lean',
        provider: 'custom',
        model: 'test-model',
        baseUrl,
        apiKeyEnv: null,
        contextSize: null,
        options: {},
        createdAt: 0,
      },
      { ...options, apiKey: 'sk-lean' },
    ).model;

  it('sends the chat request and parses bytes split anywhere, CRLF and comments', async () => {
    const body = Buffer.from(
      (delta('Hel') + ': keep-alive\n\n' + delta('lo, 世界') + delta('', 'stop') + usage).replaceAll(
        '\n',
        '\r\n',
      ) + 'data: [DONE]\r\n\r\n',
    );
    script = async (response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      // One byte at a time splits lines, CRLF pairs and the UTF-8 of 世界.
      for (const byte of body) {
        response.write(Buffer.from([byte]));
        if (byte === 10) await sleep(1);
      }
      response.end();
    };
    const { stream } = await model().doStream(call);
    const { parts, text, failure } = await collect(stream);
    expect(failure).toBeNull();
    expect(text).toBe('Hello, 世界');
    expect(parts.map((part) => part.type)).toEqual([
      'stream-start',
      'response-metadata',
      'text-start',
      'text-delta',
      'text-delta',
      'text-end',
      'finish',
    ]);
    const finish = parts.at(-1);
    expect(finish?.type === 'finish' && finish.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    expect(finish?.type === 'finish' && finish.usage.inputTokens.total).toBe(9);
    expect(finish?.type === 'finish' && finish.usage.outputTokens.total).toBe(2);
    expect(lastBody).toMatchObject({
      model: 'test-model',
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 16,
      temperature: 0.5,
      messages: [
        { role: 'system', content: 'Be Lin.' },
        { role: 'user', content: 'Hi' },
      ],
    });
  });

  it('turns an error frame into an error part and ends the stream', async () => {
    script = (response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(delta('partial'));
      response.end(frame({ error: { message: 'backend overloaded', type: 'server_error' } }));
    };
    const { parts, text } = await collect((await model().doStream(call)).stream);
    expect(text).toBe('partial');
    const error = parts.find((part) => part.type === 'error');
    expect(error?.type === 'error' && String(error.error)).toContain('backend overloaded');
    expect(parts.at(-1)?.type).toBe('finish');
  });

  it('rejects with APICallError and the server message on HTTP errors', async () => {
    script = (response) => {
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'no capacity', type: 'server_error' } }));
    };
    const failure = await model()
      .doStream(call)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(APICallError.isInstance(failure)).toBe(true);
    expect(APICallError.isInstance(failure) && failure.statusCode).toBe(503);
    expect(APICallError.isInstance(failure) && failure.isRetryable).toBe(true);
    expect(String(failure)).toContain('no capacity');
    expect(String(failure)).not.toContain('sk-lean');
  });

  it('errors the stream when the connection is cut mid-reply', async () => {
    script = async (response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(delta('a'));
      await sleep(20);
      response.destroy();
    };
    const { text, failure } = await collect((await model().doStream(call)).stream);
    expect(text).toBe('a');
    expect(failure).not.toBeNull();
  });

  it('stops reading when the caller aborts', async () => {
    script = async (response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      for (let index = 0; index < 100 && !response.destroyed; index++) {
        response.write(delta(`t${index} `));
        await sleep(10);
      }
      response.end();
    };
    const controller = new AbortController();
    const { stream } = await model().doStream({ ...call, abortSignal: controller.signal });
    const reader = stream.getReader();
    await reader.read();
    controller.abort();
    let rest = 'reading';
    try {
      while (!(await reader.read()).done);
      rest = 'done';
    } catch {
      rest = 'errored';
    }
    expect(['done', 'errored']).toContain(rest);
  });
});

describe('calls outside the lean path', () => {
  it('go to the AI SDK model (a JSON response format here), which still streams', async () => {
    script = (response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(delta('sdk') + delta('', 'stop') + 'data: [DONE]\n\n');
    };
    const handle = createRemoteModel(
      {
        name: 'lean',
        provider: 'custom',
        model: 'test-model',
        baseUrl,
        apiKeyEnv: null,
        contextSize: null,
        options: {},
        createdAt: 0,
      },
      {},
    );
    const { stream } = await handle.model.doStream({ ...call, responseFormat: { type: 'json' } });
    const { text } = await collect(stream);
    expect(text).toBe('sdk');
    expect(lastBody['response_format']).toBeDefined();
    await handle.dispose();
  });
});

describe('tool calls on the lean path', () => {
  const handle = () =>
    createRemoteModel({
      name: 'lean',
      provider: 'custom',
      model: 'test-model',
      baseUrl,
      apiKeyEnv: null,
      contextSize: null,
      options: {},
      createdAt: 0,
    });
  const toolDelta = (calls: unknown[], finish: string | null = null) =>
    frame({
      id: 'c1',
      model: 'm',
      created: 1,
      choices: [{ index: 0, delta: { tool_calls: calls }, finish_reason: finish }],
    });
  const tools = [
    {
      type: 'function' as const,
      name: 'remember',
      description: 'Remember a fact',
      inputSchema: { type: 'object' as const, properties: { text: { type: 'string' as const } } },
    },
  ];

  it('assembles streamed tool_calls fragments into tool-input parts and one tool-call per call', async () => {
    script = (response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(
        toolDelta([
          { index: 0, id: 'call_a', type: 'function', function: { name: 'remember', arguments: '' } },
        ]),
      );
      response.write(toolDelta([{ index: 0, function: { arguments: '{"text":' } }]));
      response.write(
        toolDelta([{ index: 1, id: 'call_b', function: { name: 'recall', arguments: '{"query":"x"}' } }]),
      );
      response.write(toolDelta([{ index: 0, function: { arguments: '"cats"}' } }], 'tool_calls'));
      response.end(usage + 'data: [DONE]\n\n');
    };
    const model = handle();
    const { stream } = await model.model.doStream({ ...call, tools, toolChoice: { type: 'auto' } });
    const { parts } = await collect(stream);
    const calls = parts.filter((part) => part.type === 'tool-call');
    expect(calls).toEqual([
      { type: 'tool-call', toolCallId: 'call_a', toolName: 'remember', input: '{"text":"cats"}' },
      { type: 'tool-call', toolCallId: 'call_b', toolName: 'recall', input: '{"query":"x"}' },
    ]);
    const deltas = parts.flatMap((part) =>
      part.type === 'tool-input-delta' && part.id === 'call_a' ? [part.delta] : [],
    );
    expect(deltas.join('')).toBe('{"text":"cats"}');
    expect(parts.filter((part) => part.type === 'tool-input-start')).toHaveLength(2);
    const finish = parts.find((part) => part.type === 'finish');
    expect(finish?.type === 'finish' && finish.finishReason).toEqual({
      unified: 'tool-calls',
      raw: 'tool_calls',
    });
    expect(lastBody['tools']).toEqual([
      {
        type: 'function',
        function: { name: 'remember', description: 'Remember a fact', parameters: tools[0]?.inputSchema },
      },
    ]);
    expect(lastBody['tool_choice']).toBe('auto');
    await model.dispose();
  });

  it('sends earlier tool calls and results as OpenAI assistant and tool messages', async () => {
    script = (response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(delta('Noted.', 'stop') + 'data: [DONE]\n\n');
    };
    const model = handle();
    const { stream } = await model.model.doStream({
      ...call,
      tools,
      toolChoice: { type: 'none' },
      prompt: [
        ...call.prompt,
        {
          role: 'assistant',
          content: [
            { type: 'tool-call', toolCallId: 'call_a', toolName: 'remember', input: { text: 'cats' } },
          ],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'call_a',
              toolName: 'remember',
              output: { type: 'json', value: { id: 'm1' } },
            },
          ],
        },
      ],
    });
    const { text } = await collect(stream);
    expect(text).toBe('Noted.');
    const messages = lastBody['messages'] as Record<string, unknown>[];
    expect(messages.slice(-2)).toEqual([
      {
        role: 'assistant',
        content: '',
        tool_calls: [
          { id: 'call_a', type: 'function', function: { name: 'remember', arguments: '{"text":"cats"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_a', content: '{"id":"m1"}' },
    ]);
    expect(lastBody['tool_choice']).toBe('none');
    await model.dispose();
  });

  it('reports malformed tool_calls as an error part', async () => {
    script = (response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(toolDelta([{ index: 'zero' }]) + 'data: [DONE]\n\n');
    };
    const model = handle();
    const { stream } = await model.model.doStream({ ...call, tools });
    const { parts } = await collect(stream);
    expect(parts.some((part) => part.type === 'error')).toBe(true);
    expect(parts.some((part) => part.type === 'tool-call')).toBe(false);
    await model.dispose();
  });
});
