/** Opens a model config as a chat model handle: embedded llama.cpp or a remote endpoint. */
import type { ChatModelHandle } from '../spec/model.js';
import type { ModelConfigRecord } from '../spec/store.js';
import { loadLlamaModel } from './llama/load-llama-model.js';
import { createRemoteModel, type RemoteModelOptions } from './remote/create-remote-model.js';

export interface OpenModelOptions extends RemoteModelOptions {
  /** CPU threads for embedded models. */
  threads?: number;
  /** Sessions whose KV cache an embedded model keeps at once. */
  sessions?: number;
}

function numberOption(config: ModelConfigRecord, key: string): number | undefined {
  const value = config.options[key];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Dispatches on `config.provider`: `llama` loads the GGUF, anything else is a remote preset. */
export async function openModel(
  config: ModelConfigRecord,
  options: OpenModelOptions = {},
): Promise<ChatModelHandle> {
  if (config.provider === 'llama') {
    return loadLlamaModel({
      modelPath: config.model,
      name: config.name,
      contextSize: config.contextSize ?? undefined,
      threads: options.threads ?? numberOption(config, 'threads'),
      sessions: options.sessions ?? numberOption(config, 'sessions'),
    });
  }
  return createRemoteModel(config, options);
}
