/**
 * Character schemas. Create and update take Starling's camelCase card fields (the internal model,
 * see src/spec/character.ts), not the V2/V3 snake_case layout: one shape for the API, the store and
 * the client; V2/V3 files go through the import route. Assets come only from imports; an update may
 * replace the embedded lorebook (validated like the lorebook routes' books) or keep it.
 */
import { z } from '@hono/zod-openapi';
import { LorebookInputSchema } from './lorebooks.js';

const text = (max: number) => z.string().max(max);

export const CardFieldsSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    nickname: text(200),
    description: text(200_000),
    personality: text(50_000),
    scenario: text(50_000),
    firstMessage: text(50_000),
    alternateGreetings: z.array(text(50_000)).max(100),
    groupOnlyGreetings: z.array(text(50_000)).max(100),
    exampleDialogues: text(100_000),
    systemPrompt: text(50_000),
    postHistoryInstructions: text(50_000),
    creatorNotes: text(50_000),
    creatorNotesMultilingual: z.record(z.string().max(20), text(50_000)),
    tags: z.array(z.string().trim().min(1).max(100)).max(100),
    creator: text(200),
    characterVersion: text(100),
    extensions: z.record(z.string(), z.unknown()),
  })
  .openapi('CardFields');

export const CreateCharacterSchema = CardFieldsSchema.partial()
  .required({ name: true })
  .extend({ shared: z.boolean().optional() })
  .openapi('CreateCharacter');

export const UpdateCharacterSchema = CardFieldsSchema.partial()
  .extend({
    // The same schema (and so the same limits) as PUT /api/lorebooks/{id}: a book typed into the
    // editor is never larger than one that could be imported. null removes the embedded book.
    lorebook: LorebookInputSchema.nullable()
      .optional()
      .openapi({ description: 'Replaces the embedded lorebook (null removes it); absent keeps it' }),
  })
  .openapi('UpdateCharacter');

export const CharacterSummarySchema = z
  .object({
    id: z.string(),
    ownerId: z.string(),
    shared: z.boolean(),
    name: z.string(),
    version: z.number(),
    tags: z.array(z.string()),
    updatedAt: z.number(),
  })
  .openapi('CharacterSummary');

export const CharacterSchema = z
  .object({
    id: z.string(),
    ownerId: z.string(),
    shared: z.boolean(),
    version: z.number(),
    card: z.record(z.string(), z.unknown()).openapi({ description: 'The card (camelCase fields)' }),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi('Character');

export const CharacterListQuery = z.strictObject({
  search: z.string().max(200).optional(),
  tag: z.string().max(100).optional(),
  includeShared: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const VersionsSchema = z.array(z.object({ version: z.number(), createdAt: z.number() }));

export const SharingSchema = z.strictObject({ shared: z.boolean() }).openapi('Sharing');

export const ExportQuery = z.strictObject({ format: z.enum(['png', 'json', 'charx']).default('json') });

export const ImportedSchema = z
  .array(
    z.object({
      id: z.string().nullable(),
      name: z.string().nullable(),
      kind: z.enum(['character', 'lorebook']).nullable(),
      file: z.string(),
      warnings: z.array(z.object({ code: z.string(), message: z.string(), path: z.string().optional() })),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  )
  .openapi('Imported');

export const ImportFormSchema = z.object({
  file: z
    .union([z.instanceof(File), z.array(z.instanceof(File))])
    .openapi({ type: 'string', format: 'binary', description: 'One or more card or lorebook files' }),
});
