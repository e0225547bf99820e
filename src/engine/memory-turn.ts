/**
 * Memory on the turn path. Before a prompt is assembled: recall memories for the new user message
 * and read the relationship state (both cheap; failures give a turn without memory, never a failed
 * turn). After the turn is stored: enqueue one durable job that indexes the new messages as turn
 * memories, updates the relationship and (when enabled) asks for fact extraction and summaries of
 * what left the history window, all off the reply.
 */
import {
  NEUTRAL_RELATIONSHIP,
  decayRelationship,
  relationshipVariables,
  updateRelationship,
} from '../memory/relationship.js';
import type { PromptSummary, RecalledMemory } from '../prompt/index.js';
import type { JobRecord, MemoryDraft } from '../spec/memory-store.js';
import type { Store } from '../spec/store.js';
import type { JobHandler, JobWorker } from './job-worker.js';
import { enqueueEmbedJob } from './memory-embed.js';
import type { MemorySpaces } from './memory-spaces.js';
import type { QuarantinedMemory } from '../spec/prompt.js';
import { createRecallQuarantine } from './untrusted-scan.js';
import type { SummaryReader } from './memory-summary-reader.js';
import { scheduleSummaries } from './memory-summaries.js';

export const TURN_JOB = 'memory.turn';
export const FACTS_JOB = 'memory.facts';

/** How many memories are fetched per turn; the prompt keeps the best few not already in history. */
const RECALL_CANDIDATES = 24;

export interface TurnMemory {
  /** What the prompt gets for this turn: recalled memories and the relationship macros. */
  beforeTurn(input: {
    ownerId: string;
    characterId: string;
    text: string;
    /** The chat, for its session summary. */
    sessionId?: string;
  }): Promise<{
    memories: RecalledMemory[] | undefined;
    variables: Record<string, string>;
    /** Long-term summaries for the prompt (absent without a summary reader). */
    summaries?: PromptSummary[];
    /** Recalled memories left out of the prompt: they carry instructions aimed at the model. */
    quarantined?: QuarantinedMemory[];
  }>;
  /** Queues the memory work for messages just stored; never throws. */
  afterTurn(input: {
    ownerId: string;
    characterId: string;
    sessionId: string;
    messageIds: string[];
    /** The last message that left the prompt's history window, if any: summaries start from it. */
    summarizeThrough?: string;
  }): Promise<void>;
}

export interface TurnMemoryDependencies {
  store: Store;
  spaces: MemorySpaces;
  worker: JobWorker;
  userName: string;
  now: () => number;
  /** Queue fact extraction after each turn. */
  extraction: boolean;
  /** Queue a `memory.embed` job after each turn (an embedder is configured). */
  embedding?: boolean;
  onError: (error: unknown) => void;
  /** Reads the long-term summaries a prompt shows. */
  summaries?: SummaryReader;
}

/** Creates the turn hooks. */
export function createTurnMemory(dependencies: TurnMemoryDependencies): TurnMemory {
  const { store, spaces, worker, now, onError } = dependencies;
  const quarantine = createRecallQuarantine(store, onError);
  return {
    async beforeTurn({ ownerId, characterId, text, sessionId }) {
      let memories: RecalledMemory[] | undefined;
      try {
        memories = await spaces.recall({ ownerId, characterId, text, k: RECALL_CANDIDATES, now: now() });
      } catch (error) {
        onError(error);
      }
      // Remembered text is untrusted: instructions in it are quarantined, never quoted to the model.
      const screened = await quarantine.screen(ownerId, characterId, memories);
      memories = screened.memories;
      let values = NEUTRAL_RELATIONSHIP;
      try {
        const state = await store.relationships.get(ownerId, characterId);
        if (state !== null) values = decayRelationship(state, now() - state.updatedAt);
      } catch (error) {
        onError(error);
      }
      let summaries: PromptSummary[] | undefined;
      try {
        summaries = await dependencies.summaries?.read({ ownerId, characterId, sessionId });
      } catch (error) {
        onError(error);
      }
      return {
        memories,
        variables: relationshipVariables(values),
        ...(summaries === undefined ? {} : { summaries }),
        ...(screened.quarantined.length === 0 ? {} : { quarantined: screened.quarantined }),
      };
    },
    async afterTurn({ ownerId, characterId, sessionId, messageIds, summarizeThrough }) {
      if (messageIds.length === 0) return;
      try {
        await store.jobs.enqueue({
          kind: TURN_JOB,
          payload: {
            ownerId,
            characterId,
            sessionId,
            messageIds,
            ...(summarizeThrough === undefined ? {} : { summarizeThrough }),
          },
          idempotencyKey: `${TURN_JOB}:${messageIds.join(',')}`,
        });
        worker.poke();
      } catch (error) {
        onError(error);
      }
    },
  };
}

