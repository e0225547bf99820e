/** A real SQLite store in a temp folder and accounts over it with a cheap scrypt and a settable clock. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../spec/store.js';
import { openSqliteStore } from '../../store/index.js';
import type { Accounts } from '../accounts.js';
import { createAccounts } from '../accounts.js';

/** What each accounts test works with. */
export interface AccountsFixture {
  store: Store;
  accounts: Accounts;
  clock: { now: number };
  close(): Promise<void>;
}

/** Opens a fresh store and accounts; `scryptCost` 1024 keeps tests fast. */
export async function openAccountsFixture(options: { sessionTtlMs?: number } = {}): Promise<AccountsFixture> {
  const folder = await mkdtemp(join(tmpdir(), 'starling-accounts-'));
  const clock = { now: 1_700_000_000_000 };
  const store = openSqliteStore({ path: join(folder, 'test.db'), now: () => clock.now });
  const accounts = createAccounts(store, { now: () => clock.now, scryptCost: 1024, ...options });
  return {
    store,
    accounts,
    clock,
    async close() {
      await store.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
