/**
 * The chat-completions request as Starling accepts it. Lenient where OpenAI clients commonly send
 * extra tuning fields (they are ignored), strict where a field would change the meaning of the call.
 */
import { z } from 'zod';

const textPart = z.object({ type: z.literal('text'), text: z.string() });

const content = z.union([z.string(), z.array(textPart), z.null()]).transform((value) => {
  if (value === null) return '';
  return typeof value === 'string' ? value : value.map((part) => part.text).join('');
});

const message = z.object({
  // `developer` is OpenAI's newer name for system instructions.
  role: z
    .enum(['system', 'developer', 'user', 'assistant'])
    .transform((role) => (role === 'developer' ? 'system' : role)),
  content,
  name: z.string().max(200).optional(),
});

export const chatCompletionRequestSchema = z.object({
  model: z.string().min(1).max(200),
  messages: z.array(message).min(1).max(2000),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
  max_tokens: z.number().int().min(1).max(32_768).nullish(),
  max_completion_tokens: z.number().int().min(1).max(32_768).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  n: z.literal(1).nullish(),
  /** Ties requests to a stored session (one per user value and character). */
  user: z.string().min(1).max(200).nullish(),
  tools: z.array(z.unknown()).max(0, 'tools are not supported').nullish(),
});

export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

/** Header naming a session id of the caller, or a key like the `user` field. */
export const SESSION_HEADER = 'X-Starling-Session';
