/**
 * STARLING_HOME: where all state lives (database, config, model files). Defaults to ~/.starling so
 * tests and scripts can point it anywhere.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { StarlingError } from '../spec/errors.js';

export const configSchema = z
  .object({
    /** Model spec used when none is given: a config name, a catalog name or a .gguf path. */
    defaultModel: z.string().min(1).optional(),
    userName: z.string().min(1).max(100).default('User'),
    persona: z.string().max(20_000).default(''),
    contextSize: z.number().int().min(512).max(1_048_576).default(16_384),
    replyReserve: z.number().int().min(16).max(32_768).default(1024),
    maxReplyTokens: z.number().int().min(1).max(32_768).default(512),
    /** A turn fails with `model_timeout` when the model sends nothing for this long (first token included). */
    modelStallSeconds: z.number().min(0.05).max(3600).default(300),
    /** Characters remember earlier conversations (recall into prompts, memory jobs after turns). */
    memory: z.boolean().default(true),
    /**
     * Extract facts and summaries with the chat model after turns. Off by default: a random-weights or
     * very small model writes nonsense, and it costs a model call per turn.
     */
    memoryExtraction: z.boolean().default(false),
    /**
     * Embedding model for hybrid memory recall (BM25 fused with vectors): a configured model name (an
     * OpenAI-compatible `/embeddings` endpoint, or provider `llama` with a GGUF path) or a `.gguf`
     * path. Unset: BM25 only. See docs/decisions/0017-embeddings.md.
     */
    embedder: z.string().min(1).optional(),
    /**
     * Offer the model memory tools (remember, recall, forget) in turns, when the model can call tools.
     * Off by default: each tool round is another model call, and small models call tools badly.
     */
    memoryTools: z.boolean().default(false),
    /**
     * Moderation policy for every turn: `standard`, `teen`, `strict`, or `research` (flags and audits,
     * never blocks). A character may ask for a stricter one (`extensions.starling.safetyPolicy`).
     */
    safetyPolicy: z.enum(['standard', 'teen', 'strict', 'research']).default('standard'),
    /** Critique-and-revise rounds with the chat model for a flagged reply; 0: written fallback only. */
    safetyReviseRounds: z.number().int().min(0).max(4).default(1),
    /**
     * Ask the chat model as an LLM guard about texts the built-in moderator flags but allows (the
     * uncertain band): at most one call for the user's message and two for reply sentences per turn.
     * Off by default: a random-weights or very small model would judge at random.
     */
    safetyGuard: z.boolean().default(false),
  })
  .strict();

export type StarlingConfig = z.infer<typeof configSchema>;

/** Resolves the state folder from STARLING_HOME or the default, creating it. */
export function resolveHome(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.STARLING_HOME?.trim()
    ? path.resolve(env.STARLING_HOME)
    : path.join(homedir(), '.starling');
  mkdirSync(path.join(home, 'models'), { recursive: true });
  return home;
}

/** Reads `<home>/config.json`; a missing file gives the defaults, a broken one a precise error. */
export function loadConfig(home: string): StarlingConfig {
  const file = path.join(home, 'config.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return configSchema.parse({});
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StarlingError('config_invalid', `${file} is not valid JSON`, { cause: error });
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new StarlingError('config_invalid', `${file}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Writes the config atomically (temp file + rename) so a crash never leaves half a file. */
export function saveConfig(home: string, config: StarlingConfig): void {
  const file = path.join(home, 'config.json');
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(configSchema.parse(config), null, 2) + '\n');
  renameSync(temp, file);
}
