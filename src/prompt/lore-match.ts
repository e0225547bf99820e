/** Decides whether one prepared entry matches the scan text, and says why. */
import type { CompiledKey, ScanText } from './lore-keys.js';
import type { PreparedEntry } from './lore-entry.js';

/**
 * Returns the activation reason, or undefined when the entry does not fire. `lore` is the text of
 * entries activated so far (recursion steps only); `segments` name where that text came from.
 */
export function matchEntry(
  prepared: PreparedEntry,
  history: ScanText,
  lore: ScanText | undefined,
  segments: readonly { name: string; scan: ScanText }[],
): string | undefined {
  if (prepared.constant) return 'constant';
  if (prepared.forced) return 'decorator @@activate';
  const scans = lore ? [history, lore] : [history];
  let matched = prepared.primary.find((key) => key.test(history));
  let viaLore = false;
  if (!matched && lore) {
    matched = prepared.primary.find((key) => key.test(lore));
    viaLore = matched !== undefined;
  }
  if (!matched) return undefined;
  if (!secondaryAllows(prepared, scans)) return undefined;
  if (prepared.additional.length > 0 && !prepared.additional.some((key) => inAny(key, scans)))
    return undefined;
  if (prepared.exclude.some((key) => inAny(key, scans))) return undefined;
  if (!viaLore) return matched.label;
  const key = matched;
  const source = segments.find((segment) => key.test(segment.scan));
  return `recursion via ${source?.name ?? 'activated lore'}`;
}

function secondaryAllows(prepared: PreparedEntry, scans: ScanText[]): boolean {
  const keys = prepared.secondary;
  if (prepared.selectiveLogic === null || keys.length === 0) return true;
  switch (prepared.selectiveLogic) {
    case 'and_any':
      return keys.some((key) => inAny(key, scans));
    case 'and_all':
      return keys.every((key) => inAny(key, scans));
    case 'not_any':
      return !keys.some((key) => inAny(key, scans));
    case 'not_all':
      return !keys.every((key) => inAny(key, scans));
  }
}

function inAny(key: CompiledKey, scans: ScanText[]): boolean {
  return scans.some((scan) => key.test(scan));
}
