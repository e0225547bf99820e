/** OpenAI-compatible endpoints Starling knows by name. */

export interface RemotePreset {
  /** Default base URL; null when the config must give one. */
  baseUrl: string | null;
  /** Environment variable read for the API key when the config names none. */
  apiKeyEnv: string | null;
  /** Whether calls fail without a key (hosted services), so a missing key is reported up front. */
  requiresApiKey: boolean;
}

export const remotePresets: Readonly<Record<string, RemotePreset>> = {
  openai: { baseUrl: 'https://api.openai.com/v1', apiKeyEnv: 'OPENAI_API_KEY', requiresApiKey: true },
  dashscope: {
    baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    apiKeyEnv: 'DASHSCOPE_API_KEY',
    requiresApiKey: true,
  },
  ollama: { baseUrl: 'http://127.0.0.1:11434/v1', apiKeyEnv: null, requiresApiKey: false },
  vllm: { baseUrl: 'http://127.0.0.1:8000/v1', apiKeyEnv: null, requiresApiKey: false },
  'llama-server': { baseUrl: 'http://127.0.0.1:8080/v1', apiKeyEnv: null, requiresApiKey: false },
  custom: { baseUrl: null, apiKeyEnv: null, requiresApiKey: false },
};

/** Names of the remote presets, for help text and validation. */
export const remotePresetNames: readonly string[] = Object.keys(remotePresets);
