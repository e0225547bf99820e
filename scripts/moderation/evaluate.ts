/** Evaluation tables for a moderator: per-category precision/recall and flagged shares per set. */
import { CATEGORIES } from '../../src/safety/categories.js';
import type { Moderator, PolicyName } from '../../src/safety/types.js';
import type { LabeledText } from './corpora.js';

/** Precision and recall of one category. */
export interface CategoryFigures {
  category: string;
  positives: number;
  precision: number;
  recall: number;
}

/** Flagged and blocked shares of one named set. */
export interface SetFigures {
  set: string;
  count: number;
  flagged: number;
  blocked: number;
}

/** Per-category precision/recall over labelled examples (harmful texts without a category are skipped). */
export function categoryFigures(
  moderator: Moderator,
  examples: LabeledText[],
  policy: PolicyName = 'standard',
): CategoryFigures[] {
  const verdicts = examples.map(
    (example) =>
      moderator.screen(example.text, { direction: example.direction, policy }).categories as string[],
  );
  return CATEGORIES.map((category) => {
    let truePositives = 0;
    let falsePositives = 0;
    let positives = 0;
    examples.forEach((example, index) => {
      const known = example.labels.length > 0 || !example.harmful;
      if (!known) return;
      const truth = example.labels.includes(category);
      const predicted = verdicts[index]?.includes(category) ?? false;
      if (truth) positives += 1;
      if (truth && predicted) truePositives += 1;
      if (!truth && predicted) falsePositives += 1;
    });
    const flagged = truePositives + falsePositives;
    return {
      category,
      positives,
      precision: flagged > 0 ? truePositives / flagged : 0,
      recall: positives > 0 ? truePositives / positives : 0,
    };
  });
}

/** Share flagged and blocked in each named set. */
export function setFigures(
  moderator: Moderator,
  sets: Record<string, LabeledText[]>,
  policy: PolicyName = 'standard',
): SetFigures[] {
  return Object.entries(sets)
    .filter(([, examples]) => examples.length > 0)
    .map(([set, examples]) => {
      let flagged = 0;
      let blocked = 0;
      for (const example of examples) {
        const verdict = moderator.screen(example.text, { direction: example.direction, policy });
        if (verdict.flagged) flagged += 1;
        if (verdict.action === 'block') blocked += 1;
      }
      return {
        set,
        count: examples.length,
        flagged: flagged / examples.length,
        blocked: blocked / examples.length,
      };
    });
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);

/** Renders both tables as plain text. */
export function formatTables(categories: CategoryFigures[], sets: SetFigures[]): string {
  const lines = [`${'category'.padEnd(18)}${'n'.padStart(6)}  precision   recall`];
  for (const row of categories) {
    lines.push(
      `${row.category.padEnd(18)}${String(row.positives).padStart(6)}  ${percent(row.precision)}  ${percent(row.recall)}`,
    );
  }
  lines.push('', `${'set'.padEnd(44)}${'n'.padStart(6)}  flagged  blocked`);
  for (const row of sets)
    lines.push(
      `${row.set.padEnd(44)}${String(row.count).padStart(6)}  ${percent(row.flagged)}  ${percent(row.blocked)}`,
    );
  return lines.join('\n');
}
