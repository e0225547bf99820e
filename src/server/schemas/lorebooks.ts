/**
 * Lorebook schemas. Create and update take Starling's camelCase lorebook (src/spec/lorebook.ts), the
 * shape the API returns, so a client can GET a book, change it and PUT it back. Entry fields left out
 * get the defaults of `emptyLorebookEntry`; the size limits are the card importer's (CARD_LIMITS), so
 * a book typed in is never larger than one that could be imported.
 */
import { z } from '@hono/zod-openapi';
import { CARD_LIMITS } from '../../cards/index.js';

const { maxLorebookEntries, maxEntryContentChars, maxKeysPerEntry } = CARD_LIMITS;
const depthMax = 10_000;
const key = z.string().max(10_000);
const extensions = z.record(z.string(), z.unknown());

const entryFields = {
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  name: z.string().max(10_000),
  keys: z.array(key).max(maxKeysPerEntry),
  secondaryKeys: z.array(key).max(maxKeysPerEntry),
  selective: z.boolean(),
  selectiveLogic: z.enum(['and_any', 'and_all', 'not_any', 'not_all']),
  content: z.string().max(maxEntryContentChars),
  enabled: z.boolean(),
  constant: z.boolean(),
  useRegex: z.boolean(),
  caseSensitive: z.boolean().nullable(),
  matchWholeWords: z.boolean().nullable(),
  // Imported books may carry fractional orders; any finite number sorts.
  insertionOrder: z.number(),
  priority: z.number(),
  position: z.enum(['before_char', 'after_char', 'before_examples', 'after_examples', 'at_depth']),
  depth: z.number().int().min(0).max(depthMax),
  role: z.enum(['system', 'user', 'assistant']),
  probability: z.number().int().min(0).max(100),
  useProbability: z.boolean(),
  scanDepth: z.number().int().min(0).max(depthMax).nullable(),
  preventRecursion: z.boolean(),
  excludeRecursion: z.boolean(),
  extensions,
};

const bookFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(50_000),
  scanDepth: z.number().int().min(0).max(depthMax).nullable(),
  tokenBudget: z.number().int().min(0).max(10_000_000).nullable(),
  recursiveScanning: z.boolean(),
  extensions,
};

/** A stored entry, every field present. */
export const LorebookEntrySchema = z.object(entryFields).openapi('LorebookEntry');

/** A stored book with its entries. */
export const LorebookBookSchema = z
  .object({ ...bookFields, entries: z.array(LorebookEntrySchema) })
  .openapi('LorebookBook');

/** An entry as sent: only `keys` and `content` matter for most books; the rest default. */
export const LorebookEntryInputSchema = z
  .strictObject(entryFields)
  .partial()
  .refine((entry) => (entry.keys?.length ?? 0) + (entry.secondaryKeys?.length ?? 0) <= maxKeysPerEntry, {
    message: `at most ${maxKeysPerEntry} keys (primary and secondary together)`,
    path: ['keys'],
  })
  .openapi('LorebookEntryInput');

const bookInputFields = {
  ...bookFields,
  description: bookFields.description.optional(),
  scanDepth: bookFields.scanDepth.optional(),
  tokenBudget: bookFields.tokenBudget.optional(),
  recursiveScanning: bookFields.recursiveScanning.optional(),
  extensions: extensions.optional(),
  entries: z.array(LorebookEntryInputSchema).max(maxLorebookEntries).optional(),
};

/** Entry ids name entries within a book (activation state, exports), so two may not share one. */
function uniqueEntryIds(
  book: { entries?: { id?: number | undefined }[] | undefined },
  context: z.RefinementCtx,
) {
  const seen = new Set<number>();
  for (const [index, entry] of (book.entries ?? []).entries()) {
    if (entry.id === undefined) continue;
    if (seen.has(entry.id)) {
      context.addIssue({
        code: 'custom',
        message: `duplicate entry id ${entry.id}`,
        path: ['entries', index, 'id'],
      });
    }
    seen.add(entry.id);
  }
}

/** A whole book as sent to replace one (`PUT`): only `name` is required; entry ids must be unique. */
export const LorebookInputSchema = z
  .strictObject(bookInputFields)
  .superRefine(uniqueEntryIds)
  .openapi('LorebookInput');

/** The body of `POST /api/lorebooks`: a book, and whether it applies to all of the caller's characters. */
export const CreateLorebookSchema = z
  .strictObject({ ...bookInputFields, global: z.boolean().optional() })
  .superRefine(uniqueEntryIds)
  .openapi('CreateLorebook');

export const LorebookSummarySchema = z
  .object({
    id: z.string(),
    ownerId: z.string(),
    name: z.string(),
    entries: z.number(),
    characterIds: z.array(z.string()),
    global: z.boolean(),
    updatedAt: z.number(),
  })
  .openapi('LorebookSummary');

export const LorebookSchema = z
  .object({
    id: z.string(),
    ownerId: z.string(),
    book: LorebookBookSchema,
    characterIds: z.array(z.string()),
    global: z.boolean(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi('Lorebook');

export const AttachParams = z.object({
  id: z.string().min(1).max(200),
  characterId: z.string().min(1).max(200),
});

export const GlobalSchema = z.strictObject({ global: z.boolean() }).openapi('LorebookGlobal');
