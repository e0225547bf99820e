/** Writes Starling lorebooks back as V3 `character_book` / `lorebook_v3` objects. */
import type { Lorebook, LorebookEntry } from '../spec/lorebook.js';
import { get } from './fields.js';
import { AUTHOR_NOTE_POSITIONS, positionToCode, roleToCode, selectiveLogicToCode } from './lore-mapping.js';

/** The position code to write: an author's-note code kept from import survives while still at depth. */
function positionCode(entry: LorebookEntry): number {
  const kept = get(entry.extensions, 'position');
  if (entry.position === 'at_depth' && typeof kept === 'number' && AUTHOR_NOTE_POSITIONS.has(kept))
    return kept;
  return positionToCode(entry.position);
}

/** One entry as the card spec writes it, with SillyTavern's settings in its extensions. */
export function entryToObject(entry: LorebookEntry): Record<string, unknown> {
  const extensions = Object.fromEntries([
    ...Object.entries(entry.extensions),
    ['position', positionCode(entry)],
    ['depth', entry.depth],
    ['role', roleToCode(entry.role)],
    ['probability', entry.probability],
    ['useProbability', entry.useProbability],
    ['selectiveLogic', selectiveLogicToCode(entry.selectiveLogic)],
    ['scan_depth', entry.scanDepth],
    ['match_whole_words', entry.matchWholeWords],
    ['case_sensitive', entry.caseSensitive],
    ['exclude_recursion', entry.excludeRecursion],
    ['prevent_recursion', entry.preventRecursion],
  ]);
  return {
    id: entry.id,
    keys: [...entry.keys],
    secondary_keys: [...entry.secondaryKeys],
    comment: entry.name,
    name: entry.name,
    content: entry.content,
    constant: entry.constant,
    selective: entry.selective,
    insertion_order: entry.insertionOrder,
    priority: entry.priority,
    enabled: entry.enabled,
    // The spec knows only these two; the exact place is in extensions.position.
    position: entry.position === 'before_char' ? 'before_char' : 'after_char',
    use_regex: entry.useRegex,
    ...(entry.caseSensitive === null ? {} : { case_sensitive: entry.caseSensitive }),
    extensions,
  };
}

/** A lorebook as the `character_book` object of a V2/V3 card. */
export function bookToObject(book: Lorebook): Record<string, unknown> {
  return {
    name: book.name,
    description: book.description,
    ...(book.scanDepth === null ? {} : { scan_depth: book.scanDepth }),
    ...(book.tokenBudget === null ? {} : { token_budget: book.tokenBudget }),
    recursive_scanning: book.recursiveScanning,
    extensions: { ...book.extensions },
    entries: book.entries.map(entryToObject),
  };
}

/** A standalone lorebook as a `lorebook_v3` document. */
export function lorebookToV3Object(book: Lorebook): { spec: 'lorebook_v3'; data: Record<string, unknown> } {
  return { spec: 'lorebook_v3', data: bookToObject(book) };
}
