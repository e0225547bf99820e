/** Chat sessions: start one with a character, list, read with the whole message tree, delete. */
import { createRoute, z } from '@hono/zod-openapi';
import { ownedSession, readableCharacter } from '../access.js';
import { callerOf, requireAuth } from '../middleware/auth.js';
import { createRouter } from '../router.js';
import { IdParams, OkSchema, errorResponses, jsonBody, jsonResponse } from '../schemas/common.js';
import {
  CreateSessionSchema,
  SessionListQuery,
  SessionSchema,
  SessionWithTreeSchema,
} from '../schemas/sessions.js';

const tags = ['sessions'];
const read = requireAuth(['chat', 'read']);
const chat = requireAuth(['chat']);

const create = createRoute({
  method: 'post',
  path: '/api/sessions',
  tags,
  summary: 'Start a chat with a character (yours or shared); greetings become the first messages',
  middleware: [chat],
  request: { body: jsonBody(CreateSessionSchema) },
  responses: {
    201: jsonResponse(SessionWithTreeSchema, 'The new session'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const list = createRoute({
  method: 'get',
  path: '/api/sessions',
  tags,
  summary: 'Your sessions, newest first',
  middleware: [read],
  request: { query: SessionListQuery },
  responses: { 200: jsonResponse(z.array(SessionSchema), 'Sessions'), ...errorResponses(400, 401, 403) },
});

const get = createRoute({
  method: 'get',
  path: '/api/sessions/{id}',
  tags,
  summary: 'A session with every message of its tree (all branches and swipes) and the head',
  middleware: [read],
  request: { params: IdParams },
  responses: { 200: jsonResponse(SessionWithTreeSchema, 'The session'), ...errorResponses(401, 403, 404) },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/sessions/{id}',
  tags,
  summary: 'Delete a session and its messages',
  middleware: [chat],
  request: { params: IdParams },
  responses: { 200: jsonResponse(OkSchema, 'Deleted'), ...errorResponses(401, 403, 404) },
});

/** Routes under /api/sessions (turns and messages: see messages.ts). */
export function createSessionRoutes() {
  const app = createRouter();
  app.openapi(create, async (c) => {
    const { starling } = c.get('deps');
    const userId = callerOf(c).user.id;
    const { characterId, title } = c.req.valid('json');
    const character = await readableCharacter(starling.store, userId, characterId);
    const { session, messages } = await starling.chat.startSession(userId, character, title);
    return c.json({ session, messages, headId: session.headId }, 201);
  });
  app.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const sessions = await c.get('deps').starling.store.sessions.list({
      ownerId: callerOf(c).user.id,
      characterId: query.characterId,
      limit: query.limit,
    });
    return c.json(sessions, 200);
  });
  app.openapi(get, async (c) => {
    const { store } = c.get('deps').starling;
    const session = await ownedSession(store, callerOf(c).user.id, c.req.valid('param').id);
    const messages = await store.messages.tree(session.id);
    return c.json({ session, messages, headId: session.headId }, 200);
  });
  app.openapi(remove, async (c) => {
    const { store } = c.get('deps').starling;
    const userId = callerOf(c).user.id;
    const session = await ownedSession(store, userId, c.req.valid('param').id);
    c.get('turns').abort(session.id, userId);
    await store.sessions.delete(session.id);
    return c.json({ ok: true as const }, 200);
  });
  return app;
}
