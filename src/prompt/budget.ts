/** Budget decisions: the required-parts check, and how much history and how many examples fit. */
import { StarlingError } from '../spec/index.js';
import type { PromptSection } from '../spec/index.js';
import { chooseHistoryCut } from './history-window.js';
import type { LoreAnchor } from './lore-anchoring.js';

/** Throws `prompt_too_large` when the required parts alone exceed the budget. */
export function assertRequiredFits(
  required: number,
  budget: number,
  sections: Partial<Record<PromptSection | 'new_message', number>>,
): void {
  if (required <= budget) return;
  const [biggest, size] = Object.entries(sections).reduce<[string, number]>(
    (best, [name, tokens]) => ((tokens ?? 0) > best[1] ? [name, tokens ?? 0] : best),
    ['none', 0],
  );
  throw new StarlingError(
    'prompt_too_large',
    `The prompt's required parts need ${required} tokens but the budget is ${budget}: ${required - budget} tokens over. ` +
      `The biggest section is ${biggest} (${size} tokens); shorten it or use a model with a larger context.`,
    { details: { required, budget, over: required - budget, biggestSection: biggest, sections } },
  );
}

/** What the previous turn of the same chat decided; keeps the prefix steady. */
export interface WindowState {
  /** Id of the first kept history message, when history was cut. */
  cutMessageId: string | null;
  droppedExamples: number;
  /** Lore blocks anchored in history (setting `anchorLore`). */
  anchors?: LoreAnchor[];
}

export interface FitInput {
  /** Tokens of each older history message (content + overhead), oldest first. */
  historyTokens: readonly number[];
  historyIds: readonly string[];
  /** Tokens of each example block, including its separator. */
  exampleTokens: readonly number[];
  available: number;
  step: number;
  previous: WindowState | undefined;
}

export interface FitResult {
  cut: number;
  keptExamples: number;
  state: WindowState;
}

/**
 * Examples go first (dropped from the last block), then history is cut on its grid. Both decisions
 * hold across turns: examples once dropped stay dropped, and a cut stays while it fits.
 */
export function fitHistoryAndExamples(input: FitInput): FitResult {
  const { historyTokens, exampleTokens, available, previous } = input;
  const fullHistory = historyTokens.reduce((sum, tokens) => sum + tokens, 0);
  const previousIndex = previous?.cutMessageId ? input.historyIds.indexOf(previous.cutMessageId) : -1;
  let keptExamples = exampleTokens.length - Math.min(exampleTokens.length, previous?.droppedExamples ?? 0);
  if (previousIndex > 0) keptExamples = 0;
  const examplesCost = (count: number): number =>
    exampleTokens.slice(0, count).reduce((sum, n) => sum + n, 0);
  while (keptExamples > 0 && fullHistory + examplesCost(keptExamples) > available) keptExamples -= 1;

  let cut = 0;
  if (keptExamples === 0) {
    cut = chooseHistoryCut({
      tokens: historyTokens,
      available,
      step: input.step,
      ...(previousIndex > 0 ? { previousCut: previousIndex } : {}),
    });
  }
  return {
    cut,
    keptExamples,
    state: {
      cutMessageId: cut > 0 ? (input.historyIds[cut] ?? null) : null,
      droppedExamples: exampleTokens.length - keptExamples,
    },
  };
}
