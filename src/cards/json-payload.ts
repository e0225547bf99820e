/**
 * Decodes card payloads: UTF-8 bytes or base64 text to a parsed JSON object, under the size and
 * nesting limits, with `card_bad_base64` / `card_bad_json` errors that say where the fault is.
 */
import { cardError, warn, type ImportContext } from './context.js';
import { isObject, type JsonObject } from './fields.js';
import { formatBytes } from './limits.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Rejects JSON text nested deeper than the limit, scanning the text once without parsing it. */
function checkDepth(context: ImportContext, text: string, where: string): void {
  const maxDepth = context.limits.maxJsonDepth;
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index += 1; // skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      depth += 1;
      if (depth > maxDepth) {
        throw cardError('card_too_large', `${where}: JSON nested deeper than ${maxDepth} levels`, {
          limit: 'maxJsonDepth',
        });
      }
    } else if (code === 0x7d || code === 0x5d) depth -= 1;
  }
}

/** Parses JSON text into an object (a card or lorebook document is always an object). */
export function parseJsonText(context: ImportContext, text: string, where: string): JsonObject {
  checkDepth(context, text, where);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw cardError('card_bad_json', `${where} is not valid JSON: ${reason.slice(0, 200)}`);
  }
  if (!isObject(value)) {
    throw cardError(
      'card_invalid',
      `${where}: expected a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`,
    );
  }
  return value;
}

/** Decodes UTF-8 bytes (a leading BOM is dropped) and parses them as a JSON object. */
export function parseJsonBytes(context: ImportContext, bytes: Uint8Array, where: string): JsonObject {
  if (bytes.length > context.limits.maxCardJsonBytes) {
    throw cardError(
      'card_too_large',
      `${where} is ${formatBytes(bytes.length)}; the limit is ${formatBytes(context.limits.maxCardJsonBytes)}`,
      { limit: 'maxCardJsonBytes' },
    );
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (error) {
    throw cardError('card_bad_json', `${where} is not UTF-8 text`, { cause: String(error) });
  }
  return parseJsonText(context, text, where);
}

const base64Text = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** Decodes a PNG text chunk's payload: base64 of UTF-8 JSON, or (tolerated) the JSON itself. */
export function parseCardPayload(context: ImportContext, text: string, where: string): JsonObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    warn(context, 'card_raw_json_payload', `${where} holds JSON instead of base64; read as is`, where);
    return parseJsonBytes(context, Buffer.from(trimmed, 'utf8'), where);
  }
  const clean = trimmed.replace(/\s+/g, '');
  if (clean.length === 0) throw cardError('card_bad_base64', `${where} is empty`);
  if (!base64Text.test(clean) || clean.length % 4 === 1) {
    throw cardError('card_bad_base64', `${where} is not valid base64`);
  }
  if (Math.floor((clean.length * 3) / 4) > context.limits.maxCardJsonBytes + 2) {
    throw cardError(
      'card_too_large',
      `${where} decodes to more than ${formatBytes(context.limits.maxCardJsonBytes)}`,
      {
        limit: 'maxCardJsonBytes',
      },
    );
  }
  return parseJsonBytes(context, Buffer.from(clean, 'base64'), where);
}
