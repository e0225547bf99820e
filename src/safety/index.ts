/** Safety: moderation contract, policies, the built-in classifier, and the untrusted-text scan. */
export type * from './types.js';
export { CATEGORIES, isCategory } from './categories.js';
export { POLICIES, getPolicy, decide } from './policies.js';
export { createBuiltinModerator, loadBuiltinModerator, type BuiltinModeratorOptions } from './moderator.js';
export { scanUntrusted, manipulationScore } from './injection.js';
export { screenInConversation, PREVIOUS_TURN_CHARS } from './split-turns.js';
export { detectLanguage } from './features.js';
export { decodeWeights, loadBuiltinWeights } from './weights/load-weights.js';
export type { EncodedWeights, LoadedWeights } from './weights/weights-format.js';
export {
  createSentenceBuffer,
  screenStream,
  DEFAULT_MAX_BUFFER,
  type SentenceBuffer,
  type StreamScreenEvent,
  type StreamScreenOptions,
  type StreamScreenResult,
} from './stream-screen.js';
export {
  createLlmGuard,
  screenWithGuard,
  isUncertain,
  guardSystemPrompt,
  GUARD_VERDICT_SCHEMA,
  type GuardContext,
  type GuardVerdict,
  type GuardedVerdict,
  type LlmGuard,
  type LlmGuardOptions,
} from './llm-guard.js';
export {
  createReviser,
  fallbackReply,
  type Reviser,
  type ReviserOptions,
  type ReviseInput,
  type ReviseResult,
  type ReviseRound,
} from './revise.js';
export {
  PRINCIPLES,
  HELP_RESOURCES,
  principlesText,
  type Principle,
  type PrincipleId,
} from './principles.js';
