/** `starling chat`: one turn with --message, or an interactive conversation. */
import type { Command } from 'commander';
import { StarlingError } from '../../spec/errors.js';
import type { Starling, TurnEvent } from '../../engine/index.js';
import { createOutput, parsePositiveInt, type Output } from '../output.js';
import { runRepl } from '../repl.js';
import { withStarling } from './shared.js';

interface ChatOptions {
  message?: string;
  session?: string;
  model?: string;
  maxTokens?: string;
  json?: boolean;
  memoryTools?: boolean;
}

/** Registers `chat`. */
export function registerChat(program: Command): void {
  program
    .command('chat')
    .description('talk with a character (interactive without --message)')
    .argument('<character>', 'id or name')
    .option('--message <text>', 'send one message, print the reply and exit')
    .option('--session <id>', 'continue this session (default: a new one)')
    .option('--model <spec>', 'a configured model name, a catalog name or a .gguf path')
    .option('--max-tokens <n>', 'cap the reply length in tokens')
    .option('--json', 'print {sessionId, messageId, text, finishReason, usage} at the end')
    .option('--memory-tools', 'let the model call remember, recall and forget (models that call tools)')
    .action(async (characterRef: string, options: ChatOptions) => {
      const output = createOutput(options.json === true);
      const maxOutputTokens = parsePositiveInt('--max-tokens', options.maxTokens);
      // Absent: the config's `memoryTools` decides.
      const memoryTools = options.memoryTools === true ? true : undefined;
      await withStarling(async (starling) => {
        const character = await starling.character(characterRef);
        // Load the model before creating a session, so a missing model leaves nothing behind.
        await starling.getModel(options.model);
        const sessionId =
          options.session ??
          (await newSession(starling, character.id, output, options.message === undefined));
        if (options.message === undefined) {
          return runRepl({ starling, sessionId, model: options.model, maxOutputTokens, output, memoryTools });
        }
        const result = await sendWithInterrupt(starling, output, {
          sessionId,
          text: options.message,
          model: options.model,
          maxOutputTokens,
          memoryTools,
        });
        if (output.json) {
          output.printJson({
            sessionId: result.sessionId,
            messageId: result.messageId,
            userMessageId: result.userMessageId,
            text: result.text,
            finishReason: result.finishReason,
            usage: result.usage,
          });
        }
      });
    });
}

async function newSession(starling: Starling, characterId: string, output: Output, showGreeting: boolean) {
  const character = await starling.character(characterId);
  const { session, messages } = await starling.chat.startSession(starling.user.id, character);
  const greeting = messages[0];
  if (showGreeting && greeting) output.say(`${character.card.name}: ${greeting.content}\n`);
  return session.id;
}

/** Sends one message, streaming the reply; Ctrl-C stops generation and keeps the partial reply. */
export async function sendWithInterrupt(
  starling: Starling,
  output: Output,
  input: {
    sessionId: string;
    text: string;
    model?: string;
    maxOutputTokens?: number;
    regenerate?: boolean;
    memoryTools?: boolean;
  },
) {
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  const onEvent = (event: TurnEvent) => {
    if (event.type === 'text-delta') output.stream(event.delta);
  };
  try {
    const options = {
      ownerId: starling.user.id,
      sessionId: input.sessionId,
      model: input.model,
      maxOutputTokens: input.maxOutputTokens,
      memoryTools: input.memoryTools,
      signal: controller.signal,
      onEvent,
    };
    const result = input.regenerate
      ? await starling.chat.regenerate(options)
      : await starling.chat.send(input.text, options);
    output.stream(result.finishReason === 'abort' ? ' [stopped]\n' : '\n');
    return result;
  } catch (error) {
    output.stream('\n');
    if (StarlingError.isInstance(error)) throw error;
    throw new StarlingError('chat_failed', error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}
