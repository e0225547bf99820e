/**
 * Starling as a library: `createStarling()` opens a state folder and gives the chat service,
 * the store and model access; the feature modules are exported for embedding.
 */
export * from './spec/index.js';
export * from './engine/index.js';
export {
  importFile,
  exportCard,
  toV3Object,
  toV2Object,
  lorebookToV3Object,
  emptyCard,
} from './cards/index.js';
export { assemblePrompt, createPromptAssembler, expandMacros } from './prompt/index.js';
export { openStore, openSqliteStore } from './store/index.js';
export {
  loadLlamaModel,
  createRemoteModel,
  createEstimateTokenCounter,
  resolveModel,
  openModel,
  pullModel,
  createRemoteEmbedder,
  loadLlamaEmbedder,
  openEmbedder,
} from './models/index.js';
