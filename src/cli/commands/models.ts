/** `starling models list|pull|add|remove`. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { StarlingError } from '../../spec/errors.js';
import { modelCatalog, remotePresetNames, pullModel } from '../../models/index.js';
import { resolveHome, saveConfig } from '../../engine/index.js';
import { createOutput, parsePositiveInt } from '../output.js';
import { createProgressBar } from '../progress.js';
import { withStarling } from './shared.js';

/** Registers `models`. */
export function registerModels(program: Command): void {
  const models = program.command('models').description('list, download and configure models');

  models
    .command('list')
    .option('--json', 'print {configured, downloaded, catalog}')
    .action(async (options: { json?: boolean }) => {
      const output = createOutput(options.json === true);
      await withStarling(async (starling) => {
        const configured = (await starling.store.models.list()).map(
          ({ name, provider, model, baseUrl, apiKeyEnv, contextSize }) => ({
            name,
            provider,
            model,
            baseUrl,
            apiKeyEnv,
            contextSize,
          }),
        );
        const modelsDir = path.join(starling.home, 'models');
        const downloaded = [];
        for (const file of await readdir(modelsDir).catch(() => [] as string[])) {
          if (!file.endsWith('.gguf')) continue;
          downloaded.push({
            file: path.join(modelsDir, file),
            bytes: (await stat(path.join(modelsDir, file))).size,
          });
        }
        const catalog = modelCatalog.map(({ name, url, description }) => ({ name, url, description }));
        if (output.json) return output.printJson({ configured, downloaded, catalog });
        output.say('configured:');
        for (const item of configured) output.say(`  ${item.name}  ${item.provider}  ${item.model}`);
        output.say('downloaded:');
        for (const item of downloaded)
          output.say(`  ${item.file}  ${(item.bytes / 1_048_576).toFixed(0)} MiB`);
        output.say('catalog (starling models pull <name>):');
        for (const item of catalog) output.say(`  ${item.name}  ${item.description}`);
      });
    });

  models
    .command('pull')
    .argument('<source>', 'a catalog name or an http(s) URL of a .gguf file')
    .option('--sha256 <hex>', 'expected checksum')
    .option('--json', 'print {path, bytes, sha256, resumed}')
    .action(async (source: string, options: { sha256?: string; json?: boolean }) => {
      const output = createOutput(options.json === true);
      const modelsDir = path.join(resolveHome(), 'models');
      const bar = createProgressBar(`pulling ${source}`);
      const controller = new AbortController();
      const onInterrupt = () => controller.abort();
      process.once('SIGINT', onInterrupt);
      try {
        const result = await pullModel(source, {
          modelsDir,
          signal: controller.signal,
          expectedSha256: options.sha256 ?? null,
          onProgress: ({ received, total }) => bar.update(received, total),
        });
        bar.done();
        if (output.json) return output.printJson(result);
        output.say(`saved ${result.path} (${result.bytes} bytes, sha256 ${result.sha256})`);
      } finally {
        bar.done();
        process.removeListener('SIGINT', onInterrupt);
      }
    });

  models
    .command('add')
    .argument('<name>', 'a name to refer to this model by')
    .requiredOption('--provider <provider>', `llama (a local .gguf) or ${remotePresetNames.join(', ')}`)
    .requiredOption('--model <model>', 'the .gguf path for llama, else the remote model id')
    .option('--base-url <url>', 'endpoint (default: the preset)')
    .option(
      '--api-key-env <variable>',
      'environment variable that holds the API key (the key is never stored)',
    )
    .option('--context <tokens>', 'context window in tokens')
    .option('--default', 'make it the default model')
    .option('--embedder', 'make it the embedding model for memory recall (an /embeddings endpoint or a GGUF)')
    .option(
      '--dimensions <n>',
      'embedding dimensions to ask an /embeddings endpoint for (OpenAI text-embedding-3)',
    )
    .action(
      async (
        name: string,
        options: {
          provider: string;
          model: string;
          baseUrl?: string;
          apiKeyEnv?: string;
          context?: string;
          default?: boolean;
          embedder?: boolean;
          dimensions?: string;
        },
      ) => {
        const known = ['llama', ...remotePresetNames];
        if (!known.includes(options.provider)) {
          throw new StarlingError(
            'usage',
            `--provider must be one of ${known.join(', ')}, got "${options.provider}"`,
          );
        }
        const contextSize = parsePositiveInt('--context', options.context) ?? null;
        const dimensions = parsePositiveInt('--dimensions', options.dimensions);
        await withStarling(async (starling) => {
          const modelPath = options.provider === 'llama' ? path.resolve(options.model) : options.model;
          await starling.store.models.upsert({
            name,
            provider: options.provider,
            model: modelPath,
            baseUrl: options.baseUrl ?? null,
            apiKeyEnv: options.apiKeyEnv ?? null,
            contextSize,
            options: dimensions === undefined ? {} : { dimensions },
          });
          const config = {
            ...starling.config,
            ...(options.default ? { defaultModel: name } : {}),
            ...(options.embedder ? { embedder: name } : {}),
          };
          if (options.default || options.embedder) saveConfig(starling.home, config);
          const roles = [options.default ? 'default' : '', options.embedder ? 'embedder' : ''].filter(
            Boolean,
          );
          process.stderr.write(`added model ${name}${roles.length > 0 ? ` (${roles.join(', ')})` : ''}\n`);
        });
      },
    );
}
