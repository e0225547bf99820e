/**
 * Token estimate for remote models, whose tokenizer Starling does not have. The rule:
 * - each CJK ideograph, kana or Hangul syllable: 1 token;
 * - each run of other letters: ceil(length / 4) tokens (a word piece is ~4 characters);
 * - each run of digits: ceil(length / 3) tokens;
 * - each other non-space character (punctuation, symbols, emoji): 1 token; whitespace: 0;
 * - each message adds 4 tokens of template overhead (role markers and separators).
 * It errs slightly high for English and close for Chinese with modern BPE vocabularies.
 */
import type { TokenCounter } from '../../spec/tokens.js';

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const pieces =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{M}]+|\p{N}+|\S/gu;

/** Estimated tokens of `text` by the rule above. */
export function estimateTokens(text: string): number {
  let tokens = 0;
  for (const [piece] of text.matchAll(pieces)) {
    if (cjk.test(piece)) tokens += 1;
    else if (/^[\p{L}\p{M}]+$/u.test(piece)) tokens += Math.ceil(piece.length / 4);
    else if (/^\p{N}+$/u.test(piece)) tokens += Math.ceil(piece.length / 3);
    else tokens += 1;
  }
  return tokens;
}

/** The estimating counter used for every remote model. */
export function createEstimateTokenCounter(): TokenCounter {
  return { count: estimateTokens, messageOverhead: 4, kind: 'estimate' };
}
