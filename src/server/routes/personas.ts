/** The caller's user personas: list, create, update, delete, and choose the default. */
import { createRoute, z } from '@hono/zod-openapi';
import type { PersonaRecord } from '../../spec/persona-store.js';
import { ownedPersona } from '../access.js';
import { callerOf, requireAuth } from '../middleware/auth.js';
import { createRouter } from '../router.js';
import { IdParams, OkSchema, errorResponses, jsonBody, jsonResponse } from '../schemas/common.js';

const tags = ['personas'];

const PersonaSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    isDefault: z.boolean(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi('Persona');

const name = z.string().trim().min(1).max(100);
const description = z.string().max(20_000);

const CreatePersonaSchema = z
  .strictObject({ name, description: description.optional(), isDefault: z.boolean().optional() })
  .openapi('CreatePersona');

const UpdatePersonaSchema = z
  .strictObject({ name: name.optional(), description: description.optional() })
  .openapi('UpdatePersona');

const list = createRoute({
  method: 'get',
  path: '/api/personas',
  tags,
  summary: 'Your personas, the default first',
  middleware: [requireAuth(['read'])],
  responses: { 200: jsonResponse(z.array(PersonaSchema), 'Personas'), ...errorResponses(401, 403) },
});

const create = createRoute({
  method: 'post',
  path: '/api/personas',
  tags,
  summary: 'Create a persona; with `isDefault` it becomes your default',
  middleware: [requireAuth(['write'])],
  request: { body: jsonBody(CreatePersonaSchema) },
  responses: { 201: jsonResponse(PersonaSchema, 'The persona'), ...errorResponses(400, 401, 403) },
});

const update = createRoute({
  method: 'patch',
  path: '/api/personas/{id}',
  tags,
  summary: 'Change a persona’s name or description',
  middleware: [requireAuth(['write'])],
  request: { params: IdParams, body: jsonBody(UpdatePersonaSchema) },
  responses: { 200: jsonResponse(PersonaSchema, 'The persona'), ...errorResponses(400, 401, 403, 404) },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/personas/{id}',
  tags,
  summary: 'Delete a persona',
  middleware: [requireAuth(['write'])],
  request: { params: IdParams },
  responses: { 200: jsonResponse(OkSchema, 'Deleted'), ...errorResponses(401, 403, 404) },
});

const makeDefault = createRoute({
  method: 'put',
  path: '/api/personas/{id}/default',
  tags,
  summary: 'Make a persona your default (used when a turn names none)',
  middleware: [requireAuth(['write'])],
  request: { params: IdParams },
  responses: { 200: jsonResponse(PersonaSchema, 'The persona'), ...errorResponses(401, 403, 404) },
});

function publicPersona(record: PersonaRecord) {
  const { ownerId: _ownerId, ...rest } = record;
  return rest;
}

/** Routes under /api/personas. */
export function createPersonaRoutes() {
  const app = createRouter();
  app.openapi(list, async (c) => {
    const personas = await c.get('deps').starling.store.personas.list(callerOf(c).user.id);
    return c.json(personas.map(publicPersona), 200);
  });
  app.openapi(create, async (c) => {
    const created = await c
      .get('deps')
      .starling.store.personas.create(callerOf(c).user.id, c.req.valid('json'));
    return c.json(publicPersona(created), 201);
  });
  app.openapi(update, async (c) => {
    const { store } = c.get('deps').starling;
    const persona = await ownedPersona(store, callerOf(c).user.id, c.req.valid('param').id);
    return c.json(publicPersona(await store.personas.update(persona.id, c.req.valid('json'))), 200);
  });
  app.openapi(remove, async (c) => {
    const { store } = c.get('deps').starling;
    const persona = await ownedPersona(store, callerOf(c).user.id, c.req.valid('param').id);
    await store.personas.delete(persona.id);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(makeDefault, async (c) => {
    const { store } = c.get('deps').starling;
    const userId = callerOf(c).user.id;
    const persona = await ownedPersona(store, userId, c.req.valid('param').id);
    await store.personas.setDefault(userId, persona.id);
    return c.json(publicPersona(await ownedPersona(store, userId, persona.id)), 200);
  });
  return app;
}
