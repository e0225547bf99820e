/**
 * The OpenAI-compatible API, mounted at `/v1` behind the server's auth middleware: characters are
 * the models, and any OpenAI client can chat with them. Errors come in OpenAI's shape.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { callerOf, requireAuth } from '../middleware/auth.js';
import { handleChatCompletion } from './chat-completions.js';
import { listCharacterModels } from './characters-as-models.js';
import { openAIErrorHandler } from './openai-errors.js';
import { StarlingError } from '../../spec/errors.js';

export { slugOf } from './wire.js';

/** Creates the `/v1` routes: `GET /models`, `GET /models/:model`, `POST /chat/completions`. */
export function createOpenAIRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.onError(openAIErrorHandler);

  routes.get('/models', requireAuth(['read', 'chat']), async (c) => {
    const models = await listCharacterModels(c.get('deps').starling.store, callerOf(c).user.id);
    return c.json({ object: 'list', data: models });
  });

  routes.get('/models/:model', requireAuth(['read', 'chat']), async (c) => {
    const wanted = c.req.param('model');
    const models = await listCharacterModels(c.get('deps').starling.store, callerOf(c).user.id);
    const model = models.find((entry) => entry.id === wanted || entry.slug === wanted.toLowerCase());
    if (!model) throw new StarlingError('model_not_found', `The model "${wanted}" does not exist.`);
    return c.json(model);
  });

  routes.post('/chat/completions', requireAuth(['chat']), (c) => handleChatCompletion(c));

  return routes;
}
