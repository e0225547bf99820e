/**
 * The `starling` command line. Each command opens Starling over STARLING_HOME, does one job and
 * closes it; failures print one `error: <code>: <message>` line and exit non-zero.
 */
import { Command, CommanderError } from 'commander';
import { StarlingError } from '../spec/errors.js';
import { reportError } from './output.js';
import { registerImport } from './commands/import.js';
import { registerCharacters } from './commands/characters.js';
import { registerLorebooks } from './commands/lorebooks.js';
import { registerPrompt } from './commands/prompt.js';
import { registerChat } from './commands/chat.js';
import { registerSessions } from './commands/sessions.js';
import { registerModels } from './commands/models.js';
import { registerQuickstart } from './commands/quickstart.js';
import { registerServe } from './commands/serve.js';
import { registerUsers } from './commands/users.js';
import { registerKeys } from './commands/keys.js';
import { registerEval } from './commands/eval.js';
import { registerMemory } from './commands/memory.js';
import { registerModerate } from './commands/moderate.js';
import { registerRedteam } from './commands/redteam.js';

/** Builds the command tree. */
export function buildProgram(): Command {
  const program = new Command('starling')
    .description('Starling: personalized AI characters on local or remote models')
    .version('0.1.0')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: (text) => void process.stderr.write(text), outputError: () => undefined });
  registerImport(program);
  registerCharacters(program);
  registerLorebooks(program);
  registerPrompt(program);
  registerChat(program);
  registerSessions(program);
  registerModels(program);
  registerQuickstart(program);
  registerServe(program);
  registerUsers(program);
  registerKeys(program);
  registerEval(program);
  registerMemory(program);
  registerModerate(program);
  registerRedteam(program);
  for (const command of program.commands) inheritExitOverride(command);
  return program;
}

function inheritExitOverride(command: Command): void {
  command.exitOverride().configureOutput({ outputError: () => undefined });
  for (const child of command.commands) inheritExitOverride(child);
}

/** Runs the CLI with process-style argv and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      reportError(new StarlingError('usage', error.message.replace(/^error: /, '')));
      return 2;
    }
    reportError(error);
    return 1;
  }
}
