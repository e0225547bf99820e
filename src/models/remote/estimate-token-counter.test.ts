import { describe, expect, it } from 'vitest';
import { createEstimateTokenCounter, estimateTokens } from './estimate-token-counter.js';

describe('estimateTokens', () => {
  it('counts CJK characters one each and other words by four-character pieces', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('你好世界')).toBe(4);
    expect(estimateTokens('hello')).toBe(2);
    expect(estimateTokens('the cat sat')).toBe(3);
    expect(estimateTokens('Hello, 世界!')).toBe(2 + 1 + 2 + 1);
    expect(estimateTokens('12345')).toBe(2);
    expect(estimateTokens('こんにちは')).toBe(5);
  });

  it('is an estimate with a per-message overhead', () => {
    const counter = createEstimateTokenCounter();
    expect(counter.kind).toBe('estimate');
    expect(counter.messageOverhead).toBe(4);
    expect(counter.count('a b c')).toBe(3);
  });
});
