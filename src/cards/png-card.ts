/**
 * Finds the card payloads in a PNG/APNG (`ccv3` first, then `chara`) and rebuilds the image without
 * card chunks, which becomes the card's avatar.
 */
import { cardError, warn, type ImportContext } from './context.js';
import { chunkCrcOk, concatBytes, PNG_SIGNATURE, readPngChunks, type PngChunk } from './png-chunks.js';
import { decodeTextChunk, TEXT_CHUNK_TYPES, textKeyword } from './png-text.js';

/** Card keywords in precedence order: a V3 `ccv3` chunk wins over the `chara` backfill. */
export const CARD_KEYWORDS = ['ccv3', 'chara'] as const;
export type CardKeyword = (typeof CARD_KEYWORDS)[number];

/**
 * Text chunks removed from the avatar: the card chunks Starling rewrites, and RisuAI's own copy of
 * the card (`risuai`), which would otherwise go stale and win over ours in RisuAI. V3 embedded-asset
 * chunks (`chara-ext-asset_*`) stay in the image, so `__asset:` uris keep working after export.
 */
function isCardDataKeyword(keyword: string): boolean {
  return keyword === 'chara' || keyword === 'ccv3' || keyword === 'risuai';
}

export interface PngCandidate {
  keyword: CardKeyword;
  /** Decodes the chunk's text; throws a StarlingError for a bad CRC or malformed chunk. */
  decode: () => string;
}

export interface PngCard {
  candidates: PngCandidate[];
  /** The PNG with card chunks (and anything after IEND) removed. */
  avatar: Uint8Array;
}

/** The PNG's card chunks by keyword, and the image without any card data (ending at IEND). */
export function splitPng(
  context: ImportContext,
  bytes: Uint8Array,
): { found: Map<CardKeyword, PngChunk>; avatar: Uint8Array } {
  const chunks = readPngChunks(context, bytes);
  const found = new Map<CardKeyword, PngChunk>();
  const kept: Uint8Array[] = [PNG_SIGNATURE];
  let badCrc = 0;
  for (const chunk of chunks) {
    const keyword = TEXT_CHUNK_TYPES.has(chunk.type) ? textKeyword(bytes, chunk) : undefined;
    if (keyword !== undefined && isCardDataKeyword(keyword)) {
      const cardKeyword = CARD_KEYWORDS.find((candidate) => candidate === keyword);
      if (cardKeyword !== undefined && found.has(cardKeyword)) {
        warn(context, 'png_duplicate_chunk', `a second ${keyword} chunk was ignored`, `png.${keyword}`);
      } else if (cardKeyword !== undefined) found.set(cardKeyword, chunk);
      continue;
    }
    if (!chunkCrcOk(bytes, chunk)) badCrc += 1;
    kept.push(bytes.subarray(chunk.offset, chunk.dataEnd + 4));
  }
  if (badCrc > 0) {
    warn(
      context,
      'png_bad_crc',
      `${badCrc} image chunks fail their CRC check; the avatar may be damaged`,
      'png',
    );
  }
  return { found, avatar: concatBytes(kept) };
}

/** Lists the card chunks of a PNG in precedence order and builds the avatar. */
export function readPngCard(context: ImportContext, bytes: Uint8Array): PngCard {
  const { found, avatar } = splitPng(context, bytes);
  const candidates = CARD_KEYWORDS.flatMap((keyword): PngCandidate[] => {
    const chunk = found.get(keyword);
    if (chunk === undefined) return [];
    const where = `the ${keyword} chunk`;
    return [
      {
        keyword,
        decode: () => {
          if (!chunkCrcOk(bytes, chunk)) throw cardError('card_bad_png', `${where} fails its CRC check`);
          return decodeTextChunk(context, bytes, chunk, where);
        },
      },
    ];
  });
  if (candidates.length === 0) {
    throw cardError('card_no_data', 'the PNG carries no character card (no ccv3 or chara chunk)');
  }
  return { candidates, avatar };
}
