/** CHARX: a zip with `card.json` at the root and the card's assets beside it. */
import { zipSync, type Zippable } from 'fflate';
import type { AssetFiles, CharacterCard } from '../spec/character.js';
import { cardError, warn, type ImportContext } from './context.js';
import { embeddedPath, mainIcon } from './card-assets.js';
import type { JsonObject } from './fields.js';
import { parseJsonBytes } from './json-payload.js';
import { checkZipPath, readZip } from './zip-read.js';

export const CHARX_CARD_PATH = 'card.json';

/** Reads a CHARX file: its parsed card document and every other file keyed by its path. */
export function readCharx(
  context: ImportContext,
  bytes: Uint8Array,
): { document: JsonObject; files: AssetFiles } {
  const files = new Map(readZip(context, bytes).map((file) => [file.path, file.data]));
  const cardJson = files.get(CHARX_CARD_PATH);
  if (cardJson === undefined) throw cardError('charx_invalid', 'the CHARX file has no card.json at its root');
  files.delete(CHARX_CARD_PATH);
  return { document: parseJsonBytes(context, cardJson, CHARX_CARD_PATH), files };
}

/**
 * Moves the main icon's file to the `avatar` key and warns about assets the zip lacks. The card's
 * uri for the icon stays, so export can put the avatar back at the same path.
 */
export function charxAssetFiles(context: ImportContext, card: CharacterCard, files: AssetFiles): AssetFiles {
  const result = new Map(files);
  const iconPath = embeddedPath(mainIcon(card.assets)?.uri ?? '');
  const icon = iconPath === undefined ? undefined : result.get(iconPath);
  if (iconPath !== undefined && icon !== undefined) {
    result.delete(iconPath);
    result.set('avatar', icon);
  }
  card.assets.forEach((asset, index) => {
    const path = embeddedPath(asset.uri);
    if (path !== undefined && !files.has(path)) {
      warn(
        context,
        'charx_missing_asset',
        `asset ${asset.name || asset.uri} is not in the zip`,
        `data.assets[${index}]`,
      );
    }
  });
  return result;
}

/** The file extension for an image, from its magic bytes. */
function imageExtension(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return 'gif';
  if (bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'webp';
  return 'png';
}

/** Fixed zip timestamps keep exports byte-for-byte reproducible. */
const ZIP_TIME = new Date(Date.UTC(2000, 0, 1));

/**
 * Writes a CHARX zip from a V3 card object and the asset files. The avatar goes to the main icon's
 * embedded path; when the card has no such icon, one is added to the written card.json.
 */
export function writeCharx(
  card: CharacterCard,
  cardObject: { data: JsonObject },
  assets: AssetFiles,
): Uint8Array {
  const files: Zippable = {};
  const put = (path: string, data: Uint8Array): void => {
    checkZipPath(path);
    Object.defineProperty(files, path, { value: [data, { mtime: ZIP_TIME }], enumerable: true });
  };
  let document: unknown = cardObject;
  const avatar = assets.get('avatar');
  if (avatar !== undefined) {
    const iconPath = embeddedPath(mainIcon(card.assets)?.uri ?? '');
    if (iconPath !== undefined) put(iconPath, avatar);
    else {
      // Where export stores an avatar for a card that names no embedded icon.
      const ext = imageExtension(avatar);
      const path = `assets/icon/images/main.${ext}`;
      put(path, avatar);
      const icon = { type: 'icon', uri: `embeded://${path}`, name: 'main', ext };
      document = { ...cardObject, data: { ...cardObject.data, assets: [icon, ...card.assets] } };
    }
  }
  for (const [path, data] of assets) {
    if (path === 'avatar' || path === CHARX_CARD_PATH || Object.prototype.hasOwnProperty.call(files, path))
      continue;
    checkZipPath(path);
    put(path, data);
  }
  put(CHARX_CARD_PATH, Buffer.from(JSON.stringify(document), 'utf8'));
  return zipSync(files, { level: 6 });
}
