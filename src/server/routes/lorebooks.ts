/**
 * Lorebooks: create and replace (camelCase JSON), list, read, delete, attach to / detach from a
 * character, mark global. Lorebook files (lorebook_v3, world info) come in through
 * `POST /api/characters/import`. Only the owner reads or changes a book.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { emptyLorebookEntry } from '../../spec/defaults.js';
import type { Lorebook } from '../../spec/lorebook.js';
import type { LorebookRecord } from '../../spec/store.js';
import { ownedCharacter, ownedLorebook } from '../access.js';
import { callerOf, requireAuth } from '../middleware/auth.js';
import { createRouter } from '../router.js';
import { IdParams, OkSchema, errorResponses, jsonBody, jsonResponse } from '../schemas/common.js';
import {
  AttachParams,
  CreateLorebookSchema,
  GlobalSchema,
  LorebookInputSchema,
  LorebookSchema,
  LorebookSummarySchema,
} from '../schemas/lorebooks.js';

const tags = ['lorebooks'];
const read = requireAuth(['read', 'chat']);
const write = requireAuth(['write']);

const list = createRoute({
  method: 'get',
  path: '/api/lorebooks',
  tags,
  summary: 'Your lorebooks',
  middleware: [read],
  responses: { 200: jsonResponse(z.array(LorebookSummarySchema), 'Lorebooks'), ...errorResponses(401, 403) },
});

const create = createRoute({
  method: 'post',
  path: '/api/lorebooks',
  tags,
  summary: 'Create a lorebook from camelCase fields (only `name` is required; entry fields default)',
  middleware: [write],
  request: { body: jsonBody(CreateLorebookSchema) },
  responses: { 201: jsonResponse(LorebookSchema, 'Created'), ...errorResponses(400, 401, 403, 413) },
});

const update = createRoute({
  method: 'put',
  path: '/api/lorebooks/{id}',
  tags,
  summary: 'Replace a lorebook: the whole book, entries included (attachments and global stay)',
  middleware: [write],
  request: { params: IdParams, body: jsonBody(LorebookInputSchema) },
  responses: { 200: jsonResponse(LorebookSchema, 'Saved'), ...errorResponses(400, 401, 403, 404, 413) },
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
  request: { params: IdParams, body: jsonBody(GlobalSchema) },
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

type LorebookInput = z.infer<typeof LorebookInputSchema>;

/** The fields that were given (zod leaves absent optional fields out, but the type allows undefined). */
function given<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Fills what the caller left out: book defaults, entry defaults, and fresh ids after the highest given. */
export function lorebookFromInput(input: LorebookInput): Lorebook {
  let nextId = Math.max(-1, ...(input.entries ?? []).map((entry) => entry.id ?? -1)) + 1;
  return {
    name: input.name,
    description: input.description ?? '',
    scanDepth: input.scanDepth ?? null,
    tokenBudget: input.tokenBudget ?? null,
    recursiveScanning: input.recursiveScanning ?? false,
    extensions: input.extensions ?? {},
    entries: (input.entries ?? []).map((entry) => ({
      ...emptyLorebookEntry(entry.id ?? nextId++),
      ...given(entry),
    })),
  };
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
  app.openapi(create, async (c) => {
    const { global, ...input } = c.req.valid('json');
    const record = await c
      .get('deps')
      .starling.store.lorebooks.create(callerOf(c).user.id, lorebookFromInput(input), { global });
    return c.json(record, 201);
  });
  app.openapi(update, async (c) => {
    const { store } = c.get('deps').starling;
    const current = await ownedLorebook(store, callerOf(c).user.id, c.req.valid('param').id);
    return c.json(await store.lorebooks.update(current.id, lorebookFromInput(c.req.valid('json'))), 200);
  });
  app.openapi(get, async (c) => {
    const record = await ownedLorebook(
      c.get('deps').starling.store,
      callerOf(c).user.id,
      c.req.valid('param').id,
    );
    return c.json(record, 200);
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
