/** One non-streaming call to a LanguageModelV3, reduced to its text; shared by the guard and reviser. */
import type { JSONSchema7, LanguageModelV3 } from '@ai-sdk/provider';

/** A system + user call; `schema` asks for JSON constrained by that schema. */
export interface ModelCall {
  system: string;
  user: string;
  schema?: JSONSchema7;
  schemaName?: string;
  maxOutputTokens?: number;
  timeoutMs?: number;
}

/** Calls the model and returns its text parts joined; throws what the model throws. */
export async function callModel(model: LanguageModelV3, call: ModelCall): Promise<string> {
  const result = await model.doGenerate({
    prompt: [
      { role: 'system', content: call.system },
      { role: 'user', content: [{ type: 'text', text: call.user }] },
    ],
    temperature: 0,
    maxOutputTokens: call.maxOutputTokens ?? 512,
    abortSignal: AbortSignal.timeout(call.timeoutMs ?? 15_000),
    ...(call.schema === undefined
      ? {}
      : { responseFormat: { type: 'json' as const, schema: call.schema, name: call.schemaName } }),
  });
  return result.content
    .filter((part) => part.type === 'text')
    .map((part) => part.text)
    .join('');
}

/** Parses model JSON leniently about wrapping (code fences, prose around one object); null if none. */
export function parseJsonObject(text: string): unknown {
  const unfenced = text.replace(/^\s*```(?:json)?\s*/i, '').replace(/\s*```\s*$/, '');
  for (const candidate of [unfenced, unfenced.slice(unfenced.indexOf('{'), unfenced.lastIndexOf('}') + 1)]) {
    if (candidate.trim() === '') continue;
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // try the next candidate
    }
  }
  return null;
}
