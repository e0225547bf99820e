import { describe, expect, it } from 'vitest';
import type { AssetFiles } from '../spec/character.js';
import { StarlingError } from '../spec/errors.js';
import { emptyCard, exportCard, importFile, toV2Object, toV3Object } from './index.js';
import { createContext } from './context.js';
import { CARD_LIMITS } from './limits.js';
import { readPngChunks } from './png-chunks.js';
import { placeholderPng } from './png-export.js';
import { textKeyword } from './png-text.js';
import { sampleCard } from './test-support/fixtures.js';

function reimport(bytes: Uint8Array, fileName: string) {
  const result = importFile(bytes, fileName);
  if (result.kind !== 'character') throw new Error('expected a character');
  return result;
}

function textChunks(png: Uint8Array): { keyword: string | undefined; text: string }[] {
  return readPngChunks(createContext(CARD_LIMITS), png)
    .filter((chunk) => chunk.type === 'tEXt')
    .map((chunk) => ({
      keyword: textKeyword(png, chunk),
      text: Buffer.from(png.subarray(chunk.dataStart, chunk.dataEnd)).toString('latin1').split('\0')[1] ?? '',
    }));
}

const assets = (): AssetFiles => new Map([['avatar', placeholderPng()]]);

describe('export round trips', () => {
  for (const format of ['png', 'json', 'charx'] as const) {
    it(`${format}: export then import gives an equal card without warnings`, () => {
      const card = sampleCard();
      const result = reimport(exportCard(card, assets(), format), `card.${format}`);
      expect(result.card).toEqual(card);
      expect(result.warnings).toEqual([]);
      expect(result.spec).toBe('v3');
      if (format !== 'json') expect(result.assets.get('avatar')).toEqual(placeholderPng());
    });
  }

  it('empty cards round-trip', () => {
    const card = emptyCard('New');
    expect(reimport(exportCard(card, new Map(), 'json'), 'new.json')).toMatchObject({ card, warnings: [] });
  });

  it('CHARX keeps other assets and adds an icon for an avatar the card does not name', () => {
    const card = { ...emptyCard('Plain'), assets: [] };
    const files: AssetFiles = new Map([...assets(), ['assets/other/a.bin', Uint8Array.of(7)]]);
    const result = reimport(exportCard(card, files, 'charx'), 'p.charx');
    expect(result.card.assets).toEqual([
      { type: 'icon', uri: 'embeded://assets/icon/images/main.png', name: 'main', ext: 'png' },
    ]);
    expect(result.assets.get('assets/other/a.bin')).toEqual(Uint8Array.of(7));
    expect(result.assets.get('avatar')).toEqual(placeholderPng());
  });
});

describe('PNG export', () => {
  it('writes ccv3 (V3) and chara (V2 backfill) and replaces existing card chunks', () => {
    const first = exportCard(sampleCard(), assets(), 'png');
    const imported = reimport(first, 'a.png');
    const second = exportCard({ ...imported.card, name: 'Renamed' }, imported.assets, 'png');
    const chunks = textChunks(second);
    expect(chunks.map((chunk) => chunk.keyword)).toEqual(['ccv3', 'chara']);
    const decode = (text: string): unknown => JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
    expect(decode(chunks[0]?.text ?? '')).toMatchObject({ spec: 'chara_card_v3', data: { name: 'Renamed' } });
    expect(decode(chunks[1]?.text ?? '')).toMatchObject({ spec: 'chara_card_v2', data: { name: 'Renamed' } });
  });

  it('uses a placeholder image without an avatar and refuses a non-PNG avatar', () => {
    const result = reimport(exportCard(emptyCard('No image'), new Map(), 'png'), 'n.png');
    expect(result.assets.get('avatar')).toEqual(placeholderPng());
    const jpeg = new Map([['avatar', Uint8Array.of(0xff, 0xd8, 0xff, 0xe0)]]);
    expect(() => exportCard(emptyCard('x'), jpeg, 'png')).toThrow(
      expect.objectContaining({ code: 'card_avatar_not_png' }),
    );
  });
});

describe('card objects', () => {
  it('toV2Object drops V3-only fields and toV3Object keeps them', () => {
    const v2 = toV2Object(sampleCard());
    expect(v2.spec).toBe('chara_card_v2');
    expect(v2.data).not.toHaveProperty('nickname');
    expect(v2.data).not.toHaveProperty('assets');
    expect(v2.data.extensions).toEqual(sampleCard().extensions);
    const v3 = toV3Object(sampleCard());
    expect(v3.data).toMatchObject({ nickname: 'Mare', creation_date: 1_700_000_000 });
  });

  it('refuses to export a card too large to import again, and unsafe asset paths', () => {
    const huge = { ...emptyCard('Big'), description: 'x'.repeat(CARD_LIMITS.maxCardJsonBytes) };
    expect(() => exportCard(huge, new Map(), 'json')).toThrow(
      expect.objectContaining({ code: 'card_too_large' }),
    );
    const unsafe = new Map([['../escape.png', Uint8Array.of(1)]]);
    try {
      exportCard(emptyCard('x'), unsafe, 'charx');
      expect.unreachable();
    } catch (error) {
      expect(StarlingError.isInstance(error) && error.code).toBe('charx_path_traversal');
    }
  });
});
