/**
 * Readers for one field of untrusted card JSON. Each returns the typed value, coerces the sloppy
 * forms real cards use (numbers as strings, a string where a list belongs) with a warning, and throws
 * a StarlingError naming the field path for anything that cannot be coerced.
 */
import { invalidField, warn, type ImportContext } from './context.js';

export type JsonObject = Record<string, unknown>;

/** True for a JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when the object has the key as its own property (never the prototype's). */
export function has(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** The own value at `key`, or undefined. */
export function get(object: JsonObject, key: string): unknown {
  return has(object, key) ? object[key] : undefined;
}

function coerced(context: ImportContext, path: string, from: string, to: string): void {
  warn(context, 'card_coerced_type', `${path}: ${from} read as ${to}`, path);
}

function nulled(context: ImportContext, path: string): void {
  warn(context, 'card_null_field', `${path} is null; treated as absent`, path);
}

/** A string field; absent gives '', numbers and booleans are converted with a warning. */
export function readString(context: ImportContext, object: JsonObject, key: string, path: string): string {
  const value = get(object, key);
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  if (value === null) {
    nulled(context, path);
    return '';
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    coerced(context, path, typeof value, 'a string');
    return String(value);
  }
  throw invalidField(context, path, 'a string', value);
}

/** One element of a string list: strings as is, numbers converted, null dropped (undefined). */
function listItem(context: ImportContext, value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') {
    coerced(context, path, typeof value, 'a string');
    return String(value);
  }
  if (value === null) {
    warn(context, 'card_null_field', `${path} is null; dropped`, path);
    return undefined;
  }
  throw invalidField(context, path, 'a string', value);
}

/**
 * A list of strings. A lone string becomes a one-item list, or, with `splitCommas` (tags, keys),
 * is split on commas, with a warning either way.
 */
export function readStringList(
  context: ImportContext,
  object: JsonObject,
  key: string,
  path: string,
  options: { splitCommas?: boolean } = {},
): string[] {
  const value = get(object, key);
  if (value === undefined) return [];
  if (value === null) {
    nulled(context, path);
    return [];
  }
  if (typeof value === 'string') {
    if (options.splitCommas === true) {
      warn(context, 'card_coerced_type', `${path}: a comma-separated string read as a list`, path);
      return value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
    }
    warn(context, 'card_coerced_type', `${path}: a string read as a one-item list`, path);
    return value.length > 0 ? [value] : [];
  }
  if (!Array.isArray(value)) throw invalidField(context, path, 'a list of strings', value);
  const result: string[] = [];
  value.forEach((item: unknown, index) => {
    const text = listItem(context, item, `${path}[${index}]`);
    if (text !== undefined) result.push(text);
  });
  return result;
}

const numericString = /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/;

/** A finite number, or null when absent or null. Numeric strings are converted with a warning. */
export function readNullableNumber(
  context: ImportContext,
  object: JsonObject,
  key: string,
  path: string,
): number | null {
  const value = get(object, key);
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    if (value.trim() === '') return null;
    if (numericString.test(value)) {
      coerced(context, path, 'a string', 'a number');
      return Number(value);
    }
  }
  throw invalidField(context, path, 'a number', value);
}

/** A finite number with a default for absent or null. */
export function readNumber(
  context: ImportContext,
  object: JsonObject,
  key: string,
  path: string,
  fallback: number,
): number {
  return readNullableNumber(context, object, key, path) ?? fallback;
}

/** A boolean, or null when absent or null. `"true"`/`"false"` and 0/1 are converted with a warning. */
export function readNullableBoolean(
  context: ImportContext,
  object: JsonObject,
  key: string,
  path: string,
): boolean | null {
  const value = get(object, key);
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1 || value === 'true' || value === 'false') {
    coerced(context, path, typeof value, 'a boolean');
    return value === 1 || value === 'true';
  }
  throw invalidField(context, path, 'a boolean', value);
}

/** A boolean with a default for absent or null. */
export function readBoolean(
  context: ImportContext,
  object: JsonObject,
  key: string,
  path: string,
  fallback: boolean,
): boolean {
  return readNullableBoolean(context, object, key, path) ?? fallback;
}

/** A JSON object kept verbatim (extensions); absent or null gives an empty object. */
export function readObject(
  context: ImportContext,
  object: JsonObject,
  key: string,
  path: string,
): JsonObject {
  const value = get(object, key);
  if (value === undefined) return {};
  if (value === null) {
    nulled(context, path);
    return {};
  }
  if (!isObject(value)) throw invalidField(context, path, 'an object', value);
  return value;
}

/** A map of strings (creator_notes_multilingual). */
export function readStringMap(
  context: ImportContext,
  object: JsonObject,
  key: string,
  path: string,
): Record<string, string> {
  const source = readObject(context, object, key, path);
  const pairs: [string, string][] = [];
  for (const name of Object.keys(source)) {
    const text = listItem(context, source[name], `${path}.${name}`);
    if (text !== undefined) pairs.push([name, text]);
  }
  return Object.fromEntries(pairs);
}

/** A copy of `object` without `keys`; built with fromEntries so a `__proto__` key stays a plain key. */
export function omitKeys(object: JsonObject, keys: ReadonlySet<string>): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.has(key)));
}
