/**
 * The prompt inspector and the lorebook "test activation" box: `GET /api/sessions/{id}/prompt`
 * answers what would be sent for a message now (the engine's dry run: messages with their sections,
 * token counts per section, the lore that fired and why), and `POST /api/lore/test` runs lorebook
 * activation over a book (possibly unsaved, from the editor) and a sample text.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createEstimateTokenCounter } from '../../models/index.js';
import { activateLore, DEFAULT_PROMPT_SETTINGS, expandMacros } from '../../prompt/index.js';
import type { Lorebook } from '../../spec/lorebook.js';
import type { TokenCounter } from '../../spec/tokens.js';
import { ownedSession, readableCharacter } from '../access.js';
import type { ServerDependencies } from '../env.js';
import { callerOf, requireAuth } from '../middleware/auth.js';
import { createRouter } from '../router.js';
import { IdParams, errorResponses, jsonBody, jsonResponse } from '../schemas/common.js';

const read = requireAuth(['chat', 'read']);

const PromptQuery = z.strictObject({
  message: z.string().max(100_000).default(''),
  personaId: z.string().min(1).max(200).optional(),
});

const PromptReportSchema = z
  .object({
    messages: z.array(
      z.object({
        role: z.enum(['system', 'user', 'assistant']),
        content: z.string(),
        sections: z.array(z.string()),
        messageId: z.string().optional(),
      }),
    ),
    tokens: z.object({
      total: z.number(),
      budget: z.number(),
      bySection: z.record(z.string(), z.number()),
    }),
    lore: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        reason: z.string(),
        placement: z.string(),
        tokens: z.number(),
      }),
    ),
    droppedMessageIds: z.array(z.string()),
    droppedExampleBlocks: z.number(),
    memories: z
      .array(
        z.object({
          id: z.string(),
          reason: z.string(),
          citedMessageIds: z.array(z.string()),
          tokens: z.number(),
        }),
      )
      .optional(),
    quarantinedMemories: z
      .array(z.object({ id: z.string(), rules: z.array(z.string()), reason: z.string() }))
      .optional()
      .openapi({
        description: 'Recalled memories kept out of the prompt: they carry instructions aimed at the model',
      }),
    counter: z.enum(['exact', 'estimate']),
  })
  .openapi('PromptReport');

const text = (max: number) => z.string().max(max);

const LoreEntryInputSchema = z.object({
  id: z.number().int(),
  name: text(500).default(''),
  keys: z.array(text(1000)).max(200).default([]),
  secondaryKeys: z.array(text(1000)).max(200).default([]),
  selective: z.boolean().default(false),
  selectiveLogic: z.enum(['and_any', 'and_all', 'not_any', 'not_all']).default('and_any'),
  content: text(100_000).default(''),
  enabled: z.boolean().default(true),
  constant: z.boolean().default(false),
  useRegex: z.boolean().default(false),
  caseSensitive: z.boolean().nullable().default(null),
  matchWholeWords: z.boolean().nullable().default(null),
  insertionOrder: z.number().default(100),
  priority: z.number().default(10),
  position: z.enum(['before_char', 'after_char', 'before_examples', 'after_examples', 'at_depth']),
  depth: z.number().int().min(0).max(10_000).default(4),
  role: z.enum(['system', 'user', 'assistant']).default('system'),
  probability: z.number().min(0).max(100).default(100),
  useProbability: z.boolean().default(false),
  scanDepth: z.number().int().min(0).max(1000).nullable().default(null),
  preventRecursion: z.boolean().default(false),
  excludeRecursion: z.boolean().default(false),
  extensions: z.record(z.string(), z.unknown()).default({}),
});

const LoreTestSchema = z
  .strictObject({
    book: z.object({
      name: text(500).default(''),
      description: text(10_000).default(''),
      scanDepth: z.number().int().min(0).max(1000).nullable().default(null),
      tokenBudget: z.number().int().min(0).max(1_000_000).nullable().default(null),
      recursiveScanning: z.boolean().default(false),
      extensions: z.record(z.string(), z.unknown()).default({}),
      entries: z.array(LoreEntryInputSchema).max(5000),
    }),
    /** Sample messages, oldest first; the newest are scanned as in a chat. */
    messages: z.array(text(100_000)).min(1).max(50),
  })
  .openapi('LoreTest');

