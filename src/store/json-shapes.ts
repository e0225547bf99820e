/**
 * Shapes of the JSON columns, checked on read so a hand-edited or damaged row surfaces as
 * `store_corrupt` instead of a crash deep inside the prompt builder. Writes are trusted (typed).
 */
import { z } from 'zod';

const jsonObject = z.record(z.string(), z.unknown());

const lorebookEntryShape = z.object({
  id: z.number(),
  name: z.string(),
  keys: z.array(z.string()),
  secondaryKeys: z.array(z.string()),
  selective: z.boolean(),
  selectiveLogic: z.enum(['and_any', 'and_all', 'not_any', 'not_all']),
  content: z.string(),
  enabled: z.boolean(),
  constant: z.boolean(),
  useRegex: z.boolean(),
  caseSensitive: z.boolean().nullable(),
  matchWholeWords: z.boolean().nullable(),
  insertionOrder: z.number(),
  priority: z.number(),
  position: z.enum(['before_char', 'after_char', 'before_examples', 'after_examples', 'at_depth']),
  depth: z.number(),
  role: z.enum(['system', 'user', 'assistant']),
  probability: z.number(),
  useProbability: z.boolean(),
  scanDepth: z.number().nullable(),
  preventRecursion: z.boolean(),
  excludeRecursion: z.boolean(),
  extensions: jsonObject,
});

/** A stored `Lorebook`. */
export const lorebookShape = z.object({
  name: z.string(),
  description: z.string(),
  scanDepth: z.number().nullable(),
  tokenBudget: z.number().nullable(),
  recursiveScanning: z.boolean(),
  extensions: jsonObject,
  entries: z.array(lorebookEntryShape),
});

/** A stored `CharacterCard`. */
export const characterCardShape = z.object({
  name: z.string(),
  nickname: z.string(),
  description: z.string(),
  personality: z.string(),
  scenario: z.string(),
  firstMessage: z.string(),
  alternateGreetings: z.array(z.string()),
  groupOnlyGreetings: z.array(z.string()),
  exampleDialogues: z.string(),
  systemPrompt: z.string(),
  postHistoryInstructions: z.string(),
  creatorNotes: z.string(),
  creatorNotesMultilingual: z.record(z.string(), z.string()),
  tags: z.array(z.string()),
  creator: z.string(),
  characterVersion: z.string(),
  extensions: jsonObject,
  assets: z.array(z.object({ type: z.string(), uri: z.string(), name: z.string(), ext: z.string() })),
  source: z.array(z.string()),
  creationDate: z.number().nullable(),
  modificationDate: z.number().nullable(),
  lorebook: lorebookShape.nullable(),
});

/** Free-form metadata and options columns: any JSON object. */
export const jsonObjectShape = jsonObject;

/** The `tags` column of `characters`. */
export const tagsShape = z.array(z.string());

/** Message roles and statuses as stored. */
export const messageRoleShape = z.enum(['system', 'user', 'assistant']);
export const messageStatusShape = z.enum(['complete', 'incomplete', 'error']);
