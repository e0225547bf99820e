/**
 * A lorebook entry prepared for scanning: decorators parsed, effective settings resolved and keys
 * compiled. Preparation is cached per entry object, so a scan never builds a RegExp.
 */
import type { Lorebook, LorebookEntry, LorePosition, LoreRole, SelectiveLogic } from '../spec/index.js';
import type { CompiledKey } from './lore-keys.js';
import { compileKey } from './lore-keys.js';
import { parseDecorators } from './lore-decorators.js';

export interface PreparedEntry {
  /** `<lorebook id>:<entry id>`. */
  id: string;
  bookId: string;
  entry: LorebookEntry;
  name: string;
  /** Content without decorator lines, before macro expansion. */
  body: string;
  primary: CompiledKey[];
  secondary: CompiledKey[];
  selectiveLogic: SelectiveLogic | null;
  additional: CompiledKey[];
  exclude: CompiledKey[];
  position: LorePosition;
  depth: number;
  role: LoreRole;
  /** null: the book's or the app's scan depth. */
  scanDepth: number | null;
  constant: boolean;
  /** `@@activate`: on whatever the keys say. */
  forced: boolean;
  disabled: boolean;
  activateOnlyAfter: number | null;
  activateOnlyEvery: number | null;
  /** Percent chance, or null when probability does not apply. */
  probability: number | null;
  /** Unsafe or invalid keys: `key: reason`. */
  warnings: string[];
}

export interface MatchDefaults {
  caseSensitive: boolean;
  matchWholeWords: boolean;
}

/** Holds prepared entries; owned by an assembler, shared across its turns. */
export interface LoreCache {
  prepare(bookId: string, book: Lorebook, entry: LorebookEntry, defaults: MatchDefaults): PreparedEntry;
}

/** Creates a cache of prepared entries keyed by entry object (entries are treated as immutable). */
export function createLoreCache(): LoreCache {
  const cache = new WeakMap<LorebookEntry, { signature: string; prepared: PreparedEntry }>();
  return {
    prepare(bookId, book, entry, defaults) {
      const signature = `${bookId}\u0000${defaults.caseSensitive}\u0000${defaults.matchWholeWords}\u0000${entry.content}`;
      const hit = cache.get(entry);
      if (hit && hit.signature === signature) return hit.prepared;
      const prepared = prepareEntry(bookId, book, entry, defaults);
      cache.set(entry, { signature, prepared });
      return prepared;
    },
  };
}

/** Parses decorators and compiles keys for one entry. */
export function prepareEntry(
  bookId: string,
  book: Lorebook,
  entry: LorebookEntry,
  defaults: MatchDefaults,
): PreparedEntry {
  const { decorators, body } = parseDecorators(entry.content);
  const options = {
    useRegex: entry.useRegex,
    caseSensitive: decorators.caseSensitive ?? entry.caseSensitive ?? defaults.caseSensitive,
    matchWholeWords: decorators.matchWholeWords ?? entry.matchWholeWords ?? defaults.matchWholeWords,
  };
  const warnings: string[] = [];
  const compileAll = (keys: string[]): CompiledKey[] => {
    const compiled: CompiledKey[] = [];
    for (const key of keys) {
      const result = compileKey(key, options);
      if (!result) continue;
      if (result.ok) compiled.push(result.key);
      else warnings.push(`key "${result.key}" ignored: ${result.reason}`);
    }
    return compiled;
  };
  const hasSecondary = entry.selective && entry.secondaryKeys.length > 0;
  const probability = decorators.probability ?? (entry.useProbability ? entry.probability : null);
  return {
    id: `${bookId}:${entry.id}`,
    bookId,
    entry,
    name: entry.name || entry.keys[0] || `entry ${entry.id}`,
    body,
    primary: compileAll(entry.keys),
    secondary: hasSecondary ? compileAll(entry.secondaryKeys) : [],
    selectiveLogic: hasSecondary ? entry.selectiveLogic : null,
    additional: compileAll(decorators.additionalKeys),
    exclude: compileAll(decorators.excludeKeys),
    position: decorators.position ?? entry.position,
    depth: decorators.depth ?? entry.depth,
    role: decorators.role ?? entry.role,
    scanDepth: decorators.scanDepth ?? entry.scanDepth ?? book.scanDepth,
    constant: entry.constant || decorators.constant,
    forced: decorators.activate,
    disabled: !entry.enabled || decorators.dontActivate,
    activateOnlyAfter: decorators.activateOnlyAfter ?? null,
    activateOnlyEvery: decorators.activateOnlyEvery ?? null,
    probability: probability !== null && probability < 100 ? Math.max(0, probability) : null,
    warnings: [...warnings, ...decorators.ignored.map((line) => `decorator "${line}" not understood`)],
  };
}
