/** Schemas for chat sessions, messages and turns. */
import { z } from '@hono/zod-openapi';

/** A configured or catalog model name; never a path, so callers cannot open files on the server. */
export const ModelNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'a model name (letters, digits, . _ : -)')
  .refine((name) => !name.toLowerCase().endsWith('.gguf'), 'a model name, not a .gguf file');

export const MessageSchema = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    parentId: z.string().nullable(),
    role: z.enum(['system', 'user', 'assistant']),
    content: z.string(),
    status: z.enum(['complete', 'incomplete', 'error']),
    createdAt: z.number(),
    meta: z.record(z.string(), z.unknown()),
  })
  .openapi('Message');

export const SessionSchema = z
  .object({
    id: z.string(),
    ownerId: z.string(),
    characterId: z.string(),
    characterVersion: z.number(),
    title: z.string(),
    headId: z.string().nullable(),
    seed: z.number(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi('Session');

export const SessionWithTreeSchema = z
  .object({ session: SessionSchema, messages: z.array(MessageSchema), headId: z.string().nullable() })
  .openapi('SessionWithTree');

export const CreateSessionSchema = z
  .strictObject({ characterId: z.string().min(1).max(200), title: z.string().max(200).optional() })
  .openapi('CreateSession');

export const SessionListQuery = z.strictObject({
  characterId: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const SendMessageSchema = z
  .strictObject({
    content: z.string().min(1).max(100_000),
    model: ModelNameSchema.optional(),
    maxTokens: z.number().int().min(1).max(32_768).optional(),
    personaId: z.string().min(1).max(200).optional(),
  })
  .openapi('SendMessage');

export const RegenerateSchema = z
  .strictObject({
    messageId: z.string().max(200).optional(),
    model: ModelNameSchema.optional(),
    maxTokens: z.number().int().min(1).max(32_768).optional(),
    personaId: z.string().min(1).max(200).optional(),
  })
  .openapi('Regenerate');

export const MessageRefSchema = z
  .strictObject({ messageId: z.string().min(1).max(200) })
  .openapi('MessageRef');

export const EditMessageSchema = z.strictObject({ content: z.string().max(100_000) }).openapi('EditMessage');

export const AbortResultSchema = z.object({ aborted: z.boolean() }).openapi('AbortResult');
