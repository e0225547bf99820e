/** Applies the harm rules and safe contexts to one text. */
import { zeroScores } from './categories.js';
import { CARE_RULES } from './rules-care.js';
import { EN_RULES } from './rules-en.js';
import { CONDUCT_RULES } from './rules-conduct.js';
import { EN_SOCIAL_RULES } from './rules-en-social.js';
import { PLAN_RULES } from './rules-plans.js';
import { SCHEME_RULES } from './rules-schemes.js';
import { ZH_RULES } from './rules-zh.js';
import { ZH_SCHEME_RULES } from './rules-zh-schemes.js';
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
export const ALL_RULES = [
  ...EN_RULES,
  ...EN_SOCIAL_RULES,
  ...CONDUCT_RULES,
  ...CARE_RULES,
  ...PLAN_RULES,
  ...SCHEME_RULES,
  ...ZH_RULES,
  ...ZH_SCHEME_RULES,
];

const HAN = /\p{Script=Han}/u;
const LATIN = /[a-z]/;
const ZH_ONLY = ALL_RULES.filter((rule) => rule.id.startsWith('zh.'));
const EN_ONLY = ALL_RULES.filter((rule) => rule.id.startsWith('en.'));

/** Runs every rule and safe context over the text (already NFKC-normalised and lowercased). */
export function applyRules(text: string): RuleFindings {
  const floors = zeroScores();
  const damp = zeroScores();
  for (const key of Object.keys(damp) as Category[]) damp[key] = 1;
  const rules: string[] = [];
  const contexts: string[] = [];
  // A Chinese rule needs Han characters to match and an English one Latin letters (checked over
  // every text of the training and evaluation sets), so a text in one script skips the other's.
  const han = HAN.test(text);
  const latin = LATIN.test(text);
  const candidates = han && latin ? ALL_RULES : han ? ZH_ONLY : latin ? EN_ONLY : [];
  for (const rule of candidates) {
    if (rule.requires?.test(text) === false) continue;
    if (!rule.pattern.test(text) || rule.unless?.test(text) === true) continue;
    floors[rule.category] = Math.max(floors[rule.category], rule.score);
    rules.push(rule.id);
  }
  for (const context of SAFE_CONTEXTS) {
    if (!context.pattern.test(text) || context.unless?.test(text) === true) continue;
    contexts.push(context.id);
    for (const [category, factor] of Object.entries(context.damp) as [Category, number][]) {
      damp[category] = Math.min(damp[category], factor);
    }
  }
  return { floors, damp, rules, contexts };
}
