/**
 * Describes the OpenAI-compatible `/v1` routes in the OpenAPI document. They are plain Hono routes
 * (src/server/openai) with OpenAI's error shape, so they are registered here as paths only; the
 * handlers and their validation stay where they are.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from './env.js';
import {
  ChatCompletionChunkSchema,
  ChatCompletionRequestSchema,
  ChatCompletionSchema,
  OpenAIErrorSchema,
  OpenAIModelListSchema,
  OpenAIModelSchema,
} from './schemas/openai.js';

type Registry = OpenAPIHono<AppEnv>['openAPIRegistry'];

const tags = ['openai'];
const security: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];

const errorDescriptions: Record<number, string> = {
  400: 'Invalid request (`invalid_request_error`)',
  401: 'Missing or invalid API key (`authentication_error`)',
  403: 'Scope missing (`permission_error`)',
  404: 'No such model (character) for this caller',
  429: 'Rate limited (`rate_limit_error`); see Retry-After',
  502: 'The model backend failed before the first token',
  503: 'The model is unavailable',
};

function openAIErrors(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: errorDescriptions[status] ?? 'Error',
        content: { 'application/json': { schema: OpenAIErrorSchema } },
      },
    ]),
  );
}

const sessionHeader = {
  description: 'The stored session this call used (see the `user` field and the request header)',
  schema: { type: 'string' as const },
};

/** Adds `/v1/models`, `/v1/models/{model}` and `/v1/chat/completions` to a route group's OpenAPI registry. */
export function registerOpenAIPaths(registry: Registry): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/models',
    tags,
    security,
    summary: "Your characters, then the instance's shared ones, as OpenAI models",
    responses: {
      200: { description: 'Models', content: { 'application/json': { schema: OpenAIModelListSchema } } },
      ...openAIErrors(401, 403, 429),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/models/{model}',
    tags,
    security,
    summary: 'One character as an OpenAI model, by id or slug',
    request: { params: z.object({ model: z.string().min(1).max(200) }) },
    responses: {
      200: { description: 'The model', content: { 'application/json': { schema: OpenAIModelSchema } } },
      ...openAIErrors(401, 403, 404, 429),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/chat/completions',
    tags,
    security,
    summary: 'Run a Starling turn with a character; streaming (SSE `data:` chunks, then `[DONE]`) or not',
    request: {
      headers: z.object({
        'X-Starling-Session': z
          .string()
          .max(200)
          .optional()
          .openapi({ description: 'A session id of yours, or any key naming one (wins over `user`)' }),
      }),
      body: { required: true, content: { 'application/json': { schema: ChatCompletionRequestSchema } } },
    },
    responses: {
      200: {
        description:
          'A `chat.completion`, or with `stream: true` Server-Sent Events of `chat.completion.chunk` ending in `data: [DONE]`',
        headers: { 'X-Starling-Session': sessionHeader },
        content: {
          'application/json': { schema: ChatCompletionSchema },
          'text/event-stream': { schema: ChatCompletionChunkSchema },
        },
      },
      ...openAIErrors(400, 401, 403, 404, 429, 502, 503),
    },
  });
}
