/**
 * Reads SillyTavern's own world-info file (`{entries: {uid: {...}}}`), which names fields
 * differently from the card spec's `character_book`. Fields with a Starling meaning become typed
 * fields; every other field is kept in the entry's extensions.
 */
import type { Lorebook, LorePosition } from '../spec/lorebook.js';
import { invalidField, warn, type ImportContext } from './context.js';
import {
  get,
  isObject,
  readBoolean,
  readNullableBoolean,
  readNullableNumber,
  readNumber,
  readString,
  readStringList,
  type JsonObject,
} from './fields.js';
import { entryItems } from './lorebook-import.js';
import {
  assignEntryIds,
  checkEntrySize,
  clampInteger,
  ENTRY_DEFAULTS,
  readCode,
  readEntryId,
  readPositionValue,
  type EntryDraft,
} from './lorebook-entry.js';
import { roleFrom, selectiveLogicFrom, WORLD_INFO_EXTENSION_NAMES } from './lore-mapping.js';

const MAPPED_FIELDS: ReadonlySet<string> = new Set([
  'uid',
  'key',
  'keysecondary',
  'comment',
  'content',
  'constant',
  'selective',
  'selectiveLogic',
  'order',
  'position',
  'disable',
  'depth',
  'role',
  'probability',
  'useProbability',
  'caseSensitive',
  'matchWholeWords',
  'scanDepth',
  'excludeRecursion',
  'preventRecursion',
]);

const regexKey = /^\/([\s\S]+)\/([a-z]*)$/;

/** Escapes a literal key so it matches itself when read as a regular expression. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * World info marks a regex key by writing it as `/pattern/flags`, key by key; Starling has one
 * `useRegex` per entry, so literal keys beside regex keys are escaped into patterns.
 */
function resolveRegexKeys(context: ImportContext, keys: string[], secondaryKeys: string[], path: string) {
  const all = [...keys, ...secondaryKeys];
  const regexCount = all.filter((key) => regexKey.test(key)).length;
  if (regexCount === 0) return { useRegex: false, keys, secondaryKeys };
  const toPattern = (key: string): string => (regexKey.test(key) ? key : escapeRegex(key));
  if (regexCount < all.length) {
    warn(context, 'lorebook_mixed_regex_keys', `${path}: literal keys beside regex keys were escaped`, path);
  }
  return { useRegex: true, keys: keys.map(toPattern), secondaryKeys: secondaryKeys.map(toPattern) };
}

/** Unmapped world-info fields, renamed to the names SillyTavern uses in card entry extensions. */
function extraFields(raw: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(raw)
      .filter(([key]) => !MAPPED_FIELDS.has(key))
      .map(([key, value]) => [WORLD_INFO_EXTENSION_NAMES[key] ?? key, value]),
  );
}

function readWorldInfoEntry(context: ImportContext, raw: unknown, path: string, mapKey: string): EntryDraft {
  if (!isObject(raw)) throw invalidField(context, path, 'an object', raw);
  const at = (key: string): string => `${path}.${key}`;
  const mapped = readPositionValue(context, get(raw, 'position'), at('position'));
  const position: LorePosition = mapped?.position ?? 'before_char';
  const regex = resolveRegexKeys(
    context,
    readStringList(context, raw, 'key', at('key'), { splitCommas: true }),
    readStringList(context, raw, 'keysecondary', at('keysecondary'), { splitCommas: true }),
    at('key'),
  );
  const scanDepth = readNullableNumber(context, raw, 'scanDepth', at('scanDepth'));
  const probability = readNumber(context, raw, 'probability', at('probability'), ENTRY_DEFAULTS.probability);
  const extensions = extraFields(raw);
  const entry: EntryDraft = {
    // Without a usable uid, a numeric map key is the entry's id; otherwise one is assigned.
    id: readEntryId(context, raw, 'uid', at('uid')) ?? (/^\d{1,15}$/.test(mapKey) ? Number(mapKey) : null),
    name: readString(context, raw, 'comment', at('comment')),
    keys: regex.keys,
    secondaryKeys: regex.secondaryKeys,
    selective: readBoolean(context, raw, 'selective', at('selective'), true),
    selectiveLogic: readCode(
      context,
      raw,
      'selectiveLogic',
      at('selectiveLogic'),
      selectiveLogicFrom,
      'and_any',
    ),
    content: readString(context, raw, 'content', at('content')),
    enabled: !readBoolean(context, raw, 'disable', at('disable'), false),
    constant: readBoolean(context, raw, 'constant', at('constant'), false),
    useRegex: regex.useRegex,
    caseSensitive: readNullableBoolean(context, raw, 'caseSensitive', at('caseSensitive')),
    matchWholeWords: readNullableBoolean(context, raw, 'matchWholeWords', at('matchWholeWords')),
    insertionOrder: readNumber(context, raw, 'order', at('order'), ENTRY_DEFAULTS.insertionOrder),
    priority: ENTRY_DEFAULTS.priority,
    position,
    depth: clampInteger(
      context,
      readNumber(context, raw, 'depth', at('depth'), ENTRY_DEFAULTS.depth),
      0,
      10_000,
      at('depth'),
    ),
    role: readCode(context, raw, 'role', at('role'), roleFrom, 'system'),
    probability: clampInteger(context, probability, 0, 100, at('probability')),
    useProbability: readBoolean(context, raw, 'useProbability', at('useProbability'), true),
    scanDepth: scanDepth === null ? null : clampInteger(context, scanDepth, 0, 10_000, at('scanDepth')),
    preventRecursion: readBoolean(context, raw, 'preventRecursion', at('preventRecursion'), false),
    excludeRecursion: readBoolean(context, raw, 'excludeRecursion', at('excludeRecursion'), false),
    extensions:
      mapped?.approximated === true ? { ...extensions, position: get(raw, 'position') } : extensions,
  };
  checkEntrySize(context, entry, path);
  return entry;
}

/** True when a parsed JSON document looks like a SillyTavern world-info file. */
export function isWorldInfo(document: JsonObject): boolean {
  const entries = get(document, 'entries');
  if (isObject(entries)) return true;
  // A list of entries with world-info field names (`key`, `uid`) rather than the spec's `keys`.
  if (!Array.isArray(entries)) return false;
  const first: unknown = entries[0];
  return isObject(first) && !('keys' in first) && ('key' in first || 'uid' in first);
}

/** Reads a world-info document into a Lorebook named after the file (or its own `name`). */
export function readWorldInfo(context: ImportContext, document: JsonObject, fallbackName: string): Lorebook {
  const entriesValue = get(document, 'entries');
  const mapKeys = isObject(entriesValue) ? Object.keys(entriesValue) : [];
  const drafts = entryItems(
    context,
    isObject(entriesValue) ? { entries: Object.values(entriesValue) } : document,
    'entries',
  ).map((item, index) =>
    readWorldInfoEntry(context, item, `entries.${mapKeys[index] ?? index}`, mapKeys[index] ?? ''),
  );
  const name = readString(context, document, 'name', 'name');
  return {
    name: name !== '' ? name : fallbackName,
    description: readString(context, document, 'description', 'description'),
    scanDepth: null,
    tokenBudget: null,
    // SillyTavern scans recursively by default; its world files carry no flag of their own.
    recursiveScanning: true,
    extensions: Object.fromEntries(
      Object.entries(document).filter(([key]) => !['entries', 'name', 'description'].includes(key)),
    ),
    entries: assignEntryIds(context, drafts, 'entries'),
  };
}