const LoreTestResultSchema = z
  .object({
    entries: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        reason: z.string(),
        position: z.string(),
        depth: z.number(),
        tokens: z.number(),
      }),
    ),
    skipped: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string() })),
    warnings: z.array(z.string()),
    tokens: z.number(),
  })
  .openapi('LoreTestResult');

const inspect = createRoute({
  method: 'get',
  path: '/api/sessions/{id}/prompt',
  tags: ['sessions'],
  summary:
    'Prompt inspector: what would be sent for `message` now (sections, token counts, lore fired and why)',
  middleware: [read],
  request: { params: IdParams, query: PromptQuery },
  responses: { 200: jsonResponse(PromptReportSchema, 'The prompt'), ...errorResponses(400, 401, 403, 404) },
});

const loreTest = createRoute({
  method: 'post',
  path: '/api/lore/test',
  tags: ['lorebooks'],
  summary: 'Which entries of a lorebook a sample conversation would fire, and why',
  middleware: [read],
  request: { body: jsonBody(LoreTestSchema) },
  responses: { 200: jsonResponse(LoreTestResultSchema, 'Activation'), ...errorResponses(400, 401, 403) },
});

/** The default model's counter and context, or the estimate when no model can be opened. */
async function counterFor(deps: ServerDependencies): Promise<{ counter: TokenCounter; contextSize: number }> {
  const { starling } = deps;
  try {
    const handle = await starling.getModel();
    return {
      counter: handle.tokenCounter,
      contextSize: Math.min(starling.config.contextSize, handle.contextSize),
    };
  } catch {
    // No model yet (first run): the inspector still works, with estimated counts.
    return { counter: createEstimateTokenCounter(), contextSize: starling.config.contextSize };
  }
}

/** Routes for the prompt inspector and the lore test box. */
export function createPromptRoutes() {
  const app = createRouter();
  app.openapi(inspect, async (c) => {
    const deps = c.get('deps');
    const { starling } = deps;
    const userId = callerOf(c).user.id;
    const session = await ownedSession(starling.store, userId, c.req.valid('param').id);
    const character = await readableCharacter(starling.store, userId, session.characterId);
    const { counter, contextSize } = await counterFor(deps);
    const report = await starling.chat.dryRun({
      ownerId: userId,
      character,
      sessionId: session.id,
      text: c.req.valid('query').message,
      personaId: c.req.valid('query').personaId,
      counter,
      contextSize,
    });
    return c.json(
      {
        messages: report.messages,
        tokens: {
          total: report.tokens.total,
          budget: report.tokens.budget,
          bySection: report.tokens.bySection as Record<string, number>,
        },
        lore: report.lore,
        droppedMessageIds: report.droppedMessageIds,
        droppedExampleBlocks: report.droppedExampleBlocks,
        ...(report.memories === undefined ? {} : { memories: report.memories }),
        ...(report.quarantinedMemories === undefined
          ? {}
          : { quarantinedMemories: report.quarantinedMemories }),
        counter: counter.kind,
      },
      200,
    );
  });
  app.openapi(loreTest, async (c) => {
    const deps = c.get('deps');
    const { book, messages } = c.req.valid('json');
    const { counter, contextSize } = await counterFor(deps);
    const settings = DEFAULT_PROMPT_SETTINGS;
    const macroContext = {
      char: 'Character',
      user: deps.starling.config.userName,
      now: new Date(),
      chatSeed: 0,
    };
    const activation = activateLore({
      lorebooks: [{ id: 'test', book: book as Lorebook }],
      messages,
      scanDepth: book.scanDepth ?? settings.scanDepth,
      recursionDepthLimit: book.recursiveScanning ? settings.recursionDepthLimit : 0,
      defaults: { caseSensitive: settings.caseSensitive, matchWholeWords: settings.matchWholeWords },
      chatSeed: 0,
      turnIndex: messages.length,
      tokenBudget: book.tokenBudget ?? Math.floor(settings.loreBudgetShare * contextSize),
      countTokens: (value) => counter.count(value),
      expand: (value) => expandMacros(value, macroContext),
    });
    return c.json(
      {
        entries: activation.entries.map((entry) => ({
          id: entry.id,
          name: entry.name,
          reason: entry.reason,
          position: entry.position,
          depth: entry.depth,
          tokens: entry.tokens,
        })),
        skipped: activation.skipped,
        warnings: activation.warnings,
        tokens: activation.tokens,
      },
      200,
    );
  });
  return app;
}
