/**
 * Memories: what characters remember about the caller. Owner-only like sessions: another user's
 * memory answers 404 exactly like a missing one. List/search, read, correct, forget, export, and the
 * relationship state per character.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { readableCharacter } from '../access.js';
import { callerOf, requireAuth } from '../middleware/auth.js';
import { createRouter } from '../router.js';
import { IdParams, errorResponses, jsonBody, jsonResponse } from '../schemas/common.js';

const tags = ['memories'];
const read = requireAuth(['chat', 'read']);
const chat = requireAuth(['chat']);

const MemorySchema = z
  .object({
    id: z.string(),
    ownerId: z.string(),
    characterId: z.string(),
    sessionId: z.string().nullable(),
    kind: z.enum(['turn', 'summary', 'fact']),
    text: z.string(),
    speaker: z.string(),
    subject: z.string(),
    importance: z.number(),
    confidence: z.number(),
    timestamp: z.number(),
    citedMessageIds: z.array(z.string()),
    supersededBy: z.string().nullable(),
    createdAt: z.number(),
    updatedAt: z.number(),
    deletedAt: z.number().nullable(),
    quarantined: z.array(z.string()).optional().openapi({
      description:
        'Present when the text carries instructions aimed at the model: the rules that fired. Such a memory is never put into a prompt.',
    }),
  })
  .openapi('Memory');

const RelationshipSchema = z
  .object({
    ownerId: z.string(),
    characterId: z.string(),
    affinity: z.number(),
    trust: z.number(),
    mood: z.string(),
    updatedAt: z.number(),
  })
  .openapi('Relationship');

const ListQuery = z.object({
  characterId: z.string().min(1).max(200).optional(),
  search: z.string().max(500).optional(),
  kind: z.enum(['turn', 'summary', 'fact']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

const PatchSchema = z
  .object({
    text: z.string().min(1).max(20_000).optional(),
    subject: z.string().max(200).optional(),
    importance: z.number().min(0).max(1).optional(),
    confidence: z.number().min(0).max(1).optional(),
  })
  .strict();

const ExportSchema = z
  .object({
    format: z.literal('starling-memory-export'),
    version: z.literal(1),
    ownerId: z.string(),
    characterId: z.string().nullable(),
    exportedAt: z.number(),
    memories: z.array(MemorySchema),
    relationships: z.array(RelationshipSchema),
  })
  .openapi('MemoryExport');

const list = createRoute({
  method: 'get',
  path: '/api/memories',
  tags,
  summary: 'What characters remember about you, oldest first; `search` filters by text',
  middleware: [read],
  request: { query: ListQuery },
  responses: { 200: jsonResponse(z.array(MemorySchema), 'Memories'), ...errorResponses(400, 401, 403) },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/memories/export',
  tags,
  summary: 'Everything remembered about you (superseded history included) as one JSON document',
  middleware: [read],
  request: { query: z.object({ characterId: z.string().min(1).max(200).optional() }) },
  responses: { 200: jsonResponse(ExportSchema, 'The export'), ...errorResponses(400, 401, 403) },
});

const get = createRoute({
  method: 'get',
  path: '/api/memories/{id}',
  tags,
  summary: 'One memory',
  middleware: [read],
  request: { params: IdParams },
  responses: { 200: jsonResponse(MemorySchema, 'The memory'), ...errorResponses(401, 403, 404) },
});

const patch = createRoute({
  method: 'patch',
  path: '/api/memories/{id}',
  tags,
  summary: 'Correct a memory; the next turn recalls the corrected text',
  middleware: [chat],
  request: { params: IdParams, body: jsonBody(PatchSchema) },
  responses: { 200: jsonResponse(MemorySchema, 'The edited memory'), ...errorResponses(400, 401, 403, 404) },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/memories/{id}',
  tags,
  summary: 'Forget a memory: its text is erased and it is never recalled again',
  middleware: [chat],
  request: { params: IdParams },
  responses: {
    200: jsonResponse(z.object({ forgotten: z.number() }), 'Forgotten'),
    ...errorResponses(401, 403, 404),
  },
});

const relationship = createRoute({
  method: 'get',
  path: '/api/characters/{id}/relationship',
  tags,
  summary: "The character's affinity, trust and mood towards you (neutral before any chat)",
  middleware: [read],
  request: { params: IdParams },
  responses: {
    200: jsonResponse(RelationshipSchema, 'Relationship state'),
    ...errorResponses(401, 403, 404),
  },
});

/** Routes under /api/memories and the relationship route. */
export function createMemoryRoutes() {
  const app = createRouter();
  app.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const memories = await c.get('deps').starling.memories.list(callerOf(c).user.id, {
      characterId: query.characterId,
      search: query.search,
      ...(query.kind ? { kinds: [query.kind] } : {}),
      limit: query.limit,
      offset: query.offset,
    });
    return c.json(memories, 200);
  });
  app.openapi(exportRoute, async (c) => {
    const { characterId } = c.req.valid('query');
    const body = await c.get('deps').starling.memories.export(callerOf(c).user.id, characterId);
    c.header('Content-Disposition', 'attachment; filename="starling-memories.json"');
    return c.json(body, 200);
  });
  app.openapi(get, async (c) => {
    const memory = await c.get('deps').starling.memories.get(callerOf(c).user.id, c.req.valid('param').id);
    return c.json(memory, 200);
  });
  app.openapi(patch, async (c) => {
    const { starling } = c.get('deps');
    const edited = await starling.memories.edit(
      callerOf(c).user.id,
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(edited, 200);
  });
  app.openapi(remove, async (c) => {
    const { starling } = c.get('deps');
    const forgotten = await starling.memories.forget(callerOf(c).user.id, [c.req.valid('param').id]);
    return c.json({ forgotten }, 200);
  });
  app.openapi(relationship, async (c) => {
    const { starling } = c.get('deps');
    const userId = callerOf(c).user.id;
    const character = await readableCharacter(starling.store, userId, c.req.valid('param').id);
    return c.json(await starling.memories.relationship(userId, character.id), 200);
  });
  return app;
}
