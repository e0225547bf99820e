/**
 * The vector half of a memory space: the configured embedder (opened once, on first use), the
 * bounded query embedding on the turn path (a timeout or failure means BM25 only, never a failed
 * turn), and the space's vector index, loaded from the store and caught up with vectors the
 * `memory.embed` job stored since (also by another process).
 */
import type { MemoryItem } from '../memory/index.js';
import { createVectorIndex, type VectorIndex } from '../memory/vector-index.js';
import type { Embedder } from '../spec/embedder.js';
import { StarlingError } from '../spec/errors.js';
import type { Store } from '../spec/store.js';

/** How long a turn waits for its query's embedding before recalling with BM25 alone. */
export const QUERY_EMBED_TIMEOUT_MS = 300;

export interface SpaceEmbedding {
  /** The configured embedder, opened on first call (the same promise afterwards). */
  embedder: () => Promise<Embedder>;
  /** Default QUERY_EMBED_TIMEOUT_MS. */
  queryTimeoutMs?: number;
  /** Told about query embeddings that failed or timed out; must not throw. */
  onError: (error: unknown) => void;
}

export interface QueryVector {
  embedderId: string;
  vector: Float32Array;
}

/** One space's vectors from one embedder; `index` is created with the first vector's dimension. */
export interface SpaceVectors {
  embedderId: string;
  index: VectorIndex | null;
  /** Store time of the newest vector read. */
  syncedTo: number;
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Embeds a query within the time limit (opening the embedder counts); null on any failure. */
export async function embedQuery(embedding: SpaceEmbedding, text: string): Promise<QueryVector | null> {
  const limit = embedding.queryTimeoutMs ?? QUERY_EMBED_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(
    () =>
      controller.abort(
        new StarlingError(
          'embedder_timeout',
          `the query was not embedded within ${limit} ms; recalled with BM25 only`,
          {
            details: { timeoutMs: limit },
          },
        ),
      ),
    limit,
  );
  try {
    const embedder = await untilAborted(embedding.embedder(), controller.signal);
    const embedded = embedder.embed([text], { signal: controller.signal });
    embedded.catch(() => undefined); // a late failure after the timeout has nobody to tell
    const [vector] = await untilAborted(embedded, controller.signal);
    return vector === undefined ? null : { embedderId: embedder.id, vector };
  } catch (error) {
    embedding.onError(error);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Loads (first call, or another embedder) or catches up a space's vectors. Only memories the BM25
 * side holds (`items`: live ones) get a vector; a vector whose memory is not known yet is read again
 * next time, so a memory stored between the two reads is not missed.
 */
export async function syncSpaceVectors(
  store: Store,
  space: { ownerId: string; characterId: string; items: ReadonlyMap<string, MemoryItem> },
  current: SpaceVectors | undefined,
  embedderId: string,
): Promise<SpaceVectors> {
  const vectors: SpaceVectors =
    current !== undefined && current.embedderId === embedderId
      ? current
      : { embedderId, index: null, syncedTo: Number.NEGATIVE_INFINITY };
  const fresh = vectors.syncedTo === Number.NEGATIVE_INFINITY;
  const rows = await store.embeddings.list({
    ownerId: space.ownerId,
    characterId: space.characterId,
    embedderId,
    ...(fresh ? {} : { storedSince: vectors.syncedTo - 1 }),
  });
  let syncedTo = vectors.syncedTo;
  let firstSkipped = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    const item = space.items.get(row.memoryId);
    if (item === undefined) {
      firstSkipped = Math.min(firstSkipped, row.createdAt);
      continue;
    }
    vectors.index ??= createVectorIndex(row.dims, fresh ? Math.max(1024, rows.length) : 1024);
    vectors.index.add(item, row.vector);
    syncedTo = Math.max(syncedTo, row.createdAt);
  }
  vectors.syncedTo = Math.max(0, Math.min(syncedTo, firstSkipped - 1));
  return vectors;
}
