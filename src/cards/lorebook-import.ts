/** Reads a V2/V3 `character_book` (embedded or standalone) and `lorebook_v3` documents. */
import type { Lorebook } from '../spec/lorebook.js';
import { cardError, invalidField, warn, type ImportContext } from './context.js';
import {
  get,
  isObject,
  readBoolean,
  readNullableNumber,
  readObject,
  readString,
  type JsonObject,
} from './fields.js';
import { assignEntryIds, clampInteger, readBookEntry } from './lorebook-entry.js';

/** The entries of a book: a list, or (sloppy writers) an object keyed by id. */
export function entryItems(context: ImportContext, book: JsonObject, path: string): unknown[] {
  const value = get(book, 'entries');
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else if (isObject(value)) {
    warn(context, 'card_coerced_type', `${path}: an object of entries read as a list`, path);
    items = Object.values(value);
  } else if (value === undefined || value === null) {
    warn(context, 'lorebook_no_entries', `${path} is missing; the lorebook is empty`, path);
    items = [];
  } else throw invalidField(context, path, 'a list of entries', value);
  if (items.length > context.limits.maxLorebookEntries) {
    throw cardError(
      'card_too_large',
      `${path} has ${items.length} entries; the limit is ${context.limits.maxLorebookEntries}`,
      { path, limit: 'maxLorebookEntries' },
    );
  }
  return items;
}

/** Reads a `character_book`-shaped object at `path` into a Lorebook. */
export function readCharacterBook(
  context: ImportContext,
  raw: unknown,
  path: string,
  fallbackName = '',
): Lorebook {
  if (!isObject(raw)) throw invalidField(context, path, 'a lorebook object', raw);
  const entriesPath = `${path}.entries`;
  const drafts = entryItems(context, raw, entriesPath).map((item, index) =>
    readBookEntry(context, item, `${entriesPath}[${index}]`),
  );
  const scanDepth = readNullableNumber(context, raw, 'scan_depth', `${path}.scan_depth`);
  const tokenBudget = readNullableNumber(context, raw, 'token_budget', `${path}.token_budget`);
  const name = readString(context, raw, 'name', `${path}.name`);
  return {
    name: name !== '' ? name : fallbackName,
    description: readString(context, raw, 'description', `${path}.description`),
    scanDepth: scanDepth === null ? null : clampInteger(context, scanDepth, 0, 10_000, `${path}.scan_depth`),
    tokenBudget:
      tokenBudget === null ? null : clampInteger(context, tokenBudget, 0, 10_000_000, `${path}.token_budget`),
    recursiveScanning: readBoolean(context, raw, 'recursive_scanning', `${path}.recursive_scanning`, false),
    extensions: readObject(context, raw, 'extensions', `${path}.extensions`),
    entries: assignEntryIds(context, drafts, entriesPath),
  };
}
