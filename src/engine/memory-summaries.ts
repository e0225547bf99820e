/**
 * The `memory.summary` job: when history leaves a chat's context window, each complete chunk of
 * messages that left it is summarized by the chat model (in the conversation's language), then
 * rolled up into the chat's session summary and the relationship summary of the person and the
 * character. Each stage checks what is already written before calling the model, and each record
 * is written in one transaction, so a job retried after a crash or a failed call resumes where it
 * stopped and never writes a summary twice. A bad answer writes nothing and fails the attempt (the
 * worker retries with backoff).
 */
import { z } from 'zod';
import {
  chunkSummaryId,
  coveredBy,
  lastCited,
  latestSummary,
  planChunks,
  rollupSummaryId,
  SUMMARY_LIMITS,
} from '../memory/summaries.js';
import {
  chunkSummaryCall,
  relationshipSummaryCall,
  sessionSummaryCall,
  summaryAnswer,
  summaryJsonSchema,
  type SummaryCall,
} from '../memory/summaries-prompts.js';
import { callModel, parseJsonObject } from '../safety/model-call.js';
import { StarlingError } from '../spec/errors.js';
import type { MemoryDraft, MemoryRecord } from '../spec/memory-store.js';
import type { ChatModelHandle } from '../spec/model.js';
import type { MessageRecord, Store } from '../spec/store.js';
import type { JobHandler } from './job-worker.js';
import type { MemorySpaces } from './memory-spaces.js';

export const SUMMARY_JOB = 'memory.summary';

/** Summaries rank with some weight in recall (turns have 0, facts 0.2-1). */
const SUMMARY_IMPORTANCE = 0.5;

export interface SummaryJobDependencies {
  store: Store;
  spaces: MemorySpaces;
  /** The chat model (the default one; jobs do not record which model a turn picked). */
  getModel: () => Promise<ChatModelHandle>;
  userName: string;
  timeoutMs?: number;
}

const payloadShape = z.object({
  ownerId: z.string(),
  characterId: z.string(),
  sessionId: z.string(),
  messageIds: z.array(z.string()).min(1),
});

function usable(message: MessageRecord): boolean {
  return message.content.trim() !== '';
}

/** Root-to-message path; empty when the message was deleted meanwhile. */
async function branchTo(store: Store, messageId: string): Promise<MessageRecord[]> {
  return (await store.messages.get(messageId)) === null ? [] : store.messages.path(messageId);
}

/**
 * Queues a summary job for every complete chunk of the branch up to `throughMessageId` (the last
 * message that left the window) that has no summary yet. Idempotent: a chunk's job key and its
 * summary's id come from the chunk's message ids. Returns how many jobs were queued.
 */
export async function scheduleSummaries(
  store: Store,
  input: { ownerId: string; characterId: string; sessionId: string; throughMessageId: string },
): Promise<number> {
  const { ownerId, characterId, sessionId } = input;
  const branch = await branchTo(store, input.throughMessageId);
  if (branch.length === 0 || branch.some((message) => message.sessionId !== sessionId)) return 0;
  const chunks = planChunks(branch.filter(usable)).map((chunk) => chunk.map((message) => message.id));
  if (chunks.length === 0) return 0;
  const ids = chunks.map((messageIds) => chunkSummaryId(sessionId, messageIds));
  // Forgotten chunk summaries count as written: what a person forgot is not summarized again.
  const written = new Set(
    (await store.memories.list({ ownerId, ids, includeDeleted: true })).map((record) => record.id),
  );
  let queued = 0;
  for (const [index, messageIds] of chunks.entries()) {
    const id = ids[index] ?? '';
    if (written.has(id)) continue;
    const { created } = await store.jobs.enqueue({
      kind: SUMMARY_JOB,
      payload: { ownerId, characterId, sessionId, messageIds },
      idempotencyKey: `${SUMMARY_JOB}:${id}`,
    });
    if (created) queued += 1;
  }
  return queued;
}

