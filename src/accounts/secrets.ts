/** Random secrets (API keys, session tokens) and the fast hash they are stored under. */
import { createHash, randomBytes } from 'node:crypto';

/** Every API key starts with this, so leaked keys are easy to spot (and to scan for). */
export const API_KEY_PREFIX = 'sk-star-';
/** How many leading characters of a key are kept to tell keys apart. */
export const API_KEY_VISIBLE_LENGTH = 12;

const secretBytes = 32;
// 32 bytes in base64url without padding are 43 characters.
const secretPattern = /^[A-Za-z0-9_-]{43}$/;

/** 32 random bytes as base64url: 256 bits, too many to guess or enumerate. */
export function randomSecret(): string {
  return randomBytes(secretBytes).toString('base64url');
}

/**
 * SHA-256 as hex. A fast hash is right for 256-bit random secrets: unlike passwords they cannot be
 * guessed, so a slow KDF would only cost every request time.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A new API key: `sk-star-` and a random secret. */
export function newApiKey(): string {
  return `${API_KEY_PREFIX}${randomSecret()}`;
}

/** True for a string shaped like a key from `newApiKey` (checked before any lookup). */
export function isApiKeyShaped(key: string): boolean {
  return key.startsWith(API_KEY_PREFIX) && secretPattern.test(key.slice(API_KEY_PREFIX.length));
}

/** True for a string shaped like a token from `randomSecret`. */
export function isSecretShaped(token: string): boolean {
  return secretPattern.test(token);
}
