/** `starling keys create|list|revoke`: API keys for a user; a key is printed once, at creation. */
import type { Command } from 'commander';
import { API_KEY_SCOPES, checkScopes, createAccounts } from '../../accounts/index.js';
import type { ApiKeyRecord } from '../../spec/store.js';
import { createOutput, parsePositiveInt } from '../output.js';
import { requireUserByName, withStarling } from './shared.js';

const dayMs = 24 * 60 * 60 * 1000;

function keyJson({ id, name, prefix, scopes, createdAt, expiresAt, lastUsedAt, revokedAt }: ApiKeyRecord) {
  return { id, name, prefix, scopes, createdAt, expiresAt, lastUsedAt, revokedAt };
}

function keyStatus(record: ApiKeyRecord, now: number): string {
  if (record.revokedAt !== null) return 'revoked';
  if (record.expiresAt !== null && record.expiresAt <= now) return 'expired';
  return 'active';
}

/** Registers `keys`. */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description("manage users' API keys");

  keys
    .command('create')
    .requiredOption('--user <name>', 'the user the key acts as')
    .option('--name <label>', 'a label to tell keys apart', 'default')
    .option('--scopes <list>', `comma-separated: ${API_KEY_SCOPES.join(', ')}`, 'read,write,chat')
    .option('--expires-in-days <days>', 'expire the key after this many days')
    .option('--json', 'print {key, id, name, prefix, scopes, expiresAt} as JSON')
    .action(
      async (options: {
        user: string;
        name: string;
        scopes: string;
        expiresInDays?: string;
        json?: boolean;
      }) => {
        const output = createOutput(options.json === true);
        const scopes = checkScopes(options.scopes.split(',').map((scope) => scope.trim()));
        const days = parsePositiveInt('--expires-in-days', options.expiresInDays);
        await withStarling(async (starling) => {
          const user = await requireUserByName(starling.store, options.user);
          const expiresAt = days === undefined ? null : Date.now() + days * dayMs;
          const accounts = createAccounts(starling.store);
          const { key, record } = await accounts.createApiKey(user.id, {
            name: options.name,
            scopes,
            expiresAt,
          });
          if (output.json) {
            const { id, name, prefix, expiresAt: expires } = record;
            return output.printJson({ key, id, name, prefix, scopes: record.scopes, expiresAt: expires });
          }
          process.stderr.write(`created key ${record.id} for "${user.name}"; it is shown only now:\n`);
          output.say(key);
        });
      },
    );

  keys
    .command('list')
    .requiredOption('--user <name>', 'whose keys')
    .option('--json', 'print [{id, name, prefix, scopes, createdAt, expiresAt, lastUsedAt, revokedAt}]')
    .action(async (options: { user: string; json?: boolean }) => {
      const output = createOutput(options.json === true);
      await withStarling(async (starling) => {
        const user = await requireUserByName(starling.store, options.user);
        const records = await createAccounts(starling.store).listApiKeys(user.id);
        if (output.json) return output.printJson(records.map(keyJson));
        const now = Date.now();
        for (const record of records) {
          const scopes = record.scopes.join(',');
          output.say(`${record.id}  ${record.prefix}…  ${record.name}  ${scopes}  ${keyStatus(record, now)}`);
        }
      });
    });

  keys
    .command('revoke')
    .argument('<id>', 'the key id (from `starling keys list`)')
    .requiredOption('--user <name>', 'whose key')
    .action(async (id: string, options: { user: string }) => {
      await withStarling(async (starling) => {
        const user = await requireUserByName(starling.store, options.user);
        await createAccounts(starling.store).revokeApiKey(user.id, id);
        process.stderr.write(`revoked key ${id} of "${user.name}"\n`);
      });
    });
}
