import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../spec/store.js';
import { openSqliteStore } from '../store/index.js';
import { createJobWorker, type JobWorker } from './job-worker.js';

describe('job worker', () => {
  let store: Store;
  let worker: JobWorker | undefined;
  afterEach(async () => {
    await worker?.close();
    await store.close();
  });

  it('retries with backoff until it succeeds, and records the error meanwhile', async () => {
    store = openSqliteStore({ path: ':memory:' });
    let calls = 0;
    const errors: unknown[] = [];
    worker = createJobWorker({
      store,
      baseDelayMs: 5,
      handlers: {
        flaky: async () => {
          calls += 1;
          if (calls < 3) throw new Error(`attempt ${calls} failed`);
        },
      },
      onError: (error) => errors.push(error),
    });
    await worker.start();
    const { job } = await store.jobs.enqueue({ kind: 'flaky', payload: {}, idempotencyKey: 'a' });
    worker.poke();
    for (let wait = 0; wait < 50 && (await store.jobs.get(job.id))?.status !== 'done'; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await worker.idle();
    }
    expect(await store.jobs.get(job.id)).toMatchObject({ status: 'done', attempts: 3 });
    expect(errors).toHaveLength(2);
  });

  it('gives up after maxAttempts and on unknown kinds, never throwing to callers', async () => {
    store = openSqliteStore({ path: ':memory:' });
    worker = createJobWorker({
      store,
      baseDelayMs: 0,
      maxAttempts: 2,
      handlers: { broken: () => Promise.reject(new Error('always')) },
    });
    await worker.start();
    const broken = await store.jobs.enqueue({ kind: 'broken', payload: {}, idempotencyKey: 'b' });
    const unknown = await store.jobs.enqueue({ kind: 'mystery', payload: {}, idempotencyKey: 'c' });
    worker.poke();
    await worker.idle();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await worker.idle();
    expect(await store.jobs.get(broken.job.id)).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastError: 'always',
    });
    expect(await store.jobs.get(unknown.job.id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('resumes a job a stopped process left running, and close waits for the running job', async () => {
    store = openSqliteStore({ path: ':memory:' });
    const { job } = await store.jobs.enqueue({ kind: 'work', payload: {}, idempotencyKey: 'd' });
    await store.jobs.claimNext(Date.now());
    let finished = false;
    worker = createJobWorker({
      store,
      handlers: {
        work: async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          finished = true;
        },
      },
    });
    await worker.start();
    await worker.idle();
    expect(finished).toBe(true);
    expect(await store.jobs.get(job.id)).toMatchObject({ status: 'done', attempts: 2 });

    finished = false;
    await store.jobs.enqueue({ kind: 'work', payload: {}, idempotencyKey: 'e' });
    worker.poke();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await worker.close();
    expect(finished).toBe(true);
  });
});
