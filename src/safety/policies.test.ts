import { describe, expect, it } from 'vitest';
import { CATEGORIES } from './categories.js';
import { decide, getPolicy, POLICIES } from './policies.js';
import type { Category } from './types.js';

function scores(values: Partial<Record<Category, number>>): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((category) => [category, values[category] ?? 0])) as Record<
    Category,
    number
  >;
}

describe('policies', () => {
  it('research flags but never blocks', () => {
    const verdict = decide(scores({ crime_drugs: 0.99 }), POLICIES.research, 'input');
    expect(verdict.action).toBe('allow');
    expect(verdict.flagged).toEqual(['crime_drugs']);
  });

  it('teen is at least as strict as standard in every category', () => {
    for (const category of CATEGORIES) {
      expect(POLICIES.teen.thresholds[category].flag).toBeLessThanOrEqual(
        POLICIES.standard.thresholds[category].flag,
      );
      expect(POLICIES.teen.thresholds[category].block).toBeLessThanOrEqual(
        POLICIES.standard.thresholds[category].block,
      );
    }
    expect(decide(scores({ sexual: 0.6 }), POLICIES.teen, 'input').action).toBe('block');
    expect(decide(scores({ sexual: 0.6 }), POLICIES.standard, 'input').action).toBe('allow');
  });

  it('grades: uncertain input is allowed and flagged, uncertain output is revised', () => {
    expect(decide(scores({ violence_weapons: 0.6 }), POLICIES.standard, 'input')).toMatchObject({
      action: 'allow',
      flagged: ['violence_weapons'],
    });
    expect(decide(scores({ violence_weapons: 0.6 }), POLICIES.standard, 'output').action).toBe('revise');
    expect(decide(scores({ violence_weapons: 0.9 }), POLICIES.standard, 'input').action).toBe('block');
  });

  it('answers a confident self-harm disclosure with care (revise), not a refusal', () => {
    expect(decide(scores({ self_harm: 0.95 }), POLICIES.standard, 'input').action).toBe('revise');
    expect(decide(scores({ self_harm: 0.95 }), POLICIES.standard, 'output').action).toBe('block');
  });

  it('answers an uncertain self-harm score on input with care too, and only on input', () => {
    expect(decide(scores({ self_harm: 0.6 }), POLICIES.standard, 'input')).toMatchObject({
      action: 'revise',
      flagged: ['self_harm'],
    });
    expect(decide(scores({ self_harm: 0.6, crime_drugs: 0.6 }), POLICIES.standard, 'input').action).toBe(
      'revise',
    );
    expect(decide(scores({ self_harm: 0.3 }), POLICIES.standard, 'input').action).toBe('allow');
    expect(decide(scores({ self_harm: 0.6 }), POLICIES.research, 'input').action).toBe('allow');
    expect(decide(scores({ crime_drugs: 0.6 }), POLICIES.standard, 'input').action).toBe('allow');
  });

  it('thresholds are ordered and unknown policies are a stable error', () => {
    for (const policy of Object.values(POLICIES))
      for (const category of CATEGORIES)
        expect(policy.thresholds[category].flag).toBeLessThan(policy.thresholds[category].block);
    expect(() => getPolicy('lenient')).toThrow(expect.objectContaining({ code: 'unknown_policy' }));
  });
});
