/**
 * The `/v1` wire shapes as OpenAPI schemas. The `/v1` routes are plain Hono handlers with their own
 * lenient validator (src/server/openai/schemas.ts) and OpenAI's error shape, so these schemas only
 * describe them; test/server-openapi.test.ts checks the documented request fields against the
 * validator's, so the two cannot drift apart silently.
 */
import { z } from '@hono/zod-openapi';

export const OpenAIErrorSchema = z
  .object({
    error: z.object({
      message: z.string(),
      type: z.enum([
        'invalid_request_error',
        'authentication_error',
        'permission_error',
        'rate_limit_error',
        'server_error',
      ]),
      param: z.string().nullable(),
      code: z.string().openapi({ example: 'model_not_found' }),
    }),
  })
  .openapi('OpenAIError');

export const OpenAIModelSchema = z
  .object({
    id: z.string().openapi({ description: 'The character id' }),
    object: z.literal('model'),
    created: z.number().int().openapi({ description: 'Last update, Unix seconds' }),
    owned_by: z.string().openapi({ description: "The owner's user name" }),
    name: z.string().openapi({ description: "Starling extra: the character's name" }),
    slug: z.string().openapi({ description: 'Starling extra: also accepted as `model`' }),
  })
  .openapi('OpenAIModel');

export const OpenAIModelListSchema = z
  .object({ object: z.literal('list'), data: z.array(OpenAIModelSchema) })
  .openapi('OpenAIModelList');

const ContentPartSchema = z.object({ type: z.literal('text'), text: z.string() });

const ChatMessageSchema = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant']).openapi({
    description: '`developer` is read as `system`',
  }),
  content: z.union([z.string(), z.array(ContentPartSchema), z.null()]),
  name: z.string().max(200).optional(),
});

export const ChatCompletionRequestSchema = z
  .object({
    model: z.string().min(1).max(200).openapi({ description: 'A character id, exact name or slug' }),
    messages: z.array(ChatMessageSchema).min(1).max(2000),
    stream: z.boolean().nullish(),
    stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
    max_tokens: z.number().int().min(1).max(32_768).nullish(),
    max_completion_tokens: z.number().int().min(1).max(32_768).nullish(),
    temperature: z.number().min(0).max(2).nullish(),
    n: z.literal(1).nullish().openapi({ description: 'Only 1 is supported' }),
    user: z
      .string()
      .min(1)
      .max(200)
      .nullish()
      .openapi({ description: 'Ties calls to a stored session (X-Starling-Session wins)' }),
    tools: z.array(z.unknown()).max(0).nullish().openapi({ description: 'Not supported; must be empty' }),
  })
  .openapi('ChatCompletionRequest', {
    description: 'Other OpenAI tuning fields are accepted and ignored',
  });

const UsageSchema = z
  .object({
    prompt_tokens: z.number().int(),
    completion_tokens: z.number().int(),
    total_tokens: z.number().int(),
  })
  .openapi('OpenAIUsage');

const FinishReasonSchema = z.enum(['stop', 'length', 'content_filter']);

export const ChatCompletionSchema = z
  .object({
    id: z.string(),
    object: z.literal('chat.completion'),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int(),
        message: z.object({ role: z.literal('assistant'), content: z.string(), refusal: z.null() }),
        logprobs: z.null(),
        finish_reason: FinishReasonSchema,
      }),
    ),
    usage: UsageSchema,
  })
  .openapi('ChatCompletion');

export const ChatCompletionChunkSchema = z
  .object({
    id: z.string(),
    object: z.literal('chat.completion.chunk'),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int(),
        delta: z.object({ role: z.literal('assistant').optional(), content: z.string().optional() }),
        logprobs: z.null(),
        finish_reason: FinishReasonSchema.nullable(),
      }),
    ),
    usage: UsageSchema.nullish().openapi({ description: 'On the last chunk (empty `choices`) when asked' }),
  })
  .openapi('ChatCompletionChunk');
