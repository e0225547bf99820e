/** Schemas for model configurations, connection tests and downloads. */
import { z } from '@hono/zod-openapi';
import { ModelNameSchema } from './sessions.js';

export const ModelConfigSchema = z
  .object({
    name: z.string(),
    provider: z.string(),
    model: z.string(),
    baseUrl: z.string().nullable(),
    apiKeyEnv: z.string().nullable(),
    contextSize: z.number().nullable(),
  })
  .openapi('ModelConfig');

export const ModelListSchema = z
  .object({
    configured: z.array(ModelConfigSchema),
    catalog: z.array(z.object({ name: z.string(), description: z.string(), downloaded: z.boolean() })),
  })
  .openapi('ModelList');

export const AddModelSchema = z
  .strictObject({
    name: ModelNameSchema,
    provider: z.string().min(1).max(50),
    model: z.string().min(1).max(1000),
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .max(1000)
      .optional(),
    apiKeyEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]{0,99}$/, 'an environment variable name')
      .optional(),
    contextSize: z.number().int().min(512).max(1_048_576).optional(),
  })
  .openapi('AddModel');

export const ModelParams = z.object({ name: ModelNameSchema });

export const ModelTestSchema = z
  .object({ ok: z.literal(true), model: z.string(), text: z.string(), ms: z.number() })
  .openapi('ModelTest');

export const PullSchema = z
  .strictObject({
    source: z.string().min(1).max(2000).openapi({ description: 'A catalog name or an https URL of a .gguf' }),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  .openapi('Pull');
