/** Turns what a user typed (a path, a configured name, a catalog name) into a model config. */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { StarlingError } from '../spec/errors.js';
import type { ModelConfigRecord } from '../spec/store.js';
import { catalogModelPath, defaultModelName, findCatalogEntry, type CatalogEntry } from './catalog.js';

export interface ResolveModelContext {
  /** Starling's home folder; pulled models live in `<home>/models/`. */
  home: string;
  /** Looks up a configured model by name (the model config store). */
  configs: (name: string) => Promise<ModelConfigRecord | null>;
  /** Where `STARLING_MODEL` is read when the spec is empty; default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** A `llama` config for a local GGUF. Synthetic configs are not stored, so `createdAt` is 0. */
export function llamaConfigFor(
  name: string,
  path: string,
  contextSize: number | null = null,
): ModelConfigRecord {
  return {
    name,
    provider: 'llama',
    model: path,
    baseUrl: null,
    apiKeyEnv: null,
    contextSize,
    options: {},
    createdAt: 0,
  };
}

function notDownloaded(entry: CatalogEntry, path: string): StarlingError {
  return new StarlingError(
    'model_not_downloaded',
    `Model "${entry.name}" is not downloaded yet (expected at ${path}). ` +
      `Run \`starling models pull ${entry.name}\`, or use a model server instead: ` +
      '`starling models add <name> --provider ollama|vllm|llama-server|openai|dashscope|custom --model <id>` ' +
      'and set STARLING_MODEL=<name>.',
    { details: { model: entry.name, path } },
  );
}

/**
 * Resolves `spec`: an existing `.gguf` path, a configured name, or a catalog name (pulled into
 * `<home>/models/`). An empty spec means `STARLING_MODEL`, else the catalog default.
 */
export async function resolveModel(spec: string, context: ResolveModelContext): Promise<ModelConfigRecord> {
  const env = context.env ?? process.env;
  const wanted = spec.trim() || env['STARLING_MODEL']?.trim() || defaultModelName;

  if (wanted.toLowerCase().endsWith('.gguf')) {
    const path = resolve(wanted);
    if (await isFile(path)) return llamaConfigFor(basename(path), path);
    throw new StarlingError('model_file_not_found', `GGUF model file not found: ${path}. Check the path.`, {
      details: { path },
    });
  }

  const configured = await context.configs(wanted);
  if (configured !== null) return configured;

  const entry = findCatalogEntry(wanted);
  if (entry !== null) {
    const path = catalogModelPath(context.home, entry);
    if (await isFile(path)) return llamaConfigFor(entry.name, path);
    throw notDownloaded(entry, path);
  }

  throw new StarlingError(
    'model_not_found',
    `No model named "${wanted}": it is not a .gguf file, a configured model or a catalog model. ` +
      `Download the default with \`starling models pull ${defaultModelName}\`, ` +
      'add an endpoint with `starling models add <name> --provider <preset> --model <id>`, ' +
      'or set STARLING_MODEL to a configured name or a .gguf path.',
    { details: { spec: wanted } },
  );
}
