/**
 * Reads one V2/V3 `character_book` entry into Starling's typed entry, including the settings
 * SillyTavern keeps in the entry's extensions (depth, role, probability …). Those keys become typed
 * fields and leave `extensions`; export writes them back under the same names.
 */
import type { LorebookEntry, LorePosition } from '../spec/lorebook.js';
import { cardError, invalidField, preview, warn, type ImportContext } from './context.js';
import {
  get,
  has,
  isObject,
  omitKeys,
  readBoolean,
  readNullableBoolean,
  readNullableNumber,
  readNumber,
  readObject,
  readString,
  readStringList,
  type JsonObject,
} from './fields.js';
import {
  positionFromCode,
  positionFromName,
  roleFrom,
  selectiveLogicFrom,
  TYPED_ENTRY_EXTENSION_KEYS,
  type MappedPosition,
} from './lore-mapping.js';

/** An entry before ids are made unique across its book. */
export type EntryDraft = Omit<LorebookEntry, 'id'> & { id: number | null };

export const ENTRY_DEFAULTS = {
  insertionOrder: 100,
  priority: 10,
  depth: 4,
  probability: 100,
} as const;

/** An integer within [min, max]; out-of-range or fractional values are fixed with a warning. */
export function clampInteger(
  context: ImportContext,
  value: number,
  min: number,
  max: number,
  path: string,
): number {
  const fixed = Math.min(max, Math.max(min, Math.round(value)));
  if (fixed !== value) warn(context, 'card_value_adjusted', `${path}: ${value} adjusted to ${fixed}`, path);
  return fixed;
}

/** A position given as a SillyTavern code or a name; warns and falls back for unknown values. */
export function readPositionValue(
  context: ImportContext,
  value: unknown,
  path: string,
): MappedPosition | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let mapped: MappedPosition | undefined;
  if (typeof value === 'number') mapped = positionFromCode(value);
  else if (typeof value === 'string') {
    const named = positionFromName(value);
    mapped = named === undefined ? positionFromCode(Number(value)) : { position: named, approximated: false };
  } else throw invalidField(context, path, 'a position name or number', value);
  if (mapped === undefined) {
    warn(
      context,
      'lorebook_unknown_position',
      `${path}: unknown position ${preview(value)}; using before_char`,
      path,
    );
    return undefined;
  }
  if (mapped.approximated) {
    warn(
      context,
      'lorebook_position_approximated',
      `${path}: author's-note position ${preview(value)} placed in the history at the entry's depth`,
      path,
    );
  }
  return mapped;
}

/** Reads a role or selective-logic code; unknown codes warn and give the default. */
export function readCode<T>(
  context: ImportContext,
  object: JsonObject,
  key: string,
  path: string,
  map: (value: number | string) => T | undefined,
  fallback: T,
): T {
  const value = get(object, key);
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' && typeof value !== 'string')
    throw invalidField(context, path, 'a number', value);
  const mapped = map(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
  if (mapped !== undefined) return mapped;
  warn(
    context,
    'lorebook_unknown_code',
    `${path}: unknown value ${preview(value)}; using ${String(fallback)}`,
    path,
  );
  return fallback;
}

/** An entry id: a non-negative integer, or null (assigned later) with a warning for anything else. */
export function readEntryId(
  context: ImportContext,
  object: JsonObject,
  key: string,
  path: string,
): number | null {
  const value = get(object, key);
  if (value === undefined || value === null) return null;
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isSafeInteger(number) && number >= 0) return number;
  warn(
    context,
    'lorebook_id_replaced',
    `${path}: ${preview(value)} is not an entry id; a new id is assigned`,
    path,
  );
  return null;
}

/** Rejects entries over the content or key limits. */
export function checkEntrySize(context: ImportContext, entry: EntryDraft, path: string): void {
  const { maxEntryContentChars, maxKeysPerEntry } = context.limits;
  if (entry.content.length > maxEntryContentChars) {
    throw cardError(
      'card_too_large',
      `${path}.content has ${entry.content.length} characters; the limit is ${maxEntryContentChars}`,
      { path, limit: 'maxEntryContentChars' },
    );
  }
  if (entry.keys.length + entry.secondaryKeys.length > maxKeysPerEntry) {
    throw cardError('card_too_large', `${path} has more than ${maxKeysPerEntry} keys`, {
      path,
      limit: 'maxKeysPerEntry',
    });
  }
}

