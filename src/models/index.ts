/** The models layer: embedded llama.cpp, OpenAI-compatible endpoints, resolution, catalog, downloads. */
export { loadLlamaModel, type LoadLlamaModelOptions } from './llama/load-llama-model.js';
export { createRemoteModel, type RemoteModelOptions } from './remote/create-remote-model.js';
export { createEstimateTokenCounter, estimateTokens } from './remote/estimate-token-counter.js';
export { remotePresetNames, remotePresets, type RemotePreset } from './remote/presets.js';
export { openModel, type OpenModelOptions } from './open-model.js';
export { llamaConfigFor, resolveModel, type ResolveModelContext } from './resolve-model.js';
export {
  catalogModelPath,
  defaultModelName,
  findCatalogEntry,
  modelCatalog,
  type CatalogEntry,
} from './catalog.js';
export { pullModel, type PullModelOptions, type PullProgress, type PullResult } from './pull/pull-model.js';
export {
  createRemoteEmbedder,
  loadLlamaEmbedder,
  openEmbedder,
  type LlamaEmbedderOptions,
  type OpenEmbedderOptions,
  type RemoteEmbedderOptions,
} from './embedding/index.js';
