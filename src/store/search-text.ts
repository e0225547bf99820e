/**
 * Case-insensitive matching that works beyond ASCII. SQLite's lower() and LIKE fold only ASCII, so
 * the store keeps JavaScript-lowercased copies of searchable text and lowercases queries the same way.
 */
import type { CharacterCard } from '../spec/character.js';

/** The lowercased form used for names, tags and search text. */
export function foldCase(text: string): string {
  return text.toLowerCase();
}

/** The text a character list search runs over: name, nickname, tags and creator. */
export function characterSearchText(card: CharacterCard): string {
  // Newline-separated so a query cannot match across the end of one field and the start of another.
  return foldCase([card.name, card.nickname, ...card.tags, card.creator].join('\n'));
}

/** A LIKE pattern (with `ESCAPE '\'`) matching any text that contains `query`, case-insensitively. */
export function containsPattern(query: string): string {
  return `%${foldCase(query).replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
