/**
 * The background worker for the durable job queue. It runs one job at a time on the event loop,
 * never inside a reply: jobs are claimed from the store, run by their kind's handler, completed, or
 * retried with exponential backoff until `maxAttempts`. Jobs a stopped process left running are
 * queued again on start. Handler failures are recorded on the job, never thrown to callers.
 */
import type { JobRecord } from '../spec/memory-store.js';
import type { Store } from '../spec/store.js';

/** Runs one job; throwing means "try again later". */
export type JobHandler = (job: JobRecord, signal: AbortSignal) => Promise<void>;

export interface JobWorkerOptions {
  store: Store;
  handlers: Record<string, JobHandler>;
  now?: () => number;
  /** Delay before the first retry; doubles per attempt. */
  baseDelayMs?: number;
  maxAttempts?: number;
  /** How often to look for due jobs when nothing pokes the worker. */
  pollMs?: number;
  /** Told about each failed attempt (job absent: the queue itself failed); must not throw. */
  onError?: (error: unknown, job?: JobRecord) => void;
}

export interface JobWorker {
  /** Resumes interrupted jobs and starts the loop (idempotent). */
  start(): Promise<void>;
  /** Wakes the loop now (after an enqueue). */
  poke(): void;
  /** Resolves when no due job is queued or running. */
  idle(): Promise<void>;
  /** Stops the loop and waits for the running job to finish or abort. */
  close(): Promise<void>;
}

/** Creates a worker over the store's job queue. */
export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const { store, handlers } = options;
  const now = options.now ?? Date.now;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxAttempts = options.maxAttempts ?? 5;
  const pollMs = options.pollMs ?? 2000;
  const controller = new AbortController();
  let started: Promise<void> | undefined;
  let loop: Promise<void> = Promise.resolve();
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let idleWaiters: (() => void)[] = [];

  async function runOne(job: JobRecord): Promise<void> {
    const handler = handlers[job.kind];
    try {
      if (handler === undefined) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(job, controller.signal);
      await store.jobs.complete(job.id);
    } catch (error) {
      options.onError?.(error, job);
      const message = error instanceof Error ? error.message : String(error);
      const retryAt =
        job.attempts >= maxAttempts || handler === undefined
          ? null
          : now() + baseDelayMs * 2 ** (job.attempts - 1);
      await store.jobs.fail(job.id, message, retryAt);
    }
  }

  async function drain(): Promise<void> {
    running = true;
    try {
      do {
        again = false;
        for (;;) {
          if (controller.signal.aborted) return;
          const job = await store.jobs.claimNext(now());
          if (job === null) break;
          await runOne(job);
        }
      } while (again && !controller.signal.aborted);
    } catch (error) {
      // A store failure (closed database) stops this round; the next poke or poll tries again.
      options.onError?.(error);
    } finally {
      running = false;
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  function poke(): void {
    if (controller.signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    // Off the caller's stack: a poke from a reply path returns at once.
    loop = new Promise<void>((resolve) => setImmediate(resolve)).then(drain);
  }

  function schedulePoll(): void {
    if (controller.signal.aborted) return;
    timer = setTimeout(() => {
      poke();
      schedulePoll();
    }, pollMs);
    timer.unref();
  }

  return {
    start() {
      started ??= store.jobs.resumeRunning().then(() => {
        schedulePoll();
        poke();
      });
      return started;
    },
    poke,
    async idle() {
      await started;
      for (;;) {
        await loop;
        if (running) {
          await new Promise<void>((resolve) => idleWaiters.push(resolve));
          continue;
        }
        if (controller.signal.aborted) return;
        // Only due work counts: a retry scheduled for later does not keep idle() waiting.
        if ((await store.jobs.pending(now())) === 0) return;
        poke();
      }
    },
    async close() {
      controller.abort();
      if (timer !== undefined) clearTimeout(timer);
      await started?.catch(() => undefined);
      await loop.catch(() => undefined);
    },
  };
}
