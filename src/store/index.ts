/**
 * The store module: storage drivers behind the `Store` contract of `src/spec/store.ts`. The
 * conformance suite lives in `./contract.js` (it imports vitest, so it is not re-exported here).
 */
export { openSqliteStore, openStore } from './sqlite-store.js';
export type { SqliteStoreOptions } from './sqlite-store.js';
export { createIdGenerator } from './ids.js';
export { migrations } from './migrations.js';
export type { Migration } from './migrations.js';
