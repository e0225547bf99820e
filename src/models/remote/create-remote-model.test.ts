import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StarlingError } from '../../spec/errors.js';
import type { ModelConfigRecord } from '../../spec/store.js';
import { createRemoteModel } from './create-remote-model.js';

interface SeenRequest {
  url: string | undefined;
  authorization: string | undefined;
  body: { model?: string; stream?: boolean; messages?: unknown[] };
}

const seen: SeenRequest[] = [];
let server: Server;
let baseUrl: string;
const secret = 'sk-test-do-not-print-0123456789';

function chunk(delta: Record<string, unknown>, finishReason: string | null = null): string {
  const body = {
    id: 'c1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
  return `data: ${JSON.stringify(body)}\n\n`;
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const part of request) text += String(part);
  return text;
}

beforeAll(async () => {
  server = createServer((request, response) => {
    void readBody(request).then((text) => {
      seen.push({
        url: request.url,
        authorization: request.headers.authorization,
        body: JSON.parse(text) as SeenRequest['body'],
      });
      if (request.headers.authorization !== `Bearer ${secret}`) {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: 'invalid api key', type: 'auth' } }));
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(chunk({ role: 'assistant', content: 'Hel' }));
      response.write(chunk({ content: 'lo, 世界' }));
      response.write(chunk({}, 'stop'));
      response.write(
        `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [], usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 } })}\n\n`,
      );
      response.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function config(overrides: Partial<ModelConfigRecord> = {}): ModelConfigRecord {
  return {
    name: 'local',
    provider: 'custom',
    model: 'test-model',
    baseUrl,
    apiKeyEnv: 'TEST_REMOTE_KEY',
    contextSize: null,
    options: {},
    createdAt: 0,
    ...overrides,
  };
}

describe('createRemoteModel', () => {
  it('streams text and usage from an OpenAI-compatible server, sending the API key', async () => {
    const handle = createRemoteModel(config(), { env: { TEST_REMOTE_KEY: secret } });
    expect(handle.tokenCounter.kind).toBe('estimate');
    expect(handle.contextSize).toBe(8192);
    const { stream } = await handle.model.doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
      maxOutputTokens: 16,
    });
    const parts: LanguageModelV3StreamPart[] = [];
    for await (const part of stream) parts.push(part);
    const text = parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : [])).join('');
    expect(text).toBe('Hello, 世界');
    const finish = parts.find((part) => part.type === 'finish');
    expect(finish?.type === 'finish' && finish.usage.inputTokens.total).toBe(12);
    expect(finish?.type === 'finish' && finish.usage.outputTokens.total).toBe(3);
    expect(finish?.type === 'finish' && finish.finishReason.unified).toBe('stop');
    const request = seen.at(-1);
    expect(request?.url).toBe('/v1/chat/completions');
    expect(request?.authorization).toBe(`Bearer ${secret}`);
    expect(request?.body).toMatchObject({ model: 'test-model', stream: true });
  });

  it('keeps the API key out of errors', async () => {
    const wrongKey = 'sk-wrong-key-should-not-leak';
    const handle = createRemoteModel(config(), { apiKey: wrongKey });
    const failure = await handle.model
      .doGenerate({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }] })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).not.toBeNull();
    expect(inspect(failure, { depth: 6 })).not.toContain(wrongKey);
  });

  it('requires a key for hosted presets and names the variable, not a value', () => {
    try {
      createRemoteModel(config({ provider: 'openai', baseUrl: null, apiKeyEnv: null }), { env: {} });
      expect.unreachable();
    } catch (error) {
      expect(StarlingError.isInstance(error) && error.code).toBe('model_api_key_missing');
      expect(String(error)).toContain('OPENAI_API_KEY');
    }
  });

  it('rejects unknown providers and custom endpoints without a base URL', () => {
    expect(() => createRemoteModel(config({ provider: 'nope' }))).toThrow(/expected llama or one of/);
    expect(() => createRemoteModel(config({ baseUrl: null }))).toThrow(/needs a base URL/);
  });

  it('uses the preset base URL', () => {
    const handle = createRemoteModel(config({ provider: 'ollama', baseUrl: null, model: 'qwen2.5:1.5b' }));
    expect(handle.model.provider).toContain('ollama');
    expect(handle.model.modelId).toBe('qwen2.5:1.5b');
  });
});
