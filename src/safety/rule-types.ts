/** Shapes of the hand-written rules (data in rules-en.ts, rules-zh.ts, safe-contexts.ts). */
import type { Category } from './types.js';

/** A precise, intent-aware pattern: when it matches, the category scores at least `score`. */
export interface HarmRule {
  id: string;
  category: Category;
  score: number;
  pattern: RegExp;
  /** Readings that make a match harmless ("talk to my kids about sex"); when it matches, the rule does not fire. */
  unless?: RegExp;
  /** A cheap test every match passes ("my" for rules about a person one knows): skips the pattern. */
  requires?: RegExp;
}

/** A benign context ("kill a process", "in the game", a history question): damps the model's scores. */
export interface SafeContext {
  id: string;
  /** Multiplier applied to the trained model's score of these categories (not to rule scores). */
  damp: Partial<Record<Category, number>>;
  pattern: RegExp;
  /** Signs of intent to harm someone that cancel the context ("how to safely poison…"). */
  unless?: RegExp;
}

/**
 * Builds a rule over normalised, lowercased text. No `i` flag: `iu` together is several times
 * slower, and the text is lowercased already.
 */
export function harmRule(
  id: string,
  category: Category,
  score: number,
  source: string,
  unless?: string,
): HarmRule {
  const rule: HarmRule = { id, category, score, pattern: new RegExp(source, 'u') };
  if (unless !== undefined) rule.unless = new RegExp(unless, 'u');
  return rule;
}
