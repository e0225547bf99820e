/** The interactive chat: plain lines are messages, slash commands work the message tree. */
import { createInterface } from 'node:readline/promises';
import { StarlingError } from '../spec/errors.js';
import type { Starling } from '../engine/index.js';
import type { Output } from './output.js';
import { sendWithInterrupt } from './commands/chat.js';
import { reportError } from './output.js';

const HELP = `commands: /regen  /swipes  /swipe <n>  /edit <text>  /history  /branch <message id>  /delete  /quit`;

/** Runs the read-eval-print loop until /quit or end of input. */
export async function runRepl(input: {
  starling: Starling;
  sessionId: string;
  model?: string;
  maxOutputTokens?: number;
  memoryTools?: boolean;
  output: Output;
}): Promise<void> {
  const { starling, sessionId, output } = input;
  const owner = starling.user.id;
  const lines = createInterface({
    input: process.stdin,
    output: process.stderr,
    terminal: process.stdin.isTTY,
  });
  output.say(`session ${sessionId}. ${HELP}`);
  try {
    for await (const raw of lines) {
      const line = raw.trim();
      if (line === '') continue;
      try {
        if (line === '/quit' || line === '/exit') break;
        if (!line.startsWith('/')) {
          await sendWithInterrupt(starling, output, {
            sessionId,
            text: line,
            model: input.model,
            maxOutputTokens: input.maxOutputTokens,
            memoryTools: input.memoryTools,
          });
          continue;
        }
        const [command = '', ...rest] = line.split(' ');
        const argument = rest.join(' ').trim();
        const session = await starling.store.sessions.get(sessionId);
        const head = session?.headId ?? null;
        switch (command) {
          case '/regen':
            await sendWithInterrupt(starling, output, {
              sessionId,
              text: '',
              model: input.model,
              maxOutputTokens: input.maxOutputTokens,
              memoryTools: input.memoryTools,
              regenerate: true,
            });
            break;
          case '/swipes': {
            if (!head) break;
            const swipes = await starling.chat.swipes(owner, sessionId, head);
            swipes.forEach((swipe, index) =>
              output.say(
                `${index + 1}${swipe.id === head ? '*' : ' '} ${swipe.content.replace(/\s+/g, ' ').slice(0, 100)}`,
              ),
            );
            break;
          }
          case '/swipe': {
            if (!head) break;
            const swipes = await starling.chat.swipes(owner, sessionId, head);
            const chosen = swipes[Number(argument) - 1];
            if (!chosen) throw new StarlingError('usage', `choose a swipe between 1 and ${swipes.length}`);
            await starling.chat.selectSwipe(owner, sessionId, chosen.id);
            output.say(chosen.content);
            break;
          }
          case '/edit':
            if (!head || !argument)
              throw new StarlingError('usage', '/edit <new text> replaces the last message');
            await starling.chat.editMessage(owner, sessionId, head, argument);
            break;
          case '/history':
            if (!head) break;
            for (const message of await starling.store.messages.path(head)) {
              output.say(`[${message.id}] ${message.role}: ${message.content}`);
            }
            break;
          case '/branch':
            await starling.chat.branch(owner, sessionId, argument);
            output.say(`continuing from ${argument}`);
            break;
          case '/delete':
            if (head) await starling.chat.deleteMessage(owner, sessionId, head);
            break;
          default:
            output.say(HELP);
        }
      } catch (error) {
        reportError(error);
        process.exitCode = 0;
      }
    }
  } finally {
    lines.close();
  }
}
