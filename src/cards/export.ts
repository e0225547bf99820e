/** Exports a card to a PNG, JSON or CHARX file, and makes new empty cards. */
import type { AssetFiles, CharacterCard } from '../spec/character.js';
import { cardError } from './context.js';
import { toV2Object, toV3Object } from './card-objects.js';
import { writeCharx } from './charx.js';
import { CARD_LIMITS, formatBytes } from './limits.js';
import { writePngCard } from './png-export.js';

export type ExportFormat = 'png' | 'json' | 'charx';

/** Refuses to write a card this module could not import again. */
function checkSize(json: string): void {
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > CARD_LIMITS.maxCardJsonBytes) {
    throw cardError(
      'card_too_large',
      `the card's JSON is ${formatBytes(bytes)}; the limit is ${formatBytes(CARD_LIMITS.maxCardJsonBytes)}`,
      { limit: 'maxCardJsonBytes' },
    );
  }
}

/** Writes the card (and, for PNG and CHARX, its images) in the given file format. */
export function exportCard(card: CharacterCard, assets: AssetFiles, format: ExportFormat): Uint8Array {
  const v3 = toV3Object(card);
  const json = JSON.stringify(v3, null, 2);
  checkSize(json);
  if (format === 'json') return Buffer.from(json, 'utf8');
  if (format === 'charx') return writeCharx(card, v3, assets);
  return writePngCard(assets.get('avatar'), v3, toV2Object(card));
}

/** A valid card with the given name and every other field empty, for "create". */
export { emptyCard } from '../spec/defaults.js';
