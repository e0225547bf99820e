/**
 * Where history is cut when it does not fit. Cut points lie on a grid fixed by the oldest messages
 * (every `step` tokens counted from the start of the chat), so appending messages never moves them:
 * the cut stays put turn after turn and then jumps a whole step at once, which keeps the prompt's
 * prefix, and the inference engine's KV cache, valid for many turns.
 */

export interface HistoryWindowInput {
  /** Tokens of each message (content + overhead), oldest first. */
  tokens: readonly number[];
  /** Tokens the kept messages may use. */
  available: number;
  /** Grid spacing in tokens: how much is dropped at once. */
  step: number;
  /** The cut used last turn, when known: kept while it still fits and wastes at most a step. */
  previousCut?: number;
}

/** Returns the index of the first kept message (tokens.length when none fit). */
export function chooseHistoryCut(input: HistoryWindowInput): number {
  const { tokens, available } = input;
  const step = Math.max(1, Math.floor(input.step));
  const suffix = new Array<number>(tokens.length + 1).fill(0);
  for (let index = tokens.length - 1; index >= 0; index--) {
    suffix[index] = (suffix[index + 1] ?? 0) + (tokens[index] ?? 0);
  }
  const suffixAt = (index: number): number => suffix[index] ?? 0;
  const cut = suffixAt(0) <= available ? 0 : gridCut(tokens, suffixAt, available, step);
  const previous = input.previousCut;
  if (previous === undefined || previous === cut || previous >= tokens.length) return cut;
  if (suffixAt(previous) > available) return cut;
  // Last turn's cut still fits: keeping it keeps the prefix, unless that wastes over a step of room.
  return previous < cut || suffixAt(cut) - suffixAt(previous) <= step ? previous : cut;
}

function gridCut(
  tokens: readonly number[],
  suffixAt: (index: number) => number,
  available: number,
  step: number,
): number {
  let prefix = 0;
  let nextGridMark = step;
  for (let index = 0; index < tokens.length; index++) {
    if (index > 0 && prefix >= nextGridMark) {
      if (suffixAt(index) <= available) return index;
      nextGridMark = (Math.floor(prefix / step) + 1) * step;
    }
    prefix += tokens[index] ?? 0;
  }
  // Nothing on the grid fits (a few huge messages): keep as many of the newest as fit.
  let cut = tokens.length;
  while (cut > 0 && suffixAt(cut - 1) <= available) cut -= 1;
  return cut;
}
