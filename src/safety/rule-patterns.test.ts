import { describe, expect, it } from 'vitest';
import { ALL_RULES } from './rules.js';
import { SAFE_CONTEXTS } from './safe-contexts.js';

// Rules and safe contexts run over lowercased text without the `i` flag, so an upper-case
// letter in a pattern is an alternative that can never match ("K粉" missed every message).
const patterns = [...ALL_RULES, ...SAFE_CONTEXTS].flatMap((entry) => {
  const unless = 'unless' in entry && entry.unless ? [[`${entry.id} (unless)`, entry.unless] as const] : [];
  return [[entry.id, entry.pattern] as const, ...unless];
});

describe('rule patterns', () => {
  it.each(patterns)('%s has no upper-case letter outside escapes', (_id, pattern) => {
    const literal = pattern.source.replace(/\\[pPu]\{[^}]*\}|\\./g, '');
    expect(literal).not.toMatch(/[A-Z]/);
  });
});
