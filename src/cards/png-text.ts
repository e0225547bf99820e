/**
 * Reads PNG text chunks (`tEXt`, `zTXt`, `iTXt`). The keyword is read first so unknown chunks are
 * skipped without decoding; compressed text is inflated with a hard output cap.
 */
import { inflateSync } from 'node:zlib';
import { cardError, type ImportContext } from './context.js';
import type { PngChunk } from './png-chunks.js';

export const TEXT_CHUNK_TYPES: ReadonlySet<string> = new Set(['tEXt', 'zTXt', 'iTXt']);

const utf8 = new TextDecoder('utf-8');

/** The chunk's keyword (up to 79 Latin-1 characters before a NUL), or undefined when malformed. */
export function textKeyword(bytes: Uint8Array, chunk: PngChunk): string | undefined {
  const limit = Math.min(chunk.dataEnd, chunk.dataStart + 80);
  const nul = bytes.subarray(chunk.dataStart, limit).indexOf(0);
  if (nul <= 0) return undefined;
  return String.fromCharCode(...bytes.subarray(chunk.dataStart, chunk.dataStart + nul));
}

/** The largest text a card chunk may hold: base64 of the largest card JSON, plus slack for line breaks. */
export function maxCardTextBytes(context: ImportContext): number {
  return Math.ceil((context.limits.maxCardJsonBytes * 4) / 3) + 64 * 1024;
}

function inflateText(context: ImportContext, data: Uint8Array, where: string): Uint8Array {
  const maxOutputLength = maxCardTextBytes(context);
  try {
    return inflateSync(data, { maxOutputLength });
  } catch (error) {
    if (error instanceof RangeError) {
      throw cardError('card_too_large', `${where} inflates to more than ${maxOutputLength} bytes`, {
        limit: 'maxCardJsonBytes',
      });
    }
    throw cardError('card_bad_png', `${where} holds corrupt compressed text`, { cause: String(error) });
  }
}

/** Decodes a text chunk's text. Text is read as UTF-8: card payloads are ASCII base64 or UTF-8 JSON. */
export function decodeTextChunk(
  context: ImportContext,
  bytes: Uint8Array,
  chunk: PngChunk,
  where: string,
): string {
  const data = bytes.subarray(chunk.dataStart, chunk.dataEnd);
  const nul = data.indexOf(0);
  const malformed = (): Error => cardError('card_bad_png', `${where} is a malformed ${chunk.type} chunk`);
  if (nul <= 0) throw malformed();
  const rest = data.subarray(nul + 1);
  if (chunk.type === 'tEXt') {
    if (rest.length > maxCardTextBytes(context)) {
      throw cardError('card_too_large', `${where} is larger than a card can be`, {
        limit: 'maxCardJsonBytes',
      });
    }
    return utf8.decode(rest);
  }
  if (chunk.type === 'zTXt') {
    if (rest[0] !== 0) throw malformed();
    return utf8.decode(inflateText(context, rest.subarray(1), where));
  }
  // iTXt: compression flag, method, language tag NUL, translated keyword NUL, text.
  const compressed = rest[0];
  if ((compressed !== 0 && compressed !== 1) || (compressed === 1 && rest[1] !== 0)) throw malformed();
  const languageEnd = rest.indexOf(0, 2);
  const translatedEnd = languageEnd < 0 ? -1 : rest.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) throw malformed();
  const text = rest.subarray(translatedEnd + 1);
  if (compressed === 1) return utf8.decode(inflateText(context, text, where));
  if (text.length > maxCardTextBytes(context)) {
    throw cardError('card_too_large', `${where} is larger than a card can be`, { limit: 'maxCardJsonBytes' });
  }
  return utf8.decode(text);
}
