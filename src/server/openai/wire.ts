/**
 * OpenAI's wire shapes for chat completions and models, built from Starling's turn results. Only the
 * fields clients read are produced; Starling extras travel in headers, not in these bodies.
 */
import type { TurnFinishReason } from '../../engine/index.js';
import type { CharacterSummary } from '../../spec/store.js';

export interface OpenAIUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface OpenAIModel {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  /** Starling extras: the character's name and the slug that also selects it. */
  name: string;
  slug: string;
}

/** OpenAI's finish reasons; an aborted turn ends like a stopped one. */
export function openAIFinishReason(reason: TurnFinishReason): 'stop' | 'length' | 'content_filter' {
  if (reason === 'length') return 'length';
  if (reason === 'content-filter') return 'content_filter';
  return 'stop';
}

/** The usage block from prompt and completion token counts. */
export function usageOf(promptTokens: number, completionTokens: number): OpenAIUsage {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}

/** Lowercase name with runs of other characters turned into single dashes: "Lin the Tea-Keeper" -> "lin-the-tea-keeper". */
export function slugOf(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** One character as an OpenAI model entry. */
export function modelEntry(character: CharacterSummary, ownerName: string): OpenAIModel {
  return {
    id: character.id,
    object: 'model',
    created: Math.floor(character.updatedAt / 1000),
    owned_by: ownerName,
    name: character.name,
    slug: slugOf(character.name),
  };
}

/** A `chat.completion` body. */
export function completionBody(input: {
  id: string;
  model: string;
  created: number;
  text: string;
  finishReason: TurnFinishReason;
  usage: OpenAIUsage;
}) {
  return {
    id: input.id,
    object: 'chat.completion' as const,
    created: input.created,
    model: input.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant' as const, content: input.text, refusal: null },
        logprobs: null,
        finish_reason: openAIFinishReason(input.finishReason),
      },
    ],
    usage: input.usage,
  };
}

/** A `chat.completion.chunk` body; `choices` is empty on the final usage chunk. */
export function chunkBody(
  base: { id: string; model: string; created: number },
  choice: { delta: { role?: 'assistant'; content?: string }; finishReason: TurnFinishReason | null } | null,
  usage?: OpenAIUsage | null,
) {
  return {
    id: base.id,
    object: 'chat.completion.chunk' as const,
    created: base.created,
    model: base.model,
    choices:
      choice === null
        ? []
        : [
            {
              index: 0,
              delta: choice.delta,
              logprobs: null,
              finish_reason: choice.finishReason === null ? null : openAIFinishReason(choice.finishReason),
            },
          ],
    ...(usage === undefined ? {} : { usage }),
  };
}

/**
 * Serializes a content chunk by hand, once per delta: the same JSON as
 * `chunkBody(base, {delta: {content} or {role: 'assistant', content}, finishReason: null})`.
 */
export function contentChunkSerializer(base: {
  id: string;
  model: string;
  created: number;
}): (text: string, first: boolean) => string {
  const head = `{"id":${JSON.stringify(base.id)},"object":"chat.completion.chunk","created":${JSON.stringify(base.created)},"model":${JSON.stringify(base.model)},"choices":[{"index":0,"delta":{`;
  const tail = '},"logprobs":null,"finish_reason":null}]}';
  return (text, first) =>
    `${head}${first ? '"role":"assistant",' : ''}"content":${JSON.stringify(text)}${tail}`;
}
