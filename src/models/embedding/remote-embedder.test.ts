// The remote embedder against a real HTTP server on 127.0.0.1 whose answers each test scripts.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StarlingError } from '../../spec/errors.js';
import { openEmbedder } from './open-embedder.js';
import { createRemoteEmbedder } from './remote-embedder.js';

type Reply = (input: string[], response: http.ServerResponse) => void;

let server: http.Server;
let baseUrl = '';
let reply: Reply;
const requests: { path: string; authorization: string | undefined; body: Record<string, unknown> }[] = [];
const sockets = new Set<Socket>();

/** A deterministic 3-dimensional vector per text. */
const vectorOf = (text: string) => [text.length, 1, -0.5];
const json = (response: http.ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
};
const good: Reply = (input, response) =>
  json(response, 200, {
    object: 'list',
    // Out of order on purpose: `index` says where each belongs.
    data: input.map((text, index) => ({ object: 'embedding', index, embedding: vectorOf(text) })).reverse(),
    model: 'fake-embed',
  });

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      requests.push({ path: request.url ?? '', authorization: request.headers.authorization, body });
      reply(body['input'] as string[], response);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  requests.length = 0;
  reply = good;
});

async function expectCode(promise: Promise<unknown>, code: string): Promise<StarlingError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(StarlingError.isInstance(error), `expected a StarlingError, got ${String(error)}`).toBe(true);
  expect((error as StarlingError).code).toBe(code);
  return error as StarlingError;
}

