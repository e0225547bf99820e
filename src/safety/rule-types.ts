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
 * The highest score a broad rule may give, per category: at the `standard` flag level, under its
 * block level. Rules written from the shapes of requests (rules-plans, rules-schemes,
 * rules-zh-schemes) catch more wording and so also more harmless lines ("grooming tips for my two
 * dogs", "best spots for shooting the sunset"): they flag and hand to review or the guard, and only
 * the precise rules block. Self-harm is not capped: any flag there already means care, not refusal.
 */
const FLAG_LEVEL: Partial<Record<Category, number>> = {
  violence_weapons: 0.75,
  sexual: 0.75,
  sexual_minors: 0.45,
  hate_harassment: 0.75,
  crime_drugs: 0.75,
  cybercrime: 0.75,
  extremism: 0.75,
  privacy: 0.75,
  dangerous_advice: 0.75,
};

/** A rule whose score is held at flag level (see FLAG_LEVEL); same arguments as `harmRule`. */
export function flagRule(...args: Parameters<typeof harmRule>): HarmRule {
  const built = harmRule(...args);
  return { ...built, score: Math.min(built.score, FLAG_LEVEL[built.category] ?? built.score) };
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
