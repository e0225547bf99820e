/** Shapes of the hand-written rules (data in rules-en.ts, rules-zh.ts, safe-contexts.ts). */
import type { Category } from './types.js';

/** A precise, intent-aware pattern: when it matches, the category scores at least `score`. */
export interface HarmRule {
  id: string;
  category: Category;
  score: number;
  pattern: RegExp;
}

/** A benign context ("kill a process", "in the game", a history question): damps the model's scores. */
export interface SafeContext {
  id: string;
  /** Multiplier applied to the trained model's score of these categories (not to rule scores). */
  damp: Partial<Record<Category, number>>;
  pattern: RegExp;
}
