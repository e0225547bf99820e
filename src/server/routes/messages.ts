/**
 * Turns and the message tree: send (SSE), regenerate a swipe (SSE), choose the shown swipe, edit,
 * branch, delete, abort the running turn.
 */
import { createRoute } from '@hono/zod-openapi';
import { StarlingError } from '../../spec/errors.js';
import { ownedMessage, ownedPersona, ownedSession } from '../access.js';
import { callerOf, requireAuth } from '../middleware/auth.js';
import { createRouter } from '../router.js';
import {
  IdParams,
  OkSchema,
  errorResponses,
  jsonBody,
  jsonResponse,
  sseResponse,
} from '../schemas/common.js';
import {
  AbortResultSchema,
  EditMessageSchema,
  MessageRefSchema,
  MessageSchema,
  RegenerateSchema,
  SendMessageSchema,
  SessionSchema,
} from '../schemas/sessions.js';
import { streamTurn } from '../sse.js';

const tags = ['messages'];
const chat = requireAuth(['chat']);
const turnErrors = errorResponses(400, 401, 403, 404, 409);

const send = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/messages',
  tags,
  summary: 'Send a message; the reply streams as Server-Sent Events',
  middleware: [chat],
  request: { params: IdParams, body: jsonBody(SendMessageSchema) },
  responses: { 200: sseResponse, ...turnErrors },
});

const regenerate = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/regenerate',
  tags,
  summary: 'Generate another reply (a new swipe) beside `messageId` (default: the head); streams',
  middleware: [chat],
  request: { params: IdParams, body: jsonBody(RegenerateSchema) },
  responses: { 200: sseResponse, ...turnErrors },
});

const head = createRoute({
  method: 'put',
  path: '/api/sessions/{id}/head',
  tags,
  summary: 'Show a swipe: the head moves to the latest message under `messageId`',
  middleware: [chat],
  request: { params: IdParams, body: jsonBody(MessageRefSchema) },
  responses: { 200: jsonResponse(SessionSchema, 'The session'), ...errorResponses(400, 401, 403, 404) },
});

const branch = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/branch',
  tags,
  summary: 'Continue from an earlier message: the next message starts a new branch there',
  middleware: [chat],
  request: { params: IdParams, body: jsonBody(MessageRefSchema) },
  responses: { 200: jsonResponse(SessionSchema, 'The session'), ...errorResponses(400, 401, 403, 404) },
});

const abort = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/abort',
  tags,
  summary: 'Stop the running turn; its partial reply is saved as incomplete',
  middleware: [chat],
  request: { params: IdParams },
  responses: {
    200: jsonResponse(AbortResultSchema, 'Whether a turn was running'),
    ...errorResponses(401, 403, 404),
  },
});

const edit = createRoute({
  method: 'patch',
  path: '/api/messages/{id}',
  tags,
  summary: 'Replace a message’s text',
  middleware: [chat],
  request: { params: IdParams, body: jsonBody(EditMessageSchema) },
  responses: { 200: jsonResponse(MessageSchema, 'The message'), ...errorResponses(400, 401, 403, 404) },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/messages/{id}',
  tags,
  summary: 'Delete a message and everything after it on every branch',
  middleware: [chat],
  request: { params: IdParams },
  responses: { 200: jsonResponse(OkSchema, 'Deleted'), ...errorResponses(401, 403, 404, 409) },
});

function refuseWhileRunning(running: boolean, sessionId: string): void {
  if (running)
    throw new StarlingError('turn_running', `session ${sessionId} has a turn running; abort it first`);
}

/** Routes for turns and messages. */
export function createMessageRoutes() {
  const app = createRouter();
  app.openapi(send, async (c) => {
    const { starling } = c.get('deps');
    const userId = callerOf(c).user.id;
    const session = await ownedSession(starling.store, userId, c.req.valid('param').id);
    const body = c.req.valid('json');
    if (body.content.trim() === '') throw new StarlingError('message_empty', 'the message is empty');
    if (body.personaId) await ownedPersona(starling.store, userId, body.personaId);
    return streamTurn(c, {
      sessionId: session.id,
      ownerId: userId,
      run: ({ signal, onEvent }) =>
        starling.chat.send(body.content, {
          ownerId: userId,
          sessionId: session.id,
          model: body.model,
          maxOutputTokens: body.maxTokens,
          personaId: body.personaId,
          signal,
          onEvent,
        }),
    });
  });
  app.openapi(regenerate, async (c) => {
    const { starling } = c.get('deps');
    const userId = callerOf(c).user.id;
    const session = await ownedSession(starling.store, userId, c.req.valid('param').id);
    const body = c.req.valid('json');
    // Checked before the stream opens so a bad target is a plain 400/404, not an SSE error.
    if (body.messageId) await ownedMessage(starling.store, userId, body.messageId);
    if (body.personaId) await ownedPersona(starling.store, userId, body.personaId);
    await starling.chat.regenerationParent({
      ownerId: userId,
      sessionId: session.id,
      messageId: body.messageId,
    });
    return streamTurn(c, {
      sessionId: session.id,
      ownerId: userId,
      run: ({ signal, onEvent }) =>
        starling.chat.regenerate({
          ownerId: userId,
          sessionId: session.id,
          messageId: body.messageId,
          model: body.model,
          maxOutputTokens: body.maxTokens,
          personaId: body.personaId,
          signal,
          onEvent,
        }),
    });
  });
  app.openapi(head, async (c) => {
    const { starling } = c.get('deps');
    const userId = callerOf(c).user.id;
    const session = await ownedSession(starling.store, userId, c.req.valid('param').id);
    refuseWhileRunning(c.get('turns').has(session.id), session.id);
    const updated = await starling.chat.selectSwipe(userId, session.id, c.req.valid('json').messageId);
    return c.json(updated, 200);
  });
  app.openapi(branch, async (c) => {
    const { starling } = c.get('deps');
    const userId = callerOf(c).user.id;
    const session = await ownedSession(starling.store, userId, c.req.valid('param').id);
    refuseWhileRunning(c.get('turns').has(session.id), session.id);
    await starling.chat.branch(userId, session.id, c.req.valid('json').messageId);
    return c.json(await ownedSession(starling.store, userId, session.id), 200);
  });
  app.openapi(abort, async (c) => {
    const userId = callerOf(c).user.id;
    const session = await ownedSession(c.get('deps').starling.store, userId, c.req.valid('param').id);
    return c.json({ aborted: c.get('turns').abort(session.id, userId) }, 200);
  });
  app.openapi(edit, async (c) => {
    const { starling } = c.get('deps');
    const userId = callerOf(c).user.id;
    const { message, session } = await ownedMessage(starling.store, userId, c.req.valid('param').id);
    const updated = await starling.chat.editMessage(
      userId,
      session.id,
      message.id,
      c.req.valid('json').content,
    );
    return c.json(updated, 200);
  });
  app.openapi(remove, async (c) => {
    const { starling } = c.get('deps');
    const userId = callerOf(c).user.id;
    const { message, session } = await ownedMessage(starling.store, userId, c.req.valid('param').id);
    refuseWhileRunning(c.get('turns').has(session.id), session.id);
    await starling.chat.deleteMessage(userId, session.id, message.id);
    return c.json({ ok: true as const }, 200);
  });
  return app;
}
