/**
 * Memory on the turn path. Before a prompt is assembled: recall memories for the new user message
 * and read the relationship state (both cheap; failures give a turn without memory, never a failed
 * turn). After the turn is stored: enqueue one durable job that indexes the new messages as turn
 * memories, updates the relationship and (when enabled) asks for fact extraction, all off the reply.
 */
import {
  NEUTRAL_RELATIONSHIP,
  decayRelationship,
  relationshipVariables,
  updateRelationship,
} from '../memory/relationship.js';
import type { RecalledMemory } from '../prompt/index.js';
import type { JobRecord, MemoryDraft } from '../spec/memory-store.js';
import type { Store } from '../spec/store.js';
import type { JobHandler, JobWorker } from './job-worker.js';
import type { MemorySpaces } from './memory-spaces.js';

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
  }): Promise<{ memories: RecalledMemory[] | undefined; variables: Record<string, string> }>;
  /** Queues the memory work for messages just stored; never throws. */
  afterTurn(input: {
    ownerId: string;
    characterId: string;
    sessionId: string;
    messageIds: string[];
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
  onError: (error: unknown) => void;
}

/** Creates the turn hooks. */
export function createTurnMemory(dependencies: TurnMemoryDependencies): TurnMemory {
  const { store, spaces, worker, now, onError } = dependencies;
  return {
    async beforeTurn({ ownerId, characterId, text }) {
      let memories: RecalledMemory[] | undefined;
      try {
        memories = await spaces.recall({ ownerId, characterId, text, k: RECALL_CANDIDATES, now: now() });
      } catch (error) {
        onError(error);
      }
      let values = NEUTRAL_RELATIONSHIP;
      try {
        const state = await store.relationships.get(ownerId, characterId);
        if (state !== null) values = decayRelationship(state, now() - state.updatedAt);
      } catch (error) {
        onError(error);
      }
      return { memories, variables: relationshipVariables(values) };
    },
    async afterTurn({ ownerId, characterId, sessionId, messageIds }) {
      if (messageIds.length === 0) return;
      try {
        await store.jobs.enqueue({
          kind: TURN_JOB,
          payload: { ownerId, characterId, sessionId, messageIds },
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
    if (dependencies.extraction && userTurns.length > 0) {
      await store.jobs.enqueue({
        kind: FACTS_JOB,
        payload: { ownerId, characterId, sessionId, messageIds },
        idempotencyKey: `${FACTS_JOB}:${messageIds.join(',')}`,
      });
      worker.poke();
    }
  };
}
