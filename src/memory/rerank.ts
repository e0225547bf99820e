/**
 * Second-stage scoring of BM25 candidates: a boost for memories said by a speaker the question
 * names, a blend with the score of the session they belong to (a session that talks about the topic
 * makes each of its turns likelier), and the recency and importance hooks.
 */
import type { MemoryIndexOptions } from './options.js';
import type { Hit } from './top-k.js';

/** What re-ranking needs to know about a candidate document. */
export interface CandidateInfo {
  speakerKey: string;
  sessionId: string;
  timestamp: number;
  importance: number;
}

export interface RerankContext {
  info(doc: number): CandidateInfo;
  /** Lowercased names the query mentions (plus the query's own speaker). */
  names: ReadonlySet<string>;
  now: number;
  options: MemoryIndexOptions;
}

/** The session score counts a session's best few turns, so one long session does not win by size. */
const TURNS_PER_SESSION_SCORE = 3;

/** Re-scores candidates and returns them best first. */
export function rerank(hits: readonly Hit[], context: RerankContext): Hit[] {
  const { options } = context;
  const boosted = hits.map((hit) => {
    const info = context.info(hit.doc);
    const named = context.names.has(info.speakerKey);
    return { hit, info, score: hit.score * (named ? 1 + options.speakerBoost : 1) };
  });
  const best = Math.max(...boosted.map((entry) => entry.score), Number.MIN_VALUE);
  const sessionScores = new Map<string, number[]>();
  for (const entry of boosted) {
    const scores = sessionScores.get(entry.info.sessionId) ?? [];
    scores.push(entry.score / best);
    sessionScores.set(entry.info.sessionId, scores);
  }
  const sessionTotals = new Map<string, number>();
  for (const [session, scores] of sessionScores) {
    const top = scores.sort((first, second) => second - first).slice(0, TURNS_PER_SESSION_SCORE);
    sessionTotals.set(
      session,
      top.reduce((sum, score) => sum + score, 0),
    );
  }
  const bestSession = Math.max(...sessionTotals.values(), Number.MIN_VALUE);
  const rescored = boosted.map(({ hit, info, score }) => {
    const session = (sessionTotals.get(info.sessionId) ?? 0) / bestSession;
    let final = (1 - options.sessionWeight) * (score / best) + options.sessionWeight * session;
    if (options.recencyWeight > 0) {
      const age = Math.max(0, context.now - info.timestamp);
      final += options.recencyWeight * 0.5 ** (age / options.recencyHalfLifeMs);
    }
    final += options.importanceWeight * info.importance;
    return { doc: hit.doc, score: final };
  });
  return rescored.sort((first, second) => second.score - first.score || second.doc - first.doc);
}