/** Reads one `character_book` entry. */
export function readBookEntry(context: ImportContext, raw: unknown, path: string): EntryDraft {
  if (!isObject(raw)) throw invalidField(context, path, 'an object', raw);
  const extensionsPath = `${path}.extensions`;
  const extensions = readObject(context, raw, 'extensions', extensionsPath);
  const at = (key: string): string => `${extensionsPath}.${key}`;
  // Some writers use world-info's singular `key`; prefer the spec's `keys` when both exist.
  const keysField = has(raw, 'keys') || !has(raw, 'key') ? 'keys' : 'key';
  const mapped =
    readPositionValue(context, get(extensions, 'position'), at('position')) ??
    readPositionValue(context, get(raw, 'position'), `${path}.position`);
  const position: LorePosition = mapped?.position ?? 'before_char';
  const comment = readString(context, raw, 'comment', `${path}.comment`);
  const probability = readNumber(
    context,
    extensions,
    'probability',
    at('probability'),
    ENTRY_DEFAULTS.probability,
  );
  const scanDepth = readNullableNumber(context, extensions, 'scan_depth', at('scan_depth'));
  const kept = omitKeys(extensions, TYPED_ENTRY_EXTENSION_KEYS);
  const entry: EntryDraft = {
    id: readEntryId(context, raw, 'id', `${path}.id`),
    name: comment !== '' ? comment : readString(context, raw, 'name', `${path}.name`),
    keys: readStringList(context, raw, keysField, `${path}.${keysField}`, { splitCommas: true }),
    secondaryKeys: readStringList(context, raw, 'secondary_keys', `${path}.secondary_keys`, {
      splitCommas: true,
    }),
    selective: readBoolean(context, raw, 'selective', `${path}.selective`, false),
    selectiveLogic: readCode(
      context,
      extensions,
      'selectiveLogic',
      at('selectiveLogic'),
      selectiveLogicFrom,
      'and_any',
    ),
    content: readString(context, raw, 'content', `${path}.content`),
    enabled: readBoolean(context, raw, 'enabled', `${path}.enabled`, true),
    constant: readBoolean(context, raw, 'constant', `${path}.constant`, false),
    useRegex: readBoolean(context, raw, 'use_regex', `${path}.use_regex`, false),
    caseSensitive:
      readNullableBoolean(context, raw, 'case_sensitive', `${path}.case_sensitive`) ??
      readNullableBoolean(context, extensions, 'case_sensitive', at('case_sensitive')),
    matchWholeWords: readNullableBoolean(context, extensions, 'match_whole_words', at('match_whole_words')),
    insertionOrder: readNumber(
      context,
      raw,
      'insertion_order',
      `${path}.insertion_order`,
      ENTRY_DEFAULTS.insertionOrder,
    ),
    priority: readNumber(context, raw, 'priority', `${path}.priority`, ENTRY_DEFAULTS.priority),
    position,
    depth: clampInteger(
      context,
      readNumber(context, extensions, 'depth', at('depth'), ENTRY_DEFAULTS.depth),
      0,
      10_000,
      at('depth'),
    ),
    role: readCode(context, extensions, 'role', at('role'), roleFrom, 'system'),
    probability: clampInteger(context, probability, 0, 100, at('probability')),
    useProbability: readBoolean(context, extensions, 'useProbability', at('useProbability'), true),
    scanDepth: scanDepth === null ? null : clampInteger(context, scanDepth, 0, 10_000, at('scan_depth')),
    preventRecursion: readBoolean(context, extensions, 'prevent_recursion', at('prevent_recursion'), false),
    excludeRecursion: readBoolean(context, extensions, 'exclude_recursion', at('exclude_recursion'), false),
    // An author's-note position has no exact Starling place: keep its code so export restores it.
    extensions: mapped?.approximated === true ? { ...kept, position: get(extensions, 'position') } : kept,
  };
  checkEntrySize(context, entry, path);
  return entry;
}

/** Gives every entry a unique id: keeps valid ones, replaces duplicates, numbers the rest. */
export function assignEntryIds(context: ImportContext, drafts: EntryDraft[], path: string): LorebookEntry[] {
  const used = new Set<number>();
  const ids = drafts.map((draft, index) => {
    if (draft.id === null) return null;
    if (!used.has(draft.id)) {
      used.add(draft.id);
      return draft.id;
    }
    warn(
      context,
      'lorebook_id_replaced',
      `${path}[${index}]: duplicate id ${draft.id}; a new id is assigned`,
    );
    return null;
  });
  let next = 0;
  return drafts.map((draft, index) => {
    let id = ids[index] ?? null;
    if (id === null) {
      while (used.has(next)) next += 1;
      id = next;
      used.add(id);
    }
    return { ...draft, id };
  });
}
