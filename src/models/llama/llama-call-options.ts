/** Maps AI SDK V3 call options onto node-llama-cpp generation options. */
import type { JSONSchema7, LanguageModelV3CallOptions, SharedV3Warning } from '@ai-sdk/provider';
import type { ChatModelFunctions, GbnfJsonSchema, Llama, LlamaGrammar } from 'node-llama-cpp';
import { StarlingError } from '../../spec/errors.js';

export interface LlamaGenerationSettings {
  maxTokens: number | undefined;
  temperature: number | undefined;
  topP: number | undefined;
  topK: number | undefined;
  seed: number | undefined;
  customStopTriggers: string[] | undefined;
  repeatPenalty: { frequencyPenalty?: number; presencePenalty?: number } | undefined;
  grammar: LlamaGrammar | undefined;
  /** Function tools in node-llama-cpp's shape, rendered by the chat wrapper's function-call syntax. */
  functions: ChatModelFunctions | undefined;
  sessionKey: string | undefined;
}

/**
 * The call's function tools for node-llama-cpp. `toolChoice: none` offers none (the model must answer
 * in text); `required` and a named tool cannot be forced here and are reported as unsupported.
 */
function functionsFor(
  options: LanguageModelV3CallOptions,
  warnings: SharedV3Warning[],
): ChatModelFunctions | undefined {
  const tools = options.tools ?? [];
  if (tools.length === 0) {
    if (options.toolChoice !== undefined) warnings.push({ type: 'unsupported', feature: 'toolChoice' });
    return undefined;
  }
  if (options.responseFormat?.type === 'json') {
    warnings.push({
      type: 'unsupported',
      feature: 'tools',
      details: 'Tools cannot be combined with a JSON response format here.',
    });
    return undefined;
  }
  const choice = options.toolChoice?.type ?? 'auto';
  if (choice === 'required' || choice === 'tool') {
    warnings.push({
      type: 'unsupported',
      feature: `toolChoice ${choice}`,
      details: 'The model decides whether to call a tool.',
    });
  }
  if (choice === 'none') return undefined;
  const functions: Record<string, { description?: string; params?: GbnfJsonSchema }> = {};
  for (const tool of tools) {
    if (tool.type !== 'function') {
      warnings.push({ type: 'unsupported', feature: `provider tool ${tool.name}` });
      continue;
    }
    functions[tool.name] = {
      ...(tool.description === undefined ? {} : { description: tool.description }),
      // node-llama-cpp compiles the schema to a grammar for the call's parameters.
      params: grammarSchema(tool.inputSchema) as GbnfJsonSchema,
    };
  }
  return Object.keys(functions).length > 0 ? functions : undefined;
}

function readSessionKey(options: LanguageModelV3CallOptions): string | undefined {
  const key = options.providerOptions?.['starling']?.['sessionKey'];
  return typeof key === 'string' && key.length > 0 ? key : undefined;
}

async function grammarFor(llama: Llama, schema: JSONSchema7 | undefined): Promise<LlamaGrammar> {
  if (schema === undefined) return llama.getGrammarFor('json');
  try {
    // node-llama-cpp accepts the JSON-schema subset it can compile to GBNF and throws on the rest.
    const compile = llama.createGrammarForJsonSchema as (schema: GbnfJsonSchema) => Promise<LlamaGrammar>;
    return await compile.call(llama, schema as unknown as GbnfJsonSchema);
  } catch (error) {
    throw new StarlingError(
      'model_schema_unsupported',
      'The JSON schema in responseFormat uses features the embedded llama.cpp grammar cannot express; simplify the schema.',
      { cause: error },
    );
  }
}

/**
 * The schema in the dialect node-llama-cpp's grammar reads: `anyOf` (what zod writes for unions and
 * nullable values) becomes `oneOf`, its only union keyword; a JSON value matching one branch of a
 * union of disjoint branches matches exactly one.
 */
function grammarSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(grammarSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key === 'anyOf' ? 'oneOf' : key, grammarSchema(value)]),
  );
}

/** Resolves generation settings and warnings for options the embedded provider ignores. */
export async function resolveCallOptions(
  llama: Llama,
  options: LanguageModelV3CallOptions,
): Promise<{ settings: LlamaGenerationSettings; warnings: SharedV3Warning[] }> {
  const warnings: SharedV3Warning[] = [];
  const functions = functionsFor(options, warnings);
  const penalties =
    options.frequencyPenalty !== undefined || options.presencePenalty !== undefined
      ? { frequencyPenalty: options.frequencyPenalty, presencePenalty: options.presencePenalty }
      : undefined;
  const grammar =
    options.responseFormat?.type === 'json'
      ? await grammarFor(llama, options.responseFormat.schema)
      : undefined;
  return {
    warnings,
    settings: {
      maxTokens: options.maxOutputTokens,
      temperature: options.temperature,
      topP: options.topP,
      topK: options.topK,
      seed: options.seed,
      customStopTriggers: options.stopSequences?.length ? options.stopSequences : undefined,
      repeatPenalty: penalties,
      grammar,
      functions,
      sessionKey: readSessionKey(options),
    },
  };
}
