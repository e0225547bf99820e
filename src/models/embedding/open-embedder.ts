/**
 * Opens a model config as an embedder: `llama` loads the GGUF with an embedding context, any other
 * provider is an OpenAI-compatible `/embeddings` endpoint (base URL and API key as for chat models).
 * Options read from the config: `dimensions`, `batchSize`, `timeoutMs` (remote), `threads`,
 * `contextSize` (GGUF).
 */
import type { Embedder } from '../../spec/embedder.js';
import { StarlingError } from '../../spec/errors.js';
import type { ModelConfigRecord } from '../../spec/store.js';
import { remotePresetNames, remotePresets } from '../remote/presets.js';
import { loadLlamaEmbedder } from './llama-embedder.js';
import { createRemoteEmbedder } from './remote-embedder.js';

export interface OpenEmbedderOptions {
  /** Where API-key variables are read; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Injected fetch (tests, proxies). */
  fetch?: typeof fetch;
}

function numberOption(config: ModelConfigRecord, key: string): number | undefined {
  const value = config.options[key];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Dispatches on `config.provider`. The API key is read from the environment, never stored. */
export async function openEmbedder(
  config: ModelConfigRecord,
  options: OpenEmbedderOptions = {},
): Promise<Embedder> {
  if (config.provider === 'llama') {
    return loadLlamaEmbedder({
      modelPath: config.model,
      name: config.name,
      threads: numberOption(config, 'threads'),
      contextSize: config.contextSize ?? numberOption(config, 'contextSize'),
    });
  }
  const preset = remotePresets[config.provider];
  if (preset === undefined) {
    throw new StarlingError(
      'model_provider_unknown',
      `Embedding model "${config.name}" has provider "${config.provider}"; expected llama or one of: ${remotePresetNames.join(', ')}.`,
      { details: { model: config.name, provider: config.provider } },
    );
  }
  const baseUrl = config.baseUrl ?? preset.baseUrl;
  if (baseUrl === null) {
    throw new StarlingError(
      'model_config_invalid',
      `Embedding model "${config.name}" uses provider "custom" and needs a base URL (--base-url).`,
      { details: { model: config.name } },
    );
  }
  const env = options.env ?? process.env;
  const variable = config.apiKeyEnv ?? preset.apiKeyEnv;
  const apiKey = variable === null ? undefined : env[variable] || undefined;
  if (apiKey === undefined && preset.requiresApiKey) {
    throw new StarlingError(
      'model_api_key_missing',
      `Embedding model "${config.name}" (${config.provider}) needs an API key: set the environment variable ${variable ?? 'named by --api-key-env'}.`,
      { details: { model: config.name, apiKeyEnv: variable } },
    );
  }
  return createRemoteEmbedder({
    name: config.name,
    baseUrl,
    model: config.model,
    apiKey,
    dimensions: numberOption(config, 'dimensions'),
    batchSize: numberOption(config, 'batchSize'),
    timeoutMs: numberOption(config, 'timeoutMs'),
    fetch: options.fetch,
  });
}
