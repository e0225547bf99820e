/**
 * The memory index: BM25 over language-aware term bags, each turn indexed with half the weight of the
 * turn before it and with its time tokens, re-ranked by speaker, session, recency and importance,
 * with one round of RM3 feedback. All state lives in the closure of one index.
 */
import { createAnalyzer } from './analysis/analyze.js';
import { createBm25 } from './bm25.js';
import { addBag, addTerms, dateToken, itemTerms, queryTerms, type TermBag } from './documents.js';
import { expandQuery } from './feedback.js';
import { DEFAULT_MEMORY_INDEX_OPTIONS, type MemoryIndexOptions } from './options.js';
import { rerank, type CandidateInfo } from './rerank.js';
import type { MemoryIndex, MemoryItem, MemoryQuery, ScoredItem } from './types.js';

interface Entry {
  item: MemoryItem;
  doc: number;
  /** The item's own terms, kept to serve as the next turn's context. */
  own: TermBag;
  info: CandidateInfo;
  previousId: string | null;
  nextId: string | null;
}

/** Creates an empty memory index; options override the documented defaults. */
export function createMemoryIndex(overrides: Partial<MemoryIndexOptions> = {}): MemoryIndex {
  const options: MemoryIndexOptions = { ...DEFAULT_MEMORY_INDEX_OPTIONS, ...overrides };
  const analyzer = createAnalyzer();
  const bm25 = createBm25({ k1: options.k1, b: options.b });
  const entries = new Map<string, Entry>();
  const byDoc: Entry[] = [];
  const lastTurnOfSession = new Map<string, string>();
  /** Lowercased name -> speaker keys it can refer to ("caroline" -> "caroline smith"). */
  const names = new Map<string, Set<string>>();
  const nameSet = new Set<string>();
  let firstTimestamp: number | null = null;
  let lastTimestamp = 0;

  function registerSpeaker(speaker: string): string {
    const key = speaker.trim().toLowerCase();
    if (key.length === 0) return key;
    for (const name of new Set([key, ...key.split(/\s+/)])) {
      if (name.length < 2) continue;
      names.set(name, (names.get(name) ?? new Set()).add(key));
      nameSet.add(name);
    }
    return key;
  }

  function documentOf(entry: Entry): TermBag {
    const bag = addTerms(
      new Map(),
      [dateToken(entry.item.timestamp, options.timeZoneOffsetMinutes)],
      options.dateWeight,
    );
    addBag(bag, entry.own, 1);
    // Earlier turns of the session, each at `contextWeight` times the weight of the one after it.
    let previousId = entry.previousId;
    for (let depth = 1; depth <= options.contextTurns && previousId !== null; depth += 1) {
      const previous = entries.get(previousId);
      if (previous === undefined) break;
      addBag(bag, previous.own, options.contextWeight ** depth);
      previousId = previous.previousId;
    }
    const next = entry.nextId === null ? undefined : entries.get(entry.nextId);
    if (next !== undefined && options.followingWeight > 0) addBag(bag, next.own, options.followingWeight);
    return bag;
  }

  function index(entry: Entry): void {
    entry.doc = bm25.add(documentOf(entry));
    byDoc[entry.doc] = entry;
  }

  function addOne(item: MemoryItem): void {
    if (entries.has(item.id)) removeOne(item.id);
    const speakerKey = registerSpeaker(item.speaker);
    const own = itemTerms(item, analyzer, nameSet, {
      offsetMinutes: options.timeZoneOffsetMinutes,
      firstTimestamp,
    });
    const previousId = item.kind === 'turn' ? (lastTurnOfSession.get(item.sessionId) ?? null) : null;
    const info = {
      speakerKey,
      sessionId: item.sessionId,
      timestamp: item.timestamp,
      importance: item.importance ?? 0,
    };
    const entry: Entry = { item, doc: -1, own, info, previousId, nextId: null };
    entries.set(item.id, entry);
    if (item.kind === 'turn') {
      const previous = previousId === null ? undefined : entries.get(previousId);
      lastTurnOfSession.set(item.sessionId, item.id);
      if (previous !== undefined) {
        previous.nextId = item.id;
        if (options.followingWeight > 0) {
          bm25.remove(previous.doc);
          index(previous);
        }
      }
    }
    index(entry);
    firstTimestamp = firstTimestamp === null ? item.timestamp : Math.min(firstTimestamp, item.timestamp);
    lastTimestamp = Math.max(lastTimestamp, item.timestamp);
  }

  function removeOne(id: string): void {
    const entry = entries.get(id);
    if (entry === undefined) return;
    bm25.remove(entry.doc);
    entries.delete(id);
    const previous = entry.previousId === null ? undefined : entries.get(entry.previousId);
    const next = entry.nextId === null ? undefined : entries.get(entry.nextId);
    if (previous !== undefined) previous.nextId = entry.nextId;
    if (lastTurnOfSession.get(entry.item.sessionId) === id) {
      if (entry.previousId === null) lastTurnOfSession.delete(entry.item.sessionId);
      else lastTurnOfSession.set(entry.item.sessionId, entry.previousId);
    }
    if (next !== undefined) next.previousId = entry.previousId;
    // The removed turn's words were part of the following turns' context: re-index them without it.
    let followingId = entry.nextId;
    for (let depth = 1; depth <= options.contextTurns && followingId !== null; depth += 1) {
      const following = entries.get(followingId);
      if (following === undefined) break;
      bm25.remove(following.doc);
      index(following);
      followingId = following.nextId;
    }
    if (entry.item.timestamp === firstTimestamp) {
      firstTimestamp =
        entries.size === 0 ? null : Math.min(...[...entries.values()].map((other) => other.item.timestamp));
    }
  }

  function search(query: MemoryQuery): ScoredItem[] {
    if (query.k <= 0 || bm25.size === 0) return [];
    const now = query.now ?? lastTimestamp;
    const time = { reference: now, offsetMinutes: options.timeZoneOffsetMinutes, firstTimestamp };
    const parsed = queryTerms(query.text, analyzer, nameSet, time, options.timeTalkWeight);
    const speakerKeys = new Set<string>();
    for (const name of [...parsed.names, ...(query.speaker ? [query.speaker.toLowerCase()] : [])]) {
      for (const key of names.get(name) ?? []) speakerKeys.add(key);
    }
    const ranking = query.priors === false ? { ...options, recencyWeight: 0, importanceWeight: 0 } : options;
    const context = {
      info: (doc: number) => (byDoc[doc] as Entry).info,
      names: speakerKeys,
      now,
      options: ranking,
    };
    const pool = Math.max(options.candidates, query.k);
    let ranked = rerank(bm25.search(parsed.bag, pool), context);
    if (options.feedback !== null && ranked.length > 0) {
      const expanded = expandQuery(parsed.bag, ranked, bm25, options.feedback);
      ranked = rerank(bm25.search(expanded, pool), context);
    }
    return ranked
      .slice(0, query.k)
      .map((hit) => ({ item: (byDoc[hit.doc] as Entry).item, score: hit.score }));
  }

  return {
    get size() {
      return entries.size;
    },
    add: (items) => items.forEach(addOne),
    remove: (ids) => ids.forEach(removeOne),
    search,
  };
}
