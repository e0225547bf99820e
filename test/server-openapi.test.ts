// The OpenAPI document at /api/openapi.json: valid JSON, OpenAPI 3.x, every $ref resolvable, and it
// describes the /v1 routes (with the same request fields the /v1 validator accepts) and the lorebook
// and account routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatCompletionRequestSchema } from '../src/server/openai/schemas.js';
import { call, startTestServer, type TestServer } from './support/server.js';

interface Operation {
  summary?: string;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.push(inner);
      else refsIn(inner, found);
    }
  }
  return found;
}

describe('OpenAPI document', () => {
  let server: TestServer;
  let document: OpenApiDocument;
  let text: string;

  beforeAll(async () => {
    server = await startTestServer();
    const response = await call(server.url, 'GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    text = await response.text();
    document = JSON.parse(text) as OpenApiDocument;
  });

  afterAll(async () => {
    await server?.close();
  });

  it('is OpenAPI 3.x whose references all resolve', () => {
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(document.info.title).toBe('Starling API');
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(20);
    const missing = refs.filter((ref) => {
      const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
      return name === undefined || !(name in document.components.schemas);
    });
    expect(missing).toEqual([]);
    for (const [path, operations] of Object.entries(document.paths)) {
      expect(path.startsWith('/'), path).toBe(true);
      for (const [method, operation] of Object.entries(operations)) {
        expect(['get', 'post', 'put', 'patch', 'delete'], `${method} ${path}`).toContain(method);
        expect(Object.keys(operation.responses).length, `${method} ${path}`).toBeGreaterThan(0);
      }
    }
  });

  it('describes the OpenAI-compatible /v1 routes', () => {
    expect(
      document.paths['/v1/models']?.get?.responses['200']?.content?.['application/json']?.schema,
    ).toEqual({
      $ref: '#/components/schemas/OpenAIModelList',
    });
    expect(document.paths['/v1/models/{model}']?.get).toBeDefined();
    const completions = document.paths['/v1/chat/completions']?.post;
    expect(completions?.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/ChatCompletionRequest',
    });
    const ok = completions?.responses['200']?.content ?? {};
    expect(ok['application/json']?.schema).toEqual({ $ref: '#/components/schemas/ChatCompletion' });
    expect(ok['text/event-stream']?.schema).toEqual({ $ref: '#/components/schemas/ChatCompletionChunk' });
    expect(completions?.responses['401']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/OpenAIError',
    });
  });

  it('documents exactly the request fields the /v1 validator reads', () => {
    const documented = Object.keys(document.components.schemas.ChatCompletionRequest?.properties ?? {});
    expect(documented.sort()).toEqual(Object.keys(chatCompletionRequestSchema.shape).sort());
  });

  it('lists the lorebook routes and shows /v1 on the docs page', async () => {
    expect(Object.keys(document.paths['/api/lorebooks'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths['/api/lorebooks/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'put']);
    const html = await (await call(server.url, 'GET', '/api/docs')).text();
    expect(html).toContain('/v1/chat/completions');
  });
});
