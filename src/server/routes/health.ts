/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the store answers). */
import { createRoute, z } from '@hono/zod-openapi';
import { StarlingError } from '../../spec/errors.js';
import { createRouter } from '../router.js';
import { errorResponses, jsonResponse } from '../schemas/common.js';

const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['operations'],
  summary: 'Liveness: 200 whenever the server is up',
  responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'Up') },
});

const readyz = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['operations'],
  summary: 'Readiness: 200 when the store answers, else 503',
  responses: { 200: jsonResponse(z.object({ ready: z.literal(true) }), 'Ready'), ...errorResponses(503) },
});

/** The health routes (no authentication). */
export function createHealthRoutes() {
  const app = createRouter();
  app.openapi(healthz, (c) => c.json({ ok: true as const }, 200));
  app.openapi(readyz, async (c) => {
    try {
      await c.get('deps').starling.store.users.count();
    } catch (error) {
      throw new StarlingError('not_ready', 'the store is not reachable', { cause: error });
    }
    return c.json({ ready: true as const }, 200);
  });
  return app;
}
