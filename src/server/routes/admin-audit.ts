/**
 * Admin-only: the safety audit log (blocks, revisions and flags of turns, import findings),
 * newest first. Rows outlive the chats they name; see docs/decisions/0014-safety-pipeline.md.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { StarlingError } from '../../spec/errors.js';
import { requireAuth } from '../middleware/auth.js';
import { createRouter } from '../router.js';
import { errorResponses, jsonResponse } from '../schemas/common.js';

const AuditQuerySchema = z.object({
  action: z.enum(['block', 'revise', 'flag']).optional(),
  source: z.enum(['classifier', 'llm_guard', 'injection_scan']).optional(),
  /** Unix milliseconds or an ISO 8601 date. */
  since: z.string().min(1).max(40).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  ownerId: z.string().min(1).max(200).optional(),
  sessionId: z.string().min(1).max(200).optional(),
});

const AuditRowSchema = z
  .object({
    id: z.string(),
    at: z.number(),
    ownerId: z.string(),
    sessionId: z.string().nullable(),
    messageId: z.string().nullable(),
    characterId: z.string().nullable(),
    direction: z.enum(['input', 'output', 'import', 'memory', 'tool']),
    action: z.enum(['block', 'revise', 'flag']),
    source: z.enum(['classifier', 'llm_guard', 'injection_scan']).openapi({
      description: 'Who decided: the built-in classifier, the LLM guard, or the hidden-instruction scan',
    }),
    policy: z.string(),
    categories: z.array(z.string()),
    scores: z.record(z.string(), z.number()),
    reason: z.string(),
    text: z.string().openapi({ description: "Empty once the owner's account was deleted" }),
    revisions: z.array(z.object({ critique: z.string(), revision: z.string() })),
  })
  .openapi('AuditRow');

const listAudit = createRoute({
  method: 'get',
  path: '/api/admin/audit',
  tags: ['admin'],
  summary:
    'Safety audit log: blocks, revisions and flags, newest first; filter by action, source, owner, session, time',
  middleware: [requireAuth(['admin'])],
  request: { query: AuditQuerySchema },
  responses: { 200: jsonResponse(z.array(AuditRowSchema), 'Audit rows'), ...errorResponses(400, 401, 403) },
});

/** `since` as Unix milliseconds: a number, or an ISO date; `invalid_input` otherwise. */
function parseSince(since: string | undefined): number | undefined {
  if (since === undefined) return undefined;
  const time = /^\d+$/.test(since) ? Number(since) : Date.parse(since);
  if (!Number.isFinite(time)) {
    throw new StarlingError(
      'invalid_input',
      `since must be Unix milliseconds or an ISO date, got "${since}"`,
    );
  }
  return time;
}

/** The admin audit route. */
export function createAdminAuditRoutes() {
  const app = createRouter();
  app.openapi(listAudit, async (c) => {
    const query = c.req.valid('query');
    const since = parseSince(query.since);
    const rows = await c.get('deps').starling.store.audit.list({
      ...(query.action === undefined ? {} : { action: query.action }),
      ...(query.source === undefined ? {} : { source: query.source }),
      ...(since === undefined ? {} : { since }),
      ...(query.limit === undefined ? {} : { limit: query.limit }),
      ...(query.ownerId === undefined ? {} : { ownerId: query.ownerId }),
      ...(query.sessionId === undefined ? {} : { sessionId: query.sessionId }),
    });
    return c.json(rows, 200);
  });
  return app;
}
