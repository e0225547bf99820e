/** Applies the harm rules and safe contexts to one text. */
import { zeroScores } from './categories.js';
import { EN_RULES } from './rules-en.js';
import { CONDUCT_RULES } from './rules-conduct.js';
import { EN_SOCIAL_RULES } from './rules-en-social.js';
import { PLAN_RULES } from './rules-plans.js';
import { ZH_RULES } from './rules-zh.js';
import { SAFE_CONTEXTS } from './safe-contexts.js';
import type { Category } from './types.js';

/** What the rules say about a text: floor scores per category, damping factors, rule ids. */
export interface RuleFindings {
  floors: Record<Category, number>;
  damp: Record<Category, number>;
  rules: string[];
  contexts: string[];
}

/** Every harm rule, in the order they are applied. */
export const ALL_RULES = [...EN_RULES, ...EN_SOCIAL_RULES, ...CONDUCT_RULES, ...PLAN_RULES, ...ZH_RULES];

/** Runs every rule and safe context over the text (already NFKC-normalised and lowercased). */
export function applyRules(text: string): RuleFindings {
  const floors = zeroScores();
  const damp = zeroScores();
  for (const key of Object.keys(damp) as Category[]) damp[key] = 1;
  const rules: string[] = [];
  const contexts: string[] = [];
  for (const rule of ALL_RULES) {
    if (!rule.pattern.test(text) || rule.unless?.test(text) === true) continue;
    floors[rule.category] = Math.max(floors[rule.category], rule.score);
    rules.push(rule.id);
  }
  for (const context of SAFE_CONTEXTS) {
    if (!context.pattern.test(text)) continue;
    contexts.push(context.id);
    for (const [category, factor] of Object.entries(context.damp) as [Category, number][]) {
      damp[category] = Math.min(damp[category], factor);
    }
  }
  return { floors, damp, rules, contexts };
}
