/**
 * Relationship state by a cheap rule: lexical sentiment cues (English and Chinese) in what the person
 * says move affinity, trust and mood by small bounded steps, and all three drift back to neutral
 * with time. No model is involved, so it runs on every turn for free.
 */

export interface RelationshipValues {
  /** -1..1. */
  affinity: number;
  /** 0..1. */
  trust: number;
  mood: string;
}

export const NEUTRAL_RELATIONSHIP: Readonly<RelationshipValues> = {
  affinity: 0,
  trust: 0.3,
  mood: 'neutral',
};

const DAY = 86_400_000;
const AFFINITY_HALF_LIFE = 30 * DAY;
const TRUST_HALF_LIFE = 90 * DAY;
const MOOD_LIFETIME = DAY / 2;
const MAX_STEP = 0.05;

const POSITIVE =
  /\b(thanks?|thank you|love|loved|great|awesome|happy|glad|appreciate|wonderful|nice|amazing|kind|sweet|miss(ed)? you)\b|谢谢|多谢|喜欢|爱你|开心|高兴|太好了|真棒|好棒|感谢|想你/giu;
const NEGATIVE =
  /\b(hate|stupid|idiot|annoying|shut up|boring|awful|terrible|useless|worst|angry|mad)\b|讨厌|生气|烦死|滚|笨蛋|无聊|糟糕|闭嘴|恨/giu;
const SAD = /\b(sad|lonely|depressed|upset|cry|crying|miserable)\b|难过|伤心|孤独|哭|郁闷/giu;
const OPENING_UP =
  /\b(i feel|i'm afraid|i am afraid|my secret|honestly|to be honest|i've never told|i trust you)\b|我觉得|我害怕|秘密|说实话|告诉你|我相信你/giu;

function count(pattern: RegExp, text: string): number {
  return text.match(pattern)?.length ?? 0;
}

/** Sentiment cues in one message: valence in -1..1 plus sadness and openness counts. */
export function sentimentCues(text: string): { valence: number; sad: number; open: number; angry: number } {
  const positive = count(POSITIVE, text);
  const negative = count(NEGATIVE, text);
  const total = positive + negative;
  return {
    valence: total === 0 ? 0 : (positive - negative) / total,
    sad: count(SAD, text),
    open: count(OPENING_UP, text),
    angry: negative,
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** The state after `elapsedMs` without contact: values halve their distance to neutral per half-life. */
export function decayRelationship(state: RelationshipValues, elapsedMs: number): RelationshipValues {
  const elapsed = Math.max(0, elapsedMs);
  const towards = (value: number, neutral: number, halfLife: number): number =>
    neutral + (value - neutral) * 0.5 ** (elapsed / halfLife);
  return {
    affinity: towards(state.affinity, NEUTRAL_RELATIONSHIP.affinity, AFFINITY_HALF_LIFE),
    trust: towards(state.trust, NEUTRAL_RELATIONSHIP.trust, TRUST_HALF_LIFE),
    mood: elapsed >= MOOD_LIFETIME ? NEUTRAL_RELATIONSHIP.mood : state.mood,
  };
}

/** Applies one user message (after decay over `elapsedMs`); each value moves at most 0.05. */
export function updateRelationship(
  state: RelationshipValues,
  userText: string,
  elapsedMs: number,
): RelationshipValues {
  const decayed = decayRelationship(state, elapsedMs);
  const cues = sentimentCues(userText);
  const affinityStep = clamp(cues.valence * MAX_STEP, -MAX_STEP, MAX_STEP);
  const trustStep = clamp(0.02 * cues.open - (cues.valence < 0 ? 0.03 : 0), -MAX_STEP, MAX_STEP);
  let mood = decayed.mood;
  if (cues.sad > 0) mood = 'sad';
  else if (cues.valence <= -0.5) mood = cues.angry > 0 ? 'hurt' : 'sad';
  else if (cues.valence >= 0.5) mood = 'happy';
  return {
    affinity: clamp(decayed.affinity + affinityStep, -1, 1),
    trust: clamp(decayed.trust + trustStep, 0, 1),
    mood,
  };
}

/** The macro values `{{affinity}}`, `{{trust}}` (two decimals) and `{{mood}}`. */
export function relationshipVariables(values: RelationshipValues): Record<string, string> {
  return { affinity: values.affinity.toFixed(2), trust: values.trust.toFixed(2), mood: values.mood };
}
