import { describe, expect, it } from 'vitest';
import { EN_RULES } from './rules-en.js';
import { EN_SOCIAL_RULES } from './rules-en-social.js';
import { ZH_RULES } from './rules-zh.js';
import { SAFE_CONTEXTS } from './safe-contexts.js';

// Rules and safe contexts run over lowercased text without the `i` flag, so an upper-case
// letter in a pattern is an alternative that can never match ("K粉" missed every message).
const patterns = [...EN_RULES, ...EN_SOCIAL_RULES, ...ZH_RULES, ...SAFE_CONTEXTS].flatMap((entry) => {
  const unless = 'unless' in entry && entry.unless ? [[`${entry.id} (unless)`, entry.unless] as const] : [];
  return [[entry.id, entry.pattern] as const, ...unless];
});

describe('rule patterns', () => {
  it.each(patterns)('%s has no upper-case letter outside escapes', (_id, pattern) => {
    const literal = pattern.source.replace(/\\[pPu]\{[^}]*\}|\\./g, '');
    expect(literal).not.toMatch(/[A-Z]/);
  });
});
