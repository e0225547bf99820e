/** Safety: moderation contract, policies, the built-in classifier, and the untrusted-text scan. */
export type * from './types.js';
export { CATEGORIES, isCategory } from './categories.js';
export { POLICIES, getPolicy, decide } from './policies.js';
export { createBuiltinModerator, loadBuiltinModerator, type BuiltinModeratorOptions } from './moderator.js';
export { scanUntrusted, manipulationScore } from './injection.js';
export { detectLanguage } from './features.js';
export { decodeWeights, loadBuiltinWeights } from './weights/load-weights.js';
export type { EncodedWeights, LoadedWeights } from './weights/weights-format.js';
