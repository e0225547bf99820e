/** `starling memory list|show|edit|forget|export`: what characters remember about you. */
import type { Command } from 'commander';
import type { Starling } from '../../engine/index.js';
import type { MemoryView } from '../../engine/index.js';
import { createOutput, parsePositiveInt } from '../output.js';
import { withStarling } from './shared.js';

async function characterIdOf(starling: Starling, reference: string | undefined): Promise<string | undefined> {
  return reference ? (await starling.character(reference)).id : undefined;
}

function oneLine(memory: MemoryView): string {
  const date = new Date(memory.timestamp).toISOString().slice(0, 10);
  const text = memory.text.replace(/\s+/g, ' ');
  const short = text.length > 100 ? `${text.slice(0, 100)}…` : text;
  const warning = memory.quarantined ? `  [quarantined: ${memory.quarantined.join(', ')}]` : '';
  return `${memory.id}  ${date}  ${memory.kind}  ${memory.speaker || '-'}: ${short}${warning}`;
}

/** Registers `memory`. */
export function registerMemory(program: Command): void {
  const memory = program.command('memory').description('see, correct and erase what characters remember');

  memory
    .command('list')
    .option('--character <character>', 'only memories with this character (id or name)')
    .option('--search <text>', 'only memories containing this text')
    .option('--kind <kind>', 'turn, summary or fact')
    .option('--limit <n>', 'at most this many')
    .option('--json', 'print an array of memories')
    .action(
      async (options: {
        character?: string;
        search?: string;
        kind?: string;
        limit?: string;
        json?: boolean;
      }) => {
        const output = createOutput(options.json === true);
        const limit = parsePositiveInt('--limit', options.limit);
        await withStarling(async (starling) => {
          const kind = options.kind;
          const list = await starling.memories.list(starling.user.id, {
            characterId: await characterIdOf(starling, options.character),
            search: options.search,
            ...(kind === 'turn' || kind === 'summary' || kind === 'fact' ? { kinds: [kind] } : {}),
            limit,
          });
          if (output.json) return output.printJson(list);
          if (list.length === 0) output.say('nothing remembered yet');
          for (const record of list) output.say(oneLine(record));
        });
      },
    );

  memory
    .command('show')
    .argument('<id>', 'memory id')
    .option('--json', 'print the memory record')
    .action(async (id: string, options: { json?: boolean }) => {
      const output = createOutput(options.json === true);
      await withStarling(async (starling) => {
        const record = await starling.memories.get(starling.user.id, id);
        if (output.json) return output.printJson(record);
        output.say(oneLine(record));
        output.say(`  text: ${record.text}`);
        output.say(`  session: ${record.sessionId ?? '-'}  messages: ${record.citedMessageIds.join(', ')}`);
        if (record.subject) output.say(`  subject: ${record.subject}`);
        output.say(`  importance ${record.importance}  confidence ${record.confidence}`);
      });
    });

  memory
    .command('edit')
    .argument('<id>', 'memory id')
    .argument('<text>', 'the corrected text')
    .option('--json', 'print the edited memory')
    .action(async (id: string, text: string, options: { json?: boolean }) => {
      const output = createOutput(options.json === true);
      await withStarling(async (starling) => {
        const record = await starling.memories.edit(starling.user.id, id, { text });
        if (output.json) return output.printJson(record);
        output.say(oneLine(record));
      });
    });

  memory
    .command('forget')
    .argument('<ids...>', 'memory ids')
    .option('--json', 'print {forgotten}')
    .action(async (ids: string[], options: { json?: boolean }) => {
      const output = createOutput(options.json === true);
      await withStarling(async (starling) => {
        const forgotten = await starling.memories.forget(starling.user.id, ids);
        if (output.json) return output.printJson({ forgotten });
        output.say(`forgot ${forgotten} memor${forgotten === 1 ? 'y' : 'ies'}`);
      });
    });

  memory
    .command('export')
    .option('--character <character>', 'only memories with this character (id or name)')
    .option('--json', 'print JSON (the default; kept for symmetry)')
    .action(async (options: { character?: string }) => {
      const output = createOutput(true);
      await withStarling(async (starling) => {
        const characterId = await characterIdOf(starling, options.character);
        output.printJson(await starling.memories.export(starling.user.id, characterId));
      });
    });
}
