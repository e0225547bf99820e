/**
 * The store conformance suite. Every driver runs it through the `Store` interface only, so a
 * PostgreSQL driver proves itself by calling `describeStoreContract('postgres', openFresh)`.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../spec/store.js';
import { describeAuditContract } from './contract-audit.js';
import { describeAccountContract } from './contract-accounts.js';
import { describeCharacterContract } from './contract-characters.js';
import { describeCredentialContract } from './contract-credentials.js';
import { describeEmbeddingContract } from './contract-embeddings.js';
import { describeLorebookContract } from './contract-lorebooks.js';
import { describeMemoryContract } from './contract-memories.js';
import { describeMessageContract } from './contract-messages.js';
import { describePersonaContract } from './contract-personas.js';
import { describeSessionContract } from './contract-sessions.js';
import { describeSharingContract } from './contract-sharing.js';
import { describeUserContract } from './contract-users.js';
import { describeUserDeleteContract, type TableCounts } from './contract-user-delete.js';

/** What a driver may add to the suite: a row count per table, for the nothing-orphaned checks. */
export interface StoreContractOptions {
  tableCounts?: TableCounts;
}

/** Registers the whole conformance suite; `openFresh` must return an empty store for every test. */
export function describeStoreContract(
  name: string,
  openFresh: () => Promise<Store>,
  options: StoreContractOptions = {},
): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store | undefined;
    beforeEach(async () => {
      store = await openFresh();
    });
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });
    const current = (): Store => {
      if (store === undefined) throw new Error('the store is only open inside a test');
      return store;
    };
    describeAccountContract(current);
    describeUserContract(current);
    describeUserDeleteContract(current, options.tableCounts);
    describeCredentialContract(current);
    describeSharingContract(current);
    describeCharacterContract(current);
    describeLorebookContract(current);
    describeSessionContract(current);
    describeMessageContract(current);
    describeMemoryContract(current);
    describeEmbeddingContract(current);
    describeAuditContract(current);
    describePersonaContract(current);
  });
}
