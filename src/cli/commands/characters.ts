/** `starling characters list|show|export|delete`. */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { StarlingError } from '../../spec/errors.js';
import { exportCard, toV3Object } from '../../cards/index.js';
import { createOutput } from '../output.js';
import { withStarling } from './shared.js';

const FORMATS = ['png', 'json', 'charx'] as const;
type ExportFormat = (typeof FORMATS)[number];

/** Registers `characters`. */
export function registerCharacters(program: Command): void {
  const characters = program.command('characters').description('list, show, export and delete characters');

  characters
    .command('list')
    .option('--json', 'print an array of {id, name, version, tags, updatedAt}')
    .option('--search <text>', 'filter by name, nickname, tag or creator')
    .option('--tag <tag>', 'only characters with this tag')
    .action(async (options: { json?: boolean; search?: string; tag?: string }) => {
      const output = createOutput(options.json === true);
      await withStarling(async (starling) => {
        const list = await starling.store.characters.list({
          ownerId: starling.user.id,
          search: options.search,
          tag: options.tag,
        });
        if (output.json) return output.printJson(list);
        if (list.length === 0) output.say('no characters yet: starling import <card.png>');
        for (const item of list)
          output.say(`${item.id}  ${item.name}  v${item.version}  ${item.tags.join(', ')}`);
      });
    });

  characters
    .command('show')
    .argument('<character>', 'id or name')
    .option('--json', 'print the V3 card object {spec, spec_version, data}')
    .action(async (idOrName: string, options: { json?: boolean }) => {
      const output = createOutput(options.json === true);
      await withStarling(async (starling) => {
        const record = await starling.character(idOrName);
        const card = toV3Object(record.card);
        if (output.json) return output.printJson(card);
        const data = record.card;
        output.say(`${data.name} (${record.id}, version ${record.version})`);
        for (const [label, value] of [
          ['description', data.description],
          ['personality', data.personality],
          ['scenario', data.scenario],
          ['first message', data.firstMessage],
        ] as const) {
          if (value.trim()) output.say(`\n${label}:\n${value}`);
        }
        if (data.alternateGreetings.length)
          output.say(`\nalternate greetings: ${data.alternateGreetings.length}`);
        if (data.lorebook) output.say(`lorebook entries: ${data.lorebook.entries.length}`);
      });
    });

  characters
    .command('export')
    .argument('<character>', 'id or name')
    .requiredOption('--format <format>', 'png, json or charx')
    .requiredOption('-o, --output <file>', 'where to write the card')
    .action(async (idOrName: string, options: { format: string; output: string }) => {
      if (!FORMATS.includes(options.format as ExportFormat)) {
        throw new StarlingError(
          'usage',
          `--format must be one of ${FORMATS.join(', ')}, got "${options.format}"`,
        );
      }
      await withStarling(async (starling) => {
        const record = await starling.character(idOrName);
        const assets = await starling.store.characters.getAssets(record.id);
        await writeFile(options.output, exportCard(record.card, assets, options.format as ExportFormat));
        process.stderr.write(`wrote ${options.output}\n`);
      });
    });

  characters
    .command('delete')
    .argument('<character>', 'id or name')
    .option('--json', 'print {deleted: id}')
    .action(async (idOrName: string, options: { json?: boolean }) => {
      const output = createOutput(options.json === true);
      await withStarling(async (starling) => {
        const record = await starling.character(idOrName);
        await starling.store.characters.delete(record.id);
        if (output.json) return output.printJson({ deleted: record.id });
        output.say(`deleted "${record.card.name}" (${record.id}) and its sessions`);
      });
    });
}
