/**
 * The composition root: one object that owns the store, the configured models and the chat
 * service. The CLI, the server and library users all start here.
 */
import path from 'node:path';
import { StarlingError } from '../spec/errors.js';
import type { Embedder } from '../spec/embedder.js';
import type { ChatModelHandle } from '../spec/model.js';
import type { Store, User } from '../spec/store.js';
import { openStore } from '../store/index.js';
import { defaultModelName, openEmbedder, openModel, resolveModel } from '../models/index.js';
import { loadBuiltinModerator } from '../safety/index.js';
import type { Moderator } from '../safety/index.js';
import { createChatService } from './chat-service.js';
import { loadConfig, resolveHome, type StarlingConfig } from './home.js';
import { importFiles, type ImportInput } from './importer.js';
import { createJobWorker } from './job-worker.js';
import { createMemoryService } from './memory-service.js';
import { createMemorySpaces } from './memory-spaces.js';
import { createEmbedJobHandler, EMBED_JOB } from './memory-embed.js';
import { createFactsJobHandler } from './memory-facts.js';
import { createSummaryReader } from './memory-summary-reader.js';
import { createSummaryJobHandler, SUMMARY_JOB } from './memory-summaries.js';
import { createTurnJobHandler, createTurnMemory, FACTS_JOB, TURN_JOB } from './memory-turn.js';
import { memoryTools } from './tools/memory-tools.js';
import { createToolRegistry } from './tools/tool-registry.js';

export interface StarlingOptions {
  /** State folder; default STARLING_HOME or ~/.starling. */
  home?: string;
  env?: NodeJS.ProcessEnv;
  /** Overrides config.json values. */
  config?: Partial<StarlingConfig>;
  store?: Store;
  /** Act as this existing user (by name, case-insensitive) instead of the local one; `user_not_found` otherwise. */
  userName?: string;
  /** Clock in Unix milliseconds for turns and memory; injectable for tests ("three weeks later"). */
  now?: () => number;
  /**
   * An embedder for hybrid memory recall, instead of opening `config.embedder`. Starling does not
   * dispose an embedder it was given.
   */
  embedder?: Embedder;
}

/** The user Starling acts as: the named account, else the local user (created on first use). */
async function actingUser(store: Store, userName: string | undefined): Promise<User> {
  if (userName === undefined) return store.users.ensureLocal();
  const user = await store.users.findByName(userName);
  if (user === null) {
    throw new StarlingError('user_not_found', `no user named "${userName}"`, { details: { name: userName } });
  }
  return user;
}

