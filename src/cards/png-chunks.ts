/**
 * A small PNG chunk reader and writer. It checks the signature, every chunk's length and CRC and
 * stops at IEND; it never decodes a chunk's data, so a multi-megabyte unknown chunk costs one CRC pass.
 */
import { crc32 } from 'node:zlib';
import { cardError, warn, type ImportContext } from './context.js';
import { formatBytes } from './limits.js';

export const PNG_SIGNATURE: Uint8Array = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export interface PngChunk {
  /** Four ASCII letters, e.g. `IHDR`, `tEXt`. */
  type: string;
  /** Offset of the chunk's length field (the chunk spans offset .. dataEnd + 4). */
  offset: number;
  dataStart: number;
  dataEnd: number;
}

/** True when the bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0);
}

function isChunkType(bytes: Uint8Array, offset: number): boolean {
  for (let index = offset; index < offset + 4; index += 1) {
    const byte = bytes[index] ?? 0;
    const letter = (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
    if (!letter) return false;
  }
  return true;
}

/** The chunk's stored CRC matches its type and data. */
export function chunkCrcOk(bytes: Uint8Array, chunk: PngChunk): boolean {
  return crc32(bytes.subarray(chunk.offset + 4, chunk.dataEnd)) === readUint32(bytes, chunk.dataEnd);
}

/**
 * Lists the chunks up to and including IEND. Throws `card_not_png`, `card_truncated`,
 * `card_bad_png` (malformed structure) or `card_too_large`.
 */
export function readPngChunks(context: ImportContext, bytes: Uint8Array): PngChunk[] {
  if (!isPng(bytes)) throw cardError('card_not_png', 'the file does not start with the PNG signature');
  const { maxPngChunks, maxPngChunkBytes } = context.limits;
  const chunks: PngChunk[] = [];
  let offset = PNG_SIGNATURE.length;
  for (;;) {
    if (offset + 12 > bytes.length) {
      throw cardError('card_truncated', `the PNG ends at byte ${bytes.length} before its IEND chunk`, {
        offset,
      });
    }
    const length = readUint32(bytes, offset);
    if (!isChunkType(bytes, offset + 4)) {
      throw cardError('card_bad_png', `the PNG chunk at byte ${offset} has an invalid type`, { offset });
    }
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (length > 0x7fffffff) {
      throw cardError('card_bad_png', `the ${type} chunk at byte ${offset} declares an invalid length`, {
        offset,
      });
    }
    const dataStart = offset + 8;
    const dataEnd = dataStart + length;
    if (dataEnd + 4 > bytes.length) {
      throw cardError('card_truncated', `the ${type} chunk at byte ${offset} runs past the end of the file`, {
        offset,
      });
    }
    if (length > maxPngChunkBytes) {
      throw cardError(
        'card_too_large',
        `the ${type} chunk at byte ${offset} is ${formatBytes(length)}; the limit is ${formatBytes(maxPngChunkBytes)}`,
        { offset, limit: 'maxPngChunkBytes' },
      );
    }
    chunks.push({ type, offset, dataStart, dataEnd });
    if (chunks.length > maxPngChunks) {
      throw cardError('card_too_large', `the PNG has more than ${maxPngChunks} chunks`, {
        limit: 'maxPngChunks',
      });
    }
    offset = dataEnd + 4;
    if (type === 'IEND') break;
  }
  if (chunks[0]?.type !== 'IHDR')
    throw cardError('card_bad_png', 'the PNG does not start with an IHDR chunk');
  if (offset < bytes.length)
    warn(context, 'png_trailing_data', `${bytes.length - offset} bytes after IEND ignored`);
  return chunks;
}

/** Encodes one chunk: length, type, data, CRC. */
export function encodeChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(Buffer.from(type, 'latin1'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/** Concatenates byte arrays. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
