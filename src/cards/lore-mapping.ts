/**
 * The numeric codes SillyTavern uses for lorebook positions, roles and secondary-key logic, and the
 * entry-extension keys it stores them under inside a card's `character_book`. Import reads these
 * into typed fields; export writes them back, so SillyTavern sees the same values again.
 */
import type { LorePosition, LoreRole, SelectiveLogic } from '../spec/lorebook.js';

/** SillyTavern position codes: 2 and 3 (around the author's note) have no Starling equivalent. */
const positionByCode: readonly (LorePosition | undefined)[] = [
  'before_char',
  'after_char',
  undefined,
  undefined,
  'at_depth',
  'before_examples',
  'after_examples',
];

/** The author's-note positions: nearest Starling place is in the history at the entry's depth. */
export const AUTHOR_NOTE_POSITIONS: ReadonlySet<number> = new Set([2, 3]);

export interface MappedPosition {
  position: LorePosition;
  /** True when the code had no exact Starling equivalent (the author's-note positions). */
  approximated: boolean;
}

/** Maps a SillyTavern position code; undefined for an unknown code. */
export function positionFromCode(code: number): MappedPosition | undefined {
  if (AUTHOR_NOTE_POSITIONS.has(code)) return { position: 'at_depth', approximated: true };
  const position = Number.isInteger(code) ? positionByCode[code] : undefined;
  return position === undefined ? undefined : { position, approximated: false };
}

/** The SillyTavern code for a Starling position. */
export function positionToCode(position: LorePosition): number {
  return positionByCode.indexOf(position);
}

const lorePositions: ReadonlySet<string> = new Set(positionByCode.filter((p) => p !== undefined));

/** Reads a position written as a name (`before_char`, or Starling's own names). */
export function positionFromName(name: string): LorePosition | undefined {
  return lorePositions.has(name) ? (name as LorePosition) : undefined;
}

const roles: readonly LoreRole[] = ['system', 'user', 'assistant'];

/** Maps SillyTavern's role code (0 system, 1 user, 2 assistant) or a role name. */
export function roleFrom(value: number | string): LoreRole | undefined {
  if (typeof value === 'number') return roles[value];
  return roles.find((role) => role === value);
}

/** The SillyTavern code for a role. */
export function roleToCode(role: LoreRole): number {
  return roles.indexOf(role);
}

const logics: readonly SelectiveLogic[] = ['and_any', 'not_all', 'not_any', 'and_all'];

/** Maps SillyTavern's selectiveLogic (0 AND ANY, 1 NOT ALL, 2 NOT ANY, 3 AND ALL) or a logic name. */
export function selectiveLogicFrom(value: number | string): SelectiveLogic | undefined {
  if (typeof value === 'number') return logics[value];
  return logics.find((logic) => logic === value);
}

/** The SillyTavern code for a selective logic. */
export function selectiveLogicToCode(logic: SelectiveLogic): number {
  return logics.indexOf(logic);
}

/** Entry-extension keys that import turns into typed fields (and export writes back). */
export const TYPED_ENTRY_EXTENSION_KEYS: ReadonlySet<string> = new Set([
  'position',
  'depth',
  'role',
  'probability',
  'useProbability',
  'selectiveLogic',
  'scan_depth',
  'match_whole_words',
  'case_sensitive',
  'exclude_recursion',
  'prevent_recursion',
]);

/**
 * World-info field names and the names SillyTavern gives the same fields inside a card's
 * `character_book` entry extensions; world-info extras are stored under the latter so an entry's
 * extensions look the same whichever file it came from.
 */
export const WORLD_INFO_EXTENSION_NAMES: Readonly<Record<string, string>> = Object.freeze({
  displayIndex: 'display_index',
  groupOverride: 'group_override',
  groupWeight: 'group_weight',
  delayUntilRecursion: 'delay_until_recursion',
  useGroupScoring: 'use_group_scoring',
  automationId: 'automation_id',
});
