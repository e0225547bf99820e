/**
 * Time-sortable ids in the UUIDv7 layout: 48 bits of Unix milliseconds, then a 12-bit counter, then
 * random bits. Hex strings of equal length compare like their times, so `ORDER BY id` is creation
 * order, even for many ids made within one millisecond.
 */
import { randomBytes } from 'node:crypto';

/** Returns a generator of UUIDv7-style ids that are strictly increasing for this generator. */
export function createIdGenerator(now: () => number = Date.now): () => string {
  // Kept in the closure, not the module, so two stores never share a clock.
  let lastTime = -1;
  let counter = 0;
  return () => {
    let time = Math.max(Math.floor(now()), 0);
    if (time <= lastTime) {
      // Same millisecond (or the clock went back): count up; on overflow borrow the next millisecond.
      time = lastTime;
      counter += 1;
      if (counter > 0xfff) {
        time += 1;
        counter = 0;
      }
    } else {
      counter = 0;
    }
    lastTime = time;
    return formatUuidV7(time, counter, randomBytes(8));
  };
}

function formatUuidV7(time: number, counter: number, random: Uint8Array): string {
  const timeHex = time.toString(16).padStart(12, '0').slice(-12);
  const versionAndCounter = (0x7000 | counter).toString(16);
  const bytes = Array.from(random, (byte) => byte.toString(16).padStart(2, '0')).join('');
  // RFC 9562 variant bits `10` in the top of the first random byte.
  const variantNibble = (0x8 | (parseInt(bytes.slice(0, 1), 16) & 0x3)).toString(16);
  const tail = variantNibble + bytes.slice(1, 16);
  return `${timeHex.slice(0, 8)}-${timeHex.slice(8, 12)}-${versionAndCounter}-${tail.slice(0, 4)}-${tail.slice(4, 16)}`;
}
