/**
 * The Hono application: middleware in a fixed order (request id, access log, security headers, CORS,
 * per-IP rate limit, body limits, authentication, per-key rate limit), the REST routes under /api,
 * the OpenAI-compatible routes under /v1, and the OpenAPI document and docs page.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, ServerDependencies } from './env.js';
import { createErrorHandler, notFoundHandler, validationError } from './errors.js';
import { accessLog } from './middleware/access-log.js';
import { authenticate } from './middleware/auth.js';
import { bodyLimit } from './middleware/body-limit.js';
import { cors } from './middleware/cors.js';
import { clientAddress, rateLimit } from './middleware/rate-limit.js';
import { requestId } from './middleware/request-id.js';
import { securityHeaders } from './middleware/security-headers.js';
import { createOpenAIRoutes } from './openai/index.js';
import { createAdminRoutes } from './routes/admin.js';
import { createAdminAuditRoutes } from './routes/admin-audit.js';
import { createAuthRoutes } from './routes/auth.js';
import { createAvatarRoutes } from './routes/avatar.js';
import { IMPORT_PATHS, createCharacterFileRoutes } from './routes/character-files.js';
import { createCharacterRoutes } from './routes/characters.js';
import { createCharacterVersionRoutes } from './routes/character-version.js';
import { registerDocs, type OpenApiLike } from './routes/docs.js';
import { createHealthRoutes } from './routes/health.js';
import { createKeyRoutes } from './routes/keys.js';
import { createLorebookRoutes } from './routes/lorebooks.js';
import { createMemoryRoutes } from './routes/memories.js';
import { createMessageRoutes } from './routes/messages.js';
import { createModelRoutes } from './routes/models.js';
import { createPersonaRoutes } from './routes/personas.js';
import { createPromptRoutes } from './routes/prompt.js';
import { createSessionRoutes } from './routes/sessions.js';
import { createWebRoutes } from './routes/web.js';
import { createTurnRegistry, type TurnRegistry } from './turn-registry.js';

export interface AppRuntime {
  /** Running turns; pass one in to abort them at shutdown. */
  turns?: TurnRegistry;
}

const openApiInfo = {
  openapi: '3.1.0',
  info: {
    title: 'Starling API',
    version: '0.1.0',
    description: 'Characters, lorebooks, sessions and streaming turns. Errors: {"error":{"code","message"}}.',
  },
};

/** Builds the HTTP application over the composed services. */
export function createServerApp(deps: ServerDependencies, runtime: AppRuntime = {}): OpenAPIHono<AppEnv> {
  const { options } = deps;
  const turns = runtime.turns ?? createTurnRegistry();
  const windowMs = options.rateLimitWindowMs ?? 60_000;
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target);
    },
  });
  app.onError(createErrorHandler());
  app.notFound(notFoundHandler);

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('turns', turns);
    await next();
  });
  app.use('*', requestId());
  app.use('*', accessLog());
  app.use('*', securityHeaders());
  app.use('*', cors(options.corsOrigins));
  app.use(
    '*',
    rateLimit({ limit: options.rateLimitPerIp, windowMs, keyFor: (c) => `ip:${clientAddress(c)}` }),
  );
  app.use(
    '*',
    bodyLimit({
      limitFor: (c) => (IMPORT_PATHS.has(c.req.path) ? options.maxUploadBytes : options.maxJsonBytes),
      timeoutMs: options.bodyTimeoutMs ?? 30_000,
    }),
  );
  for (const prefix of ['/api/*', '/v1/*']) {
    app.use(prefix, authenticate());
    app.use(
      prefix,
      rateLimit({
        limit: options.rateLimitPerKey,
        windowMs,
        keyFor: (c) => {
          const keyId = c.get('caller')?.apiKeyId;
          return keyId ? `key:${keyId}` : null;
        },
      }),
    );
  }

  app.route('/', createHealthRoutes());
  app.route('/', createAuthRoutes());
  app.route('/', createAdminRoutes());
  app.route('/', createAdminAuditRoutes());
  app.route('/', createKeyRoutes());
  app.route('/', createCharacterFileRoutes());
  app.route('/', createCharacterRoutes());
  app.route('/', createLorebookRoutes());
  app.route('/', createSessionRoutes());
  app.route('/', createMessageRoutes());
  app.route('/', createMemoryRoutes());
  app.route('/', createModelRoutes());
  app.route('/', createPersonaRoutes());
  app.route('/v1', createOpenAIRoutes());
  app.route('/', createPromptRoutes());
  app.route('/', createAvatarRoutes());
  app.route('/', createCharacterVersionRoutes());

  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'starling_session',
  });
  app.doc31('/api/openapi.json', openApiInfo);
  registerDocs(app, () => app.getOpenAPI31Document(openApiInfo) as unknown as OpenApiLike);
  app.route('/', createWebRoutes());
  return app;
}
