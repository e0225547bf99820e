/**
 * What every SQLite domain shares: the connection, the clock, the id generator, and the two ways to
 * run a unit of work. Domains get it from `openSqliteStore` and keep no other state.
 */
import type Database from 'better-sqlite3';
import { toStoreError } from './store-errors.js';

export interface SqliteContext {
  db: Database.Database;
  now: () => number;
  newId: () => string;
  /** Runs a read-only unit of work, turning driver failures into StarlingErrors. */
  read<T>(work: () => T): T;
  /** Runs a unit of work in one IMMEDIATE transaction: all of it is written, or none of it. */
  write<T>(work: () => T): T;
}

/** Builds the shared context for one open connection. */
export function createSqliteContext(
  db: Database.Database,
  now: () => number,
  newId: () => string,
): SqliteContext {
  // One transaction wrapper for every write; IMMEDIATE takes the write lock up front so two
  // processes on one file wait on busy_timeout instead of failing to upgrade a read lock.
  const transaction = db.transaction((work: () => unknown) => work());
  return {
    db,
    now,
    newId,
    read<T>(work: () => T): T {
      try {
        return work();
      } catch (error) {
        throw toStoreError(error);
      }
    },
    write<T>(work: () => T): T {
      try {
        return transaction.immediate(work) as T;
      } catch (error) {
        throw toStoreError(error);
      }
    },
  };
}
