/** Writes a PNG card: the avatar's chunks without old card data, plus `ccv3` and `chara` tEXt chunks. */
import { deflateSync } from 'node:zlib';
import { cardError, createContext } from './context.js';
import { CARD_LIMITS } from './limits.js';
import { concatBytes, encodeChunk, isPng, PNG_SIGNATURE } from './png-chunks.js';
import { splitPng } from './png-card.js';

const PLACEHOLDER_SIZE = 64;

/** A plain grey square, for cards exported to PNG without an avatar. */
export function placeholderPng(): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, PLACEHOLDER_SIZE);
  view.setUint32(4, PLACEHOLDER_SIZE);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  const row = 1 + PLACEHOLDER_SIZE * 3; // a filter byte, then the pixels
  const pixels = new Uint8Array(row * PLACEHOLDER_SIZE).fill(0x9a);
  for (let y = 0; y < PLACEHOLDER_SIZE; y += 1) pixels[y * row] = 0;
  return concatBytes([
    PNG_SIGNATURE,
    encodeChunk('IHDR', header),
    encodeChunk('IDAT', deflateSync(pixels)),
    encodeChunk('IEND', new Uint8Array(0)),
  ]);
}

function textChunk(keyword: string, document: unknown): Uint8Array {
  const payload = Buffer.from(JSON.stringify(document), 'utf8').toString('base64');
  return encodeChunk('tEXt', Buffer.from(`${keyword}\0${payload}`, 'latin1'));
}

/** The avatar without any card chunks; throws when the avatar is not a readable PNG. */
function cleanAvatar(avatar: Uint8Array | undefined): Uint8Array {
  if (avatar === undefined) return placeholderPng();
  if (!isPng(avatar)) {
    throw cardError('card_avatar_not_png', 'the avatar is not a PNG; convert it before exporting a PNG card');
  }
  return splitPng(createContext(CARD_LIMITS), avatar).avatar;
}

/** Builds a PNG card from the avatar (or a placeholder) and the V3 and V2 card objects. */
export function writePngCard(avatar: Uint8Array | undefined, v3: unknown, v2: unknown): Uint8Array {
  const image = cleanAvatar(avatar);
  const cards = [textChunk('ccv3', v3), textChunk('chara', v2)];
  // IEND is the last 12 bytes: insert the card chunks just before it.
  return concatBytes([image.subarray(0, image.length - 12), ...cards, image.subarray(image.length - 12)]);
}
