/** Reads the V3 `assets` list and finds the main icon among it. */
import type { CharacterAsset } from '../spec/character.js';
import { invalidField, warn, type ImportContext } from './context.js';
import { get, isObject, readString, type JsonObject } from './fields.js';

function extensionOf(uri: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(uri);
  return match?.[1]?.toLowerCase() ?? '';
}

/** The `assets` list of a V3 card; entries without a uri are dropped with a warning. */
export function readAssets(context: ImportContext, data: JsonObject, path: string): CharacterAsset[] {
  const value = get(data, 'assets');
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidField(context, path, 'a list of assets', value);
  const assets: CharacterAsset[] = [];
  value.forEach((item: unknown, index) => {
    const at = `${path}[${index}]`;
    if (!isObject(item)) throw invalidField(context, at, 'an asset object', item);
    const uri = readString(context, item, 'uri', `${at}.uri`);
    if (uri === '') {
      warn(context, 'card_asset_dropped', `${at} has no uri; dropped`, at);
      return;
    }
    const type = readString(context, item, 'type', `${at}.type`);
    const ext = readString(context, item, 'ext', `${at}.ext`);
    assets.push({
      type: type !== '' ? type : 'x-unknown',
      uri,
      name: readString(context, item, 'name', `${at}.name`),
      ext: ext !== '' ? ext : extensionOf(uri),
    });
  });
  return assets;
}

/** The main icon: the `icon` asset named `main`, else the first icon. */
export function mainIcon(assets: readonly CharacterAsset[]): CharacterAsset | undefined {
  const icons = assets.filter((asset) => asset.type === 'icon');
  return icons.find((asset) => asset.name === 'main') ?? icons[0];
}

const embeddedPrefixes = ['embeded://', 'embedded://'];

/** The zip path an `embeded://` uri points at (the spec's spelling; the correct one is accepted too). */
export function embeddedPath(uri: string): string | undefined {
  const prefix = embeddedPrefixes.find((candidate) => uri.startsWith(candidate));
  return prefix === undefined ? undefined : uri.slice(prefix.length);
}
