/** `starling import <files...>`: cards (PNG, JSON, CHARX) and lorebooks (lorebook_v3, world info). */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { StarlingError } from '../../spec/errors.js';
import { CARD_LIMITS } from '../../cards/index.js';
import { createOutput } from '../output.js';
import { withStarling } from './shared.js';

/** Registers `import`. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import character cards and lorebooks')
    .argument('<files...>', 'PNG/APNG, JSON or CHARX cards; lorebook_v3 or SillyTavern world-info JSON')
    .option('--user <name>', 'import for this existing user instead of the local one')
    .option('--json', 'print [{id, name, kind, warnings}] as JSON')
    .action(async (files: string[], options: { user?: string; json?: boolean }) => {
      const output = createOutput(options.json === true);
      const inputs: { name: string; bytes: Uint8Array }[] = [];
      for (const file of files) {
        const info = await stat(file).catch(() => null);
        if (!info?.isFile()) throw new StarlingError('file_not_found', `${file}: no such file`);
        if (info.size > CARD_LIMITS.maxFileBytes) {
          throw new StarlingError(
            'card_too_large',
            `${file}: ${info.size} bytes is over the ${CARD_LIMITS.maxFileBytes}-byte limit`,
          );
        }
        inputs.push({ name: path.basename(file), bytes: new Uint8Array(await readFile(file)) });
      }
      await withStarling(
        async (starling) => {
          const { imported, failed } = await starling.importFiles(inputs);
          if (output.json) {
            output.printJson(imported.map(({ id, name, kind, warnings }) => ({ id, name, kind, warnings })));
          } else {
            for (const item of imported) {
              output.say(`imported ${item.kind} "${item.name}" (${item.id}) from ${item.file}`);
              for (const warning of item.warnings)
                output.say(`  warning: ${warning.code}: ${warning.message}`);
            }
          }
          for (const failure of failed) {
            process.stderr.write(`error: ${failure.error.code}: ${failure.file}: ${failure.error.message}\n`);
          }
          if (failed.length > 0) process.exitCode = 1;
        },
        { userName: options.user },
      );
    });
}
