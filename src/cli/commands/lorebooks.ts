/** `starling lorebooks list|show|attach|detach`. */
import type { Command } from 'commander';
import { StarlingError } from '../../spec/errors.js';
import { lorebookToV3Object } from '../../cards/index.js';
import type { Starling } from '../../engine/index.js';
import { createOutput } from '../output.js';
import { withStarling } from './shared.js';

async function lorebook(starling: Starling, idOrName: string) {
  const record = await starling.store.lorebooks.resolve(starling.user.id, idOrName);
  if (!record) throw new StarlingError('lorebook_not_found', `no lorebook with id or name "${idOrName}"`);
  return record;
}

/** Registers `lorebooks`. */
export function registerLorebooks(program: Command): void {
  const lorebooks = program.command('lorebooks').description('list, show and attach lorebooks');

  lorebooks
    .command('list')
    .option('--json', 'print an array of {id, name, entries, characterIds, global}')
    .action(async (options: { json?: boolean }) => {
      const output = createOutput(options.json === true);
      await withStarling(async (starling) => {
        const list = (await starling.store.lorebooks.list(starling.user.id)).map((record) => ({
          id: record.id,
          name: record.book.name,
          entries: record.book.entries.length,
          characterIds: record.characterIds,
          global: record.global,
        }));
        if (output.json) return output.printJson(list);
        if (list.length === 0) output.say('no lorebooks yet: starling import <world.json>');
        for (const item of list) {
          const where = item.global ? 'global' : `attached to ${item.characterIds.length} character(s)`;
          output.say(`${item.id}  ${item.name}  ${item.entries} entries  ${where}`);
        }
      });
    });

  lorebooks
    .command('show')
    .argument('<lorebook>', 'id or name')
    .option('--json', 'print the lorebook_v3 object')
    .action(async (idOrName: string, options: { json?: boolean }) => {
      const output = createOutput(options.json === true);
      await withStarling(async (starling) => {
        const record = await lorebook(starling, idOrName);
        if (output.json) return output.printJson(lorebookToV3Object(record.book));
        output.say(`${record.book.name} (${record.id}): ${record.book.entries.length} entries`);
        for (const entry of record.book.entries) {
          const state = entry.enabled ? (entry.constant ? 'constant' : 'keyed') : 'disabled';
          output.say(`  #${entry.id} ${entry.name || '(unnamed)'} [${state}] keys: ${entry.keys.join(', ')}`);
        }
      });
    });

  for (const [name, attach] of [
    ['attach', true],
    ['detach', false],
  ] as const) {
    lorebooks
      .command(name)
      .argument('<lorebook>', 'id or name')
      .argument('[character]', 'id or name; omit with --global')
      .option('--global', `${attach ? 'apply to' : 'stop applying to'} every character`)
      .action(async (bookRef: string, characterRef: string | undefined, options: { global?: boolean }) => {
        await withStarling(async (starling) => {
          const record = await lorebook(starling, bookRef);
          if (options.global) {
            await starling.store.lorebooks.setGlobal(record.id, attach);
          } else {
            if (!characterRef)
              throw new StarlingError('usage', `lorebooks ${name} needs a character or --global`);
            const character = await starling.character(characterRef);
            if (attach) await starling.store.lorebooks.attach(record.id, character.id);
            else await starling.store.lorebooks.detach(record.id, character.id);
          }
          process.stderr.write(`${name === 'attach' ? 'attached' : 'detached'} ${record.book.name}\n`);
        });
      });
  }
}
