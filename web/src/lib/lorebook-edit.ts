/**
 * Pure helpers for the lorebook editor: new entries with the server's defaults, the book as it is
 * sent, and save failures turned into sentences that name the entry instead of an array index.
 */
import type { Lorebook, LorebookEntry } from '../../../src/client/index.js';
import { emptyLorebookEntry } from '../../../src/spec/defaults.js';
import type { MessageKey } from '../i18n/en.js';
import type { Translate } from '../i18n/i18n.js';
import { StarlingApiError } from './api.js';
import { errorMessage } from './errors.js';

/** An entry after the highest id in `book`, with the same defaults the server fills in. */
export function newEntry(book: Lorebook, name: string): LorebookEntry {
  const id = book.entries.reduce((highest, entry) => Math.max(highest, entry.id), -1) + 1;
  return { ...emptyLorebookEntry(id), name };
}

/** An empty book for a character that has none. */
export function emptyBook(name: string): Lorebook {
  return {
    name,
    description: '',
    scanDepth: null,
    tokenBudget: null,
    recursiveScanning: false,
    extensions: {},
    entries: [],
  };
}

/**
 * The book as sent. Imported books may have no name, which the API refuses, so a blank one takes
 * `fallbackName`; everything else goes as edited so the server's validation has the last word.
 */
export function bookForSave(book: Lorebook, fallbackName: string): Lorebook {
  return book.name.trim() ? book : { ...book, name: fallbackName };
}

/** A whole number within bounds for the number inputs (the API refuses fractions and out-of-range values). */
export function clampInteger(text: string, min: number, max: number): number {
  const value = Math.round(Number(text));
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}

// Field names in the API's messages → the labels the editor shows.
const fieldLabels: Partial<Record<string, MessageKey>> = {
  name: 'lore.name',
  keys: 'lore.keys',
  secondaryKeys: 'lore.secondaryKeys',
  selectiveLogic: 'lore.logic',
  position: 'lore.position',
  depth: 'lore.depth',
  insertionOrder: 'lore.order',
  priority: 'lore.priority',
  probability: 'lore.probability',
  constant: 'lore.constant',
  enabled: 'lore.enabled',
  useRegex: 'lore.regex',
  content: 'lore.content',
};

/**
 * A readable message for a failed save. The API names the first bad field by path (`body:
 * entries.3.probability: Too big…`, or `lorebook.entries…` through the character route); that
 * becomes "Entry “Lighthouse”, Probability: Too big…". Anything else is the usual error message.
 */
export function loreSaveError(error: unknown, book: Lorebook, t: Translate): string {
  if (!(error instanceof StarlingApiError) || error.code !== 'validation_failed')
    return errorMessage(error, t);
  const match = /^body: (?:lorebook\.)?(?:entries\.(\d+)\.)?([\w.]+): (.+)$/s.exec(error.message);
  if (!match) return error.message;
  const [, index, path = '', message = ''] = match;
  const field = path.split('.')[0] ?? path;
  const labelKey = fieldLabels[field];
  const label = labelKey ? t(labelKey) : field;
  if (index === undefined) {
    return t('lore.bookError', { field: field === 'name' ? t('lore.bookName') : label, message });
  }
  const entry = book.entries[Number(index)];
  const name = entry ? entry.name || `#${entry.id}` : `#${index}`;
  return t('lore.entryError', { name, field: label, message });
}
