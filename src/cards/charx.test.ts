import { describe, expect, it } from 'vitest';
import { StarlingError } from '../spec/errors.js';
import { importFile, toV3Object } from './index.js';
import { placeholderPng } from './png-export.js';
import { flipByte, sampleCard, zipOf } from './test-support/fixtures.js';

const cardJson = JSON.stringify(toV3Object(sampleCard()));
const icon = placeholderPng();

function codeOf(bytes: Uint8Array, limits = {}): string {
  try {
    importFile(bytes, 'card.charx', { limits });
  } catch (error) {
    if (StarlingError.isInstance(error)) return error.code;
    throw error;
  }
  throw new Error('expected a StarlingError');
}

/** Rewrites the declared uncompressed size of a file in the zip's central directory and local header. */
function lieAboutSize(zip: Uint8Array, path: string, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  const name = Buffer.from(path, 'utf8');
  for (let offset = 0; offset < bytes.length - 46; offset += 1) {
    const signature = view.getUint32(offset, true);
    if (
      signature === 0x02014b50 &&
      Buffer.from(bytes.subarray(offset + 46, offset + 46 + name.length)).equals(name)
    ) {
      view.setUint32(offset + 24, size, true);
    }
    if (
      signature === 0x04034b50 &&
      Buffer.from(bytes.subarray(offset + 30, offset + 30 + name.length)).equals(name)
    ) {
      view.setUint32(offset + 22, size, true);
    }
  }
  return bytes;
}

describe('CHARX import', () => {
  it('reads card.json, moves the main icon to avatar and keys other assets by path', () => {
    const extra = Uint8Array.of(1, 2, 3);
    const result = importFile(
      zipOf({ 'card.json': cardJson, 'assets/icon/images/main.png': icon, 'assets/other/sound.ogg': extra }),
      'maren.charx',
    );
    if (result.kind !== 'character') throw new Error('expected a character');
    expect(result).toMatchObject({ format: 'charx', spec: 'v3', warnings: [] });
    expect(result.card).toEqual(sampleCard());
    expect([...result.assets.keys()].sort()).toEqual(['assets/other/sound.ogg', 'avatar']);
    expect(result.assets.get('avatar')).toEqual(icon);
    expect(result.assets.get('assets/other/sound.ogg')).toEqual(extra);
  });

  it('warns about assets the zip lacks', () => {
    const result = importFile(zipOf({ 'card.json': cardJson }), 'x.charx');
    expect(result.warnings.map((warning) => warning.code)).toEqual(['charx_missing_asset']);
  });

  it('charx_invalid for a missing card.json, truncation, a bad CRC or a non-zip .charx', () => {
    expect(codeOf(zipOf({ 'other.json': '{}' }))).toBe('charx_invalid');
    const zip = zipOf({ 'card.json': cardJson });
    expect(codeOf(zip.subarray(0, zip.length - 10))).toBe('charx_invalid');
    expect(codeOf(zip.subarray(0, 200))).toBe('charx_invalid');
    const stored = zipOf({ 'card.json': cardJson, 'a.bin': Uint8Array.of(9, 9, 9, 9) });
    const corrupt = stored.slice();
    flipByte(corrupt, Buffer.from(corrupt).indexOf('a.bin') + 5); // first stored data byte of a.bin
    expect(codeOf(corrupt)).toBe('charx_invalid');
    expect(codeOf(Buffer.from('not a zip'))).toBe('charx_invalid');
  });

  it('charx_path_traversal for .., absolute, drive and backslash paths', () => {
    for (const path of ['../evil.png', 'assets/../../evil.png', '/etc/evil', 'C:/evil', 'assets\\evil.png']) {
      expect(codeOf(zipOf({ 'card.json': cardJson, [path]: 'x' }))).toBe('charx_path_traversal');
    }
  });

  it('charx_zip_bomb for highly compressed files, even when their declared size lies', () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const bomb = zipOf({ 'card.json': cardJson, 'assets/zeros.bin': zeros });
    expect(codeOf(bomb)).toBe('charx_zip_bomb');
    const before = process.memoryUsage().heapUsed;
    expect(codeOf(lieAboutSize(bomb, 'assets/zeros.bin', 10))).toBe('charx_zip_bomb');
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('charx_zip_bomb for too many files or too much in total', () => {
    const files = { 'card.json': cardJson, 'a.txt': 'a', 'b.txt': 'b' };
    expect(codeOf(zipOf(files), { maxZipEntries: 2 })).toBe('charx_zip_bomb');
    expect(codeOf(zipOf(files), { maxZipTotalBytes: 100 })).toBe('charx_zip_bomb');
    expect(codeOf(zipOf(files), { maxZipEntryBytes: 100 })).toBe('charx_zip_bomb');
  });

  it('a declared size that differs from the real one is invalid', () => {
    expect(codeOf(lieAboutSize(zipOf({ 'card.json': cardJson }), 'card.json', 5))).toBe('charx_invalid');
  });
});
