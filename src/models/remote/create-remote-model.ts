/** A chat model served over an OpenAI-compatible HTTP API (OpenAI, DashScope, Ollama, vLLM …). */
import http from 'node:http';
import https from 'node:https';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { StarlingError } from '../../spec/errors.js';
import type { ChatModelHandle } from '../../spec/model.js';
import type { ModelConfigRecord } from '../../spec/store.js';
import { createEstimateTokenCounter } from './estimate-token-counter.js';
import { createLeanChatModel } from './lean-chat-model.js';
import { createFetchTransport, createNodeTransport } from './post-event-stream.js';
import { remotePresetNames, remotePresets } from './presets.js';

export interface RemoteModelOptions {
  /** Injected fetch (tests, proxies). */
  fetch?: typeof fetch;
  /** The API key itself; otherwise read from `config.apiKeyEnv` or the preset's variable. */
  apiKey?: string;
  /** Where API-key variables are read; default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** Context assumed when a remote config does not say. */
const defaultRemoteContext = 8192;

function readApiKey(
  config: ModelConfigRecord,
  options: RemoteModelOptions,
): { key: string | undefined; variable: string | null } {
  const env = options.env ?? process.env;
  const variable = config.apiKeyEnv ?? remotePresets[config.provider]?.apiKeyEnv ?? null;
  if (options.apiKey !== undefined) return { key: options.apiKey, variable };
  const value = variable === null ? undefined : env[variable];
  return { key: value === undefined || value === '' ? undefined : value, variable };
}

/** Creates the handle for a remote config. The API key is never logged or put in errors. */
export function createRemoteModel(
  config: ModelConfigRecord,
  options: RemoteModelOptions = {},
): ChatModelHandle {
  const preset = remotePresets[config.provider];
  if (preset === undefined) {
    throw new StarlingError(
      'model_provider_unknown',
      `Model "${config.name}" has provider "${config.provider}"; expected llama or one of: ${remotePresetNames.join(', ')}.`,
      { details: { model: config.name, provider: config.provider } },
    );
  }
  const baseUrl = config.baseUrl ?? preset.baseUrl;
  if (baseUrl === null) {
    throw new StarlingError(
      'model_config_invalid',
      `Model "${config.name}" uses provider "custom" and needs a base URL (--base-url).`,
      {
        details: { model: config.name },
      },
    );
  }
  const { key, variable } = readApiKey(config, options);
  if (key === undefined && preset.requiresApiKey) {
    throw new StarlingError(
      'model_api_key_missing',
      `Model "${config.name}" (${config.provider}) needs an API key: set the environment variable ${variable ?? 'named by --api-key-env'}.`,
      { details: { model: config.name, apiKeyEnv: variable } },
    );
  }
  const baseURL = baseUrl.replace(/\/+$/, '');
  const provider = createOpenAICompatible({
    name: config.provider,
    baseURL,
    apiKey: key,
    fetch: options.fetch,
    includeUsage: true,
  });
  // Streams take the lean path (docs/decisions/0010-streaming-performance.md); the agents keep
  // backend connections alive across turns and are closed by dispose().
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  const model = createLeanChatModel({
    fallback: provider.chatModel(config.model),
    baseUrl: baseURL,
    headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
    transport: options.fetch ? createFetchTransport(options.fetch) : createNodeTransport(agents),
  });
  return {
    name: config.name,
    model,
    tokenCounter: createEstimateTokenCounter(),
    contextSize: config.contextSize ?? defaultRemoteContext,
    toolCalls: true,
    async dispose() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
