/** Characters: list (search, tag, shared), create, read, update (a new version), versions, delete, sharing. */
import { createRoute, z } from '@hono/zod-openapi';
import { emptyCard } from '../../cards/index.js';
import type { CharacterCard } from '../../spec/character.js';
import type { CharacterRecord } from '../../spec/store.js';
import { ownedCharacter, readableCharacter } from '../access.js';
import { callerOf, requireAuth } from '../middleware/auth.js';
import { createRouter } from '../router.js';
import {
  CharacterListQuery,
  CharacterSchema,
  CharacterSummarySchema,
  CreateCharacterSchema,
  SharingSchema,
  UpdateCharacterSchema,
  VersionsSchema,
} from '../schemas/characters.js';
import { IdParams, OkSchema, errorResponses, jsonBody, jsonResponse } from '../schemas/common.js';
import { lorebookFromInput } from './lorebooks.js';

const read = requireAuth(['read', 'chat']);
const write = requireAuth(['write']);
const tags = ['characters'];

const list = createRoute({
  method: 'get',
  path: '/api/characters',
  tags,
  summary: 'Your characters (and, with includeShared=true, those shared on the instance)',
  middleware: [read],
  request: { query: CharacterListQuery },
  responses: {
    200: jsonResponse(z.array(CharacterSummarySchema), 'Characters'),
    ...errorResponses(400, 401, 403),
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/characters',
  tags,
  summary: 'Create a character from camelCase card fields (only `name` is required)',
  middleware: [write],
  request: { body: jsonBody(CreateCharacterSchema) },
  responses: { 201: jsonResponse(CharacterSchema, 'Created'), ...errorResponses(400, 401, 403) },
});

const get = createRoute({
  method: 'get',
  path: '/api/characters/{id}',
  tags,
  summary: 'A character you own or that is shared',
  middleware: [read],
  request: { params: IdParams },
  responses: { 200: jsonResponse(CharacterSchema, 'The character'), ...errorResponses(401, 403, 404) },
});

const update = createRoute({
  method: 'put',
  path: '/api/characters/{id}',
  tags,
  summary: 'Save a new version: the given fields (the embedded lorebook included) replace the current ones',
  middleware: [write],
  request: { params: IdParams, body: jsonBody(UpdateCharacterSchema) },
  responses: {
    200: jsonResponse(CharacterSchema, 'The new version'),
    ...errorResponses(400, 401, 403, 404, 413),
  },
});

const versions = createRoute({
  method: 'get',
  path: '/api/characters/{id}/versions',
  tags,
  summary: 'Version history',
  middleware: [read],
  request: { params: IdParams },
  responses: { 200: jsonResponse(VersionsSchema, 'Versions'), ...errorResponses(401, 403, 404) },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/characters/{id}',
  tags,
  summary: 'Delete a character with its versions and sessions',
  middleware: [write],
  request: { params: IdParams },
  responses: { 200: jsonResponse(OkSchema, 'Deleted'), ...errorResponses(401, 403, 404) },
});

const sharing = createRoute({
  method: 'put',
  path: '/api/characters/{id}/sharing',
  tags,
  summary: 'Share a character with every user of the instance, or make it private',
  middleware: [write],
  request: { params: IdParams, body: jsonBody(SharingSchema) },
  responses: { 200: jsonResponse(CharacterSchema, 'The character'), ...errorResponses(400, 401, 403, 404) },
});

/** The API view of a character record. */
export function characterBody(record: CharacterRecord) {
  return { ...record, card: record.card as unknown as Record<string, unknown> };
}

/** Routes under /api/characters (files: see character-files.ts). */
export function createCharacterRoutes() {
  const app = createRouter();
  app.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const summaries = await c.get('deps').starling.store.characters.list({
      ownerId: callerOf(c).user.id,
      includeShared: query.includeShared === 'true',
      search: query.search,
      tag: query.tag,
      limit: query.limit,
      offset: query.offset,
    });
    return c.json(summaries, 200);
  });
  app.openapi(create, async (c) => {
    const { shared, ...fields } = c.req.valid('json');
    const { store } = c.get('deps').starling;
    const card: CharacterCard = { ...emptyCard(fields.name), ...fields };
    let record = await store.characters.create(callerOf(c).user.id, card);
    if (shared) {
      await store.characters.setShared(record.id, true);
      record = { ...record, shared: true };
    }
    return c.json(characterBody(record), 201);
  });
  app.openapi(get, async (c) => {
    const { store } = c.get('deps').starling;
    return c.json(
      characterBody(await readableCharacter(store, callerOf(c).user.id, c.req.valid('param').id)),
      200,
    );
  });
  app.openapi(update, async (c) => {
    const { store } = c.get('deps').starling;
    const current = await ownedCharacter(store, callerOf(c).user.id, c.req.valid('param').id);
    const { lorebook, ...fields } = c.req.valid('json');
    const card: CharacterCard = { ...current.card, ...fields };
    // Filled in like a lorebook route's book (entry defaults, fresh ids), so both store one shape.
    if (lorebook !== undefined) card.lorebook = lorebook === null ? null : lorebookFromInput(lorebook);
    const record = await store.characters.update(current.id, card);
    return c.json(characterBody(record), 200);
  });
  app.openapi(versions, async (c) => {
    const { store } = c.get('deps').starling;
    const record = await readableCharacter(store, callerOf(c).user.id, c.req.valid('param').id);
    return c.json(await store.characters.listVersions(record.id), 200);
  });
  app.openapi(remove, async (c) => {
    const { store } = c.get('deps').starling;
    const record = await ownedCharacter(store, callerOf(c).user.id, c.req.valid('param').id);
    await store.characters.delete(record.id);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(sharing, async (c) => {
    const { store } = c.get('deps').starling;
    const record = await ownedCharacter(store, callerOf(c).user.id, c.req.valid('param').id);
    const { shared } = c.req.valid('json');
    await store.characters.setShared(record.id, shared);
    return c.json(characterBody({ ...record, shared }), 200);
  });
  return app;
}
