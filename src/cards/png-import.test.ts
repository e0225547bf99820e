import { describe, expect, it } from 'vitest';
import { StarlingError } from '../spec/errors.js';
import { importFile } from './index.js';
import { concatBytes, encodeChunk, PNG_SIGNATURE, readPngChunks } from './png-chunks.js';
import { createContext } from './context.js';
import { CARD_LIMITS } from './limits.js';
import {
  base64Json,
  flipByte,
  itxtChunk,
  pngFromChunks,
  pngWith,
  textChunk,
  ztxtChunk,
} from './test-support/fixtures.js';

const v2 = {
  spec: 'chara_card_v2',
  spec_version: '2.0',
  data: { name: 'Vee Two', description: 'from chara' },
};
const v3 = {
  spec: 'chara_card_v3',
  spec_version: '3.0',
  data: { name: 'Vee Three', description: 'from ccv3' },
};
const v1 = {
  name: 'Vee One',
  description: 'flat',
  first_mes: 'hi',
  personality: '',
  scenario: '',
  mes_example: '',
};

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(StarlingError.isInstance(error)).toBe(true);
    return (error as StarlingError).code;
  }
  throw new Error('expected a StarlingError');
}

function character(bytes: Uint8Array) {
  const result = importFile(bytes, 'card.png');
  if (result.kind !== 'character') throw new Error('expected a character');
  return result;
}

describe('PNG card import', () => {
  it('reads a V2 card from a chara tEXt chunk', () => {
    const result = character(pngWith([textChunk('chara', base64Json(v2))]));
    expect(result.format).toBe('png');
    expect(result.spec).toBe('v2');
    expect(result.card.name).toBe('Vee Two');
  });

  it('prefers ccv3 over chara whatever their order', () => {
    const both = [textChunk('chara', base64Json(v2)), textChunk('ccv3', base64Json(v3))];
    expect(character(pngWith(both)).card.name).toBe('Vee Three');
    expect(character(pngWith([...both].reverse())).spec).toBe('v3');
  });

  it('accepts a V3 payload inside chara and a V1 card', () => {
    expect(character(pngWith([textChunk('chara', base64Json(v3))])).spec).toBe('v3');
    const old = character(pngWith([textChunk('chara', base64Json(v1))]));
    expect(old.spec).toBe('v1');
    expect(old.card.firstMessage).toBe('hi');
  });

  it('reads zTXt and iTXt chunks, compressed or not', () => {
    expect(character(pngWith([ztxtChunk('chara', base64Json(v2))])).card.name).toBe('Vee Two');
    expect(character(pngWith([itxtChunk('ccv3', base64Json(v3), true)])).card.name).toBe('Vee Three');
    expect(character(pngWith([itxtChunk('ccv3', base64Json(v3), false)])).card.name).toBe('Vee Three');
  });

  it('skips unknown chunks (including APNG ones) and strips card data from the avatar', () => {
    const junk = { type: 'tEXt', data: Buffer.from('risuai\0' + 'A'.repeat(100_000), 'latin1') };
    const comment = textChunk('Comment', 'made by hand');
    const apng = { type: 'acTL', data: new Uint8Array(8) };
    const result = character(pngWith([apng, junk, comment, textChunk('chara', base64Json(v2))]));
    const avatar = result.assets.get('avatar');
    expect(avatar).toBeDefined();
    const types = readPngChunks(createContext(CARD_LIMITS), avatar ?? new Uint8Array()).map(
      (chunk) => chunk.type,
    );
    expect(types).toEqual(['IHDR', 'IDAT', 'acTL', 'tEXt', 'IEND']);
    expect(Buffer.from(avatar ?? []).includes('made by hand')).toBe(true);
    expect(Buffer.from(avatar ?? []).includes('risuai')).toBe(false);
  });

  it('falls back to chara with a warning when ccv3 is unreadable', () => {
    const result = character(
      pngWith([textChunk('ccv3', '!!not base64!!'), textChunk('chara', base64Json(v2))]),
    );
    expect(result.card.name).toBe('Vee Two');
    expect(result.warnings.map((warning) => warning.code)).toContain('png_chunk_unreadable');
  });

  it('tolerates raw JSON in a chunk with a warning', () => {
    const result = character(pngWith([textChunk('chara', JSON.stringify(v2))]));
    expect(result.warnings.map((warning) => warning.code)).toContain('card_raw_json_payload');
  });

  it('warns about bad CRCs in image chunks but keeps the card', () => {
    const bytes = pngWith([textChunk('chara', base64Json(v2))]);
    flipByte(bytes, PNG_SIGNATURE.length + 8 + 13); // IHDR's CRC
    expect(character(bytes).warnings.map((warning) => warning.code)).toContain('png_bad_crc');
  });
});

