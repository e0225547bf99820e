import { describe, expect, it } from 'vitest';
import { lexicalOverlap, matchForget, planFactMerge, type ExistingFact } from './fact-merge.js';

const fact = (text: string, subject: string, cited: string[], importance = 0.4) => ({
  text,
  subject,
  importance,
  confidence: 0.8,
  citedMessageIds: cited,
});

describe('fact merge planning', () => {
  const existing: ExistingFact[] = [{ id: 'f1', ...fact('The user lives in Lisbon.', 'user.city', ['m1']) }];

  it('merges duplicates (also in Chinese), supersedes contradictions, adds the rest', () => {
    expect(lexicalOverlap('用户住在里斯本', '用户现在住在里斯本')).toBeGreaterThan(0.6);
    expect(
      planFactMerge(existing, [fact('The user lives in Lisbon now.', 'User.City', ['m2'], 0.6)]),
    ).toEqual([
      { type: 'merge', id: 'f1', fact: fact('The user lives in Lisbon.', 'user.city', ['m1', 'm2'], 0.6) },
    ]);
    expect(planFactMerge(existing, [fact('The user moved to Porto.', 'user.city', ['m3'])])).toEqual([
      { type: 'supersede', ids: ['f1'], fact: fact('The user moved to Porto.', 'user.city', ['m3']) },
    ]);
    expect(planFactMerge(existing, [fact('The user likes tea.', 'user.drink', ['m3'])])).toMatchObject([
      { type: 'add' },
    ]);
    // Nothing new: no action.
    expect(planFactMerge(existing, [fact('The user lives in Lisbon.', 'user.city', ['m1'])])).toEqual([]);
  });

  it('resolves several facts on one subject within a batch to one write', () => {
    const actions = planFactMerge(existing, [
      fact('The user moved to Porto.', 'user.city', ['m3']),
      fact('The user moved to Madrid.', 'user.city', ['m4']),
    ]);
    expect(actions).toEqual([
      { type: 'supersede', ids: ['f1'], fact: fact('The user moved to Madrid.', 'user.city', ['m4']) },
    ]);
  });

  it('matches forget requests by subject or by most of their words, not loosely', () => {
    expect(matchForget(existing, 'user.city')).toEqual(['f1']);
    expect(matchForget(existing, 'where I live in Lisbon')).toEqual([]);
    expect(matchForget(existing, 'lives in Lisbon')).toEqual(['f1']);
    expect(matchForget(existing, 'Porto')).toEqual([]);
  });
});
