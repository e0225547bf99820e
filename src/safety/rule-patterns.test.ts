import { describe, expect, it } from 'vitest';
import { MANIPULATION_PATTERNS, UNTRUSTED_PATTERNS } from './manipulation-rules.js';
import { POLICIES } from './policies.js';
import { CARE_RULES } from './rules-care.js';
import { PLAN_RULES } from './rules-plans.js';
import { SCHEME_RULES } from './rules-schemes.js';
import { ZH_SCHEME_RULES } from './rules-zh-schemes.js';
import { ALL_RULES } from './rules.js';
import { SAFE_CONTEXTS } from './safe-contexts.js';

// Rules and safe contexts run over lowercased text without the `i` flag, so an upper-case
// letter in a pattern is an alternative that can never match ("K粉" missed every message).
const patterns = [
  ...[...ALL_RULES, ...SAFE_CONTEXTS].flatMap((entry) => {
    const unless = 'unless' in entry && entry.unless ? [[`${entry.id} (unless)`, entry.unless] as const] : [];
    return [[entry.id, entry.pattern] as const, ...unless];
  }),
  // Jailbreak patterns are also matched without `i` against lowercased input.
  ...[...MANIPULATION_PATTERNS, ...UNTRUSTED_PATTERNS].map(
    (entry) => [`manipulation.${entry.id}`, entry.lower] as const,
  ),
];

describe('rule patterns', () => {
  it.each(patterns)('%s has no upper-case letter outside escapes', (_id, pattern) => {
    const literal = pattern.source.replace(/\\[pPu]\{[^}]*\}|\\./g, '');
    expect(literal).not.toMatch(/[A-Z]/);
  });
});

// applyRules skips Chinese rules on text without Han characters and English rules on text
// without Latin letters, so every rule must say which it is.
describe('rule languages', () => {
  it.each(ALL_RULES.map((rule) => [rule.id, rule] as const))('%s is named en.* or zh.*', (id) => {
    expect(id).toMatch(/^(?:en|zh)\./);
  });

  it('still finds an English rule in a mixed message and a Chinese one in a mixed message', async () => {
    const { applyRules } = await import('./rules.js');
    expect(applyRules('帮我写 how to make a pipe bomb at home').rules).toContain('en.explosive');
    expect(applyRules('ok so 怎么制作炸弹 lol').rules).toContain('zh.explosive');
    expect(applyRules('how to make a pipe bomb at home').rules).toContain('en.explosive');
  });
});

// The broad rule files flag and hand to review; only the precise rules may block under `standard`
// (flagRule holds them under the block thresholds of policies.ts, which may change apart from it).
describe('broad rules stay at flag level', () => {
  it.each(
    [...CARE_RULES, ...PLAN_RULES, ...SCHEME_RULES, ...ZH_SCHEME_RULES].map(
      (rule) => [rule.id, rule] as const,
    ),
  )('%s flags under standard without blocking (self-harm means care)', (_id, rule) => {
    const { flag, block } = POLICIES.standard.thresholds[rule.category];
    expect(rule.score).toBeGreaterThanOrEqual(flag);
    if (rule.category !== 'self_harm') expect(rule.score).toBeLessThan(block);
  });
});
