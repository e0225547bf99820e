/** Memory: retrieval over conversation turns, summaries and facts (summaries and facts plug in later). */
export type { MemoryIndex, MemoryItem, MemoryKind, MemoryQuery, Retriever, ScoredItem } from './types.js';
export { messageIdsOf } from './types.js';
export { createMemoryIndex } from './memory-index.js';
export { DEFAULT_MEMORY_INDEX_OPTIONS, type FeedbackOptions, type MemoryIndexOptions } from './options.js';
export { createFusedRetriever, reciprocalRankFusion, RRF_CONSTANT } from './fusion.js';
export { createIndexRetriever } from './index-retriever.js';
export { createVectorIndex, normalizeVector, type VectorIndex } from './vector-index.js';
export { fuseRankings, hybridSearch, HYBRID_DEPTH, type PriorOptions } from './vector-fusion.js';
export { evaluateConversations, type EvalReport } from './eval/evaluate.js';
export { evaluateAnswers, type AnswerFigures } from './eval/answer.js';
export {
  evaluateConversationsWithEmbedder,
  type HybridEvalOptions,
  type HybridEvalReport,
  type HybridFigures,
} from './eval/hybrid.js';
export { readLocomoFile, type LocomoConversation } from './eval/locomo-file.js';
