/**
 * Evidence recall on LoCoMo conversations: each conversation is written into a fresh index session by
 * session (with its dates), then every question with evidence is asked. A question counts as recalled
 * at k when any evidence turn is among the messages the top k items stand for (a summary or fact
 * counts for the turns it cites). A plain BM25 runs on the same items for comparison.
 * TODO(memory): answer accuracy (token F1; abstention on category 5) once a language model is configured.
 */
import { createMemoryIndex } from '../memory-index.js';
import type { MemoryIndexOptions } from '../options.js';
import { messageIdsOf, type MemoryIndex, type MemoryItem } from '../types.js';
import { createPlainBm25Index } from './baseline.js';
import type { LocomoConversation, LocomoQuestion, LocomoSession } from './locomo-file.js';

/** LoCoMo's category numbers, as the authors' scorer treats them. */
export const CATEGORY_NAMES: Readonly<Record<number, string>> = {
  1: 'multi-hop',
  2: 'temporal',
  3: 'open-domain',
  4: 'single-hop',
  5: 'adversarial',
};

export interface RecallFigures {
  questions: number;
  recallAtK: number;
  recallAt5: number;
  /** Share of questions with every evidence turn in the top k. */
  allEvidenceAtK: number;
}

export interface EvalReport extends RecallFigures {
  k: number;
  byCategory: Record<string, RecallFigures & { name: string }>;
  msPerQuery: number;
  /** Questions left out because they have no evidence. */
  skipped: number;
  baseline: RecallFigures & { byCategory: Record<string, RecallFigures & { name: string }> };
  conversations: { name: string; questions: number; recallAtK: number; baselineRecallAtK: number }[];
}

export interface EvalOptions {
  k: number;
  /** Ingest image captions as "[image: …]" (default true; see docs/decisions/0011). */
  captions?: boolean;
  index?: Partial<MemoryIndexOptions>;
  /** Keeps only some questions (robustness checks on held-out parts). */
  questionFilter?: (question: LocomoQuestion, conversation: LocomoConversation) => boolean;
}

/** Whether one question's evidence was recalled. */
export interface Outcome {
  category: number;
  atK: boolean;
  at5: boolean;
  allAtK: boolean;
}

/** The items a session contributes: its turns, a minute apart from the session's start. */
export function sessionItems(session: LocomoSession, captions: boolean): MemoryItem[] {
  return session.turns.map((turn, index) => ({
    id: turn.id,
    kind: 'turn',
    text: captions && turn.caption ? `${turn.text} [image: ${turn.caption}]` : turn.text,
    speaker: turn.speaker,
    timestamp: session.timestamp + index * 60_000,
    sessionId: `session_${session.number}`,
    citedMessageIds: [],
  }));
}

/** Runs the eval over conversations and returns Starling's and the baseline's figures. */
export function evaluateConversations(
  conversations: readonly LocomoConversation[],
  options: EvalOptions,
): EvalReport {
  const starling: Outcome[] = [];
  const baseline: Outcome[] = [];
  const perConversation: EvalReport['conversations'] = [];
  let skipped = 0;
  let searchMs = 0;
  for (const conversation of conversations) {
    const index = createMemoryIndex({ ...options.index });
    const plain = createPlainBm25Index();
    for (const session of conversation.sessions) {
      const items = sessionItems(session, options.captions ?? true);
      index.add(items);
      plain.add(items);
    }
    const last = conversation.sessions.at(-1)?.timestamp ?? 0;
    const now = last + 86_400_000;
    const ours: Outcome[] = [];
    const theirs: Outcome[] = [];
    for (const question of conversation.questions) {
      if (question.evidence.length === 0) {
        skipped += 1;
        continue;
      }
      if (options.questionFilter && !options.questionFilter(question, conversation)) continue;
      const started = performance.now();
      ours.push(outcome(index, question, options.k, now));
      searchMs += performance.now() - started;
      theirs.push(outcome(plain, question, options.k, now));
    }
    starling.push(...ours);
    baseline.push(...theirs);
    perConversation.push({
      name: conversation.name,
      questions: ours.length,
      recallAtK: figures(ours).recallAtK,
      baselineRecallAtK: figures(theirs).recallAtK,
    });
  }
  return {
    k: options.k,
    ...figures(starling),
    byCategory: byCategory(starling),
    msPerQuery: starling.length === 0 ? 0 : searchMs / starling.length,
    skipped,
    baseline: { ...figures(baseline), byCategory: byCategory(baseline) },
    conversations: perConversation,
  };
}

/** Asks one question of an index and scores the top `k` against its evidence. */
export function outcome(index: MemoryIndex, question: LocomoQuestion, k: number, now: number): Outcome {
  const hits = index.search({ text: question.question, now, k: Math.max(k, 5) });
  const covered = (depth: number) => new Set(hits.slice(0, depth).flatMap((hit) => messageIdsOf(hit.item)));
  const atK = covered(k);
  const at5 = covered(5);
  return {
    category: question.category,
    atK: question.evidence.some((id) => atK.has(id)),
    at5: question.evidence.some((id) => at5.has(id)),
    allAtK: question.evidence.every((id) => atK.has(id)),
  };
}

/** Recall figures over a list of outcomes. */
export function figures(outcomes: readonly Outcome[]): RecallFigures {
  const share = (test: (outcome: Outcome) => boolean) =>
    outcomes.length === 0 ? 0 : round(outcomes.filter(test).length / outcomes.length);
  return {
    questions: outcomes.length,
    recallAtK: share((outcome) => outcome.atK),
    recallAt5: share((outcome) => outcome.at5),
    allEvidenceAtK: share((outcome) => outcome.allAtK),
  };
}

/** Recall figures per LoCoMo category. */
export function byCategory(outcomes: readonly Outcome[]): Record<string, RecallFigures & { name: string }> {
  const categories = [...new Set(outcomes.map((outcome) => outcome.category))].sort((a, b) => a - b);
  return Object.fromEntries(
    categories.map((category) => [
      String(category),
      {
        name: CATEGORY_NAMES[category] ?? 'other',
        ...figures(outcomes.filter((outcome) => outcome.category === category)),
      },
    ]),
  );
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
