/** Schemas shared by every resource: the error body, id parameters and response helpers. */
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'character_not_found' }),
      message: z.string(),
    }),
  })
  .openapi('Error');

export const IdParams = z.object({ id: z.string().min(1).max(200) });

export const OkSchema = z.object({ ok: z.literal(true) }).openapi('Ok');

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input',
  401: 'Not signed in, or the API key is invalid',
  403: 'Not allowed (scope, CSRF, role)',
  404: 'Not found (or not yours)',
  409: 'Conflict',
  413: 'Body too large',
  429: 'Rate limited',
};

/** OpenAPI entries for the error statuses a route can answer. */
export function errorResponses(...statuses: number[]) {
  const responses: Record<
    number,
    { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }
  > = {};
  for (const status of statuses) {
    responses[status] = {
      description: errorDescriptions[status] ?? 'Error',
      content: { 'application/json': { schema: ErrorSchema } },
    };
  }
  return responses;
}

/** A JSON response entry for OpenAPI. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A required, strict JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

/** The Server-Sent Events response of streaming routes. */
export const sseResponse = {
  description:
    'Server-Sent Events: `turn-start`, `text-delta`, then `turn-end` or `error`; comment lines are heartbeats',
  content: { 'text/event-stream': { schema: z.string() } },
};
