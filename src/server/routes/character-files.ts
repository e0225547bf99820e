/**
 * Card files: `POST /api/characters/import` (multipart field `file`, one or several PNG/APNG, JSON,
 * CHARX or lorebook files) and `GET /api/characters/{id}/export?format=png|json|charx`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { exportCard } from '../../cards/index.js';
import { importFiles, type ImportInput } from '../../engine/index.js';
import { StarlingError } from '../../spec/errors.js';
import { readableCharacter } from '../access.js';
import { callerOf, requireAuth } from '../middleware/auth.js';
import { createRouter } from '../router.js';
import { ExportQuery, ImportFormSchema, ImportedSchema } from '../schemas/characters.js';
import { IdParams, errorResponses, jsonResponse } from '../schemas/common.js';
import { statusForCode } from '../errors.js';

/** Path of the upload route, which gets the upload size limit rather than the JSON one. */
export const IMPORT_PATHS = new Set(['/api/characters/import']);
const MAX_FILES = 20;

const importRoute = createRoute({
  method: 'post',
  path: '/api/characters/import',
  tags: ['characters'],
  summary:
    'Import card or lorebook files (multipart field `file`, repeatable). Answers one entry per file: `{id, name, kind, warnings}`, or `{error}` for a file that failed when others succeeded; when every file fails, the first failure is the error response.',
  middleware: [requireAuth(['write'])],
  request: { body: { required: true, content: { 'multipart/form-data': { schema: ImportFormSchema } } } },
  responses: { 200: jsonResponse(ImportedSchema, 'Imported'), ...errorResponses(400, 401, 403, 413) },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/characters/{id}/export',
  tags: ['characters'],
  summary: 'Download a character as a V3 card file (PNG with embedded card, JSON or CHARX)',
  middleware: [requireAuth(['read', 'chat'])],
  request: { params: IdParams, query: ExportQuery },
  responses: {
    200: {
      description: 'The card file',
      content: {
        'image/png': { schema: z.string().openapi({ format: 'binary' }) },
        'application/json': { schema: z.record(z.string(), z.unknown()) },
        'application/zip': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...errorResponses(401, 403, 404),
  },
});

const mediaTypes = { png: 'image/png', json: 'application/json', charx: 'application/zip' } as const;

function safeFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(0, 100) || 'character';
}

/** Routes for card import and export. */
export function createCharacterFileRoutes() {
  const app = createRouter();
  app.openapi(importRoute, async (c) => {
    const form = c.req.valid('form').file;
    const files = Array.isArray(form) ? form : [form];
    if (files.length > MAX_FILES)
      throw new StarlingError('validation_failed', `at most ${MAX_FILES} files per import`);
    const inputs: ImportInput[] = [];
    for (const file of files)
      inputs.push({ name: file.name || 'upload', bytes: new Uint8Array(await file.arrayBuffer()) });
    const { store } = c.get('deps').starling;
    const { imported, failed } = await importFiles(store, callerOf(c).user.id, inputs);
    const firstFailure = failed[0];
    if (imported.length === 0 && firstFailure) {
      const known = statusForCode(firstFailure.error.code) !== 500;
      const code = known ? firstFailure.error.code : 'import_failed';
      throw new StarlingError(code, `${firstFailure.file}: ${firstFailure.error.message}`);
    }
    const body = [
      ...imported.map(({ id, name, kind, file, warnings }) => ({ id, name, kind, file, warnings })),
      ...failed.map(({ file, error }) => ({
        id: null,
        name: null,
        kind: null,
        file,
        warnings: [],
        error: { code: error.code, message: error.message },
      })),
    ];
    return c.json(body, 200);
  });
  app.openapi(exportRoute, async (c) => {
    const { store } = c.get('deps').starling;
    const record = await readableCharacter(store, callerOf(c).user.id, c.req.valid('param').id);
    const { format } = c.req.valid('query');
    const bytes = exportCard(record.card, await store.characters.getAssets(record.id), format);
    const extension = format === 'charx' ? 'charx' : format;
    c.header('Content-Type', mediaTypes[format]);
    c.header('Content-Disposition', `attachment; filename="${safeFileName(record.card.name)}.${extension}"`);
    return c.body(new Uint8Array(bytes), 200);
  });
  return app;
}
