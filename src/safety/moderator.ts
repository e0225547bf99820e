/**
 * The built-in moderator: precise rules, safe contexts and the trained n-gram model combined into
 * graded per-category scores, then a policy decision. No language model, well under 1 ms a message.
 */
import { CATEGORIES, zeroScores } from './categories.js';
import { normalizeText } from './features.js';
import { manipulationScore, scanUntrusted } from './injection.js';
import { createLinearModel, type LinearModel } from './linear-model.js';
import { decide, getPolicy } from './policies.js';
import { applyRules } from './rules.js';
import type { Category, ModerationVerdict, Moderator, Policy, ScreenContext } from './types.js';
import { loadBuiltinWeights } from './weights/load-weights.js';
import type { LoadedWeights } from './weights/weights-format.js';

/** Options for the built-in moderator. */
export interface BuiltinModeratorOptions {
  /** Decoded weights; `null` runs the rules alone (for tests and tiny deployments). */
  weights: LoadedWeights | null;
}

function modelScores(model: LinearModel | null, text: string): Record<Category, number> {
  const scores = zeroScores();
  if (model === null) return scores;
  const probabilities = model.score(text);
  const anyIndex = model.heads.indexOf('any');
  const harm = anyIndex >= 0 ? (probabilities[anyIndex] ?? 0) : 0;
  let top = 0;
  CATEGORIES.forEach((category, index) => {
    scores[category] = probabilities[index] ?? 0;
    if (category !== 'manipulation') top = Math.max(top, scores[category]);
  });
  // The `any` head generalises better than eleven small heads; it lifts the categories in
  // proportion to their own evidence, so the most likely category carries the harm score.
  if (top > 0) {
    for (const category of CATEGORIES) {
      if (category !== 'manipulation')
        scores[category] = Math.max(scores[category], (harm * scores[category]) / top);
    }
  }
  return scores;
}

/** Highest score the trained model reaches alone: below `standard` block thresholds. */
const MODEL_CEILING = 0.84;
/** A model-only `sexual_minors` score stays this far under the policy's block threshold when the text does not read as sexual. */
const MINORS_BELOW_BLOCK = 0.01;
/** The `sexual` score from which a text reads as sexual (standard's flag threshold), for the cap above. */
const SEXUAL_READING = 0.6;
/** A model-only `sexual_minors` score under this is capped under the block threshold even when the text reads as sexual: a borderline score on "my 12 year old son has been sneaking and watching movies" is noise. */
const MINORS_MODEL_BLOCK = 0.65;
/** A safe context lowers a rule's score at most this far (a protective question stays flagged). */
const RULE_DAMP_FLOOR = 0.7;

/** Texts under this many words (a Han character counts half) have their model scores shrunk. */
const SHORT_TEXT_WORDS = 8;

/** Very short texts carry too few n-grams to judge; their model scores are shrunk. */
function shortTextShrink(text: string): number {
  const words = (text.match(/[\p{L}\p{N}]+/gu) ?? []).reduce(
    (sum, token) => sum + (/\p{Script=Han}/u.test(token) ? token.length / 2 : 1),
    0,
  );
  return words >= SHORT_TEXT_WORDS ? 1 : 0.55 + (0.45 * words) / SHORT_TEXT_WORDS;
}

function resolvePolicy(policy: ScreenContext['policy']): Policy {
  return typeof policy === 'string' ? getPolicy(policy) : policy;
}

function stripName(text: string, name: string | undefined): string {
  if (name === undefined || name.trim() === '') return text;
  return text.split(name.toLowerCase()).join('character');
}

/** Creates the built-in moderator over the given weights (the moderator holds them; no global cache). */
export function createBuiltinModerator(options: BuiltinModeratorOptions): Moderator {
  const model = options.weights === null ? null : createLinearModel(options.weights);
  return {
    screen(text, context): ModerationVerdict {
      const policy = resolvePolicy(context.policy);
      const normalized = stripName(normalizeText(text), context.characterName);
      const findings = applyRules(normalized);
      const learned = modelScores(model, normalized);
      const manipulation = manipulationScore(normalized);
      const scores = zeroScores();
      const shrink = shortTextShrink(normalized);
      for (const category of CATEGORIES) {
        const damp = findings.damp[category];
        // The model cannot see intent, so alone it flags (and hands to the LLM guard) but never
        // reaches a standard block threshold; rules can. Safe contexts damp rules only mildly.
        const damped = Math.min(MODEL_CEILING, learned[category] * damp * shrink);
        const floor = findings.floors[category] * Math.max(damp, RULE_DAMP_FLOOR);
        scores[category] = Math.round(Math.max(floor, damped) * 1000) / 1000;
      }
      // Minors: the model alone may block only when it also reads the text as sexual and is
      // confident; otherwise it flags (and hands to the guard): "how do I get kids to love
      // reading" is not a block.
      if (
        findings.floors.sexual_minors < policy.thresholds.sexual_minors.block &&
        (scores.sexual < SEXUAL_READING || scores.sexual_minors < MINORS_MODEL_BLOCK)
      )
        scores.sexual_minors = Math.min(
          scores.sexual_minors,
          Math.round((policy.thresholds.sexual_minors.block - MINORS_BELOW_BLOCK) * 1000) / 1000,
        );
      const learnedManipulation =
        context.direction === 'output' ? learned.manipulation * 0.5 : learned.manipulation;
      scores.manipulation = Math.round(Math.max(manipulation.score, learnedManipulation) * 1000) / 1000;
      const { action, flagged } = decide(scores, policy, context.direction);
      const rules = [...findings.rules, ...manipulation.rules];
      return {
        action,
        flagged: flagged.length > 0,
        categories: flagged,
        scores,
        reason: explain(action, flagged, scores, rules, findings.contexts, policy),
      };
    },
    scanUntrusted,
  };
}

function explain(
  action: ModerationVerdict['action'],
  flagged: Category[],
  scores: Record<Category, number>,
  rules: string[],
  contexts: string[],
  policy: Policy,
): string {
  const safe = contexts.length > 0 ? `; benign context: ${contexts.join(', ')}` : '';
  if (flagged.length === 0) return `${action}: no category reached its ${policy.name} flag threshold${safe}`;
  const top = flagged.map((category) => `${category} ${scores[category].toFixed(2)}`).join(', ');
  const matched = rules.length > 0 ? `; rules: ${rules.join(', ')}` : '; model only';
  return `${action} under ${policy.name}: ${top}${matched}${safe}`;
}

/** Loads the shipped weights and creates the built-in moderator. */
export async function loadBuiltinModerator(): Promise<Moderator> {
  return createBuiltinModerator({ weights: await loadBuiltinWeights() });
}