/** Creates the `memory.summary` job handler. */
export function createSummaryJobHandler(dependencies: SummaryJobDependencies): JobHandler {
  const { store, spaces } = dependencies;

  async function summarize(call: SummaryCall): Promise<string> {
    const handle = await dependencies.getModel();
    const text = await callModel(handle.model, {
      system: call.system,
      user: call.user,
      schema: summaryJsonSchema(call.scope),
      schemaName: `memory_summary_${call.scope}`,
      maxOutputTokens: SUMMARY_LIMITS.maxOutputTokens,
      timeoutMs: dependencies.timeoutMs ?? 120_000,
    });
    const parsed = summaryAnswer(call.scope).safeParse(parseJsonObject(text));
    if (!parsed.success) {
      throw new StarlingError(
        'memory_summary_invalid',
        `the ${call.scope} summary answer was rejected: ${z.prettifyError(parsed.error)}`,
      );
    }
    return parsed.data.summary;
  }

  /** Writes a roll-up superseding `previous`; a rerun that finds its own record written is done. */
  async function writeRollup(previous: MemoryRecord | undefined, draft: MemoryDraft): Promise<MemoryRecord> {
    try {
      return await store.memories.supersede(previous ? [previous.id] : [], draft);
    } catch (error) {
      const existing = draft.id === undefined ? null : await store.memories.get(draft.id);
      if (StarlingError.isInstance(error) && error.code === 'store_conflict' && existing !== null)
        return existing;
      throw error;
    }
  }

  /** How a chat's summary relates to the branch through `tail`: behind it, ahead on it, or elsewhere. */
  async function branchRelation(
    summary: MemoryRecord | undefined,
    position: ReadonlyMap<string, number>,
    tail: string,
  ): Promise<'none' | 'extends' | 'ahead' | 'diverged'> {
    if (summary === undefined) return 'none';
    if (summary.citedMessageIds.every((id) => position.has(id))) return 'extends';
    const theirs = await branchTo(store, lastCited(summary) ?? '');
    return theirs.some((message) => message.id === tail) ? 'ahead' : 'diverged';
  }

  /** Stage 1: the chunk's own summary, unless written (or forgotten) already. */
  async function summarizeChunk(scope: JobScope, chunk: MessageRecord[]): Promise<void> {
    const messageIds = chunk.map((message) => message.id);
    const id = chunkSummaryId(scope.sessionId, messageIds);
    if ((await store.memories.get(id)) !== null) return;
    const text = await summarize(chunkSummaryCall({ ...scope.names, messages: chunk }));
    await store.memories.add([
      {
        ...scope.base,
        id,
        sessionId: scope.sessionId,
        subject: 'chunk',
        text,
        timestamp: chunk.at(-1)?.createdAt ?? 0,
        citedMessageIds: messageIds,
      },
    ]);
  }

  /** Stage 2: fold the branch's chunk summaries the session summary does not cover yet into it. */
  async function rollUpSession(
    scope: JobScope,
    branch: MessageRecord[],
    chunks: MessageRecord[][],
    previous: MemoryRecord | undefined,
  ): Promise<MemoryRecord | undefined> {
    const position = new Map(branch.map((message, at) => [message.id, at]));
    const relation = await branchRelation(previous, position, chunks.at(-1)?.at(-1)?.id ?? '');
    // One already further along this branch (a later chunk ran first) is left as it is; one of
    // another branch (the person went back and took another way) is replaced, not extended.
    if (relation === 'ahead') return previous;
    const base = relation === 'extends' ? previous : undefined;
    const covered = coveredBy(base);
    const entries = chunks.map((messages) => ({
      id: chunkSummaryId(
        scope.sessionId,
        messages.map((message) => message.id),
      ),
      tail: messages.at(-1)?.id ?? '',
    }));
    const records = new Map(
      (await store.memories.list({ ownerId: scope.ownerId, ids: entries.map((entry) => entry.id) })).map(
        (record) => [record.id, record],
      ),
    );
    const toFold = entries.flatMap((entry) => {
      const record = records.get(entry.id);
      return record === undefined || record.text === '' || covered.has(entry.tail)
        ? []
        : [{ ...entry, record }];
    });
    if (toFold.length === 0) return previous;
    let text = base?.deletedAt === null ? base.text : '';
    for (let start = 0; start < toFold.length; start += SUMMARY_LIMITS.foldBatch) {
      const batch = toFold.slice(start, start + SUMMARY_LIMITS.foldBatch);
      const folded = batch.map((entry) => ({ text: entry.record.text, timestamp: entry.record.timestamp }));
      text = await summarize(sessionSummaryCall({ ...scope.names, previous: text, chunks: folded }));
    }
    const cited = [...covered, ...toFold.map((entry) => entry.tail)].sort(
      (a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0),
    );
    return writeRollup(previous, {
      ...scope.base,
      id: rollupSummaryId('session', previous?.id ?? null, cited),
      sessionId: scope.sessionId,
      subject: 'session',
      text,
      timestamp: Math.max(...toFold.map((entry) => entry.record.timestamp), previous?.timestamp ?? 0),
      citedMessageIds: cited,
    });
  }

  /** Stage 3: fold every chat summary the relationship summary does not cover yet into it. */
  async function rollUpRelationship(
    scope: JobScope,
    sessions: MemoryRecord[],
    previous: MemoryRecord | undefined,
  ): Promise<void> {
    const covered = coveredBy(previous);
    const toFold = sessions
      .filter((record) => record.deletedAt === null && record.text !== '')
      .filter((record) => !covered.has(lastCited(record) ?? ''))
      .sort((a, b) => a.timestamp - b.timestamp || a.id.localeCompare(b.id));
    if (toFold.length === 0) return;
    let text = previous?.deletedAt === null ? previous.text : '';
    for (let start = 0; start < toFold.length; start += SUMMARY_LIMITS.foldBatch) {
      const batch = toFold.slice(start, start + SUMMARY_LIMITS.foldBatch);
      const folded = batch.map((record) => ({ text: record.text, timestamp: record.timestamp }));
      text = await summarize(relationshipSummaryCall({ ...scope.names, previous: text, sessions: folded }));
    }
    // A chat's newer summary replaces its older one in the citations (an ancestor of its last message).
    const replaced = new Set<string>();
    for (const record of toFold) {
      for (const message of await branchTo(store, lastCited(record) ?? '')) replaced.add(message.id);
    }
    const cited = [
      ...(previous?.citedMessageIds ?? []).filter((id) => !replaced.has(id)),
      ...toFold.map((record) => lastCited(record) ?? ''),
    ];
    await writeRollup(previous, {
      ...scope.base,
      id: rollupSummaryId('relationship', previous?.id ?? null, cited),
      sessionId: null,
      subject: 'relationship',
      text,
      timestamp: Math.max(...toFold.map((record) => record.timestamp), previous?.timestamp ?? 0),
      citedMessageIds: cited,
    });
  }

  return async (job) => {
    const parsed = payloadShape.safeParse(job.payload);
    if (!parsed.success) throw new Error(`job ${job.id}: malformed ${job.kind} payload`);
    const { ownerId, characterId, sessionId, messageIds } = parsed.data;
    const character = await store.characters.get(characterId);
    const session = await store.sessions.get(sessionId);
    // The chat or character was deleted before the job ran: nothing to summarize.
    if (character === null || session === null || session.ownerId !== ownerId) return;
    const branch = (await branchTo(store, messageIds.at(-1) ?? '')).filter(usable);
    if (branch.some((message) => message.sessionId !== sessionId)) return;
    const chunks = planChunks(branch);
    const index = chunks.findIndex(
      (chunk) =>
        chunk.length === messageIds.length && chunk.every((message, at) => message.id === messageIds[at]),
    );
    // Messages deleted or edited away since the job was queued: the chunk no longer exists.
    if (index === -1) return;
    const scope: JobScope = {
      ownerId,
      sessionId,
      // The person as prompts name them: their default persona, else the configured name.
      names: {
        userName:
          (await store.personas.list(ownerId)).find((persona) => persona.isDefault)?.name ??
          dependencies.userName,
        characterName: character.card.name,
      },
      base: { ownerId, characterId, kind: 'summary', importance: SUMMARY_IMPORTANCE },
    };
    await summarizeChunk(scope, chunks[index] ?? []);

    const summaries = await store.memories.list({
      ownerId,
      characterId,
      kinds: ['summary'],
      includeSuperseded: false,
      includeDeleted: true,
    });
    const latestOf = (subject: string, ofSession: string | null) =>
      latestSummary(
        summaries.filter((record) => record.subject === subject && record.sessionId === ofSession),
      );
    const current = await rollUpSession(
      scope,
      branch,
      chunks.slice(0, index + 1),
      latestOf('session', sessionId),
    );
    const sessionIds = new Set(
      summaries.flatMap((record) => (record.sessionId === null ? [] : [record.sessionId])),
    );
    const sessions = [...sessionIds].flatMap((id) => {
      const record = id === sessionId ? current : latestOf('session', id);
      return record === undefined ? [] : [record];
    });
    if (current !== undefined && !sessionIds.has(sessionId)) sessions.push(current);
    await rollUpRelationship(scope, sessions, latestOf('relationship', null));
    await spaces.warm(ownerId, characterId);
  };
}

/** What every stage of one job shares. */
interface JobScope {
  ownerId: string;
  sessionId: string;
  names: { userName: string; characterName: string };
  base: Pick<MemoryDraft, 'ownerId' | 'characterId' | 'kind' | 'importance'>;
}
