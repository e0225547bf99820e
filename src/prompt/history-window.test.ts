import { describe, expect, it } from 'vitest';
import { chooseHistoryCut } from './history-window.js';

describe('chooseHistoryCut', () => {
  const tokens = Array.from({ length: 20 }, () => 10);

  it('keeps everything that fits', () => {
    expect(chooseHistoryCut({ tokens, available: 200, step: 50 })).toBe(0);
  });

  it('cuts on the grid, a whole step at once', () => {
    // 201 tokens over by 1 would need one message; the grid drops 50 tokens (5 messages).
    expect(chooseHistoryCut({ tokens, available: 199, step: 50 })).toBe(5);
    expect(chooseHistoryCut({ tokens, available: 150, step: 50 })).toBe(5);
    expect(chooseHistoryCut({ tokens, available: 149, step: 50 })).toBe(10);
  });

  it('keeps the cut as messages are appended until it overflows', () => {
    const cuts: number[] = [];
    for (let length = 20; length <= 40; length += 2) {
      cuts.push(chooseHistoryCut({ tokens: Array.from({ length }, () => 10), available: 199, step: 50 }));
    }
    expect(cuts).toEqual([5, 5, 5, 10, 10, 15, 15, 15, 20, 20, 25]);
  });

  it('keeps last turn’s cut when more room appears, unless it wastes over a step', () => {
    expect(chooseHistoryCut({ tokens, available: 170, step: 50, previousCut: 10 })).toBe(10);
    expect(chooseHistoryCut({ tokens, available: 200, step: 50, previousCut: 10 })).toBe(0);
    expect(chooseHistoryCut({ tokens, available: 200, step: 50, previousCut: 4 })).toBe(4);
    expect(chooseHistoryCut({ tokens, available: 90, step: 50, previousCut: 10 })).toBe(15);
  });

  it('falls back to the newest messages when huge ones break the grid', () => {
    expect(chooseHistoryCut({ tokens: [500, 500, 10, 10], available: 25, step: 50 })).toBe(2);
    expect(chooseHistoryCut({ tokens: [5, 500], available: 100, step: 50 })).toBe(2);
  });
});