/** The payload of a turn job, checked: a damaged row fails the job instead of writing nonsense. */
export function turnPayload(job: JobRecord): {
  ownerId: string;
  characterId: string;
  sessionId: string;
  messageIds: string[];
} {
  const { ownerId, characterId, sessionId, messageIds } = job.payload;
  if (
    typeof ownerId !== 'string' ||
    typeof characterId !== 'string' ||
    typeof sessionId !== 'string' ||
    !Array.isArray(messageIds) ||
    !messageIds.every((id): id is string => typeof id === 'string')
  ) {
    throw new Error(`job ${job.id}: malformed ${job.kind} payload`);
  }
  return { ownerId, characterId, sessionId, messageIds };
}

/**
 * Handles a turn job: turn memories (id = message id, so a retry adds nothing twice), then the
 * relationship step for each user message whose memory this run added (so a retry does not apply
 * it twice), then a warm index and, when enabled, a fact-extraction job.
 */
export function createTurnJobHandler(dependencies: TurnMemoryDependencies): JobHandler {
  const { store, spaces, worker } = dependencies;
  return async (job) => {
    const { ownerId, characterId, sessionId, messageIds } = turnPayload(job);
    const character = await store.characters.get(characterId);
    const session = await store.sessions.get(sessionId);
    // The chat or character was deleted before the job ran: nothing to remember.
    if (character === null || session === null || session.ownerId !== ownerId) return;
    const messages = [];
    for (const id of messageIds) {
      const message = await store.messages.get(id);
      if (message !== null && message.sessionId === sessionId && message.content.trim() !== '')
        messages.push(message);
    }
    const drafts: MemoryDraft[] = messages.map((message) => ({
      id: message.id,
      ownerId,
      characterId,
      sessionId,
      kind: 'turn',
      text: message.content,
      speaker: message.role === 'user' ? dependencies.userName : character.card.name,
      timestamp: message.createdAt,
      citedMessageIds: [message.id],
    }));
    const added = new Set((await store.memories.add(drafts)).map((record) => record.id));
    const userTurns = messages.filter((message) => message.role === 'user' && added.has(message.id));
    if (userTurns.length > 0) {
      const state = await store.relationships.get(ownerId, characterId);
      let values = state ?? NEUTRAL_RELATIONSHIP;
      let at = state?.updatedAt ?? dependencies.now();
      for (const message of userTurns) {
        values = updateRelationship(values, message.content, Math.max(0, message.createdAt - at));
        at = Math.max(at, message.createdAt);
      }
      await store.relationships.upsert({ ownerId, characterId, ...values, updatedAt: at });
    }
    await spaces.warm(ownerId, characterId);
    if (dependencies.embedding === true) {
      await enqueueEmbedJob(store, worker, { ownerId, characterId }, messageIds.join(','));
    }
    if (dependencies.extraction && userTurns.length > 0) {
      await store.jobs.enqueue({
        kind: FACTS_JOB,
        payload: { ownerId, characterId, sessionId, messageIds },
        idempotencyKey: `${FACTS_JOB}:${messageIds.join(',')}`,
      });
      worker.poke();
    }
    const { summarizeThrough } = job.payload;
    if (dependencies.extraction && typeof summarizeThrough === 'string') {
      const through = { ownerId, characterId, sessionId, throughMessageId: summarizeThrough };
      if ((await scheduleSummaries(store, through)) > 0) worker.poke();
    }
  };
}