describe('remote embedder', () => {
  it('posts batches to /embeddings and returns the vectors in input order', async () => {
    const embedder = createRemoteEmbedder({
      name: 'fake',
      baseUrl: `${baseUrl}/`,
      model: 'fake-embed',
      apiKey: 'sk-test',
      batchSize: 2,
    });
    const texts = ['a', 'bb', 'ccc', 'dddd', 'eeeee'];
    const vectors = await embedder.embed(texts);
    expect(vectors.map((vector) => [...vector])).toEqual(texts.map(vectorOf));
    expect(vectors[0]).toBeInstanceOf(Float32Array);
    expect(requests.map((request) => (request.body['input'] as string[]).length)).toEqual([2, 2, 1]);
    expect(requests[0]).toMatchObject({
      path: '/v1/embeddings',
      authorization: 'Bearer sk-test',
      body: { model: 'fake-embed', encoding_format: 'float' },
    });
    expect(embedder.id).toBe(`openai-compatible:${baseUrl}/embeddings:fake-embed`);
    expect(await embedder.embed([])).toEqual([]);
  });

  it('clips each text before sending, so one long memory cannot fail every batch', async () => {
    const embedder = createRemoteEmbedder({ name: 'fake', baseUrl, model: 'fake-embed', maxInputChars: 10 });
    const vectors = await embedder.embed(['short', 'x'.repeat(5000)]);
    expect((requests[0]?.body['input'] as string[]).map((text) => text.length)).toEqual([5, 10]);
    expect(vectors.map((vector) => vector[0])).toEqual([5, 10]);
    const byDefault = createRemoteEmbedder({ name: 'fake', baseUrl, model: 'fake-embed' });
    await byDefault.embed(['y'.repeat(5000)]);
    expect((requests[1]?.body['input'] as string[])[0]).toHaveLength(1000);
  });

  it('refuses a wrong count, a wrong or changing dimension, non-numbers and non-JSON', async () => {
    const embedder = createRemoteEmbedder({ name: 'fake', baseUrl, model: 'm' });
    reply = (input, response) => json(response, 200, { data: [{ index: 0, embedding: [1, 2, 3] }] });
    const count = await expectCode(embedder.embed(['a', 'b']), 'embedder_response_invalid');
    expect(count.message).toContain('sent 2 texts, got 1 embeddings');

    reply = (input, response) =>
      json(response, 200, { data: [{ embedding: [1, 2, 3] }, { embedding: [1, 2] }] });
    await expectCode(embedder.embed(['a', 'b']), 'embedder_response_invalid');

    // The first good answer fixes the dimension for the embedder's life.
    reply = good;
    await embedder.embed(['a']);
    reply = (input, response) => json(response, 200, { data: [{ embedding: [1, 2] }] });
    const dims = await expectCode(embedder.embed(['a']), 'embedder_response_invalid');
    expect(dims.details).toMatchObject({ expected: 3, got: 2 });

    reply = (input, response) => json(response, 200, { data: [{ embedding: [1, 'x', 3] }] });
    await expectCode(embedder.embed(['a']), 'embedder_response_invalid');
    reply = (input, response) => json(response, 200, { data: [{ embedding: [1, null, 3] }] });
    await expectCode(embedder.embed(['a']), 'embedder_response_invalid');
    reply = (input, response) => json(response, 200, '<html>oops</html>');
    await expectCode(embedder.embed(['a']), 'embedder_response_invalid');
    reply = (input, response) => json(response, 200, { object: 'list' });
    await expectCode(embedder.embed(['a']), 'embedder_response_invalid');
  });

  it('checks a configured dimension and sends it', async () => {
    const embedder = createRemoteEmbedder({ name: 'fake', baseUrl, model: 'm', dimensions: 4 });
    await expectCode(embedder.embed(['a']), 'embedder_response_invalid');
    expect(requests[0]?.body['dimensions']).toBe(4);
    expect(embedder.id).toMatch(/:4$/);
  });

  it('reports HTTP errors with the status and the server message', async () => {
    const embedder = createRemoteEmbedder({ name: 'fake', baseUrl, model: 'm' });
    reply = (input, response) => json(response, 500, { error: { message: 'model exploded' } });
    const error = await expectCode(embedder.embed(['a']), 'embedder_http_error');
    expect(error.message).toContain('500');
    expect(error.message).toContain('model exploded');
    expect(error.details).toMatchObject({ status: 500, retryable: true });
    reply = (input, response) => json(response, 401, { error: { message: 'bad key' } });
    expect((await expectCode(embedder.embed(['a']), 'embedder_http_error')).details).toMatchObject({
      status: 401,
      retryable: false,
    });
  });

  it('gives up on a server that never answers, and on a caller that cancels', async () => {
    reply = () => undefined; // never answers
    const embedder = createRemoteEmbedder({ name: 'fake', baseUrl, model: 'm', timeoutMs: 150 });
    const started = performance.now();
    await expectCode(embedder.embed(['a']), 'embedder_timeout');
    expect(performance.now() - started).toBeLessThan(2000);

    const patient = createRemoteEmbedder({ name: 'fake', baseUrl, model: 'm', timeoutMs: 60_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expectCode(patient.embed(['a'], { signal: controller.signal }), 'embedder_aborted');
    await expectCode(patient.embed(['a'], { signal: AbortSignal.abort() }), 'embedder_aborted');
  });

  it('reports an unreachable endpoint', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const embedder = createRemoteEmbedder({ name: 'x', baseUrl: `http://127.0.0.1:${port}/v1`, model: 'm' });
    await expectCode(embedder.embed(['a']), 'embedder_unreachable');
  });

  it('opens from a model config: preset base URL, key from the environment, options', async () => {
    const config = {
      name: 'embed',
      provider: 'custom',
      model: 'fake-embed',
      baseUrl,
      apiKeyEnv: 'EMBED_KEY',
      contextSize: null,
      options: { batchSize: 1 },
      createdAt: 0,
    };
    const embedder = await openEmbedder(config, { env: { EMBED_KEY: 'k1' } });
    expect(embedder.name).toBe('embed');
    await embedder.embed(['a', 'b']);
    expect(requests.map((request) => request.authorization)).toEqual(['Bearer k1', 'Bearer k1']);
    await expectCode(openEmbedder({ ...config, baseUrl: null }), 'model_config_invalid');
    await expectCode(openEmbedder({ ...config, provider: 'nope' }), 'model_provider_unknown');
    await expectCode(
      openEmbedder({ ...config, provider: 'openai', apiKeyEnv: null }, { env: {} }),
      'model_api_key_missing',
    );
  });
});
