/**
 * Live token estimates in the editor. The rule is the server's own estimate for remote models
 * (src/models/remote/estimate-token-counter.ts, imported so the two never disagree): one token per
 * CJK character, per ~4 letters, per ~3 digits and per symbol; spaces are free. Exact counts for the
 * chosen model are in the prompt inspector.
 */
export { estimateTokens } from '../../../src/models/remote/estimate-token-counter.js';
