/**
 * The `memory.embed` job: embeds the live memories of one space that have no vector from the
 * configured embedder yet (new turns, facts, edited memories, and the whole history the first time
 * an embedder is set), in batches, off the reply path. Idempotent: it works from what is missing, and
 * the store keeps a vector only if its memory did not change meanwhile. A failure throws, so the job
 * queue retries it; the BM25 side never depends on it.
 */
import type { Embedder } from '../spec/embedder.js';
import type { JobRecord } from '../spec/memory-store.js';
import type { Store } from '../spec/store.js';
import type { JobHandler, JobWorker } from './job-worker.js';
import type { MemorySpaces } from './memory-spaces.js';

export const EMBED_JOB = 'memory.embed';

export interface EmbedJobDependencies {
  store: Store;
  spaces: MemorySpaces;
  worker: JobWorker;
  embedder: () => Promise<Embedder>;
  /** Texts per embedder call; default 32. */
  batchSize?: number;
  /** Memories one run embeds before it queues a follow-up job; default 512. */
  perRun?: number;
}

/** Queues an embed job for a space; `key` makes it idempotent (e.g. the turn's message ids). */
export async function enqueueEmbedJob(
  store: Store,
  worker: JobWorker,
  space: { ownerId: string; characterId: string },
  key: string,
): Promise<void> {
  await store.jobs.enqueue({
    kind: EMBED_JOB,
    payload: { ownerId: space.ownerId, characterId: space.characterId },
    idempotencyKey: `${EMBED_JOB}:${key}`,
  });
  worker.poke();
}

function embedPayload(job: JobRecord): { ownerId: string; characterId: string } {
  const { ownerId, characterId } = job.payload;
  if (typeof ownerId !== 'string' || typeof characterId !== 'string') {
    throw new Error(`job ${job.id}: malformed ${job.kind} payload`);
  }
  return { ownerId, characterId };
}

/** Creates the handler. */
export function createEmbedJobHandler(dependencies: EmbedJobDependencies): JobHandler {
  const { store, spaces, worker } = dependencies;
  const batchSize = Math.max(1, dependencies.batchSize ?? 32);
  const perRun = Math.max(batchSize, dependencies.perRun ?? 512);
  return async (job, signal) => {
    const space = embedPayload(job);
    const embedder = await dependencies.embedder();
    let attempted = 0;
    let lastId = '';
    while (attempted < perRun) {
      signal.throwIfAborted();
      const missing = await store.embeddings.missing({ ...space, embedderId: embedder.id, limit: batchSize });
      if (missing.length === 0) break;
      const vectors = await embedder.embed(
        missing.map((memory) => memory.text),
        { signal },
      );
      await store.embeddings.put(
        missing.map((memory, index) => ({
          memoryId: memory.id,
          embedderId: embedder.id,
          vector: vectors[index] as Float32Array,
          memoryUpdatedAt: memory.updatedAt,
        })),
      );
      attempted += missing.length;
      lastId = missing.at(-1)?.id ?? lastId;
    }
    await spaces.warm(space.ownerId, space.characterId, embedder.id);
    // A long history (an embedder set on an old install) continues in a follow-up job, so other
    // memory work is not held up behind it.
    if (attempted >= perRun) await enqueueEmbedJob(store, worker, space, `${job.id}>${lastId}`);
  };
}
