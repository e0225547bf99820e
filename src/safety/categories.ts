/** The category ids, in a fixed order shared by the rules, the trained model and its weights. */
import type { Category } from './types.js';

/** Every category, in weight-file order. */
export const CATEGORIES: readonly Category[] = [
  'violence_weapons',
  'self_harm',
  'sexual',
  'sexual_minors',
  'hate_harassment',
  'crime_drugs',
  'cybercrime',
  'extremism',
  'privacy',
  'dangerous_advice',
  'manipulation',
];

/** True when `value` is a category id. */
export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** A score of 0 for every category. */
export function zeroScores(): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<Category, number>;
}
