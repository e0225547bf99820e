/**
 * Password hashing with scrypt (node:crypto). The stored string names its parameters and salt,
 * `scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64url), so the cost can rise later without breaking
 * hashes made earlier.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { StarlingError } from '../spec/errors.js';

/** scrypt's N by default: 2^15, the cost OWASP suggests for interactive logins with r=8, p=1. */
export const DEFAULT_SCRYPT_COST = 2 ** 15;

const blockSize = 8;
const parallelization = 1;
const saltBytes = 16;
const keyBytes = 32;
// Bounds for parameters read back from a stored hash, so a damaged row cannot ask for gigabytes.
const maxLogCost = 20;
const maxMemoryBytes = 256 * 1024 * 1024;
const hashPattern =
  /^scrypt\$ln=(?<ln>\d{1,2}),r=(?<r>\d{1,2}),p=(?<p>\d{1,2})\$(?<salt>[A-Za-z0-9_-]+)\$(?<key>[A-Za-z0-9_-]+)$/;

function derive(
  password: string,
  salt: Buffer,
  params: { cost: number; r: number; p: number; length: number },
): Promise<Buffer> {
  const { cost, r, p, length } = params;
  return new Promise((resolve, reject) => {
    // Node's default maxmem (32 MiB) is exactly 128·N·r at N=2^15, which OpenSSL refuses; allow twice that.
    const maxmem = 256 * cost * r * p;
    scrypt(password.normalize('NFC'), salt, length, { N: cost, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes a password with scrypt and a fresh random salt; `cost` is scrypt's N, a power of two. */
export async function hashPassword(password: string, cost: number = DEFAULT_SCRYPT_COST): Promise<string> {
  const logCost = Math.log2(cost);
  if (!Number.isInteger(logCost) || logCost < 1 || logCost > maxLogCost) {
    throw new StarlingError(
      'scrypt_cost_invalid',
      `scrypt cost must be a power of two up to 2^20, got ${cost}`,
    );
  }
  const salt = randomBytes(saltBytes);
  const key = await derive(password, salt, { cost, r: blockSize, p: parallelization, length: keyBytes });
  return `scrypt$ln=${logCost},r=${blockSize},p=${parallelization}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** True when `password` matches a string made by `hashPassword`; false for a wrong password or a malformed hash. */
export async function verifyPasswordHash(password: string, hash: string): Promise<boolean> {
  const groups = hashPattern.exec(hash)?.groups;
  if (groups === undefined) return false;
  const [ln, r, p] = [Number(groups.ln), Number(groups.r), Number(groups.p)];
  if (ln < 1 || ln > maxLogCost || r < 1 || p < 1 || p > 4 || 128 * 2 ** ln * r > maxMemoryBytes)
    return false;
  const expected = Buffer.from(groups.key ?? '', 'base64url');
  if (expected.length < 16) return false;
  const salt = Buffer.from(groups.salt ?? '', 'base64url');
  const actual = await derive(password, salt, { cost: 2 ** ln, r, p, length: expected.length });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
