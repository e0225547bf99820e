/** `starling sessions list|show|delete`. */
import type { Command } from 'commander';
import { StarlingError } from '../../spec/errors.js';
import { createOutput } from '../output.js';
import { withStarling } from './shared.js';

/** Registers `sessions`. */
export function registerSessions(program: Command): void {
  const sessions = program.command('sessions').description('list and show chat sessions');

  sessions
    .command('list')
    .option('--character <character>', 'only sessions with this character (id or name)')
    .option('--json', 'print an array of sessions')
    .action(async (options: { character?: string; json?: boolean }) => {
      const output = createOutput(options.json === true);
      await withStarling(async (starling) => {
        const characterId = options.character ? (await starling.character(options.character)).id : undefined;
        const list = await starling.store.sessions.list({ ownerId: starling.user.id, characterId });
        if (output.json) return output.printJson(list);
        if (list.length === 0) output.say('no sessions yet: starling chat <character>');
        for (const session of list) {
          output.say(`${session.id}  ${session.title}  ${new Date(session.updatedAt).toISOString()}`);
        }
      });
    });

  sessions
    .command('show')
    .argument('<id>', 'session id')
    .option('--json', 'print {id, characterId, headId, messages: [...]} with the whole message tree')
    .action(async (id: string, options: { json?: boolean }) => {
      const output = createOutput(options.json === true);
      await withStarling(async (starling) => {
        const session = await starling.store.sessions.get(id);
        if (!session || session.ownerId !== starling.user.id) {
          throw new StarlingError('session_not_found', `no session with id ${id}`);
        }
        const messages = await starling.store.messages.tree(id);
        if (output.json) return output.printJson({ ...session, messages });
        const active = new Set(
          session.headId ? (await starling.store.messages.path(session.headId)).map((m) => m.id) : [],
        );
        output.say(`${session.title} (${session.id})`);
        for (const message of messages) {
          if (!active.has(message.id)) continue;
          const mark = message.status === 'complete' ? '' : ` [${message.status}]`;
          output.say(`[${message.role}]${mark} ${message.content}`);
        }
        const hidden = messages.length - active.size;
        if (hidden > 0)
          output.say(`(${hidden} message(s) on other swipes or branches; --json shows the whole tree)`);
      });
    });

  sessions
    .command('delete')
    .argument('<id>', 'session id')
    .action(async (id: string) => {
      await withStarling(async (starling) => {
        const session = await starling.store.sessions.get(id);
        if (!session || session.ownerId !== starling.user.id) {
          throw new StarlingError('session_not_found', `no session with id ${id}`);
        }
        await starling.store.sessions.delete(id);
        process.stderr.write(`deleted session ${id}\n`);
      });
    });
}
