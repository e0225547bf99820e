/**
 * `starling quickstart`: the newcomer's path. Makes sure a model is available (pulling the embedded
 * default when nothing is configured), imports the bundled example character when there is none,
 * and opens a chat.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { defaultModelName, pullModel } from '../../models/index.js';
import { StarlingError } from '../../spec/errors.js';
import { createOutput } from '../output.js';
import { createProgressBar } from '../progress.js';
import { runRepl } from '../repl.js';
import { withStarling } from './shared.js';

const EXAMPLE = fileURLToPath(new URL('../../../examples/lin-the-tea-keeper.json', import.meta.url));

/** Registers `quickstart`. */
export function registerQuickstart(program: Command): void {
  program
    .command('quickstart')
    .description('pull the default model if needed, import the example character, and chat')
    .option('--model <spec>', 'use this model instead of the default')
    .action(async (options: { model?: string }) => {
      const output = createOutput(false);
      await withStarling(async (starling) => {
        try {
          await starling.getModel(options.model);
        } catch (error) {
          if (!StarlingError.isInstance(error) || error.code !== 'model_not_downloaded') throw error;
          output.say(`Downloading the default model ${defaultModelName} (about 1 GB, once)…`);
          const bar = createProgressBar(defaultModelName);
          await pullModel(defaultModelName, {
            modelsDir: path.join(starling.home, 'models'),
            onProgress: ({ received, total }) => bar.update(received, total),
          });
          bar.done();
          await starling.getModel(options.model);
        }
        let [character] = await starling.store.characters.list({ ownerId: starling.user.id, limit: 1 });
        if (!character) {
          const { imported } = await starling.importFiles([
            { name: path.basename(EXAMPLE), bytes: new Uint8Array(await readFile(EXAMPLE)) },
          ]);
          output.say(
            `Imported the example character ${imported[0]?.name ?? ''}. Import your own with: starling import <card.png>`,
          );
          [character] = await starling.store.characters.list({ ownerId: starling.user.id, limit: 1 });
        }
        if (!character) throw new StarlingError('character_not_found', 'no character to chat with');
        const record = await starling.character(character.id);
        const { session, messages } = await starling.chat.startSession(starling.user.id, record);
        if (messages[0]) output.say(`${record.card.name}: ${messages[0].content}\n`);
        await runRepl({ starling, sessionId: session.id, model: options.model, output });
      });
    });
}
