/** Embedders: an OpenAI-compatible `/embeddings` endpoint, or a GGUF embedding model via llama.cpp. */
export { createRemoteEmbedder, type RemoteEmbedderOptions } from './remote-embedder.js';
export { loadLlamaEmbedder, type LlamaEmbedderOptions } from './llama-embedder.js';
export { openEmbedder, type OpenEmbedderOptions } from './open-embedder.js';
