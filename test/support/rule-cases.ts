/**
 * The table every rule test file checks, over the rules alone (no trained model): messages a rule
 * must flag with its category, and look-alikes on the same topics that must pass unflagged.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createBuiltinModerator } from '../../src/safety/moderator.js';
import type { Category, Moderator } from '../../src/safety/types.js';

const input = { direction: 'input', policy: 'standard' } as const;

/** Declares one `describe` with a flag case per `[text, category]` and a pass case per look-alike. */
export function describeRuleCases(
  name: string,
  flags: readonly (readonly [string, Category])[],
  lookAlikes: readonly string[],
): void {
  describe(name, () => {
    let rulesOnly: Moderator;
    beforeAll(() => {
      rulesOnly = createBuiltinModerator({ weights: null });
    });

    it.each(flags)('flags %s as %s', (text, category) => {
      const verdict = rulesOnly.screen(text, input);
      expect(verdict.flagged, verdict.reason).toBe(true);
      expect(verdict.categories).toContain(category);
    });

    it.each(lookAlikes)('leaves %s alone', (text) => {
      const verdict = rulesOnly.screen(text, input);
      expect(verdict.flagged, verdict.reason).toBe(false);
    });
  });
}
