/**
 * Reads one `data:` payload of an OpenAI-compatible chat stream. A cheap shape check replaces a
 * schema validation per chunk: only the fields Starling uses are read, each checked for its type,
 * and anything unexpected is reported as a result, never thrown.
 */

/** Token counts as OpenAI-compatible servers report them. */
export interface ChatUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number } | null;
  completion_tokens_details?: { reasoning_tokens?: number } | null;
}

/** One fragment of a streamed tool call (OpenAI format): the first for an index carries id and name. */
export interface ToolCallDelta {
  index: number;
  id: string | null;
  name: string | null;
  /** A fragment of the JSON arguments text (empty when the chunk has none). */
  arguments: string;
}

export type ChatChunk =
  | {
      type: 'chunk';
      id: string | null;
      model: string | null;
      /** Seconds since the epoch, as sent. */
      created: number | null;
      content: string;
      reasoning: string;
      toolCalls: ToolCallDelta[];
      finishReason: string | null;
      usage: ChatUsage | null;
    }
  | { type: 'error'; message: string; raw: unknown }
  | { type: 'invalid'; message: string; raw: string };

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const stringOr = <T>(value: unknown, fallback: T): string | T =>
  typeof value === 'string' ? value : fallback;

/** Parses and checks one chunk; `[DONE]` is the caller's business. */
export function readChatChunk(data: string): ChatChunk {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { type: 'invalid', message: 'a stream event is not valid JSON', raw: data };
  }
  if (!isObject(value)) return { type: 'invalid', message: 'a stream event is not a JSON object', raw: data };
  if (value['error'] !== undefined && value['error'] !== null) {
    const error = value['error'];
    const message = isObject(error) ? stringOr(error['message'], null) : stringOr(error, null);
    return { type: 'error', message: message ?? 'the model server sent an error', raw: error };
  }
  const choices = value['choices'];
  if (choices !== undefined && choices !== null && !Array.isArray(choices)) {
    return { type: 'invalid', message: 'a stream chunk has non-array choices', raw: data };
  }
  const choice: unknown = Array.isArray(choices) ? choices[0] : undefined;
  let content = '';
  let reasoning = '';
  let toolCalls: ToolCallDelta[] = [];
  let finishReason: string | null = null;
  if (choice !== undefined) {
    if (!isObject(choice)) return { type: 'invalid', message: 'a stream choice is not an object', raw: data };
    const delta = choice['delta'];
    if (isObject(delta)) {
      content = stringOr(delta['content'], '');
      reasoning = stringOr(delta['reasoning_content'], stringOr(delta['reasoning'], ''));
      const calls = delta['tool_calls'];
      if (calls !== undefined && calls !== null) {
        const read = readToolCalls(calls);
        if (read === null)
          return { type: 'invalid', message: 'a stream chunk has malformed tool_calls', raw: data };
        toolCalls = read;
      }
    }
    finishReason = stringOr(choice['finish_reason'], null);
  }
  const usage = value['usage'];
  const created = value['created'];
  return {
    type: 'chunk',
    id: stringOr(value['id'], null),
    model: stringOr(value['model'], null),
    created: typeof created === 'number' ? created : null,
    content,
    reasoning,
    toolCalls,
    finishReason,
    usage: isObject(usage) ? readUsage(usage) : null,
  };
}

/** Tool-call fragments, or null when their shape is wrong. Arguments sent as an object are re-serialized. */
function readToolCalls(value: unknown): ToolCallDelta[] | null {
  if (!Array.isArray(value)) return null;
  const calls: ToolCallDelta[] = [];
  for (const [position, item] of value.entries()) {
    if (!isObject(item)) return null;
    const index = item['index'] ?? position;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) return null;
    const fn = item['function'];
    if (fn !== undefined && fn !== null && !isObject(fn)) return null;
    const args = isObject(fn) ? fn['arguments'] : undefined;
    calls.push({
      index,
      id: stringOr(item['id'], null),
      name: isObject(fn) ? stringOr(fn['name'], null) : null,
      arguments: typeof args === 'string' ? args : isObject(args) ? JSON.stringify(args) : '',
    });
  }
  return calls;
}

function readUsage(usage: Loose): ChatUsage {
  const count = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
  const prompt = usage['prompt_tokens_details'];
  const completion = usage['completion_tokens_details'];
  return {
    prompt_tokens: count(usage['prompt_tokens']),
    completion_tokens: count(usage['completion_tokens']),
    prompt_tokens_details: isObject(prompt) ? { cached_tokens: count(prompt['cached_tokens']) } : null,
    completion_tokens_details: isObject(completion)
      ? { reasoning_tokens: count(completion['reasoning_tokens']) }
      : null,
  };
}
