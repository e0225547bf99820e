/**
 * Lorebooks: list, read, delete, attach to / detach from a character, mark global. Lorebook files are
 * imported through `POST /api/characters/import`, which accepts lorebook_v3 and world-info files.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { LorebookRecord } from '../../spec/store.js';
import { ownedCharacter, ownedLorebook } from '../access.js';
import { callerOf, requireAuth } from '../middleware/auth.js';
import { createRouter } from '../router.js';
import { IdParams, OkSchema, errorResponses, jsonBody, jsonResponse } from '../schemas/common.js';

const tags = ['lorebooks'];
const read = requireAuth(['read', 'chat']);
const write = requireAuth(['write']);

const LorebookSummarySchema = z
  .object({
    id: z.string(),
    ownerId: z.string(),
    name: z.string(),
    entries: z.number(),
    characterIds: z.array(z.string()),
    global: z.boolean(),
    updatedAt: z.number(),
  })
  .openapi('LorebookSummary');

const LorebookSchema = z
  .object({
    id: z.string(),
    ownerId: z.string(),
    book: z.record(z.string(), z.unknown()),
    characterIds: z.array(z.string()),
    global: z.boolean(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi('Lorebook');

const AttachParams = z.object({ id: z.string().min(1).max(200), characterId: z.string().min(1).max(200) });

const list = createRoute({
  method: 'get',
  path: '/api/lorebooks',
  tags,
  summary: 'Your lorebooks',
  middleware: [read],
  responses: { 200: jsonResponse(z.array(LorebookSummarySchema), 'Lorebooks'), ...errorResponses(401, 403) },
});

const get = createRoute({
  method: 'get',
  path: '/api/lorebooks/{id}',
  tags,
  summary: 'One lorebook with its entries',
  middleware: [read],
  request: { params: IdParams },
  responses: { 200: jsonResponse(LorebookSchema, 'The lorebook'), ...errorResponses(401, 403, 404) },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/lorebooks/{id}',
  tags,
  summary: 'Delete a lorebook',
  middleware: [write],
  request: { params: IdParams },
  responses: { 200: jsonResponse(OkSchema, 'Deleted'), ...errorResponses(401, 403, 404) },
});

const setGlobal = createRoute({
  method: 'put',
  path: '/api/lorebooks/{id}/global',
  tags,
  summary: 'Apply the book to all of your characters (or stop)',
  middleware: [write],
  request: { params: IdParams, body: jsonBody(z.strictObject({ global: z.boolean() })) },
  responses: { 200: jsonResponse(OkSchema, 'Saved'), ...errorResponses(400, 401, 403, 404) },
});

function linkRoute(method: 'put' | 'delete') {
  return createRoute({
    method,
    path: '/api/lorebooks/{id}/characters/{characterId}',
    tags,
    summary:
      method === 'put' ? 'Attach the book to one of your characters' : 'Detach the book from a character',
    middleware: [write],
    request: { params: AttachParams },
    responses: { 200: jsonResponse(OkSchema, 'Saved'), ...errorResponses(401, 403, 404) },
  });
}

function summary(record: LorebookRecord) {
  const { id, ownerId, characterIds, global, updatedAt } = record;
  return {
    id,
    ownerId,
    name: record.book.name,
    entries: record.book.entries.length,
    characterIds,
    global,
    updatedAt,
  };
}

/** Routes under /api/lorebooks. */
export function createLorebookRoutes() {
  const app = createRouter();
  app.openapi(list, async (c) => {
    const books = await c.get('deps').starling.store.lorebooks.list(callerOf(c).user.id);
    return c.json(books.map(summary), 200);
  });
  app.openapi(get, async (c) => {
    const record = await ownedLorebook(
      c.get('deps').starling.store,
      callerOf(c).user.id,
      c.req.valid('param').id,
    );
    return c.json({ ...record, book: record.book as unknown as Record<string, unknown> }, 200);
  });
  app.openapi(remove, async (c) => {
    const { store } = c.get('deps').starling;
    const record = await ownedLorebook(store, callerOf(c).user.id, c.req.valid('param').id);
    await store.lorebooks.delete(record.id);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(setGlobal, async (c) => {
    const { store } = c.get('deps').starling;
    const record = await ownedLorebook(store, callerOf(c).user.id, c.req.valid('param').id);
    await store.lorebooks.setGlobal(record.id, c.req.valid('json').global);
    return c.json({ ok: true as const }, 200);
  });
  for (const method of ['put', 'delete'] as const) {
    app.openapi(linkRoute(method), async (c) => {
      const { store } = c.get('deps').starling;
      const userId = callerOf(c).user.id;
      const { id, characterId } = c.req.valid('param');
      const book = await ownedLorebook(store, userId, id);
      // Only the character's owner may change which books shape its chats.
      const character = await ownedCharacter(store, userId, characterId);
      if (method === 'put') await store.lorebooks.attach(book.id, character.id);
      else await store.lorebooks.detach(book.id, character.id);
      return c.json({ ok: true as const }, 200);
    });
  }
  return app;
}