describe('PNG card errors', () => {
  const good = pngWith([textChunk('chara', base64Json(v2))]);

  it('card_not_png for a .png that is not one', () => {
    expect(codeOf(() => importFile(Buffer.from('GIF89a...'), 'x.png'))).toBe('card_not_png');
  });

  it('card_truncated for a cut file or a chunk running past the end', () => {
    expect(codeOf(() => importFile(good.subarray(0, good.length - 30), 'x.png'))).toBe('card_truncated');
    expect(codeOf(() => importFile(good.subarray(0, good.length - 12), 'x.png'))).toBe('card_truncated');
    const lying = good.slice();
    new DataView(lying.buffer).setUint32(PNG_SIGNATURE.length, 0x10000000);
    expect(codeOf(() => importFile(lying, 'x.png'))).toBe('card_truncated');
  });

  it('card_bad_png for a bad chunk type, no IHDR, or a card chunk failing its CRC', () => {
    const badType = good.slice();
    badType[PNG_SIGNATURE.length + 4] = 0x31;
    expect(codeOf(() => importFile(badType, 'x.png'))).toBe('card_bad_png');
    const noHeader = pngFromChunks([
      textChunk('chara', base64Json(v2)),
      { type: 'IEND', data: new Uint8Array() },
    ]);
    expect(codeOf(() => importFile(noHeader, 'x.png'))).toBe('card_bad_png');
    const badCrc = good.slice();
    flipByte(badCrc, badCrc.length - 13); // last CRC byte of the chara chunk
    expect(codeOf(() => importFile(badCrc, 'x.png'))).toBe('card_bad_png');
  });

  it('card_no_data for a PNG without card chunks', () => {
    expect(codeOf(() => importFile(pngWith([textChunk('Title', 'x')]), 'x.png'))).toBe('card_no_data');
  });

  it('card_bad_base64 and card_bad_json for broken payloads', () => {
    expect(codeOf(() => importFile(pngWith([textChunk('chara', 'abc$%^')]), 'x.png'))).toBe(
      'card_bad_base64',
    );
    const notJson = Buffer.from('{"name": "x",', 'utf8').toString('base64');
    expect(codeOf(() => importFile(pngWith([textChunk('chara', notJson)]), 'x.png'))).toBe('card_bad_json');
    const notUtf8 = Buffer.from([0xff, 0xfe, 0x7b]).toString('base64');
    expect(codeOf(() => importFile(pngWith([textChunk('chara', notUtf8)]), 'x.png'))).toBe('card_bad_json');
  });

  it('card_too_large for files, chunks, chunk counts and inflated text over the limits', () => {
    expect(codeOf(() => importFile(good, 'x.png', { limits: { maxFileBytes: 100 } }))).toBe('card_too_large');
    expect(codeOf(() => importFile(good, 'x.png', { limits: { maxPngChunkBytes: 10 } }))).toBe(
      'card_too_large',
    );
    expect(codeOf(() => importFile(good, 'x.png', { limits: { maxPngChunks: 2 } }))).toBe('card_too_large');
    const bomb = pngWith([ztxtChunk('chara', 'A'.repeat(2_000_000))]);
    expect(codeOf(() => importFile(bomb, 'x.png', { limits: { maxCardJsonBytes: 100_000 } }))).toBe(
      'card_too_large',
    );
  });

  it('rejects chunks with malformed text headers', () => {
    const broken = { type: 'zTXt', data: Buffer.from('chara\0\x05xx', 'latin1') };
    expect(codeOf(() => importFile(pngWith([broken]), 'x.png'))).toBe('card_bad_png');
    const badDeflate = { type: 'zTXt', data: Buffer.from('chara\0\0not deflate', 'latin1') };
    expect(codeOf(() => importFile(pngWith([badDeflate]), 'x.png'))).toBe('card_bad_png');
  });

  it('encodes chunks the reader accepts', () => {
    const bytes = concatBytes([
      PNG_SIGNATURE,
      encodeChunk('IHDR', new Uint8Array(13)),
      encodeChunk('IEND', new Uint8Array()),
    ]);
    expect(readPngChunks(createContext(CARD_LIMITS), bytes).map((chunk) => chunk.type)).toEqual([
      'IHDR',
      'IEND',
    ]);
  });
});