/** Opens Starling over a state folder. Close it when done: it holds native models and a database. */
export async function createStarling(options: StarlingOptions = {}) {
  const env = options.env ?? process.env;
  const home = options.home ? path.resolve(options.home) : resolveHome(env);
  const config: StarlingConfig = { ...loadConfig(home), ...options.config };
  const store = options.store ?? openStore(home);
  let user: User;
  try {
    user = await actingUser(store, options.userName);
  } catch (error) {
    // A store opened here must not stay open when the caller never gets the handle to close it.
    if (options.store === undefined) await store.close();
    throw error;
  }
  const models = new Map<string, Promise<ChatModelHandle>>();

  /** Resolves a model spec (flag, STARLING_MODEL, config, catalog default) and opens it once. */
  async function getModel(spec?: string): Promise<ChatModelHandle> {
    const wanted = spec || env.STARLING_MODEL || config.defaultModel || defaultModelName;
    const modelConfig = await resolveModel(wanted, { home, configs: (name) => store.models.get(name), env });
    const key = `${modelConfig.provider}:${modelConfig.model}:${modelConfig.baseUrl ?? ''}`;
    const cached = models.get(key);
    if (cached) return cached;
    // The configured context (default 16,384) applies unless the model's own config sets one.
    const opening = openModel(
      { ...modelConfig, contextSize: modelConfig.contextSize ?? config.contextSize },
      { env },
    );
    models.set(key, opening);
    opening.catch(() => models.delete(key));
    return opening;
  }

  const now = options.now ?? Date.now;
  const memoryErrors: unknown[] = [];
  const onMemoryError = (error: unknown): void => {
    // Kept (bounded) for `memoryStatus()`; memory problems never fail a turn.
    memoryErrors.push(error);
    if (memoryErrors.length > 20) memoryErrors.shift();
  };
  // The embedder (when configured) opens on first use: the first query or `memory.embed` job.
  let embedderOpening: Promise<Embedder> | undefined;
  const embedderSpec = config.embedder;
  const getEmbedder = (): Promise<Embedder> => {
    if (options.embedder !== undefined) return Promise.resolve(options.embedder);
    if (embedderOpening === undefined) {
      const opening = resolveModel(embedderSpec ?? '', {
        home,
        configs: (name) => store.models.get(name),
        env,
      }).then((embedderConfig) => openEmbedder(embedderConfig, { env }));
      embedderOpening = opening;
      // A failed open is tried again by the next query or job (the file may appear, the server start).
      opening.catch(() => {
        if (embedderOpening === opening) embedderOpening = undefined;
      });
    }
    return embedderOpening;
  };
  const hybrid = options.embedder !== undefined || embedderSpec !== undefined;
  const spaces = createMemorySpaces(
    store,
    undefined,
    hybrid ? { embedder: getEmbedder, onError: (error) => onMemoryError(error) } : undefined,
  );
  const handlers: Parameters<typeof createJobWorker>[0]['handlers'] = {};
  // Jobs are scheduled on the store's clock (real time), not the turn clock a test may move.
  const worker = createJobWorker({ store, handlers, onError: onMemoryError });
  const turnDependencies = {
    store,
    spaces,
    worker,
    userName: config.userName,
    now,
    extraction: config.memoryExtraction,
    embedding: hybrid,
    onError: onMemoryError,
    summaries: createSummaryReader(store),
  };
  handlers[TURN_JOB] = createTurnJobHandler(turnDependencies);
  if (hybrid) handlers[EMBED_JOB] = createEmbedJobHandler({ store, spaces, worker, embedder: getEmbedder });
  // Facts use the default chat model (jobs do not record which model a turn picked).
  handlers[FACTS_JOB] = createFactsJobHandler({ ...turnDependencies, getModel: () => getModel() });
  // Summaries of what left the history window, written with `memoryExtraction` (same default model).
  handlers[SUMMARY_JOB] = createSummaryJobHandler({ ...turnDependencies, getModel: () => getModel() });
  const memory = config.memory ? createTurnMemory(turnDependencies) : undefined;
  if (config.memory) await worker.start();
  const memories = createMemoryService({ store, spaces, now, idle: () => worker.idle() });
  // Loaded on the first turn (about 100 ms), then shared by every turn of this instance.
  let moderator: Promise<Moderator> | undefined;
  const safety = {
    store,
    policy: config.safetyPolicy,
    reviseRounds: config.safetyReviseRounds,
    guard: config.safetyGuard,
    // The input guard runs before the turn picks its model: it judges with the default chat model.
    guardModel: async () => (await getModel()).model,
    moderator: () => (moderator ??= loadBuiltinModerator()),
  };
  // Memory tools exist whenever memory is on; turns offer them per `memoryTools` (config or turn option).
  const tools = config.memory
    ? createToolRegistry(memoryTools({ store, spaces, userName: config.userName }))
    : undefined;
  const chat = createChatService({
    store,
    config,
    getModel,
    safety,
    now: () => new Date(now()),
    ...(memory ? { memory } : {}),
    ...(tools ? { tools } : {}),
  });

  return {
    home,
    config,
    store,
    user,
    chat,
    getModel,
    /** The turn pipeline's safety settings and moderator (also used by import and red-team runs). */
    safety,
    /** What characters remember about people: list, search, edit, forget, export, relationship. */
    memories,
    /**
     * Drops what this process caches for a deleted user: the memory indexes of their own and those
     * of other people with their characters (`characterIds`, read before the deletion), and the
     * prompt caches (they hold message texts, not keyed by owner, so all of them go).
     */
    forgetUser(userId: string, characterIds: readonly string[] = []): void {
      spaces.invalidate(userId);
      for (const characterId of characterIds) spaces.invalidate(undefined, characterId);
      chat.resetPromptCaches();
    },
    /** Recent memory failures (they never fail a turn). */
    memoryStatus: () => ({
      enabled: config.memory,
      cachedSpaces: spaces.size,
      /** The embedder fused with BM25 in recall (its name or the configured spec), else null. */
      embedder: options.embedder?.name ?? embedderSpec ?? null,
      recentErrors: [...memoryErrors],
    }),
    /** Imports card and lorebook files for the acting user. */
    importFiles: (files: ImportInput[]) => importFiles(store, user.id, files),
    /** Finds a character by id or name, or throws `character_not_found`. */
    async character(idOrName: string) {
      const record = await store.characters.resolve(user.id, idOrName);
      if (!record)
        throw new StarlingError('character_not_found', `no character with id or name "${idOrName}"`);
      return record;
    },
    /** Stops the memory worker, frees models and closes the store. */
    async close() {
      await worker.close();
      if (options.embedder === undefined && embedderOpening !== undefined) {
        await embedderOpening.then((embedder) => embedder.dispose()).catch(() => undefined);
      }
      for (const handle of models.values())
        await handle.then((loaded) => loaded.dispose()).catch(() => undefined);
      models.clear();
      await store.close();
    },
  };
}

export type Starling = Awaited<ReturnType<typeof createStarling>>;
