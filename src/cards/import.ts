/**
 * importFile: detects the format from the bytes and returns the normalised card or lorebook. It is
 * pure: it either returns everything or throws a StarlingError, never a partial result.
 */
import type { AssetFiles, CharacterCard, ImportWarning } from '../spec/character.js';
import type { Lorebook } from '../spec/lorebook.js';
import { StarlingError } from '../spec/errors.js';
import { cardError, createContext, finishWarnings, warn, type ImportContext } from './context.js';
import { charxAssetFiles, readCharx } from './charx.js';
import { get, has, isObject, type JsonObject } from './fields.js';
import { CARD_LIMITS, formatBytes, type CardLimits } from './limits.js';
import { parseCardPayload, parseJsonBytes } from './json-payload.js';
import { readCharacterBook } from './lorebook-import.js';
import { normalizeCard, type CardSpec } from './normalize.js';
import { isPng } from './png-chunks.js';
import { readPngCard } from './png-card.js';
import { isWorldInfo, readWorldInfo } from './world-info.js';
import { isZip } from './zip-read.js';

export type ImportResult =
  | {
      kind: 'character';
      card: CharacterCard;
      assets: AssetFiles;
      warnings: ImportWarning[];
      format: 'png' | 'json' | 'charx';
      spec: CardSpec;
    }
  | {
      kind: 'lorebook';
      lorebook: Lorebook;
      warnings: ImportWarning[];
      format: 'lorebook_v3' | 'sillytavern_world' | 'character_book';
    };

export interface ImportOptions {
  /** Limits to use instead of CARD_LIMITS' (tests, constrained hosts). */
  limits?: Partial<CardLimits>;
}

function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? '';
  return name.replace(/\.json$/i, '');
}

function importPng(context: ImportContext, bytes: Uint8Array): ImportResult {
  const { candidates, avatar } = readPngCard(context, bytes);
  let firstError: StarlingError | undefined;
  for (const candidate of candidates) {
    const mark = context.warnings.length;
    try {
      const document = parseCardPayload(context, candidate.decode(), `the ${candidate.keyword} chunk`);
      const { card, spec } = normalizeCard(context, document);
      const assets: AssetFiles = new Map([['avatar', avatar]]);
      return { kind: 'character', card, assets, warnings: finishWarnings(context), format: 'png', spec };
    } catch (error) {
      if (!StarlingError.isInstance(error)) throw error;
      // A broken ccv3 chunk falls back to the chara backfill; the warnings it raised go with it.
      context.warnings.length = mark;
      firstError ??= error;
      warn(context, 'png_chunk_unreadable', `the ${candidate.keyword} chunk was skipped: ${error.message}`);
    }
  }
  throw firstError ?? cardError('card_no_data', 'the PNG carries no character card');
}

function importCharx(context: ImportContext, bytes: Uint8Array): ImportResult {
  const { document, files } = readCharx(context, bytes);
  const { card, spec } = normalizeCard(context, document);
  const assets = charxAssetFiles(context, card, files);
  return { kind: 'character', card, assets, warnings: finishWarnings(context), format: 'charx', spec };
}

/** Fields a lorebook never has, so a document with `entries` and one of these is a card. */
const CHARACTER_ONLY_FIELDS = [
  'spec',
  'data',
  'first_mes',
  'personality',
  'scenario',
  'mes_example',
  'char_greeting',
];

/** A bare `character_book` or world-info file: has entries and none of the fields only a card has. */
function isBareBook(document: JsonObject): boolean {
  const entries = get(document, 'entries');
  return (
    (Array.isArray(entries) || isObject(entries)) && !CHARACTER_ONLY_FIELDS.some((key) => has(document, key))
  );
}

type LorebookFormat = 'lorebook_v3' | 'sillytavern_world' | 'character_book';

function importLorebook(context: ImportContext, document: JsonObject, fileName: string): ImportResult {
  context.invalidCode = 'lorebook_invalid';
  const name = baseName(fileName);
  let lorebook: Lorebook;
  let format: LorebookFormat;
  if (get(document, 'spec') === 'lorebook_v3') {
    const data = get(document, 'data');
    if (!isObject(data))
      throw cardError('lorebook_invalid', 'data: expected a lorebook object', { path: 'data' });
    [lorebook, format] = [readCharacterBook(context, data, 'data', name), 'lorebook_v3'];
  } else if (isWorldInfo(document)) {
    [lorebook, format] = [readWorldInfo(context, document, name), 'sillytavern_world'];
  } else {
    [lorebook, format] = [readCharacterBook(context, document, 'book', name), 'character_book'];
  }
  return { kind: 'lorebook', lorebook, warnings: finishWarnings(context), format };
}

function importJson(context: ImportContext, bytes: Uint8Array, fileName: string): ImportResult {
  const document = parseJsonBytes(context, bytes, fileName || 'the file');
  if (get(document, 'spec') === 'lorebook_v3' || isBareBook(document)) {
    return importLorebook(context, document, fileName);
  }
  const { card, spec } = normalizeCard(context, document);
  return {
    kind: 'character',
    card,
    assets: new Map(),
    warnings: finishWarnings(context),
    format: 'json',
    spec,
  };
}

/**
 * Detects the format from the bytes (PNG magic, zip magic, else JSON) and imports. Throws
 * StarlingError on anything that cannot be a card/lorebook.
 */
export function importFile(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): ImportResult {
  const limits: CardLimits = { ...CARD_LIMITS, ...options.limits };
  const context = createContext(limits);
  if (bytes.length > limits.maxFileBytes) {
    throw cardError(
      'card_too_large',
      `${fileName} is ${formatBytes(bytes.length)}; the limit is ${formatBytes(limits.maxFileBytes)}`,
      {
        limit: 'maxFileBytes',
      },
    );
  }
  if (isPng(bytes)) return importPng(context, bytes);
  if (isZip(bytes)) return importCharx(context, bytes);
  if (/\.a?png$/i.test(fileName)) throw cardError('card_not_png', `${fileName} is not a PNG file`);
  if (/\.(charx|zip)$/i.test(fileName)) throw cardError('charx_invalid', `${fileName} is not a zip file`);
  return importJson(context, bytes, fileName);
}
