import { describe, expect, it } from 'vitest';
import {
  decayRelationship,
  NEUTRAL_RELATIONSHIP,
  relationshipVariables,
  sentimentCues,
  updateRelationship,
} from './relationship.js';

describe('relationship rule', () => {
  it('reads sentiment cues in English and Chinese', () => {
    expect(sentimentCues('Thank you, I love this!').valence).toBe(1);
    expect(sentimentCues('You are so stupid and annoying').valence).toBe(-1);
    expect(sentimentCues('谢谢你，我很开心').valence).toBe(1);
    expect(sentimentCues('我讨厌你').valence).toBe(-1);
    expect(sentimentCues('The weather is mild.').valence).toBe(0);
    expect(sentimentCues('我今天很难过').sad).toBe(1);
  });

  it('moves by bounded steps and sets the mood', () => {
    const warmer = updateRelationship(NEUTRAL_RELATIONSHIP, 'thanks, you are wonderful, love it', 0);
    expect(warmer.affinity).toBeCloseTo(0.05);
    expect(warmer.mood).toBe('happy');
    const colder = updateRelationship(warmer, 'shut up, I hate this', 0);
    expect(colder.affinity).toBeCloseTo(0);
    expect(colder.trust).toBeLessThan(warmer.trust);
    expect(colder.mood).toBe('hurt');
    const open = updateRelationship(NEUTRAL_RELATIONSHIP, 'To be honest, I feel lost', 0);
    expect(open.trust).toBeGreaterThan(NEUTRAL_RELATIONSHIP.trust);
    let state = NEUTRAL_RELATIONSHIP;
    for (let turn = 0; turn < 100; turn++) state = updateRelationship(state, 'love you, thanks!', 0);
    expect(state.affinity).toBeLessThanOrEqual(1);
  });

  it('decays towards neutral with time', () => {
    const state = { affinity: 0.8, trust: 0.9, mood: 'happy' };
    const month = decayRelationship(state, 30 * 86_400_000);
    expect(month.affinity).toBeCloseTo(0.4);
    expect(month.mood).toBe('neutral');
    expect(decayRelationship(state, 60_000).mood).toBe('happy');
    expect(relationshipVariables(month)).toMatchObject({ affinity: '0.40', mood: 'neutral' });
  });
});
