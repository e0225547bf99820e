/** Maps AI SDK V3 call options onto node-llama-cpp generation options. */
import type { JSONSchema7, LanguageModelV3CallOptions, SharedV3Warning } from '@ai-sdk/provider';
import type { GbnfJsonSchema, Llama, LlamaGrammar } from 'node-llama-cpp';
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
  sessionKey: string | undefined;
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

/** Resolves generation settings and warnings for options the embedded provider ignores. */
export async function resolveCallOptions(
  llama: Llama,
  options: LanguageModelV3CallOptions,
): Promise<{ settings: LlamaGenerationSettings; warnings: SharedV3Warning[] }> {
  const warnings: SharedV3Warning[] = [];
  if (options.tools !== undefined && options.tools.length > 0) {
    warnings.push({
      type: 'unsupported',
      feature: 'tools',
      details: 'The embedded provider does not call tools.',
    });
  }
  if (options.toolChoice !== undefined && options.tools === undefined) {
    warnings.push({ type: 'unsupported', feature: 'toolChoice' });
  }
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
      sessionKey: readSessionKey(options),
    },
  };
}
