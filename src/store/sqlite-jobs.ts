/** The durable job queue on SQLite: one row per job, claimed atomically, keyed for idempotency. */
import type { JobRecord, JobStore } from '../spec/memory-store.js';
import { jsonObjectShape } from './json-shapes.js';
import { readJson } from './rows.js';
import type { SqliteContext } from './sqlite-context.js';

interface JobRow {
  id: string;
  kind: string;
  payload: string;
  idempotency_key: string;
  status: JobRecord['status'];
  attempts: number;
  run_after: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

function toJobRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    kind: row.kind,
    payload: readJson('memory_jobs', row.id, row.payload, jsonObjectShape),
    idempotencyKey: row.idempotency_key,
    status: row.status,
    attempts: row.attempts,
    runAfter: row.run_after,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Creates the SQLite job domain; statements are prepared once here. */
export function createSqliteJobs(context: SqliteContext): JobStore {
  const { db } = context;
  const insert = db.prepare(
    `INSERT OR IGNORE INTO memory_jobs (id, kind, payload, idempotency_key, status, attempts, run_after,
       last_error, created_at, updated_at)
     VALUES (@id, @kind, @payload, @key, 'queued', 0, @runAfter, NULL, @now, @now)`,
  );
  const selectByKey = db.prepare<[string], JobRow>('SELECT * FROM memory_jobs WHERE idempotency_key = ?');
  const selectOne = db.prepare<[string], JobRow>('SELECT * FROM memory_jobs WHERE id = ?');
  const selectDue = db.prepare<[number], JobRow>(
    `SELECT * FROM memory_jobs WHERE status = 'queued' AND run_after <= ? ORDER BY run_after, id LIMIT 1`,
  );
  const markRunning = db.prepare<[number, string]>(
    `UPDATE memory_jobs SET status = 'running', attempts = attempts + 1, updated_at = ? WHERE id = ?`,
  );
  const markDone = db.prepare<[number, string]>(
    `UPDATE memory_jobs SET status = 'done', last_error = NULL, updated_at = ? WHERE id = ?`,
  );
  const markFailed = db.prepare<{ id: string; error: string; status: string; runAfter: number; now: number }>(
    `UPDATE memory_jobs SET status = @status, last_error = @error, run_after = @runAfter, updated_at = @now
     WHERE id = @id`,
  );
  const requeueRunning = db.prepare<[number]>(
    `UPDATE memory_jobs SET status = 'queued', updated_at = ? WHERE status = 'running'`,
  );
  const countPending = db.prepare<{ now: number | null }, { count: number }>(
    `SELECT count(*) AS count FROM memory_jobs WHERE status = 'running'
       OR (status = 'queued' AND (@now IS NULL OR run_after <= @now))`,
  );

  return {
    async enqueue(input) {
      return context.write(() => {
        const now = context.now();
        const created =
          insert.run({
            id: context.newId(),
            kind: input.kind,
            payload: JSON.stringify(input.payload),
            key: input.idempotencyKey,
            runAfter: input.runAfter ?? now,
            now,
          }).changes > 0;
        return { job: toJobRecord(selectByKey.get(input.idempotencyKey) as JobRow), created };
      });
    },
    async claimNext(now) {
      return context.write(() => {
        const row = selectDue.get(now);
        if (row === undefined) return null;
        markRunning.run(context.now(), row.id);
        return toJobRecord(selectOne.get(row.id) as JobRow);
      });
    },
    async complete(id) {
      context.write(() => markDone.run(context.now(), id));
    },
    async fail(id, error, retryAt) {
      context.write(() => {
        const now = context.now();
        markFailed.run({
          id,
          error: error.slice(0, 2000),
          status: retryAt === null ? 'failed' : 'queued',
          runAfter: retryAt ?? now,
          now,
        });
      });
    },
    async resumeRunning() {
      return context.write(() => requeueRunning.run(context.now()).changes);
    },
    async get(id) {
      return context.read(() => {
        const row = selectOne.get(id);
        return row === undefined ? null : toJobRecord(row);
      });
    },
    async pending(now) {
      return context.read(() => countPending.get({ now: now ?? null })?.count ?? 0);
    },
  };
}
