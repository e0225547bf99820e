/**
 * `starling users add|list|disable|enable|passwd|role|minor|delete`: accounts for operators of a
 * shared instance.
 */
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { createAccounts } from '../../accounts/index.js';
import { StarlingError } from '../../spec/errors.js';
import type { Store, User, UserRole } from '../../spec/store.js';
import { createOutput } from '../output.js';
import { readStdin, requireUserByName, withStarling } from './shared.js';

function userJson({ id, name, role, disabled, minor, createdAt }: User) {
  return { id, name, role, disabled, minor, createdAt };
}

/**
 * The user with this id or name (case-insensitive), or `user_not_found`. The id wins: an account
 * whose name is another account's id cannot stand in for it.
 */
async function userByNameOrId(store: Store, nameOrId: string): Promise<User> {
  const user = (await store.users.get(nameOrId)) ?? (await store.users.findByName(nameOrId));
  if (user === null) {
    throw new StarlingError('user_not_found', `no user with the name or id "${nameOrId}"`, {
      details: { name: nameOrId },
    });
  }
  return user;
}

/** Asks on a terminal for the user's name to be typed back; refuses without a terminal. */
async function confirmDeletion(user: User): Promise<void> {
  if (!process.stdin.isTTY) {
    throw new StarlingError('usage', `deleting "${user.name}" cannot be undone; pass --yes to confirm`);
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(
      `This deletes "${user.name}" and everything they own (characters, chats, memories, keys). Type the name to confirm: `,
    );
    if (answer.trim() !== user.name) throw new StarlingError('usage', 'not confirmed; nothing was deleted');
  } finally {
    prompt.close();
  }
}

/** The password piped on stdin, without the newline `echo` or a heredoc adds. */
async function passwordFromStdin(): Promise<string> {
  const password = (await readStdin()).replace(/\r?\n$/, '');
  if (password === '') throw new StarlingError('usage', '--password-stdin was given but stdin is empty');
  return password;
}

/** Registers `users`. */
export function registerUsers(program: Command): void {
  const users = program.command('users').description('manage the accounts of this instance');

  users
    .command('add')
    .argument('<name>', 'user name: letters, digits, _ - . (1 to 64 characters)')
    .option('--admin', 'make the user an admin')
    .option('--minor', 'mark the user as a minor: their chats run under the teen safety policy at least')
    .option('--password-stdin', 'read the password from stdin (otherwise the user can only use API keys)')
    .option('--json', 'print the user as JSON')
    .action(
      async (
        name: string,
        options: { admin?: boolean; minor?: boolean; passwordStdin?: boolean; json?: boolean },
      ) => {
        const output = createOutput(options.json === true);
        const password = options.passwordStdin === true ? await passwordFromStdin() : undefined;
        await withStarling(async (starling) => {
          const accounts = createAccounts(starling.store);
          const role = options.admin ? 'admin' : 'user';
          const user = await accounts.createUser({ name, password, role, minor: options.minor === true });
          if (output.json) return output.printJson(userJson(user));
          const how = password === undefined ? 'without a password (API keys only)' : 'with a password';
          output.say(`added ${user.role}${user.minor ? ' (minor)' : ''} "${user.name}" (${user.id}) ${how}`);
        });
      },
    );

  users
    .command('list')
    .option('--json', 'print [{id, name, role, disabled, minor, createdAt}] as JSON')
    .action(async (options: { json?: boolean }) => {
      const output = createOutput(options.json === true);
      await withStarling(async (starling) => {
        const all = await createAccounts(starling.store).listUsers();
        if (output.json) return output.printJson(all.map(userJson));
        for (const user of all) {
          const flags = `${user.disabled ? '  disabled' : ''}${user.minor ? '  minor' : ''}`;
          output.say(`${user.name}  ${user.role}${flags}  ${user.id}`);
        }
      });
    });

  for (const [command, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    users
      .command(command)
      .argument('<name>', 'user name')
      .description(disabled ? 'stop a user signing in or using API keys' : 'let a disabled user back in')
      .action(async (name: string) => {
        await withStarling(async (starling) => {
          const user = await requireUserByName(starling.store, name);
          await createAccounts(starling.store).setDisabled(user.id, disabled);
          process.stderr.write(`${command}d user "${user.name}"\n`);
        });
      });
  }

  users
    .command('passwd')
    .argument('<name>', 'user name')
    .description("set a user's password (read from stdin); ends their browser sessions, keeps their API keys")
    .option(
      '--password-stdin',
      'read the new password from stdin (required: passwords never go in arguments)',
    )
    .action(async (name: string, options: { passwordStdin?: boolean }) => {
      if (options.passwordStdin !== true) {
        throw new StarlingError('usage', 'pass --password-stdin and pipe the new password in');
      }
      const password = await passwordFromStdin();
      await withStarling(async (starling) => {
        const user = await requireUserByName(starling.store, name);
        await createAccounts(starling.store).resetPassword(user.id, password);
        process.stderr.write(`set the password of "${user.name}"\n`);
      });
    });

  users
    .command('role')
    .argument('<name>', 'user name')
    .argument('<role>', 'admin or user')
    .description('make a user admin or a normal user (the last active admin cannot be demoted)')
    .action(async (name: string, role: string) => {
      if (role !== 'admin' && role !== 'user') {
        throw new StarlingError('usage', `the role is "admin" or "user", got "${role}"`);
      }
      await withStarling(async (starling) => {
        const user = await requireUserByName(starling.store, name);
        await createAccounts(starling.store).setRole(user.id, role satisfies UserRole);
        process.stderr.write(`"${user.name}" is now ${role === 'admin' ? 'an admin' : 'a normal user'}\n`);
      });
    });

  users
    .command('minor')
    .argument('<name>', 'user name')
    .argument('<state>', 'on or off')
    .description('mark a user as a minor (their chats run under the teen safety policy at least) or not')
    .action(async (name: string, state: string) => {
      if (state !== 'on' && state !== 'off') {
        throw new StarlingError('usage', `the state is "on" or "off", got "${state}"`);
      }
      await withStarling(async (starling) => {
        const user = await requireUserByName(starling.store, name);
        await createAccounts(starling.store).setMinor(user.id, state === 'on');
        process.stderr.write(
          `"${user.name}" is ${state === 'on' ? 'now marked as a minor' : 'no longer marked as a minor'}\n`,
        );
      });
    });

  users
    .command('delete')
    .argument('<user>', 'user name or id')
    .description(
      'delete a user and everything they own: characters, chats, memories, keys (audit rows stay, without text)',
    )
    .option('--yes', 'do not ask for confirmation')
    .action(async (nameOrId: string, options: { yes?: boolean }) => {
      await withStarling(async (starling) => {
        const user = await userByNameOrId(starling.store, nameOrId);
        if (options.yes !== true) await confirmDeletion(user);
        await createAccounts(starling.store).deleteUser(user.id);
        process.stderr.write(`deleted user "${user.name}" and everything they owned\n`);
      });
    });
}
