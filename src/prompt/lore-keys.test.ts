import { describe, expect, it } from 'vitest';
import { compileKey, createScanText } from './lore-keys.js';
import { findRegexHazard } from './regex-safety.js';

const defaults = { useRegex: false, caseSensitive: false, matchWholeWords: true };

function matches(key: string, text: string, options: Partial<typeof defaults> = {}): boolean {
  const result = compileKey(key, { ...defaults, ...options });
  if (!result || !result.ok) throw new Error(`key ${key} did not compile`);
  return result.key.test(createScanText(text));
}

describe('plain keys', () => {
  it('match whole words in Latin scripts', () => {
    expect(matches('cat', 'Look, a Cat!')).toBe(true);
    expect(matches('cat', 'concatenate the lists')).toBe(false);
    expect(matches('cat', "the cat's toy")).toBe(true);
    expect(matches('Siege of Valdren', 'after the siege of valdren ended')).toBe(true);
    expect(matches('Siege of Valdren', 'the siege of valdrenmar')).toBe(false);
  });

  it('match substrings when whole-word matching is off', () => {
    expect(matches('cat', 'concatenate', { matchWholeWords: false })).toBe(true);
  });

  it('match CJK keys as substrings', () => {
    expect(matches('长安', '我想去长安看看')).toBe(true);
    expect(matches('洛阳', '我想去长安看看')).toBe(false);
    expect(matches('東京', '明日は東京へ行きます')).toBe(true);
  });

  it('treat CJK next to Latin as a word boundary', () => {
    expect(matches('cat', '我的cat很可爱')).toBe(true);
  });

  it('honour case sensitivity', () => {
    expect(matches('Rose', 'a rose bush', { caseSensitive: true })).toBe(false);
    expect(matches('Rose', 'Rose smiled', { caseSensitive: true })).toBe(true);
  });

  it('ignore empty keys', () => {
    expect(compileKey('   ', defaults)).toBeUndefined();
  });
});

describe('regex keys', () => {
  it('accept /pattern/flags keys without useRegex', () => {
    expect(matches('/dragons?/i', 'Here be DRAGONS')).toBe(true);
    expect(matches('/^hello/', 'say hello')).toBe(false);
  });

  it('treat every key as a pattern with useRegex, case-insensitive by default', () => {
    expect(matches('colou?r', 'What COLOR is it?', { useRegex: true })).toBe(true);
    expect(matches('colou?r', 'What COLOR is it?', { useRegex: true, caseSensitive: true })).toBe(false);
  });

  it('match Chinese patterns', () => {
    expect(matches('/长安|洛阳/', '他们从洛阳出发')).toBe(true);
  });

  it('refuse catastrophic patterns quickly and say why', () => {
    const result = compileKey('/(a+)+$/', defaults);
    expect(result?.ok).toBe(false);
    if (result && !result.ok) expect(result.reason).toBe('nested quantifier');
    const started = performance.now();
    const hostile = createScanText(`${'a'.repeat(50_000)}b`);
    const safe = compileKey('/a+b/', defaults);
    if (safe?.ok) safe.key.test(hostile);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('findRegexHazard', () => {
  it.each([
    ['(a+)+$', 'nested quantifier'],
    ['(\\w*)*x', 'nested quantifier'],
    ['((ab)+)+', 'nested quantifier'],
    ['(a{2,})+', 'nested quantifier'],
    ['(a|aa)+$', 'repeated alternation'],
    ['(\\w)\\1', 'backreference'],
    ['(?<x>a)\\k<x>', 'backreference'],
    ['x'.repeat(400), 'pattern longer than 300 characters'],
  ])('refuses %s', (pattern, reason) => {
    expect(findRegexHazard(pattern)).toBe(reason);
  });

  it.each(['dragons?', '\\b(sword|blade)s?\\b', '[a+]+', 'a+b*c?', '(?:ab)+', '\\(a+\\)+', '(cat|dog) food'])(
    'accepts %s',
    (pattern) => {
      expect(findRegexHazard(pattern)).toBeUndefined();
    },
  );
});
