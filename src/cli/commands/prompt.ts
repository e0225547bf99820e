/** `starling prompt`: a dry run that prints exactly what the model would get for a message. */
import type { Command } from 'commander';
import { StarlingError } from '../../spec/errors.js';
import type { TokenCounter } from '../../spec/tokens.js';
import { createEstimateTokenCounter } from '../../models/index.js';
import type { Starling } from '../../engine/index.js';
import { createOutput, parsePositiveInt } from '../output.js';
import { withStarling } from './shared.js';

interface PromptOptions {
  message: string;
  session?: string;
  context?: string;
  model?: string;
  json?: boolean;
}

/** Registers `prompt`. */
export function registerPrompt(program: Command): void {
  program
    .command('prompt')
    .description('show what would be sent to the model for a message (nothing is sent or stored)')
    .argument('<character>', 'id or name')
    .requiredOption('--message <text>', 'the user message')
    .option('--session <id>', 'continue this session instead of a fresh one')
    .option('--context <tokens>', 'context size in tokens (default: config, 16384)')
    .option(
      '--model <spec>',
      'count tokens with this model (name, .gguf path); default: the configured model',
    )
    .option('--json', 'print {messages, tokens, lore} as JSON')
    .action(async (characterRef: string, options: PromptOptions) => {
      const output = createOutput(options.json === true);
      const contextOption = parsePositiveInt('--context', options.context);
      await withStarling(async (starling) => {
        const character = await starling.character(characterRef);
        const { counter, contextSize, note } = await chooseCounter(starling, options.model, contextOption);
        if (note) process.stderr.write(`note: ${note}\n`);
        const prompt = await starling.chat.dryRun({
          ownerId: starling.user.id,
          character,
          sessionId: options.session,
          text: options.message,
          counter,
          contextSize,
        });
        if (output.json) {
          return output.printJson({
            messages: prompt.messages.map(({ role, content, sections }) => ({ role, content, sections })),
            tokens: { ...prompt.tokens, counter: counter.kind },
            lore: prompt.lore.map(({ id, name, reason, placement, tokens }) => ({
              id,
              name,
              reason,
              placement,
              tokens,
            })),
            droppedMessageIds: prompt.droppedMessageIds,
            droppedExampleBlocks: prompt.droppedExampleBlocks,
            memories: prompt.memories ?? [],
          });
        }
        for (const message of prompt.messages) {
          output.say(`----- ${message.role} [${message.sections.join(', ')}]`);
          output.say(message.content);
        }
        output.say(`----- ${prompt.tokens.total} of ${prompt.tokens.budget} tokens (${counter.kind})`);
        for (const [section, tokens] of Object.entries(prompt.tokens.bySection))
          output.say(`  ${section}: ${tokens}`);
        for (const entry of prompt.lore)
          output.say(`  lore ${entry.name}: ${entry.reason} -> ${entry.placement}`);
        for (const memory of prompt.memories ?? [])
          output.say(
            `  memory ${memory.id}: ${memory.reason} (messages ${memory.citedMessageIds.join(', ')})`,
          );
      });
    });
}

/** Exact counts with the configured model when it is available; otherwise the documented estimator. */
async function chooseCounter(
  starling: Starling,
  spec: string | undefined,
  contextOption: number | undefined,
): Promise<{ counter: TokenCounter; contextSize: number; note: string | null }> {
  const wanted = contextOption ?? starling.config.contextSize;
  try {
    const handle = await starling.getModel(spec);
    return { counter: handle.tokenCounter, contextSize: Math.min(wanted, handle.contextSize), note: null };
  } catch (error) {
    if (spec !== undefined) throw error;
    const reason = StarlingError.isInstance(error) ? error.code : 'model unavailable';
    return {
      counter: createEstimateTokenCounter(),
      contextSize: wanted,
      note: `no model available (${reason}); token counts are estimates`,
    };
  }
}
