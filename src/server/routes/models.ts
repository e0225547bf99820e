/**
 * Model configurations: list (configured and catalog), add (admin), test a connection with a tiny
 * generation, and pull a GGUF (admin) with progress streamed as Server-Sent Events.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createRoute } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { catalogModelPath, modelCatalog, pullModel, remotePresetNames } from '../../models/index.js';
import { StarlingError, toStarlingError } from '../../spec/errors.js';
import { requireAuth } from '../middleware/auth.js';
import { registerOpenAIPaths } from '../openapi-v1.js';
import { createRouter } from '../router.js';
import { errorResponses, jsonBody, jsonResponse, sseResponse } from '../schemas/common.js';
import {
  AddModelSchema,
  ModelConfigSchema,
  ModelListSchema,
  ModelParams,
  ModelTestSchema,
  PullSchema,
} from '../schemas/models.js';

const tags = ['models'];
const admin = requireAuth(['admin']);

const list = createRoute({
  method: 'get',
  path: '/api/models',
  tags,
  summary: 'Configured models and the download catalog',
  middleware: [requireAuth(['read', 'chat'])],
  responses: { 200: jsonResponse(ModelListSchema, 'Models'), ...errorResponses(401, 403) },
});

const add = createRoute({
  method: 'post',
  path: '/api/models',
  tags,
  summary: 'Add or replace a model configuration (admin); API keys are named by environment variable only',
  middleware: [admin],
  request: { body: jsonBody(AddModelSchema) },
  responses: { 201: jsonResponse(ModelConfigSchema, 'Saved'), ...errorResponses(400, 401, 403) },
});

const test = createRoute({
  method: 'post',
  path: '/api/models/{name}/test',
  tags,
  summary: 'Open the model and generate a few tokens',
  middleware: [requireAuth(['chat'])],
  request: { params: ModelParams },
  responses: { 200: jsonResponse(ModelTestSchema, 'It works'), ...errorResponses(401, 403, 404, 502, 503) },
});

const pull = createRoute({
  method: 'post',
  path: '/api/models/pull',
  tags,
  summary: 'Download a GGUF (admin); streams `progress` events, then `done` or `error`',
  middleware: [admin],
  request: { body: jsonBody(PullSchema) },
  responses: { 200: sseResponse, ...errorResponses(400, 401, 403) },
});

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

/** Routes under /api/models (and the OpenAPI description of /v1, see below). */
export function createModelRoutes() {
  const app = createRouter();
  // The /v1 routes are plain Hono and app.ts is not this module's; a group mounted at '/' hands its
  // registered paths to the app's document, so the /v1 description rides along with the models group.
  registerOpenAIPaths(app.openAPIRegistry);
  app.openapi(list, async (c) => {
    const { starling } = c.get('deps');
    const configured = (await starling.store.models.list()).map(
      ({ name, provider, model, baseUrl, apiKeyEnv, contextSize }) => ({
        name,
        provider,
        model,
        baseUrl,
        apiKeyEnv,
        contextSize,
      }),
    );
    const catalog = await Promise.all(
      modelCatalog.map(async (entry) => ({
        name: entry.name,
        description: entry.description,
        downloaded: await exists(catalogModelPath(starling.home, entry)),
      })),
    );
    return c.json({ configured, catalog }, 200);
  });
  app.openapi(add, async (c) => {
    const body = c.req.valid('json');
    const known = ['llama', ...remotePresetNames];
    if (!known.includes(body.provider)) {
      throw new StarlingError('validation_failed', `body: provider: one of ${known.join(', ')}`);
    }
    const record = await c.get('deps').starling.store.models.upsert({
      name: body.name,
      provider: body.provider,
      model: body.provider === 'llama' ? path.resolve(body.model) : body.model,
      baseUrl: body.baseUrl ?? null,
      apiKeyEnv: body.apiKeyEnv ?? null,
      contextSize: body.contextSize ?? null,
      options: {},
    });
    const { name, provider, model, baseUrl, apiKeyEnv, contextSize } = record;
    return c.json({ name, provider, model, baseUrl, apiKeyEnv, contextSize }, 201);
  });
  app.openapi(test, async (c) => {
    const { name } = c.req.valid('param');
    const started = performance.now();
    const handle = await c.get('deps').starling.getModel(name);
    try {
      const result = await handle.model.doGenerate({
        prompt: [{ role: 'user', content: [{ type: 'text', text: 'Say hello.' }] }],
        maxOutputTokens: 4,
        abortSignal: AbortSignal.any([c.req.raw.signal, AbortSignal.timeout(60_000)]),
      });
      const text = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
      return c.json(
        { ok: true as const, model: handle.name, text, ms: Math.round(performance.now() - started) },
        200,
      );
    } catch (error) {
      throw new StarlingError(
        'model_failed',
        `the model ${handle.name} failed: ${toStarlingError(error).message}`,
        { cause: error },
      );
    }
  });
  app.openapi(pull, (c) => {
    const { source, sha256 } = c.req.valid('json');
    const modelsDir = path.join(c.get('deps').starling.home, 'models');
    const controller = new AbortController();
    c.req.raw.signal.addEventListener('abort', () => controller.abort(), { once: true });
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => controller.abort());
      let lastSent = 0;
      try {
        const result = await pullModel(source, {
          modelsDir,
          signal: controller.signal,
          expectedSha256: sha256 ?? null,
          onProgress: ({ received, total }) => {
            // At most about ten progress events a second.
            const now = Date.now();
            if (now - lastSent < 100 && received !== total) return;
            lastSent = now;
            void stream.writeSSE({ event: 'progress', data: JSON.stringify({ received, total }) });
          },
        });
        await stream.writeSSE({ event: 'done', data: JSON.stringify(result) });
      } catch (error) {
        const { code, message } = toStarlingError(error, 'model_download_failed');
        await stream.writeSSE({ event: 'error', data: JSON.stringify({ code, message }) });
      }
    });
  });
  return app;
}
